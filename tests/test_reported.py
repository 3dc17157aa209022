"""ReportedError from caught exceptions (built for real, offline) and from pasted text."""

# The corpus below holds log lines exactly as tools print them, long lines included.
# ruff: noqa: E501

from __future__ import annotations

import datetime
import socket
import ssl
import sys
import threading
import time
import urllib.error
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sslexplain._model import ReportedError
from sslexplain._reported import MAX_TEXT, reported_from_exception, reported_from_text
from sslexplain._verify_codes import PHRASES, verify_code_from_message


def cert_error(message: str, code: int | None) -> ssl.SSLCertVerificationError:
    """An SSLCertVerificationError as CPython's _ssl.c fills it in."""
    error = ssl.SSLCertVerificationError(
        1, f"[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: {message} (_ssl.c:1006)"
    )
    error.library = "SSL"
    error.reason = "CERTIFICATE_VERIFY_FAILED"
    if code is not None:
        error.verify_code = code
        error.verify_message = message
    return error


LOCAL_ISSUER = "unable to get local issuer certificate"


# --- verify_code_from_message -----------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "code"),
    [
        ("self signed certificate", 18),
        ("self-signed certificate", 18),
        ("self signed certificate in certificate chain", 19),
        ("self-signed certificate in certificate chain", 19),
        ("unable to get local issuer certificate", 20),
        ("unable to verify the first certificate", 21),
        ("unable to get issuer certificate", 2),
        ("certificate has expired", 10),
        ("certificate is not yet valid", 9),
        ("certificate is not yet valid or the system clock is incorrect", 9),
        ("certificate revoked", 23),
        ("invalid CA certificate", 79),
        ("path length constraint exceeded", 25),
        ("unsupported certificate purpose", 26),
        ("unsuitable certificate purpose", 26),
        ("certificate signature failure", 7),
        ("unable to get certificate CRL", 3),
        ("CRL has expired", 12),
        ("Hostname mismatch, certificate is not valid for 'x.example'.", 62),
        ("hostname mismatch", 62),
        ("IP address mismatch, certificate is not valid for '192.0.2.1'.", 64),
        ("EE certificate key too weak", 66),
        ("CA certificate key too weak", 67),
        ("CA signature digest algorithm too weak", 68),
        ("ca md too weak", 68),
        ("certificate chain too long", 22),
        ("permitted subtree violation", 47),
        ("excluded subtree violation", 48),
        ("Basic Constraints of CA cert not marked critical", 89),
        ("Missing Authority Key Identifier", 85),
        ("Missing Subject Key Identifier", 86),
        ("Authority Key Identifier marked critical", 90),
        ("CA cert does not include key usage extension", 92),
        ("Empty Subject Alternative Name extension", 87),
        ("Certificate public key has explicit ECC parameters", 94),
        ("hostname 'a.example' doesn't match 'b.example'", 62),
        ("hostname 'a.example' doesn't match either of 'b.example', 'c.example'", 62),
        ("UNABLE_TO_GET_ISSUER_CERT_LOCALLY", 20),
        ("UNABLE_TO_GET_ISSUER_CERT", 2),
        ("UNABLE_TO_VERIFY_LEAF_SIGNATURE", 21),
        ("SELF_SIGNED_CERT_IN_CHAIN", 19),
        ("DEPTH_ZERO_SELF_SIGNED_CERT", 18),
        ("CERT_HAS_EXPIRED", 10),
        ("CERT_NOT_YET_VALID", 9),
        ("ERR_TLS_CERT_ALTNAME_INVALID", 62),
        ("X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY", 20),
        ("PKIX path building failed", 20),
        ("unable to find valid certification path to requested target", 20),
        ('"example.test" certificate is not trusted', 20),
        ("certificate name does not match input", 62),
        ("CERT_E_UNTRUSTEDROOT", 19),
        ("0x800B0109", 19),
        ("-2146762487", 19),
        ("CERT_E_EXPIRED 0x800B0101", 10),
        ("CERT_E_CN_NO_MATCH", 62),
        ("0x800B010F", 62),
        ("CERT_E_CHAINING (0x800B010A)", 20),
        ("CRYPT_E_REVOKED 0x80092010", 23),
        ("The certificate is revoked.", 23),
        ("x509: certificate signed by unknown authority", 20),
        ("certificate verify failed (_ssl.c:852)", None),
        ("connection refused", None),
        ("", None),
    ],
)
def test_verify_code_from_message(message: str, code: int | None) -> None:
    assert verify_code_from_message(message) == code


