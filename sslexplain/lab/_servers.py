"""I/O: loopback servers for tests, each a context manager that always stops.

``TLSServer`` serves exactly the chain it is given (any order, leaf only, extra
certificates), on 127.0.0.1 and/or ::1, and answers a minimal HTTP request so
clients can read a ``Date`` header. ``HTTPServer`` serves AIA / OCSP / CRL
content; ``PlainServer`` speaks HTTP without TLS; ``SilentServer`` accepts and
never answers.
"""

from __future__ import annotations

import email.utils
import http.server
import os
import select
import socket
import ssl
import tempfile
import threading
import time
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from types import TracebackType
from typing import Any

from ._certs import Issued, pem_bundle

Handler = Callable[[str, str, bytes], tuple[int, str, bytes]]


def _bind(hosts: Sequence[str], port: int = 0) -> list[socket.socket]:
    """Listening sockets on every host, all with the same port (retried when taken)."""
    for _attempt in range(20):
        sockets: list[socket.socket] = []
        chosen = port
        try:
            for host in hosts:
                family = socket.AF_INET6 if ":" in host else socket.AF_INET
                sock = socket.socket(family, socket.SOCK_STREAM)
                sockets.append(sock)
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                if family == socket.AF_INET6:
                    sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
                sock.bind((host, chosen))
                sock.listen(64)
                chosen = sock.getsockname()[1]
            return sockets
        except OSError:
            for sock in sockets:
                sock.close()
            if port:
                raise
    raise OSError("could not bind the same port on every host")


