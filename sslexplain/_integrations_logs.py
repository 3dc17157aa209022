"""Logs: structured fields and a short explanation for records of verification errors.

Offline in the logging call (the explanation is read from the exception alone and
cached); probing is opt-in and runs in one bounded background thread that logs a
follow-up record. Never raises, never recurses on sslexplain's own records.
"""

from __future__ import annotations

import logging
import queue
import sys
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, cast

from ._integrations_core import ATTRIBUTE, _Options, _options, _reported

if TYPE_CHECKING:
    from ._model import Diagnosis, ReportedError


# --- logs: fields, filter, formatter, structlog -----------------------------------------------------

_GUARD = threading.local()
_CACHE: OrderedDict[tuple[object, ...], dict[str, Any]] = OrderedDict()
_CACHE_SIZE = 256
_CACHE_LOCK = threading.Lock()


def _busy() -> bool:
    return bool(getattr(_GUARD, "busy", False))


class _Guarded:
    """Marks this thread as inside sslexplain, so records it causes are not explained again."""

    def __enter__(self) -> None:
        self.outer = _busy()
        _GUARD.busy = True

    def __exit__(self, *exc: object) -> None:
        _GUARD.busy = self.outer


def log_fields(exc: object, lang: str | None = None) -> dict[str, Any] | None:
    """The structured, JSON-ready explanation of a verification error, offline; None for other errors.

    Keys: ``kinds``, ``summary``, ``host``, ``port``, ``verify_code``, ``verify_message``,
    ``client``, ``explanation`` (short text for a log line), ``probed`` (False).
    Cached, so a burst of identical errors costs one analysis.
    """
    try:
        with _Guarded():
            reported = _reported(exc)
            if reported is None:
                return None
            return _copy(_fields_offline(reported, lang))
    except Exception:
        return None


def _fields_offline(reported: ReportedError, lang: str | None) -> dict[str, Any]:
    key = (
        reported.exception_type,
        reported.verify_code,
        reported.verify_message,
        reported.host,
        reported.port,
        reported.client,
        lang,
    )
    with _CACHE_LOCK:
        hit = _CACHE.get(key)
        if hit is not None:
            _CACHE.move_to_end(key)
            return hit
    from ._api import analyze, offline_observation
    from ._messages import normalize_lang

    d = analyze(offline_observation(reported), lang=normalize_lang(lang))
    fields = _fields(d, reported, probed=False)
    with _CACHE_LOCK:
        _CACHE[key] = fields
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return fields


def _copy(fields: dict[str, Any]) -> dict[str, Any]:
    """A copy for the caller, so a record's fields never alias the cache."""
    return {**fields, "kinds": list(fields["kinds"])}


def _fields(d: Diagnosis, reported: ReportedError | None, *, probed: bool) -> dict[str, Any]:
    from ._render import render_short

    verify = next(
        (
            h
            for h in (d.observation.handshakes if d.observation else ())
            if h.purpose == "verify" and h.verify_code is not None
        ),
        None,
    )
    return {
        "kinds": [kind.value for kind in d.kinds],
        "summary": d.primary.summary if d.primary else d.verdict,
        "host": d.target.host or (reported.host if reported else None),
        "port": d.target.port if d.target.host else (reported.port if reported else None),
        "verify_code": verify.verify_code if verify else (reported.verify_code if reported else None),
        "verify_message": verify.verify_message
        if verify
        else (reported.verify_message if reported else None),
        "client": reported.client if reported else None,
        "explanation": render_short(d),
        "probed": probed,
        "ok": d.ok,
    }


def _exception_of(exc_info: object) -> BaseException | None:
    if isinstance(exc_info, BaseException):
        return exc_info
    if isinstance(exc_info, tuple) and len(exc_info) == 3 and isinstance(exc_info[1], BaseException):
        return exc_info[1]
    if exc_info is True:
        return sys.exc_info()[1]
    return None