def test_longer_phrases_win_and_words_are_whole() -> None:
    # "self signed certificate" is a prefix of code 19's message
    assert verify_code_from_message("x: self signed certificate in certificate chain") == 19
    # the code name of 2 is a prefix of the code name of 20
    assert verify_code_from_message("code: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY'") == 20
    assert verify_code_from_message("MY_CERT_HAS_EXPIRED_FLAG") is None
    phrases = [phrase for phrase, _ in PHRASES]
    assert phrases == sorted(phrases, key=len, reverse=True)
    assert len(phrases) == len(set(phrases))


def test_the_reason_after_verify_failed_beats_other_words() -> None:
    text = (
        "while fetching the certificate has expired page: [SSL: CERTIFICATE_VERIFY_FAILED] "
        "certificate verify failed: self-signed certificate (_ssl.c:1006)"
    )
    assert verify_code_from_message(text) == 18


# --- exceptions built as the clients build them ----------------------------------------------


def test_bare_ssl_error() -> None:
    reported = reported_from_exception(cert_error(LOCAL_ISSUER, 20))
    assert reported is not None
    assert reported.verify_code == 20
    assert reported.verify_message == LOCAL_ISSUER
    assert reported.client == "ssl"
    assert reported.exception_type == "ssl.SSLCertVerificationError"
    assert "CERTIFICATE_VERIFY_FAILED" in reported.text


def test_ssl_error_without_verify_code_uses_the_message() -> None:
    reported = reported_from_exception(cert_error("self signed certificate in certificate chain", None))
    assert reported is not None
    assert reported.verify_code == 19
    assert reported.verify_message == "self signed certificate in certificate chain"


def _max_retry(reason: BaseException) -> Any:
    urllib3 = pytest.importorskip("urllib3")
    pool = urllib3.HTTPSConnectionPool("example.test", 8443)
    return urllib3.exceptions.MaxRetryError(pool, "/x", urllib3.exceptions.SSLError(reason))


def test_urllib3_max_retry_error() -> None:
    reported = reported_from_exception(_max_retry(cert_error(LOCAL_ISSUER, 20)))
    assert reported is not None
    assert (reported.client, reported.host, reported.port) == ("urllib3", "example.test", 8443)
    assert reported.verify_code == 20
    assert reported.exception_type == "urllib3.exceptions.MaxRetryError"


def test_requests_ssl_error() -> None:
    requests = pytest.importorskip("requests")
    request = requests.Request("GET", "https://example.test:8443/x").prepare()
    error = requests.exceptions.SSLError(_max_retry(cert_error(LOCAL_ISSUER, 20)), request=request)
    reported = reported_from_exception(error)
    assert reported is not None
    assert (reported.client, reported.host, reported.port) == ("requests", "example.test", 8443)
    assert reported.verify_code == 20
    assert reported.exception_type == "requests.exceptions.SSLError"
    assert len(reported.text) <= MAX_TEXT


def test_requests_error_raised_from_the_cause() -> None:
    requests = pytest.importorskip("requests")
    try:
        try:
            raise cert_error("certificate has expired", 10)
        except ssl.SSLError as inner:
            raise requests.exceptions.SSLError("boom") from inner
    except requests.exceptions.SSLError as outer:
        reported = reported_from_exception(outer)
    assert reported is not None
    assert reported.verify_code == 10
    assert reported.client == "requests"


def test_httpx_connect_error_with_and_without_request() -> None:
    httpx = pytest.importorskip("httpx")
    message = str(cert_error("self-signed certificate", 18))
    bare = reported_from_exception(httpx.ConnectError(message))  # .request raises RuntimeError
    assert bare is not None
    assert (bare.verify_code, bare.client, bare.host) == (18, "httpx", None)
    error = httpx.ConnectError(message, request=httpx.Request("GET", "https://example.test:8443/"))
    reported = reported_from_exception(error)
    assert reported is not None
    assert (reported.host, reported.port, reported.verify_code) == ("example.test", 8443, 18)
    assert reported.exception_type == "httpx.ConnectError"


def _connection_key(host: str, port: int) -> Any:
    client_reqrep = pytest.importorskip("aiohttp.client_reqrep")
    return client_reqrep.ConnectionKey(host, port, True, True, None, None, None)


