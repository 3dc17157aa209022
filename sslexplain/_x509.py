"""Pure: certificate facts and offline path building on cryptography.

Everything here takes DER bytes or parsed certificates and a point in time; it
never reads the clock, a file or the network, so every rule built on it can be
replayed from a recorded Observation.
"""

from __future__ import annotations

import base64
import contextlib
import functools
import hashlib
import ipaddress
import re
import threading
import warnings
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import dsa, ec, ed448, ed25519, rsa
from cryptography.x509.oid import AuthorityInformationAccessOID, ExtendedKeyUsageOID, NameOID

from ._model import CertInfo, utc

Certificate = x509.Certificate


_WARNINGS_LOCK = threading.Lock()


@contextlib.contextmanager
def quiet() -> Iterator[None]:
    """Silence warnings around one call, serialised: ``catch_warnings`` swaps process-wide state."""
    with _WARNINGS_LOCK, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


@functools.lru_cache(maxsize=4096)
def load(der: bytes) -> Certificate | None:
    """Parse DER; None for a malformed certificate (servers do send them)."""
    with quiet():  # e.g. negative serials: real stores hold such roots
        try:
            return x509.load_der_x509_certificate(der)
        except ValueError:
            return None


_PEM_BLOCK = re.compile(rb"-----BEGIN (?:X509 |TRUSTED )?CERTIFICATE-----(.+?)-----END", re.DOTALL)


def load_bundle(data: bytes) -> list[Certificate]:
    """Certificates from PEM text, DER, or PKCS#7 (AIA endpoints serve all three); bad ones are skipped."""
    if b"-----BEGIN" in data:
        certs = []
        for block in _PEM_BLOCK.findall(data):
            try:
                der = base64.b64decode(b"".join(block.split()), validate=False)
            except ValueError:
                continue
            cert = load(der)
            if cert is not None:
                certs.append(cert)
        return certs or _pkcs7(data, pem=True)
    cert = load(data)
    return [cert] if cert is not None else _pkcs7(data, pem=False)


def _pkcs7(data: bytes, *, pem: bool) -> list[Certificate]:
    from cryptography.hazmat.primitives.serialization import pkcs7

    with quiet():
        try:
            loader = pkcs7.load_pem_pkcs7_certificates if pem else pkcs7.load_der_pkcs7_certificates
            return list(loader(data))
        except (ValueError, TypeError):
            return []


def der_of(cert: Certificate) -> bytes:
    from cryptography.hazmat.primitives.serialization import Encoding

    return cert.public_bytes(Encoding.DER)


def pem_of(certs: Iterable[Certificate]) -> str:
    from cryptography.hazmat.primitives.serialization import Encoding

    return "".join(cert.public_bytes(Encoding.PEM).decode("ascii") for cert in certs)


def fingerprint(cert: Certificate) -> str:
    return hashlib.sha256(der_of(cert)).hexdigest()


def name_text(name: x509.Name) -> str:
    """A short, readable form of a distinguished name (CN first, then O)."""
    parts = []
    for oid, label in ((NameOID.COMMON_NAME, "CN"), (NameOID.ORGANIZATION_NAME, "O")):
        for attr in name.get_attributes_for_oid(oid):
            parts.append(f"{label}={attr.value!s}")
    return ", ".join(parts) or name.rfc4514_string() or "(empty name)"


def common_names(cert: Certificate) -> list[str]:
    return [str(a.value) for a in cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)]


def not_before(cert: Certificate) -> datetime:
    return utc(cert.not_valid_before_utc)


def not_after(cert: Certificate) -> datetime:
    return utc(cert.not_valid_after_utc)


def _extension(cert: Certificate, kind: type[x509.ExtensionType]) -> x509.ExtensionType | None:
    try:
        return cert.extensions.get_extension_for_class(kind).value
    except (x509.ExtensionNotFound, ValueError):
        return None


