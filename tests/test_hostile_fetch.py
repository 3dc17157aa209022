"""Hostile AIA / OCSP / CRL endpoints: http(s) only, 3 redirects, a size cap, the deadline, bounded memory."""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Callable

import pytest

import sslexplain
from sslexplain import CauseKind
from sslexplain._observe import MAX_FETCH_BYTES, Deadline, fetch
from sslexplain.lab import HTTPServer, TLSServer
from sslexplain.lab._hostile import GIGABYTE, HOSTILE_HTTP_MODES, HostileHTTPServer

HOST = "aia-hostile.lab.test"
TIMEOUT = 2.0
SLACK = 2.0  # a bound on hanging, not a performance assert

REASONS = {
    "redirect-loop": "more than 3 redirects",
    "redirect-file": "only http and https",
    "gigabytes": f"larger than {MAX_FETCH_BYTES} bytes",
    "hang": "deadline",
    "trickle": "deadline",
    "garbage": "BadStatusLine",
    "huge-header": "LineTooLong",
}


@pytest.mark.parametrize("mode", HOSTILE_HTTP_MODES)
def test_hostile_aia_endpoint_is_evidence_not_a_hang(
    mode: str, pki: object, serve: Callable[..., TLSServer]
) -> None:
    with HostileHTTPServer(mode) as endpoint:
        leaf = pki.intermediate.issue_leaf(HOST, aia_issuers=[endpoint.url()])  # type: ignore[attr-defined]
        server = serve([leaf])
        started = time.monotonic()
        d = sslexplain.diagnose(
            HOST,
            server.port,
            connect_to="127.0.0.1",
            ca_file=pki.ca_file,  # type: ignore[attr-defined]
            timeout=TIMEOUT,
        )
        elapsed = time.monotonic() - started
    assert elapsed < TIMEOUT + SLACK, f"{mode} held the diagnosis for {elapsed:.1f} s"
    assert d.primary is not None and d.primary.kind is CauseKind.INCOMPLETE_CHAIN, str(d)
    line = next(e for e in d.primary.evidence if endpoint.url() in e)
    assert REASONS[mode].lower() in line.lower(), line
    assert "\x1b" not in str(d) and "\x00" not in d.to_json()  # the server's bytes are hostile text


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://127.0.0.1/ca.der", "gopher://x/", "ldap://x/c", "//x"]
)
def test_only_http_and_https_are_fetched(url: str) -> None:
    result = fetch(url, "aia", Deadline(2))
    assert not result.ok and result.error == "only http and https URLs are fetched"
    assert result.body == b""


def test_three_redirects_are_followed_and_a_fourth_is_not(pki: object) -> None:
    payload = pki.intermediate.der  # type: ignore[attr-defined]
    with HostileHTTPServer("redirect-loop", redirects=3, payload=payload) as three:
        result = fetch(three.url("/loop/0"), "aia", Deadline(5))
    assert result.ok and result.body == payload and three.requests == 4
    with HostileHTTPServer("redirect-loop", redirects=4, payload=payload) as four:
        result = fetch(four.url("/loop/0"), "aia", Deadline(5))
    assert not result.ok and result.error == "more than 3 redirects" and four.requests == 4


def test_a_gigabyte_answer_is_capped_and_memory_stays_bounded() -> None:
    with HostileHTTPServer("gigabytes") as endpoint:
        tracemalloc.start()
        try:
            result = fetch(endpoint.url(), "crl", Deadline(10))
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert result.truncated and not result.ok and len(result.body) == MAX_FETCH_BYTES
    assert peak < 8 * MAX_FETCH_BYTES, f"peak {peak} bytes while a gigabyte was offered"
    assert endpoint.bytes_sent < GIGABYTE // 100


@pytest.mark.parametrize("mode", ["hang", "trickle"])
def test_fetch_ends_at_the_deadline(mode: str) -> None:
    with HostileHTTPServer(mode) as endpoint:
        started = time.monotonic()
        result = fetch(
            endpoint.url(), "ocsp", Deadline(1.0), body=b"\x30\x00", content_type="application/ocsp-request"
        )
        elapsed = time.monotonic() - started
    assert elapsed < 1.0 + SLACK
    assert not result.ok and "deadline" in (result.error or "")


def test_network_false_turns_every_fetch_off(pki: object, serve: Callable[..., TLSServer]) -> None:
    with HTTPServer(handler=lambda method, path, body: (200, "application/pkix-cert", b"")) as endpoint:
        leaf = pki.intermediate.issue_leaf(  # type: ignore[attr-defined]
            HOST,
            aia_issuers=[endpoint.url("/ca.der")],
            ocsp_urls=[endpoint.url("/ocsp")],
            crl_urls=[endpoint.url("/crl")],
        )
        server = serve([leaf])
        d = sslexplain.diagnose(
            HOST,
            server.port,
            connect_to="127.0.0.1",
            ca_file=pki.ca_file,
            timeout=TIMEOUT,
            network=False,  # type: ignore[attr-defined]
        )
        assert endpoint.requests == []
    assert d.observation is not None and d.observation.fetches == () and d.observation.network is False
    assert d.primary is not None and d.primary.kind is CauseKind.INCOMPLETE_CHAIN


def test_credentials_in_a_certificate_url_are_redacted(pki: object, serve: Callable[..., TLSServer]) -> None:
    with HostileHTTPServer("hang") as endpoint:
        url = endpoint.url().replace("http://", "http://aiauser:AiaS3cret@")
        leaf = pki.intermediate.issue_leaf(HOST, aia_issuers=[url])  # type: ignore[attr-defined]
        server = serve([leaf])
        d = sslexplain.diagnose(HOST, server.port, connect_to="127.0.0.1", ca_file=pki.ca_file, timeout=1.0)  # type: ignore[attr-defined]
    assert d.observation is not None and d.observation.fetches
    for form in (str(d), d.to_json(), d._repr_html_(), d._repr_markdown_(), d.in_language("ja").to_json()):
        assert "AiaS3cret" not in form
