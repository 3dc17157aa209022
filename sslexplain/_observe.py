"""I/O: the only module that opens sockets.

Per address, a *capture* handshake (no verification: it only records the chain
as served, the protocol and the server's ``Date``) and a *verifying* handshake
with the client's own context run concurrently; then AIA caIssuers are fetched
when the served chain does not reach a trust anchor. Everything runs under one
deadline and ends in a plain :class:`Observation`. The unverified context never
leaves the ``_observe*`` modules (``_observe_fetch`` fetches certificate material,
``_observe_proxy`` tunnels through proxies, ``_observe_revocation`` asks OCSP and CRL).
"""

from __future__ import annotations

import functools
import os
import socket
import ssl
import threading
import time
from collections.abc import Callable, Sequence
from datetime import datetime, timezone
from typing import TypeVar, cast

from ._model import Fetch, Handshake, Observation, ReportedError, Target, TrustStore
from ._observe_base import Deadline, _Background, _OpenSockets, run_all
from ._observe_fetch import MAX_AIA_DEPTH, MAX_FETCH_BYTES, fetch, fetch_missing_issuers
from ._observe_proxy import Proxy, ProxyError, open_tunnel, parse_proxy, proxy_for
from ._stores import LoadedStore, issuer_names, load_stores

_T = TypeVar("_T")
MAX_HTTP_HEAD = 16 * 1024
# TLS ports of protocols that are not HTTP (SMTPS, LDAPS, DNS over TLS, FTPS, IMAPS, POP3S, SIP,
# AMQPS, MQTTS, IRCS): a HEAD request there only waits for an answer that never comes.
NOT_HTTP_PORTS = frozenset({465, 563, 636, 853, 989, 990, 992, 993, 994, 995, 5061, 5671, 6697, 8883})


# --- contexts --------------------------------------------------------------

_context_lock = threading.Lock()
_contexts: dict[tuple[object, ...], ssl.SSLContext] = {}


@functools.lru_cache(maxsize=1)
def _capture_context() -> ssl.SSLContext:
    """Accepts anything, so the chain can be seen whatever is wrong with it. Never leaves this module."""
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    try:
        ctx.set_ciphers("ALL:@SECLEVEL=0")
        from ._x509 import quiet

        with quiet():  # TLS 1.0 is deprecated, which is why we must see servers that use it
            ctx.minimum_version = ssl.TLSVersion.TLSv1
    except (ssl.SSLError, ValueError):
        pass
    if hasattr(
        ctx, "_msg_callback"
    ):  # private but stable since 3.8: the only way to see a CertificateRequest
        ctx._msg_callback = _note_certificate_request
    return ctx


def _note_certificate_request(
    conn: object, direction: str, version: object, content_type: object, msg_type: object, data: bytes
) -> None:
    if direction == "read" and getattr(msg_type, "name", "") == "CERTIFICATE_REQUEST":
        try:
            conn._sslexplain_certificate_requested = True  # type: ignore[attr-defined]
        except AttributeError:
            pass


def client_context(ca_file: str | None) -> ssl.SSLContext:
    """The context of the client under diagnosis: Python's defaults, as requests/urllib3 2 use them.

    ``hostname_checks_common_name`` is off because urllib3 2 (requests) and
    Python 3.13 never fall back to the CN.
    """
    env = (os.environ.get("SSL_CERT_FILE"), os.environ.get("SSL_CERT_DIR"))
    stamp = _mtime(ca_file) if ca_file else tuple(_mtime(p) for p in env if p)
    key = ("client", ca_file, env, stamp)
    with _context_lock:
        if key in _contexts:
            return _contexts[key]
    ctx = ssl.create_default_context(cafile=ca_file) if ca_file else ssl.create_default_context()
    try:
        ctx.hostname_checks_common_name = False
    except (AttributeError, ValueError):
        pass
    with _context_lock:
        _contexts[key] = ctx
    return ctx


def _mtime(path: str) -> float:
    try:
        return os.stat(path).st_mtime
    except OSError:
        return -1.0


# --- handshakes -------------------------------------------------------------


def _classify(exc: BaseException, connected: bool) -> tuple[str, int | None, str | None]:
    if isinstance(exc, ssl.SSLCertVerificationError):
        return "verify", exc.verify_code, exc.verify_message
    if isinstance(exc, socket.gaierror):
        return "dns", None, None
    if isinstance(exc, (socket.timeout, TimeoutError)):
        return ("handshake_timeout" if connected else "timeout"), None, None
    if isinstance(exc, ConnectionRefusedError):
        return "refused", None, None
    if isinstance(exc, (ssl.SSLEOFError, ssl.SSLZeroReturnError, ConnectionResetError, BrokenPipeError)):
        return "closed", None, None
    if isinstance(exc, ssl.SSLError):
        return "tls", None, None
    if isinstance(exc, OSError) and not connected:
        return "connect", None, None
    if isinstance(exc, OSError):
        return "closed", None, None
    return "other", None, None


