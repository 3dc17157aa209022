"""The clock: a server whose Date is days ahead of this machine, and an injected wrong local clock."""

from __future__ import annotations

import datetime as dt
import email.utils
import ssl
import urllib.error
import urllib.request

import pytest

import sslexplain
from sslexplain import CauseKind
from sslexplain.lab import TLSServer

from .conftest import PKI


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _http_date(moment: dt.datetime) -> str:
    return email.utils.format_datetime(moment, usegmt=True)


@pytest.fixture
def ahead(pki: PKI) -> TLSServer:
    """The leaf starts in 5 days; the server's Date says 6 days from now: this machine looks 6 days behind."""
    leaf = pki.leaf("localhost", not_before=_now() + dt.timedelta(days=5), days=90)
    return TLSServer([leaf, pki.intermediate], http_date=_http_date(_now() + dt.timedelta(days=6)))


def test_server_date_ahead_explains_not_yet_valid(ahead: TLSServer, pki: PKI) -> None:
    with ahead:
        d = sslexplain.diagnose(
            "localhost", port=ahead.port, connect_to="127.0.0.1", ca_file=pki.ca_file, timeout=5
        )
    assert not d.ok
    assert d.kinds[:2] == (CauseKind.CLOCK_SKEW, CauseKind.NOT_YET_VALID), str(d)
    cause = d.causes[0]
    assert cause.is_error and "behind" in cause.summary
    text = " ".join(cause.evidence)
    assert "HTTP Date" in text and "By the server's clock" in text
    assert any("timedatectl" in (f.command or "") for f in cause.fixes)
    assert "時計" in d.in_language("ja").causes[0].summary


def test_explain_a_real_not_yet_valid_failure(ahead: TLSServer, pki: PKI) -> None:
    with ahead:
        context = ssl.create_default_context(cafile=pki.ca_file)
        with pytest.raises(urllib.error.URLError) as caught:
            urllib.request.urlopen(f"https://localhost:{ahead.port}/", context=context, timeout=5)
        d = sslexplain.explain(caught.value, ca_file=pki.ca_file, timeout=5)
    assert d.primary is not None and d.primary.kind is CauseKind.CLOCK_SKEW and d.primary.is_error, str(d)


def test_injected_wrong_clock_against_a_correct_server(pki: PKI, serve: object) -> None:
    """now= plays a machine whose clock is 400 days ahead: the leaf looks expired, the Date says otherwise."""
    with TLSServer([pki.leaf("localhost"), pki.intermediate]) as server:
        d = sslexplain.diagnose(
            "localhost",
            port=server.port,
            connect_to="127.0.0.1",
            ca_file=pki.ca_file,
            timeout=5,
            now=_now() + dt.timedelta(days=400),
        )
    assert d.primary is not None and d.primary.kind is CauseKind.CLOCK_SKEW, str(d)
    assert "ahead" in d.primary.summary and "400d" in d.primary.summary


def test_a_truly_expired_certificate_is_not_blamed_on_the_clock(pki: PKI) -> None:
    leaf = pki.leaf(
        "localhost", not_before=_now() - dt.timedelta(days=60), not_after=_now() - dt.timedelta(days=2)
    )
    with TLSServer([leaf, pki.intermediate]) as server:
        d = sslexplain.diagnose(
            "localhost", port=server.port, connect_to="127.0.0.1", ca_file=pki.ca_file, timeout=5
        )
    assert d.primary is not None and d.primary.kind is CauseKind.EXPIRED
    assert CauseKind.CLOCK_SKEW not in d.kinds


def test_small_skew_on_a_healthy_server_is_no_cause(pki: PKI) -> None:
    date = _http_date(_now() + dt.timedelta(minutes=20))
    with TLSServer([pki.leaf("localhost"), pki.intermediate], http_date=date) as server:
        d = sslexplain.diagnose(
            "localhost", port=server.port, connect_to="127.0.0.1", ca_file=pki.ca_file, timeout=5
        )
    assert d.ok and d.causes == (), str(d)


def test_skew_that_hides_an_expiry_is_a_warning(pki: PKI) -> None:
    """This clock is 3 days behind: the leaf that really expired yesterday still verifies here."""
    leaf = pki.leaf(
        "localhost", not_before=_now() - dt.timedelta(days=30), not_after=_now() + dt.timedelta(days=1)
    )
    date = _http_date(_now() + dt.timedelta(days=3))
    with TLSServer([leaf, pki.intermediate], http_date=date) as server:
        d = sslexplain.diagnose(
            "localhost", port=server.port, connect_to="127.0.0.1", ca_file=pki.ca_file, timeout=5
        )
    assert d.ok and d.kinds == (CauseKind.CLOCK_SKEW,), str(d)
    assert not d.causes[0].is_error


def test_now_must_be_aware() -> None:
    with pytest.raises(ValueError):
        sslexplain.diagnose("localhost", now=dt.datetime(2030, 1, 1))
