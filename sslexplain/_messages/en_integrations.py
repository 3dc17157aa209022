"""Pure: English messages of the integrations family; ``ja_integrations.py`` has the same keys and placeholders."""

MESSAGES: dict[str, str] = {}
