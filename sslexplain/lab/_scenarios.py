"""I/O: the catalog of named lab scenarios, an offline badssl on loopback.

Each :class:`Scenario` knows its chain, the name a client should use, the
trust bundle a correctly configured client has, and the cause sslexplain must
find. :class:`Lab` starts servers for any set of scenarios and always stops them.
"""

from __future__ import annotations

import datetime as _dt
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from types import TracebackType

from . import _network_cases
from ._certs import Issued, issue, pem_bundle, root
from ._servers import HTTPServer, PlainServer, SilentServer, TLSServer, _LoopbackServer

DOMAIN = "lab.test"


@dataclass(frozen=True)
class Scenario:
    """One lab case: ``expected`` is the cause kind (value) that must come first, "" for healthy."""

    name: str
    description: str
    expected: str
    host: str
    build: Callable[[LabPKI, str], _LoopbackServer] = field(repr=False)


@dataclass
class LabPKI:
    """The lab's CAs, made once per Lab: a trusted root with an intermediate, and a private root."""

    root: Issued = field(default_factory=lambda: root("sslexplain lab Root CA"))
    other_root: Issued = field(
        default_factory=lambda: root("Example Corp Private Root CA", organization="Corp")
    )
    aia: HTTPServer | None = None

    def __post_init__(self) -> None:
        self.intermediate = self.root.issue_ca("sslexplain lab Intermediate CA")

    def leaf(self, *names: str, **options: object) -> Issued:
        return self.intermediate.issue_leaf(*names, **options)

    def aia_url(self, name: str, cert: Issued) -> str:
        assert self.aia is not None
        path = f"/{name}.der"
        self.aia.routes[path] = ("application/pkix-cert", cert.der)
        return self.aia.url(path)


def _tls(
    chain: Callable[[LabPKI, str], list[Issued]], **server: object
) -> Callable[[LabPKI, str], _LoopbackServer]:
    def build(pki: LabPKI, host: str) -> _LoopbackServer:
        return TLSServer(chain(pki, host), **server)  # type: ignore[arg-type]

    return build


def _days(n: float) -> _dt.datetime:
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0) + _dt.timedelta(days=n)


def _aia_chain(pki: LabPKI, host: str) -> list[Issued]:
    hidden = pki.root.issue_ca("sslexplain lab AIA Intermediate CA")
    return [hidden.issue_leaf(host, aia_issuers=(pki.aia_url("aia-intermediate", hidden),))]


def _wrong_order(pki: LabPKI, host: str) -> list[Issued]:
    upper = pki.root.issue_ca("sslexplain lab Upper CA")
    lower = upper.issue_ca("sslexplain lab Lower CA")
    return [lower.issue_leaf(host), upper, lower]


def _expired_intermediate(pki: LabPKI, host: str) -> list[Issued]:
    old = pki.root.issue_ca(
        "sslexplain lab Old Intermediate CA", not_before=_days(-400), not_after=_days(-10)
    )
    return [old.issue_leaf(host, not_before=_days(-300), days=600), old]


def _not_a_ca(pki: LabPKI, host: str) -> list[Issued]:
    fake = issue("sslexplain lab Not-a-CA", issuer=pki.root, ca=True, basic_constraints=False)
    return [fake.issue_leaf(host), fake]


def _sha1(pki: LabPKI, host: str) -> list[Issued]:
    weak = pki.root.issue_ca("sslexplain lab SHA-1 Intermediate CA", hash_name="sha1")
    return [weak.issue_leaf(host), weak]


def _untrusted(pki: LabPKI, host: str) -> list[Issued]:
    corp = pki.other_root.issue_ca("Example Corp Issuing CA", organization="Corp")
    return [corp.issue_leaf(host), corp]


def _many_sans(pki: LabPKI, host: str) -> list[Issued]:
    names = [host] + [f"n{i}.{DOMAIN}" for i in range(499)]
    return [pki.leaf(*names), pki.intermediate]


def _chain(**options: object) -> Callable[[LabPKI, str], list[Issued]]:
    return lambda pki, host: [pki.leaf(host, **options), pki.intermediate]


def _mtls(pki: LabPKI, host: str) -> _LoopbackServer:
    return TLSServer([pki.leaf(host), pki.intermediate], client_ca=pki.other_root)


