"""Property-based: target parsing and explain() over arbitrary input never fail from inside the library."""

from __future__ import annotations

import ssl
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sslexplain
from sslexplain._scan import parse_line
from sslexplain._target import parse_target

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text that looks like what people paste: URLs, host:port, IPv6, error fragments, control characters.
pieces = st.sampled_from(
    [
        "https://",
        "http://",
        "user:pw@",
        "example.com",
        "xn--bcher-kva.example",
        "bücher.example",
        "[::1]",
        "::1",
        "127.0.0.1",
        ":",
        ":443",
        ":99999",
        "/",
        "?token=secret",
        "#frag",
        " ",
        ",",
        "\x1b[31m",
        "\x00",
        "\n",
        "CERTIFICATE_VERIFY_FAILED",
        "certificate verify failed: unable to get local issuer certificate (_ssl.c:1006)",
        "Hostname mismatch",
        "self-signed certificate in certificate chain",
        "host='example.com', port=443",
        "Max retries exceeded with url: /",
        "[SSL: WRONG_VERSION_NUMBER]",
        "(_ssl.c:",
        ")",
    ]
)
texty = st.one_of(
    st.text(max_size=300), st.lists(st.one_of(pieces, st.text(max_size=8)), max_size=12).map("".join)
)


@settings(max_examples=1000, deadline=None)
@given(texty)
def test_parse_line_never_raises(line: str) -> None:
    parsed = parse_line(line)
    if parsed is not None:
        spec, addresses = parsed
        assert spec and "#" not in spec[:1] and all(addresses)


@SETTINGS
@given(texty, st.one_of(st.none(), st.integers(min_value=-5, max_value=70000)))
def test_parse_target_raises_only_value_error(spec: str, port: int | None) -> None:
    try:
        target = parse_target(spec, port=port)
    except ValueError:
        return
    assert 1 <= target.port <= 65535
    assert target.host and target.host == target.host.strip()
    assert "@" not in target.host and "secret" not in target.display


@SETTINGS
@given(texty)
def test_explain_text_always_gives_a_diagnosis(message: str) -> None:
    d = sslexplain.explain(message, probe=False)
    assert isinstance(d, sslexplain.Diagnosis)
    assert not d.ok
    str(d), d.to_json(), d.to_dict()  # every form renders


class _UnprintableError(Exception):
    def __str__(self) -> str:
        raise RuntimeError("a broken __str__")


def _foreign(module: str, name: str) -> type[Exception]:
    """An exception class that claims to come from a client library (requests, httpx ...)."""
    return type(name, (Exception,), {"__module__": module})


exception_classes = st.sampled_from(
    [
        Exception,
        OSError,
        ConnectionError,
        TimeoutError,
        ValueError,
        ssl.SSLError,
        ssl.SSLCertVerificationError,
        ssl.SSLEOFError,
        _UnprintableError,
        _foreign("requests.exceptions", "SSLError"),
        _foreign("urllib3.exceptions", "MaxRetryError"),
        _foreign("urllib3.exceptions", "SSLError"),
        _foreign("httpx", "ConnectError"),
        _foreign("aiohttp.client_exceptions", "ClientConnectorCertificateError"),
        _foreign("urllib.error", "URLError"),
        _foreign("pip._vendor.urllib3.exceptions", "SSLError"),
    ]
)
arg_values = st.one_of(st.none(), st.integers(), texty, st.binary(max_size=20), st.just(object()))
attributes = st.dictionaries(
    st.sampled_from(
        [
            "verify_code",
            "verify_message",
            "reason",
            "library",
            "errno",
            "strerror",
            "host",
            "port",
            "url",
            "request",
        ]
    ),
    arg_values,
    max_size=4,
)


@st.composite
def exceptions(draw: st.DrawFn, depth: int = 0) -> BaseException:
    cls = draw(exception_classes)
    try:
        exc: BaseException = cls(*draw(st.lists(arg_values, max_size=3)))
    except TypeError:
        exc = cls()
    for name, value in draw(attributes).items():
        try:
            setattr(exc, name, value)
        except (AttributeError, TypeError):
            pass
    if depth < 3 and draw(st.booleans()):
        exc.__cause__ = draw(exceptions(depth + 1))
    if depth < 3 and draw(st.booleans()):
        exc.__context__ = draw(exceptions(depth + 1))
    if draw(st.booleans()) and exc.__cause__ is not None:
        exc.__cause__.__context__ = exc  # a cycle, as some wrappers make
    return exc


@SETTINGS
@given(exceptions())
def test_explain_any_exception_always_gives_a_diagnosis(exc: BaseException) -> None:
    d = sslexplain.explain(exc, probe=False)
    assert isinstance(d, sslexplain.Diagnosis)
    str(d), d.to_json(), d.to_dict()


@SETTINGS
@given(st.one_of(st.integers(), st.none(), st.binary(), st.lists(st.integers())))
def test_explain_refuses_what_is_not_an_error(value: Any) -> None:
    try:
        sslexplain.explain(value, probe=False)
    except TypeError:
        return
    raise AssertionError("explain() must refuse a non-error with TypeError")
