"""Pure: rules of the network family, causes that one look at one chain cannot find.

``revoked`` (OCSP / CRL answers), ``interception`` (the chain seen through the
proxy against the one seen directly, and known interception issuers),
``address_mismatch`` (what each address of the host serves) and ``clock_skew``
(the server's HTTP ``Date`` against ``observed_at``). ``with_network_causes``
keeps these causes when the client's own verification succeeded (a revoked
certificate passes Python's checks) and lists them before the causes they
explain.
"""

from __future__ import annotations

import email.utils
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from . import _x509
from ._facts import Facts, K
from ._model import AddressResult, Audience, Cause, Handshake, Severity, utc

NETWORK_KINDS = frozenset({K.REVOKED, K.INTERCEPTION, K.ADDRESS_MISMATCH, K.CLOCK_SKEW})
FRESH_LEAF = timedelta(days=3)  # mitmproxy back-dates its leaves by 2 days
LARGE_SKEW = timedelta(days=1)
NOTICEABLE_SKEW = timedelta(minutes=5)
_SPECIAL_SUFFIXES = (
    ".test",
    ".local",
    ".localhost",
    ".internal",
    ".lan",
    ".home",
    ".corp",
    ".example",
    ".invalid",
)


# --- revocation ------------------------------------------------------------------


def _issuer(f: Facts) -> _x509.Certificate | None:
    leaf = f.leaf
    if leaf is None:
        return None
    links = f.completed.links
    if len(links) > 1:
        return links[1].cert
    candidates = [c for c in f.served[1:] if c is not None] + f.anchors + f.fetched
    return next((c for c in candidates if _x509.issued_by(leaf, c)), None)


def answers(f: Facts) -> list[object]:
    """The OCSP and CRL answers about the analysed leaf, judged as of ``observed_at``."""
    from . import _revocation

    leaf = f.leaf
    if leaf is None:
        return []
    issuer = _issuer(f)
    judged: list[object] = []
    for fetch in f.obs.fetches:
        if fetch.purpose == "ocsp":
            judged.append(_revocation.judge_ocsp(fetch, leaf, issuer, f.at))
        elif fetch.purpose == "crl":
            judged.append(_revocation.judge_crl(fetch, leaf, issuer, f.at))
    return judged


def _answer_evidence(f: Facts, answer: object) -> str:
    from ._revocation import Answer

    assert isinstance(answer, Answer)
    source = f.t(f"net.source.{answer.source}", url=answer.url)
    if answer.problem and not answer.says_revoked:
        return f.t(f"ev.revocation.problem.{answer.problem}", source=source, detail=answer.detail or "-")
    if answer.status == "revoked":
        when = answer.revoked_at.isoformat() if answer.revoked_at else "?"
        return f.t("ev.revocation.revoked", source=source, when=when, reason=answer.reason or "unspecified")
    updated = answer.this_update.isoformat() if answer.this_update else "?"
    return f.t(f"ev.revocation.{answer.status}", source=source, updated=updated)


def revoked(f: Facts) -> list[Cause]:
    from ._revocation import Answer

    judged = [a for a in answers(f) if isinstance(a, Answer)]
    said_revoked = [a for a in judged if a.says_revoked]
    reported_code = f.code == 23
    if not judged and not reported_code:
        return []
    evidence = [_answer_evidence(f, a) for a in judged]
    fixes = [
        f.fix(Audience.SERVER, "fix.revoked.server"),
        f.fix(Audience.CLIENT, "fix.revoked.client"),
        f.fix(Audience.CLIENT, "fix.never_disable"),
    ]
    if said_revoked or reported_code:
        first = said_revoked[0] if said_revoked else None
        evidence.append(f.verify_evidence())
        if not said_revoked:
            evidence.append(f.t("ev.revocation.verifier_only"))
        return [
            f.cause(
                K.REVOKED,
                evidence,
                fixes,
                Severity.ERROR,
                variant="confirmed" if first else "reported",
                certificate=0,
                source=f.t(f"net.source.{first.source}", url=first.url) if first else "",
                reason=(first.reason or "unspecified") if first else "",
            )
        ]
    if any(a.sound and a.status == "good" for a in judged):
        return []  # one sound "good" is enough: a second source that failed is not a problem
    fixes = [f.fix(Audience.NETWORK, "fix.revocation_unchecked.network"), fixes[0]]
    return [f.cause(K.REVOKED, evidence, fixes, Severity.WARNING, variant="unchecked", certificate=0)]


