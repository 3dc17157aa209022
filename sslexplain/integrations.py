"""Where people meet the error: ``explaining()``, excepthooks, logging, structlog, friendly-traceback.

Nothing here raises from inside a hook, a filter or a processor: a failure to
explain must never hide the original error. Logging stays offline (the
explanation is read from the exception alone, cached); probing the host is
opt-in and runs in one bounded background thread that logs a follow-up record.
Only the standard library is imported at module level.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from ._integrations_core import ATTRIBUTE, _annotate, _options, diagnosis_of, is_verification_error
from ._integrations_hooks import Replaced, install, register_friendly_traceback, uninstall
from ._integrations_logs import (
    ExplainFilter,
    ExplainFormatter,
    StructlogProcessor,
    log_fields,
    structlog_processor,
)

if TYPE_CHECKING:
    from ._model import Diagnosis

__all__ = [
    "ATTRIBUTE",
    "ExplainFilter",
    "ExplainFormatter",
    "Replaced",
    "StructlogProcessor",
    "diagnosis_of",
    "explaining",
    "install",
    "is_verification_error",
    "log_fields",
    "register_friendly_traceback",
    "structlog_processor",
    "uninstall",
]


_F = TypeVar("_F", bound=Callable[..., Any])


# --- in code: explaining() ----------------------------------------------------------------------


class explaining:  # noqa: N801 - used like contextlib.suppress: a function-shaped context manager
    """Explain a certificate verification error that passes through, and re-raise it unchanged.

    The same exception object propagates (your ``except`` clauses keep working) with
    the explanation added as a note and the :class:`~sslexplain.Diagnosis` attached
    as ``exc.sslexplain``. Other exceptions pass untouched. Works as ``with``,
    ``async with`` and as a decorator of plain and ``async`` functions; in async code
    the probe runs in a worker thread so the event loop is not blocked.

    Args:
        probe: re-run the handshake with the host named in the error to measure the cause
            (default); False explains from the message alone, offline, in microseconds.
        timeout: deadline in seconds for the probe.
        lang: ``"en"`` or ``"ja"``; default SSLEXPLAIN_LANG, then the locale.
        ca_file: the trust bundle the failing client used, when it was not the default.

    Example::

        with sslexplain.explaining():
            requests.get("https://internal.example.com/")
    """

    def __init__(
        self,
        *,
        probe: bool = True,
        timeout: float = 10.0,
        lang: str | None = None,
        ca_file: str | None = None,
    ) -> None:
        self._options = _options(probe, timeout, lang, ca_file)
        self.diagnosis: Diagnosis | None = None
        """The diagnosis of the last error explained here, for ``with ... as ctx`` users."""

    def __enter__(self) -> explaining:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> Literal[False]:
        if exc is not None:
            self._remember(_annotate(exc, self._options))
        return False

    async def __aenter__(self) -> explaining:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> Literal[False]:
        if exc is None:
            return False
        if diagnosis_of(exc) is None and is_verification_error(exc) and self._options.probe:
            self._remember(await _off_loop(_annotate, exc, self._options))
        else:
            self._remember(_annotate(exc, self._options))
        return False

    def _remember(self, d: Diagnosis | None) -> None:
        if d is not None:
            self.diagnosis = d

    def __call__(self, func: _F) -> _F:
        if inspect.iscoroutinefunction(func):

            @functools.wraps(func)
            async def async_wrapper(*args: Any, **kwargs: Any) -> Any:
                async with self:
                    return await func(*args, **kwargs)

            return cast(_F, async_wrapper)

        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            with self:
                return func(*args, **kwargs)

        return cast(_F, wrapper)


async def _off_loop(function: Callable[..., Diagnosis | None], *args: Any) -> Diagnosis | None:
    """Run blocking probe work in a thread under asyncio; inline under other event loops."""
    try:
        import asyncio

        asyncio.get_running_loop()
    except RuntimeError:
        return function(*args)
    return await asyncio.to_thread(function, *args)
