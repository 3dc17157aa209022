"""Pure: turn a caught exception or pasted log text into a ReportedError.

Clients are recognised, never imported: requests, urllib3, httpx and aiohttp
exceptions are known by class name, module name and attributes. Every attribute
read is guarded, the exception walk is bounded and cycle-safe, the text scan
looks at a bounded prefix with plain substring searches and bounded regexes,
so neither entry point raises or hangs, whatever it is given.

Verification failures of every stack are mapped onto the nearest OpenSSL
``X509_V_ERR_*`` code (``include/openssl/x509_vfy.h.in``; messages from
``crypto/x509/x509_txt.c``), because the analysis speaks OpenSSL.
"""

from __future__ import annotations

import re
import ssl
from collections.abc import Iterator, Mapping

from ._model import ReportedError
from ._target import normalize_host, parse_target
from ._verify_codes import _PLATFORM_BY_VALUE, MAX_INPUT, _verify_from_text, verify_code_from_message

__all__ = ["reported_from_exception", "reported_from_text", "verify_code_from_message"]

MAX_TEXT = 2_000
_MAX_NODES = 64
_MAX_DEPTH = 12
_MAX_FRAMES = 64

# --- host and port in text ---------------------------------------------------------------

_HOST_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"HTTPSConnectionPool\(host=\\{0,2}['\"]([^'\"\\\s]{1,260})\\{0,2}['\"], port=(\d{1,5})"),
    re.compile(r"Cannot connect to host (\S{1,300}) ssl:"),
    re.compile(r"(?:Hostname|IP address) mismatch, certificate is not valid for '([^'\s]{1,260})'"),
    re.compile(r"hostname '([^'\s]{1,260})' doesn't match"),
    re.compile(r"Host: (\S{1,260}) is not in the cert's altnames"),
    re.compile(r"IP: (\S{1,60}) is not in the cert's list"),
    re.compile(r"No subject alternative (?:DNS name|names) matching (?:IP address )?(\S{1,260}) found"),
    re.compile(r"target host ?name '([^'\s]{1,260})'"),
    re.compile(r"x509: cannot validate certificate for (\S{1,260}) because"),
    re.compile(r"x509: certificate is valid for [^\n]{0,1000}, not ([^\s,]{1,260})"),
    re.compile(r"[\"\u201c]([^\"\u201d\s]{1,260})[\"\u201d] ?(?:certificate|の証明書)"),
)
_URL = re.compile(
    r"https://(?:[^\s/@'\"<>]{0,200}@)?(\[[0-9A-Fa-f:.%]{2,60}\]|[^\s/:'\"<>()\[\]?#@\\,;]{1,260})"
    r"(?::(\d{1,5}))?",
    re.IGNORECASE,
)
_CONNECTED = re.compile(r"Connected to (\S{1,260}) \([^)\n]{0,80}\) port (\d{1,5})")
_DOC_HOSTS = frozenset(
    {
        "urllib3.readthedocs.io",
        "requests.readthedocs.io",
        "pip.pypa.io",
        "docs.python.org",
        "curl.se",
        "curl.haxx.se",
        "nodejs.org",
        "docs.oracle.com",
        "learn.microsoft.com",
    }
)


def _host_port_from_text(text: str) -> tuple[str | None, int | None]:
    for pattern in _HOST_PATTERNS:
        for match in pattern.finditer(text):
            host, port = _host_port_from_match(match)
            if host is not None:
                return host, port if port is not None else _port_of_url_for(text, host)
    url_host, url_port = _first_url(text)
    if url_host is not None:
        return url_host, url_port
    connected = _CONNECTED.search(text)
    if connected is not None:
        return _clean_host(connected.group(1)), _clean_port(connected.group(2))
    return None, None


def _host_port_from_match(match: re.Match[str]) -> tuple[str | None, int | None]:
    raw = match.group(1)
    port = _clean_port(match.group(2)) if match.re.groups >= 2 else None
    if match.re.pattern.startswith("Cannot connect"):
        raw, _, port_text = raw.rpartition(":")
        port = _clean_port(port_text)
    return _clean_host(raw), port


