"""Interception: the lab's re-signing proxy, mitmproxy's mitmdump when installed, a plain CONNECT proxy."""

from __future__ import annotations

import os
import pathlib
import re
import shutil
import socket
import ssl
import subprocess
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest

import sslexplain
from sslexplain import CauseKind, Diagnosis
from sslexplain._observe_proxy import parse_proxy, proxy_for
from sslexplain.lab import TLSServer
from sslexplain.lab._proxy import ConnectProxy, InterceptingProxy

from .conftest import PKI


@pytest.fixture
def server(pki: PKI) -> Iterator[TLSServer]:
    with TLSServer([pki.leaf("localhost"), pki.intermediate]) as running:
        yield running


def _diagnose(server: TLSServer, pki: PKI, host: str = "localhost", **options: object) -> Diagnosis:
    return sslexplain.diagnose(host, port=server.port, ca_file=pki.ca_file, timeout=6, **options)  # type: ignore[arg-type]


def test_re_signing_proxy_is_found_by_comparison(server: TLSServer, pki: PKI) -> None:
    with InterceptingProxy() as proxy:
        d = _diagnose(server, pki, proxy=proxy.url)
    assert not d.ok
    assert d.primary is not None and d.primary.kind is CauseKind.INTERCEPTION and d.primary.is_error
    text = " ".join(d.primary.evidence)
    assert "Through the proxy" in text and "Inspection CA" in text and "Directly from 127.0.0.1" in text
    assert CauseKind.UNTRUSTED_ROOT in d.kinds  # both are listed, the more specific first
    commands = " ".join(f.command or "" for f in d.primary.fixes)
    assert "truststore" in commands and "REQUESTS_CA_BUNDLE" in commands and "--proxy ''" in commands
    assert all("verify=False" not in (f.command or "") for f in d.primary.fixes)
    assert d.in_language("ja").primary is not None


def test_plain_connect_proxy_is_no_cause(server: TLSServer, pki: PKI) -> None:
    with ConnectProxy() as proxy:
        d = _diagnose(server, pki, proxy=proxy.url)
        assert set(proxy.requested) == {f"localhost:{server.port}"}  # capture and verify
    assert d.ok and d.causes == (), str(d)
    assert d.observation is not None and d.observation.proxy == proxy.url
    routes = {h.route for h in d.observation.handshakes}
    assert routes == {"proxy", "direct"}


def test_proxy_from_the_environment(server: TLSServer, pki: PKI, monkeypatch: pytest.MonkeyPatch) -> None:
    with InterceptingProxy() as proxy:
        monkeypatch.setenv("HTTPS_PROXY", proxy.url)
        d = _diagnose(server, pki)
        assert d.primary is not None and d.primary.kind is CauseKind.INTERCEPTION
        monkeypatch.setenv("NO_PROXY", "localhost")
        bypassed = _diagnose(server, pki)
    assert bypassed.ok and bypassed.observation is not None and bypassed.observation.proxy is None


