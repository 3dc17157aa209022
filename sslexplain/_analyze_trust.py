"""Pure: rules of the trust family (see _analyze.py for the precedence).

Every trust store recorded in the Observation (one per client configuration on
the machine: ca_file, stdlib ssl, requests, httpx, certifi, the OS store, pip)
is evaluated offline against the served chain plus the AIA-fetched
certificates. A store-related cause is claimed only when the client under
diagnosis fails while another client here verifies; otherwise what is wrong with
the environment is left to ``sslexplain env``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime

from . import _x509
from ._analyze_versions import VERSION_RULES
from ._facts import Facts, K
from ._messages import text
from ._model import Audience, Cause, ClientVerdict, Environment, Fix, Severity, TrustStore
from ._removed_roots import RemovedRoot, removed_root

STDLIB = "stdlib ssl"  # names of _clients (not imported: analysis reads no files)
CA_FILE = "ca_file"
CERTIFI = "certifi"
OS_STORE = "OS store (truststore)"
BAD_STATUSES = ("missing", "unreadable", "empty", "not_pem", "no_certs")
DEFAULT_SETTINGS = ("OpenSSL", "certifi", "truststore", "pip's vendored certifi")
TINY_BUNDLE = 3  # a bundle this small replaces the public roots instead of adding to them


# --- evaluating the chain against each store ---------------------------------------


def _anchors(store: TrustStore) -> list[_x509.Certificate]:
    return [c for c in (_x509.load(d) for d in store.anchors) if c is not None]


def store_path(f: Facts, store: TrustStore) -> _x509.Path:
    return _x509.build_path(f.served, _anchors(store), f.fetched)


def root_name(path: _x509.Path) -> str:
    """The root the chain ends at (or names as its issuer)."""
    if not path.links:
        return "?"
    top = path.top
    return _x509.name_text(top.subject if path.end == "self_signed" else top.issuer)


def trusting_stores(f: Facts) -> list[tuple[TrustStore, _x509.Path]]:
    """The other stores here (usable, no error) that anchor the chain."""
    out = []
    for store in f.obs.stores[1:]:
        if store.error is None and store.anchors:
            path = store_path(f, store)
            if path.anchored:
                out.append((store, path))
    return out


def trusted_elsewhere(f: Facts) -> bool:
    """The client's store lacks the root but another store here has it: missing_root, not untrusted_root."""
    return bool(f.obs.stores) and not f.completed.anchored and bool(trusting_stores(f))


def _store_file(store: TrustStore) -> str:
    """A path to point a client at: the store's first file (else its first part)."""
    parts = [p for p in store.source.split(" + ") if p and p != "-"]
    files = [p for p in parts if not p.endswith("/certs") and not p.endswith("/")]
    return (files or parts or [store.source])[0]


def describe_store(store: TrustStore, env: Environment | None) -> str:
    if env is not None and env.certifi_where and store.source == env.certifi_where:
        return f"certifi {env.certifi_version or ''}".strip()
    return store.source


def _offline_problem(f: Facts, path: _x509.Path) -> str:
    """What makes every client fail, whatever its store: expiry or a name mismatch (checked offline)."""
    for link in path.links:
        if f.at > _x509.not_after(link.cert):
            return f.t("verdict.expired", name=_x509.name_text(link.cert.subject))
        if f.at < _x509.not_before(link.cert):
            return f.t("verdict.not_yet_valid", name=_x509.name_text(link.cert.subject))
    leaf = f.leaf
    if leaf is not None and not _x509.check_name(leaf, f.host).matches:
        return f.t("verdict.hostname", host=f.host)
    return ""


def client_verdicts(f: Facts) -> tuple[ClientVerdict, ...]:
    """Every client configuration on this machine and whether it verifies the served chain."""
    if f.leaf is None or not f.obs.stores:
        return ()
    env = f.obs.environment
    own_path = f.completed
    verdicts = []
    for position, store in enumerate(f.obs.stores):
        label = describe_store(store, env)
        if position == 0 and f.verify is not None:
            ok = f.verify.ok
            detail = (
                ""
                if ok
                else f.t(
                    "verdict.measured",
                    code=f.code or "-",
                    message=f.verify.verify_message or f.verify.error_message or "",
                )
            )
        elif store.error is not None:
            ok, detail = False, f.t("verdict.store_error", error=store.error)
        else:
            path = own_path if position == 0 else store_path(f, store)
            if not path.anchored:
                ok, detail = False, f.t("verdict.no_root", root=root_name(path))
            elif own_path.anchored and f.verify_failed:
                ok = False
                detail = f.t("verdict.same_failure", message=f.verify.verify_message if f.verify else "")
            else:
                detail = _offline_problem(f, path)
                ok = not detail
        verdicts.append(ClientVerdict(client=store.name, store=label, verifies=ok, detail=detail))
    return tuple(verdicts)


