"""Trust stores and the Python environment, simulated for real.

Each case writes temp bundles, sets the variables in this process (for the
diagnosis) and in subprocesses (for the real clients: urllib, requests, httpx,
truststore), and checks that every client verdict matches what the client really
does, and that the fix the diagnosis suggests makes the real client succeed.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass

import certifi
import pytest

import sslexplain
from sslexplain import CauseKind, Diagnosis, Severity
from sslexplain.lab import Issued, TLSServer, pem_bundle, root

ORIGINAL_ENV = dict(os.environ)  # read at import, before the autouse fixture clears the TLS variables

# One short program per client: prints "ok" when the HTTPS GET verifies, "fail: ..." otherwise.
CLIENT_CODE = {
    "stdlib ssl": "import ssl, urllib.request as u; "
    "u.urlopen(URL, timeout=5, context=ssl.create_default_context())",
    "requests": "import requests; requests.get(URL, timeout=5)",
    "httpx": "import httpx; httpx.get(URL, timeout=5)",
    "certifi": "import ssl, certifi, urllib.request as u; "
    "u.urlopen(URL, timeout=5, context=ssl.create_default_context(cafile=certifi.where()))",
    "OS store (truststore)": "import ssl, truststore, urllib.request as u; "
    "u.urlopen(URL, timeout=5, context=truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT))",
    "ca_file": "import os, ssl, urllib.request as u; "
    "u.urlopen(URL, timeout=5, context=ssl.create_default_context(cafile=os.environ['CA_FILE']))",
    "requests+truststore": "import truststore; truststore.inject_into_ssl(); import requests; "
    "requests.get(URL, timeout=5, verify=os.environ.get('CA_FILE', True))",
}
CHECKED = ("stdlib ssl", "requests", "httpx", "certifi", "OS store (truststore)", "ca_file")


def real_client(client: str, url: str, env: dict[str, str]) -> bool:
    """Run the real client in a fresh interpreter with exactly ``env``'s TLS settings."""
    program = f"import os\nURL = {url!r}\ntry:\n    {CLIENT_CODE[client]}\n    print('ok')\n"
    program += "except Exception as exc:\n    print('fail:', type(exc).__name__, exc)\n"
    done = subprocess.run(
        [sys.executable, "-c", program], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.startswith("ok")


@dataclass
class Case:
    """A lab server whose root is in ``lab_pem`` only, plus bundles to play with."""

    server: TLSServer
    root: Issued
    folder: str
    lab_pem: str
    other_pem: str  # a valid bundle with an unrelated root

    @property
    def target(self) -> str:
        return f"127.0.0.1:{self.server.port}"

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.server.port}/"

    def file(self, name: str, data: bytes) -> str:
        path = os.path.join(self.folder, name)
        with open(path, "wb") as handle:
            handle.write(data)
        return path

    def env(self, **variables: str) -> dict[str, str]:
        """This process' environment (TLS variables already cleared) with ``variables`` set here too."""
        for name, value in variables.items():
            os.environ[name] = value
        return dict(os.environ)


