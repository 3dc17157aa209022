"""parse_target: every way a user writes a target, and every way it can be wrong."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sslexplain._model import Target
from sslexplain._target import is_ip_address, parse_target


@pytest.mark.parametrize(
    ("spec", "host", "port"),
    [
        ("example.com", "example.com", 443),
        ("example.com:8443", "example.com", 8443),
        ("  Example.COM.  ", "example.com", 443),
        ("EXAMPLE.com.:8443", "example.com", 8443),
        ("[::1]:8443", "::1", 8443),
        ("[::1]", "::1", 443),
        ("::1", "::1", 443),
        ("2001:DB8::1", "2001:db8::1", 443),
        ("[2001:db8:0:0:0:0:0:1]:443", "2001:db8::1", 443),
        ("192.0.2.1", "192.0.2.1", 443),
        ("192.0.2.1:4443", "192.0.2.1", 4443),
        ("https://example.com", "example.com", 443),
        ("HTTPS://Example.com/", "example.com", 443),
        ("https://user:secret@example.com:8443/path?q=1#frag", "example.com", 8443),
        ("https://[::1]:8443/x", "::1", 8443),
        ("https://example.com?x=1", "example.com", 443),
        ("example.com/some/path", "example.com", 443),
        ("bücher.example", "xn--bcher-kva.example", 443),
        ("BÜCHER.example:444", "xn--bcher-kva.example", 444),
        ("https://例え.jp/", "xn--r8jz45g.jp", 443),
        ("xn--bcher-kva.example", "xn--bcher-kva.example", 443),
        ("internal_host.corp", "internal_host.corp", 443),
        ("localhost", "localhost", 443),
        ("a" * 63 + ".example", "a" * 63 + ".example", 443),
    ],
)
def test_accepted_forms(spec: str, host: str, port: int) -> None:
    target = parse_target(spec)
    assert (target.host, target.port) == (host, port)


def test_credentials_path_and_query_are_not_kept() -> None:
    target = parse_target("https://alice:s3cret@example.com:8443/private/path?token=abc#frag")
    assert "s3cret" not in repr(target)
    assert "alice" not in repr(target)
    assert "token" not in repr(target)
    assert "private" not in repr(target)


def test_port_precedence() -> None:
    assert parse_target("example.com:8443", port=9443).port == 8443
    assert parse_target("example.com", port=9443).port == 9443
    assert parse_target("https://example.com/", port=9443).port == 9443
    assert parse_target("https://example.com/").port == 443


@pytest.mark.parametrize(
    ("spec", "fragment"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("://", "malformed"),
        ("https://", "no host"),
        ("https:///path", "no host"),
        ("[::1", "unclosed"),
        ("[::1]x", "after ']'"),
        ("[example.com]:443", "IPv6"),
        ("host:port:extra", "more than one ':'"),
        ("example.com:0", "port 0"),
        ("example.com:65536", "65536"),
        ("example.com:99999999", "invalid port"),
        ("example.com:https", "invalid port"),
        ("example.com:", "invalid port"),
        ("example.com:-1", "invalid port"),
        ("http://example.com", "does not use TLS"),
        ("HTTP://example.com:80/", "does not use TLS"),
        ("ftp://example.com", "unsupported URL scheme"),
        ("exa mple.com", "no spaces"),
        ("example.com\x00", "only letters"),
        ("exa*mple.com", "only letters"),
        ("*.example.com", "only letters"),
        ("-example.com", "'-'"),
        ("example-.com", "'-'"),
        ("a..example.com", "empty label"),
        (".", "empty host"),
        ("a" * 64 + ".example", "longer than 63"),
        (".".join(["a" * 60] * 5), "longer than 253"),
        ("1.2.3", "IPv4"),
        ("999.1.1.1", "IPv4"),
    ],
)
def test_rejected_with_a_clear_one_line_message(spec: str, fragment: str) -> None:
    with pytest.raises(ValueError) as info:
        parse_target(spec)
    message = str(info.value)
    assert fragment in message
    assert "\n" not in message


def test_error_messages_do_not_leak_credentials() -> None:
    with pytest.raises(ValueError) as info:
        parse_target("https://alice:s3cret@example.com:0/")
    assert "s3cret" not in str(info.value)


@pytest.mark.parametrize("port", [0, -1, 65536, 10**9])
def test_bad_port_argument(port: int) -> None:
    with pytest.raises(ValueError, match="invalid port"):
        parse_target("example.com", port=port)


def test_port_argument_type() -> None:
    with pytest.raises(TypeError):
        parse_target("example.com", port="443")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        parse_target("example.com", port=True)
    with pytest.raises(TypeError):
        parse_target(b"example.com")  # type: ignore[arg-type]


def test_connect_to_single_and_many() -> None:
    assert parse_target("example.com", connect_to="192.0.2.7").connect_to == ("192.0.2.7",)
    target = parse_target(
        "example.com", connect_to=["[2001:db8::1]", "2001:DB8::2", " 192.0.2.7 ", "Edge.Example."]
    )
    assert target.connect_to == ("2001:db8::1", "2001:db8::2", "192.0.2.7", "edge.example")
    assert target.host == "example.com"
    assert parse_target("example.com", connect_to=()).connect_to == ()
    assert parse_target("example.com", connect_to=["::1", "[::1]"]).connect_to == ("::1",)


@pytest.mark.parametrize("bad", ["", "192.0.2.1:443", "[example.com]", "a b", "host:1:2"])
def test_connect_to_rejects(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_target("example.com", connect_to=bad)


def test_proxy_is_validated_lightly_and_kept() -> None:
    proxy = "http://user:pw@proxy.corp:3128"
    assert parse_target("example.com", proxy=proxy).proxy == proxy
    assert parse_target("example.com", proxy="HTTPS://proxy.corp").proxy == "HTTPS://proxy.corp"
    assert parse_target("example.com", proxy="").proxy == ""
    assert parse_target("example.com").proxy is None
    for bad in ("proxy.corp:3128", "socks5://proxy:1080", "http://", "http://:3128"):
        with pytest.raises(ValueError, match="proxy"):
            parse_target("example.com", proxy=bad)


def test_ca_file_is_passed_through() -> None:
    target = parse_target("example.com", ca_file="/etc/ssl/corp.pem")
    assert target == Target(host="example.com", ca_file="/etc/ssl/corp.pem")


def test_display_round_trips() -> None:
    for spec in ("example.com:8443", "[::1]:8443", "192.0.2.1:443"):
        target = parse_target(spec)
        assert parse_target(target.display) == target


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("127.0.0.1", True),
        ("::1", True),
        ("[::1]", True),
        ("fe80::1%eth0", True),
        ("2001:db8::1", True),
        ("example.com", False),
        ("1.2.3", False),
        ("", False),
        ("256.1.1.1", False),
        ("::1]", False),
    ],
)
def test_is_ip_address(text: str, expected: bool) -> None:
    assert is_ip_address(text) is expected


def test_idna_fallback_to_stdlib_codec(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "idna", None)  # makes "import idna" raise ImportError
    assert parse_target("bücher.example").host == "xn--bcher-kva.example"
    with pytest.raises(ValueError):
        parse_target("bü cher.example")


# --- properties ---------------------------------------------------------------------

_LABELS = st.from_regex(r"[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?", fullmatch=True)
_NAMES = (
    st.lists(_LABELS, min_size=1, max_size=4)
    .map(".".join)
    .filter(lambda name: not name.split(".")[-1].isdigit())
)
_TRICKY = st.sampled_from(
    [
        "[",
        "]",
        ":",
        "::",
        "/",
        "?",
        "#",
        "@",
        ".",
        "https://",
        "http://",
        "%",
        " ",
        "\x00",
        "ü",
        "xn--",
        "0",
        "65535",
        "65536",
        "-",
        "_",
        "\u3002",
        "İ",
        "\ud800",
        "ß",
    ]
)


@given(st.text(max_size=300))
def test_parse_target_only_raises_value_error(spec: str) -> None:
    try:
        target = parse_target(spec)
    except ValueError:
        return
    assert 1 <= target.port <= 65535
    assert target.host == target.host.lower()
    assert target.host.isascii()


@given(st.lists(st.one_of(_TRICKY, st.text(max_size=5)), max_size=12).map("".join))
def test_parse_target_tricky_pieces(spec: str) -> None:
    try:
        parse_target(spec)
    except ValueError:
        pass


@given(_NAMES, st.integers(min_value=1, max_value=65535))
def test_valid_names_and_ports_round_trip(name: str, port: int) -> None:
    assert parse_target(f"{name}:{port}") == Target(host=name, port=port)
    assert parse_target(f"https://{name.upper()}:{port}/x") == Target(host=name, port=port)
    assert parse_target(name, port=port) == Target(host=name, port=port)


@given(st.ip_addresses(), st.integers(min_value=1, max_value=65535))
def test_ip_addresses_round_trip(address: object, port: int) -> None:
    text = str(address)
    shown = f"[{text}]" if ":" in text else text
    assert parse_target(f"{shown}:{port}") == Target(host=text, port=port)
    assert is_ip_address(text)


@given(st.one_of(st.text(max_size=60), st.lists(st.text(max_size=30), max_size=4)))
def test_connect_to_only_raises_value_error(connect_to: str | list[str]) -> None:
    try:
        parse_target("example.com", connect_to=connect_to)
    except ValueError:
        pass


@given(st.text(max_size=80))
def test_proxy_only_raises_value_error(proxy: str) -> None:
    try:
        parse_target("example.com", proxy=proxy)
    except ValueError:
        pass
