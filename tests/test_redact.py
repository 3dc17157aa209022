"""Redacted reports: consistent placeholders, nothing identifying left, certificates as public facts."""

from __future__ import annotations

import base64
import dataclasses
import json
import re
from collections.abc import Iterator

import pytest

import sslexplain
from sslexplain import Diagnosis, Environment
from sslexplain._cli import main
from sslexplain._redact import Redactor, redact
from sslexplain.lab import Lab


@pytest.fixture(scope="module")
def aia() -> Iterator[tuple[Lab, Diagnosis]]:
    with Lab(["incomplete-chain-aia", "healthy-wildcard"]) as lab:
        case = lab["incomplete-chain-aia"]
        yield lab, sslexplain.diagnose(case.host, **case.diagnose_kwargs())  # type: ignore[arg-type]


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def test_redacted_dict_hides_hosts_and_paths(aia: tuple[Lab, Diagnosis]) -> None:
    lab, d = aia
    data = d.to_dict(redact=True)
    text = json.dumps(data, ensure_ascii=False)
    assert "lab.test" not in text and lab.ca_file not in text
    assert "lab-root.pem" in text  # the file name stays: it says which bundle
    assert data["target"]["host"] == "h1.h2.test"
    # The same host gets the same placeholder everywhere it appears.
    assert data["causes"][0]["summary"].startswith("h1.h2.test does not send")
    assert any("sslexplain h1.h2.test:" in (f["command"] or "") for f in data["causes"][0]["fixes"])
    assert data["chain"][0]["sans"] == ["h1.h2.test"]
    assert data["redacted"] and data["completed_chain_pem"] is None


def test_certificates_become_fingerprints_and_public_facts(aia: tuple[Lab, Diagnosis]) -> None:
    _, d = aia
    data = d.to_dict(redact=True)
    capture = next(h for h in data["observation"]["handshakes"] if h["chain"])
    leaf = capture["chain"][0]
    assert leaf["sha256"] == d.chain[0].sha256
    assert leaf["subject"].startswith("CN=h1.h2.test") and leaf["is_ca"] is False and leaf["key"]
    assert leaf["not_after"] == d.chain[0].not_after.isoformat()
    fetched = data["observation"]["fetches"][0]
    assert set(fetched["body"]) == {"sha256", "bytes"} and fetched["body"]["bytes"] > 0
    for value in _strings(data):  # no DER or PEM left anywhere
        assert "BEGIN CERTIFICATE" not in value
        assert not re.fullmatch(r"[A-Za-z0-9+/=]{200,}", value)
    plain = d.to_dict()
    raw = base64.b64decode(next(h for h in plain["observation"]["handshakes"] if h["chain"])["chain"][0])
    assert raw not in json.dumps(data).encode()


def test_redacted_json_and_markdown(aia: tuple[Lab, Diagnosis]) -> None:
    _, d = aia
    assert json.loads(d.to_json(redact=True))["target"]["host"] == "h1.h2.test"
    assert json.loads(d.to_json(indent=None))["target"]["host"] != "h1.h2.test"  # the old form still works
    markdown = d.to_markdown(redact=True)
    assert "lab.test" not in markdown and "h1.h2.test" in markdown and "| # |" in markdown
    assert "aia.lab.test" in d.to_markdown()


def test_redacted_diagnosis_still_renders(aia: tuple[Lab, Diagnosis]) -> None:
    _, d = aia
    r = redact(d)
    assert "lab.test" not in str(r) and "lab.test" not in r._repr_html_()
    assert r.kinds == d.kinds and r.ok == d.ok


def test_healthy_wildcard_keeps_the_relation(aia: tuple[Lab, Diagnosis]) -> None:
    lab, _ = aia
    case = lab["healthy-wildcard"]
    d = sslexplain.diagnose(case.host, **case.diagnose_kwargs())  # type: ignore[arg-type]
    data = d.to_dict(redact=True)
    host = data["target"]["host"]
    (san,) = data["chain"][0]["sans"]
    assert san.startswith("*.") and host.endswith(san[1:]) and host.count(".") == san.count(".")


