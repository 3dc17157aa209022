"""`sslexplain env` / sslexplain.environment(), the store loader, and the pure environment checks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import datetime, timezone

import pytest

import sslexplain
from sslexplain import CauseKind, Environment, Severity, TrustStore
from sslexplain._analyze_trust import environment_problems
from sslexplain._clients import pip_cert, pip_uses_truststore
from sslexplain._removed_roots import removed_root
from sslexplain._stores import load_stores, path_status, read_bundle_file
from sslexplain.lab import pem_bundle, root

NOW = datetime(2026, 6, 1, tzinfo=timezone.utc)


def test_environment_report_is_complete() -> None:
    report = sslexplain.environment(lang="en")
    env = report.environment
    assert env.python and env.openssl.startswith(("OpenSSL", "LibreSSL"))
    assert env.security_level is not None
    names = {name for name, _ in env.packages}
    assert {"certifi", "truststore", "urllib3"} <= names
    assert env.certifi_where and env.certifi_version
    clients = [s.name for s in report.stores]
    assert clients[0] == "stdlib ssl"
    assert {"requests", "httpx", "certifi", "OS store (truststore)"} <= set(clients)
    data = json.loads(report.to_json())
    assert data["python"] == env.python
    text = str(report)
    assert "OpenSSL" in text and "certifi" in text


def test_cli_env_json_and_japanese(tmp_path: object) -> None:
    from sslexplain._cli import main

    assert main(["env", "--lang", "ja"]) in (0, 1)
    done = subprocess.run(
        [sys.executable, "-m", "sslexplain", "env", "--lang", "ja"],
        env=_env_with_path(
            {"SSL_CERT_FILE": "/nonexistent/bundle.pem", "REQUESTS_CA_BUNDLE": "/nonexistent/r.pem"}
        ),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1, done.stdout + done.stderr  # REQUESTS_CA_BUNDLE breaks requests everywhere
    assert "存在しません" in done.stdout and "REQUESTS_CA_BUNDLE" in done.stdout
    done = subprocess.run(
        [sys.executable, "-m", "sslexplain", "env", "--json"],
        env=_env_with_path({"HTTPS_PROXY": "http://user:secret@proxy.invalid:3128"}),
        capture_output=True,
        text=True,
        timeout=60,
    )
    data = json.loads(done.stdout)
    assert ["HTTPS_PROXY", "http://***@proxy.invalid:3128"] in data["env_vars"]
    assert "secret" not in done.stdout


def test_stores_are_loaded_once(tmp_path: object) -> None:
    bundle = os.path.join(str(tmp_path), "b.pem")
    with open(bundle, "wb") as handle:
        handle.write(pem_bundle([root("cache test root")]))
    first = read_bundle_file(bundle)
    assert read_bundle_file(bundle) is first  # cached
    os.utime(bundle, (time.time() + 5, time.time() + 5))
    with open(bundle, "ab") as handle:
        handle.write(pem_bundle([root("cache test root 2")]))
    assert len(read_bundle_file(bundle)) == 2  # changed on disk: read again
    first_stores = load_stores(None)
    stores = load_stores(None)
    assert all(a is b for a, b in zip(first_stores, stores, strict=True))  # loaded once, then reused
    assert [s.name for s in stores][:1] == ["stdlib ssl"]


def test_path_status(tmp_path: object) -> None:
    folder = str(tmp_path)
    empty, junk = os.path.join(folder, "empty.pem"), os.path.join(folder, "junk.pem")
    open(empty, "wb").close()
    with open(junk, "wb") as handle:
        handle.write(b"not a certificate\n")
    assert path_status(os.path.join(folder, "nope.pem")) == ("missing", 0)
    assert path_status(empty) == ("empty", 0)
    assert path_status(junk) == ("not_pem", 0)
    assert path_status(folder) == ("no_certs", 0)


def test_pip_cert_matches_pip(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    """Our reading of pip's `cert` setting agrees with `pip config list`."""
    conf = os.path.join(str(tmp_path), "pip.conf")
    bundle = os.path.join(str(tmp_path), "corp.pem")
    with open(conf, "w", encoding="utf-8") as handle:
        handle.write(f"[global]\ncert = {bundle}\n")
    monkeypatch.setenv("PIP_CONFIG_FILE", conf)
    assert pip_cert() == (bundle, f"pip config {conf}")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "config", "list"],
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert f"global.cert='{bundle}'" in done.stdout, done.stdout
    monkeypatch.setenv("PIP_CERT", "/elsewhere.pem")
    assert pip_cert() == ("/elsewhere.pem", "PIP_CERT")
    pip_row = next(s for s in load_stores(None) if s.name == "pip")
    assert pip_row.error is not None and "PIP_CERT" in pip_row.error


