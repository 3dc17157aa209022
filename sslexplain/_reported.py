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

import functools
import re
import ssl
from collections.abc import Iterator, Mapping

from ._model import ReportedError
from ._target import normalize_host, parse_target

__all__ = ["reported_from_exception", "reported_from_text", "verify_code_from_message"]

MAX_INPUT = 20_000
MAX_TEXT = 2_000
_MAX_NODES = 64
_MAX_DEPTH = 12
_MAX_FRAMES = 64

# --- the table: every known wording -> nearest OpenSSL verify code ---------------------
# None means "recognised as a verification failure, but OpenSSL has no equivalent".

_OPENSSL: tuple[tuple[str, int | None], ...] = (
    # OpenSSL 3.x and 1.1.x wording (crypto/x509/x509_txt.c)
    ("unable to get issuer certificate", 2),
    ("unable to get certificate crl", 3),
    ("unable to decrypt certificate's signature", 4),
    ("unable to decrypt crl's signature", 5),
    ("unable to decode issuer public key", 6),
    ("certificate signature failure", 7),
    ("crl signature failure", 8),
    ("certificate is not yet valid", 9),
    ("certificate has expired", 10),
    ("crl is not yet valid", 11),
    ("crl has expired", 12),
    ("format error in certificate's notbefore field", 13),
    ("format error in certificate's notafter field", 14),
    ("self signed certificate", 18),
    ("self-signed certificate", 18),
    ("self signed certificate in certificate chain", 19),
    ("self-signed certificate in certificate chain", 19),
    ("unable to get local issuer certificate", 20),
    ("unable to verify the first certificate", 21),
    ("certificate chain too long", 22),
    ("certificate revoked", 23),
    ("issuer certificate doesn't have a public key", 24),
    ("path length constraint exceeded", 25),
    ("unsupported certificate purpose", 26),
    ("unsuitable certificate purpose", 26),
    ("certificate not trusted", 27),
    ("certificate rejected", 28),
    ("key usage does not include certificate signing", 32),
    ("unhandled critical extension", 34),
    ("invalid non-ca certificate (has ca markings)", 37),
    ("proxy path length constraint exceeded", 38),
    ("invalid or inconsistent certificate extension", 41),
    ("invalid or inconsistent certificate policy extension", 42),
    ("permitted subtree violation", 47),
    ("excluded subtree violation", 48),
    ("name constraints minimum and maximum not supported", 49),
    ("unsupported name constraint type", 51),
    ("unsupported or invalid name constraint syntax", 52),
    ("unsupported or invalid name syntax", 53),
    ("hostname mismatch", 62),
    ("email address mismatch", 63),
    ("ip address mismatch", 64),
    ("ee certificate key too weak", 66),
    ("ca certificate key too weak", 67),
    ("ca signature digest algorithm too weak", 68),
    ("ca md too weak", 68),
    ("certificate transparency required, but no valid scts found", 71),
    ("cannot find certificate signature algorithm", 76),
    ("subject signature algorithm and issuer public key algorithm mismatch", 77),
    # X509_V_FLAG_X509_STRICT (Python 3.13 sets it by default): 78-94
    ("cert info signature and signature algorithm mismatch", 78),
    ("invalid ca certificate", 79),  # 24 before OpenSSL 3.0
    ("path length invalid for non-ca cert", 80),
    ("path length given without key usage keycertsign", 81),
    ("key usage keycertsign invalid for non-ca cert", 82),
    ("issuer name empty", 83),
    ("subject name empty", 84),
    ("missing authority key identifier", 85),
    ("missing subject key identifier", 86),
    ("empty subject alternative name extension", 87),
    ("subject empty and subject alt name extension not critical", 88),
    ("basic constraints of ca cert not marked critical", 89),
    ("authority key identifier marked critical", 90),
    ("subject key identifier marked critical", 91),
    ("ca cert does not include key usage extension", 92),
    ("using cert extension requires at least x509v3", 93),
    ("certificate public key has explicit ecc parameters", 94),
    # ssl.match_hostname (Python < 3.7) and urllib3 1.x
    ("' doesn't match '", 62),
    ("' doesn't match either of '", 62),
)