# --- interception ------------------------------------------------------------------


def _captures(f: Facts, route: str) -> list[Handshake]:
    return [h for h in f.obs.handshakes if h.purpose == "capture" and h.route == route and h.chain]


def _issuer_names(chain: Sequence[bytes]) -> list[str]:
    names = []
    for index, der in enumerate(chain):
        cert = _x509.load(der)
        if cert is None:
            continue
        names.append(cert.issuer.rfc4514_string())
        if index:
            names.append(cert.subject.rfc4514_string())
    return names


def _leaf_text(chain: Sequence[bytes]) -> tuple[str, str, str]:
    cert = _x509.load(chain[0]) if chain else None
    if cert is None:
        return "?", "?", "?"
    return _x509.name_text(cert.subject), _x509.name_text(cert.issuer), _x509.fingerprint(cert)[:23]


def is_public_name(host: str) -> bool:
    """A DNS name that only a public CA can certify (not an IP, a single label or a reserved suffix)."""
    host = host.lower().rstrip(".")
    return "." in host and not _x509.is_ip(host) and not host.endswith(_SPECIAL_SUFFIXES)


def _freshly_minted(f: Facts) -> bool:
    leaf = f.leaf
    if leaf is None or f.completed.anchored or _x509.is_self_signed(leaf):
        return False  # a private CA's leaf only: public chains and self-signed test servers are not it
    start = _x509.not_before(leaf)
    return timedelta(0) <= f.at - start <= FRESH_LEAF and is_public_name(f.host)


def interception(f: Facts) -> list[Cause]:
    from . import _interception

    proxied, direct = _captures(f, "proxy"), _captures(f, "direct")
    analysed = f.capture.chain if f.capture is not None else ()
    if not analysed:
        return []
    evidence: list[str] = []
    compared = bool(proxied and direct)
    if compared:
        if _server_issued(proxied[0].chain, direct):
            return []  # the proxy passed the server's own certificate (or a sibling node's) through
        _subject, issuer, fp = _leaf_text(proxied[0].chain)
        evidence.append(f.t("ev.intercept.via_proxy", proxy=f.obs.proxy or "?", issuer=issuer, sha=fp))
        for h in direct[:3]:
            _subject, issuer, fp = _leaf_text(h.chain)
            evidence.append(f.t("ev.intercept.direct", address=h.address, issuer=issuer, sha=fp))
    product = _interception.match(_issuer_names(analysed))
    if product is not None:
        evidence.append(
            f.t(
                "ev.intercept.product",
                product=product.product,
                category=product.category,
                source=product.source,
            )
        )
    fresh = _freshly_minted(f)
    if fresh and f.leaf is not None:
        evidence.append(f.t("ev.intercept.fresh", when=_x509.not_before(f.leaf).isoformat(), host=f.host))
    if not compared and product is None and not fresh:
        return []
    evidence.extend(_trusted_only_by(f))
    evidence.append(f.verify_evidence())
    # a fresh private leaf with a proxy in the way: the proxy made it
    strong = compared or product is not None or bool(f.obs.proxy)
    severity = Severity.ERROR if not f.verified and strong else Severity.WARNING
    variant = "" if strong else "suspected"
    fixes = [
        f.fix(Audience.CLIENT, "fix.intercept.truststore", command="pip install truststore"),
        f.fix(Audience.CLIENT, "fix.intercept.bundle", command=_bundle_command()),
        f.fix(
            Audience.CLIENT, "fix.intercept.pip", command="pip config set global.cert /path/to/combined.pem"
        ),
        f.fix(
            Audience.NETWORK,
            "fix.intercept.bypass",
            command=f"curl --proxy '' -v https://{f.host}:{f.obs.target.port}/",
        ),
        f.fix(Audience.CLIENT, "fix.never_disable"),
    ]
    return [
        f.cause(
            K.INTERCEPTION,
            evidence,
            fixes,
            severity,
            variant=variant,
            certificate=0,
            product=f.t("net.product", product=product.product) if product else "",
            proxy=f.obs.proxy or "-",
        )
    ]


