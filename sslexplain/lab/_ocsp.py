"""I/O: an OCSP responder and a CRL server for one lab CA, on loopback.

They answer as real ones do (signed by the CA or by a delegated responder) and
misbehave on request: stale answers, bad signatures, an "unknown" status, a
responder that hangs, a CRL too large to download, an HTTP error.
"""

from __future__ import annotations

import datetime as _dt
import threading
from collections.abc import Iterable, Mapping
from typing import Literal

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.x509 import ocsp
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from ._certs import Issued, make_key
from ._servers import HTTPServer

Behaviour = Literal["normal", "stale", "bad_signature", "hang", "error", "delegated", "future"]


def _now() -> _dt.datetime:
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0)


class RevocationServer:
    """OCSP at :attr:`ocsp_url` and a DER CRL at :attr:`crl_url`, both for certificates ``issuer`` signed.

    Args:
        issuer: the CA whose certificates this server speaks for.
        revoked: serial numbers that are revoked, optionally with a reason flag name
            (``"key_compromise"``, ``"superseded"``...), e.g. ``{leaf.cert.serial_number: "key_compromise"}``.
        known: if given, the only serials the OCSP responder knows (others answer "unknown").
        ocsp: how the OCSP responder behaves ("normal", "stale", "bad_signature", "hang",
            "error" (HTTP 500), "delegated" (signed by a responder certificate), "future").
        crl: how the CRL server behaves (same names; "delegated" is treated as "normal").
        crl_padding: add this many extra (random) revoked serials, to make a large CRL.
    """

    def __init__(
        self,
        issuer: Issued,
        *,
        revoked: Mapping[int, str] | Iterable[int] = (),
        known: Iterable[int] | None = None,
        ocsp: Behaviour = "normal",
        crl: Behaviour = "normal",
        crl_padding: int = 0,
        host: str = "127.0.0.1",
    ) -> None:
        self.issuer = issuer
        self.revoked: dict[int, str] = (
            dict(revoked) if isinstance(revoked, Mapping) else dict.fromkeys(revoked, "unspecified")
        )
        self.known = set(known) if known is not None else None
        self.ocsp_behaviour = ocsp
        self.crl_behaviour = crl
        self.crl_padding = crl_padding
        self.revoked_at = _now() - _dt.timedelta(days=1)
        self.http = HTTPServer(handler=self._answer, host=host)
        self._stop = threading.Event()
        self._crl: bytes | None = None
        self._responder: Issued | None = None

    # --- life cycle ---

    def start(self) -> RevocationServer:
        self.http.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self.http.stop()

    def __enter__(self) -> RevocationServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def ocsp_url(self) -> str:
        return self.http.url("/ocsp")

    @property
    def crl_url(self) -> str:
        return self.http.url("/crl.der")

    @property
    def requests(self) -> list[tuple[str, str]]:
        return self.http.requests

    # --- answers ---

    def _answer(self, method: str, path: str, body: bytes) -> tuple[int, str, bytes]:
        behaviour = self.ocsp_behaviour if path.startswith("/ocsp") else self.crl_behaviour
        if behaviour == "hang":
            self._stop.wait(15)
            return 503, "text/plain", b"too late\n"
        if behaviour == "error":
            return 500, "text/plain", b"responder error\n"
        if path.startswith("/ocsp") and method == "POST":
            return 200, "application/ocsp-response", self._ocsp_response(body)
        if path == "/crl.der":
            return 200, "application/pkix-crl", self._crl_bytes()
        return 404, "text/plain", b"not found\n"

    def _times(self, behaviour: str) -> tuple[_dt.datetime, _dt.datetime]:
        now = _now()
        if behaviour == "stale":
            return now - _dt.timedelta(days=10), now - _dt.timedelta(days=3)
        if behaviour == "future":
            return now + _dt.timedelta(days=2), now + _dt.timedelta(days=9)
        return now - _dt.timedelta(minutes=5), now + _dt.timedelta(days=7)

    def _ocsp_response(self, body: bytes) -> bytes:
        try:
            request = ocsp.load_der_ocsp_request(body)
        except ValueError:
            return ocsp.OCSPResponseBuilder.build_unsuccessful(
                ocsp.OCSPResponseStatus.MALFORMED_REQUEST
            ).public_bytes(serialization.Encoding.DER)
        serial = request.serial_number
        behaviour = self.ocsp_behaviour
        this_update, next_update = self._times(behaviour)
        if self.known is not None and serial not in self.known:
            status, when, reason = ocsp.OCSPCertStatus.UNKNOWN, None, None
        elif serial in self.revoked:
            status, when = ocsp.OCSPCertStatus.REVOKED, self.revoked_at
            reason = x509.ReasonFlags[self.revoked[serial]]
        else:
            status, when, reason = ocsp.OCSPCertStatus.GOOD, None, None
        builder = ocsp.OCSPResponseBuilder().add_response_by_hash(
            issuer_name_hash=request.issuer_name_hash,
            issuer_key_hash=request.issuer_key_hash,
            serial_number=serial,
            algorithm=request.hash_algorithm,
            cert_status=status,
            this_update=this_update,
            next_update=next_update,
            revocation_time=when,
            revocation_reason=reason,
        )
        signer, key = self.issuer, self.issuer.key
        if behaviour == "delegated":
            signer = self._delegated()
            key = signer.key
            builder = builder.certificates([signer.cert])
        builder = builder.responder_id(ocsp.OCSPResponderEncoding.HASH, signer.cert)
        response = builder.sign(key, _hash_for(key))
        return _spoil(response.public_bytes(serialization.Encoding.DER), behaviour)

    def _delegated(self) -> Issued:
        """A responder certificate with the id-kp-OCSPSigning EKU, issued by the CA (RFC 6960 4.2.2.2)."""
        if self._responder is None:
            key = make_key()
            name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "sslexplain lab OCSP Responder")])
            cert = (
                x509.CertificateBuilder()
                .subject_name(name)
                .issuer_name(self.issuer.cert.subject)
                .public_key(key.public_key())
                .serial_number(x509.random_serial_number())
                .not_valid_before(_now() - _dt.timedelta(hours=1))
                .not_valid_after(_now() + _dt.timedelta(days=30))
                .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.OCSP_SIGNING]), critical=False)
                .sign(self.issuer.key, _hash_for(self.issuer.key))  # type: ignore[arg-type]
            )
            self._responder = Issued(cert=cert, key=key)
        return self._responder

    def _crl_bytes(self) -> bytes:
        if self._crl is not None:
            return self._crl
        behaviour = self.crl_behaviour
        last_update, next_update = self._times(behaviour)
        builder = (
            x509.CertificateRevocationListBuilder()
            .issuer_name(self.issuer.cert.subject)
            .last_update(last_update)
            .next_update(next_update)
        )
        entries = [(serial, reason) for serial, reason in self.revoked.items()]
        entries += [(x509.random_serial_number(), "superseded") for _ in range(self.crl_padding)]
        for serial, reason in entries:
            entry = x509.RevokedCertificateBuilder().serial_number(serial).revocation_date(self.revoked_at)
            if reason != "unspecified":
                entry = entry.add_extension(x509.CRLReason(x509.ReasonFlags[reason]), critical=False)
            builder = builder.add_revoked_certificate(entry.build())
        crl = builder.sign(self.issuer.key, _hash_for(self.issuer.key))  # type: ignore[arg-type]
        self._crl = _spoil(crl.public_bytes(serialization.Encoding.DER), behaviour)
        return self._crl

    def crl_pem(self) -> bytes:
        """The CRL as PEM, for ``SSLContext.load_verify_locations`` with ``VERIFY_CRL_CHECK_LEAF``."""
        crl = x509.load_der_x509_crl(self._crl_bytes())
        return crl.public_bytes(serialization.Encoding.PEM)


def _spoil(der: bytes, behaviour: str) -> bytes:
    """For "bad_signature": flip a bit of the signature, the last bytes of both DER structures."""
    return der[:-1] + bytes([der[-1] ^ 1]) if behaviour == "bad_signature" else der


def _hash_for(key: object) -> hashes.HashAlgorithm | None:
    from cryptography.hazmat.primitives.asymmetric import ed448, ed25519

    return None if isinstance(key, (ed25519.Ed25519PrivateKey, ed448.Ed448PrivateKey)) else hashes.SHA256()
