"""Pure: the vocabulary of sslexplain, data only.

Every type here is a frozen dataclass of plain values (``bytes``, ``str``,
UTC ``datetime``, tuples) so that an :class:`Observation` and a
:class:`Diagnosis` round-trip through JSON and can be re-analysed anywhere.
Only the standard library is imported: ``import sslexplain`` stays light.
"""

from __future__ import annotations

import base64
import dataclasses
import enum
import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, TypeVar

_FROZEN = {"frozen": True, "slots": True, "kw_only": True}


class CauseKind(str, enum.Enum):
    """Why a certificate could not be verified; the values are stable API."""

    MISSING_ROOT = "missing_root"
    SELF_SIGNED = "self_signed"
    UNTRUSTED_ROOT = "untrusted_root"
    INCOMPLETE_CHAIN = "incomplete_chain"
    CHAIN_ORDER = "chain_order"
    INVALID_CHAIN = "invalid_chain"
    HOSTNAME_MISMATCH = "hostname_mismatch"
    EXPIRED = "expired"
    NOT_YET_VALID = "not_yet_valid"
    CLOCK_SKEW = "clock_skew"
    REVOKED = "revoked"
    INTERCEPTION = "interception"
    ADDRESS_MISMATCH = "address_mismatch"
    PYTHON_ENVIRONMENT = "python_environment"
    WEAK_CRYPTO = "weak_crypto"
    UNREACHABLE = "unreachable"
    HANDSHAKE_FAILURE = "handshake_failure"

    def __str__(self) -> str:
        return self.value

    @property
    def root_cause(self) -> int | None:
        """The seed document's cause number (1-8), or None."""
        return _ROOT_CAUSE.get(self)


_ROOT_CAUSE: dict[CauseKind, int] = {
    CauseKind.MISSING_ROOT: 1,
    CauseKind.SELF_SIGNED: 2,
    CauseKind.UNTRUSTED_ROOT: 2,
    CauseKind.INCOMPLETE_CHAIN: 3,
    CauseKind.CHAIN_ORDER: 3,
    CauseKind.INVALID_CHAIN: 3,
    CauseKind.HOSTNAME_MISMATCH: 4,
    CauseKind.EXPIRED: 4,
    CauseKind.NOT_YET_VALID: 4,
    CauseKind.CLOCK_SKEW: 4,
    CauseKind.REVOKED: 5,
    CauseKind.INTERCEPTION: 6,
    CauseKind.ADDRESS_MISMATCH: 7,
    CauseKind.PYTHON_ENVIRONMENT: 8,
    CauseKind.WEAK_CRYPTO: 8,
}


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"

    def __str__(self) -> str:
        return self.value


class Audience(str, enum.Enum):
    """Who has to act on a fix."""

    CLIENT = "client"
    SERVER = "server"
    NETWORK = "network"

    def __str__(self) -> str:
        return self.value


