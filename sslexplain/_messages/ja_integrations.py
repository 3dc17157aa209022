"""Pure: Japanese messages of the integrations family; keys and placeholders match ``en_integrations.py``."""

MESSAGES: dict[str, str] = {}
