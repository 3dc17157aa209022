"""Pure: every known wording of a certificate verification failure -> the nearest OpenSSL code.

One table for all stacks (OpenSSL 1.1 and 3.x, Python's ``ssl``, curl, git, Node.js,
Java, macOS Security framework, Windows CryptoAPI, their Japanese forms), ordered so
that longer phrases win; codes from ``include/openssl/x509_vfy.h.in``, messages from
``crypto/x509/x509_txt.c``. Bounded input, plain substring searches: linear time.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

MAX_INPUT = 20_000

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