# --- causes -------------------------------------------------------------------------


def _trust_failure(f: Facts) -> list[tuple[TrustStore, _x509.Path]]:
    """The stores that verify where the client under diagnosis fails for want of a root."""
    if not f.verify_failed or not f.obs.stores or f.completed.anchored or not f.completed.links:
        return []
    return trusting_stores(f)


def _bad_setting(f: Facts) -> tuple[str, str, str] | None:
    """An SSL_CERT_FILE / SSL_CERT_DIR the default context reads that is missing, empty or not PEM."""
    env = f.obs.environment
    if env is None or f.obs.stores[0].name != STDLIB:
        return None
    for setting, path, status, _count in env.path_checks:
        if setting in ("SSL_CERT_FILE", "SSL_CERT_DIR") and status in BAD_STATUSES:
            return setting, path, status
    return None


def _env_variant(f: Facts) -> str:
    own = f.obs.stores[0]
    if _bad_setting(f) is not None:
        return "bad_path"
    if own.name == STDLIB and own.loaded == 0:
        return "empty_store"
    if 0 < own.loaded <= TINY_BUNDLE:
        return "tiny_bundle"
    return ""


def _found_evidence(f: Facts, trusting: Sequence[tuple[TrustStore, _x509.Path]]) -> str:
    env = f.obs.environment
    names = ", ".join(f"{s.name} ({describe_store(s, env)})" for s, _ in trusting)
    return f.t("ev.trust.found_in", root=_x509.name_text(trusting[0][1].top.subject), stores=names)


def _best(trusting: Sequence[tuple[TrustStore, _x509.Path]]) -> TrustStore:
    """The store to recommend: a system one first (OS store, stdlib), certifi last."""
    order = {OS_STORE: 0, STDLIB: 1, "httpx": 2, "requests": 3, "pip": 4, CERTIFI: 5}
    return min((s for s, _ in trusting), key=lambda s: order.get(s.name, 9))


def python_environment(f: Facts) -> list[Cause]:
    trusting = _trust_failure(f)
    variant = _env_variant(f) if trusting else ""
    if not variant:
        return []
    own = f.obs.stores[0]
    good = _store_file(_best(trusting))
    evidence = []
    fixes = []
    params: dict[str, str] = {"store": own.source, "count": str(own.loaded)}
    if variant == "bad_path":
        setting, path, status = _bad_setting(f) or ("", "", "")
        params.update(setting=setting, path=path, status=f.t(f"status.{status}"))
        evidence.append(f.t("ev.trust.bad_path", **params))
        fixes.append(
            f.fix(
                Audience.CLIENT,
                "fix.trust.point_setting",
                command=f"export {setting}={good}",
                setting=setting,
                path=good,
            )
        )
        fixes.append(f.fix(Audience.CLIENT, "fix.trust.unset", command=f"unset {setting}", setting=setting))
    elif variant == "empty_store":
        evidence.append(f.t("ev.trust.empty_store", store=own.source))
        fixes.append(_platform_store_fix(f))
        fixes.append(
            f.fix(
                Audience.CLIENT,
                "fix.trust.point_setting",
                command=f"export SSL_CERT_FILE={good}",
                setting="SSL_CERT_FILE",
                path=good,
            )
        )
    else:
        evidence.append(f.t("ev.trust.tiny_bundle", store=own.source, count=own.loaded))
        fixes.append(
            f.fix(
                Audience.CLIENT,
                "fix.trust.combine",
                command=f"cat {good} {own.source} > combined.pem",
                path=good,
            )
        )
    evidence += [_found_evidence(f, trusting), f.verify_evidence()]
    fixes.append(f.fix(Audience.CLIENT, "fix.never_disable"))
    cause = f.cause(K.PYTHON_ENVIRONMENT, evidence, fixes, variant=variant)
    return [_reword(f, cause, f"{K.PYTHON_ENVIRONMENT.value}.{variant}", params)]