class _LoopbackServer:
    """Accept loop in a daemon thread; each connection handled in its own thread."""

    connection_timeout = 5.0

    def __init__(self, hosts: Sequence[str] = ("127.0.0.1",), port: int = 0) -> None:
        self.hosts = tuple(hosts)
        self._requested_port = port
        self._sockets: list[socket.socket] = []
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._workers: set[threading.Thread] = set()
        self._lock = threading.Lock()
        self.port = 0
        self.connections = 0

    @property
    def host(self) -> str:
        return self.hosts[0]

    @property
    def address(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"

    def start(self) -> _LoopbackServer:
        self._sockets = _bind(self.hosts, self._requested_port)
        self.port = self._sockets[0].getsockname()[1]
        self._thread = threading.Thread(target=self._serve, name=f"lab-{type(self).__name__}", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5)
        for sock in self._sockets:
            sock.close()
        with self._lock:
            workers = list(self._workers)
        for worker in workers:
            worker.join(2)

    def __enter__(self) -> Any:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _serve(self) -> None:
        while not self._stop.is_set():
            readable, _, _ = select.select(self._sockets, [], [], 0.05)
            for listener in readable:
                try:
                    conn, _peer = listener.accept()
                except OSError:
                    continue
                self.connections += 1
                worker = threading.Thread(target=self._run_connection, args=(conn,), daemon=True)
                with self._lock:
                    self._workers.add(worker)
                worker.start()

    def _run_connection(self, conn: socket.socket) -> None:
        try:
            conn.settimeout(self.connection_timeout)
            self.handle(conn)
        except (OSError, ValueError):
            pass
        finally:
            try:
                conn.close()
            except OSError:
                pass
            with self._lock:
                self._workers.discard(threading.current_thread())

    def handle(self, conn: socket.socket) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def _read_request(self, conn: socket.socket | ssl.SSLSocket, limit: int = 8192) -> bytes:
        data = b""
        deadline = time.monotonic() + 1.0
        while b"\r\n\r\n" not in data and len(data) < limit and time.monotonic() < deadline:
            if self._stop.is_set():
                break
            conn.settimeout(max(0.01, deadline - time.monotonic()))
            try:
                chunk = conn.recv(4096)
            except (TimeoutError, ssl.SSLWantReadError):
                break
            if not chunk:
                break
            data += chunk
        return data


def _http_response(date: str | None, body: bytes = b"ok\n", status: str = "200 OK") -> bytes:
    date = date or email.utils.formatdate(usegmt=True)
    head = (
        f"HTTP/1.1 {status}\r\nDate: {date}\r\nContent-Type: text/plain\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    )
    return head.encode("ascii") + body


class TLSServer(_LoopbackServer):
    """A TLS server that sends exactly ``chain`` (first element: the leaf, whose key is ``key``).

    Args:
        chain: the certificates to send, in the order to send them; the first must match ``key``.
        key: the leaf's private key (an :class:`Issued` whose key is used), or None to use chain[0]'s.
        hosts: addresses to listen on, e.g. ``("127.0.0.1", "::1")``; all share one port.
        tls_versions: e.g. ``("TLSv1.2",)`` or ``("TLSv1.3",)``; default both.
        client_ca: require a client certificate signed by this CA.
        http_date: the ``Date`` header to answer with (an RFC 7231 date), default the real time.
    """

    def __init__(
        self,
        chain: Sequence[Issued | bytes],
        key: Issued | None = None,
        *,
        hosts: Sequence[str] = ("127.0.0.1",),
        port: int = 0,
        tls_versions: Iterable[str] = ("TLSv1.2", "TLSv1.3"),
        client_ca: Issued | None = None,
        http_date: str | None = None,
    ) -> None:
        super().__init__(hosts, port)
        first = chain[0]
        owner = key or (first if isinstance(first, Issued) else None)
        if owner is None:
            raise ValueError("give the leaf's key (key=) when the chain is DER bytes")
        self.chain = tuple(chain)
        self.http_date = http_date
        self.context = self._context(owner, tuple(tls_versions), client_ca)

    def _context(self, owner: Issued, versions: tuple[str, ...], client_ca: Issued | None) -> ssl.SSLContext:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.set_ciphers("DEFAULT:@SECLEVEL=0")  # serve weak lab keys too
        order = [ssl.TLSVersion[v.replace(".", "_").replace("TLSv", "TLSv")] for v in versions]
        with (
            warnings.catch_warnings()
        ):  # old protocol versions are deprecated: the lab serves them on purpose
            warnings.simplefilter("ignore", DeprecationWarning)
            ctx.minimum_version = min(order)
            ctx.maximum_version = max(order)
        with tempfile.TemporaryDirectory() as folder:
            chain_path = os.path.join(folder, "chain.pem")
            key_path = os.path.join(folder, "key.pem")
            with open(chain_path, "wb") as handle:
                handle.write(pem_bundle(self.chain))
            with open(key_path, "wb") as handle:
                handle.write(owner.key_pem)
            ctx.load_cert_chain(chain_path, key_path)
        if client_ca is not None:
            ctx.verify_mode = ssl.CERT_REQUIRED
            ctx.load_verify_locations(cadata=client_ca.pem.decode("ascii"))
        return ctx

    def handle(self, conn: socket.socket) -> None:
        with self.context.wrap_socket(conn, server_side=True) as tls:
            request = self._read_request(tls)
            if request:
                tls.sendall(_http_response(self.http_date))


class PlainServer(_LoopbackServer):
    """Speaks plain HTTP: what a client meets when it uses https:// on an http port."""

    def handle(self, conn: socket.socket) -> None:
        conn.recv(4096)  # a ClientHello or a request: answer at once, as HTTP servers do
        conn.sendall(_http_response(None, b"plain http\n", "400 Bad Request"))


class SilentServer(_LoopbackServer):
    """Accepts connections and never sends a byte (a hanging peer)."""

    def handle(self, conn: socket.socket) -> None:
        while not self._stop.wait(0.05):
            pass


class HTTPServer:
    """A tiny HTTP server for AIA caIssuers, OCSP and CRL content on loopback.

    ``routes`` maps a path to ``(content_type, body)``; ``handler`` (optional)
    answers anything else as ``handler(method, path, request_body) -> (status, content_type, body)``.
    """

    def __init__(
        self,
        routes: Mapping[str, tuple[str, bytes]] | None = None,
        handler: Handler | None = None,
        host: str = "127.0.0.1",
    ) -> None:
        self.routes = dict(routes or {})
        self.handler = handler
        self.host = host
        self.requests: list[tuple[str, str]] = []
        self._server: http.server.ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    def url(self, path: str) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}{path}"

    @property
    def port(self) -> int:
        assert self._server is not None, "server not started"
        return int(self._server.server_address[1])

    def start(self) -> HTTPServer:
        owner = self

        class _Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                self._answer("GET", b"")

            def do_POST(self) -> None:
                length = min(int(self.headers.get("Content-Length") or 0), 1 << 20)
                self._answer("POST", self.rfile.read(length))

            def _answer(self, method: str, body: bytes) -> None:
                owner.requests.append((method, self.path))
                if self.path in owner.routes:
                    status, ctype, payload = 200, *owner.routes[self.path]
                elif owner.handler is not None:
                    status, ctype, payload = owner.handler(method, self.path, body)
                else:
                    status, ctype, payload = 404, "text/plain", b"not found\n"
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                return

        family_server = http.server.ThreadingHTTPServer
        if ":" in self.host:

            class _V6(http.server.ThreadingHTTPServer):
                address_family = socket.AF_INET6

            family_server = _V6
        self._server = family_server((self.host, 0), _Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(5)

    def __enter__(self) -> HTTPServer:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
