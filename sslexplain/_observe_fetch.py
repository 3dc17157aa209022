"""I/O: fetches of certificate material (AIA caIssuers, OCSP, CRL) from URLs servers chose.

Every URL comes from an untrusted certificate: http and https only, at most three
redirects, a size cap, and a watchdog under the one deadline.
"""

from __future__ import annotations

import socket
import ssl
import threading
import time
from collections.abc import Sequence

from ._model import Fetch
from ._observe_base import Deadline
from ._stores import LoadedStore

MAX_FETCH_BYTES = 256 * 1024
MAX_AIA_DEPTH = 4


def fetch(
    url: str, purpose: str, deadline: Deadline, *, body: bytes | None = None, content_type: str = ""
) -> Fetch:
    """GET (or POST ``body``) a URL taken from a certificate: http(s) only, 3 redirects, size cap.

    The URL comes from an untrusted certificate, so every hop is re-checked (http and
    https only, https verified), at most ``MAX_FETCH_BYTES`` are read (a gigabyte
    answer is never held), and a watchdog shuts the socket when this fetch's share of
    the deadline (5 s at most) runs out: a silent or trickling server cannot hold us.
    """
    import http.client
    from urllib.parse import urljoin, urlsplit

    from ._environment import redact_url

    started = time.monotonic()
    until = Deadline(deadline.remaining(cap=5.0))
    shown = redact_url(url)[:2000]

    def result(ok: bool = False, error: str | None = None, **fields: object) -> Fetch:
        if error is not None:  # the text may come from the server: keep it printable and short
            error = "".join(ch if ch.isprintable() else "?" for ch in redact_url(error))[:300]
        return Fetch(
            url=shown,
            purpose=purpose,
            ok=ok,
            error=error,
            elapsed_ms=(time.monotonic() - started) * 1000,
            **fields,  # type: ignore[arg-type]
        )

    def once(address: str) -> tuple[int, str | None, str | None, bytes, bool]:
        parts = urlsplit(address)
        if not parts.hostname:
            raise ValueError("the URL names no host")
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        if parts.scheme == "https":
            conn: http.client.HTTPConnection = http.client.HTTPSConnection(
                parts.hostname, parts.port, timeout=until.remaining(), context=ssl.create_default_context()
            )
        else:
            conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=until.remaining())

        def stop() -> None:
            try:
                if conn.sock is not None:
                    conn.sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

        watchdog = threading.Timer(until.remaining(), stop)
        watchdog.daemon = True
        watchdog.start()
        try:
            headers = {"User-Agent": "sslexplain", "Accept-Encoding": "identity", "Connection": "close"}
            if content_type:
                headers["Content-Type"] = content_type
            conn.request("POST" if body is not None else "GET", target, body=body, headers=headers)
            response = conn.getresponse()
            data = bytearray()
            while len(data) <= MAX_FETCH_BYTES:
                chunk = response.read1(min(65536, MAX_FETCH_BYTES + 1 - len(data)))
                if not chunk:
                    break
                data += chunk
            if until.expired:  # the watchdog cut the answer short
                raise TimeoutError("deadline")
            location = response.getheader("Location")
            return response.status, response.getheader("Content-Type"), location, bytes(data), False
        finally:
            watchdog.cancel()
            conn.close()

    if deadline.remaining() < 0.05:
        return result(error="deadline reached before the fetch")
    address, hops = url, 0
    while True:
        if urlsplit(address).scheme.lower() not in ("http", "https"):
            return result(error="only http and https URLs are fetched")
        if until.remaining() < 0.05:
            return result(error="deadline reached before the fetch")
        try:
            status, ctype, location, data, _ = once(address)
        except Exception as exc:
            if until.expired:  # whatever the socket said when the watchdog shut it
                return result(error=f"no complete answer within {until.elapsed_ms() / 1000:.1f} s (deadline)")
            return result(error=f"{type(exc).__name__}: {exc}")
        if status in (301, 302, 303, 307, 308) and location:
            hops += 1
            if hops > 3:
                return result(error="more than 3 redirects", status=status)
            address = urljoin(address, location.strip())
            if status == 303:
                body = None
            continue
        truncated = len(data) > MAX_FETCH_BYTES
        return result(
            ok=200 <= status < 300 and not truncated,
            error=f"larger than {MAX_FETCH_BYTES} bytes" if truncated else None,
            status=status,
            content_type=ctype[:200] if ctype else None,
            body=data[:MAX_FETCH_BYTES],
            truncated=truncated,
        )


def fetch_missing_issuers(chain: Sequence[bytes], store: LoadedStore, deadline: Deadline) -> list[Fetch]:
    """Follow AIA caIssuers from the top of the served chain until a trust anchor is reached."""
    from . import _x509

    served = [_x509.load(der) for der in chain]
    anchors = [c for c in (_x509.load(der) for der in store.certs) if c is not None]
    extra: list[_x509.Certificate] = []
    fetches: list[Fetch] = []
    tried: set[str] = set()
    for _ in range(MAX_AIA_DEPTH):
        path = _x509.build_path(served, anchors, extra)
        if path.end != "issuer_missing" or deadline.expired:
            break
        urls = [u for u in _x509.ca_issuer_urls(path.top) if u not in tried]
        if not urls:
            break
        urls.sort(key=lambda u: not u.startswith("http://"))
        tried.add(urls[0])
        result = fetch(urls[0], "aia", deadline)
        fetches.append(result)
        found = _x509.load_bundle(result.body) if result.ok else []
        if not found:
            break
        extra.extend(found)
    return fetches