def _reword(f: Facts, cause: Cause, key: str, params: dict[str, str]) -> Cause:
    """Summary and explanation with this rule's own placeholders (``Facts.cause`` types its keywords)."""
    values = {"host": f.host, **params}
    return replace(
        cause, summary=f.t(f"{key}.summary", **values), explanation=f.t(f"{key}.explanation", **values)
    )


def missing_root(f: Facts) -> list[Cause]:
    trusting = _trust_failure(f)
    if not trusting or _env_variant(f):
        return []
    own = f.obs.stores[0]
    env = f.obs.environment
    root = _x509.name_text(trusting[0][1].top.subject)
    best = _best(trusting)
    good = _store_file(best)
    evidence = [
        f.t("ev.trust.root_missing", root=root, client=own.name, store=describe_store(own, env)),
        _found_evidence(f, trusting),
        f.verify_evidence(),
    ]
    removed = _removed_evidence(f, f.completed)
    if removed:
        evidence.insert(1, removed)
    fixes = untrusted_fixes(f)
    if own.name == STDLIB:
        fixes.append(
            f.fix(
                Audience.CLIENT,
                "fix.trust.point_setting",
                command=f"export SSL_CERT_FILE={good}",
                setting="SSL_CERT_FILE",
                path=good,
            )
        )
        if best.name == CERTIFI:
            fixes.append(_platform_store_fix(f))
    else:
        fixes.append(
            f.fix(
                Audience.CLIENT,
                "fix.trust.use_bundle",
                command=f"export REQUESTS_CA_BUNDLE={good}",
                path=good,
            )
        )
    if any(s.name == OS_STORE for s, _ in trusting):
        fixes.append(
            f.fix(Audience.CLIENT, "fix.trust.truststore", command="python -m pip install truststore")
        )
        version = dict(env.packages).get("truststore") if env is not None else None
        if version and env is not None and not env.truststore_injected:
            evidence.append(f.t("ev.trust.truststore_not_injected", version=version))
    stale = _stale_certifi(f, own, trusting[0][1].top)
    if stale:
        evidence.append(stale)
        fixes.append(
            f.fix(Audience.CLIENT, "fix.trust.upgrade_certifi", command="python -m pip install -U certifi")
        )
    fixes.append(f.fix(Audience.CLIENT, "fix.never_disable"))
    return [f.cause(K.MISSING_ROOT, evidence, fixes, root=root, client=own.name, found=best.name)]


def _platform_store_fix(f: Facts) -> Fix:
    env = f.obs.environment
    system = (env.platform if env else "").split(" ")[0]
    if system == "Darwin":
        version = ".".join((env.python if env else "3").split(".")[:2])
        return f.fix(
            Audience.CLIENT,
            "fix.trust.macos_certificates",
            command=f'"/Applications/Python {version}/Install Certificates.command"',
        )
    if system == "Windows":
        return f.fix(Audience.CLIENT, "fix.trust.truststore", command="python -m pip install truststore")
    return f.fix(
        Audience.CLIENT,
        "fix.trust.linux_store",
        command="sudo apt-get install --reinstall ca-certificates && sudo update-ca-certificates",
    )


def _certifi_date(version: str | None) -> datetime | None:
    match = re.match(r"(\d{4})\.(\d{1,2})\.(\d{1,2})", version or "")
    if match is None:
        return None
    try:
        year, month, day = (int(g) for g in match.groups())
        return datetime(year, month, day)
    except ValueError:
        return None


def _stale_certifi(f: Facts, own: TrustStore, root: _x509.Certificate) -> str:
    env = f.obs.environment
    if env is None or not env.certifi_where or own.source != env.certifi_where:
        return ""
    released = _certifi_date(env.certifi_version)
    issued = _x509.not_before(root).replace(tzinfo=None)
    if released is None or issued <= released or (f.at.replace(tzinfo=None) - released).days < 365:
        return ""  # a recent certifi without the root: the root is private or too new, not certifi's age
    return f.t("ev.trust.certifi_older", version=env.certifi_version, issued=issued.date().isoformat())


def _removed(path: _x509.Path) -> RemovedRoot | None:
    if not path.links:
        return None
    top = path.top
    return removed_root(_x509.name_text(top.subject)) or removed_root(_x509.name_text(top.issuer))