def _first_url(text: str) -> tuple[str | None, int | None]:
    for match in _URL.finditer(text):
        host = _clean_host(match.group(1))
        if host is not None and host not in _DOC_HOSTS:
            port = _clean_port(match.group(2)) if match.group(2) else 443
            return host, port
    return None, None


def _port_of_url_for(text: str, host: str) -> int | None:
    for match in _URL.finditer(text):
        if _clean_host(match.group(1)) == host:
            return _clean_port(match.group(2)) if match.group(2) else 443
    return None


def _clean_host(raw: object) -> str | None:
    if not isinstance(raw, str):
        return None
    text = raw.strip().strip("'\"\u201c\u201d")
    if text.endswith(".") and not text.endswith(".."):
        text = text[:-1]
    if not text or len(text) > 260:
        return None
    try:
        return normalize_host(text[1:-1] if text.startswith("[") and text.endswith("]") else text)
    except ValueError:
        return None


def _clean_port(raw: object) -> int | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, str) and raw.isascii() and raw.isdigit() and len(raw) <= 5:
        raw = int(raw)
    if isinstance(raw, int) and 1 <= raw <= 65535:
        return raw
    return None


def _host_port_from_url(url: object) -> tuple[str | None, int | None]:
    text = _safe_str(url)
    if not text.lower().startswith("https://"):
        return None, None
    try:
        target = parse_target(text)
    except ValueError:
        return None, None
    return target.host, target.port


# --- client and exception type in text --------------------------------------------------

_CLIENT_ROOTS = {
    "pip": "pip",
    "requests": "requests",
    "urllib3": "urllib3",
    "httpx": "httpx",
    "httpcore": "httpx",
    "aiohttp": "aiohttp",
    "urllib": "urllib",
    "truststore": "truststore",
    "ssl": "ssl",
    "_ssl": "ssl",
    "conda": "conda",
}
_CLIENT_HINTS: tuple[tuple[str, str], ...] = (
    ("pip._vendor", "pip"),
    ("could not fetch url", "pip"),
    ("there was a problem confirming the ssl certificate", "pip"),
    ("pip install", "pip"),
    ("could not install packages due to", "pip"),
    ("looking in indexes:", "pip"),
    ("warning: retrying (retry(total=", "pip"),
    ("condahttperror", "conda"),
    ("condasslerror", "conda"),
    ("fatal: unable to access", "git"),
    ("curl: (", "curl"),
    ("schannel:", "curl"),
    ("err_tls_", "node"),
    ("tlssocket", "node"),
    ("unable_to_get_issuer_cert_locally", "node"),
    ("unable_to_verify_leaf_signature", "node"),
    ("self_signed_cert_in_chain", "node"),
    ("depth_zero_self_signed_cert", "node"),
    ("cert_has_expired", "node"),
    ("node:internal", "node"),
    ("javax.net.ssl", "java"),
    ("pkix path", "java"),
    ("sun.security", "java"),
    ("x509: ", "go"),
    ("truststore", "truststore"),
    ("aiohttp", "aiohttp"),
    ("cannot connect to host", "aiohttp"),
    ("httpx.", "httpx"),
    ("httpcore.", "httpx"),
    ("requests.exceptions", "requests"),
    ("urllib3.exceptions", "urllib3"),
    ("httpsconnectionpool(", "urllib3"),
    ("<urlopen error", "urllib"),
    ("urllib.error", "urllib"),
    ("ssl certificate problem", "curl"),
    ("sslcertverificationerror", "ssl"),
)
_EXC_LINE = re.compile(
    r"^[ \t]{0,40}(?:Caused by: |Exception in thread \"[^\"\n]{0,100}\" )?"
    r"((?:[A-Za-z_]\w{0,60}\.){0,10}[A-Za-z_]\w{0,60}(?:Error|Exception))(?=:|[ \t]*$)",
    re.MULTILINE,
)