# X509_V_ERR_* names; Node.js reports the same names without the prefix as err.code.
_X509_NAMES: tuple[tuple[str, int], ...] = (
    ("UNABLE_TO_GET_ISSUER_CERT", 2),
    ("UNABLE_TO_GET_CRL", 3),
    ("UNABLE_TO_DECRYPT_CERT_SIGNATURE", 4),
    ("UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY", 6),
    ("CERT_SIGNATURE_FAILURE", 7),
    ("CERT_NOT_YET_VALID", 9),
    ("CERT_HAS_EXPIRED", 10),
    ("CRL_HAS_EXPIRED", 12),
    ("ERROR_IN_CERT_NOT_BEFORE_FIELD", 13),
    ("ERROR_IN_CERT_NOT_AFTER_FIELD", 14),
    ("DEPTH_ZERO_SELF_SIGNED_CERT", 18),
    ("SELF_SIGNED_CERT_IN_CHAIN", 19),
    ("UNABLE_TO_GET_ISSUER_CERT_LOCALLY", 20),
    ("UNABLE_TO_VERIFY_LEAF_SIGNATURE", 21),
    ("CERT_CHAIN_TOO_LONG", 22),
    ("CERT_REVOKED", 23),
    ("INVALID_CA", 79),
    ("PATH_LENGTH_EXCEEDED", 25),
    ("INVALID_PURPOSE", 26),
    ("CERT_UNTRUSTED", 27),
    ("CERT_REJECTED", 28),
    ("PERMITTED_VIOLATION", 47),
    ("HOSTNAME_MISMATCH", 62),
    ("IP_ADDRESS_MISMATCH", 64),
    ("EE_KEY_TOO_SMALL", 66),
    ("CA_KEY_TOO_SMALL", 67),
    ("CA_MD_TOO_WEAK", 68),
    ("MISSING_AUTHORITY_KEY_IDENTIFIER", 85),
    ("MISSING_SUBJECT_KEY_IDENTIFIER", 86),
    ("CA_BCONS_NOT_CRITICAL", 89),
)

_OTHER_STACKS: tuple[tuple[str, int | None], ...] = (
    # Node.js
    ("err_tls_cert_altname_invalid", 62),
    ("is not in the cert's altnames", 62),
    ("is not in the cert's list", 64),
    # Java (JSSE)
    ("pkix path building failed", 20),
    ("unable to find valid certification path to requested target", 20),
    ("path does not chain with any of the trust anchors", 20),
    ("certificateexpiredexception", 10),
    ("certificatenotyetvalidexception", 9),
    ("validity check failed", 10),
    ("no subject alternative dns name matching", 62),
    ("no subject alternative names present", 62),
    ("no name matching", 62),
    ("no subject alternative names matching ip address", 64),
    ("certificate has been revoked", 23),
    ("algorithm constraints check failed on signature algorithm", 68),
    ("algorithm constraints check failed on keysize limits", 66),
    ("basic constraints check failed: this is not a ca certificate", 79),
    ("pathlenconstraint violated", 25),
    ("extended key usage does not permit use for tls server authentication", 26),
    # curl, git (OpenSSL, Secure Transport, GnuTLS back ends)
    ("no alternative certificate subject name matches target", 62),
    ("does not match target host name", 62),
    ("does not match target hostname", 62),
    ("ssl certificate problem: invalid certificate chain", 20),
    ("the certificate issuer is unknown", 20),
    ("the name in the certificate does not match the expected", 62),
    ("the certificate chain uses expired certificate", 10),
    # Go
    ("x509: certificate signed by unknown authority", 20),
    ("x509: certificate has expired or is not yet valid", 10),
    ("x509: certificate is valid for", 62),
    ("x509: certificate is not valid for any names", 62),
    ("x509: certificate relies on legacy common name field", 62),
    ("because it doesn't contain any ip sans", 64),
    ("x509: certificate specifies an incompatible key usage", 26),
    # .NET, rustls
    ("remotecertificatechainerrors", 20),
    ("remotecertificatenamemismatch", 62),
    ("invalid peer certificate: unknownissuer", 20),
    ("invalid peer certificate: expired", 10),
    ("invalid peer certificate: certificate expired", 10),
    ("invalid peer certificate: notvalidforname", 62),
    ("invalid peer certificate: badsignature", 7),
    # macOS Security framework (truststore, Secure Transport)
    ("root certificate is not trusted", 19),
    ("certificate is not trusted", 20),
    ("certificate is expired", 10),
    ("certificate name does not match", 62),
    ("certificate is revoked", 23),
    ("certificate is not standards compliant", None),
    # Windows CryptoAPI / SChannel, English text
    ("terminated in a root certificate which is not trusted", 19),
    ("one of the ca certificates is not trusted by the policy provider", 19),
    ("the certificate chain was issued by an authority that is not trusted", 19),
    ("a certificate chain could not be built to a trusted root authority", 20),
    ("a required certificate is not within its validity period", 10),
    ("the received certificate has expired", 10),
    ("the certificate's cn name does not match the passed value", 62),
    ("the target principal name is incorrect", 62),
    ("a certificate was explicitly revoked by its issuer", 23),
    ("the revocation function was unable to check revocation", 3),
    ("the certificate is not valid for the requested usage", 26),
    ("the signature of the certificate cannot be verified", 7),
    ("the certificate has an invalid name", 47),
    # Japanese (Windows, macOS, translated tools)
    ("信頼していないルート証明書", 19),
    ("信頼されていない機関によって証明書チェーンが発行されました", 19),
    ("ルート機関への証明書チェーン", 20),
    ("ローカル発行者証明書を取得できません", 20),
    ("発行者証明書を取得できません", 2),
    ("証明書は信頼されていません", 20),
    ("証明書チェーン内に自己署名証明書", 19),
    ("チェーン内の自己署名証明書", 19),
    ("自己署名証明書", 18),
    ("有効期限が切れて", 10),
    ("有効期間内にありません", 10),
    ("有効期間内ではありません", 10),
    ("まだ有効ではありません", 9),
    ("対象のプリンシパル名が正しくありません", 62),
    ("cn 名が渡された値と一致しません", 62),
    ("ホスト名が一致しません", 62),
    ("ホスト名の不一致", 62),
    ("証明書は失効しています", 23),
    ("証明書が失効しています", 23),
    ("失効の関数は", 3),
)

