"""Bad input: a clear cause or a clear ValueError, never a hang or a traceback from inside the library."""

from __future__ import annotations

import datetime as dt
import socket
import time

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.x509.oid import ExtensionOID, NameOID

import sslexplain
from sslexplain import CauseKind
from sslexplain.lab import Issued, PlainServer, SilentServer, TLSServer, make_key

from .conftest import PKI


@pytest.mark.parametrize(
    "target",
    [
        "",
        "   ",
        "host:0",
        "host:70000",
        "host:abc",
        "http://example.test/",
        "ftp://x.test",
        "://",
        "https://",
        "[::1",
        "a b.test",
        "exa mple.com",
        "x" * 300,
        ("a" * 64) + ".test",
    ],
)
def test_bad_targets_raise_value_error(target: str) -> None:
    with pytest.raises(ValueError):
        sslexplain.diagnose(target, timeout=1)


@pytest.mark.parametrize("timeout", [0, -1, float("nan")])
def test_bad_timeout(timeout: float) -> None:
    with pytest.raises(ValueError):
        sslexplain.diagnose("127.0.0.1", 1, timeout=timeout)


def test_missing_ca_file_is_a_caller_error() -> None:
    with pytest.raises(ValueError, match="ca_file"):
        sslexplain.diagnose("127.0.0.1", 1, ca_file="/nonexistent/bundle.pem", timeout=1)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_closed_port_is_unreachable() -> None:
    d = sslexplain.diagnose("closed.test", _free_port(), connect_to="127.0.0.1", timeout=3)
    assert not d.ok
    assert d.kinds == (CauseKind.UNREACHABLE,)
    assert any("refused" in e for e in d.causes[0].evidence)


def test_silent_peer_ends_within_the_deadline() -> None:
    with SilentServer() as server:
        started = time.monotonic()
        d = sslexplain.diagnose("silent.test", server.port, connect_to="127.0.0.1", timeout=1.0)
        elapsed = time.monotonic() - started
    assert elapsed < 3.0
    assert d.primary is not None and d.primary.kind is CauseKind.UNREACHABLE


def test_plain_http_is_not_tls() -> None:
    with PlainServer() as server:
        d = sslexplain.diagnose("plain.test", server.port, connect_to="127.0.0.1", timeout=3)
    assert d.primary is not None and d.primary.kind is CauseKind.HANDSHAKE_FAILURE
    assert "TLS" in d.primary.summary


def test_protocol_mismatch(pki: PKI) -> None:
    """A TLS 1.0-only server: the capture sees it, the client's context refuses it."""
    try:
        server = TLSServer([pki.leaf("old.test"), pki.intermediate], tls_versions=("TLSv1",))
    except (ValueError, OSError) as exc:  # pragma: no cover - OpenSSL built without TLS 1.0
        pytest.skip(f"TLS 1.0 unavailable: {exc}")
    with server:
        d = sslexplain.diagnose(
            "old.test", server.port, connect_to="127.0.0.1", ca_file=pki.ca_file, timeout=3
        )
    assert d.primary is not None and d.primary.kind is CauseKind.HANDSHAKE_FAILURE, str(d)


def _malformed(issuer: Issued) -> Issued:
    """A certificate whose subjectAltName is not valid DER (OpenSSL serves it as an extra certificate)."""
    key = make_key()
    now = dt.datetime.now(dt.timezone.utc)
    builder = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "malformed.test")]))
        .issuer_name(issuer.cert.subject)
        .public_key(key.public_key())
        .serial_number(7)
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=3))
        .add_extension(
            x509.UnrecognizedExtension(ExtensionOID.SUBJECT_ALTERNATIVE_NAME, b"\x30\x05\x82\x03\xff\xfe"),
            critical=False,
        )
    )
    return Issued(cert=builder.sign(issuer.key, hashes.SHA256()), key=key)  # type: ignore[arg-type]


def test_malformed_certificate_served(pki: PKI) -> None:
    leaf = pki.leaf("malformed.test")
    with TLSServer([leaf, pki.intermediate, _malformed(pki.intermediate)]) as server:
        d = sslexplain.diagnose(
            "malformed.test", server.port, connect_to="127.0.0.1", ca_file=pki.ca_file, timeout=3
        )
    assert d.ok  # the extra certificate is not on the path; it is reported as unrelated
    assert d.kinds == (CauseKind.CHAIN_ORDER,)
    str(d), d.to_json(), d._repr_html_()


def test_garbage_der_in_a_recorded_observation() -> None:
    from sslexplain import Handshake, Observation, Target

    obs = Observation(
        target=Target(host="garbage.test"),
        observed_at=dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc),
        addresses=("127.0.0.1",),
        handshakes=(
            Handshake(address="127.0.0.1", purpose="capture", ok=True, chain=(b"\x30\x03abc", b"not der")),
            Handshake(
                address="127.0.0.1",
                purpose="verify",
                ok=False,
                error_kind="verify",
                verify_code=20,
                verify_message="unable to get local issuer certificate",
            ),
        ),
    )
    d = sslexplain.analyze(obs)
    assert not d.ok
    assert d.causes, str(d)
    str(d), d.to_json(), d._repr_html_(), d._repr_markdown_()