def _exception_type_from_text(text: str) -> str | None:
    generic = ("Error", "Exception")
    names = [m.group(1) for m in _EXC_LINE.finditer(text) if m.group(1) not in generic]
    if not names:
        return None
    return names[-1] if "Traceback (most recent call last)" in text else names[0]


def _client_from_module(module: str | None) -> str | None:
    if not module:
        return None
    root = module.split(".", 1)[0]
    return _CLIENT_ROOTS.get(root)


def _client_from_text(text: str, exception_type: str | None) -> str | None:
    if exception_type is not None and "." in exception_type:
        client = _client_from_module(exception_type.rpartition(".")[0])
        if client == "ssl" and "truststore" in text:
            return "truststore"
        if client is not None:
            return client
    lowered = text.lower()
    for hint, client in _CLIENT_HINTS:
        if hint in lowered:
            return client
    return None


# --- pasted text ----------------------------------------------------------------------------


def reported_from_text(text: str) -> ReportedError:
    """Read what a user pasted: a log line, a traceback, curl / Node / Java / Windows output.

    Args:
        text: the pasted text; only the first 20,000 characters are looked at.

    Returns:
        A :class:`ReportedError`; fields that the text does not reveal are None.
        Never raises.
    """
    try:
        return _from_text(text)
    except Exception:  # a last resort: reading a paste must never fail
        return ReportedError(text=_shorten(text if isinstance(text, str) else ""))


def _from_text(text: str) -> ReportedError:
    body = text[:MAX_INPUT] if isinstance(text, str) else _safe_str(text)
    code, message = _verify_from_text(body)
    host, port = _host_port_from_text(body)
    exception_type = _exception_type_from_text(body)
    return ReportedError(
        text=_shorten(body.strip()),
        exception_type=exception_type,
        verify_code=code,
        verify_message=message,
        client=_client_from_text(body, exception_type),
        host=host,
        port=port,
    )


_QUERY = re.compile(r"\?[^\s'\"()<>]{0,2000}")
_USERINFO = re.compile(r"(?<=://)[^/@\s'\"]{1,256}@")


def _redact(text: str) -> str:
    """Query strings and user:password@ in URLs often hold secrets (tokens, API keys): drop them."""
    return _USERINFO.sub("***@", _QUERY.sub("?\u2026", text))


def _shorten(text: str) -> str:
    text = _redact(text)
    if len(text) <= MAX_TEXT:
        return text
    half = MAX_TEXT // 2 - 3
    return text[:half] + " \u2026 " + text[-half:]


# --- caught exceptions ------------------------------------------------------------------------

_TLS_CLASS_NAMES = frozenset(
    {
        "SSLError",
        "SSLCertVerificationError",
        "CertificateError",
        "ClientSSLError",
        "ClientConnectorSSLError",
        "ClientConnectorCertificateError",
        "ServerFingerprintMismatch",
        "SSLHandshakeException",
    }
)
_TLS_WORDS = (
    "[ssl",
    "certificate verify",
    "certificate_verify",
    "sslerror",
    "sslcertverification",
    "ssl error",
    "x509",
    "pkix",
    "tls handshake",
    "ssl handshake",
    "tlsv1",
    "sslv3",
)
_CHILD_ATTRIBUTES = ("reason", "certificate_error", "_certificate_error", "os_error", "_os_error")


def reported_from_exception(exc: BaseException) -> ReportedError | None:
    """Read a caught exception of ssl, urllib, urllib3, requests, httpx, aiohttp, pip, truststore.

    Args:
        exc: the exception as caught (the outermost one); causes, contexts,
            ``args`` and the wrapped ``reason`` / ``certificate_error`` are followed.

    Returns:
        A :class:`ReportedError`, or None when nothing in the chain concerns TLS.
        Never raises, whatever the object.
    """
    try:
        return _from_exception(exc)
    except Exception:  # a last resort: hostile objects must not break us
        return None


