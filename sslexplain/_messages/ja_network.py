"""Pure: Japanese messages of the network family; keys and placeholders match ``en_network.py``."""

MESSAGES: dict[str, str] = {}