def sans(cert: Certificate) -> tuple[list[str], list[str]]:
    """(DNS names, IP addresses) of the subjectAltName extension."""
    ext = _extension(cert, x509.SubjectAlternativeName)
    if not isinstance(ext, x509.SubjectAlternativeName):
        return [], []
    dns = [str(n) for n in ext.get_values_for_type(x509.DNSName)]
    ips = [str(ip) for ip in ext.get_values_for_type(x509.IPAddress)]
    return dns, ips


def has_san(cert: Certificate) -> bool:
    return isinstance(_extension(cert, x509.SubjectAlternativeName), x509.SubjectAlternativeName)


def basic_constraints(cert: Certificate) -> x509.BasicConstraints | None:
    ext = _extension(cert, x509.BasicConstraints)
    return ext if isinstance(ext, x509.BasicConstraints) else None


def is_ca(cert: Certificate) -> bool:
    constraints = basic_constraints(cert)
    return bool(constraints and constraints.ca)


def key_usage(cert: Certificate) -> x509.KeyUsage | None:
    ext = _extension(cert, x509.KeyUsage)
    return ext if isinstance(ext, x509.KeyUsage) else None


def extended_key_usage(cert: Certificate) -> list[str] | None:
    """EKU dotted names ('serverAuth', ...) or None when the extension is absent (= any)."""
    ext = _extension(cert, x509.ExtendedKeyUsage)
    if not isinstance(ext, x509.ExtendedKeyUsage):
        return None
    names = {
        ExtendedKeyUsageOID.SERVER_AUTH: "serverAuth",
        ExtendedKeyUsageOID.CLIENT_AUTH: "clientAuth",
        ExtendedKeyUsageOID.CODE_SIGNING: "codeSigning",
        ExtendedKeyUsageOID.EMAIL_PROTECTION: "emailProtection",
        ExtendedKeyUsageOID.ANY_EXTENDED_KEY_USAGE: "anyExtendedKeyUsage",
    }
    return [names.get(oid, oid.dotted_string) for oid in ext]


def url_list(cert: Certificate, method: x509.ObjectIdentifier) -> list[str]:
    ext = _extension(cert, x509.AuthorityInformationAccess)
    if not isinstance(ext, x509.AuthorityInformationAccess):
        return []
    return [
        str(d.access_location.value)
        for d in ext
        if d.access_method == method and isinstance(d.access_location, x509.UniformResourceIdentifier)
    ]


def ca_issuer_urls(cert: Certificate) -> list[str]:
    return url_list(cert, AuthorityInformationAccessOID.CA_ISSUERS)


def ocsp_urls(cert: Certificate) -> list[str]:
    return url_list(cert, AuthorityInformationAccessOID.OCSP)


def crl_urls(cert: Certificate) -> list[str]:
    ext = _extension(cert, x509.CRLDistributionPoints)
    if not isinstance(ext, x509.CRLDistributionPoints):
        return []
    return [
        str(n.value)
        for point in ext
        for n in (point.full_name or [])
        if isinstance(n, x509.UniformResourceIdentifier)
    ]


def unknown_critical_extensions(cert: Certificate) -> list[str]:
    """Dotted OIDs of critical extensions no verifier here understands (OpenSSL code 34)."""
    try:
        return [
            ext.oid.dotted_string
            for ext in cert.extensions
            if ext.critical and isinstance(ext.value, x509.UnrecognizedExtension)
        ]
    except ValueError:
        return []


def _within(name: str, subtree: str) -> bool:
    name, subtree = name.lower().rstrip("."), subtree.lower().rstrip(".").lstrip(".")
    return not subtree or name == subtree or name.endswith("." + subtree)


def name_constraint_violation(ca: Certificate, leaf: Certificate) -> str | None:
    """The leaf's first DNS name outside the CA's permitted subtrees or inside its excluded ones."""
    ext = _extension(ca, x509.NameConstraints)
    if not isinstance(ext, x509.NameConstraints):
        return None
    permitted = [str(n.value) for n in ext.permitted_subtrees or () if isinstance(n, x509.DNSName)]
    excluded = [str(n.value) for n in ext.excluded_subtrees or () if isinstance(n, x509.DNSName)]
    for name in sans(leaf)[0]:
        bare = name[2:] if name.startswith("*.") else name
        if permitted and not any(_within(bare, sub) for sub in permitted):
            return name
        if any(_within(bare, sub) for sub in excluded):
            return name
    return None


