"""I/O: hostile loopback servers, to prove that a diagnosis ends on time whatever the peer does.

TLS-side: a garbage certificate in an otherwise normal handshake, a reset in the
middle of the handshake, a peer that trickles one byte at a time (slowloris), and
builders for a 100-certificate chain and a leaf with 10,000 names. HTTP-side (the
AIA / OCSP / CRL URLs a certificate may point at): a redirect loop, a redirect to
``file:``, a gigabyte answer (streamed, never built in memory), a hang, a trickle,
and garbage instead of HTTP. Every server stops by itself (``with`` or ``stop()``).
"""

from __future__ import annotations

import os
import socket
import struct
from collections.abc import Sequence

from ._certs import Issued
from ._servers import TLSServer, _LoopbackServer

__all__ = [
    "HOSTILE_HTTP_MODES",
    "HostileHTTPServer",
    "MalformedCertServer",
    "ResetServer",
    "SlowlorisServer",
    "long_chain",
    "many_sans_leaf",
]

GIGABYTE = 1 << 30
_TLS12 = b"\x03\x03"


def _read_client_hello(conn: socket.socket) -> bytes:
    """One TLS record (the ClientHello), or b"" when the peer sends something else."""
    head = _recv_exactly(conn, 5)
    if len(head) < 5 or head[0] != 0x16:
        return b""
    return _recv_exactly(conn, int.from_bytes(head[3:5], "big"))


