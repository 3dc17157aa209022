"""More chain defects on real servers: path length, critical extension, name constraints, expired root."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.x509.oid import NameOID, ObjectIdentifier

import sslexplain
from sslexplain import CauseKind
from sslexplain.lab import Issued, TLSServer, make_key, pem_bundle, root

NOW = dt.datetime.now(dt.timezone.utc)


def _ca_file(tmp_path: Path, ca: Issued) -> str:
    path = tmp_path / "ca.pem"
    path.write_bytes(pem_bundle([ca]))
    return str(path)


def _diagnose(
    serve: Callable[..., TLSServer], chain: list[Issued], host: str, ca_file: str
) -> sslexplain.Diagnosis:
    server = serve(chain)
    return sslexplain.diagnose(host, server.port, connect_to="127.0.0.1", ca_file=ca_file, timeout=5)


def _builder(subject: str, issuer: x509.Name, public_key: object) -> x509.CertificateBuilder:
    return (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
        .issuer_name(issuer)
        .public_key(public_key)  # type: ignore[arg-type]
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - dt.timedelta(hours=1))
        .not_valid_after(NOW + dt.timedelta(days=5))
    )


def test_path_length_exceeded(tmp_path: Path, serve: Callable[..., TLSServer]) -> None:
    ca = root()
    upper = ca.issue_ca("Upper CA pathlen 0", path_length=0)
    lower = upper.issue_ca("Lower CA")
    d = _diagnose(serve, [lower.issue_leaf("path.test"), lower, upper], "path.test", _ca_file(tmp_path, ca))
    assert d.primary is not None and d.primary.kind is CauseKind.INVALID_CHAIN
    assert any("pathLenConstraint" in e for e in d.primary.evidence)


def test_unknown_critical_extension(tmp_path: Path, serve: Callable[..., TLSServer]) -> None:
    ca = root()
    key = make_key()
    builder = (
        _builder("crit.test", ca.cert.subject, key.public_key())
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("crit.test")]), critical=False)
        .add_extension(
            x509.UnrecognizedExtension(ObjectIdentifier("1.3.6.1.4.1.99999.1"), b"\x05\x00"), critical=True
        )
    )
    leaf = Issued(cert=builder.sign(ca.key, hashes.SHA256()), key=key)  # type: ignore[arg-type]
    d = _diagnose(serve, [leaf], "crit.test", _ca_file(tmp_path, ca))
    assert d.primary is not None and d.primary.kind is CauseKind.INVALID_CHAIN
    assert any("1.3.6.1.4.1.99999.1" in e for e in d.primary.evidence)


def test_name_constraints_violation(tmp_path: Path, serve: Callable[..., TLSServer]) -> None:
    key = make_key()
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Constrained Root")])
    builder = (
        _builder("Constrained Root", name, key.public_key())
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(True, False, False, False, False, True, True, False, False), critical=True
        )
        .add_extension(
            x509.NameConstraints(permitted_subtrees=[x509.DNSName("allowed.test")], excluded_subtrees=None),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
    )
    ca = Issued(cert=builder.sign(key, hashes.SHA256()), key=key)  # type: ignore[arg-type]
    d = _diagnose(serve, [ca.issue_leaf("other.test")], "other.test", _ca_file(tmp_path, ca))
    assert d.primary is not None and d.primary.kind is CauseKind.INVALID_CHAIN
    assert any("other.test" in e and "name constraints" in e for e in d.primary.evidence)
    inside = _diagnose(serve, [ca.issue_leaf("www.allowed.test")], "www.allowed.test", _ca_file(tmp_path, ca))
    assert inside.ok and inside.causes == ()


def test_expired_root_in_the_store_is_named(tmp_path: Path, serve: Callable[..., TLSServer]) -> None:
    old = root("Expired Root", not_before=NOW - dt.timedelta(days=400), not_after=NOW - dt.timedelta(days=1))
    inter = old.issue_ca("Issuing CA", not_before=NOW - dt.timedelta(days=100), days=300)
    d = _diagnose(serve, [inter.issue_leaf("e.test"), inter], "e.test", _ca_file(tmp_path, old))
    assert d.primary is not None and d.primary.kind is CauseKind.EXPIRED
    assert "Expired Root" in d.primary.summary


def test_intermediate_without_its_root_in_the_store(tmp_path: Path, serve: Callable[..., TLSServer]) -> None:
    """Python < 3.13 needs the self-signed root in the bundle; 3.13 accepts a partial chain."""
    import sys

    inter = root().issue_ca("Only Intermediate CA")
    d = _diagnose(serve, [inter.issue_leaf("pc.test"), inter], "pc.test", _ca_file(tmp_path, inter))
    if sys.version_info >= (3, 13):
        assert d.ok and d.causes == ()
        return
    assert d.primary is not None and d.primary.kind is CauseKind.UNTRUSTED_ROOT
    assert any("Only Intermediate CA" in e and "root" in e for e in d.primary.evidence)
    assert any("127.0.0.1" in (fix.command or "") for fix in d.primary.fixes)
