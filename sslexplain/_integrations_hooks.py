"""Uncaught errors: sys.excepthook, threading.excepthook, IPython's handler, friendly-traceback.

Every hook chains to the one it replaced, gives it back on uninstall, and never
raises: whatever goes wrong while explaining, the original traceback is shown.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from types import TracebackType
from typing import TYPE_CHECKING, Any, cast

from ._integrations_core import _diagnose, _Options, _options, diagnosis_of, is_verification_error

if TYPE_CHECKING:
    from ._model import Diagnosis


# --- uncaught errors: sys.excepthook, threading.excepthook, IPython ------------------------------


@dataclass(frozen=True)
class Replaced:
    """What :func:`install` replaced, so it can be restored or inspected."""

    excepthook: Callable[..., Any] | None
    threading_excepthook: Callable[..., Any] | None
    ipython: tuple[tuple[type[BaseException], ...], Callable[..., Any]] | None = None


@dataclass
class _Hooks:
    options: _Options | None = None  # None: not installed (a hook left in someone's chain passes through)
    replaced: Replaced | None = None
    shell: Any = None
    ipython_previous: tuple[tuple[type[BaseException], ...], Callable[..., Any]] | None = None
    previous_sys: Callable[..., Any] | None = None
    previous_threading: Callable[..., Any] | None = None
    lock: threading.RLock = field(default_factory=threading.RLock)


_HOOKS = _Hooks()


def install(
    *,
    probe: bool = True,
    timeout: float = 10.0,
    lang: str | None = None,
    ca_file: str | None = None,
    friendly_traceback: bool = True,
) -> Replaced:
    """Explain uncaught certificate verification errors after their traceback.

    Hooks ``sys.excepthook``, ``threading.excepthook`` and, when running under
    IPython / Jupyter, its custom exception handler. Idempotent: a second call only
    updates the options. Every hook chains to the one it replaced and never raises.
    When friendly-traceback is installed, sslexplain also becomes its explainer for
    verification errors.

    Args:
        probe: measure the cause by re-running the handshake (default); False is offline.
        timeout: deadline in seconds for the probe.
        lang: ``"en"`` or ``"ja"``.
        ca_file: the trust bundle your client uses, when it is not the default.
        friendly_traceback: register with friendly-traceback when it can be imported.

    Returns:
        The hooks that were replaced (:class:`Replaced`), like ``rich.traceback.install``.
    """
    options = _options(probe, timeout, lang, ca_file)
    with _HOOKS.lock:
        if _HOOKS.options is not None and _HOOKS.replaced is not None:
            _HOOKS.options = options
            return _HOOKS.replaced
        _HOOKS.previous_sys = sys.excepthook
        _HOOKS.previous_threading = threading.excepthook
        sys.excepthook = _excepthook
        threading.excepthook = _threading_excepthook
        _install_ipython()
        _HOOKS.replaced = Replaced(
            excepthook=_HOOKS.previous_sys,
            threading_excepthook=_HOOKS.previous_threading,
            ipython=_HOOKS.ipython_previous,
        )
        _HOOKS.options = options
        replaced = _HOOKS.replaced
    if friendly_traceback:
        register_friendly_traceback(probe=probe, timeout=timeout, lang=lang, ca_file=ca_file)
    return replaced


def uninstall() -> None:
    """Restore the hooks :func:`install` replaced; a no-op when not installed.

    A hook that someone else has since wrapped is left in place and simply passes
    through, so their chain keeps working.
    """
    with _HOOKS.lock:
        if _HOOKS.options is None:
            return
        _HOOKS.options = None
        if sys.excepthook is _excepthook and _HOOKS.previous_sys is not None:
            sys.excepthook = _HOOKS.previous_sys
        if threading.excepthook is _threading_excepthook and _HOOKS.previous_threading is not None:
            threading.excepthook = _HOOKS.previous_threading
        _uninstall_ipython()
        _HOOKS.replaced = None


_IN_HOOK = threading.local()


def _excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if getattr(_IN_HOOK, "active", False):  # a hook that wraps ours was chained to again: stop the loop
        _quietly(sys.__excepthook__, exc_type, exc, tb)
        return
    _IN_HOOK.active = True
    try:
        previous = _HOOKS.previous_sys or sys.__excepthook__
        try:
            previous(exc_type, exc, tb)
        except BaseException:
            _quietly(sys.__excepthook__, exc_type, exc, tb)
        _explain_uncaught(exc)
    finally:
        _IN_HOOK.active = False


def _threading_excepthook(args: Any) -> None:
    if getattr(_IN_HOOK, "active", False):
        _quietly(threading.__excepthook__, args)
        return
    _IN_HOOK.active = True
    try:
        previous = _HOOKS.previous_threading or threading.__excepthook__
        try:
            previous(args)
        except BaseException:
            _quietly(threading.__excepthook__, args)
        _explain_uncaught(getattr(args, "exc_value", None))
    finally:
        _IN_HOOK.active = False


def _quietly(function: Callable[..., Any], *args: Any) -> None:
    try:
        function(*args)
    except BaseException:
        pass


def _explain_uncaught(exc: object) -> None:
    """Print the diagnosis after the traceback; any failure is swallowed (we are inside a hook)."""
    try:
        options = _HOOKS.options
        if options is None or not isinstance(exc, BaseException):
            return
        existing = diagnosis_of(exc)
        if existing is not None and sys.version_info >= (3, 11):
            return  # the traceback already printed the note explaining() added
        d = existing
        if d is None and is_verification_error(exc):
            d = _diagnose(exc, options)
        if d is None:
            return
        from ._messages import text
        from ._render import render_text

        stream = sys.stderr
        if stream is not None:
            print(
                "\n" + text(d.lang, "integrations.hook.intro") + "\n" + render_text(d, chain=False),
                file=stream,
            )
            stream.flush()
    except BaseException:
        pass


def _client_exception_types() -> tuple[type[BaseException], ...]:
    """OSError and the bases of client errors that are not OSErrors, for clients already imported."""
    found: list[type[BaseException]] = [OSError]
    for module_name, attribute in (
        ("httpx", "TransportError"),
        ("urllib3.exceptions", "HTTPError"),
        ("aiohttp", "ClientError"),
    ):
        module = sys.modules.get(module_name)
        candidate = getattr(module, attribute, None) if module is not None else None
        if isinstance(candidate, type) and issubclass(candidate, BaseException):
            found.append(candidate)
    return tuple(found)


def _install_ipython() -> None:
    module = sys.modules.get("IPython")
    if module is None:
        return
    try:
        shell = module.get_ipython()
        if shell is None or not hasattr(shell, "set_custom_exc"):
            return
        previous = (tuple(shell.custom_exceptions), shell.CustomTB)
        _HOOKS.shell, _HOOKS.ipython_previous = shell, previous
        shell.set_custom_exc(_ipython_types(), _ipython_handler)
        shell.events.register("pre_run_cell", _ipython_refresh)
    except Exception:
        _HOOKS.shell = None
        _HOOKS.ipython_previous = None


def _ipython_types() -> tuple[type[BaseException], ...]:
    previous = _HOOKS.ipython_previous[0] if _HOOKS.ipython_previous else ()
    return tuple(dict.fromkeys((*_client_exception_types(), *previous)))


def _ipython_refresh(*_: object) -> None:
    """Before each cell: also catch the errors of clients imported since install()."""
    try:
        shell = _HOOKS.shell
        if shell is not None and _HOOKS.options is not None:
            shell.custom_exceptions = _ipython_types()
    except Exception:
        pass


def _uninstall_ipython() -> None:
    shell, previous = _HOOKS.shell, _HOOKS.ipython_previous
    _HOOKS.shell = _HOOKS.ipython_previous = None
    if shell is None or previous is None:
        return
    try:
        shell.events.unregister("pre_run_cell", _ipython_refresh)
    except Exception:
        pass
    try:
        shell.custom_exceptions, shell.CustomTB = previous
    except Exception:
        pass


def _ipython_handler(
    shell: Any,
    etype: type[BaseException],
    value: BaseException,
    tb: TracebackType | None,
    tb_offset: Any = None,
) -> Any:
    """IPython's CustomTB: show the traceback as before (or as the previous handler did), then explain."""
    result = None
    previous = _HOOKS.ipython_previous
    try:
        if previous and previous[0] and isinstance(value, previous[0]):
            result = previous[1](etype, value, tb, tb_offset=tb_offset)
        else:
            shell.showtraceback((etype, value, tb), tb_offset=tb_offset)
    except Exception:
        pass
    try:
        options = _HOOKS.options
        if options is not None and is_verification_error(value):
            d = diagnosis_of(value) or _diagnose(value, options)
            if d is not None:
                _display(d)
    except BaseException:
        pass
    return result if isinstance(result, list) else None


