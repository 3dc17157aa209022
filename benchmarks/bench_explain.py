"""Offline ``explain(exc, probe=False)``: microseconds per call.

Run:  python benchmarks/bench_explain.py [--number 2000]

Goal (issue 6): under 50 microseconds per call. Reports the best of 5 repeats of
``number`` calls for a few shapes of caught exception and a pasted log line.
"""

from __future__ import annotations

import argparse
import os
import ssl
import sys
import timeit

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import sslexplain

MESSAGE = (
    "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate "
    "(_ssl.c:1006)"
)


def ssl_error() -> BaseException:
    exc = ssl.SSLCertVerificationError(1, MESSAGE)
    exc.verify_code = 20
    exc.verify_message = "unable to get local issuer certificate"
    return exc


def requests_like() -> BaseException:
    """requests.exceptions.SSLError wrapping urllib3's MaxRetryError wrapping ssl: recognised by name."""
    max_retry = type("MaxRetryError", (Exception,), {"__module__": "urllib3.exceptions"})(
        "HTTPSConnectionPool(host='example.com', port=443): Max retries exceeded with url: / "
        f"(Caused by SSLError(SSLCertVerificationError(1, '{MESSAGE}')))"
    )
    max_retry.__cause__ = ssl_error()
    outer = type("SSLError", (OSError,), {"__module__": "requests.exceptions"})(max_retry)
    outer.__context__ = max_retry
    return outer


CASES = {
    "ssl.SSLCertVerificationError": ssl_error,
    "requests-style SSLError chain": requests_like,
    "pasted log text (str)": lambda: "requests.exceptions.SSLError: " + MESSAGE,
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--number", type=int, default=2000)
    args = parser.parse_args()
    for name, make in CASES.items():
        error = make()
        sslexplain.explain(error, probe=False)  # warm: message catalogs, regexes
        best = min(
            timeit.repeat(lambda e=error: sslexplain.explain(e, probe=False), number=args.number, repeat=5)
        )
        d = sslexplain.explain(error, probe=False)
        print(f"{name:32} {best / args.number * 1e6:8.1f} us/call   -> {','.join(k.value for k in d.kinds)}")


if __name__ == "__main__":
    main()
