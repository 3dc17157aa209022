"""The command line: exit codes, --json equals diagnose(), subcommands, usage errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

import sslexplain
from sslexplain._cli import main
from sslexplain.lab import Lab


def _args(lab: Lab, name: str) -> list[str]:
    case = lab[name]
    return [
        case.host,
        "--port",
        str(case.port),
        "--connect-to",
        case.address,
        "--ca-file",
        case.ca_file,
        "--timeout",
        "5",
    ]


def test_healthy_exits_0(lab: Lab, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(_args(lab, "healthy")) == 0
    assert capsys.readouterr().out.startswith("OK")


@pytest.mark.parametrize("name", ["expired", "wrong-host", "incomplete-chain-aia", "self-signed"])
def test_json_matches_diagnose(lab: Lab, name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*_args(lab, name), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    case = lab[name]
    d = sslexplain.diagnose(case.host, timeout=5, **case.diagnose_kwargs())  # type: ignore[arg-type]
    assert [c["kind"] for c in data["causes"]] == [k.value for k in d.kinds]
    assert data["ok"] is False


def test_japanese_output(lab: Lab, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*_args(lab, "expired"), "--lang", "ja"]) == 1
    out = capsys.readouterr().out
    assert "有効期限" in out or "期限" in out


def test_write_chain(lab: Lab, tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    target = os.path.join(str(tmp_path), "fullchain.pem")
    assert main([*_args(lab, "incomplete-chain-aia"), "--write-chain", target]) == 1
    with open(target, encoding="ascii") as handle:
        assert handle.read().count("BEGIN CERTIFICATE") == 2


@pytest.mark.parametrize(
    "argv",
    [
        [""],
        ["host:0"],
        ["host:70000"],
        ["http://example.test/"],
        ["://"],
        ["a b"],
        ["--timeout", "-1", "x.test"],
        ["x.test", "--ca-file", "/nonexistent/ca.pem"],
        [],
        ["x.test", "--lang", "fr"],
    ],
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.strip()


def test_explain_subcommand_reads_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO("SSL: CERTIFICATE_VERIFY_FAILED certificate has expired"))
    assert main(["explain", "-"]) == 1
    assert "expired" in capsys.readouterr().out


def test_explain_subcommand_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "self-signed certificate", "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["causes"][0]["kind"] == "self_signed"


def test_env_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["env", "--json"]) == 0
    assert "openssl" in json.loads(capsys.readouterr().out)


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    assert "sslexplain" in capsys.readouterr().out


def test_python_dash_m_and_demo() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "sslexplain", "demo"], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "scenarios diagnosed as expected" in result.stdout


def test_write_chain_to_an_unwritable_place_is_a_clear_error(
    lab: Lab, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*_args(lab, "incomplete-chain-aia"), "--write-chain", "/nonexistent/dir/full.pem"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "nonexistent" in err


def test_write_chain_message_in_japanese(
    lab: Lab, tmp_path: object, capsys: pytest.CaptureFixture[str]
) -> None:
    target = os.path.join(str(tmp_path), "full.pem")
    assert main([*_args(lab, "incomplete-chain-aia"), "--write-chain", target, "--lang", "ja"]) == 1
    assert "書き出しました" in capsys.readouterr().err
