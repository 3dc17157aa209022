"""I/O: HTTP CONNECT proxies on loopback, a plain one and one that intercepts TLS.

:class:`ConnectProxy` tunnels bytes untouched, as a well-behaved corporate
proxy does. :class:`InterceptingProxy` does what TLS-inspecting proxies and
antivirus products do: it ends the client's TLS itself with a certificate for
the requested name, minted on the fly by its own CA, and answers the request
itself (the lab never needs the real server's content). With
``transparent=True`` it needs no CONNECT: it is the server the client reaches.
Both only ever connect to loopback (``upstream``), whatever name is asked for.
"""

from __future__ import annotations

import os
import select
import socket
import ssl
import tempfile
import threading

from ._certs import Issued, root
from ._servers import _http_response, _LoopbackServer

MAX_HEADER = 16 * 1024


def _read_head(conn: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data and len(data) < MAX_HEADER:
        chunk = conn.recv(1)  # byte by byte: whatever follows the header belongs to the tunnel
        if not chunk:
            break
        data += chunk
    return data


def _connect_target(head: bytes) -> tuple[str, int] | None:
    line = head.split(b"\r\n", 1)[0].decode("latin-1", "replace").split()
    if len(line) < 2 or line[0].upper() != "CONNECT":
        return None
    host, _, port = line[1].rpartition(":")
    try:
        return host.strip("[]"), int(port)
    except ValueError:
        return None


class ConnectProxy(_LoopbackServer):
    """A plain HTTP CONNECT proxy: the tunnel carries the server's own TLS, untouched.

    Args:
        upstream: the address every tunnel goes to (the lab's servers listen there); the
            requested port is kept, the requested name only recorded in :attr:`requested`.
    """

    def __init__(self, *, upstream: str = "127.0.0.1", hosts: tuple[str, ...] = ("127.0.0.1",)) -> None:
        super().__init__(hosts)
        self.upstream = upstream
        self.requested: list[str] = []

    @property
    def url(self) -> str:
        return f"http://{self.address}"

    def handle(self, conn: socket.socket) -> None:
        target = _connect_target(_read_head(conn))
        if target is None:
            conn.sendall(b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n")
            return
        self.requested.append(f"{target[0]}:{target[1]}")
        self.tunnel(conn, target)

    def tunnel(self, conn: socket.socket, target: tuple[str, int]) -> None:
        try:
            upstream = socket.create_connection((self.upstream, target[1]), timeout=self.connection_timeout)
        except OSError:
            conn.sendall(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")
            return
        with upstream:
            conn.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
            self._relay(conn, upstream)

    def _relay(self, a: socket.socket, b: socket.socket) -> None:
        pairs = {a: b, b: a}
        while not self._stop.is_set():
            readable, _, _ = select.select(list(pairs), [], [], 0.05)
            for sock in readable:
                data = sock.recv(65536)
                if not data:
                    return
                pairs[sock].sendall(data)


class InterceptingProxy(ConnectProxy):
    """A re-signing proxy: every name gets a fresh leaf from :attr:`ca`, as TLS inspection does.

    Args:
        ca: the interception CA; default a new root named ``ca_name``.
        ca_name: the CA's common name, e.g. ``"mitmproxy"`` to look like that product.
        organization: the CA's organization.
        transparent: accept TLS directly (no CONNECT), like a transparent middlebox.
        http_date: the ``Date`` it answers with (default the real time).
    """

    def __init__(
        self,
        *,
        ca: Issued | None = None,
        ca_name: str = "sslexplain lab Inspection CA",
        organization: str | None = "sslexplain lab",
        transparent: bool = False,
        upstream: str = "127.0.0.1",
        hosts: tuple[str, ...] = ("127.0.0.1",),
        http_date: str | None = None,
    ) -> None:
        super().__init__(upstream=upstream, hosts=hosts)
        self.ca = ca or root(ca_name, organization=organization)
        self.transparent = transparent
        self.http_date = http_date
        self._contexts: dict[str, ssl.SSLContext] = {}
        self._lock = threading.Lock()
        self._default = self._context_for("localhost")

    def _context_for(self, name: str) -> ssl.SSLContext:
        with self._lock:
            if name in self._contexts:
                return self._contexts[name]
        leaf = self.ca.issue_leaf(name, days=30)
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        with tempfile.TemporaryDirectory() as folder:
            cert_path, key_path = os.path.join(folder, "c.pem"), os.path.join(folder, "k.pem")
            with open(cert_path, "wb") as handle:
                handle.write(leaf.pem + self.ca.pem)
            with open(key_path, "wb") as handle:
                handle.write(leaf.key_pem)
            ctx.load_cert_chain(cert_path, key_path)
        ctx.sni_callback = self._on_sni
        with self._lock:
            self._contexts[name] = ctx
        return ctx

    def _on_sni(self, sslobj: ssl.SSLObject, name: str | None, _ctx: ssl.SSLContext) -> None:
        if name:
            sslobj.context = self._context_for(name)

    def handle(self, conn: socket.socket) -> None:
        ctx = self._default
        if not self.transparent:
            target = _connect_target(_read_head(conn))
            if target is None:
                conn.sendall(b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n")
                return
            self.requested.append(f"{target[0]}:{target[1]}")
            conn.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
            ctx = self._context_for(target[0])  # SNI, when the client sends it, chooses again
        with ctx.wrap_socket(conn, server_side=True) as tls:
            if self._read_request(tls):
                tls.sendall(_http_response(self.http_date))
