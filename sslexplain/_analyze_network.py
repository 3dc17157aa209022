"""Pure: rules of the network family (see _analyze.py for the precedence)."""

from __future__ import annotations

from collections.abc import Callable

from ._facts import Facts
from ._model import AddressResult, Cause

NETWORK_RULES: tuple[Callable[[Facts], list[Cause]], ...] = ()


def address_results(f: Facts) -> tuple[AddressResult, ...]:
    """What each address of the host serves, when there are several."""
    return ()
