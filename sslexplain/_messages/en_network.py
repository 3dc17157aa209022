"""Pure: English messages of the network family; ``ja_network.py`` has the same keys and placeholders."""

MESSAGES: dict[str, str] = {}
