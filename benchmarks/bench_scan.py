"""``sslexplain scan`` throughput on a loopback fleet of healthy lab servers.

Run:  python benchmarks/bench_scan.py [--targets 1000] [--concurrency 16 32 64]

Goal (issue 6): at least 200 diagnoses per second on 2 cores. The lab servers run in
their own process so the scanner's figures are its own. Also measured: the same
fleet split over 2 scan processes (one per core), and the 1,000-target run's summary.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HEALTHY = ["healthy", "healthy-rsa", "healthy-wildcard", "healthy-tls12", "healthy-tls13", "healthy-ed25519"]
SERVE = f"""
import sys
sys.path.insert(0, {ROOT!r})
from sslexplain.lab import Lab
with Lab({HEALTHY!r}) as lab:
    print(lab.ca_file)
    for case in lab:
        print(f"{{case.host}}:{{case.port}} {{case.address}}")
    sys.stdout.flush()
    sys.stdin.read()
"""


def scan(files: list[str], ca_file: str, concurrency: int) -> tuple[float, list[str]]:
    env = dict(os.environ, PYTHONPATH=ROOT)
    command = [
        sys.executable,
        "-m",
        "sslexplain",
        "scan",
        "--ca-file",
        ca_file,
        "--concurrency",
        str(concurrency),
    ]
    started = time.perf_counter()
    runs = [
        subprocess.Popen([*command, f], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        for f in files
    ]
    outputs = [run.communicate() for run in runs]
    elapsed = time.perf_counter() - started
    return elapsed, [out for out, _ in outputs] + [err for _, err in outputs]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--targets", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[16, 32, 64])
    args = parser.parse_args()
    server = subprocess.Popen(
        [sys.executable, "-c", SERVE], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert server.stdout is not None
        ca_file = server.stdout.readline().strip()
        lines = [server.stdout.readline().strip() for _ in HEALTHY]
        folder = tempfile.mkdtemp()
        fleet = os.path.join(folder, "fleet.txt")
        halves = [os.path.join(folder, f"half{i}.txt") for i in range(2)]
        with open(fleet, "w") as whole, open(halves[0], "w") as first, open(halves[1], "w") as second:
            for i in range(args.targets):
                line = lines[i % len(lines)] + "\n"
                whole.write(line)
                (first if i % 2 == 0 else second).write(line)
        servers = f"{len(HEALTHY)} lab servers in another process"
        print(f"{args.targets} healthy targets ({servers}), {os.cpu_count()} cores")
        for concurrency in args.concurrency:
            elapsed, outputs = scan([fleet], ca_file, concurrency)
            records = [json.loads(x) for x in outputs[0].splitlines()]
            ok = sum(r["ok"] for r in records)
            rate = args.targets / elapsed
            print(f"1 process,  concurrency {concurrency:3}: {elapsed:6.2f} s  {rate:6.0f}/s  ({ok} ok)")
        concurrency = args.concurrency[0]
        elapsed, outputs = scan(halves, ca_file, concurrency)
        ok = sum(json.loads(x)["ok"] for out in outputs[:2] for x in out.splitlines())
        rate = args.targets / elapsed
        print(f"2 processes, concurrency {concurrency:3}: {elapsed:6.2f} s  {rate:6.0f}/s  ({ok} ok)")
        print("summary of the last single-process run (stderr):")
        _, outputs = scan([fleet], ca_file, args.concurrency[0])
        print(outputs[1].rstrip())
    finally:
        server.communicate("")


if __name__ == "__main__":
    main()