def _connect(address: str, port: int, deadline: Deadline, sockets: _OpenSockets) -> socket.socket:
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sockets.add(sock)
    try:
        sock.settimeout(max(0.01, deadline.remaining()))
        sock.connect((address, port))
    except BaseException:
        sockets.discard(sock)
        sock.close()
        raise
    return sock


def _peer_chain(tls: ssl.SSLSocket) -> tuple[bytes, ...]:
    """The chain exactly as served: public on 3.13, on ``_sslobj`` for 3.10-3.12."""
    getter = getattr(tls, "get_unverified_chain", None) or getattr(
        getattr(tls, "_sslobj", None), "get_unverified_chain", None
    )
    chain = getter() if getter is not None else None
    if not chain:
        leaf = tls.getpeercert(binary_form=True)
        return (leaf,) if leaf else ()
    out = []
    for item in chain:
        if isinstance(item, bytes):
            out.append(item)
        else:  # _ssl.Certificate on 3.10-3.12
            out.append(item.public_bytes(2))  # 2 == _ssl.ENCODING_DER
    return tuple(out)


def _http_head(
    tls: ssl.SSLSocket, host: str, deadline: Deadline
) -> tuple[str | None, str | None, str | None]:
    """HEAD / over the capture connection: the server's Date, and any alert sent after the handshake."""
    request = f"HEAD / HTTP/1.1\r\nHost: {host}\r\nUser-Agent: sslexplain\r\nConnection: close\r\n\r\n"
    data = b""
    try:
        tls.sendall(request.encode("idna" if not host.isascii() else "ascii"))
        while b"\r\n\r\n" not in data and len(data) < MAX_HTTP_HEAD:
            remaining = deadline.remaining(cap=2.0)
            if remaining <= 0:
                break
            tls.settimeout(remaining)
            chunk = tls.recv(4096)
            if not chunk:
                break
            data += chunk
    except ssl.SSLError as exc:
        if not data:
            return None, None, _reason(exc)
    except (OSError, UnicodeError):
        pass
    head = data.split(b"\r\n\r\n", 1)[0].decode("latin-1", "replace").split("\r\n")
    status = head[0][:200] if head and head[0].startswith("HTTP/") else None
    date = next(
        (line.split(":", 1)[1].strip()[:100] for line in head[1:] if line.lower().startswith("date:")), None
    )
    return status, date if status else None, None


def _reason(exc: BaseException) -> str:
    reason = getattr(exc, "reason", None)
    text = str(exc)
    return f"{reason}: {text}" if reason and str(reason) not in text else text


def handshake(
    address: str,
    target: Target,
    purpose: str,
    context: ssl.SSLContext,
    deadline: Deadline,
    sockets: _OpenSockets,
    *,
    proxy: Proxy | None = None,
    on_chain: Callable[[tuple[bytes, ...]], None] | None = None,
) -> Handshake:
    """One TLS handshake to ``address`` with SNI ``target.host``; errors become data.

    ``on_chain`` hears the captured chain as soon as it is known, before the ``HEAD /``
    round trip, so that fetches which depend only on the chain can start at once.

    With ``proxy``, the handshake goes through an HTTP CONNECT tunnel (``address``
    is then the proxy's, and the proxy resolves the host), as the client's would.
    """
    started = time.monotonic()
    connected = False
    sock: socket.socket | None = None
    sni = None if _is_ip(target.host) else target.host
    tls: ssl.SSLSocket | None = None
    route = "proxy" if proxy is not None else "direct"
    try:
        if proxy is not None:
            sock = _connect(proxy.host, proxy.port, deadline, sockets)
            sock.settimeout(max(0.01, deadline.remaining()))
            open_tunnel(sock, proxy, target.host, target.port)
        else:
            sock = _connect(address, target.port, deadline, sockets)
        connected = True
        sock.settimeout(max(0.01, deadline.remaining()))
        tls = context.wrap_socket(
            sock,
            server_hostname=target.host if sni or purpose == "verify" else None,
            do_handshake_on_connect=False,
        )
        with tls:
            tls.do_handshake()
            chain = _peer_chain(tls) if purpose == "capture" else ()
            if chain and on_chain is not None:
                on_chain(chain)
            cipher = tls.cipher()
            status = date = alert = None
            if purpose == "capture" and target.port not in NOT_HTTP_PORTS:
                status, date, alert = _http_head(tls, target.host, deadline)
            return Handshake(
                address=address,
                purpose=purpose,
                ok=alert is None,
                route=route,
                chain=chain,
                tls_version=tls.version(),
                cipher=cipher[0] if cipher else None,
                alert_after_handshake=alert,
                certificate_requested=_certificate_requested(tls),
                http_status_line=status,
                http_date=date,
                elapsed_ms=(time.monotonic() - started) * 1000,
            )
    except Exception as exc:
        kind, code, message = _classify(exc, connected)
        if sockets.closed and kind in ("closed", "other", "tls"):
            kind = "handshake_timeout" if connected else "timeout"
        if isinstance(exc, ProxyError):
            kind = "proxy"
        return Handshake(
            address=address,
            purpose=purpose,
            ok=False,
            route=route,
            error_kind=kind,
            error_type=type(exc).__name__,
            error_message=_reason(exc)[:500],
            verify_code=code,
            verify_message=message,
            certificate_requested=_certificate_requested(tls),
            elapsed_ms=(time.monotonic() - started) * 1000,
        )
    finally:
        if sock is not None:
            sockets.discard(sock)
            sock.close()


