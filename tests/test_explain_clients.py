"""explain() on real exceptions raised by real clients against lab servers on loopback."""

from __future__ import annotations

import asyncio
import ssl
import urllib.error
import urllib.request
from collections.abc import Callable

import pytest

import sslexplain
from sslexplain import CauseKind
from sslexplain.lab import Issued, TLSServer, issue, root

from .conftest import HAS_IPV6, PKI

HOSTS = ("127.0.0.1", "::1") if HAS_IPV6 else ("127.0.0.1",)


def _chain(pki: PKI, defect: str) -> list[Issued]:
    if defect == "expired":
        import datetime as dt

        now = dt.datetime.now(dt.timezone.utc)
        return [
            pki.leaf(
                "localhost", not_before=now - dt.timedelta(days=60), not_after=now - dt.timedelta(days=2)
            ),
            pki.intermediate,
        ]
    if defect == "self_signed":
        return [issue("localhost", sans=("localhost",))]
    if defect == "hostname_mismatch":
        return [pki.leaf("other.example.test"), pki.intermediate]
    if defect == "incomplete_chain":
        return [pki.leaf("localhost")]
    if defect == "not_yet_valid":
        import datetime as dt

        soon = dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=3)
        return [pki.leaf("localhost", not_before=soon, days=30), pki.intermediate]
    if defect == "invalid_chain":
        fake = issue("Not a CA", issuer=pki.root, ca=True, basic_constraints=False)
        return [fake.issue_leaf("localhost"), fake]
    if defect == "weak_crypto":
        return [pki.leaf("localhost", key_type="rsa", key_size=1024), pki.intermediate]
    if defect == "untrusted_root":
        private = root("Corp Private Root CA").issue_ca("Corp Issuing CA")
        return [private.issue_leaf("localhost"), private]
    raise AssertionError(defect)


DEFECTS = [
    "expired",
    "not_yet_valid",
    "self_signed",
    "hostname_mismatch",
    "incomplete_chain",
    "untrusted_root",
    "invalid_chain",
    "weak_crypto",
]


def _requests(url: str, ca_file: str) -> BaseException:
    import requests

    try:
        requests.get(url, verify=ca_file, timeout=5)
    except requests.exceptions.RequestException as exc:
        return exc
    raise AssertionError("requests did not fail")


def _urllib(url: str, ca_file: str) -> BaseException:
    context = ssl.create_default_context(cafile=ca_file)
    try:
        urllib.request.urlopen(url, context=context, timeout=5)
    except urllib.error.URLError as exc:
        return exc
    raise AssertionError("urllib did not fail")


def _httpx(url: str, ca_file: str) -> BaseException:
    import httpx

    try:
        httpx.get(url, verify=ssl.create_default_context(cafile=ca_file), timeout=5)
    except httpx.TransportError as exc:
        return exc
    raise AssertionError("httpx did not fail")


def _aiohttp(url: str, ca_file: str) -> BaseException:
    import aiohttp

    async def fetch() -> BaseException:
        context = ssl.create_default_context(cafile=ca_file)
        async with aiohttp.ClientSession() as session:
            try:
                async with session.get(url, ssl=context, timeout=aiohttp.ClientTimeout(total=5)):
                    pass
            except aiohttp.ClientError as exc:
                return exc
        raise AssertionError("aiohttp did not fail")

    return asyncio.run(fetch())


CLIENTS: dict[str, Callable[[str, str], BaseException]] = {
    "requests": _requests,
    "urllib": _urllib,
    "httpx": _httpx,
    "aiohttp": _aiohttp,
}


@pytest.mark.parametrize("client", sorted(CLIENTS))
@pytest.mark.parametrize("defect", DEFECTS)
def test_explain_real_client_exception(pki: PKI, client: str, defect: str) -> None:
    with TLSServer(_chain(pki, defect), hosts=HOSTS) as server:
        url = f"https://localhost:{server.port}/path?secret=1"
        exc = CLIENTS[client](url, pki.ca_file)
        offline = sslexplain.explain(exc, probe=False)
        probed = sslexplain.explain(exc, ca_file=pki.ca_file, timeout=5)
    assert not offline.ok and not probed.ok
    assert offline.observation is not None and not offline.observation.probed
    assert probed.target.host == "localhost" and probed.target.port == server.port
    assert probed.primary is not None and probed.primary.kind is CauseKind(defect), str(probed)
    assert CauseKind(defect) in offline.kinds or defect == "untrusted_root", str(offline)
    assert "secret" not in probed.to_json()


