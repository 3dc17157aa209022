"""Logging and structlog: offline in the call, structured fields, opt-in background probes, no recursion."""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
import statistics
import time
from collections.abc import Iterator

import pytest

from sslexplain.integrations import (
    ExplainFilter,
    ExplainFormatter,
    StructlogProcessor,
    log_fields,
    structlog_processor,
)
from sslexplain.lab import SilentServer, TLSServer

from .conftest import HAS_IPV6, PKI

HOSTS = ("127.0.0.1", "::1") if HAS_IPV6 else ("127.0.0.1",)


@pytest.fixture(scope="module")
def expired(pki: PKI) -> Iterator[str]:
    now = dt.datetime.now(dt.timezone.utc)
    leaf = pki.leaf("localhost", not_before=now - dt.timedelta(days=60), not_after=now - dt.timedelta(days=3))
    with TLSServer([leaf, pki.intermediate], hosts=HOSTS) as server:
        yield f"https://localhost:{server.port}/"


@pytest.fixture(scope="module")
def verification_error(expired: str, pki: PKI) -> BaseException:
    import requests

    try:
        requests.get(expired, verify=pki.ca_file, timeout=5)
    except requests.exceptions.SSLError as exc:
        return exc
    raise AssertionError("requests did not fail")


class _Capture(logging.Handler):
    def __init__(self, formatter: logging.Formatter | None = None) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []
        self.lines: list[str] = []
        self.setFormatter(formatter or logging.Formatter("%(levelname)s %(name)s: %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)
        self.lines.append(self.format(record))


@pytest.fixture
def logger() -> Iterator[logging.Logger]:
    log = logging.getLogger(f"test-app.{time.monotonic_ns()}")
    log.propagate = False
    log.setLevel(logging.DEBUG)
    yield log
    log.handlers.clear()


def _log_error(log: logging.Logger, exc: BaseException, message: str = "fetch failed") -> None:
    log.error(message, exc_info=(type(exc), exc, exc.__traceback__))


def test_filter_adds_fields_and_appends_the_explanation(
    logger: logging.Logger, verification_error: BaseException, expired: str
) -> None:
    capture = _Capture()
    capture.addFilter(ExplainFilter())
    logger.addHandler(capture)
    _log_error(logger, verification_error)
    record = capture.records[0]
    fields = record.sslexplain  # type: ignore[attr-defined]
    port = int(expired.rsplit(":", 1)[1].strip("/"))
    assert fields["kinds"][0] == "expired" and fields["verify_code"] == 10
    assert fields["host"] == "localhost" and fields["port"] == port and fields["client"] == "requests"
    assert fields["probed"] is False and "expired" in fields["summary"]
    line = capture.lines[0]
    assert (
        line.index("Traceback")
        < line.index("requests.exceptions.SSLError")
        < line.index("sslexplain: expired")
    )
    assert f"sslexplain localhost:{port}" in line


def test_other_records_are_untouched(logger: logging.Logger) -> None:
    capture = _Capture()
    capture.addFilter(ExplainFilter())
    logger.addHandler(capture)
    logger.info("no exception")
    try:
        raise KeyError("not TLS")
    except KeyError:
        logger.exception("another error")
    assert [hasattr(r, "sslexplain") for r in capture.records] == [False, False]
    assert "sslexplain:" not in "\n".join(capture.lines)


class _JSONFormatter(logging.Formatter):
    """What JSON log formatters do: the message, the traceback, and extra record attributes."""

    def format(self, record: logging.LogRecord) -> str:
        data = {"message": record.getMessage(), "level": record.levelname}
        if record.exc_info:
            data["exc_info"] = self.formatException(record.exc_info)
        if hasattr(record, "sslexplain"):
            data["sslexplain"] = record.sslexplain
        return json.dumps(data, ensure_ascii=False)


def test_json_formatter_gets_a_serialisable_field(
    logger: logging.Logger, verification_error: BaseException
) -> None:
    capture = _Capture(_JSONFormatter())
    capture.addFilter(ExplainFilter(lang="ja"))
    logger.addHandler(capture)
    _log_error(logger, verification_error)
    data = json.loads(capture.lines[0])
    assert data["sslexplain"]["kinds"][0] == "expired" and data["sslexplain"]["verify_code"] == 10
    assert "証明書" in data["sslexplain"]["summary"]


def test_formatter_helper_alone_and_with_the_filter(
    logger: logging.Logger, verification_error: BaseException
) -> None:
    alone = _Capture(ExplainFormatter("%(message)s"))
    both = _Capture(ExplainFormatter("%(message)s"))
    both.addFilter(ExplainFilter())
    logger.addHandler(alone)
    _log_error(logger, verification_error)
    logger.removeHandler(alone)
    logger.addHandler(both)
    _log_error(logger, verification_error)
    assert alone.lines[0].count("sslexplain: expired") == 1
    assert both.lines[0].count("sslexplain: expired") == 1  # never twice


def test_no_network_in_the_logging_call(logger: logging.Logger) -> None:
    """The error names a silent server: an offline filter never connects, a probing one never waits."""
    import requests

    with SilentServer() as silent:
        text = (
            f"HTTPSConnectionPool(host='127.0.0.1', port={silent.port}): Max retries exceeded (Caused by "
            "SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify "
            "failed: unable to get local issuer certificate (_ssl.c:1006)')))"
        )
        error = requests.exceptions.SSLError(text)
        capture = _Capture()
        offline = ExplainFilter()
        capture.addFilter(offline)
        logger.addHandler(capture)
        _log_error(logger, error)
        assert silent.connections == 0
        probing = ExplainFilter(probe=True, probe_timeout=2)
        capture.addFilter(probing)
        started = time.perf_counter()
        _log_error(logger, error)
        assert time.perf_counter() - started < 1.5  # the 2 s probe runs aside (a bound, not a benchmark)
        assert probing.worker is not None and probing.worker.wait(10)
    assert capture.records[0].sslexplain["kinds"][0] == "incomplete_chain"  # type: ignore[attr-defined]


def test_filter_cost_is_microseconds(verification_error: BaseException) -> None:
    explain_filter = ExplainFilter()
    exc_info = (type(verification_error), verification_error, verification_error.__traceback__)
    timings = []
    for _ in range(50):
        record = logging.LogRecord("app", logging.ERROR, __file__, 1, "x", None, exc_info)
        started = time.perf_counter()
        explain_filter._explain(record)
        timings.append(time.perf_counter() - started)
        assert record.sslexplain  # type: ignore[attr-defined]
    # A bound against blocking (no I/O, no probe), not a benchmark: benchmarks/ measures the cost.
    assert statistics.median(timings) < 0.05, statistics.median(timings)


def test_probe_logs_a_follow_up_record_once_per_host(
    logger: logging.Logger, verification_error: BaseException, pki: PKI
) -> None:
    capture = _Capture()
    explain_filter = ExplainFilter(probe=True, ca_file=pki.ca_file, probe_timeout=5, probe_interval=3600)
    capture.addFilter(explain_filter)
    logger.addHandler(capture)
    for _ in range(5):
        _log_error(logger, verification_error)
    assert explain_filter.worker is not None and explain_filter.worker.wait(15)
    follow_ups = [r for r in capture.records if r.exc_info is None]
    assert len(follow_ups) == 1 and explain_filter.worker.probes == 1
    fields = follow_ups[0].sslexplain  # type: ignore[attr-defined]
    assert fields["probed"] is True and fields["kinds"] == ["expired"]
    assert "The certificate of localhost expired" in capture.lines[-1]
    assert follow_ups[0].name == logger.name and follow_ups[0].levelno == logging.ERROR


def test_queue_is_bounded() -> None:
    """While a slow probe runs, at most ``max_pending`` more wait; the rest are dropped, not queued."""
    import requests

    with SilentServer() as silent:
        explain_filter = ExplainFilter(probe=True, probe_timeout=1, max_pending=1)
        worker = explain_filter.worker
        assert worker is not None
        for port in [silent.port, *range(1, 6)]:
            error = requests.exceptions.SSLError(
                f"HTTPSConnectionPool(host='127.0.0.1', port={port}): certificate verify failed: "
                "certificate has expired"
            )
            record = logging.LogRecord(
                "app", logging.ERROR, __file__, 1, "x", None, (type(error), error, None)
            )
            assert explain_filter.filter(record) is True
            assert worker._queue.qsize() <= 1
        assert worker.wait(10)
        assert 1 <= worker.probes <= 2


def test_no_recursion_on_our_own_records(verification_error: BaseException) -> None:
    root = logging.getLogger()
    capture = _Capture()
    capture.addFilter(ExplainFilter())
    root.addHandler(capture)
    try:
        _log_error(logging.getLogger("sslexplain.something"), verification_error)
    finally:
        root.removeHandler(capture)
    assert capture.records and not hasattr(capture.records[0], "sslexplain")


class _Reentrant(logging.Handler):
    """A handler that logs while handling: the filter must not explain its own work again."""

    def __init__(self, log: logging.Logger) -> None:
        super().__init__()
        self.log = log
        self.seen = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.seen += 1
        if self.seen < 3:
            self.log.error("re-entered", exc_info=record.exc_info)


def test_reentrant_handlers_terminate(logger: logging.Logger, verification_error: BaseException) -> None:
    handler = _Reentrant(logger)
    handler.addFilter(ExplainFilter())
    logger.addHandler(handler)
    _log_error(logger, verification_error)
    assert handler.seen == 3


def test_never_raises_on_hostile_records() -> None:
    explain_filter = ExplainFilter()

    class HostileError(Exception):
        def __str__(self) -> str:
            raise RuntimeError("hostile")

    for exc_info in [("x", 1, 2), (HostileError, HostileError(), None), True, (None, None, None)]:
        record = logging.LogRecord("app", logging.ERROR, __file__, 1, "x", None, None)
        record.exc_info = exc_info  # type: ignore[assignment]
        assert explain_filter.filter(record) is True
    assert log_fields(object()) is None and log_fields(HostileError()) is None


def test_structlog_processor_without_structlog(verification_error: BaseException) -> None:
    event = {"event": "fetch failed", "exc_info": verification_error}
    out = structlog_processor(None, "error", event)
    assert out["sslexplain"]["kinds"][0] == "expired"
    assert structlog_processor(None, "info", {"event": "fine"}) == {"event": "fine"}


def test_structlog_end_to_end(verification_error: BaseException, pki: PKI) -> None:
    structlog = pytest.importorskip("structlog")
    stream = io.StringIO()
    processor = StructlogProcessor(probe=True, ca_file=pki.ca_file, probe_timeout=5)
    log = structlog.wrap_logger(
        structlog.PrintLogger(file=stream),
        processors=[processor, structlog.processors.format_exc_info, structlog.processors.JSONRenderer()],
        wrapper_class=structlog.make_filtering_bound_logger(logging.DEBUG),
    )
    try:
        raise verification_error
    except Exception:
        log.exception("fetch failed")
    data = json.loads(stream.getvalue().splitlines()[0])
    assert data["sslexplain"]["kinds"][0] == "expired" and "SSLError" in data["exception"]
    assert processor.worker is not None and processor.worker.wait(15) and processor.worker.probes == 1


def test_explanation_appended_when_an_earlier_handler_formatted_the_record(
    logger: logging.Logger, verification_error: BaseException
) -> None:
    """A console handler formats first (caching the traceback in exc_text); the next still explains."""
    first = _Capture()
    explained = _Capture()
    explained.addFilter(ExplainFilter())
    logger.addHandler(first)
    logger.addHandler(explained)
    _log_error(logger, verification_error)
    assert explained.lines[0].count("sslexplain: expired") == 1
    formatter_only = _Capture(ExplainFormatter())
    logger.removeHandler(explained)
    logger.addHandler(formatter_only)
    _log_error(logger, verification_error)
    assert formatter_only.lines[0].count("sslexplain: expired") == 1