def _from_exception(exc: BaseException) -> ReportedError | None:
    nodes = list(_walk(exc))
    texts = [_safe_str(node)[:MAX_INPUT] for node in nodes]
    if not any(_is_tls(node, text) for node, text in zip(nodes, texts, strict=True)):
        return None
    code, message, platform = _verify_from_nodes(nodes, texts)
    host, port = _host_port_from_nodes(nodes)
    if host is None:
        host, port = _host_port_from_text("\n".join(texts)[:MAX_INPUT])
    exception_type = _qualified_name(exc)
    return ReportedError(
        text=_shorten(f"{exception_type}: {texts[0]}" if texts[0] else exception_type),
        exception_type=exception_type,
        verify_code=code,
        verify_message=message,
        client="truststore" if platform else _client_from_nodes(nodes),
        host=host,
        port=port,
    )


def _walk(exc: object) -> Iterator[object]:
    """Breadth-first over the exceptions reachable from ``exc``; bounded, cycle-safe."""
    seen: set[int] = set()
    queue: list[tuple[object, int]] = [(exc, 0)]
    while queue and len(seen) < _MAX_NODES:
        node, depth = queue.pop(0)
        if id(node) in seen:
            continue
        seen.add(id(node))
        yield node
        if depth < _MAX_DEPTH:
            queue.extend((child, depth + 1) for child in _children(node))


def _children(node: object) -> list[object]:
    candidates: list[object] = [_attr(node, "__cause__"), _attr(node, "__context__")]
    candidates.extend(_attr(node, name) for name in _CHILD_ATTRIBUTES)
    for sequence_name in ("args", "exceptions"):
        sequence = _attr(node, sequence_name)
        if isinstance(sequence, tuple):
            candidates.extend(sequence[:8])
    return [c for c in candidates if isinstance(c, BaseException)]


def _attr(obj: object, name: str) -> object:
    try:
        return getattr(obj, name, None)
    except Exception:  # properties may raise anything (httpx .request)
        return None


def _safe_str(obj: object) -> str:
    for render in (str, repr):
        try:
            text = render(obj)
        except Exception:
            continue
        if isinstance(text, str):
            return text[:MAX_INPUT]
    return ""


def _type_name(obj: object) -> str:
    try:
        name = type(obj).__name__
        return name if isinstance(name, str) else ""
    except Exception:
        return ""


def _qualified_name(obj: object) -> str:
    try:
        cls = type(obj)
        module, qualname = cls.__module__, cls.__qualname__
        if not isinstance(qualname, str):
            return _type_name(obj)
        if not isinstance(module, str) or module == "builtins":
            return qualname
        return f"{module}.{qualname}"
    except Exception:
        return _type_name(obj)


def _module_of(obj: object) -> str | None:
    try:
        module = type(obj).__module__
        return module if isinstance(module, str) else None
    except Exception:
        return None


def _is_instance(obj: object, cls: type[BaseException]) -> bool:
    try:
        return isinstance(obj, cls)
    except Exception:
        return False


def _is_tls(node: object, text: str) -> bool:
    if _is_instance(node, ssl.SSLError) or _type_name(node) in _TLS_CLASS_NAMES:
        return True
    lowered = text.lower()
    return any(word in lowered for word in _TLS_WORDS) or verify_code_from_message(text) is not None


def _verify_from_nodes(nodes: list[object], texts: list[str]) -> tuple[int | None, str | None, bool]:
    """(code, message, whether the code came from a platform verifier such as truststore)."""
    for node, text in zip(nodes, texts, strict=True):
        raw = _attr(node, "verify_code")
        if isinstance(raw, int) and not isinstance(raw, bool) and raw != 0:
            message = _attr(node, "verify_message")
            message_text = message if isinstance(message, str) and message else None
            code, platform = _map_verify_code(raw)
            fallback_code, fallback_message = _verify_from_text(message_text or text)
            return (
                code if code is not None else fallback_code,
                message_text or fallback_message,
                platform,
            )
    for text in texts:
        code, message = _verify_from_text(text)
        if code is not None:
            return code, message, False
    return None, None, False


