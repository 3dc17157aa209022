"""Recorded Observations re-analysed without sockets: the analysis is pure and replayable.

Each ``tests/vectors/*.json`` holds one Observation recorded from a lab scenario, a
provenance line, and the cause kinds the analysis gave when it was recorded.
"""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any

import pytest

import sslexplain
from sslexplain._model import Observation, from_plain

VECTORS = sorted((Path(__file__).parent / "vectors").glob("*.json"))


def _load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@pytest.fixture
def no_sockets(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("analysis opened a socket")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


@pytest.mark.parametrize("path", VECTORS, ids=[p.stem for p in VECTORS])
@pytest.mark.usefixtures("no_sockets")
def test_vector(path: Path) -> None:
    data = _load(path)
    assert data["provenance"].startswith("sslexplain.lab scenario")
    observation = from_plain(Observation, data["observation"])
    for lang in ("en", "ja"):
        d = sslexplain.analyze(observation, lang=lang)
        assert d.ok == data["expected_ok"], str(d)
        assert [k.value for k in d.kinds][:1] == data["expected"][:1], str(d)
        assert {k.value for k in d.kinds if k.value in data["expected"]} == set(data["expected"])
        str(d), d.to_json(), d._repr_html_()


def test_there_are_vectors_for_every_foundation_kind() -> None:
    kinds = {k for p in VECTORS for k in _load(p)["expected"]}
    assert {
        "expired",
        "not_yet_valid",
        "hostname_mismatch",
        "self_signed",
        "untrusted_root",
        "incomplete_chain",
        "chain_order",
        "invalid_chain",
        "weak_crypto",
        "handshake_failure",
        "unreachable",
    } <= kinds