def _server_issued(proxied: Sequence[bytes], direct: Sequence[Handshake]) -> bool:
    """The leaf seen through the proxy is the server's own, or signed by a CA the server itself serves.

    Load-balanced servers may present another (valid) leaf on each connection; an
    interceptor cannot sign with the server's CA, so a signature check tells them apart.
    """
    if any(h.chain[0] == proxied[0] for h in direct):
        return True
    leaf = _x509.load(proxied[0])
    if leaf is None:
        return False
    for h in direct:
        cas = [c for c in (_x509.load(der) for der in h.chain[1:]) if c is not None]
        if any(_x509.issued_by(leaf, ca) for ca in cas):
            return True
        direct_leaf = _x509.load(h.chain[0])
        if not cas and direct_leaf is not None and _same_issuer(leaf, direct_leaf):
            return True  # both leaf-only: same issuer name and key identifier
    return False


def _same_issuer(a: _x509.Certificate, b: _x509.Certificate) -> bool:
    from cryptography import x509

    if a.issuer != b.issuer:
        return False
    try:
        aki_a = a.extensions.get_extension_for_class(x509.AuthorityKeyIdentifier).value.key_identifier
        aki_b = b.extensions.get_extension_for_class(x509.AuthorityKeyIdentifier).value.key_identifier
    except Exception:
        return False
    return aki_a is not None and aki_a == aki_b


def _bundle_command() -> str:
    return (
        'cat "$(python -m certifi)" corporate-root.pem > combined.pem && '
        "export REQUESTS_CA_BUNDLE=$PWD/combined.pem SSL_CERT_FILE=$PWD/combined.pem"
    )


def _trusted_only_by(f: Facts) -> list[str]:
    """Which stores on this machine anchor the chain, when the public bundle (certifi) does not."""
    anchored = []
    for store in f.obs.stores:
        anchors = [c for c in (_x509.load(d) for d in store.anchors) if c is not None]
        if anchors and _x509.build_path(f.served, anchors, f.fetched).anchored:
            anchored.append(store.name)
    if not anchored or any("certifi" in name.lower() for name in anchored):
        return []
    return [f.t("ev.intercept.only_in", stores=", ".join(anchored))]


def proxy_unreachable(f: Facts) -> list[Cause]:
    """The client's proxy gave no tunnel: the direct path may work, the client's does not."""
    via = [h for h in f.obs.handshakes if h.route == "proxy" and h.purpose == "capture"]
    if not f.obs.proxy or not via or any(h.chain for h in via):
        return []
    failed = via[0]
    evidence = [
        f.t("ev.proxy.failed", proxy=f.obs.proxy, error=failed.error_message or failed.error_kind or "?")
    ]
    direct = _captures(f, "direct")
    if direct:
        evidence.append(f.t("ev.proxy.direct_ok", address=direct[0].address))
    fixes = [
        f.fix(Audience.CLIENT, "fix.proxy.settings"),
        f.fix(
            Audience.NETWORK,
            "fix.proxy.test",
            command=f"curl -v --proxy {f.obs.proxy} https://{f.host}:{f.obs.target.port}/",
        ),
    ]
    return [f.cause(K.UNREACHABLE, evidence, fixes, Severity.ERROR, variant="proxy", proxy=f.obs.proxy)]


# --- several addresses --------------------------------------------------------------


