"""I/O (environment and files only): this interpreter's TLS set-up, and the ``sslexplain env`` report."""

from __future__ import annotations

import json
import os
import platform
import re
import ssl
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from ._model import Cause, Environment, TrustStore, to_plain

TLS_VARIABLES = (
    "SSL_CERT_FILE",
    "SSL_CERT_DIR",
    "REQUESTS_CA_BUNDLE",
    "CURL_CA_BUNDLE",
    "PIP_CERT",
    "PIP_CONFIG_FILE",
    "HTTPS_PROXY",
    "https_proxy",
    "HTTP_PROXY",
    "http_proxy",
    "ALL_PROXY",
    "all_proxy",
    "NO_PROXY",
    "no_proxy",
)

PACKAGES = ("certifi", "truststore", "requests", "urllib3", "httpx", "aiohttp", "pip", "cryptography")

_CREDENTIALS = re.compile(r"(?<=://)[^/@\s]+@")


def redact_url(text: str) -> str:
    """Hide ``user:password@`` in URLs (proxy settings often carry them)."""
    return _CREDENTIALS.sub("***@", text)


def _compiled_openssl() -> str:
    numbers = getattr(ssl, "_OPENSSL_API_VERSION", None)
    if not numbers:
        return ""
    return ".".join(str(n) for n in numbers[:3])


def _security_level() -> int | None:
    try:
        return int(ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT).security_level)
    except (AttributeError, ssl.SSLError, ValueError):
        return None


def truststore_injected() -> bool:
    """``truststore.inject_into_ssl()`` replaces ``ssl.SSLContext``; look without importing truststore."""
    return "truststore" in getattr(ssl.SSLContext, "__module__", "")


def path_checks() -> tuple[tuple[str, str, str, int], ...]:
    """Every configured CA path (settings and defaults) and how it reads."""
    from . import _clients
    from ._stores import path_status

    seen: set[tuple[str, str]] = set()
    out = []
    for config in _clients.client_configs(None):
        for source in config.sources:
            key = (source.setting, source.path)
            if key in seen or not source.path:
                continue
            seen.add(key)
            status, count = path_status(source.path)
            out.append((source.setting, source.path, status, count))
    return tuple(out)


_environment_cache: dict[tuple[object, ...], Environment] = {}


def read_environment() -> Environment:
    """This interpreter's TLS set-up; cached per process while no setting or file changes."""
    from ._stores import trust_stamp

    key = (trust_stamp(None), tuple(os.environ.get(name) for name in TLS_VARIABLES), truststore_injected())
    cached = _environment_cache.get(key)
    if cached is None:
        cached = _read_environment()
        if len(_environment_cache) > 32:
            _environment_cache.clear()
        _environment_cache[key] = cached
    return cached


def _read_environment() -> Environment:
    from . import _clients

    paths = ssl.get_default_verify_paths()
    certifi_where = _clients.certifi_where()
    certifi_version = _clients.version_of("certifi") if certifi_where else None
    variables = tuple((name, redact_url(os.environ[name])) for name in TLS_VARIABLES if name in os.environ)
    packages = tuple((name, v) for name in PACKAGES if (v := _clients.version_of(name)) is not None)
    return Environment(
        python=sys.version.split()[0],
        platform=f"{platform.system()} {platform.release()}".strip(),
        openssl=ssl.OPENSSL_VERSION,
        default_cafile=paths.cafile,
        default_capath=paths.capath,
        env_vars=variables,
        certifi_where=certifi_where,
        certifi_version=certifi_version,
        hostname_checks_common_name=False,
        openssl_compiled=_compiled_openssl(),
        security_level=_security_level(),
        path_checks=path_checks(),
        packages=packages,
        truststore_injected=truststore_injected(),
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class EnvironmentReport:
    """``sslexplain env``: the set-up, every client's trust store, and the problems found with their fixes."""

    environment: Environment
    stores: tuple[TrustStore, ...]  # one per client configuration; anchors left out
    problems: tuple[Cause, ...]
    lang: str = "en"

    @property
    def ok(self) -> bool:
        return not any(p.is_error for p in self.problems)

    def to_dict(self) -> dict[str, Any]:
        """The Environment fields at the top (as ``sslexplain env --json`` always printed), then the rest."""
        data: dict[str, Any] = to_plain(self.environment)
        data.update(
            ok=self.ok, stores=to_plain(self.stores), problems=to_plain(self.problems), lang=self.lang
        )
        return data

    def to_json(self, *, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    def __str__(self) -> str:
        return render_report(self)


def environment_report(lang: str = "en") -> EnvironmentReport:
    from . import _analyze_trust
    from ._stores import load_stores

    env = read_environment()
    stores = tuple(
        TrustStore(name=s.name, source=s.source, loaded=len(s.certs), error=s.error)
        for s in load_stores(None)
    )
    today = datetime.now(timezone.utc)
    problems = tuple(_analyze_trust.environment_problems(env, stores, lang=lang, today=today))
    return EnvironmentReport(environment=env, stores=stores, problems=problems, lang=lang)


def render_report(report: EnvironmentReport) -> str:
    """Pure: the report as text for a terminal."""
    from ._messages import text
    from ._render import clean

    env, lang = report.environment, report.lang

    def t(key: str, **params: object) -> str:
        return text(lang, key, **params)

    def row(label: str, value: object) -> str:
        return f"  {label:24} {clean(value)}"

    lines = [t("env.title"), ""]
    lines.append(row("Python", f"{env.python} ({env.platform})"))
    compiled = f" ({t('env.compiled', version=env.openssl_compiled)})" if env.openssl_compiled else ""
    lines.append(row("OpenSSL", env.openssl + compiled))
    if env.security_level is not None:
        lines.append(row(t("env.security_level"), env.security_level))
    lines.append(row(t("env.default_cafile"), env.default_cafile or "-"))
    lines.append(row(t("env.default_capath"), env.default_capath or "-"))
    lines += ["", t("env.variables") + ":"]
    lines += [row(name, value) for name, value in env.env_vars] or [f"  {t('env.none')}"]
    lines += ["", t("env.paths") + ":"]
    for setting, path, status, count in env.path_checks:
        state = t(f"env.status.{status}", count=count)
        lines.append(f"  {clean(setting):24} {clean(path)}: {state}")
    lines += ["", t("env.packages") + ":"]
    for name, version in env.packages:
        lines.append(row(name, version))
    injected = t("env.injected") if env.truststore_injected else t("env.not_injected")
    if any(name == "truststore" for name, _ in env.packages):
        lines.append(row("", injected))
    lines += ["", t("env.clients") + ":"]
    width = max((len(s.name) for s in report.stores), default=10)
    for store in report.stores:
        state = t("env.store_count", count=store.loaded) if store.error is None else clean(store.error)
        lines.append(f"  {clean(store.name):{width}}  {clean(store.source)}: {state}")
    lines.append("")
    if not report.problems:
        lines.append(t("env.no_problem"))
    else:
        lines.append(t("env.problems", count=len(report.problems)) + ":")
        for problem in report.problems:
            lines.append(f"  [{problem.severity.value}] {clean(problem.summary)}")
            lines += [f"      - {clean(e)}" for e in problem.evidence]
            for fix in problem.fixes:
                lines.append(f"      {t('env.fix')}: {clean(fix.text)}")
                if fix.command:
                    lines.append(f"        $ {clean(fix.command)}")
    return "\n".join(lines)