def test_aiohttp_certificate_error() -> None:
    aiohttp = pytest.importorskip("aiohttp")
    mismatch = cert_error("Hostname mismatch, certificate is not valid for 'example.test'.", 62)
    error = aiohttp.ClientConnectorCertificateError(_connection_key("example.test", 8443), mismatch)
    reported = reported_from_exception(error)
    assert reported is not None
    assert (reported.client, reported.host, reported.port) == ("aiohttp", "example.test", 8443)
    assert reported.verify_code == 62
    assert reported.exception_type == "aiohttp.client_exceptions.ClientConnectorCertificateError"


def test_aiohttp_connection_refused_is_not_tls() -> None:
    aiohttp = pytest.importorskip("aiohttp")
    refused = ConnectionRefusedError(111, "Connection refused")
    error = aiohttp.ClientConnectorError(_connection_key("example.test", 8443), refused)
    assert reported_from_exception(error) is None


def test_urllib_url_error() -> None:
    reported = reported_from_exception(urllib.error.URLError(cert_error(LOCAL_ISSUER, 20)))
    assert reported is not None
    assert (reported.client, reported.verify_code) == ("urllib", 20)
    assert reported.exception_type == "urllib.error.URLError"


def test_exception_groups_are_followed() -> None:
    if sys.version_info < (3, 11):
        pytest.skip("ExceptionGroup is new in 3.11")
    group = ExceptionGroup("many", [ValueError("x"), cert_error(LOCAL_ISSUER, 20)])  # noqa: F821
    reported = reported_from_exception(group)
    assert reported is not None
    assert reported.verify_code == 20


def test_user_wrapper_keeps_the_recognised_client() -> None:
    requests = pytest.importorskip("requests")

    class FetchFailedError(Exception):
        pass

    inner = requests.exceptions.SSLError(_max_retry(cert_error(LOCAL_ISSUER, 20)))
    outer = FetchFailedError("could not download the index")
    outer.__cause__ = inner
    reported = reported_from_exception(outer)
    assert reported is not None
    assert reported.client == "requests"
    assert reported.exception_type is not None
    assert reported.exception_type.endswith("FetchFailedError")
    assert (reported.host, reported.port) == ("example.test", 8443)


@pytest.mark.parametrize(
    ("code", "message", "expected"),
    [
        (-67843, '"example.test" certificate is not trusted', 20),  # truststore on macOS
        (-67818, '"example.test" certificate is expired', 10),
        (-67602, '"example.test" certificate name does not match input', 62),
        (0x800B0109, "A certificate chain processed, but terminated in a root certificate", 19),
        (0x800B010F, "The certificate's CN name does not match the passed value.", 62),
        (-67999, '"example.test" certificate has expired', 10),  # unknown code: the message
    ],
)
def test_truststore_platform_codes(code: int, message: str, expected: int) -> None:
    error = ssl.SSLCertVerificationError(message)
    error.verify_code = code
    error.verify_message = message
    reported = reported_from_exception(error)
    assert reported is not None
    assert reported.verify_code == expected
    assert reported.verify_message == message
    assert reported.client == "truststore"


@pytest.mark.parametrize(
    "error",
    [
        ValueError("nothing to see"),
        ConnectionRefusedError(111, "Connection refused"),
        TimeoutError("timed out"),
        KeyError("certificates_dir"),
    ],
)
def test_not_tls_related(error: BaseException) -> None:
    assert reported_from_exception(error) is None


def test_other_tls_failures_are_reported_without_a_code() -> None:
    error = ssl.SSLError(1, "[SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1006)")
    reported = reported_from_exception(error)
    assert reported is not None
    assert reported.verify_code is None
    assert reported.client == "ssl"


# --- a real handshake over a socket pair (no network): CPython's own exception ---------


def _self_signed(tmp_path: Path) -> tuple[Path, Path]:
    pytest.importorskip("cryptography")
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "example.test")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("example.test")]), False)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def _serve_once(sock: socket.socket, cert: Path, key: Path) -> None:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    try:
        with context.wrap_socket(sock, server_side=True):
            pass
    except (ssl.SSLError, OSError):
        pass


