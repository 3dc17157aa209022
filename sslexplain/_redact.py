"""Pure: a Diagnosis safe to paste into a public issue or a support ticket.

Host names, addresses, paths, user names (as they appear in home-directory
paths) and proxy credentials are replaced consistently: the same value always
gets the same placeholder within one report, so relations stay visible
(``*.h2.h3.test`` still covers ``h1.h2.h3.test``; both IPv4 and IPv6 of one host
stay distinct). Host names are replaced label by label and keep their top-level
domain. Certificates are reduced to fingerprints and the public facts a
diagnosis needs (validity, key, signature, CA flag, redacted names).
Loopback and unspecified addresses and system trust-store paths are kept:
they identify no one and they matter for the diagnosis.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import ipaddress
import re
import urllib.parse
from typing import Any

from ._model import Diagnosis, to_plain

__all__ = ["Redactor", "redact", "redact_dict"]

_KEEP_HOSTS = frozenset({"localhost", "localhost.localdomain"})
_SYSTEM_PREFIXES = (
    "/etc/ssl/",
    "/etc/pki/",
    "/etc/ca-certificates",
    "/usr/",
    "/System/",
    "/Library/",
    "/private/etc/ssl/",
    "/opt/homebrew/",
    "/path/",  # the placeholder path of our own fix messages
)
_PACKAGE_DIRS = ("site-packages", "dist-packages")

_URL = r"(?P<url>\b[a-zA-Z][a-zA-Z0-9+.\-]*://(?:\[[0-9A-Fa-f:.]+\]|[^\s/'\"<>()\[\]]+)[^\s'\"<>()]*)"
_WINPATH = r"(?P<winpath>\b[A-Za-z]:\\(?:[^\\\s'\"<>|:*?]+\\)*[^\\\s'\"<>|:*?,;)]*)"
_PATH = r"(?P<path>(?<![\w.:/\-])~?/(?:[\w.+~@\-]+/)+[\w.+~@\-]*)"
_IPV6 = r"(?P<ipv6>(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?:%[\w.]+)?(?![\w:]))"
_IPV4 = r"(?P<ipv4>(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w]|\.\d))"
_HOST_TAIL = r"(?![\w\-]|\.[\w\-])"


class Redactor:
    """Consistent placeholders for one report: learn the names first, then redact any text."""

    def __init__(self) -> None:
        self._labels: dict[str, str] = {}
        self._ips: dict[str, str] = {}
        self._dirs: dict[str, str] = {}
        self._names: set[str] = set()
        self._bases: set[str] = set()
        self._pattern: re.Pattern[str] | None = None

    # -- learning ---------------------------------------------------------------------------------

    def learn_host(self, name: str | None) -> None:
        """Remember a host name (and its registrable part) so free text mentioning it is redacted."""
        if not name:
            return
        name = name.strip().strip(".").lower()
        if name.startswith("*."):
            name = name[2:]
        if not name or name in _KEEP_HOSTS or _ip(name) is not None or " " in name:
            return
        labels = name.split(".")
        if len(labels) == 1:
            self._names.add(name)
        else:
            self._bases.add(".".join(labels[-2:]))
        self._pattern = None

    def learn(self, d: Diagnosis) -> None:
        """Learn every host name a diagnosis mentions: target, reported host, SANs and CNs, proxy."""
        self.learn_host(d.target.host)
        obs = d.observation
        if obs is not None:
            self.learn_host(obs.target.host)
            if obs.reported is not None:
                self.learn_host(obs.reported.host)
            for url in (obs.proxy, obs.target.proxy):
                if url:
                    self.learn_host(_url_host(url))
        for cert in d.chain:
            for name in cert.sans:
                self.learn_host(name)
            for dn in (cert.subject, cert.issuer):
                for cn in re.findall(r"CN=([^,]+)", dn):
                    if "." in cn and " " not in cn:
                        self.learn_host(cn)

    # -- replacing --------------------------------------------------------------------------------

    def host(self, name: str) -> str:
        """``www.wild.example.com`` -> ``h1.h2.h3.com``: label by label, the top-level domain kept."""
        lowered = name.lower()
        if lowered in _KEEP_HOSTS:
            return name
        if _ip(lowered) is not None:
            return self.ip(lowered)
        labels = lowered.split(".")
        keep_tld = len(labels) > 1
        out = []
        for i, label in enumerate(labels):
            if label == "*" or (keep_tld and i == len(labels) - 1):
                out.append(label)
            else:
                out.append(self._labels.setdefault(label, f"h{len(self._labels) + 1}"))
        return ".".join(out)

    def ip(self, value: str) -> str:
        """Documentation addresses (192.0.2.N, 2001:db8::N); loopback and unspecified are kept."""
        address = _ip(value.split("%", 1)[0])
        if address is None:
            return value
        if address.is_loopback or address.is_unspecified:
            return value
        key = address.compressed
        if key not in self._ips:
            count = 1 + sum(1 for v in self._ips.values() if (":" in v) == (address.version == 6))
            self._ips[key] = f"2001:db8::{count:x}" if address.version == 6 else f"192.0.2.{count}"
        return self._ips[key]

    def path(self, value: str) -> str:
        """Directories become ``<path-N>`` (the file name stays); system and package paths are kept."""
        unix = "\\" not in value
        if unix and value.startswith(_SYSTEM_PREFIXES):
            return value
        separator = "/" if unix else "\\"
        parts = value.split(separator)
        for marker in _PACKAGE_DIRS:
            if marker in parts:
                return separator.join(["<python>", *parts[parts.index(marker) :]])
        directory, base = separator.join(parts[:-1]), parts[-1]
        placeholder = self._dirs.setdefault(directory, f"<path-{len(self._dirs) + 1}>")
        return f"{placeholder}{separator}{base}" if base else placeholder

    def url(self, value: str) -> str:
        """Credentials and query dropped, host redacted, path kept."""
        try:
            parts = urllib.parse.urlsplit(value)
            host = parts.hostname or ""
            port = parts.port
        except ValueError:
            return "<url>"
        shown = self.host(host) if host else ""
        if ":" in shown:
            shown = f"[{shown}]"
        credentials = "<credentials>@" if parts.username or parts.password else ""
        netloc = f"{credentials}{shown}{f':{port}' if port else ''}"
        query = "?…" if parts.query else ""
        return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, "", "")) + query

    def text(self, value: str) -> str:
        """Any free text: URLs, paths, addresses and learned host names replaced in one pass."""
        if not value:
            return value
        return self._compiled().sub(self._replace, value)

    def _compiled(self) -> re.Pattern[str]:
        if self._pattern is None:
            alternatives = [_URL, _WINPATH, _PATH, _IPV6, _IPV4]
            names = sorted(self._names, key=len, reverse=True)
            bases = sorted(self._bases, key=len, reverse=True)
            if bases:
                joined = "|".join(re.escape(b) for b in bases)
                alternatives.append(rf"(?P<host>(?<![\w.\-])(?:[\w*\-]+\.)*(?:{joined}){_HOST_TAIL})")
            if names:
                joined = "|".join(re.escape(n) for n in names)
                alternatives.append(rf"(?P<name>(?<![\w.\-])(?:{joined}){_HOST_TAIL})")
            self._pattern = re.compile("|".join(alternatives), re.IGNORECASE)
        return self._pattern

    def _replace(self, match: re.Match[str]) -> str:
        kind = match.lastgroup
        found = match.group(0)
        if kind == "url":
            url = found.rstrip(".,;:!?'\"")
            return self.url(url) + found[len(url) :]
        if kind in ("path", "winpath"):
            return self.path(found)
        if kind in ("ipv6", "ipv4"):
            return self.ip(found)
        if kind in ("host", "name"):
            return self.host(found)
        return found

    # -- structures -------------------------------------------------------------------------------

    def value(self, value: Any) -> Any:
        """Every string of a dataclass tree redacted; DER and other bytes dropped (see redact_dict)."""
        if isinstance(value, enum.Enum) or value is None or isinstance(value, (bool, int, float)):
            return value
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, bytes):
            return b""
        if isinstance(value, tuple):
            if value and all(isinstance(item, bytes) for item in value):
                return ()
            return tuple(self.value(item) for item in value)
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            changes = {f.name: self.value(getattr(value, f.name)) for f in dataclasses.fields(value)}
            return dataclasses.replace(value, **changes)
        return value

    def certificate(self, der: bytes) -> dict[str, Any]:
        """A certificate as its fingerprint and the public facts a diagnosis needs."""
        facts: dict[str, Any] = {"sha256": hashlib.sha256(der).hexdigest()}
        try:
            from . import _x509

            cert = _x509.load(der)
            if cert is None:
                return facts
            info = _x509.describe(cert, 0)
        except Exception:
            return facts
        facts.update(
            subject=self.text(info.subject),
            issuer=self.text(info.issuer),
            sans=[self.text(name) for name in info.sans],
            not_before=info.not_before.isoformat(),
            not_after=info.not_after.isoformat(),
            key=info.key,
            signature=info.signature,
            is_ca=info.is_ca,
            self_signed=info.self_signed,
        )
        return facts


def _ip(value: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(value.strip("[]"))
    except ValueError:
        return None


def _url_host(url: str) -> str | None:
    try:
        return urllib.parse.urlsplit(url if "://" in url else f"http://{url}").hostname
    except ValueError:
        return None


def _redactor(d: Diagnosis) -> Redactor:
    redactor = Redactor()
    redactor.learn(d)
    return redactor


def redact(d: Diagnosis, redactor: Redactor | None = None) -> Diagnosis:
    """The same Diagnosis with every string redacted and the raw certificates dropped (for rendering)."""
    redactor = redactor or _redactor(d)
    out: Diagnosis = redactor.value(d)
    return dataclasses.replace(out, completed_chain_pem=None)


def redact_dict(d: Diagnosis) -> dict[str, Any]:
    """``to_dict()`` for sharing: redacted strings; certificates as fingerprints and public facts.

    A redacted report is for people: it cannot be re-analysed (the certificates are gone).
    """
    from ._messages import text

    redactor = _redactor(d)
    plain: dict[str, Any] = to_plain(redact(d, redactor))
    plain["redacted"] = text(d.lang, "integrations.redacted")
    if d.completed_chain_pem:
        plain["completed_chain_pem"] = None
    obs, pobs = d.observation, plain.get("observation")
    if obs is None or not isinstance(pobs, dict):
        return plain
    for handshake, phandshake in zip(obs.handshakes, pobs.get("handshakes", []), strict=False):
        phandshake["chain"] = [redactor.certificate(der) for der in handshake.chain]
    for store, pstore in zip(obs.stores, pobs.get("stores", []), strict=False):
        pstore["anchors"] = [redactor.certificate(der) for der in store.anchors]
    for fetch, pfetch in zip(obs.fetches, pobs.get("fetches", []), strict=False):
        pfetch["body"] = {"sha256": hashlib.sha256(fetch.body).hexdigest(), "bytes": len(fetch.body)}
    return plain