SCENARIOS: tuple[Scenario, ...] = (
    # healthy variants: no cause at all
    Scenario(
        "healthy", "ECDSA leaf and intermediate, complete chain", "", f"healthy.{DOMAIN}", _tls(_chain())
    ),
    Scenario("healthy-rsa", "RSA 2048 leaf", "", f"rsa.{DOMAIN}", _tls(_chain(key_type="rsa"))),
    Scenario(
        "healthy-wildcard",
        "wildcard *.wild.lab.test used for www",
        "",
        f"www.wild.{DOMAIN}",
        _tls(lambda pki, host: [pki.leaf(f"*.wild.{DOMAIN}"), pki.intermediate]),
    ),
    Scenario(
        "healthy-ip",
        "certificate with an IP address SAN, reached by IP",
        "",
        "127.0.0.1",
        _tls(lambda pki, host: [pki.leaf("127.0.0.1"), pki.intermediate]),
    ),
    Scenario("healthy-500-sans", "a leaf with 500 names", "", f"many.{DOMAIN}", _tls(_many_sans)),
    Scenario(
        "healthy-root-served",
        "the root is sent too (harmless)",
        "",
        f"withroot.{DOMAIN}",
        _tls(lambda pki, host: [pki.leaf(host), pki.intermediate, pki.root]),
    ),
    Scenario(
        "healthy-tls12", "TLS 1.2 only", "", f"tls12.{DOMAIN}", _tls(_chain(), tls_versions=("TLSv1.2",))
    ),
    Scenario(
        "healthy-tls13", "TLS 1.3 only", "", f"tls13.{DOMAIN}", _tls(_chain(), tls_versions=("TLSv1.3",))
    ),
    Scenario("healthy-ed25519", "Ed25519 leaf", "", f"ed25519.{DOMAIN}", _tls(_chain(key_type="ed25519"))),
    # broken ones
    Scenario(
        "expired",
        "the leaf expired 5 days ago",
        "expired",
        f"expired.{DOMAIN}",
        _tls(_chain(not_before=_days(-95), not_after=_days(-5))),
    ),
    Scenario(
        "not-yet-valid",
        "the leaf is valid from next week",
        "not_yet_valid",
        f"future.{DOMAIN}",
        _tls(_chain(not_before=_days(7), days=90)),
    ),
    Scenario(
        "expired-intermediate",
        "the intermediate expired",
        "expired",
        f"oldca.{DOMAIN}",
        _tls(_expired_intermediate),
    ),
    Scenario(
        "wrong-host",
        "certificate for another name",
        "hostname_mismatch",
        f"wronghost.{DOMAIN}",
        _tls(lambda pki, host: [pki.leaf(f"other.{DOMAIN}"), pki.intermediate]),
    ),
    Scenario(
        "wildcard-depth",
        "*.wild.lab.test used for a.b.wild.lab.test",
        "hostname_mismatch",
        f"a.b.wild.{DOMAIN}",
        _tls(lambda pki, host: [pki.leaf(f"*.wild.{DOMAIN}"), pki.intermediate]),
    ),
    Scenario(
        "cn-only",
        "host name only in the CN, no SAN",
        "hostname_mismatch",
        f"cnonly.{DOMAIN}",
        _tls(_chain(include_san=False)),
    ),
    Scenario(
        "self-signed",
        "a self-signed leaf",
        "self_signed",
        f"self.{DOMAIN}",
        _tls(lambda pki, host: [issue(host, sans=(host,))]),
    ),
    Scenario(
        "untrusted-root",
        "chain to a private root the client lacks",
        "untrusted_root",
        f"corp.{DOMAIN}",
        _tls(_untrusted),
    ),
    Scenario(
        "incomplete-chain",
        "leaf only, no AIA URL",
        "incomplete_chain",
        f"incomplete.{DOMAIN}",
        _tls(lambda pki, host: [pki.leaf(host)]),
    ),
    Scenario(
        "incomplete-chain-aia",
        "leaf only, intermediate at the AIA URL",
        "incomplete_chain",
        f"aia.{DOMAIN}",
        _tls(_aia_chain),
    ),
    Scenario(
        "wrong-order",
        "two intermediates sent in the wrong order (a warning)",
        "chain_order",
        f"order.{DOMAIN}",
        _tls(_wrong_order),
    ),
    Scenario(
        "not-a-ca", "the intermediate is marked CA:FALSE", "invalid_chain", f"notca.{DOMAIN}", _tls(_not_a_ca)
    ),
    Scenario(
        "wrong-eku",
        "the leaf is for clientAuth only",
        "invalid_chain",
        f"eku.{DOMAIN}",
        _tls(_chain(eku=("clientAuth",))),
    ),
    Scenario(
        "weak-key",
        "RSA 1024 leaf",
        "weak_crypto",
        f"weakkey.{DOMAIN}",
        _tls(_chain(key_type="rsa", key_size=1024)),
    ),
    Scenario(
        "sha1-intermediate", "intermediate signed with SHA-1", "weak_crypto", f"sha1.{DOMAIN}", _tls(_sha1)
    ),
    Scenario(
        "client-cert-required",
        "server requires a client certificate",
        "handshake_failure",
        f"mtls.{DOMAIN}",
        _mtls,
    ),
    Scenario(
        "plain-http",
        "plain HTTP on the port",
        "handshake_failure",
        f"plain.{DOMAIN}",
        lambda pki, host: PlainServer(),
    ),
    Scenario(
        "silent",
        "accepts TCP and never answers",
        "unreachable",
        f"silent.{DOMAIN}",
        lambda pki, host: SilentServer(),
    ),
    # the network family: what one look at one chain cannot find
    Scenario(
        "healthy-revocation",
        "OCSP and CRL both answer good",
        "",
        f"ocspgood.{DOMAIN}",
        _network_cases.good_revocation_site,
    ),
    Scenario(
        "healthy-proxy",
        "through a plain CONNECT proxy",
        "",
        f"proxied.{DOMAIN}",
        _network_cases.proxied_site,
    ),
    Scenario(
        "revoked",
        "the CA revoked the leaf (OCSP and CRL)",
        "revoked",
        f"revoked.{DOMAIN}",
        _network_cases.revoked_site,
    ),
    Scenario(
        "interception",
        "a proxy re-signs TLS with its own CA",
        "interception",
        f"intercepted.{DOMAIN}",
        _network_cases.intercepted_site,
    ),
    Scenario(
        "address-mismatch",
        "127.0.0.1 and 127.0.0.2 serve different chains",
        "address_mismatch",
        f"split.{DOMAIN}",
        _network_cases.split_addresses,
    ),
    Scenario(
        "clock-skew",
        "this clock is days behind the server's Date",
        "clock_skew",
        f"clock.{DOMAIN}",
        _network_cases.clock_skewed,
    ),
)