def test_real_handshake_failure(tmp_path: Path) -> None:
    cert, key = _self_signed(tmp_path)
    server_sock, client_sock = socket.socketpair()
    server = threading.Thread(target=_serve_once, args=(server_sock, cert, key), daemon=True)
    server.start()
    context = ssl.create_default_context()
    try:
        with pytest.raises(ssl.SSLCertVerificationError) as info:
            context.wrap_socket(client_sock, server_hostname="example.test")
    finally:
        client_sock.close()
        server.join(5)
        server_sock.close()
    reported = reported_from_exception(info.value)
    assert reported is not None
    assert reported.verify_code == info.value.verify_code == 18
    assert reported.verify_message == info.value.verify_message
    assert reported.client == "ssl"
    assert reported.host == "example.test"  # read from the failing call's frame
    wrapped = reported_from_exception(urllib.error.URLError(info.value))
    assert wrapped is not None
    assert (wrapped.client, wrapped.verify_code, wrapped.host) == ("urllib", 18, "example.test")


# --- hostile objects ----------------------------------------------------------------------------


class HostileStrError(Exception):
    def __str__(self) -> str:
        raise RuntimeError("no str")

    def __repr__(self) -> str:
        raise RuntimeError("no repr")


class HostileAttributesError(ssl.SSLError):
    def __getattribute__(self, name: str) -> Any:
        raise RuntimeError(name)


class HostilePropertiesError(Exception):
    @property
    def verify_code(self) -> int:
        raise RuntimeError("verify_code")

    @property
    def request(self) -> Any:
        raise RuntimeError("The .request property has not been set.")

    @property
    def pool(self) -> Any:
        raise MemoryError("pool")

    @property
    def host(self) -> Any:
        return object()

    @property
    def args(self) -> Any:  # type: ignore[override]
        raise RuntimeError("args")


class WeirdStrError(Exception):
    def __str__(self) -> Any:
        return 42


class LyingClassError(Exception):
    @property  # type: ignore[misc]
    def __class__(self) -> Any:
        raise RuntimeError("__class__")


def _cycle() -> BaseException:
    first, second = ssl.SSLError("certificate verify failed"), ValueError("x")
    first.__cause__ = second
    second.__cause__ = first
    second.__context__ = first
    return first


def _deep(levels: int) -> BaseException:
    error: BaseException = cert_error(LOCAL_ISSUER, 20)
    for index in range(levels):
        outer = RuntimeError(f"level {index}", error)
        outer.__cause__ = error
        error = outer
    return error


def _self_in_args() -> BaseException:
    error = ssl.SSLError("certificate verify failed")
    error.args = (error, error, [error])
    return error


@pytest.mark.parametrize(
    "factory",
    [
        lambda: HostileStrError("x"),
        lambda: HostileAttributesError(1, "certificate verify failed"),
        lambda: HostilePropertiesError("certificate verify failed"),
        lambda: WeirdStrError(),
        lambda: LyingClassError("certificate"),
        _cycle,
        lambda: _deep(5000),
        _self_in_args,
        lambda: Exception("certificate " * 200_000),
        lambda: Exception(*range(10_000)),
        lambda: ssl.SSLCertVerificationError(1, None),
    ],
)
def test_hostile_exceptions_never_raise(factory: Any) -> None:
    started = time.monotonic()
    result = reported_from_exception(factory())
    assert result is None or isinstance(result, ReportedError)
    assert time.monotonic() - started < 5


def test_cycle_is_still_read() -> None:
    reported = reported_from_exception(_cycle())
    assert reported is not None
    assert reported.client == "ssl"


def test_deep_chain_is_capped_but_recognised_near_the_top() -> None:
    error = _deep(3)
    reported = reported_from_exception(error)
    assert reported is not None and reported.verify_code == 20


_LEAVES = st.one_of(
    st.text(max_size=50),
    st.integers(),
    st.none(),
    st.binary(max_size=20),
    st.sampled_from([LOCAL_ISSUER, "CERTIFICATE_VERIFY_FAILED", "https://example.test:1/", object()]),
)


@st.composite
def exceptions(draw: st.DrawFn) -> BaseException:
    kinds = [
        Exception,
        ValueError,
        ssl.SSLError,
        ssl.SSLCertVerificationError,
        OSError,
        HostileStrError,
    ]
    args = draw(st.lists(st.recursive(_LEAVES, lambda inner: st.lists(inner, max_size=3)), max_size=4))
    error: BaseException = draw(st.sampled_from(kinds))(*args)
    if draw(st.booleans()):
        error.verify_code = draw(st.one_of(st.integers(), st.text(max_size=5), st.none()))  # type: ignore[attr-defined]
    if draw(st.booleans()):
        error.__cause__ = draw(st.sampled_from([None, error, ValueError("certificate")]))
    return error


@given(exceptions())
def test_reported_from_exception_never_raises(error: BaseException) -> None:
    result = reported_from_exception(error)
    assert result is None or isinstance(result, ReportedError)


