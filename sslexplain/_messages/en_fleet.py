"""Pure: English messages of the fleet family; ``ja_fleet.py`` has the same keys and placeholders."""

MESSAGES: dict[str, str] = {}