def test_explain_notes_when_the_probe_does_not_reproduce(pki: PKI) -> None:
    """The user's client failed with an untrusted root; from here (lab root trusted) it verifies."""
    with TLSServer([pki.leaf("localhost"), pki.intermediate], hosts=HOSTS) as server:
        exc = _requests(f"https://localhost:{server.port}/", ssl.get_default_verify_paths().cafile or "")
        d = sslexplain.explain(exc, ca_file=pki.ca_file, timeout=5)
    assert not d.ok
    assert any("reported" in e for c in d.causes for e in c.evidence), str(d)


def test_explain_pasted_text_offline() -> None:
    text = (
        "requests.exceptions.SSLError: HTTPSConnectionPool(host='api.example.test', port=8443): Max retries "
        "exceeded with url: / (Caused by SSLError(SSLCertVerificationError(1, "
        "'[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: "
        "unable to get local issuer certificate (_ssl.c:1006)')))"
    )
    d = sslexplain.explain(text, probe=False)
    assert not d.ok
    assert d.target.host == "api.example.test" and d.target.port == 8443
    assert d.primary is not None and d.primary.kind is CauseKind.INCOMPLETE_CHAIN
    assert {CauseKind.MISSING_ROOT, CauseKind.UNTRUSTED_ROOT} <= set(d.kinds)
    assert any(f.command == "sslexplain api.example.test:8443" for f in d.primary.fixes)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("certificate verify failed: certificate has expired", CauseKind.EXPIRED),
        (
            "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate",
            CauseKind.SELF_SIGNED,
        ),
        ("Hostname mismatch, certificate is not valid for 'x.test'.", CauseKind.HOSTNAME_MISMATCH),
        ("certificate verify failed: self signed certificate in certificate chain", CauseKind.UNTRUSTED_ROOT),
        ("ca md too weak", CauseKind.WEAK_CRYPTO),
        ("Basic Constraints of CA cert not marked critical", CauseKind.INVALID_CHAIN),
        ("certificate verify failed: certificate is not yet valid", CauseKind.NOT_YET_VALID),
        (
            "OSError: Could not find a suitable TLS CA certificate bundle, invalid path: /x.pem",
            CauseKind.PYTHON_ENVIRONMENT,
        ),
        ("ssl.SSLError: [SSL: DH_KEY_TOO_SMALL] dh key too small (_ssl.c:1006)", CauseKind.WEAK_CRYPTO),
        (
            "ssl.SSLError: [SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1006)",
            CauseKind.HANDSHAKE_FAILURE,
        ),
        (
            "Could not fetch URL https://pypi.org/simple/pip/: There was a problem confirming the ssl "
            "certificate: HTTPSConnectionPool(host='pypi.org', port=443): Max retries exceeded with url: "
            "/simple/pip/ (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] "
            "certificate verify failed: unable to get local issuer certificate (_ssl.c:1006)'))) - skipping",
            CauseKind.INTERCEPTION,
        ),
    ],
)
def test_explain_text_maps_codes(text: str, kind: CauseKind) -> None:
    for lang in ("en", "ja"):
        d = sslexplain.explain(text, probe=False, lang=lang)
        assert d.primary is not None and d.primary.kind is kind, str(d)
        assert "{" not in str(d)


def test_explain_rejects_other_types() -> None:
    with pytest.raises(TypeError):
        sslexplain.explain(42)  # type: ignore[arg-type]