BY_NAME = {s.name: s for s in SCENARIOS}


@dataclass(frozen=True)
class Running:
    """A started scenario: where it listens and what a correct client trusts."""

    scenario: Scenario
    address: str
    port: int
    ca_file: str
    extra: Mapping[str, object] = field(default_factory=dict)  # e.g. proxy, several connect_to addresses

    @property
    def host(self) -> str:
        return self.scenario.host

    @property
    def url(self) -> str:
        """The URL a client uses (connect it to ``address``, e.g. with ``connect_to``)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"https://{host}:{self.port}/"

    def diagnose_kwargs(self) -> dict[str, object]:
        return {"port": self.port, "connect_to": self.address, "ca_file": self.ca_file, **self.extra}


class Lab:
    """Start scenarios on loopback; ``lab["expired"]`` is a :class:`Running`.

    Args:
        names: scenario names (default: all of them).
    """

    def __init__(self, names: Iterable[str] | None = None) -> None:
        self.scenarios = [BY_NAME[n] for n in names] if names is not None else list(SCENARIOS)
        self.pki: LabPKI | None = None
        self._servers: list[_LoopbackServer] = []
        self._running: dict[str, Running] = {}
        self._folder: tempfile.TemporaryDirectory[str] | None = None
        self.ca_file = ""

    def __enter__(self) -> Lab:
        try:
            self._start()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def _start(self) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="sslexplain-lab-")
        self.ca_file = os.path.join(self._folder.name, "lab-root.pem")
        self.pki = LabPKI(aia=HTTPServer().start())
        with open(self.ca_file, "wb") as handle:
            handle.write(pem_bundle([self.pki.root]))
        for scenario in self.scenarios:
            server = scenario.build(self.pki, scenario.host).start()
            self._servers.append(server)
            extra = getattr(server, "diagnose_extra", {})
            self._running[scenario.name] = Running(scenario, server.host, server.port, self.ca_file, extra)

    def close(self) -> None:
        for server in self._servers:
            server.stop()
        self._servers.clear()
        if self.pki is not None and self.pki.aia is not None:
            self.pki.aia.stop()
            self.pki.aia = None
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None

    def __getitem__(self, name: str) -> Running:
        return self._running[name]

    def __iter__(self) -> Iterator[Running]:
        return iter(self._running.values())
