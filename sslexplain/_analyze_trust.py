"""Pure: rules of the trust family (see _analyze.py for the precedence)."""

from __future__ import annotations

from collections.abc import Callable

from ._facts import Facts
from ._model import Cause

TRUST_RULES: tuple[Callable[[Facts], list[Cause]], ...] = ()