def _display(d: Diagnosis) -> None:
    """HTML in a notebook, text in a terminal: one MIME bundle, so each front end picks its own."""
    from IPython.display import display

    from ._messages import text
    from ._render import render_html, render_text

    plain = text(d.lang, "integrations.hook.intro") + "\n" + render_text(d, chain=False)
    display({"text/plain": plain, "text/html": render_html(d)}, raw=True)  # type: ignore[no-untyped-call]


# --- friendly-traceback ---------------------------------------------------------------------------

_FRIENDLY: dict[str, Any] = {}


def register_friendly_traceback(
    *, probe: bool = True, timeout: float = 10.0, lang: str | None = None, ca_file: str | None = None
) -> bool:
    """Make sslexplain friendly-traceback's explainer for certificate verification errors.

    Returns:
        True when friendly-traceback is importable and the explainer is registered
        (once; later calls update the options), False otherwise.
    """
    options = _options(probe, timeout, lang, ca_file)
    with _HOOKS.lock:
        _FRIENDLY["options"] = options
        if _FRIENDLY.get("registered"):
            return True
        try:
            from friendly_traceback.message_parser import get_parser
        except Exception:
            return False
        try:
            for cls in _friendly_types():
                get_parser(cls).add(_friendly_parser)  # type: ignore[type-var]
        except Exception:
            return False
        _FRIENDLY["registered"] = True
        return True