def test_consistent_placeholders_for_addresses_paths_and_credentials() -> None:
    r = Redactor()
    r.learn_host("payroll.corp.example.com")
    out = r.text(
        "payroll.corp.example.com at 10.1.2.3 and 10.1.2.3, 10.9.9.9, 2001:db8:1::5; via "
        "http://alice:s3cret@proxy.corp.example.com:3128; bundle /home/alice/certs/root.pem; "
        r"C:\Users\alice\ca.pem; /etc/ssl/certs/ca-certificates.crt; "
        "/home/alice/.venv/lib/python3.11/site-packages/certifi/cacert.pem; [::1]:8443 127.0.0.1; "
        "https://api.corp.example.com/v1?token=abc 2026-11-24T08:12:39+00:00"
    )
    for secret in ("payroll", "corp", "10.1.2.3", "alice", "s3cret", "token=abc", "2001:db8:1::5"):
        assert secret not in out, secret
    assert out.count("192.0.2.1") == 2 and "192.0.2.2" in out  # same address, same placeholder
    assert "<credentials>@" in out and "<path-1>/root.pem" in out
    assert "/etc/ssl/certs/ca-certificates.crt" in out  # system paths say which store, not who
    assert "<python>/site-packages/certifi/cacert.pem" in out
    assert "[::1]:8443 127.0.0.1" in out and "2026-11-24T08:12:39+00:00" in out
    assert r.host("payroll.corp.example.com") == out.split(" ", 1)[0]


def test_environment_values_are_redacted() -> None:
    d = sslexplain.explain("certificate verify failed: unable to get local issuer certificate", probe=False)
    assert d.observation is not None
    env = Environment(env_vars=(("HTTPS_PROXY", "http://bob:pw@proxy.intra.example:3128"),))
    target = dataclasses.replace(d.target, proxy="http://carol:hunter2@proxy.intra.example:3128")
    d = dataclasses.replace(d, target=target, observation=dataclasses.replace(d.observation, environment=env))
    text = json.dumps(d.to_dict(redact=True))
    for secret in ("bob", "pw@", "carol", "hunter2", "intra"):
        assert secret not in text, secret
    assert "HTTPS_PROXY" in text and "http://<credentials>@h1.h2.example:3128" in text


def test_pasted_text_host_is_redacted() -> None:
    pasted = (
        "requests.exceptions.SSLError: HTTPSConnectionPool(host='payroll.corp.example.com', port=8443): "
        "(Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate "
        "verify failed: unable to get local issuer certificate')))"
    )
    d = sslexplain.explain(pasted, probe=False)
    for form in (d.to_json(redact=True), d.to_markdown(redact=True)):
        assert "payroll" not in form and "corp.example" not in form
        assert "sslexplain h1.h2.h3.com:8443" in form


def test_cli_redact_and_markdown(aia: tuple[Lab, Diagnosis], capsys: pytest.CaptureFixture[str]) -> None:
    lab, _ = aia
    case = lab["incomplete-chain-aia"]
    base = [f"{case.host}:{case.port}", "--connect-to", case.address, "--ca-file", case.ca_file]
    assert main([*base, "--redact", "--json"]) == 1
    out = capsys.readouterr().out
    assert json.loads(out)["target"]["host"] == "h1.h2.test" and "lab.test" not in out
    assert main([*base, "--redact", "--markdown"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("**") and "lab.test" not in out
    assert main([*base, "--redact"]) == 1
    assert "lab.test" not in capsys.readouterr().out
    assert main([*base, "--markdown"]) == 1
    assert "`incomplete_chain`" in capsys.readouterr().out
    assert main(["explain", "certificate has expired for host payroll.corp.example.com", "--redact"]) == 1
    assert "payroll" not in capsys.readouterr().out
