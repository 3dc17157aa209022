"""Every example runs offline against sslexplain.lab, unedited, and prints a real diagnosis."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

# example -> (exit status, texts its output must contain)
EXPECTED: dict[str, tuple[int, tuple[str, ...]]] = {
    "requests_try_except.py": (
        0,
        (
            "caught SSLError; primary cause: expired",
            "sslexplain explains this certificate verification error",
        ),
    ),
    "httpx_sync_async.py": (0, ("sync: PROBLEM: localhost does not send the intermediate", "async: PROBLEM")),
    "aiohttp_example.py": (0, ("caught ClientConnectorCertificateError", "[error] hostname_mismatch")),
    "urllib_japanese.py": (0, ("[エラー] self_signed", "根拠", "対処")),
    "logging_setup.py": (
        0,
        (
            "ERROR billing: could not reach the payment API",
            "sslexplain: expired",
            "sslexplain probed localhost",
        ),
    ),
    "excepthook.py": (
        1,
        ("Exception in thread", "sslexplain diagnosis of the certificate verification error above"),
    ),
    "sharing.py": (0, ("`incomplete_chain`", "sslexplain h1.h2.h3.com:8443")),
}


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    env["PYTHONWARNINGS"] = "error::DeprecationWarning:sslexplain"
    return env


def test_every_example_is_checked() -> None:
    scripts = {p.name for p in EXAMPLES.glob("*.py") if not p.name.startswith("_")}
    assert scripts == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_runs(name: str) -> None:
    status, texts = EXPECTED[name]
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / name)],
        cwd=EXAMPLES,
        capture_output=True,
        text=True,
        timeout=90,
        env=_env(),
        check=False,
    )
    output = done.stdout + done.stderr
    assert done.returncode == status, output
    for text in texts:
        assert text in output, (text, output)
    if name == "excepthook.py":
        assert done.stderr.count("sslexplain diagnosis of the certificate verification error above") == 2
        assert "The certificate of localhost expired" in done.stderr
    if name == "sharing.py":
        assert "payroll" not in done.stdout and "corp.example" not in done.stdout


# Runs in a process of its own: jupyter_client leaves zmq sockets for the garbage collector to warn about.
_EXECUTE = """
import json, sys, warnings
warnings.simplefilter("ignore")
import nbclient, nbformat
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager

notebook_path, kernels, out = sys.argv[1:4]
specs = KernelSpecManager(kernel_dirs=[kernels])
manager = KernelManager(kernel_name="sslexplain-test", kernel_spec_manager=specs)
notebook = nbformat.read(notebook_path, as_version=4)
resources = {"metadata": {"path": sys.argv[4]}}
nbclient.NotebookClient(notebook, km=manager, timeout=120, resources=resources).execute()
nbformat.write(notebook, out)
"""


def test_notebook_runs_in_a_real_kernel(tmp_path: Path) -> None:
    """nbclient with a kernel running this interpreter: a kernelspec in a temporary folder, none installed."""
    nbformat = pytest.importorskip("nbformat")
    pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    spec = tmp_path / "kernels" / "sslexplain-test"
    spec.mkdir(parents=True)
    kernel = {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "sslexplain test",
        "language": "python",
        "env": {"PYTHONPATH": _env()["PYTHONPATH"], "IPYTHONDIR": str(tmp_path / "ipython")},
    }
    (spec / "kernel.json").write_text(json.dumps(kernel))
    executed = tmp_path / "executed.ipynb"
    env = {
        **_env(),
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
        "IPYTHONDIR": str(tmp_path / "ipython"),
    }
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            _EXECUTE,
            str(EXAMPLES / "notebook.ipynb"),
            str(spec.parent),
            str(executed),
            str(EXAMPLES),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    notebook = nbformat.read(executed, as_version=4)

    html = [
        output["data"]["text/html"]
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if "text/html" in output.get("data", {})
    ]
    errors = [
        o
        for cell in notebook.cells
        if cell.cell_type == "code"
        for o in cell.outputs
        if o.output_type == "error"
    ]
    assert len(html) == 3, html  # diagnose(), explain() in Japanese, the hook after the uncaught error
    assert all(h.startswith('<div class="sslexplain"') and "<script" not in h for h in html)
    assert "sslexplain-expired" in html[0] and "expired" in html[0]  # the expired leaf stands out
    assert 'lang="ja"' in html[1] and "根拠" in html[1]
    assert [e["ename"] for e in errors] == ["SSLError"]
    assert "The certificate of localhost expired" in html[2]