def _certificate_requested(tls: ssl.SSLSocket | None) -> bool:
    return bool(getattr(tls, "_sslexplain_certificate_requested", False))


def _is_ip(host: str) -> bool:
    import ipaddress

    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


# --- names -------------------------------------------------------------------


def resolve(target: Target, deadline: Deadline) -> tuple[tuple[str, ...], str | None]:
    """Every address to probe: ``connect_to`` as given, else all DNS answers (IPv6 and IPv4)."""
    names = target.connect_to or (target.host,)
    addresses: list[str] = []
    errors: list[str] = []

    def lookup(name: str) -> list[str] | str:
        if _is_ip(name):
            return [name]
        try:
            infos = socket.getaddrinfo(name, target.port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError) as exc:
            return f"{name}: {exc}"
        return [str(info[4][0]) for info in infos]

    results = run_all(
        [lambda n=n: lookup(n) for n in names],  # type: ignore[misc]
        deadline,
        lambda i: f"{names[i]}: no answer before the deadline",
    )
    for result in results:
        if isinstance(result, str):
            errors.append(result)
        else:
            addresses.extend(a for a in result if a not in addresses)
    return tuple(addresses), "; ".join(errors) or None


# --- the whole observation -----------------------------------------------------


def observe(
    target: Target,
    *,
    timeout: float = 10.0,
    reported: ReportedError | None = None,
    network: bool = True,
    check_revocation: bool = True,
    now: datetime | None = None,
) -> Observation:
    """Measure everything about ``target`` within ``timeout`` seconds.

    ``network=False`` makes the handshakes only: no AIA, OCSP or CRL fetch.
    ``check_revocation=False`` skips OCSP and CRL. ``now`` replaces this
    machine's clock as ``observed_at`` (the time analysis judges validity at).
    When a proxy applies, the handshakes go through it first and directly too.
    """
    from ._environment import read_environment
    from ._observe_revocation import fetch_material, revocation_wanted

    deadline = Deadline(timeout)
    observed_at = now.astimezone(timezone.utc) if now is not None else datetime.now(timezone.utc)
    sockets = _OpenSockets()
    watchdog = threading.Timer(deadline.remaining(), sockets.close_all)
    watchdog.daemon = True
    watchdog.start()
    proxy_url = proxy_for(target.host, target.proxy)
    proxy = parse_proxy(proxy_url) if proxy_url else None
    # Reading the trust stores (files only) overlaps the first round trips of the handshakes.
    stores_loaded = _Background(lambda: (load_stores(target.ca_file), read_environment()))
    try:
        verifying = client_context(target.ca_file)
        capturing = _capture_context()
        early = _EarlyIssuers(lambda: stores_loaded.result()[0][0], deadline) if network else None
        addresses, resolve_error, handshakes = _all_handshakes(
            target, proxy, capturing, verifying, deadline, sockets, on_chain=early.start if early else None
        )
        all_stores, environment = stores_loaded.result()
        store = all_stores[0]
        chain, verify = _analysed(handshakes)
        revocation = network and check_revocation and bool(chain) and revocation_wanted(verify, reported)
        fetches = fetch_material(
            chain,
            store,
            deadline,
            network=network,
            revocation=revocation,
            aia=early.result_for(chain) if early else None,
        )
    finally:
        watchdog.cancel()
        sockets.close_all()
    from . import _x509

    aia = [f for f in fetches if f.purpose == "aia"]
    fetched = [c for f in aia for c in _x509.load_bundle(f.body)] if aia else []
    names = issuer_names(list(chain) + [_x509.der_of(c) for c in fetched])
    stores: tuple[TrustStore, ...] = tuple(s.relevant(names, chain) for s in all_stores)
    return Observation(
        target=target,
        observed_at=observed_at,
        addresses=addresses,
        resolve_error=resolve_error,
        handshakes=tuple(handshakes),
        fetches=tuple(fetches),
        stores=stores,
        environment=environment,
        reported=reported,
        proxy=proxy.display if proxy is not None else (proxy_url and "(unusable proxy setting)"),
        network=network,
        probed=True,
        deadline_hit=deadline.expired,
        elapsed_ms=deadline.elapsed_ms(),
    )


