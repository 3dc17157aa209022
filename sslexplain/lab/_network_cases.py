"""I/O: builders of the network-family scenarios (revocation, interception, addresses, clock).

Each returns a :class:`ServerGroup`: the TLS server plus what the case needs
around it (an OCSP / CRL server, a proxy, a second address on the same port).
"""

from __future__ import annotations

import datetime as _dt
import email.utils
import socket
from typing import TYPE_CHECKING

from ._group import ServerGroup
from ._ocsp import RevocationServer
from ._proxy import ConnectProxy, InterceptingProxy
from ._servers import TLSServer, _LoopbackServer

if TYPE_CHECKING:
    from ._scenarios import LabPKI

SECOND_IPV4 = "127.0.0.2"  # all of 127.0.0.0/8 is loopback on Linux; macOS needs an alias for it


def second_address() -> str:
    """127.0.0.2 where it can be bound, else ::1 (the scenario only needs a second loopback address)."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.bind((SECOND_IPV4, 0))
    except OSError:
        return "::1"
    return SECOND_IPV4


def _days(n: float) -> _dt.datetime:
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0) + _dt.timedelta(days=n)


def _with_revocation(pki: LabPKI, host: str, *, revoked: bool) -> _LoopbackServer:
    responder = RevocationServer(pki.intermediate).start()
    leaf = pki.leaf(host, ocsp_urls=(responder.ocsp_url,), crl_urls=(responder.crl_url,))
    if revoked:
        responder.revoked[leaf.cert.serial_number] = "key_compromise"
    return ServerGroup(TLSServer([leaf, pki.intermediate]), started=[responder])


def revoked_site(pki: LabPKI, host: str) -> _LoopbackServer:
    """A valid chain whose leaf the CA revoked; OCSP and the CRL both say so."""
    return _with_revocation(pki, host, revoked=True)


def good_revocation_site(pki: LabPKI, host: str) -> _LoopbackServer:
    """A healthy site whose OCSP responder and CRL answer "good"."""
    return _with_revocation(pki, host, revoked=False)


def _behind(proxy: ConnectProxy, pki: LabPKI, host: str) -> _LoopbackServer:
    server = TLSServer([pki.leaf(host), pki.intermediate])
    return ServerGroup(server, helpers=[proxy], extra=lambda group: {"proxy": proxy.url})


def intercepted_site(pki: LabPKI, host: str) -> _LoopbackServer:
    """A healthy server reached through a proxy that re-signs TLS with its own CA."""
    return _behind(InterceptingProxy(), pki, host)


def proxied_site(pki: LabPKI, host: str) -> _LoopbackServer:
    """A healthy server reached through a plain CONNECT proxy: nothing to report."""
    return _behind(ConnectProxy(), pki, host)


def split_addresses(pki: LabPKI, host: str) -> _LoopbackServer:
    """127.0.0.1 serves the right chain; 127.0.0.2, same port, an old one from a private CA."""
    stale = pki.other_root.issue_ca("Example Corp Old Issuing CA", organization="Corp")
    good = TLSServer([pki.leaf(host), pki.intermediate])
    other = second_address()
    return ServerGroup(
        good,
        same_port=[lambda port: TLSServer([stale.issue_leaf(host), stale], hosts=(other,), port=port)],
        extra=lambda group: {"connect_to": ("127.0.0.1", other)},
    )


def clock_skewed(pki: LabPKI, host: str) -> _LoopbackServer:
    """The leaf starts in 5 days; the server's Date says it is 6 days from now (this clock is 'behind')."""
    date = email.utils.format_datetime(_days(6), usegmt=True)
    return TLSServer([pki.leaf(host, not_before=_days(5), days=90), pki.intermediate], http_date=date)
