"""Pure: Japanese messages of the trust family; keys and placeholders match ``en_trust.py``."""

MESSAGES: dict[str, str] = {}