def _removed_evidence(f: Facts, path: _x509.Path) -> str:
    entry = _removed(path)
    if entry is None:
        return ""
    key = f"removed.{entry.key}"
    return f.t(
        "ev.trust.removed_root",
        root=root_name(path),
        when=f.t(f"{key}.when"),
        reason=f.t(f"{key}.reason"),
        source=entry.source,
    )


def untrusted_evidence(f: Facts) -> list[str]:
    """For untrusted_root: was the root removed from Mozilla's store, or does it look private?"""
    path = f.completed
    removed = _removed_evidence(f, path)
    if removed:
        return [removed]
    env = f.obs.environment
    count = len(f.obs.stores)
    if any(s.name == CERTIFI and s.error is None for s in f.obs.stores):
        version = env.certifi_version if env else ""
        return [f.t("ev.trust.private_root", root=root_name(path), count=count, version=version or "")]
    return [f.t("ev.trust.public_unknown", root=root_name(path), count=count)] if count > 1 else []


def untrusted_fixes(f: Facts) -> list[Fix]:
    """For untrusted_root: a removed public root is the server's to fix, first."""
    entry = _removed(f.completed)
    if entry is None:
        return []
    instead = f.t(f"removed.{entry.key}.instead")
    return [f.fix(Audience.SERVER, "fix.trust.removed_root", instead=instead)]


# OpenSSL 3 verify codes that only VERIFY_X509_STRICT raises (default since Python 3.13), with the
# check that finds the defect offline. https://docs.python.org/3/library/ssl.html#ssl.VERIFY_X509_STRICT
STRICT_CODES = range(80, 95)


def _strict_defects(cert: _x509.Certificate, is_ca: bool) -> list[str]:
    """The strict-mode defects of one certificate, as message ids."""
    from cryptography import x509

    defects = []
    extensions = {e.oid: e for e in cert.extensions}
    constraints = extensions.get(x509.oid.ExtensionOID.BASIC_CONSTRAINTS)
    if is_ca and constraints is not None and not constraints.critical:
        defects.append("strict.bc_not_critical")
    if x509.oid.ExtensionOID.AUTHORITY_KEY_IDENTIFIER not in extensions and not _x509.is_self_signed(cert):
        defects.append("strict.no_aki")
    if is_ca and x509.oid.ExtensionOID.SUBJECT_KEY_IDENTIFIER not in extensions:
        defects.append("strict.no_ski")
    if is_ca and x509.oid.ExtensionOID.KEY_USAGE not in extensions:
        defects.append("strict.no_key_usage")
    return defects


def strict_x509(f: Facts) -> list[Cause]:
    """Python 3.13's VERIFY_X509_STRICT rejects a chain that older Pythons and other clients accept."""
    if not f.verify_failed or f.code not in STRICT_CODES:
        return []
    evidence = [f.verify_evidence()]
    certificate = None
    for position, link in enumerate(f.completed.links):
        for defect in _strict_defects(link.cert, position > 0):
            evidence.append(f.t(f"ev.{defect}", cert=f.cert_label(link.cert)))
            certificate = link.index if certificate is None else certificate
    env = f.obs.environment
    evidence.append(f.t("ev.strict.others_accept", python=env.python if env else "?"))
    fixes = [
        f.fix(Audience.SERVER, "fix.strict.reissue"),
        f.fix(
            Audience.CLIENT,
            "fix.strict.client",
            command="ctx = ssl.create_default_context(); ctx.verify_flags &= ~ssl.VERIFY_X509_STRICT",
        ),
        f.fix(Audience.CLIENT, "fix.never_disable"),
    ]
    return [f.cause(K.INVALID_CHAIN, evidence, fixes, variant="strict", certificate=certificate)]


TRUST_RULES: tuple[Callable[[Facts], list[Cause]], ...] = (
    *VERSION_RULES,
    python_environment,
    missing_root,
    strict_x509,
)


# --- sslexplain env: the set-up's own problems, without a server --------------------


