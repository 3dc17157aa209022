"""Pure: Japanese messages of the fleet family; keys and placeholders match ``en_fleet.py``."""

MESSAGES: dict[str, str] = {}
