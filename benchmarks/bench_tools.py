"""Side by side, same run, same lab servers: ``openssl s_client``, sslyze's certificate scan, sslexplain.

Run:  python benchmarks/bench_tools.py [--sslyze /tmp/sslyze-venv/bin/sslyze] [--runs 3]

Each tool is run as a fresh process, as a person would (median wall time of
``runs``), and we print what each one found. sslyze lives in its own venv
(``python -m venv /tmp/sslyze-venv && /tmp/sslyze-venv/bin/pip install sslyze``).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from sslexplain.lab import Lab, Running  # noqa: E402

SCENARIOS = [
    "healthy",
    "expired",
    "wrong-host",
    "self-signed",
    "untrusted-root",
    "incomplete-chain-aia",
    "not-a-ca",
    "weak-key",
    "sha1-intermediate",
]


def timed(command: list[str], runs: int) -> tuple[float, str]:
    times, out = [], ""
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            env=dict(os.environ, PYTHONPATH=ROOT),
        )
        times.append(time.perf_counter() - started)
        out = done.stdout + done.stderr
    return statistics.median(times), out


def openssl(case: Running, runs: int) -> tuple[float, str]:
    command = ["openssl", "s_client", "-connect", f"{case.address}:{case.port}", "-servername", case.host]
    command += ["-verify_hostname", case.host, "-CAfile", case.ca_file]
    elapsed, out = timed(command, runs)
    found = re.search(r"Verify return code: (\d+) \(([^)]*)\)", out)
    return elapsed, f"{found.group(1)} {found.group(2)}" if found else out.strip().splitlines()[-1][:60]


def sslyze(binary: str, case: Running, runs: int) -> tuple[float, str]:
    command = [binary, "--certinfo", "--certinfo_ca_file", case.ca_file, "--json_out", "-"]
    command.append(f"{case.host}:{case.port}{{{case.address}}}")
    elapsed, out = timed(command, runs)
    try:
        result = json.JSONDecoder().raw_decode(out[out.index("{") :])[0]["server_scan_results"][0]
        info = result["scan_result"]["certificate_info"]
        if info["status"] != "COMPLETED":
            return elapsed, f"{info['status']}: {str(info.get('error_reason'))[:40]}"
        deployment = info["result"]["certificate_deployments"][0]
        custom = next(
            r for r in deployment["path_validation_results"] if r["trust_store"]["path"] == case.ca_file
        )
        error = (
            str(custom["validation_error"]).split(" (encountered", 1)[0].replace("validation failed: ", "")
        )
        verdict = "valid" if custom["was_validation_successful"] else f"invalid: {error}"
        notes = []
        if deployment.get("leaf_certificate_subject_matches_hostname") is False:
            notes.append("hostname mismatch")
        if deployment.get("verified_chain_has_sha1_signature"):
            notes.append("sha1")
        if deployment.get("received_chain_has_valid_order") is False:
            notes.append("bad order")
        return elapsed, "; ".join([verdict[:70], *notes])
    except (ValueError, KeyError, IndexError, StopIteration) as exc:
        return elapsed, f"(no result: {type(exc).__name__})"


def sslexplain_cli(case: Running, runs: int) -> tuple[float, str]:
    command = [sys.executable, "-m", "sslexplain", f"{case.host}:{case.port}", "--connect-to", case.address]
    command += ["--ca-file", case.ca_file, "--json", "--timeout", "10"]
    elapsed, out = timed(command, runs)
    try:
        data = json.JSONDecoder().raw_decode(out[out.index("{") :])[0]
    except ValueError:
        return elapsed, out.strip()[:60]
    kinds = [c["kind"] for c in data["causes"]]
    return elapsed, ("ok" if data["ok"] else "PROBLEM") + (": " + ", ".join(kinds) if kinds else "")


def sslexplain_library(case: Running, runs: int) -> tuple[float, str]:
    """The same diagnosis in a warm process: what an application or ``scan`` pays per target."""
    import sslexplain

    sslexplain.diagnose(case.host, timeout=10, **case.diagnose_kwargs())  # type: ignore[arg-type]
    times = []
    for _ in range(max(runs, 5)):
        started = time.perf_counter()
        d = sslexplain.diagnose(case.host, timeout=10, **case.diagnose_kwargs())  # type: ignore[arg-type]
        times.append(time.perf_counter() - started)
    kinds = ", ".join(k.value for k in d.kinds)
    return statistics.median(times), ("ok" if d.ok else "PROBLEM") + (f": {kinds}" if kinds else "")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sslyze", default=shutil.which("sslyze") or "/tmp/sslyze-venv/bin/sslyze")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    version = subprocess.run(["openssl", "version"], capture_output=True, text=True).stdout.strip()
    have_sslyze = os.path.exists(args.sslyze)
    print(f"{version}; sslyze: {args.sslyze if have_sslyze else 'not installed'}; median of {args.runs} runs")
    totals = {
        "openssl s_client": 0.0,
        "sslyze --certinfo": 0.0,
        "sslexplain": 0.0,
        "sslexplain (library)": 0.0,
    }
    with Lab(SCENARIOS) as lab:
        for name in SCENARIOS:
            case = lab[name]
            rows = [("openssl s_client", *openssl(case, args.runs))]
            if have_sslyze:
                rows.append(("sslyze --certinfo", *sslyze(args.sslyze, case, args.runs)))
            rows.append(("sslexplain", *sslexplain_cli(case, args.runs)))
            rows.append(("sslexplain (library)", *sslexplain_library(case, args.runs)))
            print(f"\n{name} (expected: {case.scenario.expected or 'no cause'})")
            for tool, elapsed, found in rows:
                totals[tool] += elapsed
                print(f"  {tool:20} {elapsed * 1000:7.0f} ms  {found}")
    base = totals["openssl s_client"]
    print("\ntotal wall time over all scenarios (ratio to openssl s_client):")
    for tool, total in totals.items():
        if total:
            print(f"  {tool:20} {total:6.2f} s  {total / base:5.1f}x")


if __name__ == "__main__":
    main()