# --- pasted text ----------------------------------------------------------------------------------

PIP = """\
WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after \
connection broken by 'SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] \
certificate verify failed: unable to get local issuer certificate (_ssl.c:1006)'))': /simple/requests/
Could not fetch URL https://pypi.org/simple/requests/: There was a problem confirming the ssl \
certificate: HTTPSConnectionPool(host='pypi.org', port=443): Max retries exceeded with url: \
/simple/requests/ (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] \
certificate verify failed: unable to get local issuer certificate (_ssl.c:1006)'))) - skipping
ERROR: Could not find a version that satisfies the requirement requests (from versions: none)
"""

PIP_PROXY = """\
Looking in indexes: https://pypi.org/simple
WARNING: Retrying (Retry(total=0, connect=None, read=None, redirect=None, status=None)) after \
connection broken by 'SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] \
certificate verify failed: self signed certificate in certificate chain (_ssl.c:1129)'))': \
/packages/ab/cd/requests-2.31.0-py3-none-any.whl
ERROR: Could not install packages due to an OSError: HTTPSConnectionPool(host='files.pythonhosted.org', \
port=443): Max retries exceeded with url: /packages/ab/cd/requests-2.31.0-py3-none-any.whl (Caused by \
SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: \
self signed certificate in certificate chain (_ssl.c:1129)')))
"""

CONDA = """\
CondaHTTPError: HTTP 000 CONNECTION FAILED for url <https://repo.anaconda.com/pkgs/main/win-64/current_repodata.json>
Elapsed: -

An HTTP error occurred when trying to retrieve this URL.
HTTP errors are often intermittent, and a simple retry will get you on your way.

SSLError(MaxRetryError('HTTPSConnectionPool(host=\\'repo.anaconda.com\\', port=443): Max retries \
exceeded with url: /pkgs/main/win-64/current_repodata.json (Caused by SSLError(SSLCertVerificationError(1, \
\\'[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate \
(_ssl.c:1129)\\')))'))
"""

REQUESTS_TRACEBACK = """\
Traceback (most recent call last):
  File "/venv/lib/python3.11/site-packages/urllib3/connectionpool.py", line 467, in _make_request
    self._validate_conn(conn)
  File "/venv/lib/python3.11/site-packages/urllib3/connection.py", line 919, in _ssl_wrap_socket_and_match_hostname
    ssl_sock = ssl_wrap_socket(
  File "/usr/lib/python3.11/ssl.py", line 1379, in do_handshake
    self._sslobj.do_handshake()
ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate has expired (_ssl.c:1006)

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "/venv/lib/python3.11/site-packages/urllib3/connectionpool.py", line 845, in urlopen
    retries = retries.increment(
urllib3.exceptions.MaxRetryError: HTTPSConnectionPool(host='expired.example.test', port=443): Max retries exceeded with url: /api (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate has expired (_ssl.c:1006)')))

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "app.py", line 3, in <module>
    requests.get("https://expired.example.test/api")
  File "/venv/lib/python3.11/site-packages/requests/adapters.py", line 517, in send
    raise SSLError(e, request=request)
requests.exceptions.SSLError: HTTPSConnectionPool(host='expired.example.test', port=443): Max retries exceeded with url: /api (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate has expired (_ssl.c:1006)')))
"""

URLLIB_TRACEBACK = """\
Traceback (most recent call last):
  File "fetch.py", line 4, in <module>
    urllib.request.urlopen("https://api.example.test:8443/v1/status")
  File "/usr/lib/python3.10/urllib/request.py", line 1351, in do_open
    raise URLError(err)
urllib.error.URLError: <urlopen error [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: \
unable to verify the first certificate (_ssl.c:997)>
"""

NODE_LOCAL_ISSUER = """\
node:internal/process/promises:288
            triggerUncaughtException(err, true /* fromPromise */);
            ^

Error: unable to get local issuer certificate
    at TLSSocket.onConnectSecure (node:_tls_wrap:1600:34)
    at TLSSocket.emit (node:events:517:28)
    at TLSSocket._finishInit (node:_tls_wrap:1017:8)
    at ssl.onhandshakedone (node:_tls_wrap:803:12) {
  code: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY'
}
"""

