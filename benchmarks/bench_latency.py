"""diagnose() against one bare verified handshake, through a relay that adds a WAN-like delay.

Run:  python benchmarks/bench_latency.py [--delay 0.025] [--runs 15]

Goal (issue 6): with no fetch needed, diagnose() of a broken host takes at most 2x
one bare verified handshake; at most 3x when AIA must be fetched. Every byte,
including the AIA fetch, goes through a relay adding ``delay`` seconds each way.
"""

from __future__ import annotations

import argparse
import os
import socket
import ssl
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from relay import DelayRelay

import sslexplain
from sslexplain.lab import HTTPServer, TLSServer, pem_bundle, root

HOST = "bench.lab.test"


def bare_handshake(port: int, ca_file: str) -> float:
    """What a client pays to learn that a server does not verify: TCP connect + verifying TLS handshake."""
    ctx = ssl.create_default_context(cafile=ca_file)
    started = time.perf_counter()
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        try:
            with ctx.wrap_socket(sock, server_hostname=HOST):
                pass
        except ssl.SSLCertVerificationError:
            pass
    return time.perf_counter() - started


def timed_diagnose(port: int, ca_file: str, network: bool = True) -> tuple[float, sslexplain.Diagnosis]:
    started = time.perf_counter()
    d = sslexplain.diagnose(HOST, port, connect_to="127.0.0.1", ca_file=ca_file, timeout=10, network=network)
    return time.perf_counter() - started, d


def median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--delay", type=float, default=0.025, help="seconds added each way (default 0.025)")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    ca = root("bench Root CA")
    inter = ca.issue_ca("bench Intermediate CA")
    folder = tempfile.mkdtemp()
    ca_file = os.path.join(folder, "root.pem")
    with open(ca_file, "wb") as handle:
        handle.write(pem_bundle([ca]))
    import datetime as dt

    past = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=90)
    with HTTPServer() as aia, DelayRelay(("127.0.0.1", aia.port), args.delay) as aia_relay:
        aia.routes["/ca.der"] = ("application/pkix-cert", inter.der)
        aia_url = f"http://127.0.0.1:{aia_relay.port}/ca.der"
        servers = {
            "healthy": TLSServer([inter.issue_leaf(HOST), inter]),
            "expired": TLSServer([inter.issue_leaf(HOST, not_before=past, days=30), inter]),
            "incomplete-chain-aia": TLSServer([inter.issue_leaf(HOST, aia_issuers=[aia_url])]),
        }
        for server in servers.values():
            server.start()
        relays = {
            name: DelayRelay(("127.0.0.1", s.port), args.delay).__enter__() for name, s in servers.items()
        }
        try:
            print(
                f"delay {args.delay * 1000:.0f} ms each way (RTT {2 * args.delay * 1000:.0f} ms), "
                f"median of {args.runs} runs, Python {sys.version.split()[0]}, {ssl.OPENSSL_VERSION}"
            )
            print(f"{'case':34} {'median ms':>10} {'x bare':>8}  found")
            for name, relay in relays.items():
                bare = [bare_handshake(relay.port, ca_file) for _ in range(args.runs)]
                timed_diagnose(relay.port, ca_file)  # warm: trust stores, imports
                rows = [("bare verified handshake", median_ms(bare), "")]
                for network in (True, False):
                    runs = [timed_diagnose(relay.port, ca_file, network) for _ in range(args.runs)]
                    d = runs[-1][1]
                    found = ",".join(k.value for k in d.kinds) or "ok"
                    fetches = len(d.observation.fetches) if d.observation else 0
                    label = "diagnose()" + ("" if network else " network=False")
                    rows.append((label, median_ms([t for t, _ in runs]), f"{found} ({fetches} fetch)"))
                base = rows[0][1]
                for label, value, found in rows:
                    print(f"{name + ': ' + label:34} {value:10.1f} {value / base:8.2f}  {found}")
        finally:
            for relay in relays.values():
                relay.stop()
            for server in servers.values():
                server.stop()


if __name__ == "__main__":
    main()