def _map_verify_code(raw: int) -> tuple[int | None, bool]:
    if 0 < raw < 200:
        return raw, False
    if raw in _PLATFORM_BY_VALUE:
        return _PLATFORM_BY_VALUE[raw], True
    return None, 0x80000000 <= raw <= 0xFFFFFFFF or -99_999 <= raw < 0


def _client_from_nodes(nodes: list[object]) -> str | None:
    for node in nodes:
        client = _client_from_module(_module_of(node))
        if client is not None:
            return "truststore" if client == "ssl" and _raised_in_truststore(node) else client
    return None


def _raised_in_truststore(node: object) -> bool:
    return any(
        isinstance(name, str) and name.split(".", 1)[0] == "truststore"
        for name in (_frame_globals_name(frame) for frame in _frames(node))
    )


# --- host and port from attributes and tracebacks ----------------------------------------------


def _host_port_from_nodes(nodes: list[object]) -> tuple[str | None, int | None]:
    for node in nodes:
        host, port = _host_port_from_attributes(node)
        if host is not None:
            return host, port
    for node in nodes:
        host, port = _host_port_from_traceback(node)
        if host is not None:
            return host, port
    return None, None


def _host_port_from_attributes(node: object) -> tuple[str | None, int | None]:
    pool = _attr(node, "pool")  # urllib3 MaxRetryError and PoolError
    if pool is not None:
        host = _clean_host(_attr(pool, "host"))
        if host is not None:
            return host, _clean_port(_attr(pool, "port"))
    request = _attr(node, "request")  # requests and httpx exceptions
    if request is not None:
        host, port = _host_port_from_url(_attr(request, "url"))
        if host is not None:
            return host, port
    for holder in (node, _attr(node, "_conn_key"), _attr(node, "conn_key")):  # aiohttp
        host = _clean_host(_attr(holder, "host")) if holder is not None else None
        if host is not None:
            return host, _clean_port(_attr(holder, "port"))
    return _host_port_from_url(_attr(node, "url"))


def _frames(node: object) -> Iterator[object]:
    traceback = _attr(node, "__traceback__")
    for _ in range(_MAX_FRAMES):
        if traceback is None:
            return
        frame = _attr(traceback, "tb_frame")
        if frame is not None:
            yield frame
        traceback = _attr(traceback, "tb_next")


def _frame_globals_name(frame: object) -> object:
    frame_globals = _attr(frame, "f_globals")
    return frame_globals.get("__name__") if isinstance(frame_globals, dict) else None


def _host_port_from_traceback(node: object) -> tuple[str | None, int | None]:
    """The server name the failing call was made with, read from the frames' locals."""
    for frame in _frames(node):
        local_vars = _attr(frame, "f_locals")
        if not isinstance(local_vars, Mapping):  # a dict before 3.13, a FrameLocalsProxy from 3.13 (PEP 667)
            continue
        for value in (local_vars.get("self"), local_vars.get("req"), local_vars.get("conn")):
            host, port = _host_port_from_object(value)
            if host is not None:
                return host, port
        host = _clean_host(local_vars.get("server_hostname"))
        if host is not None:
            return host, None
    return None, None


def _host_port_from_object(value: object) -> tuple[str | None, int | None]:
    bases = _class_names(value)
    if "http.client.HTTPConnection" in bases:
        tunnel = _clean_host(_attr(value, "_tunnel_host"))
        if tunnel is not None:
            return tunnel, _clean_port(_attr(value, "_tunnel_port"))
        return _clean_host(_attr(value, "host")), _clean_port(_attr(value, "port"))
    if "urllib.request.Request" in bases:
        return _host_port_from_url(_attr(value, "full_url"))
    if "ssl.SSLSocket" in bases or "ssl.SSLObject" in bases:
        return _clean_host(_attr(value, "server_hostname")), None
    return None, None


def _class_names(value: object) -> set[str]:
    try:
        return {f"{cls.__module__}.{cls.__qualname__}" for cls in type(value).__mro__}
    except Exception:
        return set()
