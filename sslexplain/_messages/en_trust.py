"""Pure: English messages of the trust family; ``ja_trust.py`` has the same keys and placeholders."""

MESSAGES: dict[str, str] = {}