@dataclass(**_FROZEN)
class Target:
    """What to diagnose, parsed; ``host`` is the name used for SNI and name checks."""

    host: str
    port: int = 443
    connect_to: tuple[str, ...] = ()
    proxy: str | None = field(default=None, repr=False)  # may hold credentials: never printed
    ca_file: str | None = None

    @property
    def display(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"


@dataclass(**_FROZEN)
class Handshake:
    """One TLS handshake attempt as measured.

    ``chain`` is the chain exactly as the server sent it (DER, leaf first),
    filled by capture handshakes. ``error_kind`` classifies a failure:
    "dns", "connect", "timeout", "verify", "tls", "closed", "proxy", "other".
    """

    address: str
    purpose: str  # "capture" or "verify"
    ok: bool
    route: str = "direct"  # "direct", or "proxy" when made through an HTTP CONNECT proxy
    chain: tuple[bytes, ...] = ()
    tls_version: str | None = None
    cipher: str | None = None
    error_kind: str | None = None
    error_type: str | None = None
    error_message: str | None = None
    verify_code: int | None = None
    verify_message: str | None = None
    alert_after_handshake: str | None = None
    certificate_requested: bool = False
    http_status_line: str | None = None
    http_date: str | None = None
    elapsed_ms: float = 0.0


@dataclass(**_FROZEN)
class Fetch:
    """One HTTP fetch of certificate material (AIA caIssuers, OCSP, CRL)."""

    url: str
    purpose: str  # "aia", "ocsp", "crl"
    ok: bool
    status: int | None = None
    content_type: str | None = None
    body: bytes = b""
    truncated: bool = False
    error: str | None = None
    elapsed_ms: float = 0.0


@dataclass(**_FROZEN)
class TrustStore:
    """A trust store as far as it matters for one chain.

    Only the anchors whose subject matches a name in the observed chain are
    kept (``anchors``), so an Observation stays small yet analysis can build
    paths offline.
    """

    name: str
    source: str
    loaded: int  # how many certificates the store holds (-1: unknown)
    anchors: tuple[bytes, ...] = ()
    error: str | None = None


@dataclass(**_FROZEN)
class Environment:
    """This interpreter's TLS set-up, as read from its configuration."""

    python: str = ""
    platform: str = ""
    openssl: str = ""
    default_cafile: str | None = None
    default_capath: str | None = None
    env_vars: tuple[tuple[str, str], ...] = ()
    certifi_where: str | None = None
    certifi_version: str | None = None
    hostname_checks_common_name: bool = False
    openssl_compiled: str = ""
    security_level: int | None = None
    # (setting, path, status, certificates); status: ok, missing, unreadable, empty, not_pem, no_certs
    path_checks: tuple[tuple[str, str, str, int], ...] = ()
    packages: tuple[tuple[str, str], ...] = ()  # (distribution, version) of TLS-related packages
    truststore_injected: bool = False


@dataclass(**_FROZEN)
class ReportedError:
    """The failure the user actually saw, when we start from an exception or text."""

    text: str
    exception_type: str | None = None
    verify_code: int | None = None
    verify_message: str | None = None
    client: str | None = None  # "requests", "urllib3", "httpx", "aiohttp", "urllib", "ssl", "pip", ...
    host: str | None = None
    port: int | None = None


@dataclass(**_FROZEN)
class Observation:
    """Everything measured about one target, once, at ``observed_at``."""

    target: Target
    observed_at: datetime
    addresses: tuple[str, ...] = ()
    resolve_error: str | None = None
    handshakes: tuple[Handshake, ...] = ()
    fetches: tuple[Fetch, ...] = ()
    stores: tuple[TrustStore, ...] = ()
    environment: Environment | None = None
    reported: ReportedError | None = None
    proxy: str | None = None  # the proxy the client would use (credentials redacted), if any
    network: bool = True  # False: no AIA / OCSP / CRL fetch was allowed
    probed: bool = True
    deadline_hit: bool = False
    elapsed_ms: float = 0.0


@dataclass(**_FROZEN)
class Fix:
    audience: Audience
    text: str
    command: str | None = None


@dataclass(**_FROZEN)
class Cause:
    kind: CauseKind
    severity: Severity
    summary: str
    explanation: str = ""
    evidence: tuple[str, ...] = ()
    fixes: tuple[Fix, ...] = ()
    root_cause: int | None = None
    certificate: int | None = None  # index in the served chain this cause is about

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


@dataclass(**_FROZEN)
class CertInfo:
    """A certificate of the served chain, summarised for people."""

    index: int
    subject: str
    issuer: str
    sans: tuple[str, ...]
    not_before: datetime
    not_after: datetime
    key: str
    signature: str
    sha256: str
    is_ca: bool
    self_signed: bool


@dataclass(**_FROZEN)
class ClientVerdict:
    """Whether one client configuration on this machine verifies the served chain, and why."""

    client: str  # "stdlib ssl", "requests", "httpx", "certifi", "OS store (truststore)", "pip", "ca_file"
    store: str  # where its trust comes from (a path, "certifi 2026.05.20", "OS")
    verifies: bool
    detail: str = ""


@dataclass(**_FROZEN)
class AddressResult:
    """What one address of the host serves, and whether the client verifies it."""

    address: str
    family: str  # "IPv4" or "IPv6"
    reached: bool
    verifies: bool
    leaf_sha256: str | None = None
    verify_code: int | None = None
    detail: str = ""


@dataclass(**_FROZEN)
class Diagnosis:
    """The answer: what is wrong (``causes``), on what evidence, and how to fix it."""

    target: Target
    ok: bool
    causes: tuple[Cause, ...] = ()
    chain: tuple[CertInfo, ...] = ()
    completed_chain_pem: str | None = None
    clients: tuple[ClientVerdict, ...] = ()
    addresses: tuple[AddressResult, ...] = ()
    observation: Observation | None = None
    lang: str = "en"
    verdict: str = ""

    @property
    def primary(self) -> Cause | None:
        return self.causes[0] if self.causes else None

    @property
    def kinds(self) -> tuple[CauseKind, ...]:
        return tuple(cause.kind for cause in self.causes)

    @property
    def errors(self) -> tuple[Cause, ...]:
        return tuple(cause for cause in self.causes if cause.is_error)

    def to_dict(self, redact: bool = False) -> dict[str, Any]:
        """A JSON-ready dict; ``observation`` is included so it can be re-analysed.

        ``redact=True`` gives a report safe to share: host names, addresses, paths, user
        names and credentials replaced consistently, certificates kept as fingerprints
        and public facts (it cannot be re-analysed).
        """
        if redact:
            from ._redact import redact_dict

            return redact_dict(self)
        return to_plain(self)  # type: ignore[no-any-return]

    def to_json(self, redact: bool = False, *, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(redact=redact), indent=indent, ensure_ascii=False)

    def to_markdown(self, redact: bool = False) -> str:
        """Markdown for tickets and issues; ``redact=True`` as for :meth:`to_dict`."""
        from ._render import render_markdown

        if redact:
            from ._redact import redact as redacted

            return render_markdown(redacted(self))
        return render_markdown(self)

    def in_language(self, lang: str) -> Diagnosis:
        """The same diagnosis rendered in another language (re-runs the pure analysis)."""
        if lang == self.lang or self.observation is None:
            return self
        from ._api import analyze

        return analyze(self.observation, lang=lang)

    def write_chain(self, path: str) -> None:
        """Write the completed chain (leaf first, PEM) for the server's configuration."""
        if self.completed_chain_pem is None:
            raise ValueError("no completed chain is known for this diagnosis")
        with open(path, "w", encoding="ascii") as handle:
            handle.write(self.completed_chain_pem)

    def __str__(self) -> str:
        from ._render import render_text

        return render_text(self)

    def _repr_html_(self) -> str:
        from ._render import render_html

        return render_html(self)

    def _repr_markdown_(self) -> str:
        from ._render import render_markdown

        return render_markdown(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Diagnosis:
        return from_plain(cls, data)

    @classmethod
    def from_json(cls, text: str) -> Diagnosis:
        return cls.from_dict(json.loads(text))


# --- plain <-> dataclass, mechanical because the types hold plain values only ---


def to_plain(value: Any) -> Any:
    """Dataclasses, enums, bytes and datetimes to JSON-ready values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: _without_credentials(getattr(value, f.name))
            if f.name == "proxy"
            else to_plain(getattr(value, f.name))
            for f in dataclasses.fields(value)
        }
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, datetime):
        return value.astimezone(timezone.utc).isoformat()
    if isinstance(value, (tuple, list)):
        return [to_plain(item) for item in value]
    return value


_T = TypeVar("_T")
_USERINFO = re.compile(r"(?<=://)[^/@\s]+@")


def _without_credentials(value: Any) -> Any:
    """Proxy URLs carry user:password; no serialised form ever keeps them."""
    return _USERINFO.sub("***@", value) if isinstance(value, str) else to_plain(value)


def from_plain(cls: type[_T], data: dict[str, Any]) -> _T:
    """The inverse of :func:`to_plain` for the types of this module."""
    import typing

    hints = typing.get_type_hints(cls)
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name in data:
            kwargs[f.name] = _decode(hints[f.name], data[f.name])
    return cls(**kwargs)


def _decode(hint: Any, value: Any) -> Any:
    import types
    import typing

    if value is None:
        return None
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return _decode(inner[0], value)
    if origin is tuple:
        item = args[0]
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(item, v) for v in value)
        return tuple(_decode(a, v) for a, v in zip(args, value, strict=False))
    if hint is bytes:
        return base64.b64decode(value)
    if hint is datetime:
        return datetime.fromisoformat(value)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return hint(value)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return from_plain(hint, value)
    return value


def utc(moment: datetime) -> datetime:
    """A datetime as aware UTC (cryptography gives naive UTC on old APIs)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)