def key_description(cert: Certificate) -> tuple[str, int]:
    """('RSA', 2048), ('EC P-256', 256), ('Ed25519', 256), ..."""
    try:
        key = cert.public_key()
    except (ValueError, TypeError):  # unsupported key type
        return "unknown", 0
    if isinstance(key, rsa.RSAPublicKey):
        return "RSA", key.key_size
    if isinstance(key, ec.EllipticCurvePublicKey):
        return f"EC {key.curve.name}", key.key_size
    if isinstance(key, ed25519.Ed25519PublicKey):
        return "Ed25519", 256
    if isinstance(key, ed448.Ed448PublicKey):
        return "Ed448", 456
    if isinstance(key, dsa.DSAPublicKey):
        return "DSA", key.key_size
    return type(key).__name__, 0


def signature_hash(cert: Certificate) -> str:
    """'sha256', 'sha1', 'md5', or the algorithm's name for EdDSA."""
    try:
        algorithm = cert.signature_hash_algorithm
    except Exception:
        return cert.signature_algorithm_oid.dotted_string
    if algorithm is None:
        return cert.signature_algorithm_oid._name.lower()
    return algorithm.name


def is_self_issued(cert: Certificate) -> bool:
    return cert.subject == cert.issuer


def is_self_signed(cert: Certificate) -> bool:
    return is_self_issued(cert) and issued_by(cert, cert)


@functools.lru_cache(maxsize=4096)
def issued_by(child: Certificate, parent: Certificate) -> bool:
    """True when ``parent``'s name and key signed ``child``."""
    if child.issuer != parent.subject:
        return False
    try:
        child.verify_directly_issued_by(parent)
    except Exception:
        return _verify_legacy_signature(child, parent)
    return True


def _verify_legacy_signature(child: Certificate, parent: Certificate) -> bool:
    """SHA-1 / MD5 signatures, which cryptography's own check refuses but servers still send."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    try:
        algorithm = child.signature_hash_algorithm
        key = parent.public_key()
        if not isinstance(algorithm, (hashes.SHA1, hashes.MD5)):
            return False
        if isinstance(key, rsa.RSAPublicKey):
            key.verify(child.signature, child.tbs_certificate_bytes, padding.PKCS1v15(), algorithm)
        elif isinstance(key, ec.EllipticCurvePublicKey):
            key.verify(child.signature, child.tbs_certificate_bytes, ec.ECDSA(algorithm))
        else:
            return False
    except Exception:
        return False
    return True


def same_certificate(a: Certificate, b: Certificate) -> bool:
    """Same subject and key: a root re-issued with other dates still anchors the same chains."""
    if a == b:
        return True
    if a.subject != b.subject:
        return False
    try:
        return bool(a.public_key() == b.public_key())
    except (ValueError, TypeError):
        return False


# --- names ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NameCheck:
    """How the host name compares with the certificate's names."""

    matches: bool
    reason: str  # "ok", "cn_only", "cn_only_mismatch", "wildcard_depth", "ip_not_in_san", "not_listed"
    names: tuple[str, ...]
    closest: str | None = None


def _match_dns(pattern: str, host: str) -> bool:
    pattern = pattern.lower().rstrip(".")
    if pattern == host:
        return True
    if pattern.startswith("*.") and "*" not in pattern[2:]:
        head, _, rest = host.partition(".")
        return bool(head) and rest == pattern[2:] and not is_ip(host)
    return False