def _per_address(f: Facts) -> list[tuple[str, Handshake | None, Handshake | None]]:
    out: list[tuple[str, Handshake | None, Handshake | None]] = []
    for address in dict.fromkeys(h.address for h in f.obs.handshakes if h.route == "direct"):
        mine = [h for h in f.obs.handshakes if h.route == "direct" and h.address == address]
        capture = next((h for h in mine if h.purpose == "capture"), None)
        verify = next((h for h in mine if h.purpose == "verify"), None)
        out.append((address, capture, verify))
    return out


def _family(address: str) -> str:
    return "IPv6" if ":" in address else "IPv4"


def address_results(f: Facts) -> tuple[AddressResult, ...]:
    """What each address of the host serves, when there are several."""
    rows = _per_address(f)
    if len(rows) < 2:
        return ()
    results = []
    for address, capture, verify in rows:
        reached = capture is not None and bool(capture.chain)
        leaf = _x509.load(capture.chain[0]) if reached and capture is not None else None
        if verify is not None and verify.ok:
            detail = f.t("net.addr.verifies")
        elif verify is not None and verify.verify_code is not None:
            detail = f.t(
                "net.addr.verify_failed", code=verify.verify_code, message=verify.verify_message or ""
            )
        else:
            error = (capture or verify).error_kind if (capture or verify) else None  # type: ignore[union-attr]
            detail = f.t("net.addr.no_tls", error=error or "?")
        results.append(
            AddressResult(
                address=address,
                family=_family(address),
                reached=reached,
                verifies=verify is not None and verify.ok,
                leaf_sha256=_x509.fingerprint(leaf) if leaf is not None else None,
                verify_code=verify.verify_code if verify is not None else None,
                detail=detail,
            )
        )
    return tuple(results)


def address_mismatch(f: Facts) -> list[Cause]:
    rows = [r for r in address_results(f) if r.reached]
    silent = [
        a
        for a, capture, _ in _per_address(f)
        if capture is not None and capture.error_kind in ("timeout", "handshake_timeout")
    ]
    leaves = {r.leaf_sha256 for r in rows}
    verdicts = {r.verifies for r in rows}
    # Different leaves that all verify are normal (each node its own certificate); refused on one
    # address only (nothing on ::1) is harmless too: clients move on at once.
    differs = len(verdicts) > 1 or (len(leaves) > 1 and True not in verdicts)
    if not rows or (not differs and not silent):
        return []
    evidence = []
    for address, capture, _verify in _per_address(f):
        row = next((r for r in address_results(f) if r.address == address), None)
        if row is None:
            continue
        if row.reached and capture is not None:
            subject, issuer, fp = _leaf_text(capture.chain)
            evidence.append(
                f.t(
                    "ev.addr.serves",
                    address=address,
                    family=row.family,
                    subject=subject,
                    issuer=issuer,
                    sha=fp,
                    detail=row.detail,
                )
            )
        else:
            evidence.append(f.t("ev.addr.unreached", address=address, family=row.family, detail=row.detail))
    if not differs:
        variant, severity = "silent", Severity.WARNING
    else:  # an error only when some addresses verify and others do not: which one a client gets decides
        variant = ""
        severity = Severity.ERROR if len(verdicts) > 1 else Severity.WARNING
    fixes = [
        f.fix(Audience.SERVER, "fix.addr.server"),
        f.fix(
            Audience.CLIENT,
            "fix.addr.client",
            command=f"curl -4 -v https://{f.host}:{f.obs.target.port}/ ; curl -6 -v https://{f.host}:{f.obs.target.port}/",
        ),
    ]
    bad = ", ".join(r.address for r in rows if not r.verifies) or "-"
    return [f.cause(K.ADDRESS_MISMATCH, evidence, fixes, severity, variant=variant, bad=bad, count=len(rows))]


# --- the clock ----------------------------------------------------------------------