# (name, code as the platform reports it, nearest OpenSSL code)
_PLATFORM_CODES: tuple[tuple[str, int, int | None], ...] = (
    ("CERT_E_UNTRUSTEDROOT", 0x800B0109, 19),
    ("CERT_E_UNTRUSTEDCA", 0x800B0112, 19),
    ("CERT_E_CHAINING", 0x800B010A, 20),
    ("CERT_E_EXPIRED", 0x800B0101, 10),
    ("CERT_E_CN_NO_MATCH", 0x800B010F, 62),
    ("CERT_E_REVOKED", 0x800B010C, 23),
    ("CERT_E_WRONG_USAGE", 0x800B0110, 26),
    ("CERT_E_PATHLENCONST", 0x800B0104, 25),
    ("CERT_E_ROLE", 0x800B0103, 79),
    ("CERT_E_INVALID_NAME", 0x800B0114, 47),
    ("CRYPT_E_REVOKED", 0x80092010, 23),
    ("CRYPT_E_NO_REVOCATION_CHECK", 0x80092012, 3),
    ("CRYPT_E_REVOCATION_OFFLINE", 0x80092013, 3),
    ("TRUST_E_CERT_SIGNATURE", 0x80096004, 7),
    ("SEC_E_UNTRUSTED_ROOT", 0x80090325, 19),
    ("SEC_E_WRONG_PRINCIPAL", 0x80090322, 62),
    ("SEC_E_CERT_EXPIRED", 0x80090328, 10),
    ("errSecNotTrusted", -67843, 20),
    ("errSecCreateChainFailed", -25318, 20),
    ("errSecCertificateExpired", -67818, 10),
    ("errSecCertificateNotValidYet", -67819, 9),
    ("errSecCertificateRevoked", -67820, 23),
    ("errSecHostNameMismatch", -67602, 62),
    ("errSecIncompleteCertRevocationCheck", -67635, 3),
    ("errSecCertificateNameNotAllowed", -67900, 47),
    ("errSecCertificateValidityPeriodTooLong", -67901, None),
    ("errSSLXCertChainInvalid", -9807, 20),
    ("errSSLHostNameMismatch", -9843, 62),
)


def _platform_phrases() -> Iterator[tuple[str, int | None]]:
    for name, value, code in _PLATFORM_CODES:
        yield name.lower(), code
        if value > 0:
            yield f"0x{value:08x}", code
            yield f"{value - (1 << 32)}", code
        else:
            yield str(value), code