def _friendly_types() -> tuple[type[BaseException], ...]:
    import ssl

    found: list[type[BaseException]] = [OSError, ssl.SSLError, ssl.SSLCertVerificationError]
    for module_name, attribute in (
        ("requests.exceptions", "SSLError"),
        ("urllib.error", "URLError"),
        ("httpx", "ConnectError"),
        ("aiohttp", "ClientConnectorCertificateError"),
        ("urllib3.exceptions", "MaxRetryError"),
        ("urllib3.exceptions", "SSLError"),
    ):
        module = sys.modules.get(module_name)
        candidate = getattr(module, attribute, None) if module is not None else None
        if isinstance(candidate, type) and issubclass(candidate, BaseException):
            found.append(candidate)
    return tuple(dict.fromkeys(found))


def _friendly_parser(message: Any, tb_data: Any) -> dict[str, str]:
    """A friendly-traceback message parser: ours for verification errors, theirs otherwise."""
    try:
        value = getattr(tb_data, "value", None)
        options = _FRIENDLY.get("options") or _Options()
        if isinstance(value, BaseException) and is_verification_error(value):
            d = diagnosis_of(value) or _diagnose(value, options)
            if d is not None:
                from ._render import render_text

                hint = d.primary.fixes[0].text if d.primary and d.primary.fixes else d.verdict
                return {"cause": render_text(d, chain=False) + "\n", "suggest": hint + "\n"}
        # friendly-traceback stops at the first OSError parser for subclasses: hand over to its own.
        from friendly_traceback.message_parser import get_parser

        for parser in get_parser(OSError).core_parsers:
            cause = parser(message, tb_data)
            if cause:
                return cast("dict[str, str]", cause)
    except Exception:
        pass
    return {}
