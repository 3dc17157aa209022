"""Pure: turn what a user typed ("host", "host:port", "[::1]:8443", an https:// URL) into a Target.

Nothing here touches the network. Credentials, paths, queries and fragments of a
URL are dropped on the spot and never stored. International names become
punycode A-labels, because that is what SNI and certificate names use.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Sequence

from ._model import Target

__all__ = ["is_ip_address", "parse_target"]

DEFAULT_PORT = 443
_MAX_NAME = 253
_MAX_LABEL = 63
_LABEL = re.compile(r"[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?")
_PORT = re.compile(r"[0-9]{1,5}")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]{0,30})://")


def parse_target(
    spec: str,
    *,
    port: int | None = None,
    connect_to: str | Sequence[str] | None = None,
    proxy: str | None = None,
    ca_file: str | None = None,
) -> Target:
    """Parse a target as a user writes it.

    Args:
        spec: ``"example.com"``, ``"example.com:8443"``, ``"[2001:db8::1]:443"``,
            ``"::1"``, ``"192.0.2.1"`` or ``"https://user:pw@example.com:8443/path"``.
        port: used when ``spec`` names no port (default 443).
        connect_to: an address or host name (or several) to connect to instead of
            resolving the host; SNI and name checks still use the host.
        proxy: an ``http://`` or ``https://`` proxy URL, kept as given
            (``""`` means "explicitly no proxy").
        ca_file: the trust bundle of the client under diagnosis, kept as given.

    Returns:
        A :class:`Target` with a lower-case, A-label host and a port in 1-65535.

    Raises:
        ValueError: with a one-line message saying what is wrong.
        TypeError: when an argument has the wrong type.
    """
    if not isinstance(spec, str):
        raise TypeError(f"target must be a str, not {type(spec).__name__}")
    host, spec_port = _split_spec(spec)
    return Target(
        host=host,
        port=spec_port if spec_port is not None else _check_port_arg(port),
        connect_to=_parse_connect_to(connect_to),
        proxy=_check_proxy(proxy),
        ca_file=ca_file,
    )


def is_ip_address(host: str) -> bool:
    """True when ``host`` is an IPv4 or IPv6 address (brackets and a zone id allowed)."""
    return _ip_text(host) is not None


# --- the spec ---------------------------------------------------------------------


def _split_spec(spec: str) -> tuple[str, int | None]:
    text = spec.strip()
    if not text:
        raise ValueError("empty target: give a host name, host:port or an https:// URL")
    scheme = _SCHEME.match(text)
    if scheme is not None:
        _check_scheme(scheme.group(1).lower())
        text = text[scheme.end() :]
    elif "://" in text:
        raise ValueError("malformed URL: expected https://host[:port]/...")
    authority = _authority(text)
    return _split_authority(authority)


def _check_scheme(scheme: str) -> None:
    if scheme == "https":
        return
    if scheme == "http":
        raise ValueError("http:// does not use TLS, so there is no certificate to check; use https://")
    raise ValueError(f"unsupported URL scheme {scheme!r}: only https:// URLs can be diagnosed")


def _authority(text: str) -> str:
    """The host[:port] part: no path, query, fragment or credentials."""
    end = len(text)
    for mark in "/?#":
        found = text.find(mark)
        if found != -1:
            end = min(end, found)
    authority = text[:end].rpartition("@")[2]
    if not authority:
        raise ValueError("no host in the target")
    return authority


def _split_authority(authority: str) -> tuple[str, int | None]:
    if authority.startswith("["):
        return _split_bracketed(authority)
    colons = authority.count(":")
    if colons >= 2:
        address = _ip_text(authority)
        if address is None or ":" not in address:
            raise ValueError(
                "ambiguous target: more than one ':' outside brackets"
                " (write an IPv6 address with a port as [address]:port)"
            )
        return address, None
    if colons == 1:
        host, _, port_text = authority.partition(":")
        return normalize_host(host), _parse_port(port_text)
    return normalize_host(authority), None


def _split_bracketed(authority: str) -> tuple[str, int | None]:
    close = authority.find("]")
    if close == -1:
        raise ValueError("unclosed '[' in the target: write IPv6 as [address]:port")
    address = _ip_text(authority[1:close])
    if address is None or ":" not in address:
        raise ValueError("only an IPv6 address may appear between '[' and ']'")
    rest = authority[close + 1 :]
    if not rest:
        return address, None
    if not rest.startswith(":"):
        raise ValueError("unexpected text after ']': expected ':port'")
    return address, _parse_port(rest[1:])


def _parse_port(text: str) -> int:
    if not _PORT.fullmatch(text):
        shown = text if len(text) <= 20 else text[:20] + "..."
        raise ValueError(f"invalid port {shown!r}: expected a number from 1 to 65535")
    return _check_port_range(int(text))


def _check_port_arg(port: int | None) -> int:
    if port is None:
        return DEFAULT_PORT
    if isinstance(port, bool) or not isinstance(port, int):
        raise TypeError(f"port must be an int, not {type(port).__name__}")
    return _check_port_range(port)


def _check_port_range(port: int) -> int:
    if not 1 <= port <= 65535:
        raise ValueError(f"invalid port {port}: expected a number from 1 to 65535")
    return port


# --- host names and addresses ---------------------------------------------------------


def _ip_text(text: str) -> str | None:
    """The canonical form of an IP address (IPv6 without brackets), or None."""
    if not isinstance(text, str):
        return None
    candidate = text.strip()
    if candidate.startswith("[") and candidate.endswith("]"):
        candidate = candidate[1:-1]
    if not candidate or len(candidate) > 100 or not candidate.isascii():
        return None
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return None


def normalize_host(host: str) -> str:
    """A host name or address as used for SNI: lower-case A-labels, no trailing dot."""
    address = _ip_text(host)
    if address is not None:
        return address
    name = host[:-1] if host.endswith(".") else host
    if not name:
        raise ValueError("empty host name")
    if len(name) > 4 * _MAX_NAME:
        raise ValueError(f"host name longer than {_MAX_NAME} characters")
    ascii_name = name.lower() if name.isascii() else _to_a_labels(name)
    _check_name(ascii_name)
    return ascii_name


def _to_a_labels(name: str) -> str:
    """Punycode A-labels for an internationalised name (``idna`` package if present)."""
    try:
        import idna

        return idna.encode(name, uts46=True).decode("ascii").lower()
    except ImportError:
        pass
    except Exception as exc:  # idna raises several types
        raise ValueError(f"invalid international host name: {_one_line(exc)}") from None
    try:
        return name.encode("idna").decode("ascii").lower()
    except Exception as exc:  # the codec raises UnicodeError and others
        raise ValueError(f"invalid international host name: {_one_line(exc)}") from None


def _check_name(name: str) -> None:
    if len(name) > _MAX_NAME:
        raise ValueError(f"host name longer than {_MAX_NAME} characters")
    labels = name.split(".")
    for label in labels:
        _check_label(label)
    if labels[-1].isdigit():
        raise ValueError(f"invalid host {_shown(name)}: not a valid IPv4 address")


def _check_label(label: str) -> None:
    if not label:
        raise ValueError("invalid host name: empty label (two dots in a row?)")
    if len(label) > _MAX_LABEL:
        raise ValueError(f"invalid host name: a label is longer than {_MAX_LABEL} characters")
    if label.startswith("-") or label.endswith("-"):
        raise ValueError(f"invalid host name label {_shown(label)}: it may not start or end with '-'")
    if not _LABEL.fullmatch(label):
        raise ValueError(
            f"invalid host name label {_shown(label)}: "
            "only letters, digits, '-' and '_' are allowed (no spaces)"
        )


def _shown(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:40] + "...")


def _one_line(exc: BaseException) -> str:
    try:
        return " ".join(str(exc).split())[:120] or type(exc).__name__
    except Exception:
        return type(exc).__name__


# --- connect_to and proxy ---------------------------------------------------------------


def _parse_connect_to(connect_to: str | Sequence[str] | None) -> tuple[str, ...]:
    if connect_to is None:
        return ()
    items = (connect_to,) if isinstance(connect_to, str) else tuple(connect_to)
    result: list[str] = []
    for item in items:
        address = _connect_address(item)
        if address not in result:
            result.append(address)
    return tuple(result)


def _connect_address(item: object) -> str:
    if not isinstance(item, str):
        raise TypeError(f"connect_to entries must be str, not {type(item).__name__}")
    text = item.strip()
    if not text:
        raise ValueError("empty connect_to address")
    address = _ip_text(text)
    if address is not None:
        return address
    if text.startswith("[") or ":" in text:
        raise ValueError(
            f"invalid connect_to address {_shown(text)}: give an IP address or a host name, without a port"
        )
    return normalize_host(text)


def _check_proxy(proxy: str | None) -> str | None:
    if proxy is None:
        return None
    if not isinstance(proxy, str):
        raise TypeError(f"proxy must be a str, not {type(proxy).__name__}")
    text = proxy.strip()
    if not text:
        return ""
    scheme = _SCHEME.match(text)
    if scheme is None or scheme.group(1).lower() not in ("http", "https"):
        raise ValueError("proxy must be an http:// or https:// URL, e.g. http://proxy.example:3128")
    try:
        _split_authority(_authority(text[scheme.end() :]))
    except ValueError as exc:
        raise ValueError(f"invalid proxy URL: {exc}") from None
    return text