def _x509_phrases() -> Iterator[tuple[str, int]]:
    for name, code in _X509_NAMES:
        yield name.lower(), code
        yield "x509_v_err_" + name.lower(), code


# One table, longest phrase first: at the same position a longer phrase wins.
PHRASES: tuple[tuple[str, int | None], ...] = tuple(
    sorted(
        {
            **dict(_OPENSSL),
            **dict(_x509_phrases()),
            **dict(_OTHER_STACKS),
            **dict(_platform_phrases()),
        }.items(),
        key=lambda item: -len(item[0]),
    )
)
_PLATFORM_BY_VALUE: dict[int, int | None] = {
    **{value: code for _, value, code in _PLATFORM_CODES},
    **{value - (1 << 32): code for _, value, code in _PLATFORM_CODES if value > 0},
}

# --- finding the code in a message ------------------------------------------------------

# The reason OpenSSL (via Python, curl, git) appends to its generic message.
_REASON = re.compile(
    r"(?:certificate verify failed|ssl certificate problem|verify error:num=\d{1,3}):[ \t]{0,4}"
    r"([^\n\r(\"]{1,300})",
    re.IGNORECASE,
)
_NUMERIC = re.compile(r"(?:verify error:num=|verify return code: )(\d{1,3})", re.IGNORECASE)


def verify_code_from_message(message: str) -> int | None:
    """The OpenSSL ``X509_V_ERR_*`` code a verification message stands for.

    Args:
        message: an error message or log excerpt in any supported wording, e.g.
            ``"certificate verify failed: self-signed certificate (_ssl.c:1006)"``,
            ``"UNABLE_TO_GET_ISSUER_CERT_LOCALLY"`` or ``"CERT_E_UNTRUSTEDROOT"``.

    Returns:
        The code (e.g. 18, 20, 62), or None when no known wording is present.
    """
    return _verify_from_text(message)[0]


def _verify_from_text(message: object) -> tuple[int | None, str | None]:
    """(code, the message fragment that names the reason)."""
    if not isinstance(message, str) or not message:
        return None, None
    return _verify_from_str(message[:MAX_INPUT])


@functools.lru_cache(maxsize=512)
def _verify_from_str(text: str) -> tuple[int | None, str | None]:
    """Cached: the same few messages repeat in every log and every retry."""
    numeric = _NUMERIC.search(text)
    if numeric is not None and int(numeric.group(1)) > 0:
        return int(numeric.group(1)), _reason(text)
    reason = _reason(text)
    if reason is not None:
        found = _find_phrase(reason)
        if found is not None:
            return found[0], reason
    found = _find_phrase(text)
    if found is None:
        return None, reason
    return found[0], reason or found[1]


def _reason(text: str) -> str | None:
    match = _REASON.search(text)
    if match is None:
        return None
    reason = match.group(1).strip().rstrip(" \t.,;)\\")
    if reason.endswith("'") and reason.count("'") % 2 == 1:
        reason = reason[:-1].rstrip()
    return reason or None


def _find_phrase(text: str) -> tuple[int | None, str] | None:
    """The phrase that starts first in ``text`` (longer first at equal start)."""
    lowered = text.lower()
    if len(lowered) != len(text):  # case mapping changed lengths: spans would be off
        lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    best: tuple[int, int, int | None] | None = None  # (start, -length, code)
    for phrase, code in PHRASES:
        start = _find_word(lowered, phrase)
        if start != -1 and (best is None or (start, -len(phrase)) < best[:2]):
            best = (start, -len(phrase), code)
    if best is None:
        return None
    start, negative_length, code = best
    return code, text[start : start - negative_length]


def _find_word(lowered: str, phrase: str) -> int:
    """Index of ``phrase`` where it is not glued to ASCII word characters, or -1."""
    start = lowered.find(phrase)
    while start != -1:
        end = start + len(phrase)
        if _free(lowered, start - 1, phrase[0]) and _free(lowered, end, phrase[-1]):
            return start
        start = lowered.find(phrase, start + 1)
    return -1


def _free(text: str, index: int, edge: str) -> bool:
    if not _is_word(edge) or index < 0 or index >= len(text):
        return True
    return not _is_word(text[index])


def _is_word(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char == "_")


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
