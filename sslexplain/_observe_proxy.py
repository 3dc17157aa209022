"""I/O: the proxy a client would use, and an HTTP CONNECT tunnel through it.

Which proxy applies is decided as urllib and requests decide it: the explicit
``proxy`` argument ("" means none), else ``https_proxy`` / ``HTTPS_PROXY`` /
``all_proxy`` (``urllib.request.getproxies()``, which also reads the system
settings on macOS and Windows), unless ``no_proxy`` matches the host.
"""

from __future__ import annotations

import base64
import socket
import urllib.parse
import urllib.request
from dataclasses import dataclass

MAX_CONNECT_REPLY = 16 * 1024


class ProxyError(OSError):
    """The proxy refused or broke the CONNECT (its status line is the message)."""


@dataclass(frozen=True, slots=True)
class Proxy:
    scheme: str
    host: str
    port: int
    authorization: str | None = None  # "Basic ..." when the URL carries credentials

    @property
    def display(self) -> str:
        """The proxy without credentials, as it may be shown and recorded."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{self.scheme}://{host}:{self.port}"


def parse_proxy(url: str) -> Proxy | None:
    """``http://user:pass@host:port`` -> Proxy; None when it cannot be used for a CONNECT."""
    if "://" not in url:
        url = "http://" + url
    try:
        parts = urllib.parse.urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    if not parts.hostname:
        return None
    scheme = parts.scheme.lower()
    authorization = None
    if parts.username is not None:
        user = urllib.parse.unquote(parts.username)
        password = urllib.parse.unquote(parts.password or "")
        authorization = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
    default = 443 if scheme == "https" else 1080 if scheme.startswith("socks") else 80
    return Proxy(scheme=scheme, host=parts.hostname, port=port or default, authorization=authorization)


def proxy_for(host: str, explicit: str | None) -> str | None:
    """The proxy URL the client would use for ``https://host``, or None."""
    if explicit is not None:
        return explicit or None
    try:
        proxies = urllib.request.getproxies()
        url = proxies.get("https") or proxies.get("all")
        if not url:
            return None
        if _bypassed(host, proxies):
            return None
    except Exception:  # a malformed system setting must not stop the diagnosis
        return None
    return url


def _bypassed(host: str, proxies: dict[str, str]) -> bool:
    if "no" in proxies:  # environment variables: urllib's own no_proxy logic
        bypass = getattr(urllib.request, "proxy_bypass_environment")  # noqa: B009 - not in typeshed
        return bool(bypass(host, proxies))
    return bool(urllib.request.proxy_bypass(host))


def open_tunnel(sock: socket.socket, proxy: Proxy, host: str, port: int) -> None:
    """Ask the proxy for a tunnel to ``host:port`` on the connected ``sock``; raise ProxyError on refusal."""
    if proxy.scheme != "http":
        raise ProxyError(f"{proxy.scheme} proxies are not supported for the probe (only http:// CONNECT)")
    authority = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    lines = [f"CONNECT {authority} HTTP/1.1", f"Host: {authority}", "User-Agent: sslexplain"]
    if proxy.authorization:
        lines.append(f"Proxy-Authorization: {proxy.authorization}")
    sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("idna" if not host.isascii() else "ascii"))
    data = b""
    while b"\r\n\r\n" not in data:
        if len(data) > MAX_CONNECT_REPLY:
            raise ProxyError("the proxy's answer to CONNECT is too long")
        chunk = sock.recv(1)  # byte by byte: nothing after the header may be consumed (TLS starts there)
        if not chunk:
            raise ProxyError("the proxy closed the connection after CONNECT")
        data += chunk
    status = data.split(b"\r\n", 1)[0].decode("latin-1", "replace")[:200]
    parts = status.split()
    if len(parts) < 2 or not parts[0].startswith("HTTP/") or not parts[1].startswith("2"):
        raise ProxyError(f"the proxy answered CONNECT with {status!r}")