def server_time(f: Facts) -> datetime | None:
    """The server's ``Date`` header on the capture connection, if it sent a parseable one."""
    for h in ([f.capture] if f.capture else []) + [x for x in f.obs.handshakes if x.purpose == "capture"]:
        if h is not None and h.http_date:
            try:
                return utc(email.utils.parsedate_to_datetime(h.http_date))
            except (TypeError, ValueError, IndexError):
                continue
    return None


def _valid_at(f: Facts, moment: datetime) -> bool:
    certs = f.completed.certs() or [c for c in f.served if c is not None]
    return bool(certs) and all(_x509.not_before(c) <= moment <= _x509.not_after(c) for c in certs)


def clock_skew(f: Facts) -> list[Cause]:
    theirs = server_time(f)
    if theirs is None or f.leaf is None:
        return []
    skew = theirs - f.at
    size = abs(skew)
    if size < NOTICEABLE_SKEW:
        return []
    ours_ok, theirs_ok = _valid_at(f, f.at), _valid_at(f, theirs)
    if not ours_ok and theirs_ok:
        variant, severity = "", Severity.ERROR  # the validity failure is this machine's clock
    elif ours_ok and not theirs_ok:
        variant, severity = "hidden", Severity.WARNING  # it verifies only because this clock is off
    elif size >= LARGE_SKEW:
        variant, severity = "large", Severity.WARNING
    else:
        return []
    direction = f.t("net.clock.behind") if skew > timedelta(0) else f.t("net.clock.ahead")
    amount = _duration(size)
    leaf = f.leaf
    evidence = [
        f.t(
            "ev.clock.times",
            ours=f.at.isoformat(timespec="seconds"),
            theirs=theirs.isoformat(timespec="seconds"),
        ),
        f.t("ev.clock.skew", amount=amount, direction=direction),
        f.t(
            "ev.clock.window",
            start=_x509.not_before(leaf).isoformat(),
            end=_x509.not_after(leaf).isoformat(),
        ),
    ]
    if variant == "":
        evidence.append(f.t("ev.clock.valid_by_server"))
    elif variant == "hidden":
        evidence.append(f.t("ev.clock.invalid_by_server"))
    evidence.append(f.verify_evidence())
    fixes = [
        f.fix(
            Audience.CLIENT, "fix.clock.linux", command="sudo timedatectl set-ntp true && timedatectl status"
        ),
        f.fix(Audience.CLIENT, "fix.clock.windows", command="w32tm /resync"),
        f.fix(Audience.CLIENT, "fix.clock.macos", command="sudo sntp -sS time.apple.com"),
        f.fix(Audience.SERVER, "fix.clock.server"),
    ]
    return [
        f.cause(K.CLOCK_SKEW, evidence, fixes, severity, variant=variant, amount=amount, direction=direction)
    ]


def _duration(delta: timedelta) -> str:
    seconds = round(delta.total_seconds() / 60) * 60
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    if days:
        return f"{days}d {hours}h" if hours else f"{days}d"
    if hours:
        return f"{hours}h {minutes}m"
    return f"{minutes}m"


NETWORK_RULES: tuple[Callable[[Facts], list[Cause]], ...] = (
    proxy_unreachable,
    clock_skew,
    interception,
    address_mismatch,
    revoked,
)


def with_network_causes(f: Facts, causes: Sequence[Cause]) -> tuple[Cause, ...]:
    """Network causes also when the client verified; network errors first (they explain the others)."""
    found = list(causes)
    if f.verified and f.obs.probed:  # run_rules keeps only structural warnings then
        kinds = {c.kind for c in found}
        for rule in NETWORK_RULES:
            found.extend(c for c in rule(f) if c.kind not in kinds)

    def order(item: tuple[int, Cause]) -> tuple[int, int, int]:
        rank, cause = item
        first = cause.kind in NETWORK_KINDS or cause.kind is K.UNREACHABLE  # no tunnel at all comes first
        return (0 if cause.is_error else 1, 0 if first and cause.is_error else 1, rank)

    return tuple(cause for _, cause in sorted(enumerate(found), key=order))
