"""Hostile TLS peers: each one gets a clear cause with evidence, and the diagnosis ends by its deadline."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable

import pytest

import sslexplain
from sslexplain import CauseKind, Diagnosis
from sslexplain.lab import PlainServer, SilentServer, TLSServer
from sslexplain.lab._hostile import (
    MalformedCertServer,
    ResetServer,
    SlowlorisServer,
    long_chain,
    many_sans_leaf,
)
from sslexplain.lab._servers import _LoopbackServer

HOST = "hostile.lab.test"
TIMEOUT = 2.0
SLACK = 2.0  # generous: a bound on hanging, not a performance assert


def _diagnose(server: _LoopbackServer, ca_file: str) -> tuple[Diagnosis, float]:
    with server:
        started = time.monotonic()
        d = sslexplain.diagnose(HOST, server.port, connect_to="127.0.0.1", ca_file=ca_file, timeout=TIMEOUT)
        return d, time.monotonic() - started


CASES: dict[str, tuple[Callable[[], _LoopbackServer], CauseKind, str]] = {
    "malformed certificate": (MalformedCertServer, CauseKind.HANDSHAKE_FAILURE, "ASN1"),
    "reset mid-handshake": (ResetServer, CauseKind.HANDSHAKE_FAILURE, "reset"),
    "slowloris": (SlowlorisServer, CauseKind.UNREACHABLE, "did not answer"),
    "accept and never answer": (SilentServer, CauseKind.UNREACHABLE, "did not answer"),
    "answers with HTTP": (PlainServer, CauseKind.HANDSHAKE_FAILURE, "WRONG_VERSION_NUMBER"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_peer_gets_a_clear_cause_in_time(name: str, pki: object) -> None:
    build, kind, evidence = CASES[name]
    d, elapsed = _diagnose(build(), pki.ca_file)  # type: ignore[attr-defined]
    assert elapsed < TIMEOUT + SLACK, f"{name} held the diagnosis for {elapsed:.1f} s"
    assert not d.ok and d.primary is not None, str(d)
    assert d.primary.kind is kind, str(d)
    assert any(evidence.lower() in line.lower() for line in d.primary.evidence), d.primary.evidence
    str(d), d.to_json(), d._repr_html_()


def test_hundred_certificate_chain_is_read_and_not_a_false_alarm(pki: object) -> None:
    chain = long_chain(pki.root, HOST, 100)  # type: ignore[attr-defined]
    d, elapsed = _diagnose(TLSServer(chain), pki.ca_file)  # type: ignore[attr-defined]
    assert elapsed < TIMEOUT + SLACK
    assert len(d.chain) == 100, str(d)
    assert d.ok and not d.errors, str(d)


def test_ten_thousand_names_is_a_handshake_failure_with_the_reason(pki: object) -> None:
    leaf = many_sans_leaf(pki.intermediate, HOST, 10_000)  # type: ignore[attr-defined]
    d, elapsed = _diagnose(TLSServer([leaf, pki.intermediate]), pki.ca_file)  # type: ignore[attr-defined]
    assert elapsed < TIMEOUT + SLACK
    assert d.primary is not None and d.primary.kind is CauseKind.HANDSHAKE_FAILURE, str(d)
    assert any("excessive message size" in e.lower() for e in d.primary.evidence), d.primary.evidence


def test_ten_thousand_names_analysed_offline(pki: object, serve: Callable[..., TLSServer]) -> None:
    """OpenSSL refuses the 200 kB certificate on the wire; a recorded one must still analyse, pure."""
    healthy = serve([pki.leaf(HOST), pki.intermediate])  # type: ignore[attr-defined]
    d = sslexplain.diagnose(HOST, healthy.port, connect_to="127.0.0.1", ca_file=pki.ca_file, timeout=TIMEOUT)  # type: ignore[attr-defined]
    assert d.ok and d.observation is not None
    leaf = many_sans_leaf(pki.intermediate, HOST, 10_000)  # type: ignore[attr-defined]
    handshakes = tuple(
        dataclasses.replace(h, chain=(leaf.der, pki.intermediate.der)) if h.chain else h  # type: ignore[attr-defined]
        for h in d.observation.handshakes
    )
    again = sslexplain.analyze(dataclasses.replace(d.observation, handshakes=handshakes))
    assert again.chain and len(again.chain[0].sans) == 10_000
    assert not again.errors, str(again)  # the name is among the 10,000: still no false alarm
