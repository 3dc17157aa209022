"""For the examples: a broken HTTPS server on localhost, made offline with sslexplain.lab.

``broken_server("expired")`` yields the URL to fetch and the CA bundle a correctly
configured client trusts, so the only thing wrong is the defect you asked for.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import socket
import tempfile
from collections.abc import Iterator

from sslexplain.lab import TLSServer, issue, pem_bundle, root


def _hosts() -> tuple[str, ...]:
    """localhost resolves to 127.0.0.1 and often ::1: listen on both when this machine has IPv6."""
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as sock:
            sock.bind(("::1", 0))
    except OSError:
        return ("127.0.0.1",)
    return ("127.0.0.1", "::1")


@contextlib.contextmanager
def broken_server(defect: str = "expired") -> Iterator[tuple[str, str]]:
    """Yields ``(url, ca_file)`` for a server on localhost whose certificate has ``defect``."""
    ca = root("Example Root CA")
    intermediate = ca.issue_ca("Example Intermediate CA")
    now = dt.datetime.now(dt.timezone.utc)
    chains = {
        "expired": lambda: [
            intermediate.issue_leaf(
                "localhost", not_before=now - dt.timedelta(days=90), not_after=now - dt.timedelta(days=3)
            ),
            intermediate,
        ],
        "incomplete_chain": lambda: [intermediate.issue_leaf("localhost")],
        "hostname_mismatch": lambda: [intermediate.issue_leaf("www.example.test"), intermediate],
        "self_signed": lambda: [issue("localhost", sans=("localhost",))],
    }
    chain = chains[defect]()
    with tempfile.TemporaryDirectory(prefix="sslexplain-example-") as folder:
        ca_file = os.path.join(folder, "example-root.pem")
        with open(ca_file, "wb") as handle:
            handle.write(pem_bundle([ca]))
        with TLSServer(chain, hosts=_hosts()) as server:
            yield f"https://localhost:{server.port}/", ca_file
