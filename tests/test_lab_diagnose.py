"""Every lab scenario through diagnose(): the expected cause first, with evidence and fixes."""

from __future__ import annotations

import json

import pytest

import sslexplain
from sslexplain import CauseKind, Severity
from sslexplain.lab import SCENARIOS, Lab

HEALTHY = [s.name for s in SCENARIOS if not s.expected]
BROKEN = [s.name for s in SCENARIOS if s.expected]


@pytest.mark.parametrize("name", HEALTHY)
def test_healthy_server_has_no_cause(lab: Lab, name: str) -> None:
    case = lab[name]
    d = sslexplain.diagnose(case.host, timeout=5, **case.diagnose_kwargs())  # type: ignore[arg-type]
    assert d.ok, str(d)
    assert d.causes == ()
    assert d.primary is None
    assert d.chain, "the served chain is shown even when all is well"


@pytest.mark.parametrize("name", BROKEN)
def test_broken_server_gets_its_cause(lab: Lab, name: str) -> None:
    case = lab[name]
    d = sslexplain.diagnose(case.host, timeout=3, **case.diagnose_kwargs())  # type: ignore[arg-type]
    assert d.primary is not None, str(d)
    assert d.primary.kind == CauseKind(case.scenario.expected), str(d)
    if case.scenario.expected == "chain_order":
        assert d.ok and d.primary.severity is Severity.WARNING
    else:
        assert not d.ok and d.primary.severity is Severity.ERROR
    for cause in d.causes:
        assert cause.evidence, cause
        assert cause.fixes, cause
        assert cause.summary and cause.explanation
        assert cause.root_cause == cause.kind.root_cause
        for fix in cause.fixes:
            # never a fix that weakens security: the only mention of verify=False says not to
            if "verify=False" in fix.text:
                assert fix.text.startswith("Do not"), fix.text


@pytest.mark.parametrize("name", ["expired", "incomplete-chain-aia", "wrong-host", "self-signed", "healthy"])
def test_japanese_rendering(lab: Lab, name: str) -> None:
    case = lab[name]
    d = sslexplain.diagnose(case.host, timeout=3, lang="ja", **case.diagnose_kwargs())  # type: ignore[arg-type]
    text = str(d)
    assert any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in text), text
    english = d.in_language("en")
    assert english.kinds == d.kinds
    assert english.lang == "en"


def test_expired_names_the_certificate(lab: Lab) -> None:
    case = lab["expired-intermediate"]
    d = sslexplain.diagnose(case.host, timeout=3, **case.diagnose_kwargs())  # type: ignore[arg-type]
    assert d.primary is not None and d.primary.kind is CauseKind.EXPIRED
    assert "Old Intermediate" in d.primary.summary
    assert d.primary.certificate == 1


def test_incomplete_chain_with_aia_offers_the_completed_chain(lab: Lab, tmp_path: object) -> None:
    from pathlib import Path

    case = lab["incomplete-chain-aia"]
    d = sslexplain.diagnose(case.host, timeout=3, **case.diagnose_kwargs())  # type: ignore[arg-type]
    assert d.completed_chain_pem is not None and d.completed_chain_pem.count("BEGIN CERTIFICATE") == 2
    assert any("AIA" in e for e in d.primary.evidence)  # type: ignore[union-attr]
    out = Path(str(tmp_path)) / "fullchain.pem"
    d.write_chain(str(out))
    # the written chain really completes it: serve it and verify with the lab root
    from cryptography import x509

    certs = x509.load_pem_x509_certificates(out.read_bytes())
    assert certs[0].subject.rfc4514_string().startswith("CN=aia.lab.test")


def test_incomplete_chain_without_aia_has_no_completed_chain(lab: Lab) -> None:
    case = lab["incomplete-chain"]
    d = sslexplain.diagnose(case.host, timeout=3, **case.diagnose_kwargs())  # type: ignore[arg-type]
    assert d.completed_chain_pem is None
    with pytest.raises(ValueError):
        d.write_chain("/nonexistent/never-written.pem")


def test_json_round_trip_reanalyses_to_the_same_causes(lab: Lab) -> None:
    case = lab["wrong-host"]
    d = sslexplain.diagnose(case.host, timeout=3, **case.diagnose_kwargs())  # type: ignore[arg-type]
    data = json.loads(d.to_json())
    assert data["causes"][0]["kind"] == "hostname_mismatch"
    again = sslexplain.Diagnosis.from_json(d.to_json())
    assert again == d
    assert again.observation is not None
    reanalysed = sslexplain.analyze(again.observation)
    assert reanalysed.kinds == d.kinds


def test_notebook_and_markdown_forms(lab: Lab) -> None:
    case = lab["expired"]
    d = sslexplain.diagnose(case.host, timeout=3, **case.diagnose_kwargs())  # type: ignore[arg-type]
    html = d._repr_html_()
    assert "expired" in html and "<script" not in html
    assert "expired" in d._repr_markdown_()
