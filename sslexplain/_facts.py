"""Pure: the facts the rules look at, derived once from an Observation.

``Facts`` picks the address to analyse, parses the served chain, builds the
verifier's path with and without AIA-fetched certificates, and renders message
ids in the diagnosis' language. Rules (``_analyze*.py``) only read it.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from . import _x509
from ._messages import text
from ._model import Audience, Cause, CauseKind, Fix, Handshake, Observation, Severity

K = CauseKind

# OpenSSL X509_V_ERR codes and the kinds they point to.
CODE_KINDS: dict[int, tuple[CauseKind, ...]] = {
    2: (K.INCOMPLETE_CHAIN, K.UNTRUSTED_ROOT),
    9: (K.NOT_YET_VALID, K.CLOCK_SKEW),
    10: (K.EXPIRED, K.CLOCK_SKEW),
    18: (K.SELF_SIGNED,),
    19: (K.UNTRUSTED_ROOT, K.INTERCEPTION),
    20: (K.INCOMPLETE_CHAIN, K.MISSING_ROOT, K.UNTRUSTED_ROOT, K.INTERCEPTION, K.PYTHON_ENVIRONMENT),
    21: (K.INCOMPLETE_CHAIN, K.UNTRUSTED_ROOT),
    23: (K.REVOKED,),
    24: (K.INVALID_CHAIN,),
    25: (K.INVALID_CHAIN,),
    26: (K.INVALID_CHAIN,),
    47: (K.INVALID_CHAIN,),
    62: (K.HOSTNAME_MISMATCH,),
    64: (K.HOSTNAME_MISMATCH,),
    66: (K.WEAK_CRYPTO,),
    67: (K.WEAK_CRYPTO,),
    68: (K.WEAK_CRYPTO,),
    79: (K.INVALID_CHAIN,),
}
# A certificate that may not play its role, or is malformed (x509_vfy.h): signature and format
# errors, extensions, policies, name constraints, strict checks (78-94).
for _code in (
    4,
    6,
    7,
    13,
    14,
    22,
    29,
    30,
    31,
    32,
    34,
    37,
    38,
    39,
    40,
    41,
    42,
    43,
    44,
    45,
    46,
    48,
    49,
    50,
    51,
    52,
    53,
    76,
    77,
    *range(78, 95),
):
    CODE_KINDS.setdefault(_code, (K.INVALID_CHAIN,))
# Revocation data that could not be had or trusted (CRL missing, expired, badly signed; OCSP).
for _code in (3, 5, 8, 11, 12, 15, 16, 33, 35, 36, 54, 69, 70, 71):
    CODE_KINDS.setdefault(_code, (K.REVOKED,))
CODE_KINDS.setdefault(27, (K.UNTRUSTED_ROOT, K.INTERCEPTION))  # certificate not trusted
CODE_KINDS.setdefault(28, (K.UNTRUSTED_ROOT, K.INTERCEPTION))  # certificate rejected
CODE_KINDS.setdefault(63, (K.HOSTNAME_MISMATCH,))  # email address mismatch


@dataclass(frozen=True)
class Facts:
    """What the rules look at, derived once from an Observation."""

    obs: Observation
    lang: str
    capture: Handshake | None
    verify: Handshake | None

    @property
    def host(self) -> str:
        return self.obs.target.host

    @property
    def at(self) -> datetime:
        return self.obs.observed_at

    @functools.cached_property
    def served(self) -> list[_x509.Certificate | None]:
        return [_x509.load(der) for der in (self.capture.chain if self.capture else ())]

    @functools.cached_property
    def leaf(self) -> _x509.Certificate | None:
        return self.served[0] if self.served else None

    @functools.cached_property
    def anchors(self) -> list[_x509.Certificate]:
        store = self.obs.stores[0] if self.obs.stores else None
        return [c for c in (_x509.load(d) for d in (store.anchors if store else ())) if c is not None]

    @functools.cached_property
    def fetched(self) -> list[_x509.Certificate]:
        return [c for f in self.obs.fetches if f.purpose == "aia" and f.ok for c in _x509.load_bundle(f.body)]

    @functools.cached_property
    def path(self) -> _x509.Path:
        return _x509.build_path(self.served, self.anchors)

    @functools.cached_property
    def completed(self) -> _x509.Path:
        return _x509.build_path(self.served, self.anchors, self.fetched)

    @property
    def verify_failed(self) -> bool:
        return self.verify is not None and self.verify.error_kind == "verify"

    @property
    def verified(self) -> bool:
        return self.verify is not None and self.verify.ok

    @property
    def code(self) -> int | None:
        if self.verify is not None and self.verify.verify_code is not None:
            return self.verify.verify_code
        reported = self.obs.reported
        return reported.verify_code if reported is not None else None

    @property
    def store_name(self) -> str:
        store = self.obs.stores[0] if self.obs.stores else None
        return store.source if store else "?"

    def t(self, message_id: str, /, **params: object) -> str:
        return text(self.lang, message_id, **params)

    def cert_label(self, cert: _x509.Certificate) -> str:
        index = next((i for i, c in enumerate(self.served) if c is not None and c == cert), None)
        role = self.t("role.leaf") if index == 0 else self.t("role.ca")
        where = self.t("where.served", index=index) if index is not None else self.t("where.elsewhere")
        return self.t("label.cert", role=role, name=_x509.name_text(cert.subject), where=where)

    def cause(
        self,
        kind: CauseKind,
        evidence: Sequence[str],
        fixes: Sequence[Fix],
        severity: Severity | None = None,
        *,
        variant: str = "",
        certificate: int | None = None,
        **params: object,
    ) -> Cause:
        key = f"{kind.value}{'.' + variant if variant else ''}"
        values = {"host": self.host, "port": self.obs.target.port, **params}
        if severity is None:
            severity = Severity.ERROR if self.verify_failed or not self.verified else Severity.WARNING
        return Cause(
            kind=kind,
            severity=severity,
            root_cause=kind.root_cause,
            summary=self.t(f"{key}.summary", **values),
            explanation=self.t(f"{key}.explanation", **values),
            evidence=tuple(e for e in evidence if e),
            fixes=tuple(fixes),
            certificate=certificate,
        )

    def fix(
        self, audience: Audience, message_id: str, /, command: str | None = None, **params: object
    ) -> Fix:
        return Fix(audience=audience, text=self.t(message_id, host=self.host, **params), command=command)

    def verify_evidence(self) -> str:
        if self.verify is None:
            return ""
        if self.verify.ok:
            return self.t("ev.verify_ok", store=self.store_name)
        if self.verify.verify_code is not None:
            return self.t(
                "ev.verify_code",
                code=self.verify.verify_code,
                message=self.verify.verify_message or "",
                store=self.store_name,
            )
        return ""

    def cli_target(self) -> str:
        """The sslexplain arguments that reach this target again (host, port, addresses, CA file)."""
        target = self.obs.target
        host = f"[{self.host}]" if ":" in self.host else self.host
        parts = [f"{host}:{target.port}"]
        if target.connect_to:
            parts.append("--connect-to " + " ".join(target.connect_to))
        if target.ca_file:
            parts.append(f"--ca-file {target.ca_file}")
        return " ".join(parts)

    def s_client(self) -> str:
        """The OpenSSL command that shows the same chain (to the address probed when it was given)."""
        port = self.obs.target.port
        where = self.capture.address if self.obs.target.connect_to and self.capture else self.host
        where = f"[{where}]" if ":" in where else where
        return f"openssl s_client -connect {where}:{port} -servername {self.host} -showcerts </dev/null"


def facts(obs: Observation, lang: str) -> Facts:
    """Pick the address to analyse: the first whose capture saw a chain."""
    captures = [h for h in obs.handshakes if h.purpose == "capture"]
    capture = next((h for h in captures if h.chain), captures[0] if captures else None)
    verify = None
    if capture is not None:
        verify = next(
            (h for h in obs.handshakes if h.purpose == "verify" and h.address == capture.address), None
        )
    return Facts(obs=obs, lang=lang, capture=capture, verify=verify)
