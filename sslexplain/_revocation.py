"""Pure: OCSP requests, and OCSP / CRL answers judged for one certificate.

The bytes come from ``Observation.fetches`` (purpose "ocsp" or "crl"); the
judgement is "as of" a time given by the caller, so a recorded Observation is
re-judged exactly. A responder that cannot be reached, a bad signature or a
stale answer is a *problem* on the answer, never a verdict about the
certificate.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed448, ed25519, padding, rsa
from cryptography.x509 import ocsp
from cryptography.x509.oid import ExtendedKeyUsageOID

from ._model import Fetch, utc

# An answer without nextUpdate is taken as stale after this long (CA/B Forum: OCSP answers live <= 10 days).
MAX_AGE_WITHOUT_NEXT_UPDATE = timedelta(days=4)
CLOCK_LEEWAY = timedelta(minutes=5)


@dataclass(frozen=True, slots=True)
class Answer:
    """What one OCSP responder or CRL said about the certificate, and whether that can be believed.

    ``status``: "good", "revoked", "unknown" (the responder does not know the
    certificate) or "none" (no usable answer). ``problem``: "" when the answer
    is sound, else "unreachable", "http", "too_large", "malformed",
    "responder_status", "wrong_certificate", "bad_signature", "no_issuer",
    "stale" or "future".
    """

    source: str  # "ocsp" or "crl"
    url: str
    status: str
    problem: str = ""
    detail: str = ""
    reason: str | None = None
    revoked_at: datetime | None = None
    this_update: datetime | None = None
    next_update: datetime | None = None
    signer: str | None = None

    @property
    def sound(self) -> bool:
        return not self.problem

    @property
    def says_revoked(self) -> bool:
        """Revoked by a correctly signed answer (revocation is final, so a stale one still counts)."""
        return self.status == "revoked" and self.problem in ("", "stale")


def ocsp_request(leaf: x509.Certificate, issuer: x509.Certificate) -> bytes:
    """The DER OCSP request for ``leaf`` (CertID with SHA-1, as every responder understands)."""
    builder = ocsp.OCSPRequestBuilder().add_certificate(leaf, issuer, hashes.SHA1())
    return builder.build().public_bytes(serialization.Encoding.DER)


def _failed(source: str, fetch: Fetch) -> Answer | None:
    if fetch.ok:
        return None
    if fetch.truncated:
        return Answer(
            source=source, url=fetch.url, status="none", problem="too_large", detail=fetch.error or ""
        )
    if fetch.status is not None:
        return Answer(source=source, url=fetch.url, status="none", problem="http", detail=str(fetch.status))
    return Answer(
        source=source, url=fetch.url, status="none", problem="unreachable", detail=fetch.error or ""
    )


def judge_ocsp(fetch: Fetch, leaf: x509.Certificate, issuer: x509.Certificate | None, at: datetime) -> Answer:
    """An OCSP response checked: status, certificate ID, responder signature, freshness."""
    failed = _failed("ocsp", fetch)
    if failed is not None:
        return failed
    url = fetch.url
    try:
        response = ocsp.load_der_ocsp_response(fetch.body)
    except ValueError as exc:
        return Answer(source="ocsp", url=url, status="none", problem="malformed", detail=str(exc)[:200])
    if response.response_status != ocsp.OCSPResponseStatus.SUCCESSFUL:
        return Answer(
            source="ocsp",
            url=url,
            status="none",
            problem="responder_status",
            detail=response.response_status.name,
        )
    if issuer is None:
        return Answer(source="ocsp", url=url, status="none", problem="no_issuer")
    try:
        return _judge_successful(response, url, leaf, issuer, at)
    except Exception as exc:  # a malformed but parseable response: never raise from analysis
        return Answer(source="ocsp", url=url, status="none", problem="malformed", detail=str(exc)[:200])


def _judge_successful(
    response: ocsp.OCSPResponse, url: str, leaf: x509.Certificate, issuer: x509.Certificate, at: datetime
) -> Answer:
    expected = ocsp.OCSPRequestBuilder().add_certificate(leaf, issuer, response.hash_algorithm).build()
    if (
        response.serial_number != leaf.serial_number
        or response.issuer_key_hash != expected.issuer_key_hash
        or response.issuer_name_hash != expected.issuer_name_hash
    ):
        return Answer(source="ocsp", url=url, status="none", problem="wrong_certificate")
    signer = _ocsp_signer(response, issuer)
    if signer is None or not _signature_ok(
        signer.public_key(),
        response.signature,
        response.tbs_response_bytes,
        response.signature_hash_algorithm,
    ):
        return Answer(source="ocsp", url=url, status="none", problem="bad_signature")
    status = {
        ocsp.OCSPCertStatus.GOOD: "good",
        ocsp.OCSPCertStatus.REVOKED: "revoked",
        ocsp.OCSPCertStatus.UNKNOWN: "unknown",
    }[response.certificate_status]
    this_update = utc(response.this_update_utc)
    next_update = utc(response.next_update_utc) if response.next_update_utc else None
    reason = response.revocation_reason.value if response.revocation_reason else None
    revoked_at = utc(response.revocation_time_utc) if response.revocation_time_utc else None
    return Answer(
        source="ocsp",
        url=url,
        status=status,
        problem=_freshness(this_update, next_update, at),
        reason=reason,
        revoked_at=revoked_at,
        this_update=this_update,
        next_update=next_update,
        signer=signer.subject.rfc4514_string(),
    )


def _ocsp_signer(response: ocsp.OCSPResponse, issuer: x509.Certificate) -> x509.Certificate | None:
    """The issuer, or a responder certificate it delegated OCSP signing to (RFC 6960 4.2.2.2)."""
    if _is_responder(response, issuer):
        return issuer
    for cert in response.certificates:
        if not _is_responder(response, cert) or cert.issuer != issuer.subject:
            continue
        try:
            cert.verify_directly_issued_by(issuer)
            eku = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
        except Exception:
            continue
        if ExtendedKeyUsageOID.OCSP_SIGNING in eku:
            return cert
    return None


def _is_responder(response: ocsp.OCSPResponse, cert: x509.Certificate) -> bool:
    if response.responder_name is not None:
        return response.responder_name == cert.subject
    key_hash = x509.SubjectKeyIdentifier.from_public_key(cert.public_key()).digest
    return response.responder_key_hash == key_hash


def _signature_ok(key: object, signature: bytes, data: bytes, algorithm: hashes.HashAlgorithm | None) -> bool:
    try:
        if isinstance(key, rsa.RSAPublicKey) and algorithm is not None:
            key.verify(signature, data, padding.PKCS1v15(), algorithm)
        elif isinstance(key, ec.EllipticCurvePublicKey) and algorithm is not None:
            key.verify(signature, data, ec.ECDSA(algorithm))
        elif isinstance(key, (ed25519.Ed25519PublicKey, ed448.Ed448PublicKey)):
            key.verify(signature, data)
        else:
            return False
    except Exception:
        return False
    return True


def _freshness(this_update: datetime, next_update: datetime | None, at: datetime) -> str:
    if this_update > at + CLOCK_LEEWAY:
        return "future"
    if next_update is not None and next_update < at - CLOCK_LEEWAY:
        return "stale"
    if next_update is None and at - this_update > MAX_AGE_WITHOUT_NEXT_UPDATE:
        return "stale"
    return ""


def judge_crl(fetch: Fetch, leaf: x509.Certificate, issuer: x509.Certificate | None, at: datetime) -> Answer:
    """A CRL checked: issued by the leaf's issuer and signed by it, fresh, and whether it lists the serial."""
    failed = _failed("crl", fetch)
    if failed is not None:
        return failed
    url = fetch.url
    try:
        crl = (
            x509.load_pem_x509_crl(fetch.body)
            if fetch.body.lstrip().startswith(b"-----")
            else x509.load_der_x509_crl(fetch.body)
        )
    except ValueError as exc:
        return Answer(source="crl", url=url, status="none", problem="malformed", detail=str(exc)[:200])
    if crl.issuer != leaf.issuer:
        return Answer(source="crl", url=url, status="none", problem="wrong_certificate")
    if issuer is None:
        return Answer(source="crl", url=url, status="none", problem="no_issuer")
    try:
        signed = crl.is_signature_valid(issuer.public_key())  # type: ignore[arg-type]
    except Exception:
        signed = False
    if not signed:
        return Answer(source="crl", url=url, status="none", problem="bad_signature")
    this_update = utc(crl.last_update_utc)
    next_update = utc(crl.next_update_utc) if crl.next_update_utc else None
    entry = crl.get_revoked_certificate_by_serial_number(leaf.serial_number)
    reason = None
    if entry is not None:
        try:
            reason = entry.extensions.get_extension_for_class(x509.CRLReason).value.reason.value
        except x509.ExtensionNotFound:
            reason = None
    return Answer(
        source="crl",
        url=url,
        status="revoked" if entry is not None else "good",
        problem=_freshness(this_update, next_update, at),
        reason=reason,
        revoked_at=utc(entry.revocation_date_utc) if entry is not None else None,
        this_update=this_update,
        next_update=next_update,
        signer=issuer.subject.rfc4514_string(),
    )