class _EarlyIssuers:
    """AIA issuers fetched as soon as the first capture hands over its chain, during the ``HEAD /``."""

    def __init__(self, store: Callable[[], LoadedStore], deadline: Deadline) -> None:
        self._store = store
        self._deadline = deadline
        self._lock = threading.Lock()
        self._chain: tuple[bytes, ...] | None = None
        self._job: _Background[list[Fetch]] | None = None

    def start(self, chain: tuple[bytes, ...]) -> None:
        with self._lock:
            if self._job is not None:
                return
            self._chain = chain
            self._job = _Background(lambda: fetch_missing_issuers(chain, self._store(), self._deadline))

    def result_for(self, chain: tuple[bytes, ...]) -> Callable[[], list[Fetch]] | None:
        """The early fetch when it was for this very chain (else the caller fetches for its own)."""
        with self._lock:
            job = self._job if self._chain == chain else None
        return job.result if job is not None else None


_Direct = tuple[tuple[str, ...], str | None, list[Handshake]]


def _all_handshakes(
    target: Target,
    proxy: Proxy | None,
    capturing: ssl.SSLContext,
    verifying: ssl.SSLContext,
    deadline: Deadline,
    sockets: _OpenSockets,
    on_chain: Callable[[tuple[bytes, ...]], None] | None = None,
) -> _Direct:
    """Capture + verify through the proxy (first) and at every address, all concurrently.

    The proxy resolves the name itself: a slow or absent DNS here must not hold its handshakes up.
    """
    proxied: list[Callable[[], Handshake]] = []
    if proxy is not None and proxy.scheme == "http":  # https:// and socks proxies: direct only
        for purpose, ctx in (("capture", capturing), ("verify", verifying)):
            proxied.append(
                lambda p=purpose, c=ctx: handshake(  # type: ignore[misc]
                    proxy.display, target, p, c, deadline, sockets, proxy=proxy, on_chain=on_chain
                )
            )

    def via_proxy() -> list[Handshake]:
        shown = proxy.display if proxy is not None else ""
        return run_all(proxied, deadline, lambda i: _unfinished(shown, i, "proxy"))

    def direct() -> _Direct:
        addresses, resolve_error = resolve(target, deadline)
        calls: list[Callable[[], Handshake]] = []
        for address in addresses:
            calls.append(
                lambda a=address: handshake(  # type: ignore[misc]
                    a, target, "capture", capturing, deadline, sockets, on_chain=on_chain
                )
            )
            calls.append(lambda a=address: handshake(a, target, "verify", verifying, deadline, sockets))  # type: ignore[misc]
        done = run_all(calls, deadline, lambda i: _unfinished(addresses[i // 2], i))
        return addresses, resolve_error, done

    late: _Direct = ((), "no answer before the deadline", [])
    both: list[object] = run_all([via_proxy, direct], deadline, lambda i: [] if i == 0 else late)
    addresses, resolve_error, straight = cast(_Direct, both[1])
    return addresses, resolve_error, [*cast("list[Handshake]", both[0]), *straight]


def _analysed(handshakes: Sequence[Handshake]) -> tuple[tuple[bytes, ...], Handshake | None]:
    """The chain analysis will look at (the first captured, the proxy's first) and its verifying handshake."""
    capture = next((h for h in handshakes if h.purpose == "capture" and h.chain), None)
    if capture is None:
        return (), None
    verify = next((h for h in handshakes if h.purpose == "verify" and h.address == capture.address), None)
    return capture.chain, verify


def _unfinished(address: str, index: int, route: str = "direct") -> Handshake:
    return Handshake(
        address=address,
        purpose="capture" if index % 2 == 0 else "verify",
        ok=False,
        route=route,
        error_kind="handshake_timeout",
        error_type="TimeoutError",
        error_message="no answer before the deadline",
    )


__all__ = [
    "MAX_AIA_DEPTH",
    "MAX_FETCH_BYTES",
    "Deadline",
    "client_context",
    "fetch",
    "fetch_missing_issuers",
    "handshake",
    "observe",
    "resolve",
    "run_all",
]
