"""Pure: Observation -> causes.

One small function per cause kind; each returns nothing when the evidence is
not there. ``RULES`` at the bottom is the precedence; rules of the trust-store
and network families live in ``_analyze_trust.py`` and ``_analyze_network.py``.
Validity is judged "as of" ``Observation.observed_at``, never the clock of the
machine re-analysing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from . import _x509
from ._analyze_network import NETWORK_RULES
from ._analyze_offline import offline_kinds, reported_only
from ._analyze_trust import TRUST_RULES, trusted_elsewhere, untrusted_evidence, untrusted_fixes
from ._analyze_versions import installed, version_tuple
from ._facts import CODE_KINDS, Facts, K, facts
from ._model import Audience, Cause, CauseKind, Severity

__all__ = ["CODE_KINDS", "RULES", "Facts", "facts", "run_rules"]


# --- no TLS at all ------------------------------------------------------------

_UNREACHABLE = {"dns", "refused", "connect", "timeout", "handshake_timeout"}


def unreachable(f: Facts) -> list[Cause]:
    if not f.obs.probed:
        return []
    captures = [h for h in f.obs.handshakes if h.purpose == "capture"]
    if captures and not all(h.error_kind in _UNREACHABLE for h in captures):
        return []
    evidence = []
    if f.obs.resolve_error:
        evidence.append(f.t("ev.dns_failed", error=f.obs.resolve_error))
    for h in captures:
        evidence.append(
            f.t(
                f"ev.unreachable.{h.error_kind}",
                address=h.address,
                port=f.obs.target.port,
                seconds=f"{h.elapsed_ms / 1000:.1f}",
                error=h.error_message or "",
            )
        )
    variant = (
        "dns"
        if not captures
        else ("silent" if any(h.error_kind == "handshake_timeout" for h in captures) else "")
    )
    fixes = [
        f.fix(Audience.CLIENT, "fix.unreachable.check"),
        f.fix(Audience.NETWORK, "fix.unreachable.network"),
    ]
    return [f.cause(K.UNREACHABLE, evidence, fixes, Severity.ERROR, variant=variant, port=f.obs.target.port)]


_NOT_TLS = (
    "WRONG_VERSION_NUMBER",
    "wrong version number",
    "record layer failure",
    "packet length too long",
    "HTTP_REQUEST",
    "http request",
    "UNKNOWN_PROTOCOL",
    "unexpected eof",
)
_PROTOCOL = (
    "UNSUPPORTED_PROTOCOL",
    "unsupported protocol",
    "PROTOCOL_VERSION",
    "protocol version",
    "no protocols available",
    "NO_PROTOCOLS_AVAILABLE",
)
_CIPHER = (
    "NO_SHARED_CIPHER",
    "no shared cipher",
    "NO_CIPHERS_AVAILABLE",
    "no ciphers available",
    "insufficient security",
    "INSUFFICIENT_SECURITY",
)
_CLIENT_CERT = (
    "CERTIFICATE_REQUIRED",
    "certificate required",
    "PEER_DID_NOT_RETURN_A_CERTIFICATE",
    "bad certificate",
    "BAD_CERTIFICATE",
)


def _tls_failure_variant(message: str) -> str:
    for words, variant in (
        (_CLIENT_CERT, "client_cert"),
        (_PROTOCOL, "protocol"),
        (_CIPHER, "cipher"),
        (_NOT_TLS, "not_tls"),
    ):
        if any(w in message for w in words):
            return variant
    return "other"


def handshake_failure(f: Facts) -> list[Cause]:
    capture, verify = f.capture, f.verify
    failed = None
    if (capture is not None and not capture.chain and capture.error_kind in ("tls", "closed", "other")) or (
        capture is not None
        and capture.alert_after_handshake
        and (capture.certificate_requested or "alert" in capture.alert_after_handshake.lower())
    ):
        failed = capture
    elif (
        capture is not None
        and capture.chain
        and capture.certificate_requested
        and not capture.http_status_line
    ):
        # TLS 1.3: the server asked for a certificate, then hung up instead of answering; the
        # alert saying why is often lost in the reset (seen on Python 3.13).
        failed = dataclasses.replace(capture, alert_after_handshake=capture.alert_after_handshake or "")
    elif verify is not None and verify.error_kind in (
        "tls",
        "closed",
        "other",
        "timeout",
        "handshake_timeout",
    ):
        failed = verify
    if failed is None:
        return []
    message = failed.alert_after_handshake or failed.error_message or f.t("ev.closed_without_answer")
    variant = _tls_failure_variant(message)
    if variant in ("other", "closed") and any(h.certificate_requested for h in f.obs.handshakes):
        variant = "client_cert"
    if failed.error_kind == "closed" and variant == "other":
        variant = "closed"
    evidence = [
        f.t("ev.tls_error", purpose=f.t(f"purpose.{failed.purpose}"), address=failed.address, message=message)
    ]
    if variant == "client_cert" and any(h.certificate_requested for h in f.obs.handshakes):
        evidence.append(f.t("ev.certificate_requested"))
    if capture is not None and capture.chain and failed is verify:
        evidence.append(
            f.t("ev.capture_ok", version=capture.tls_version or "?", cipher=capture.cipher or "?")
        )
    fixes = [
        f.fix(Audience.CLIENT, f"fix.handshake.{variant}.client"),
        f.fix(Audience.SERVER, f"fix.handshake.{variant}.server"),
    ]
    return [f.cause(K.HANDSHAKE_FAILURE, evidence, fixes, Severity.ERROR, variant=variant)]


# --- who signed it --------------------------------------------------------------


def self_signed(f: Facts) -> list[Cause]:
    leaf = f.leaf
    if leaf is None or f.path.anchored or not _x509.is_self_signed(leaf):
        return []
    evidence = [
        f.t("ev.self_signed", subject=_x509.name_text(leaf.subject), count=len(f.served)),
        f.t("ev.not_in_store", store=f.store_name),
        f.verify_evidence(),
    ]
    fixes = [
        f.fix(Audience.SERVER, "fix.self_signed.server"),
        f.fix(
            Audience.CLIENT, "fix.self_signed.client", command=f"{f.s_client()} | openssl x509 > server.pem"
        ),
        f.fix(Audience.CLIENT, "fix.never_disable"),
    ]
    return [f.cause(K.SELF_SIGNED, evidence, fixes, certificate=0, subject=_x509.name_text(leaf.subject))]


def _looks_like_root(name: str) -> bool:
    return "root" in name.lower()


def untrusted_root(f: Facts) -> list[Cause]:
    path = f.completed
    if not path.links or path.anchored or (path.end == "self_signed" and len(path.links) == 1):
        return []
    if trusted_elsewhere(f):
        return []  # another store here has the root: missing_root / python_environment say so
    top = path.top
    if path.end == "self_signed":
        root_name = _x509.name_text(top.subject)
        ev = f.t("ev.chain_ends_at_root", root=root_name, source=f.t(f"source.{path.links[-1].source}"))
    elif _x509.is_ca(top) or _looks_like_root(_x509.name_text(top.issuer)):
        root_name = _x509.name_text(top.issuer)
        ev = f.t("ev.issuer_unknown", subject=_x509.name_text(top.subject), issuer=root_name)
    else:
        return []  # a leaf whose issuer is unknown: incomplete_chain says so
    evidence = [ev, f.t("ev.root_not_in_store", root=root_name, store=f.store_name), f.verify_evidence()]
    evidence[2:2] = untrusted_evidence(f)  # removed from Mozilla's store, or private-looking
    fixes = [
        *untrusted_fixes(f),
        f.fix(Audience.CLIENT, "fix.untrusted_root.client", root=root_name),
        f.fix(Audience.CLIENT, "fix.untrusted_root.truststore", command="pip install truststore"),
        f.fix(Audience.SERVER, "fix.untrusted_root.server"),
        f.fix(Audience.CLIENT, "fix.never_disable"),
    ]
    return [f.cause(K.UNTRUSTED_ROOT, evidence, fixes, root=root_name)]


def incomplete_chain(f: Facts) -> list[Cause]:
    path, completed = f.path, f.completed
    if not path.links or path.anchored or path.end != "issuer_missing":
        return []
    top = path.top
    missing = _x509.name_text(top.issuer)
    served_names = ", ".join(_x509.name_text(c.subject) for c in f.served if c is not None)
    evidence = [
        f.t("ev.served_chain", count=len(f.served), names=served_names),
        f.t("ev.issuer_not_sent", subject=_x509.name_text(top.subject), issuer=missing),
    ]
    aia_fetches = [x for x in f.obs.fetches if x.purpose == "aia"]
    for fetch in aia_fetches:
        evidence.append(
            f.t("ev.aia_ok", url=fetch.url)
            if fetch.ok
            else f.t("ev.aia_failed", url=fetch.url, error=fetch.error or fetch.status)
        )
    if not _x509.ca_issuer_urls(top):
        evidence.append(f.t("ev.no_aia"))
    if completed.anchored:
        evidence.append(f.t("ev.aia_completes", store=f.store_name))
        variant = "aia"
    elif completed.end == "self_signed" and "aia" in completed.sources():
        variant = "aia_untrusted"  # the root at the end is untrusted too: untrusted_root says so
    elif _x509.is_ca(top) or _looks_like_root(missing):
        return []  # untrusted_root covers an unknown root above a served CA
    else:
        variant = ""
    evidence.append(f.verify_evidence())
    fixes = [
        f.fix(Audience.SERVER, "fix.incomplete.server"),
        f.fix(
            Audience.SERVER,
            "fix.incomplete.write_chain",
            command=f"sslexplain {f.cli_target()} --write-chain fullchain.pem"
            if completed.anchored
            else None,
        ),
        f.fix(Audience.CLIENT, "fix.incomplete.client"),
        f.fix(Audience.CLIENT, "fix.never_disable"),
    ]
    severity = Severity.WARNING if variant == "aia_untrusted" else None
    return [f.cause(K.INCOMPLETE_CHAIN, evidence, fixes, severity, variant=variant, missing=missing)]


def chain_order(f: Facts) -> list[Cause]:
    served = [c for c in f.served if c is not None]
    if len(served) < 2:
        return []
    evidence = []
    seen: list[_x509.Certificate] = []
    for i, cert in enumerate(served):
        if any(cert == s for s in seen):
            evidence.append(f.t("ev.duplicate", index=i, subject=_x509.name_text(cert.subject)))
        seen.append(cert)
    for i, cert in enumerate(served[1:], start=1):
        if not any(other.issuer == cert.subject for j, other in enumerate(served) if j != i):
            evidence.append(f.t("ev.unrelated", index=i, subject=_x509.name_text(cert.subject)))
    served_links = [
        link.index for link in f.completed.links if link.source == "served" and link.index is not None
    ]
    if served_links != sorted(served_links) or served_links != list(range(len(served_links))):
        order = " → ".join(str(i) for i in served_links)
        evidence.append(f.t("ev.out_of_order", order=order))
    if not evidence:
        return []
    fixes = [f.fix(Audience.SERVER, "fix.chain_order.server")]
    return [f.cause(K.CHAIN_ORDER, evidence, fixes, Severity.WARNING)]


# --- what the certificates say ----------------------------------------------------


def invalid_chain(f: Facts) -> list[Cause]:
    path = f.completed
    evidence = []
    certificate = None
    for position, link in enumerate(path.links):
        cert = link.cert
        for oid in _x509.unknown_critical_extensions(cert):
            evidence.append(f.t("ev.critical_extension", cert=f.cert_label(cert), oid=oid))
            certificate = link.index if certificate is None else certificate
        if position > 0 and f.leaf is not None:
            outside = _x509.name_constraint_violation(cert, f.leaf)
            if outside is not None:
                evidence.append(f.t("ev.name_constraints", cert=f.cert_label(cert), name=outside))
                certificate = 0 if certificate is None else certificate
        if position == 0:
            ekus = _x509.extended_key_usage(cert)
            if ekus is not None and not {"serverAuth", "anyExtendedKeyUsage"} & set(ekus):
                evidence.append(f.t("ev.eku", subject=_x509.name_text(cert.subject), ekus=", ".join(ekus)))
                certificate = 0
            continue
        problems = _ca_problems(cert, position, path)
        for key in problems:
            evidence.append(f.t(key, cert=f.cert_label(cert)))
            certificate = link.index if certificate is None else certificate
    code = f.code
    if not evidence and not (f.verify_failed and code in CODE_KINDS and K.INVALID_CHAIN in CODE_KINDS[code]):
        return []
    evidence.append(f.verify_evidence())
    fixes = [f.fix(Audience.SERVER, "fix.invalid_chain.server"), f.fix(Audience.CLIENT, "fix.never_disable")]
    return [f.cause(K.INVALID_CHAIN, evidence, fixes, certificate=certificate)]


def _ca_problems(cert: _x509.Certificate, position: int, path: _x509.Path) -> list[str]:
    problems = []
    constraints = _x509.basic_constraints(cert)
    if constraints is None:
        problems.append("ev.ca.no_basic_constraints")
    elif not constraints.ca:
        problems.append("ev.ca.not_ca")
    elif constraints.path_length is not None and position - 1 > constraints.path_length:
        problems.append("ev.ca.path_length")
    usage = _x509.key_usage(cert)
    if usage is not None and not usage.key_cert_sign:
        problems.append("ev.ca.key_usage")
    ekus = _x509.extended_key_usage(cert)
    if ekus is not None and not {"serverAuth", "anyExtendedKeyUsage"} & set(ekus):
        problems.append("ev.ca.eku")
    return problems


def hostname_mismatch(f: Facts) -> list[Cause]:
    leaf = f.leaf
    if leaf is None:
        return []
    check = _x509.check_name(leaf, f.host)
    if check.matches:
        return []
    names = ", ".join(check.names[:12]) + (" …" if len(check.names) > 12 else "")
    evidence = [f.t(f"ev.name.{check.reason}", host=f.host, names=names or "-", closest=check.closest or "")]
    urllib3 = installed(f, "urllib3") if check.reason == "cn_only" else None
    if urllib3 is not None and version_tuple(urllib3) >= (2,):
        evidence.append(f.t("ev.version.urllib3_cn", version=urllib3))
    evidence.append(f.verify_evidence())
    fixes = [
        f.fix(
            Audience.SERVER, f"fix.hostname.{'cn_only' if check.reason.startswith('cn_only') else 'server'}"
        ),
        f.fix(Audience.CLIENT, "fix.hostname.client", names=names or "-"),
        f.fix(Audience.CLIENT, "fix.never_disable"),
    ]
    return [f.cause(K.HOSTNAME_MISMATCH, evidence, fixes, variant=check.reason, certificate=0, names=names)]


def _validity(f: Facts, kind: CauseKind) -> list[Cause]:
    causes = []
    for link in f.completed.links or [_x509.PathLink(c, "served", i) for i, c in enumerate(f.served) if c]:
        cert = link.cert
        start, end = _x509.not_before(cert), _x509.not_after(cert)
        if kind is K.EXPIRED and f.at > end:
            days = (f.at - end).days
            ev = f.t("ev.expired", cert=f.cert_label(cert), when=end.isoformat(), days=days)
        elif kind is K.NOT_YET_VALID and f.at < start:
            days = (start - f.at).days
            ev = f.t("ev.not_yet_valid", cert=f.cert_label(cert), when=start.isoformat(), days=days)
        else:
            continue
        evidence = [ev, f.t("ev.observed_at", now=f.at.isoformat()), f.verify_evidence()]
        variant = "leaf" if link.index == 0 else "ca"
        fixes = [
            f.fix(Audience.SERVER, f"fix.{kind.value}.{variant}"),
            f.fix(Audience.CLIENT, "fix.check_clock"),
        ]
        causes.append(
            f.cause(
                kind,
                evidence,
                fixes,
                variant=variant,
                certificate=link.index,
                subject=_x509.name_text(cert.subject),
                when=(end if kind is K.EXPIRED else start).date().isoformat(),
            )
        )
    return causes[:1] if kind is K.NOT_YET_VALID else causes


def expired(f: Facts) -> list[Cause]:
    return _validity(f, K.EXPIRED)


def not_yet_valid(f: Facts) -> list[Cause]:
    return _validity(f, K.NOT_YET_VALID)


_WEAK_HASHES = {"sha1", "md5", "md2", "md4"}


def weak_crypto(f: Facts) -> list[Cause]:
    evidence = []
    for _position, link in enumerate(f.completed.links):
        cert = link.cert
        name, bits = _x509.key_description(cert)
        if (name in ("RSA", "DSA") and bits < 2048) or (name.startswith("EC") and bits < 224):
            evidence.append(f.t("ev.weak_key", cert=f.cert_label(cert), key=f"{name} {bits}"))
        if link.source != "store" and not _x509.is_self_signed(cert):
            algorithm = _x509.signature_hash(cert)
            if algorithm in _WEAK_HASHES:
                evidence.append(f.t("ev.weak_hash", cert=f.cert_label(cert), hash=algorithm.upper()))
    code = f.code
    if not evidence and code not in (66, 67, 68):
        return []
    severity = Severity.ERROR if f.verify_failed and code in (66, 67, 68) else Severity.WARNING
    evidence.append(f.verify_evidence())
    fixes = [
        f.fix(Audience.SERVER, "fix.weak_crypto.server"),
        f.fix(Audience.CLIENT, "fix.weak_crypto.client"),
    ]
    return [f.cause(K.WEAK_CRYPTO, evidence, fixes, severity)]


def unexplained(f: Facts) -> list[Cause]:
    """The verifying handshake failed and no rule above found why: say what was measured.

    The texts are the generic ones of the verify code (those of the offline explanation),
    since no certificate-specific fact is known.
    """
    if not f.verify_failed:
        return []
    code = f.code
    evidence = [f.verify_evidence()]
    top = f.completed.links[-1] if f.completed.links else None
    if top is not None and top.source == "store" and not _x509.is_self_signed(top.cert):
        # The store holds an intermediate, not its root: OpenSSL (before Python 3.13's
        # VERIFY_X509_PARTIAL_CHAIN default) wants a self-signed root at the end.
        evidence.append(f.t("ev.partial_chain", name=_x509.name_text(top.cert.subject), store=f.store_name))
        kind = K.UNTRUSTED_ROOT
    else:
        evidence.append(f.t("ev.unexplained"))
        kind = CODE_KINDS.get(code or -1, (K.UNTRUSTED_ROOT,))[0]
    key = "revoked_unavailable" if kind is K.REVOKED and code != 23 else kind.value
    fixes = [
        f.fix(Audience.CLIENT, f"offline.{key}.fix"),
        f.fix(Audience.CLIENT, "fix.unexplained", command=f.s_client()),
    ]
    return [
        Cause(
            kind=kind,
            severity=Severity.ERROR,
            root_cause=kind.root_cause,
            summary=f.t(f"offline.{key}.summary", code=code),
            explanation=f.t(f"offline.{key}.explanation", code=code),
            evidence=tuple(e for e in evidence if e),
            fixes=tuple(fixes),
        )
    ]


Rule = Callable[[Facts], list[Cause]]

RULES: tuple[Rule, ...] = (
    reported_only,
    unreachable,
    handshake_failure,
    *NETWORK_RULES,
    *TRUST_RULES,
    self_signed,
    incomplete_chain,
    untrusted_root,
    invalid_chain,
    weak_crypto,
    expired,
    not_yet_valid,
    hostname_mismatch,
    chain_order,
)


# Kinds that a successful verifying handshake disproves for the client under diagnosis.
_CONTRADICTED_BY_VERIFICATION = frozenset(
    {
        K.SELF_SIGNED,
        K.UNTRUSTED_ROOT,
        K.INCOMPLETE_CHAIN,
        K.INVALID_CHAIN,
        K.HOSTNAME_MISMATCH,
        K.EXPIRED,
        K.NOT_YET_VALID,
        K.MISSING_ROOT,
    }
)
# Kinds that remain worth knowing, as warnings, when the client verifies (other clients, stricter settings).
_WARN_WHEN_VERIFIED = frozenset({K.CHAIN_ORDER, K.WEAK_CRYPTO, K.PYTHON_ENVIRONMENT})


def _explains_report(f: Facts, cause: Cause) -> bool:
    """An environment error stays an error when it explains the failure the user reported."""
    reported = f.obs.reported
    return (
        cause.kind is K.PYTHON_ENVIRONMENT
        and cause.is_error
        and reported is not None
        and (reported.verify_code is not None)
    )


def run_rules(f: Facts) -> list[Cause]:
    """Every rule's causes: errors first (the one the verifier reported first), then warnings."""
    found: list[tuple[int, Cause]] = []
    for rank, rule in enumerate(RULES):
        if rule in (unreachable, handshake_failure) or f.capture is None or f.capture.chain:
            found.extend((rank, cause) for cause in rule(f))
        if found and rule in (unreachable, handshake_failure) and not (f.capture and f.capture.chain):
            break
    if f.verified:  # the client accepted the chain: what contradicts that goes, structural findings warn
        found = [
            (r, _as_warning(c) if c.kind in _WARN_WHEN_VERIFIED and not _explains_report(f, c) else c)
            for r, c in found
            if c.kind not in _CONTRADICTED_BY_VERIFICATION
        ]
    elif f.verify_failed and not any(c.is_error for _, c in found):
        found.extend((len(RULES), c) for c in unexplained(f))
    reported = f.obs.reported
    if not f.obs.probed and reported is not None:
        reported_kinds = offline_kinds(reported)
    else:
        reported_kinds = CODE_KINDS.get(f.code or -1, ())

    def order(item: tuple[int, Cause]) -> tuple[int, int, int]:
        rank, cause = item
        first = reported_kinds.index(cause.kind) if cause.kind in reported_kinds else len(reported_kinds)
        return (0 if cause.is_error else 1, first, rank)

    return [cause for _, cause in sorted(found, key=order)]


def _as_warning(cause: Cause) -> Cause:
    from dataclasses import replace

    return cause if cause.severity is Severity.WARNING else replace(cause, severity=Severity.WARNING)