JAVA_PKIX = """\
Exception in thread "main" javax.net.ssl.SSLHandshakeException: PKIX path building failed: \
sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path \
to requested target
\tat java.base/sun.security.ssl.Alert.createSSLException(Alert.java:131)
\tat java.base/sun.security.ssl.TransportContext.fatal(TransportContext.java:371)
Caused by: sun.security.validator.ValidatorException: PKIX path building failed: \
sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path \
to requested target
\tat java.base/sun.security.validator.PKIXValidator.doBuild(PKIXValidator.java:439)
"""

# (text, verify_code, host, port, client)
CORPUS: list[tuple[str, int | None, str | None, int | None, str | None]] = [
    (PIP, 20, "pypi.org", 443, "pip"),
    (PIP_PROXY, 19, "files.pythonhosted.org", 443, "pip"),
    (CONDA, 20, "repo.anaconda.com", 443, "conda"),
    (REQUESTS_TRACEBACK, 10, "expired.example.test", 443, "requests"),
    (URLLIB_TRACEBACK, 21, "api.example.test", 8443, "urllib"),
    (
        "requests.exceptions.SSLError: HTTPSConnectionPool(host='wrong.example.test', port=8443): "
        "Max retries exceeded with url: / (Caused by SSLError(SSLCertVerificationError(1, "
        '"[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: Hostname mismatch, certificate '
        "is not valid for 'wrong.example.test'. (_ssl.c:1131)\")))",
        62,
        "wrong.example.test",
        8443,
        "requests",
    ),
    (
        "requests.exceptions.SSLError: hostname 'internal.example.test' doesn't match either of "
        "'*.example.com', 'example.com'",
        62,
        "internal.example.test",
        None,
        "requests",
    ),
    (
        "httpx.ConnectError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: "
        "self-signed certificate (_ssl.c:1006)",
        18,
        None,
        None,
        "httpx",
    ),
    (
        "aiohttp.client_exceptions.ClientConnectorCertificateError: Cannot connect to host "
        "api.example.test:443 ssl:True [SSLCertVerificationError: (1, '[SSL: "
        "CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer "
        "certificate (_ssl.c:1006)')]",
        20,
        "api.example.test",
        443,
        "aiohttp",
    ),
    (
        "curl: (60) SSL certificate problem: unable to get local issuer certificate\n"
        "More details here: https://curl.se/docs/sslcerts.html\n\n"
        "curl failed to verify the legitimacy of the server and therefore could not\n"
        "establish a secure connection to it.",
        20,
        None,
        None,
        "curl",
    ),
    (
        "curl: (60) SSL: no alternative certificate subject name matches target host name "
        "'wrong.example.test'",
        62,
        "wrong.example.test",
        None,
        "curl",
    ),
    (
        "*   Trying 192.0.2.10:8443...\n"
        "* Connected to self-signed.example.test (192.0.2.10) port 8443 (#0)\n"
        "* SSL certificate problem: self-signed certificate\n"
        "* Closing connection 0\n"
        "curl: (60) SSL certificate problem: self-signed certificate",
        18,
        "self-signed.example.test",
        8443,
        "curl",
    ),
    (
        "fatal: unable to access 'https://git.example.test/group/repo.git/': SSL certificate "
        "problem: self signed certificate in certificate chain",
        19,
        "git.example.test",
        443,
        "git",
    ),
    (
        "fatal: unable to access 'https://gitlab.example.test:8443/x.git/': server certificate "
        "verification failed. CAfile: /etc/ssl/certs/ca-certificates.crt CRLfile: none",
        None,
        "gitlab.example.test",
        8443,
        "git",
    ),
    (
        "fatal: unable to access 'https://github.example.test/org/repo.git/': schannel: next "
        "InitializeSecurityContext failed: Unknown error (0x80092012) - The revocation function "
        "was unable to check revocation for the certificate.",
        3,
        "github.example.test",
        443,
        "git",
    ),
    (NODE_LOCAL_ISSUER, 20, None, None, "node"),
    (
        "FetchError: request to https://registry.example.test/pkg failed, reason: self-signed "
        "certificate in certificate chain\n  type: 'system',\n  errno: 'SELF_SIGNED_CERT_IN_CHAIN',"
        "\n  code: 'SELF_SIGNED_CERT_IN_CHAIN'",
        19,
        "registry.example.test",
        443,
        "node",
    ),
    (
        "npm ERR! code UNABLE_TO_VERIFY_LEAF_SIGNATURE\nnpm ERR! errno "
        "UNABLE_TO_VERIFY_LEAF_SIGNATURE\nnpm ERR! request to https://registry.npmjs.org/express "
        "failed, reason: unable to verify the first certificate",
        21,
        "registry.npmjs.org",
        443,
        "node",
    ),
    (
        "Error [ERR_TLS_CERT_ALTNAME_INVALID]: Hostname/IP does not match certificate's altnames: "
        "Host: api.example.test. is not in the cert's altnames: DNS:www.example.test",
        62,
        "api.example.test",
        None,
        "node",
    ),
    (
        "Error: self-signed certificate\n    at TLSSocket.onConnectSecure (node:_tls_wrap:1659:34) "
        "{\n  code: 'DEPTH_ZERO_SELF_SIGNED_CERT'\n}",
        18,
        None,
        None,
        "node",
    ),
    (
        "Error: certificate has expired\n    at TLSSocket.onConnectSecure (node:_tls_wrap:1659:34)"
        " {\n  code: 'CERT_HAS_EXPIRED'\n}",
        10,
        None,
        None,
        "node",
    ),
    (JAVA_PKIX, 20, None, None, "java"),
    (
        "javax.net.ssl.SSLHandshakeException: PKIX path validation failed: "
        "java.security.cert.CertPathValidatorException: validity check failed",
        10,
        None,
        None,
        "java",
    ),
    (
        "javax.net.ssl.SSLHandshakeException: No subject alternative DNS name matching "
        "api.example.test found.",
        62,
        "api.example.test",
        None,
        "java",
    ),
    (
        "curl: (60) schannel: SEC_E_UNTRUSTED_ROOT (0x80090325) - The certificate chain was issued "
        "by an authority that is not trusted.",
        19,
        None,
        None,
        "curl",
    ),
    (
        "CERT_E_UNTRUSTEDROOT (0x800B0109): A certificate chain processed, but terminated in a root "
        "certificate which is not trusted by the trust provider.",
        19,
        None,
        None,
        None,
    ),
    (
        "0x800B0101 - A required certificate is not within its validity period when verifying "
        "against the current system clock or the timestamp in the signed file.",
        10,
        None,
        None,
        None,
    ),
    ("CRYPT_E_REVOKED (0x80092010): The certificate is revoked.", 23, None, None, None),
    ("The certificate's CN name does not match the passed value.", 62, None, None, None),
    (
        '  File "/venv/lib/python3.12/site-packages/truststore/_macos.py", line 535, in '
        "_verify_peercerts_impl\n"
        "ssl.SSLCertVerificationError: \u201cself-signed.example.test\u201d certificate is not trusted",
        20,
        "self-signed.example.test",
        None,
        "truststore",
    ),
    (
        "\u201capi.example.test\u201d certificate is not standards compliant",
        None,
        "api.example.test",
        None,
        None,
    ),
    (
        "\u201cwrong.example.test\u201d certificate name does not match input",
        62,
        "wrong.example.test",
        None,
        None,
    ),
    (
        "curl: (60) schannel: SEC_E_UNTRUSTED_ROOT (0x80090325) - "
        "信頼されていない機関によって証明書チェーンが発行されました。",
        19,
        None,
        None,
        "curl",
    ),
    (
        "証明書チェーンは処理されましたが、信頼プロバイダーが信頼していないルート証明書で強制終了しました。",
        19,
        None,
        None,
        None,
    ),
    ("サーバー証明書の有効期限が切れています。", 10, None, None, None),
    ("\u201cexample.jp\u201dの証明書は信頼されていません。", 20, "example.jp", None, None),
    (
        "depth=0 CN = localhost\nverify error:num=18:self-signed certificate\nverify return:1\n"
        "---\nVerify return code: 18 (self-signed certificate)",
        18,
        None,
        None,
        None,
    ),
    (
        "ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: "
        "Basic Constraints of CA cert not marked critical (_ssl.c:1028)",
        89,
        None,
        None,
        "ssl",
    ),
    (
        "ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: "
        "Missing Authority Key Identifier (_ssl.c:1028)",
        85,
        None,
        None,
        "ssl",
    ),
    (
        'Get "https://registry.example.test/v2/": x509: certificate signed by unknown authority',
        20,
        "registry.example.test",
        443,
        "go",
    ),
    (
        'Error response from daemon: Get "https://registry.example.test:5000/v2/": x509: '
        "certificate has expired or is not yet valid: current time 2024-01-01T00:00:00Z is after "
        "2023-12-01T00:00:00Z",
        10,
        "registry.example.test",
        5000,
        "go",
    ),
    (
        "x509: cannot validate certificate for 10.0.0.5 because it doesn't contain any IP SANs",
        64,
        "10.0.0.5",
        None,
        "go",
    ),
    (
        "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: IP address mismatch, "
        "certificate is not valid for '192.0.2.7'. (_ssl.c:1006)",
        64,
        "192.0.2.7",
        None,
        None,
    ),
    (
        "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: CA signature digest "
        "algorithm too weak (_ssl.c:1006)",
        68,
        None,
        None,
        None,
    ),
    (
        "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self signed certificate (_ssl.c:1123)",
        18,
        None,
        None,
        None,
    ),
]


