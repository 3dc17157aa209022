"""Shared fixtures: a clean TLS environment, the lab on loopback, and small server factories."""

from __future__ import annotations

import os
import socket
import tempfile
from collections.abc import Callable, Iterator

import pytest
from hypothesis import HealthCheck, settings

from sslexplain._environment import TLS_VARIABLES
from sslexplain.lab import Issued, Lab, TLSServer, pem_bundle, root

# Property tests check correctness, not speed: no per-example deadline (CI shares 2 cores).
settings.register_profile("sslexplain", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("sslexplain")

# Everything sslexplain reads from the environment, plus conda's settings and our language.
TLS_ENV = (*TLS_VARIABLES, "CONDARC", "CONDA_SSL_VERIFY", "SSLEXPLAIN_LANG")


@pytest.fixture(autouse=True)
def clean_tls_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test sees the developer's CA bundles, proxies or language."""
    for name in TLS_ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture(scope="session")
def lab() -> Iterator[Lab]:
    """Every lab scenario, started once for the session."""
    with Lab() as running:
        yield running


def _has_ipv6() -> bool:
    if not socket.has_ipv6:
        return False
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as sock:
            sock.bind(("::1", 0))
    except OSError:
        return False
    return True


HAS_IPV6 = _has_ipv6()


@pytest.fixture
def ipv6() -> None:
    if not HAS_IPV6:
        pytest.skip("::1 is not available on this machine")


class PKI:
    """A root and an intermediate, with the root in a CA file, for tests that build their own servers."""

    def __init__(self, folder: str) -> None:
        self.root = root("sslexplain test Root CA")
        self.intermediate = self.root.issue_ca("sslexplain test Intermediate CA")
        self.ca_file = os.path.join(folder, "root.pem")
        with open(self.ca_file, "wb") as handle:
            handle.write(pem_bundle([self.root]))

    def leaf(self, *names: str, **options: object) -> Issued:
        return self.intermediate.issue_leaf(*names, **options)


@pytest.fixture(scope="session")
def pki() -> Iterator[PKI]:
    with tempfile.TemporaryDirectory() as folder:
        yield PKI(folder)


@pytest.fixture
def serve() -> Iterator[Callable[..., TLSServer]]:
    """serve(chain, **options) starts a TLSServer that stops at the end of the test."""
    started: list[TLSServer] = []

    def start(chain: list[Issued], **options: object) -> TLSServer:
        server = TLSServer(chain, **options)  # type: ignore[arg-type]
        server.start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()