class _ProbeWorker:
    """One daemon thread, a bounded queue, one probe per host per ``interval``; results are logged."""

    def __init__(
        self,
        options: _Options,
        interval: float,
        max_pending: int,
        emit: Callable[[str, int, str, dict[str, Any]], None],
    ) -> None:
        self.options = options
        self.interval = interval
        self.emit = emit
        self._queue: queue.Queue[tuple[ReportedError, str, int]] = queue.Queue(maxsize=max_pending)
        self._last: OrderedDict[tuple[str, int | None], float] = OrderedDict()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self.probes = 0

    def submit(self, reported: ReportedError, name: str, level: int) -> bool:
        """Queue a probe unless this host was probed within ``interval``; never blocks."""
        if not reported.host:
            return False
        key = (reported.host, reported.port)
        now = time.monotonic()
        with self._lock:
            last = self._last.get(key)
            if last is not None and now - last < self.interval:
                return False
            try:
                self._queue.put_nowait((reported, name, level))
            except queue.Full:
                return False
            self._last[key] = now
            self._last.move_to_end(key)
            while len(self._last) > 1024:
                self._last.popitem(last=False)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="sslexplain-probe", daemon=True)
                self._thread.start()
        return True

    def wait(self, timeout: float) -> bool:
        """Wait until every queued probe has been logged (for tests and short scripts)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._queue.unfinished_tasks == 0:
                return True
            time.sleep(0.01)
        return self._queue.unfinished_tasks == 0

    def _run(self) -> None:
        with _Guarded():
            while True:
                try:
                    reported, name, level = self._queue.get(timeout=2.0)
                except queue.Empty:
                    with self._lock:
                        if self._queue.empty():
                            self._thread = None
                            return
                    continue
                try:
                    self._probe(reported, name, level)
                except Exception:
                    pass
                finally:
                    self._queue.task_done()

    def _probe(self, reported: ReportedError, name: str, level: int) -> None:
        from ._api import _compare_with_report, _observe, analyze
        from ._messages import normalize_lang, text
        from ._target import parse_target

        lang = normalize_lang(self.options.lang)
        target = parse_target(reported.host or "", port=reported.port, ca_file=self.options.ca_file)
        observation = _observe(target, self.options.timeout, reported)
        d = _compare_with_report(analyze(observation, lang=lang), observation, lang)
        self.probes += 1
        fields = _fields(d, reported, probed=True)
        message = text(lang, "integrations.log.probed", target=target.display, verdict=d.verdict)
        self.emit(name, level, message + "\n" + fields["explanation"], fields)


def _emit_logging(name: str, level: int, message: str, fields: dict[str, Any]) -> None:
    logging.getLogger(name).log(level, "%s", message, extra={ATTRIBUTE: fields})


class ExplainFilter(logging.Filter):
    """Recognise log records whose ``exc_info`` holds a verification error and explain them.

    Sets ``record.sslexplain`` (see :func:`log_fields`) and, unless ``append=False``,
    appends the short explanation to the formatted traceback. It never drops a
    record, never raises, never does network I/O in the logging call, and ignores
    records caused by sslexplain itself.

    Args:
        name: as for :class:`logging.Filter` (it never drops records, whatever the name).
        lang: ``"en"`` or ``"ja"``.
        append: add the explanation to ``record.exc_text`` (the traceback in the log line).
        probe: also measure the cause in a background thread and log the result as a
            follow-up record (same logger and level); off by default.
        probe_timeout: deadline in seconds of each probe.
        probe_interval: probe each host at most once per this many seconds.
        max_pending: probes waiting beyond this are dropped, never queued without bound.
        ca_file: the trust bundle your client uses, for the probe.
    """

    def __init__(
        self,
        name: str = "",
        *,
        lang: str | None = None,
        append: bool = True,
        probe: bool = False,
        probe_timeout: float = 5.0,
        probe_interval: float = 300.0,
        max_pending: int = 8,
        ca_file: str | None = None,
    ) -> None:
        super().__init__(name)
        options = _options(probe, probe_timeout, lang, ca_file)
        self.lang = lang
        self.append = append
        self.worker = (
            _ProbeWorker(options, probe_interval, max(1, max_pending), _emit_logging) if probe else None
        )
        _warm_up()

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            self._explain(record)
        except Exception:
            pass
        return True

    def _explain(self, record: logging.LogRecord) -> None:
        if _busy() or not record.exc_info or getattr(record, ATTRIBUTE, None) is not None:
            return
        if record.name == "sslexplain" or record.name.startswith("sslexplain."):
            return
        exc = _exception_of(record.exc_info)
        with _Guarded():
            reported = _reported(exc)
            if reported is None:
                return
            fields = _copy(_fields_offline(reported, self.lang))
        setattr(record, ATTRIBUTE, fields)
        if self.append:
            # Another handler may have formatted the record already (its traceback is cached in
            # exc_text): append to that text, once, so every handler after it shows the explanation.
            explanation = str(fields["explanation"])
            current = record.exc_text or _PLAIN.formatException(record.exc_info)
            if explanation not in current:
                record.exc_text = current + "\n" + explanation
        if self.worker is not None:
            self.worker.submit(reported, record.name, record.levelno)


_PLAIN = logging.Formatter()


def _warm_up() -> None:
    """Import the analysis at set-up, so the first logged error costs microseconds, not an import."""
    try:
        from . import _api, _render, _reported  # noqa: F401
        from ._analyze import facts  # noqa: F401
    except Exception:
        pass


class ExplainFormatter(logging.Formatter):
    """A Formatter whose tracebacks end with the short sslexplain explanation.

    Use it where a filter cannot be added, or with ``ExplainFilter(append=False)``.
    Keyword ``lang`` chooses the language; everything else is :class:`logging.Formatter`'s.
    """

    def __init__(self, *args: Any, lang: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if lang is not None:
            _options(False, 1.0, lang, None)
        self.lang = lang
        _warm_up()

    def format(self, record: logging.LogRecord) -> str:
        """Format with our traceback even when another handler already cached its own in exc_text."""
        cached = record.exc_text
        if not (record.exc_info and cached):
            return super().format(record)
        try:
            fields = None if _busy() else log_fields(_exception_of(record.exc_info), self.lang)
        except Exception:
            fields = None
        if not fields or str(fields["explanation"]) in cached:
            return super().format(record)
        record.exc_text = cached + "\n" + str(fields["explanation"])
        try:
            return super().format(record)
        finally:
            record.exc_text = cached  # other handlers keep seeing what they would have seen

    def formatException(self, ei: Any) -> str:  # noqa: N802 - the logging API's name
        formatted = super().formatException(ei)
        try:
            if _busy():
                return formatted
            fields = log_fields(_exception_of(ei), self.lang)
            if fields:
                return formatted + "\n" + str(fields["explanation"])
        except Exception:
            pass
        return formatted


class StructlogProcessor:
    """A structlog processor: adds ``sslexplain`` (see :func:`log_fields`) for verification errors.

    Put it before ``format_exc_info`` / ``dict_tracebacks`` (it reads ``exc_info``).
    structlog is recognised, never imported by sslexplain; with ``probe=True`` the
    follow-up record goes through ``structlog.get_logger()``.

    Args:
        lang: ``"en"`` or ``"ja"``.
        probe, probe_timeout, probe_interval, max_pending, ca_file: as for :class:`ExplainFilter`.
    """

    def __init__(
        self,
        *,
        lang: str | None = None,
        probe: bool = False,
        probe_timeout: float = 5.0,
        probe_interval: float = 300.0,
        max_pending: int = 8,
        ca_file: str | None = None,
    ) -> None:
        options = _options(probe, probe_timeout, lang, ca_file)
        self.lang = lang
        self.worker = (
            _ProbeWorker(options, probe_interval, max(1, max_pending), _emit_structlog) if probe else None
        )

    def __call__(self, logger: object, method_name: str, event_dict: Mapping[str, Any]) -> Any:
        try:
            if _busy() or ATTRIBUTE in event_dict:
                return event_dict
            exc = _exception_of(event_dict.get("exc_info")) or _exception_of(event_dict.get("exception"))
            with _Guarded():
                reported = _reported(exc)
                if reported is None:
                    return event_dict
                fields = _copy(_fields_offline(reported, self.lang))
            cast("dict[str, Any]", event_dict)[ATTRIBUTE] = fields
            if self.worker is not None:
                self.worker.submit(reported, "sslexplain", _LEVELS.get(method_name, logging.ERROR))
        except Exception:
            pass
        return event_dict


_LEVELS = {"debug": 10, "info": 20, "warning": 30, "warn": 30, "error": 40, "exception": 40, "critical": 50}


def _emit_structlog(name: str, level: int, message: str, fields: dict[str, Any]) -> None:
    structlog = sys.modules.get("structlog")
    if structlog is None:
        _emit_logging(name, level, message, fields)
        return
    structlog.get_logger(name).log(level, message, **{ATTRIBUTE: fields})


structlog_processor = StructlogProcessor()
"""A ready :class:`StructlogProcessor` (offline, language from the environment)."""