def environment_problems(
    env: Environment, stores: Sequence[TrustStore], *, lang: str, today: datetime
) -> list[Cause]:
    """What is wrong with this set-up whatever the server: each problem, the clients it breaks, the fix."""

    def t(key: str, **params: object) -> str:
        return text(lang, key, **params)

    def cause(
        variant: str, severity: Severity, evidence: list[str], fixes: list[Fix], **params: object
    ) -> Cause:
        kind = K.PYTHON_ENVIRONMENT
        return Cause(
            kind=kind,
            severity=severity,
            root_cause=kind.root_cause,
            summary=t(f"{kind.value}.{variant}.summary", **params),
            explanation=t(f"{kind.value}.{variant}.explanation", **params),
            evidence=tuple(evidence),
            fixes=tuple(fixes),
        )

    def fix(key: str, command: str | None = None, **params: object) -> Fix:
        return Fix(audience=Audience.CLIENT, text=t(key, **params), command=command)

    problems = []
    system_bundle = next(
        (s.source.split(" + ")[0] for s in stores if s.name == OS_STORE and s.loaded > 0), None
    )
    for setting, path, status, count in env.path_checks:
        if setting in DEFAULT_SETTINGS:
            continue
        broken = [s.name for s in stores if s.error and s.error.startswith(f"{setting}: {path}:")]
        variable = setting if setting.isupper() else "PIP_CERT"
        if status in BAD_STATUSES:
            params = {
                "setting": setting,
                "path": path,
                "status": t(f"status.{status}"),
                "store": path,
                "count": count,
            }
            evidence = [t("ev.trust.bad_path", **params)]
            if broken:
                evidence.append(t("ev.env.breaks", clients=", ".join(broken)))
            fixes = [fix("fix.trust.unset", command=f"unset {variable}", setting=variable)]
            if system_bundle:
                fixes.insert(
                    0,
                    fix(
                        "fix.trust.point_setting",
                        command=f"export {variable}={system_bundle}",
                        setting=variable,
                        path=system_bundle,
                    ),
                )
            severity = Severity.ERROR if broken else Severity.WARNING
            problems.append(cause("bad_path", severity, evidence, fixes, **params))
        elif 0 < count <= TINY_BUNDLE:
            params = {"store": path, "count": count, "setting": setting}
            evidence = [t("ev.trust.tiny_bundle", **params), t("ev.env.setting", setting=setting, path=path)]
            fixes = [
                fix(
                    "fix.trust.combine",
                    command=f"cat {system_bundle or '$(python -m certifi)'} {path} > combined.pem",
                    path=system_bundle or "certifi",
                )
            ]
            problems.append(cause("tiny_bundle", Severity.WARNING, evidence, fixes, **params))
    default = next((s for s in stores if s.name == STDLIB), None)
    explained = any(
        setting.startswith("SSL_CERT") and status in BAD_STATUSES for setting, _, status, _ in env.path_checks
    )
    if default is not None and default.loaded == 0 and not explained:
        evidence = [t("ev.trust.empty_store", store=default.source)]
        fixes = [_env_platform_fix(env, t)]
        problems.append(cause("empty_store", Severity.ERROR, evidence, fixes, store=default.source, count=0))
    released = _certifi_date(env.certifi_version)
    if released is not None and (today.replace(tzinfo=None) - released).days > 730:
        params = {"version": env.certifi_version, "days": (today.replace(tzinfo=None) - released).days}
        problems.append(
            cause(
                "old_certifi",
                Severity.WARNING,
                [t("ev.env.old_certifi", **params)],
                [fix("fix.trust.upgrade_certifi", command="python -m pip install -U certifi")],
                **params,
            )
        )
    if _old_openssl(env.openssl):
        params = {"openssl": env.openssl}
        problems.append(
            cause(
                "old_openssl",
                Severity.WARNING,
                [t("ev.env.old_openssl", **params)],
                [fix("fix.env.new_python")],
                **params,
            )
        )
    return problems


def _env_platform_fix(env: Environment, t: Callable[..., str]) -> Fix:
    system = env.platform.split(" ")[0]
    if system == "Darwin":
        version = ".".join(env.python.split(".")[:2])
        return Fix(
            audience=Audience.CLIENT,
            text=t("fix.trust.macos_certificates"),
            command=f'"/Applications/Python {version}/Install Certificates.command"',
        )
    return Fix(
        audience=Audience.CLIENT,
        text=t("fix.trust.linux_store"),
        command="sudo apt-get install --reinstall ca-certificates && sudo update-ca-certificates",
    )


def _old_openssl(version: str) -> bool:
    """LibreSSL, or OpenSSL before 1.1.1: urllib3 2 refuses them, modern chains break."""
    if version.startswith("LibreSSL"):
        return True
    match = re.match(r"OpenSSL (\d+)\.(\d+)\.(\d+)([a-z]?)", version)
    if match is None:
        return False
    major, minor, fix_ = (int(g) for g in match.groups()[:3])
    return (major, minor, fix_) < (1, 1, 1)
