"""Revocation: a real OCSP responder and CRL server on loopback, good and broken; a real client failure."""

from __future__ import annotations

import pathlib
import ssl
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator

import pytest

import sslexplain
from sslexplain import CauseKind, Diagnosis
from sslexplain._model import Fetch
from sslexplain._revocation import judge_crl, judge_ocsp
from sslexplain.lab import Issued, TLSServer
from sslexplain.lab._ocsp import RevocationServer

from .conftest import PKI

Site = Callable[..., tuple[TLSServer, RevocationServer, Issued]]


@pytest.fixture
def site(pki: PKI) -> Iterator[Site]:
    """site(revoked=False, ocsp_url=True, crl_url=True, **responder options) -> (server, responder, leaf)."""
    running: list[TLSServer | RevocationServer] = []

    def start(
        *, revoked: bool = False, ocsp_url: bool = True, crl_url: bool = True, **options: object
    ) -> tuple[TLSServer, RevocationServer, Issued]:
        responder = RevocationServer(pki.intermediate, **options).start()  # type: ignore[arg-type]
        running.append(responder)
        leaf = pki.leaf(
            "localhost",
            ocsp_urls=(responder.ocsp_url,) if ocsp_url else (),
            crl_urls=(responder.crl_url,) if crl_url else (),
        )
        if revoked:
            responder.revoked[leaf.cert.serial_number] = "key_compromise"
        server = TLSServer([leaf, pki.intermediate])
        server.start()
        running.append(server)
        return server, responder, leaf

    yield start
    for item in reversed(running):
        item.stop()


def _diagnose(
    server: TLSServer, pki: PKI, *, network: bool = True, check_revocation: bool = True
) -> Diagnosis:
    return sslexplain.diagnose(
        "localhost",
        port=server.port,
        connect_to="127.0.0.1",
        ca_file=pki.ca_file,
        timeout=8,
        network=network,
        check_revocation=check_revocation,
    )


def test_revoked_by_ocsp_and_crl(site: Site, pki: PKI) -> None:
    server, responder, _ = site(revoked=True)
    d = _diagnose(server, pki)
    assert not d.ok
    assert d.primary is not None and d.primary.kind is CauseKind.REVOKED and d.primary.is_error
    text = " ".join(d.primary.evidence)
    assert "OCSP responder" in text and "CRL" in text and "REVOKED" in text and "keyCompromise" in text
    assert {m for m, _ in responder.requests} == {"POST", "GET"}
    assert any(f.audience.value == "server" for f in d.primary.fixes)
    ja = d.in_language("ja")
    assert ja.primary is not None and "失効" in ja.primary.summary


def test_revoked_re_analysed_from_json(site: Site, pki: PKI) -> None:
    server, _, _ = site(revoked=True)
    d = _diagnose(server, pki)
    again = Diagnosis.from_json(d.to_json())
    assert again.observation is not None
    assert sslexplain.analyze(again.observation).kinds == d.kinds


def test_good_answers_give_no_cause(site: Site, pki: PKI) -> None:
    server, responder, _ = site()
    d = _diagnose(server, pki)
    assert d.ok and d.causes == (), str(d)
    assert responder.requests  # it was asked


def test_delegated_responder_is_accepted(site: Site, pki: PKI) -> None:
    server, _, _ = site(revoked=True, crl_url=False, ocsp="delegated")
    d = _diagnose(server, pki)
    assert d.primary is not None and d.primary.kind is CauseKind.REVOKED and d.primary.is_error


def test_check_revocation_false_asks_nobody(site: Site, pki: PKI) -> None:
    server, responder, _ = site(revoked=True)
    d = _diagnose(server, pki, check_revocation=False)
    assert d.ok and not responder.requests


def test_network_false_asks_nobody(site: Site, pki: PKI) -> None:
    server, responder, _ = site(revoked=True)
    d = _diagnose(server, pki, network=False)
    assert d.ok and not responder.requests