def test_explain_client_certificate_required(pki: PKI) -> None:
    other = root("Client CA")
    for client, call in CLIENTS.items():
        with TLSServer(
            [pki.leaf("localhost"), pki.intermediate], hosts=HOSTS, client_ca=other, tls_versions=("TLSv1.2",)
        ) as server:
            exc = call(f"https://localhost:{server.port}/", pki.ca_file)
            probed = sslexplain.explain(exc, ca_file=pki.ca_file, timeout=5)
            offline = sslexplain.explain(exc, probe=False)
        assert probed.primary is not None and probed.primary.kind is CauseKind.HANDSHAKE_FAILURE, (
            client,
            str(probed),
        )
        assert "client certificate" in probed.primary.summary
        assert offline.primary is not None and offline.primary.kind is CauseKind.HANDSHAKE_FAILURE, (
            client,
            offline,
        )


def test_explain_refused_connection(pki: PKI) -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    for client, call in CLIENTS.items():
        exc = call(f"https://127.0.0.1:{port}/", pki.ca_file)
        probed = sslexplain.explain(exc, timeout=3)
        offline = sslexplain.explain(exc, probe=False)
        assert probed.primary is not None and probed.primary.kind is CauseKind.UNREACHABLE, (
            client,
            str(probed),
        )
        assert offline.primary is not None and offline.primary.kind is CauseKind.UNREACHABLE, (
            client,
            str(offline),
        )


def test_revocation_data_unavailable_is_not_called_revoked() -> None:
    d = sslexplain.explain(
        "certificate verify failed: unable to get certificate CRL (_ssl.c:1006)", probe=False
    )
    assert d.primary is not None and d.primary.kind is CauseKind.REVOKED
    assert "could not be checked" in d.primary.summary and "has been revoked" not in d.primary.summary


@pytest.mark.parametrize(
    "message",
    [
        "unhandled critical extension",
        "certificate signature failure",
        "key usage does not include certificate signing",
    ],
)
def test_structural_codes_are_invalid_chain(message: str) -> None:
    d = sslexplain.explain(
        f"[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: {message}", probe=False
    )
    assert d.primary is not None and d.primary.kind is CauseKind.INVALID_CHAIN


@pytest.mark.parametrize(
    "text",
    [
        "CondaSSLError: Encountered an SSL error. Most likely a certificate verification issue.",
        "WARNING: Retrying after connection broken by 'SSLError(SSLCertVerificationError(1, '[SSL: "
        "CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate in certificate chain "
        "(_ssl.c:1006)'))': /simple/requests/",
        "fatal: unable to access 'https://github.com/x/y.git/': SSL certificate problem: "
        "self-signed certificate in certificate chain",
    ],
)
def test_unknown_issuer_on_a_public_site_points_to_this_side(text: str) -> None:
    d = sslexplain.explain(text, probe=False)
    assert d.primary is not None and d.primary.kind is CauseKind.INTERCEPTION, str(d)
    assert CauseKind.MISSING_ROOT in d.kinds and CauseKind.PYTHON_ENVIRONMENT in d.kinds


def test_requests_failure_probed_with_requests_own_bundle(
    pki: PKI, monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    """requests (certifi) fails where the default store (SSL_CERT_FILE) has the root: missing_root."""
    import os

    system = os.path.join(str(tmp_path), "system.pem")
    with open(pki.ca_file, "rb") as src, open(system, "wb") as dst:
        dst.write(src.read())
    monkeypatch.setenv("SSL_CERT_FILE", system)  # the "system" store trusts the lab root; certifi does not
    with TLSServer([pki.leaf("localhost"), pki.intermediate], hosts=HOSTS) as server:
        import requests

        with pytest.raises(requests.exceptions.SSLError) as caught:
            requests.get(f"https://localhost:{server.port}/", timeout=5)
        d = sslexplain.explain(caught.value, timeout=5)
    assert d.primary is not None and d.primary.kind is CauseKind.MISSING_ROOT, str(d)
    assert not any("reported error had verify code" in e for c in d.causes for e in c.evidence)
    verdicts = {c.client: c.verifies for c in d.clients}
    assert verdicts.get("stdlib ssl") is True
    assert d.clients[0].client == "requests" and not d.clients[0].verifies
    assert [c.client for c in d.clients].count("requests") == 1
    assert "requests" in d.primary.summary