@pytest.fixture
def case(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> Iterator[Case]:
    folder = str(tmp_path)
    lab_root = root("sslexplain trust-test Root CA")
    intermediate = lab_root.issue_ca("sslexplain trust-test Intermediate CA")
    leaf = intermediate.issue_leaf("127.0.0.1", "localhost")
    unrelated = root("sslexplain unrelated Root CA")
    lab_pem = os.path.join(folder, "lab-root.pem")
    other_pem = os.path.join(folder, "other-root.pem")
    with open(lab_pem, "wb") as handle:
        handle.write(pem_bundle([lab_root]))
    with open(other_pem, "wb") as handle:
        handle.write(pem_bundle([unrelated]))
    for name in ("SSL_CERT_FILE", "SSL_CERT_DIR", "REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "PIP_CERT"):
        monkeypatch.delenv(name, raising=False)  # restored after the test, whatever Case.env set
    with TLSServer([leaf, intermediate]) as server:
        yield Case(server, lab_root, folder, lab_pem, other_pem)


def check_verdicts(d: Diagnosis, case: Case, env: dict[str, str]) -> None:
    """Every client verdict agrees with what the real client does in the same environment."""
    seen = {v.client: v for v in d.clients}
    assert set(CHECKED) - {"ca_file"} <= set(seen), seen
    for client in CHECKED:
        if client not in seen:
            continue
        really = real_client(client, case.url, env)
        assert seen[client].verifies == really, (client, seen[client], really)


def apply(command: str, env: dict[str, str], cwd: str) -> dict[str, str]:
    """Apply a suggested shell command (export / unset / cat) to a copy of ``env``."""
    env = dict(env)
    words = shlex.split(command)
    if words[0] == "export":
        name, _, value = words[1].partition("=")
        env[name] = value
    elif words[0] == "unset":
        env.pop(words[1], None)
    else:
        subprocess.run(command, shell=True, cwd=cwd, check=True, env=env)
    return env


def fix_command(d: Diagnosis, prefix: str) -> str:
    assert d.primary is not None
    commands = [f.command for f in d.primary.fixes if f.command and f.command.startswith(prefix)]
    assert commands, d.primary.fixes
    return commands[0]


# --- missing_root ------------------------------------------------------------------


def test_root_in_system_store_but_not_in_certifi(case: Case) -> None:
    """requests / certifi users fail; ssl, httpx and the OS store (SSL_CERT_FILE) verify."""
    env = case.env(SSL_CERT_FILE=case.lab_pem)
    d = sslexplain.diagnose(case.target, ca_file=certifi.where(), timeout=5)
    assert not d.ok
    assert d.primary is not None and d.primary.kind is CauseKind.MISSING_ROOT, str(d)
    assert d.primary.severity is Severity.ERROR
    assert CauseKind.UNTRUSTED_ROOT not in d.kinds
    assert "certifi" in d.primary.evidence[0] and case.lab_pem in d.primary.evidence[1]
    verdicts = {v.client: v.verifies for v in d.clients}
    assert verdicts["ca_file"] is False and verdicts["requests"] is False and verdicts["certifi"] is False
    assert verdicts["stdlib ssl"] and verdicts["httpx"] and verdicts["OS store (truststore)"]
    check_verdicts(d, case, {**env, "CA_FILE": certifi.where()})
    # the fixes, applied, make the real client succeed
    fixed = apply(fix_command(d, "export REQUESTS_CA_BUNDLE="), env, case.folder)
    assert fixed["REQUESTS_CA_BUNDLE"] == case.lab_pem
    assert real_client("requests", case.url, fixed)
    assert any("truststore" in (f.command or "") for f in d.primary.fixes)
    assert any("not injected" in e for e in d.primary.evidence)
    assert real_client("requests+truststore", case.url, env)


def test_root_only_in_requests_bundle_stdlib_lacks_it(case: Case) -> None:
    """The reverse: requests (REQUESTS_CA_BUNDLE) verifies, Python's default context does not."""
    env = case.env(SSL_CERT_FILE=case.other_pem, REQUESTS_CA_BUNDLE=case.lab_pem)
    d = sslexplain.diagnose(case.target, timeout=5)
    assert d.primary is not None and d.primary.kind is CauseKind.MISSING_ROOT, str(d)
    assert "stdlib ssl" in d.primary.summary and "requests" in d.primary.summary
    check_verdicts(d, case, env)
    fixed = apply(fix_command(d, "export SSL_CERT_FILE="), env, case.folder)
    assert real_client("stdlib ssl", case.url, fixed)


def test_no_store_has_the_root_is_untrusted_root(case: Case) -> None:
    env = case.env(SSL_CERT_FILE=case.other_pem)
    d = sslexplain.diagnose(case.target, timeout=5)
    assert d.primary is not None and d.primary.kind is CauseKind.UNTRUSTED_ROOT, str(d)
    assert CauseKind.MISSING_ROOT not in d.kinds and CauseKind.PYTHON_ENVIRONMENT not in d.kinds
    assert not any(v.verifies for v in d.clients)
    check_verdicts(d, case, env)


# --- python_environment --------------------------------------------------------------


@pytest.mark.parametrize(("status", "data"), [("missing", None), ("empty", b""), ("not_pem", b"hello\n")])
def test_ssl_cert_file_unusable(case: Case, status: str, data: bytes | None) -> None:
    path = os.path.join(case.folder, "missing.pem") if data is None else case.file(f"{status}.pem", data)
    env = case.env(SSL_CERT_FILE=path, REQUESTS_CA_BUNDLE=case.lab_pem)
    d = sslexplain.diagnose(case.target, timeout=5)
    assert d.primary is not None and d.primary.kind is CauseKind.PYTHON_ENVIRONMENT, str(d)
    assert d.primary.severity is Severity.ERROR
    assert "SSL_CERT_FILE" in d.primary.summary and path in d.primary.summary
    assert CauseKind.MISSING_ROOT not in d.kinds and CauseKind.UNTRUSTED_ROOT not in d.kinds
    httpx = next(v for v in d.clients if v.client == "httpx")
    assert not httpx.verifies and "SSL_CERT_FILE" in httpx.detail  # httpx loads it explicitly and raises
    check_verdicts(d, case, env)
    fixed = apply(fix_command(d, "export SSL_CERT_FILE="), env, case.folder)
    assert real_client("stdlib ssl", case.url, fixed)
    assert real_client("httpx", case.url, fixed)
    ja = d.in_language("ja")
    assert ja.primary is not None and ja.primary.kind is CauseKind.PYTHON_ENVIRONMENT
    assert "SSL_CERT_FILE" in ja.primary.summary and ja.primary.summary != d.primary.summary


def test_bundle_with_only_a_private_root(case: Case) -> None:
    """A ca_file holding only a company root breaks public sites; combining it with the public roots works."""
    corporate = case.file("corporate.pem", pem_bundle([root("Example Corp Internal Root CA")]))
    env = case.env(SSL_CERT_FILE=case.lab_pem)  # the "public" root is in the system store
    d = sslexplain.diagnose(case.target, ca_file=corporate, timeout=5)
    assert d.primary is not None and d.primary.kind is CauseKind.PYTHON_ENVIRONMENT, str(d)
    assert "1" in d.primary.summary and corporate in d.primary.summary
    check_verdicts(d, case, {**env, "CA_FILE": corporate})
    command = fix_command(d, "cat ")
    apply(command, env, case.folder)
    combined = os.path.join(case.folder, "combined.pem")
    assert real_client("requests", case.url, {**env, "REQUESTS_CA_BUNDLE": combined})
    assert real_client("ca_file", case.url, {**env, "CA_FILE": combined})


def test_requests_ca_bundle_missing(case: Case) -> None:
    """The client under diagnosis verifies: no cause, but the requests verdict and `sslexplain env` say it."""
    missing = os.path.join(case.folder, "nowhere.pem")
    env = case.env(SSL_CERT_FILE=case.lab_pem, REQUESTS_CA_BUNDLE=missing)
    d = sslexplain.diagnose(case.target, timeout=5)
    assert d.ok and d.causes == (), str(d)
    requests_verdict = next(v for v in d.clients if v.client == "requests")
    assert not requests_verdict.verifies and "REQUESTS_CA_BUNDLE" in requests_verdict.detail
    check_verdicts(d, case, env)
    report = env_report(env)
    problem = next(p for p in report["problems"] if "REQUESTS_CA_BUNDLE" in p["summary"])
    assert problem["severity"] == "error" and problem["kind"] == "python_environment"
    assert any("requests" in e for e in problem["evidence"])
    command = next(f["command"] for f in problem["fixes"] if f["command"].startswith("export"))
    assert real_client("requests", case.url, apply(command, env, case.folder))
    assert real_client("requests", case.url, apply("unset REQUESTS_CA_BUNDLE", env, case.folder)) is False


# --- no false alarms ----------------------------------------------------------------


def test_healthy_with_root_in_the_environment_has_no_cause(case: Case) -> None:
    env = case.env(SSL_CERT_FILE=case.lab_pem, REQUESTS_CA_BUNDLE=case.lab_pem)
    d = sslexplain.diagnose(case.target, timeout=5)
    assert d.ok and d.causes == (), str(d)
    check_verdicts(d, case, env)


def test_normal_environment_of_this_machine_has_no_cause(case: Case) -> None:
    """This machine's own variables: `sslexplain env` finds nothing, a healthy server gives no cause."""
    for name in ("SSL_CERT_FILE", "SSL_CERT_DIR", "REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "PIP_CERT"):
        if name in ORIGINAL_ENV:
            os.environ[name] = ORIGINAL_ENV[name]
    report = env_report(ORIGINAL_ENV)
    assert report["problems"] == [], report["problems"]
    d = sslexplain.diagnose(case.target, ca_file=case.lab_pem, timeout=5)
    assert d.ok and d.causes == (), str(d)
    done = subprocess.run(
        [sys.executable, "-m", "sslexplain", "env"],
        env=_with_path(ORIGINAL_ENV),
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No problem found." in done.stdout


def env_report(env: dict[str, str]) -> dict[str, object]:
    import json

    done = subprocess.run(
        [sys.executable, "-m", "sslexplain", "env", "--json"],
        env=_with_path(env),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def _with_path(env: dict[str, str]) -> dict[str, str]:
    root_dir = os.path.dirname(os.path.dirname(os.path.abspath(sslexplain.__file__)))
    return {**env, "PYTHONPATH": root_dir + os.pathsep + env.get("PYTHONPATH", "")}


def test_untrusted_root_says_it_looks_private(case: Case) -> None:
    case.env(SSL_CERT_FILE=case.other_pem)
    d = sslexplain.diagnose(case.target, timeout=5)
    assert d.primary is not None and d.primary.kind is CauseKind.UNTRUSTED_ROOT
    assert any("private or company CA" in e for e in d.primary.evidence), d.primary.evidence


def test_removed_root_is_the_servers_to_fix(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    """An old system bundle still trusts a root Mozilla removed: say so, and fix the server first."""
    removed = root("TrustCor RootCert CA-1")
    intermediate = removed.issue_ca("TrustCor Test Intermediate")
    leaf = intermediate.issue_leaf("127.0.0.1")
    old_system = os.path.join(str(tmp_path), "old-system.pem")
    with open(old_system, "wb") as handle:
        handle.write(pem_bundle([removed]))
    monkeypatch.setenv("SSL_CERT_FILE", old_system)
    with TLSServer([leaf, intermediate]) as server:
        d = sslexplain.diagnose(f"127.0.0.1:{server.port}", ca_file=certifi.where(), timeout=5)
    assert d.primary is not None and d.primary.kind is CauseKind.MISSING_ROOT, str(d)
    assert any("certifi 2022.12.07" in e for e in d.primary.evidence)
    assert d.primary.fixes[0].audience.value == "server"


def test_observation_round_trip_keeps_the_verdicts(case: Case) -> None:
    case.env(SSL_CERT_FILE=case.lab_pem)
    d = sslexplain.diagnose(case.target, ca_file=certifi.where(), timeout=5)
    again = Diagnosis.from_json(d.to_json())
    assert again.observation is not None
    reanalysed = sslexplain.analyze(again.observation)
    assert reanalysed.clients == d.clients
    assert reanalysed.kinds == d.kinds
    env = reanalysed.observation.environment if reanalysed.observation else None
    assert env is not None and env.path_checks and env.packages


def _strict_handshake(port: int, ca_file: str, strict: bool) -> tuple[int | None, str | None]:
    """A real verifying handshake with Python 3.13's default flag (VERIFY_X509_STRICT) on or off."""
    import socket
    import ssl

    ctx = ssl.create_default_context(cafile=ca_file)
    if strict:
        ctx.verify_flags |= ssl.VERIFY_X509_STRICT
    else:
        ctx.verify_flags &= ~ssl.VERIFY_X509_STRICT
    try:
        with (
            socket.create_connection(("127.0.0.1", port), timeout=5) as sock,
            ctx.wrap_socket(sock, server_hostname="127.0.0.1"),
        ):
            return None, None
    except ssl.SSLCertVerificationError as exc:
        return exc.verify_code, exc.verify_message


def test_strict_mode_names_the_ca_defect(tmp_path: object) -> None:
    """A CA whose Basic Constraints is not critical: fine before 3.13, rejected by VERIFY_X509_STRICT."""
    import dataclasses

    lab_root = root("sslexplain strict Root CA")
    careless = lab_root.issue_ca("Careless Corp Proxy CA", basic_constraints_critical=False)
    leaf = careless.issue_leaf("127.0.0.1")
    ca_file = os.path.join(str(tmp_path), "root.pem")
    with open(ca_file, "wb") as handle:
        handle.write(pem_bundle([lab_root]))
    with TLSServer([leaf, careless]) as server:
        d = sslexplain.diagnose(f"127.0.0.1:{server.port}", ca_file=ca_file, timeout=5)
        code, message = _strict_handshake(server.port, ca_file, strict=True)
        relaxed = _strict_handshake(server.port, ca_file, strict=False)  # the suggested narrow fix
    if sys.version_info < (3, 13):
        assert d.ok and d.causes == (), str(d)  # this Python does not check: no false alarm
    assert code == 89 and relaxed == (None, None)
    # what Python 3.13 measures, re-analysed: the strict rule names the defect and the narrow fix
    obs = d.observation
    assert obs is not None
    handshakes = tuple(
        dataclasses.replace(
            h,
            ok=False,
            error_kind="verify",
            verify_code=code,
            verify_message=message,
            error_type="SSLCertVerificationError",
        )
        if h.purpose == "verify"
        else h
        for h in obs.handshakes
    )
    strict = sslexplain.analyze(dataclasses.replace(obs, handshakes=handshakes))
    assert strict.primary is not None and strict.primary.kind is CauseKind.INVALID_CHAIN, str(strict)
    assert "VERIFY_X509_STRICT" in strict.primary.summary
    assert any(
        "Basic Constraints is not marked critical" in e and "Careless Corp" in e
        for e in strict.primary.evidence
    )
    assert strict.primary.certificate == 1
    assert any("VERIFY_X509_STRICT" in (f.command or "") for f in strict.primary.fixes)
    assert not any(
        "CERT_NONE" in (f.command or "") or "verify=False" in (f.command or "") for f in strict.primary.fixes
    )
