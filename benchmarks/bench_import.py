"""What ``import sslexplain`` adds to interpreter start, and which heavy modules it pulls in.

Run:  python benchmarks/bench_import.py [--runs 30]

Goal (issue 6): at most 15 ms added; cryptography, urllib3, certifi, truststore not imported.
Measures ``python -c "import sslexplain"`` against ``python -c "pass"`` (interleaved,
fresh processes, best and median), and the cumulative self-reported ``-X importtime``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(code: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    base, full = [], []
    for _ in range(args.runs):  # interleaved, so machine noise hits both equally
        base.append(run("pass"))
        full.append(run("import sslexplain"))
    for label, values in (("python -c pass", base), ("python -c 'import sslexplain'", full)):
        print(
            f"{label:30} best {min(values) * 1000:6.1f} ms  median {statistics.median(values) * 1000:6.1f} ms"
        )
    print(
        f"added by import sslexplain: best {1000 * (min(full) - min(base)):.1f} ms, "
        f"median {1000 * (statistics.median(full) - statistics.median(base)):.1f} ms"
    )
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import sslexplain"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    ).stderr
    line = next(x for x in out.splitlines() if x.rstrip().endswith("| sslexplain"))
    print("-X importtime (cumulative us):", line.split("|")[1].strip())
    heavy = ("cryptography", "urllib3", "certifi", "truststore", "requests", "ssl", "concurrent")
    loaded = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; b = set(sys.modules); import sslexplain; print(*sorted(set(sys.modules) - b))",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    ).stdout.split()
    print("heavy modules imported:", [m for m in loaded if m.split(".")[0] in heavy] or "none")


if __name__ == "__main__":
    main()
