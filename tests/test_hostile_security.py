"""Nothing dangerous reaches the caller: plain values only, credentials redacted, hostile text defused."""

from __future__ import annotations

import dataclasses
import datetime
import enum
import json
import socket
import ssl
from collections.abc import Callable

import pytest

import sslexplain
from sslexplain import Diagnosis
from sslexplain.lab import Lab, TLSServer, issue
from sslexplain.lab._hostile import MalformedCertServer, SlowlorisServer

PLAIN = (str, bytes, int, float, bool, type(None), datetime.datetime, enum.Enum)


def _walk(value: object, path: str = "diagnosis") -> None:
    """Every leaf is a plain value; never a context, a socket, or any other live object."""
    assert not isinstance(value, (ssl.SSLContext, ssl.SSLObject, socket.socket)), path
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            _walk(getattr(value, field.name), f"{path}.{field.name}")
    elif isinstance(value, (tuple, list)):
        for i, item in enumerate(value):
            _walk(item, f"{path}[{i}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            _walk(key, f"{path} key")
            _walk(item, f"{path}[{key!r}]")
    else:
        assert isinstance(value, PLAIN), f"{path} is a {type(value).__name__}"


@pytest.mark.parametrize(
    "name", ["healthy", "self-signed", "incomplete-chain-aia", "client-cert-required", "silent"]
)
def test_only_plain_values_reach_the_caller(lab: Lab, name: str) -> None:
    case = lab[name]
    d = sslexplain.diagnose(case.host, timeout=2, **case.diagnose_kwargs())  # type: ignore[arg-type]
    _walk(d)
    assert Diagnosis.from_json(d.to_json()).kinds == d.kinds


@pytest.mark.parametrize("server", [MalformedCertServer, SlowlorisServer])
def test_only_plain_values_after_a_hostile_peer(server: Callable[[], object], pki: object) -> None:
    with server() as running:  # type: ignore[attr-defined]
        d = sslexplain.diagnose("h.lab.test", running.port, connect_to="127.0.0.1", timeout=1.0)
    _walk(d)


def _forms(d: Diagnosis) -> list[str]:
    return [str(d), d.to_json(), d._repr_html_(), d._repr_markdown_(), str(d.in_language("ja"))]


def test_credentials_in_the_target_url_never_appear(lab: Lab) -> None:
    case = lab["expired"]
    url = f"https://alice:T4rgetS3cret@{case.host}:{case.port}/path?token=T0kenS3cret"
    d = sslexplain.diagnose(url, connect_to=case.address, ca_file=case.ca_file, timeout=2)
    for form in _forms(d):
        assert "T4rgetS3cret" not in form and "alice" not in form and "T0kenS3cret" not in form


def test_credentials_in_proxy_settings_never_appear(lab: Lab, monkeypatch: pytest.MonkeyPatch) -> None:
    case = lab["healthy"]
    monkeypatch.setenv("HTTPS_PROXY", "http://bob:Env5ecretPx@127.0.0.1:9")
    monkeypatch.setenv("NO_PROXY", "*")  # the setting is read and shown, not used
    d = sslexplain.diagnose(case.host, timeout=2, **case.diagnose_kwargs())  # type: ignore[arg-type]
    for form in _forms(d):
        assert "Env5ecretPx" not in form


def test_credentials_in_the_proxy_argument_never_appear(lab: Lab) -> None:
    case = lab["healthy"]
    d = sslexplain.diagnose(
        case.host,
        proxy="http://carol:Arg5ecretPx@127.0.0.1:9",
        timeout=2,
        **case.diagnose_kwargs(),  # type: ignore[arg-type]
    )
    for form in _forms(d):
        assert "Arg5ecretPx" not in form


HOSTILE_NAME = "<script>alert(1)</script>\x1b[2J\x1b]0;pwned\x07"


def test_hostile_certificate_fields_are_defused(pki: object, serve: Callable[..., TLSServer]) -> None:
    """A certificate's subject is attacker-controlled text: no escape sequence in text, no markup in HTML."""
    leaf = issue(HOSTILE_NAME, issuer=pki.intermediate, sans=("hostile.lab.test",), organization=HOSTILE_NAME)  # type: ignore[attr-defined]
    server = serve([leaf])  # leaf only: the incomplete chain names the certificate in its summary
    d = sslexplain.diagnose(
        "hostile.lab.test", server.port, connect_to="127.0.0.1", ca_file=pki.ca_file, timeout=2
    )  # type: ignore[attr-defined]
    assert d.primary is not None
    text = str(d) + str(d.in_language("ja")) + d._repr_markdown_()
    assert "\x1b" not in text and "\x07" not in text
    html = d._repr_html_()
    assert "<script>" not in html and "\x1b" not in html


def test_credentials_in_an_error_never_reach_log_fields() -> None:
    from sslexplain.integrations import log_fields

    message = (
        "HTTPSConnectionPool(host='example.com', port=443): Max retries exceeded with url: "
        "https://u:L0gS3cret@example.com/x?token=T0k3nS3cret (Caused by SSLError(SSLCertVerificationError("
        "1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer "
        "certificate')))"
    )
    exc = ssl.SSLCertVerificationError(1, message)
    exc.verify_code = 20
    fields = log_fields(exc)
    assert fields is not None
    shown = json.dumps(fields) + sslexplain.explain(exc, probe=False).to_json()
    assert "L0gS3cret" not in shown and "T0k3nS3cret" not in shown
