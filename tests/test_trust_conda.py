"""conda's ssl_verify (CONDARC, .condarc files, CONDA_SSL_VERIFY) is read and judged like any client."""

from __future__ import annotations

from pathlib import Path

import pytest

import sslexplain
from sslexplain._clients import CONDA, conda_ssl_verify
from sslexplain.lab import Lab


@pytest.fixture
def condarc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / ".condarc"
    monkeypatch.setenv("CONDARC", str(path))
    monkeypatch.setenv("HOME", str(tmp_path))  # no real ~/.condarc
    monkeypatch.delenv("CONDA_SSL_VERIFY", raising=False)
    return path


def _conda_row(d: sslexplain.Diagnosis) -> sslexplain.ClientVerdict:
    return next(c for c in d.clients if c.client == CONDA)


def test_conda_bundle_with_the_root_verifies(lab: Lab, condarc: Path) -> None:
    case = lab["healthy"]
    condarc.write_text(f"channels:\n  - defaults\nssl_verify: {case.ca_file}  # company bundle\n")
    assert conda_ssl_verify() == (case.ca_file, f"conda config {condarc}")
    d = sslexplain.diagnose(case.host, timeout=5, **case.diagnose_kwargs())  # type: ignore[arg-type]
    assert d.ok and d.causes == ()
    assert _conda_row(d).verifies


def test_conda_bundle_missing_is_reported(lab: Lab, condarc: Path, tmp_path: Path) -> None:
    case = lab["healthy"]
    condarc.write_text(f"ssl_verify: '{tmp_path / 'gone.pem'}'\n")
    d = sslexplain.diagnose(case.host, timeout=5, **case.diagnose_kwargs())  # type: ignore[arg-type]
    row = _conda_row(d)
    assert not row.verifies and row.detail
    report = sslexplain.environment()
    assert "gone.pem" in str(report)


@pytest.mark.parametrize("value", ["true", "false", ""])
def test_conda_defaults_add_no_row(lab: Lab, condarc: Path, value: str) -> None:
    condarc.write_text(f"ssl_verify: {value}\n")
    case = lab["healthy"]
    d = sslexplain.diagnose(case.host, timeout=5, **case.diagnose_kwargs())  # type: ignore[arg-type]
    assert all(c.client != CONDA for c in d.clients)


def test_conda_environment_variable_wins(condarc: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    condarc.write_text("ssl_verify: /from/file.pem\n")
    monkeypatch.setenv("CONDA_SSL_VERIFY", "/from/env.pem")
    assert conda_ssl_verify() == ("/from/env.pem", "CONDA_SSL_VERIFY")