def test_pip_truststore_default() -> None:
    assert not pip_uses_truststore("23.2.1")
    assert pip_uses_truststore("24.2") == (sys.version_info >= (3, 10))
    assert pip_uses_truststore("25.0.1") == (sys.version_info >= (3, 10))


# --- pure checks of environment_problems -----------------------------------------------


def _env(**fields: object) -> Environment:
    base: dict[str, object] = {
        "python": "3.12.4",
        "platform": "Linux 6.1",
        "openssl": "OpenSSL 3.0.13 30 Jan 2024",
        "certifi_where": "/site/certifi/cacert.pem",
        "certifi_version": "2026.05.20",
    }
    base.update(fields)
    return Environment(**base)  # type: ignore[arg-type]


GOOD_STORES = (
    TrustStore(name="stdlib ssl", source="/etc/ssl/certs/ca-certificates.crt", loaded=140),
    TrustStore(name="OS store (truststore)", source="/etc/ssl/certs/ca-certificates.crt", loaded=140),
)


def test_healthy_environment_has_no_problem() -> None:
    checks = (("REQUESTS_CA_BUNDLE", "/etc/ssl/certs/ca-certificates.crt", "ok", 140),)
    assert environment_problems(_env(path_checks=checks), GOOD_STORES, lang="en", today=NOW) == []


def test_empty_default_store_macos_fix() -> None:
    stores = (TrustStore(name="stdlib ssl", source="-", loaded=0, error="no CA certificates"),)
    env = _env(platform="Darwin 23.1", python="3.12.4")
    [problem] = environment_problems(env, stores, lang="en", today=NOW)
    assert problem.kind is CauseKind.PYTHON_ENVIRONMENT and problem.severity is Severity.ERROR
    assert problem.fixes[0].command == '"/Applications/Python 3.12/Install Certificates.command"'
    [linux] = environment_problems(_env(), stores, lang="ja", today=NOW)
    assert "update-ca-certificates" in (linux.fixes[0].command or "")
    assert "空" in linux.summary


def test_old_certifi_old_openssl_and_tiny_bundle() -> None:
    checks = (("SSL_CERT_FILE", "/corp/root.pem", "ok", 1),)
    env = _env(certifi_version="2020.12.5", openssl="OpenSSL 1.0.2k-fips  26 Jan 2017", path_checks=checks)
    problems = environment_problems(env, GOOD_STORES, lang="en", today=NOW)
    summaries = " | ".join(p.summary for p in problems)
    assert (
        "certifi 2020.12.5" in summaries and "OpenSSL 1.0.2k" in summaries and "/corp/root.pem" in summaries
    )
    assert all(p.severity is Severity.WARNING for p in problems)
    tiny = next(p for p in problems if "/corp/root.pem" in p.summary)
    assert tiny.fixes[0].command == "cat /etc/ssl/certs/ca-certificates.crt /corp/root.pem > combined.pem"


def test_removed_roots_table() -> None:
    entry = removed_root("CN=TrustCor RootCert CA-1,O=TrustCor Systems S. de R.L.")
    assert entry is not None and entry.key == "trustcor" and entry.source.startswith("https://")
    assert removed_root("CN=DST Root CA X3,O=Digital Signature Trust Co.") is not None
    assert removed_root("CN=ISRG Root X1,O=Internet Security Research Group") is None


def _env_with_path(extra: dict[str, str]) -> dict[str, str]:
    root_dir = os.path.dirname(os.path.dirname(os.path.abspath(sslexplain.__file__)))
    env = {k: v for k, v in os.environ.items()}
    env.update(extra)
    env["PYTHONPATH"] = root_dir + os.pathsep + env.get("PYTHONPATH", "")
    return env