def _recv_exactly(conn: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = conn.recv(size - len(data))
        if not chunk:
            break
        data += chunk
    return data


def _offered_tls12_cipher(hello: bytes) -> bytes:
    """The first TLS 1.2 cipher suite the client offers (the ServerHello must pick one of them)."""
    try:
        pos = 4 + 2 + 32  # handshake header, legacy_version, random
        pos += 1 + hello[pos]  # session id
        size = int.from_bytes(hello[pos : pos + 2], "big")
        suites = [hello[i : i + 2] for i in range(pos + 2, pos + 2 + size, 2)]
    except IndexError:
        suites = []
    for suite in suites:
        if suite[0] not in (0x13, 0x00, 0x56) and suite != b"\x00\xff":
            return suite
    return b"\xc0\x2f"  # ECDHE-RSA-AES128-GCM-SHA256


def _handshake_message(kind: int, body: bytes) -> bytes:
    return bytes([kind]) + len(body).to_bytes(3, "big") + body


def _record(payload: bytes) -> bytes:
    return b"\x16" + _TLS12 + len(payload).to_bytes(2, "big") + payload


def _server_hello(hello: bytes) -> bytes:
    renegotiation_info = b"\xff\x01\x00\x01\x00"  # OpenSSL 3 clients refuse servers without it
    body = (
        _TLS12
        + os.urandom(32)
        + b"\x00"  # empty session id
        + _offered_tls12_cipher(hello)
        + b"\x00"  # no compression
        + len(renegotiation_info).to_bytes(2, "big")
        + renegotiation_info
    )
    return _handshake_message(2, body)


class MalformedCertServer(_LoopbackServer):
    """Answers a ClientHello with a normal TLS 1.2 ServerHello, then a Certificate that is not DER.

    Args:
        certificate: the bytes sent as the only certificate (default: a truncated SEQUENCE and junk).
    """

    def __init__(
        self, certificate: bytes = b"\x30\x82\x04\x00" + b"\xde\xad\xbe\xef" * 8, **kw: object
    ) -> None:
        super().__init__(**kw)  # type: ignore[arg-type]
        self.certificate = certificate

    def handle(self, conn: socket.socket) -> None:
        hello = _read_client_hello(conn)
        if not hello:
            return
        entry = len(self.certificate).to_bytes(3, "big") + self.certificate
        certificate = _handshake_message(11, len(entry).to_bytes(3, "big") + entry)
        conn.sendall(_record(_server_hello(hello) + certificate))
        conn.recv(4096)  # the client's alert


class ResetServer(_LoopbackServer):
    """Sends the ServerHello, then resets the connection (RST) in the middle of the handshake."""

    def handle(self, conn: socket.socket) -> None:
        hello = _read_client_hello(conn)
        if hello:
            conn.sendall(_record(_server_hello(hello)))
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


class SlowlorisServer(_LoopbackServer):
    """Trickles a never-ending TLS record, one byte every ``interval`` seconds: the handshake never ends."""

    connection_timeout = 60.0

    def __init__(self, interval: float = 0.2, **kw: object) -> None:
        super().__init__(**kw)  # type: ignore[arg-type]
        self.interval = interval

    def handle(self, conn: socket.socket) -> None:
        hello = _read_client_hello(conn)
        stream = _record(_server_hello(hello or b"")) + b"\x16" + _TLS12 + b"\x40\x00"
        sent = 0
        while not self._stop.wait(self.interval):
            conn.sendall(stream[sent : sent + 1] if sent < len(stream) else b"\x0b")
            sent += 1


def long_chain(root: Issued, host: str, length: int = 100) -> list[Issued]:
    """A leaf under ``length - 1`` nested intermediates, leaf first (as a server sends it)."""
    issuers = [root]
    for level in range(length - 1):
        issuers.append(issuers[-1].issue_ca(f"sslexplain lab Deep CA {level}"))
    return [issuers[-1].issue_leaf(host), *reversed(issuers[1:])]


def many_sans_leaf(issuer: Issued, host: str, count: int = 10_000) -> Issued:
    """A leaf whose SAN holds ``host`` and ``count - 1`` other names (about 20 bytes each)."""
    return issuer.issue_leaf(host, *(f"n{i}.sans.lab.test" for i in range(count - 1)))


def long_chain_server(root: Issued, host: str, length: int = 100, **kw: object) -> TLSServer:
    return TLSServer(long_chain(root, host, length), **kw)  # type: ignore[arg-type]


# --- hostile HTTP endpoints (AIA caIssuers, OCSP, CRL) --------------------------------------

HOSTILE_HTTP_MODES = (
    "redirect-loop",
    "redirect-file",
    "gigabytes",
    "hang",
    "trickle",
    "garbage",
    "huge-header",
)


class HostileHTTPServer(_LoopbackServer):
    """An HTTP endpoint that misbehaves in one of :data:`HOSTILE_HTTP_MODES`.

    ``redirect-loop`` redirects forever, or ``redirects`` times and then answers ``payload``.

    ``bytes_sent`` counts what the server managed to push: for ``gigabytes`` it
    shows how little of the announced gigabyte the client read.
    """

    connection_timeout = 10.0

    def __init__(
        self,
        mode: str,
        hosts: Sequence[str] = ("127.0.0.1",),
        *,
        redirects: int | None = None,
        payload: bytes = b"",
    ) -> None:
        if mode not in HOSTILE_HTTP_MODES:
            raise ValueError(f"unknown mode {mode!r}; choose one of {', '.join(HOSTILE_HTTP_MODES)}")
        super().__init__(hosts)
        self.mode = mode
        self.redirects = redirects  # redirect-loop: after this many hops, answer 200 with ``payload``
        self.payload = payload
        self.bytes_sent = 0
        self.requests = 0

    def url(self, path: str = "/ca.der") -> str:
        return f"http://{self.address}{path}"

    def handle(self, conn: socket.socket) -> None:
        request = self._read_request(conn)
        self.requests += 1
        path = request.split(b" ", 2)[1].decode("latin-1") if request.count(b" ") >= 2 else "/"
        getattr(self, "_" + self.mode.replace("-", "_"))(conn, path)

    def _send(self, conn: socket.socket, data: bytes) -> None:
        conn.sendall(data)
        self.bytes_sent += len(data)

    def _redirect_loop(self, conn: socket.socket, path: str) -> None:
        last = path.rsplit("/", 1)[-1]
        hop = int(last) if last.isdigit() else 0
        if self.redirects is not None and hop >= self.redirects:
            head = f"HTTP/1.1 200 OK\r\nContent-Length: {len(self.payload)}\r\n\r\n"
            self._send(conn, head.encode() + self.payload)
            return
        following = f"/loop/{hop + 1}"
        self._send(conn, f"HTTP/1.1 302 Found\r\nLocation: {following}\r\nContent-Length: 0\r\n\r\n".encode())

    def _redirect_file(self, conn: socket.socket, path: str) -> None:
        self._send(conn, b"HTTP/1.1 302 Found\r\nLocation: file:///etc/passwd\r\nContent-Length: 0\r\n\r\n")

    def _gigabytes(self, conn: socket.socket, path: str) -> None:
        head = f"HTTP/1.1 200 OK\r\nContent-Type: application/pkix-cert\r\nContent-Length: {GIGABYTE}\r\n\r\n"
        self._send(conn, head.encode())
        block = b"\x30" * 65536
        while self.bytes_sent < GIGABYTE and not self._stop.is_set():
            self._send(conn, block)  # raises once the client hangs up: that ends the answer

    def _hang(self, conn: socket.socket, path: str) -> None:
        while not self._stop.wait(0.05):
            pass

    def _trickle(self, conn: socket.socket, path: str) -> None:
        self._send(conn, b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n")
        while not self._stop.wait(0.1):
            self._send(conn, b"\x30")

    def _garbage(self, conn: socket.socket, path: str) -> None:
        self._send(
            conn, b"\x1b[2J\x1b]0;owned\x07\x00\xff garbage, not HTTP \x1b[31m\r\n\r\n" + os.urandom(512)
        )

    def _huge_header(self, conn: socket.socket, path: str) -> None:
        self._send(conn, b"HTTP/1.1 200 OK\r\nX-Junk: " + b"a" * (1 << 20) + b"\r\n\r\n")
