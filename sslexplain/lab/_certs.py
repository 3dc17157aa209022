"""Pure: a certificate factory for tests, on cryptography.

Roots, intermediates and leaves with any validity window, names, key type,
signature hash and extensions, including the broken ones real servers send.
"""

from __future__ import annotations

import datetime as _dt
import ipaddress
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.x509.oid import AuthorityInformationAccessOID, ExtendedKeyUsageOID, NameOID

PrivateKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey | ed25519.Ed25519PrivateKey
KeyType = Literal["ec", "rsa", "ed25519"]
HashName = Literal["sha256", "sha384", "sha512", "sha1"]

_HASHES: dict[str, type[hashes.SHA256 | hashes.SHA384 | hashes.SHA512 | hashes.SHA1]] = {
    "sha256": hashes.SHA256,
    "sha384": hashes.SHA384,
    "sha512": hashes.SHA512,
    "sha1": hashes.SHA1,
}
_EKUS = {
    "serverAuth": ExtendedKeyUsageOID.SERVER_AUTH,
    "clientAuth": ExtendedKeyUsageOID.CLIENT_AUTH,
    "codeSigning": ExtendedKeyUsageOID.CODE_SIGNING,
    "emailProtection": ExtendedKeyUsageOID.EMAIL_PROTECTION,
}
_RSA_CACHE: dict[int, list[rsa.RSAPrivateKey]] = {}


def _now() -> _dt.datetime:
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0)


def make_key(key_type: KeyType = "ec", key_size: int = 2048) -> PrivateKey:
    """A fresh private key (RSA keys come from a small per-process pool: they are slow)."""
    if key_type == "ec":
        return ec.generate_private_key(ec.SECP256R1())
    if key_type == "ed25519":
        return ed25519.Ed25519PrivateKey.generate()
    pool = _RSA_CACHE.setdefault(key_size, [])
    if len(pool) < 4:
        pool.append(rsa.generate_private_key(public_exponent=65537, key_size=key_size))
        return pool[-1]
    pool.append(pool.pop(0))
    return pool[-1]


@dataclass(frozen=True)
class Issued:
    """A certificate with its private key."""

    cert: x509.Certificate
    key: PrivateKey

    @property
    def der(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.DER)

    @property
    def pem(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.PEM)

    @property
    def key_pem(self) -> bytes:
        return self.key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )

    @property
    def subject(self) -> str:
        return self.cert.subject.rfc4514_string()

    def issue_ca(self, name: str, **options: object) -> Issued:
        """An intermediate CA signed by this one (options as :func:`issue`)."""
        return issue(name, issuer=self, ca=True, **options)  # type: ignore[arg-type]

    def issue_leaf(self, *names: str, **options: object) -> Issued:
        """A server certificate for ``names`` (DNS names or IP addresses)."""
        return issue(names[0] if names else "leaf", issuer=self, sans=names, **options)  # type: ignore[arg-type]


def _name(common_name: str, organization: str | None) -> x509.Name:
    attrs = []
    if organization:
        attrs.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organization))
    attrs.append(x509.NameAttribute(NameOID.COMMON_NAME, common_name))
    return x509.Name(attrs)


def _general_names(names: Iterable[str]) -> list[x509.GeneralName]:
    out: list[x509.GeneralName] = []
    for name in names:
        try:
            out.append(x509.IPAddress(ipaddress.ip_address(name)))
        except ValueError:
            out.append(x509.DNSName(name))
    return out


def issue(
    common_name: str,
    *,
    issuer: Issued | None = None,
    ca: bool = False,
    sans: Sequence[str] = (),
    include_san: bool = True,
    organization: str | None = "sslexplain lab",
    key: PrivateKey | None = None,
    key_type: KeyType = "ec",
    key_size: int = 2048,
    hash_name: HashName = "sha256",
    not_before: _dt.datetime | None = None,
    not_after: _dt.datetime | None = None,
    days: float = 30,
    basic_constraints: bool | None = True,
    basic_constraints_critical: bool = True,
    path_length: int | None = None,
    key_usage: bool = True,
    eku: Sequence[str] | None = None,
    aia_issuers: Sequence[str] = (),
    ocsp_urls: Sequence[str] = (),
    crl_urls: Sequence[str] = (),
    key_identifiers: bool = True,
    serial: int | None = None,
) -> Issued:
    """Issue one certificate.

    Args:
        common_name: the subject CN (for a leaf, also the first SAN when ``sans`` is given).
        issuer: the signing CA; None makes a self-signed certificate.
        ca: a CA certificate (basicConstraints CA=TRUE, keyCertSign) instead of a server one.
        sans: DNS names and IP addresses, e.g. ``("example.test", "*.example.test", "127.0.0.1")``.
        include_san: False makes a CN-only certificate, as old servers have.
        not_before / not_after / days: the validity window (default: from an hour ago, 30 days).
        basic_constraints: None leaves the extension out; False marks a "CA" as CA=FALSE.
        eku: extended key usages by name; default serverAuth for leaves, none for CAs.
        aia_issuers / ocsp_urls / crl_urls: AIA caIssuers, OCSP and CRL distribution URLs.
    """
    key = key or make_key(key_type, key_size)
    now = _now()
    not_before = not_before or now - _dt.timedelta(hours=1)
    not_after = not_after or not_before + _dt.timedelta(days=days)
    subject = _name(common_name, organization)
    signer_key = issuer.key if issuer else key
    issuer_name = issuer.cert.subject if issuer else subject
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer_name)
        .public_key(key.public_key())
        .serial_number(serial or x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
    )
    if basic_constraints is not None:
        builder = builder.add_extension(
            x509.BasicConstraints(ca=bool(ca and basic_constraints), path_length=path_length if ca else None),
            critical=basic_constraints_critical,
        )
    if key_usage:
        builder = builder.add_extension(_key_usage(ca, key), critical=True)
    if eku is None and not ca:
        eku = ("serverAuth",)
    if eku:
        builder = builder.add_extension(x509.ExtendedKeyUsage([_EKUS[e] for e in eku]), critical=False)
    if sans and include_san and not ca:
        builder = builder.add_extension(x509.SubjectAlternativeName(_general_names(sans)), critical=False)
    if key_identifiers:
        builder = builder.add_extension(
            x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False
        )
        if issuer is not None:
            builder = builder.add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer.key.public_key()),
                critical=False,
            )
    access = [
        x509.AccessDescription(AuthorityInformationAccessOID.CA_ISSUERS, x509.UniformResourceIdentifier(u))
        for u in aia_issuers
    ] + [
        x509.AccessDescription(AuthorityInformationAccessOID.OCSP, x509.UniformResourceIdentifier(u))
        for u in ocsp_urls
    ]
    if access:
        builder = builder.add_extension(x509.AuthorityInformationAccess(access), critical=False)
    if crl_urls:
        points = [
            x509.DistributionPoint([x509.UniformResourceIdentifier(u)], None, None, None) for u in crl_urls
        ]
        builder = builder.add_extension(x509.CRLDistributionPoints(points), critical=False)
    weak = hash_name == "sha1"
    algorithm = (
        None
        if isinstance(signer_key, ed25519.Ed25519PrivateKey)
        else _HASHES["sha256" if weak else hash_name]()
    )
    cert = builder.sign(signer_key, algorithm)  # type: ignore[arg-type]
    if weak:  # cryptography refuses to sign with SHA-1; real servers still send such certificates
        cert = x509.load_der_x509_certificate(
            _resign_sha1(cert.public_bytes(serialization.Encoding.DER), signer_key)
        )
    return Issued(cert=cert, key=key)


