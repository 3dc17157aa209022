"""Pure: rules of the trust family (see _analyze.py for the precedence)."""

from __future__ import annotations

from collections.abc import Callable

from ._facts import Facts
from ._model import Cause, ClientVerdict

TRUST_RULES: tuple[Callable[[Facts], list[Cause]], ...] = ()


def client_verdicts(f: Facts) -> tuple[ClientVerdict, ...]:
    """Every client configuration on this machine and whether it verifies the served chain."""
    return ()