@pytest.mark.parametrize(("text", "code", "host", "port", "client"), CORPUS)
def test_corpus(text: str, code: int | None, host: str | None, port: int | None, client: str | None) -> None:
    reported = reported_from_text(text)
    assert (reported.verify_code, reported.host, reported.port, reported.client) == (
        code,
        host,
        port,
        client,
    )
    assert reported.text
    if code is not None:
        assert reported.verify_message


def test_corpus_is_large_enough() -> None:
    assert len(CORPUS) >= 25


def test_traceback_exception_type_is_the_outermost() -> None:
    assert reported_from_text(REQUESTS_TRACEBACK).exception_type == "requests.exceptions.SSLError"
    assert reported_from_text(URLLIB_TRACEBACK).exception_type == "urllib.error.URLError"
    assert reported_from_text(JAVA_PKIX).exception_type == "javax.net.ssl.SSLHandshakeException"


def test_verify_message_is_the_reason() -> None:
    reported = reported_from_text(REQUESTS_TRACEBACK)
    assert reported.verify_message == "certificate has expired"
    mismatch = reported_from_text(
        "certificate verify failed: Hostname mismatch, certificate is not valid for 'x.example'. "
        "(_ssl.c:1006)"
    )
    assert mismatch.verify_message == "Hostname mismatch, certificate is not valid for 'x.example'"