def test_explicit_empty_proxy_means_none(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("https_proxy", "http://proxy.invalid:3128")
    assert proxy_for("example.com", "") is None
    assert proxy_for("example.com", None) == "http://proxy.invalid:3128"
    parsed = parse_proxy("http://user:secret@proxy.invalid:3128")
    assert parsed is not None and "secret" not in parsed.display and parsed.authorization


def test_transparent_interceptor_recognised_by_issuer(pki: PKI) -> None:
    """No proxy setting and no direct path: the issuer names the product."""
    with InterceptingProxy(ca_name="mitmproxy", organization="mitmproxy", transparent=True) as box:
        d = sslexplain.diagnose(
            "localhost", port=box.port, connect_to="127.0.0.1", ca_file=pki.ca_file, timeout=5
        )
    assert d.primary is not None and d.primary.kind is CauseKind.INTERCEPTION and d.primary.is_error
    assert "mitmproxy" in d.primary.summary and "docs.mitmproxy.org" in " ".join(d.primary.evidence)


def test_fresh_private_leaf_for_a_public_name_through_a_proxy(server: TLSServer, pki: PKI) -> None:
    """The proxy resolves the name; there is no direct path to compare with."""
    with InterceptingProxy(ca_name="Acme Secure Web Gateway") as proxy:
        d = _diagnose(server, pki, host="www.example.com", proxy=proxy.url)
    assert d.primary is not None and d.primary.kind is CauseKind.INTERCEPTION, str(d)
    assert "minted" in " ".join(d.primary.evidence)


def test_healthy_public_looking_server_is_no_interception(pki: PKI, serve: object) -> None:
    with TLSServer([pki.leaf("www.example.com"), pki.intermediate]) as direct:
        d = sslexplain.diagnose(
            "www.example.com", port=direct.port, connect_to="127.0.0.1", ca_file=pki.ca_file, timeout=5
        )
    assert d.ok and d.causes == ()


def test_explain_a_client_behind_the_proxy(server: TLSServer, pki: PKI) -> None:
    """A real failure: urllib through the intercepting proxy, then explain() of its exception."""
    with InterceptingProxy() as proxy:
        context = ssl.create_default_context(cafile=pki.ca_file)
        opener = urllib.request.build_opener(
            urllib.request.ProxyHandler({"https": proxy.url}), urllib.request.HTTPSHandler(context=context)
        )
        with pytest.raises(urllib.error.URLError) as caught:
            opener.open(f"https://localhost:{server.port}/", timeout=5)
        d = sslexplain.explain(caught.value, ca_file=pki.ca_file, proxy=proxy.url, timeout=6)
    assert d.primary is not None and d.primary.kind is CauseKind.INTERCEPTION and d.primary.is_error


# --- mitmproxy, when its mitmdump can be found ------------------------------------------


def _mitmdump() -> str | None:
    for candidate in (os.environ.get("SSLEXPLAIN_MITMDUMP"), shutil.which("mitmdump")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


@pytest.fixture
def mitmdump(pki: PKI, tmp_path: pathlib.Path) -> Iterator[str]:
    """mitmdump on 127.0.0.1 (port 0), trusting the test root upstream; yields its proxy URL."""
    program = _mitmdump()
    if program is None:
        pytest.skip("mitmdump not found (pip install mitmproxy, or set SSLEXPLAIN_MITMDUMP)")
    process = subprocess.Popen(
        [
            program,
            "--listen-host",
            "127.0.0.1",
            "--listen-port",
            "0",
            "--set",
            f"confdir={tmp_path}",
            "--set",
            f"ssl_verify_upstream_trusted_ca={pki.ca_file}",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    found: list[str] = []
    ready = threading.Event()

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            match = re.search(r"listening at (\S+):(\d+)", line)
            if match and not found:
                found.append(f"http://127.0.0.1:{match.group(2)}")
                ready.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        if not ready.wait(30):
            pytest.skip("mitmdump did not start within 30 s")
        yield found[0]
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)
        reader.join(5)
        if process.stdout is not None:
            process.stdout.close()


def test_mitmproxy_is_recognised(server: TLSServer, pki: PKI, mitmdump: str) -> None:
    d = _diagnose(server, pki, proxy=mitmdump)
    assert d.primary is not None and d.primary.kind is CauseKind.INTERCEPTION and d.primary.is_error, str(d)
    text = " ".join(d.primary.evidence)
    assert "mitmproxy" in text and "Directly from 127.0.0.1" in text


def test_a_proxy_that_is_down_is_said(server: TLSServer, pki: PKI) -> None:
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]  # nothing listens once this socket closes
    d = _diagnose(server, pki, proxy=f"http://127.0.0.1:{port}")
    assert not d.ok
    assert d.primary is not None and d.primary.kind is CauseKind.UNREACHABLE, str(d)
    assert "proxy" in d.primary.summary and "Directly" in " ".join(d.primary.evidence)


def test_a_proxy_that_refuses_connect_is_said(server: TLSServer, pki: PKI) -> None:
    from sslexplain.lab import PlainServer

    with PlainServer() as not_a_proxy:  # answers 400 to the CONNECT
        d = _diagnose(server, pki, proxy=f"http://127.0.0.1:{not_a_proxy.port}")
    assert d.primary is not None and d.primary.kind is CauseKind.UNREACHABLE, str(d)
    assert "400" in " ".join(d.primary.evidence)
    assert CauseKind.INTERCEPTION not in d.kinds


def test_a_sibling_node_with_its_own_valid_leaf_is_no_interception(pki: PKI) -> None:
    """Through the proxy one node answers, directly another, each with its own leaf from the same CA."""
    from sslexplain.lab._network_cases import SECOND_IPV4

    first = TLSServer([pki.leaf("localhost"), pki.intermediate])
    first.start()
    try:
        try:
            second = TLSServer(
                [pki.leaf("localhost"), pki.intermediate], hosts=(SECOND_IPV4,), port=first.port
            )
            second.start()
        except OSError:
            pytest.skip("127.0.0.2 is not usable here")
        try:
            with ConnectProxy() as proxy:  # tunnels to 127.0.0.1; the direct probe goes to 127.0.0.2
                d = sslexplain.diagnose(
                    "localhost",
                    port=first.port,
                    connect_to=SECOND_IPV4,
                    ca_file=pki.ca_file,
                    proxy=proxy.url,
                    timeout=5,
                )
        finally:
            second.stop()
    finally:
        first.stop()
    assert d.ok and d.causes == (), str(d)


def test_the_product_table_is_sourced_and_specific() -> None:
    from sslexplain._interception import PRODUCTS, match

    assert all(p.source and p.pattern == p.pattern.lower() and len(p.pattern) >= 6 for p in PRODUCTS)
    assert {p.category for p in PRODUCTS} == {"debugging proxy", "corporate proxy", "antivirus", "bad root"}
    assert match(["CN=mitmproxy,O=mitmproxy"]) is not None
    assert match(["CN=Zscaler Intermediate Root CA,O=Zscaler Inc."]) is not None
    assert match(["CN=eDellRoot"]) is not None
    for ordinary in (
        "CN=R11,O=Let's Encrypt,C=US",
        "CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1",
        "CN=Proxy CA",
    ):
        assert match([ordinary]) is None