def is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def check_name(cert: Certificate, host: str) -> NameCheck:
    """Compare ``host`` with the SAN as modern clients do (the CN is never used)."""
    host = host.lower().rstrip(".").strip("[]")
    dns, ips = sans(cert)
    names = tuple(dns + ips)
    if is_ip(host):
        wanted = ipaddress.ip_address(host)
        if any(ipaddress.ip_address(ip) == wanted for ip in ips):
            return NameCheck(True, "ok", names)
        return NameCheck(False, "ip_not_in_san", names or tuple(common_names(cert)))
    if any(_match_dns(name, host) for name in dns):
        return NameCheck(True, "ok", names)
    if not has_san(cert):
        cns = tuple(common_names(cert))
        reason = "cn_only" if any(_match_dns(cn, host) for cn in cns) else "cn_only_mismatch"
        return NameCheck(False, reason, cns)
    for name in dns:
        suffix = name[2:].lower() if name.startswith("*.") else None
        if suffix and (host.endswith("." + suffix) or host == suffix):
            return NameCheck(False, "wildcard_depth", names, closest=name)
    return NameCheck(False, "not_listed", names, closest=_closest(host, dns))


def _closest(host: str, names: Sequence[str]) -> str | None:
    def shared_suffix(name: str) -> int:
        a, b = host.split(".")[::-1], name.lower().split(".")[::-1]
        count = 0
        for x, y in zip(a, b, strict=False):
            if x != y:
                break
            count += 1
        return count

    ranked = sorted(names, key=shared_suffix, reverse=True)
    return ranked[0] if ranked and shared_suffix(ranked[0]) > 0 else None


# --- paths ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PathLink:
    cert: Certificate
    source: str  # "served", "aia", "store"
    index: int | None  # position in the served chain


@dataclass(frozen=True, slots=True)
class Path:
    """The path a verifier would build, leaf first, and how it ended."""

    links: tuple[PathLink, ...]
    end: str  # "anchored", "self_signed", "issuer_missing", "loop"

    @property
    def anchored(self) -> bool:
        return self.end == "anchored"

    @property
    def top(self) -> Certificate:
        return self.links[-1].cert

    def certs(self) -> list[Certificate]:
        return [link.cert for link in self.links]

    def sources(self) -> set[str]:
        return {link.source for link in self.links}


def build_path(
    served: Sequence[Certificate | None],
    anchors: Sequence[Certificate],
    extra: Sequence[Certificate] = (),
    max_depth: int = 12,
) -> Path:
    """Chain the served leaf up to a trust anchor, as OpenSSL would.

    Anchors are preferred over served certificates (a served root or an
    expired cross-sign never hides a trusted root), then served ones in order,
    then ``extra`` (certificates fetched over AIA).
    """
    leaf = served[0] if served else None
    if leaf is None:
        return Path((), "issuer_missing")
    current = PathLink(leaf, "served", 0)
    links = [current]
    for _ in range(max_depth):
        cert = current.cert
        if any(same_certificate(cert, anchor) for anchor in anchors):
            return Path(tuple(links), "anchored")
        anchor = next((a for a in anchors if issued_by(cert, a)), None)
        if anchor is not None:
            links.append(PathLink(anchor, "store", None))
            return Path(tuple(links), "anchored")
        if is_self_signed(cert):
            return Path(tuple(links), "self_signed")
        used = {id(link.cert) for link in links}
        candidates = [PathLink(c, "served", i) for i, c in enumerate(served) if c is not None and i > 0] + [
            PathLink(c, "aia", None) for c in extra
        ]
        nxt = next((c for c in candidates if id(c.cert) not in used and issued_by(cert, c.cert)), None)
        if nxt is None:
            return Path(tuple(links), "issuer_missing")
        current = nxt
        links.append(current)
    return Path(tuple(links), "loop")


def describe(cert: Certificate, index: int) -> CertInfo:
    dns, ips = sans(cert)
    key_name, bits = key_description(cert)
    return CertInfo(
        index=index,
        subject=name_text(cert.subject),
        issuer=name_text(cert.issuer),
        sans=tuple(dns + ips),
        not_before=not_before(cert),
        not_after=not_after(cert),
        key=f"{key_name} {bits}" if bits else key_name,
        signature=signature_hash(cert),
        sha256=fingerprint(cert),
        is_ca=is_ca(cert),
        self_signed=is_self_signed(cert),
    )