def test_long_text_is_capped() -> None:
    text = "noise\n" * 10_000 + PIP
    reported = reported_from_text(text)
    assert len(reported.text) <= MAX_TEXT
    short = reported_from_text(PIP + "noise\n" * 10_000)
    assert short.verify_code == 20
    assert short.host == "pypi.org"


def test_nothing_recognised() -> None:
    reported = reported_from_text("hello world")
    assert reported == ReportedError(text="hello world")


@pytest.mark.parametrize(
    "text",
    [
        "https://" * 5000,
        "HTTPSConnectionPool(host='" * 1000,
        "x509: certificate is valid for " + "a, " * 6000,
        "Cannot connect to host " + "a" * 19_000,
        "[" * 20_000,
        "a." * 10_000,
        "Traceback (most recent call last)\n" + "a." * 9000 + "Error",
        "\u201c" + "a" * 19_000,
        ("certificate verify failed: " + "x" * 290 + "\n") * 60,
        "UNABLE_TO_GET_ISSUER_CERT" * 800,
        "https://user@" * 1500,
    ],
)
def test_adversarial_text_is_fast(text: str) -> None:
    started = time.monotonic()
    reported_from_text(text)
    assert time.monotonic() - started < 2


@given(st.text(max_size=2000))
def test_reported_from_text_never_raises(text: str) -> None:
    reported = reported_from_text(text)
    assert isinstance(reported, ReportedError)
    assert len(reported.text) <= MAX_TEXT
    assert reported.port is None or 1 <= reported.port <= 65535
    assert reported.verify_code is None or isinstance(reported.verify_code, int)


_PIECES = st.sampled_from(
    [phrase for phrase, _ in PHRASES[:: max(1, len(PHRASES) // 40)]]
    + [
        "HTTPSConnectionPool(host='",
        "', port=",
        "https://",
        "Cannot connect to host ",
        " ssl:",
        "certificate verify failed: ",
        "Traceback (most recent call last)",
        "\n",
        ":",
        "'",
        "\u201c",
        "\u201d",
        "[",
        "]",
        "443",
        "99999",
        "example.test",
        "Error: ",
        "verify error:num=",
    ]
)


@settings(max_examples=300)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=30).map("".join))
def test_reported_from_text_on_shuffled_pieces(text: str) -> None:
    reported = reported_from_text(text)
    assert reported.port is None or 1 <= reported.port <= 65535


@given(st.text(max_size=500))
def test_verify_code_from_message_is_total(text: str) -> None:
    code = verify_code_from_message(text)
    assert code is None or 0 < code < 1000