@pytest.mark.parametrize(
    ("options", "words"),
    [
        ({"ocsp": "bad_signature", "crl": "bad_signature"}, "signature does not verify"),
        ({"ocsp": "stale", "crl": "stale"}, "stale"),
        ({"ocsp": "error", "crl": "error"}, "HTTP status 500"),
        ({"ocsp": "future", "crl": "future"}, "future"),
    ],
)
def test_broken_responders_are_a_warning_not_a_verdict(
    site: Site, pki: PKI, options: dict[str, object], words: str
) -> None:
    server, _, _ = site(revoked=False, **options)
    d = _diagnose(server, pki)
    assert d.ok, str(d)  # the client verifies: a warning never makes it fail
    assert d.kinds == (CauseKind.REVOKED,)
    cause = d.causes[0]
    assert cause.severity.value == "warning" and words in " ".join(cause.evidence)


def test_bad_signature_revoked_answer_is_ignored(site: Site, pki: PKI) -> None:
    """A forged 'revoked' must not condemn a certificate."""
    server, _, _ = site(revoked=True, ocsp="bad_signature", crl="bad_signature")
    d = _diagnose(server, pki)
    assert d.ok and all(not c.is_error for c in d.causes)


def test_unknown_status(site: Site, pki: PKI) -> None:
    server, _, _ = site(crl_url=False, known=())
    d = _diagnose(server, pki)
    assert d.ok and d.kinds == (CauseKind.REVOKED,)
    assert "does not know this certificate" in " ".join(d.causes[0].evidence)


def test_one_sound_good_answer_is_enough(site: Site, pki: PKI) -> None:
    server, _, _ = site(crl="error")
    d = _diagnose(server, pki)
    assert d.ok and d.causes == ()


def test_hanging_responder_is_bounded(site: Site, pki: PKI) -> None:
    server, _, _ = site(ocsp="hang", crl="hang")
    started = time.monotonic()
    d = _diagnose(server, pki)
    assert time.monotonic() - started < 7
    assert d.ok and d.kinds == (CauseKind.REVOKED,)
    assert "could not be reached" in " ".join(d.causes[0].evidence)


def test_oversized_crl_is_capped_and_said(site: Site, pki: PKI) -> None:
    server, _, _ = site(ocsp_url=False, crl_padding=9000)
    d = _diagnose(server, pki)
    assert d.observation is not None
    crl = next(f for f in d.observation.fetches if f.purpose == "crl")
    assert crl.truncated and len(crl.body) <= 256 * 1024
    assert d.ok and d.kinds == (CauseKind.REVOKED,)
    assert "size cap" in " ".join(d.causes[0].evidence)


def test_explain_a_client_that_checks_crls(site: Site, pki: PKI, tmp_path: pathlib.Path) -> None:
    """A real revocation failure: an ssl context with the CRL loaded and VERIFY_CRL_CHECK_LEAF."""
    server, responder, _ = site(revoked=True)
    crl_file = tmp_path / "crl.pem"
    crl_file.write_bytes(responder.crl_pem())
    context = ssl.create_default_context(cafile=pki.ca_file)
    context.load_verify_locations(cafile=str(crl_file))
    context.verify_flags |= ssl.VERIFY_CRL_CHECK_LEAF
    with pytest.raises(urllib.error.URLError) as caught:
        urllib.request.urlopen(f"https://localhost:{server.port}/", context=context, timeout=5)
    assert "revoked" in str(caught.value)
    d = sslexplain.explain(caught.value, ca_file=pki.ca_file, timeout=8)
    assert d.primary is not None and d.primary.kind is CauseKind.REVOKED and d.primary.is_error
    offline = sslexplain.explain(caught.value, probe=False)
    assert offline.primary is not None and offline.primary.kind is CauseKind.REVOKED


def test_judges_never_raise_on_garbage(pki: PKI) -> None:
    leaf = pki.leaf("localhost").cert
    for body in (b"", b"\x30\x03\x0a\x01\x00", b"garbage" * 100, b"-----BEGIN X509 CRL-----\nxx\n"):
        fetch = Fetch(url="http://x/", purpose="ocsp", ok=True, status=200, body=body)
        assert judge_ocsp(fetch, leaf, pki.intermediate.cert, leaf.not_valid_after_utc).status == "none"
        assert judge_crl(fetch, leaf, pki.intermediate.cert, leaf.not_valid_after_utc).status == "none"
