"""Several addresses: 127.0.0.1 / ::1 and 127.0.0.1 / 127.0.0.2 on one port, serving alike or not."""

from __future__ import annotations

import http.client
import socket
import ssl

import pytest

import sslexplain
from sslexplain import CauseKind
from sslexplain.lab import Issued, SilentServer, TLSServer, root
from sslexplain.lab._network_cases import SECOND_IPV4, second_address

from .conftest import PKI

needs_second_ipv4 = pytest.mark.skipif(second_address() != SECOND_IPV4, reason="127.0.0.2 is not usable here")


def _other_chain() -> list[Issued]:
    stale = root("Old Private Root").issue_ca("Old Issuing CA")
    return [stale.issue_leaf("localhost"), stale]


def _pair(pki: PKI, second: str, second_chain: list[Issued] | None) -> tuple[TLSServer, TLSServer]:
    """Two servers on one port; ``second_chain`` None serves the very same chain on both."""
    chain = [pki.leaf("localhost"), pki.intermediate]
    first = TLSServer(chain)
    first.start()
    other = TLSServer(second_chain or chain, hosts=(second,), port=first.port)
    other.start()
    return first, other


@pytest.mark.usefixtures("ipv6")
def test_ipv4_and_ipv6_serve_different_certificates(pki: PKI) -> None:
    first, second = _pair(pki, "::1", _other_chain())
    try:
        d = sslexplain.diagnose(
            "localhost", port=first.port, connect_to=["127.0.0.1", "::1"], ca_file=pki.ca_file, timeout=5
        )
    finally:
        first.stop()
        second.stop()
    assert not d.ok
    assert d.primary is not None and d.primary.kind is CauseKind.ADDRESS_MISMATCH and d.primary.is_error
    assert "::1" in d.primary.summary
    by_address = {a.address: a for a in d.addresses}
    assert by_address["127.0.0.1"].verifies and by_address["127.0.0.1"].family == "IPv4"
    assert not by_address["::1"].verifies and by_address["::1"].family == "IPv6"
    assert by_address["127.0.0.1"].leaf_sha256 != by_address["::1"].leaf_sha256
    text = " ".join(d.primary.evidence)
    assert "127.0.0.1 (IPv4)" in text and "::1 (IPv6)" in text and "Old Issuing CA" in text
    assert "Happy Eyeballs" in d.primary.explanation


@needs_second_ipv4
def test_two_ipv4_addresses_one_bad_first(pki: PKI) -> None:
    """The failing address is the one analysed: address_mismatch still comes first."""
    first, second = _pair(pki, SECOND_IPV4, _other_chain())
    try:
        d = sslexplain.diagnose(
            "localhost",
            port=first.port,
            connect_to=[SECOND_IPV4, "127.0.0.1"],
            ca_file=pki.ca_file,
            timeout=5,
        )
    finally:
        first.stop()
        second.stop()
    assert d.primary is not None and d.primary.kind is CauseKind.ADDRESS_MISMATCH, str(d)
    assert CauseKind.UNTRUSTED_ROOT in d.kinds


@needs_second_ipv4
def test_same_certificate_everywhere_is_no_cause(pki: PKI) -> None:
    first, second = _pair(pki, SECOND_IPV4, None)
    try:
        d = sslexplain.diagnose(
            "localhost",
            port=first.port,
            connect_to=["127.0.0.1", SECOND_IPV4],
            ca_file=pki.ca_file,
            timeout=5,
        )
    finally:
        first.stop()
        second.stop()
    assert d.ok and d.causes == (), str(d)
    assert len(d.addresses) == 2 and all(a.verifies for a in d.addresses)
    assert len({a.leaf_sha256 for a in d.addresses}) == 1


@needs_second_ipv4
def test_each_node_its_own_valid_certificate_is_no_cause(pki: PKI) -> None:
    first, second = _pair(pki, SECOND_IPV4, [pki.leaf("localhost"), pki.intermediate])
    try:
        d = sslexplain.diagnose(
            "localhost",
            port=first.port,
            connect_to=["127.0.0.1", SECOND_IPV4],
            ca_file=pki.ca_file,
            timeout=5,
        )
    finally:
        first.stop()
        second.stop()
    assert d.ok and d.causes == (), str(d)
    assert len({a.leaf_sha256 for a in d.addresses}) == 2


@pytest.mark.usefixtures("ipv6")
def test_nothing_listening_on_ipv6_is_harmless(pki: PKI) -> None:
    """A name on ::1 and 127.0.0.1, a server on IPv4 only: common; refused at once, clients move on."""
    with TLSServer([pki.leaf("localhost"), pki.intermediate]) as only_v4:
        d = sslexplain.diagnose(
            "localhost", port=only_v4.port, connect_to=["::1", "127.0.0.1"], ca_file=pki.ca_file, timeout=5
        )
    assert d.ok and d.causes == (), str(d)
    by_address = {a.address: a for a in d.addresses}
    assert not by_address["::1"].reached and by_address["127.0.0.1"].verifies


@needs_second_ipv4
def test_an_address_that_hangs_is_a_warning(pki: PKI) -> None:
    good = TLSServer([pki.leaf("localhost"), pki.intermediate]).start()
    try:
        with SilentServer(hosts=(SECOND_IPV4,), port=good.port):
            d = sslexplain.diagnose(
                "localhost",
                port=good.port,
                connect_to=["127.0.0.1", SECOND_IPV4],
                ca_file=pki.ca_file,
                timeout=2,
            )
    finally:
        good.stop()
    assert d.kinds == (CauseKind.ADDRESS_MISMATCH,) and not d.causes[0].is_error, str(d)


class _PinnedHTTPS(http.client.HTTPSConnection):
    """A stdlib client whose resolver picked ``address`` for the host (as DNS or Happy Eyeballs may)."""

    def __init__(self, host: str, port: int, address: str, context: ssl.SSLContext) -> None:
        super().__init__(host, port, context=context, timeout=5)
        self.address = address

    def connect(self) -> None:
        sock = socket.create_connection((self.address, self.port), 5)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)  # type: ignore[attr-defined]


@needs_second_ipv4
def test_explain_the_client_that_got_the_bad_address(pki: PKI) -> None:
    first, second = _pair(pki, SECOND_IPV4, _other_chain())
    try:
        context = ssl.create_default_context(cafile=pki.ca_file)
        client = _PinnedHTTPS("localhost", first.port, SECOND_IPV4, context)
        with pytest.raises(ssl.SSLCertVerificationError) as caught:
            client.request("GET", "/")
        client.close()
        d = sslexplain.explain(
            caught.value, ca_file=pki.ca_file, connect_to=["127.0.0.1", SECOND_IPV4], timeout=5
        )
    finally:
        first.stop()
        second.stop()
    assert d.primary is not None and d.primary.kind is CauseKind.ADDRESS_MISMATCH, str(d)