def _der_items(data: bytes) -> list[bytes]:
    """Split DER contents into whole TLVs (definite lengths only, which is all DER has)."""
    items, pos = [], 0
    while pos < len(data):
        start = pos
        pos += 1
        length = data[pos]
        pos += 1
        if length & 0x80:
            count = length & 0x7F
            length = int.from_bytes(data[pos : pos + count], "big")
            pos += count
        pos += length
        items.append(data[start:pos])
    return items


def _der_contents(tlv: bytes) -> bytes:
    length = tlv[1]
    return tlv[2 + (length & 0x7F) :] if length & 0x80 else tlv[2:]


def _der(tag: int, contents: bytes) -> bytes:
    size = len(contents)
    if size < 0x80:
        return bytes([tag, size]) + contents
    raw = size.to_bytes((size.bit_length() + 7) // 8, "big")
    return bytes([tag, 0x80 | len(raw)]) + raw + contents


_SHA1_RSA = bytes.fromhex("300d06092a864886f70d0101050500")
_SHA1_ECDSA = bytes.fromhex("300906072a8648ce3d0401")  # ecdsa-with-SHA1, no parameters


def _resign_sha1(der: bytes, signer: PrivateKey) -> bytes:
    """Re-sign a certificate with SHA-1: swap both AlgorithmIdentifiers, sign the new TBS."""
    from cryptography.hazmat.primitives.asymmetric import padding

    tbs, _alg, _sig = _der_items(_der_contents(der))
    fields = _der_items(_der_contents(tbs))
    at = 2 if fields[0][0] == 0xA0 else 1  # [0] version, serial, signature
    if isinstance(signer, rsa.RSAPrivateKey):
        alg = _SHA1_RSA
        new_tbs = _der(0x30, b"".join([*fields[:at], alg, *fields[at + 1 :]]))
        signature = signer.sign(new_tbs, padding.PKCS1v15(), hashes.SHA1())
    elif isinstance(signer, ec.EllipticCurvePrivateKey):
        alg = _SHA1_ECDSA
        new_tbs = _der(0x30, b"".join([*fields[:at], alg, *fields[at + 1 :]]))
        signature = signer.sign(new_tbs, ec.ECDSA(hashes.SHA1()))
    else:
        raise ValueError("SHA-1 signatures need an RSA or EC issuer key")
    return _der(0x30, new_tbs + alg + _der(0x03, b"\x00" + signature))


def _key_usage(ca: bool, key: PrivateKey) -> x509.KeyUsage:
    is_rsa = isinstance(key, rsa.RSAPrivateKey)
    return x509.KeyUsage(
        digital_signature=True,
        content_commitment=False,
        key_encipherment=is_rsa and not ca,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=ca,
        crl_sign=ca,
        encipher_only=False,
        decipher_only=False,
    )


def root(common_name: str = "sslexplain lab Root CA", **options: object) -> Issued:
    """A self-signed root CA."""
    options.setdefault("days", 3650)
    return issue(common_name, ca=True, **options)  # type: ignore[arg-type]


def pem_bundle(certs: Iterable[Issued | x509.Certificate | bytes]) -> bytes:
    """PEM text of several certificates (Issued, cryptography objects or DER)."""
    out = []
    for item in certs:
        if isinstance(item, Issued):
            out.append(item.pem)
        elif isinstance(item, bytes):
            out.append(x509.load_der_x509_certificate(item).public_bytes(serialization.Encoding.PEM))
        else:
            out.append(item.public_bytes(serialization.Encoding.PEM))
    return b"".join(out)
