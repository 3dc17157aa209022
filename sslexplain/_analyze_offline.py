"""Pure: explaining a reported error without any handshake (``explain(..., probe=False)``).

The verify code (or the words of the message) says which causes are likely, most
likely first; the causes are cached, so a logging hook pays microseconds.
"""

from __future__ import annotations

import functools

from ._facts import CODE_KINDS, Facts, K
from ._messages import text
from ._model import Audience, Cause, CauseKind, Fix, ReportedError, Severity

_OFFLINE_WORDS: tuple[tuple[tuple[str, ...], tuple[CauseKind, ...]], ...] = (
    (("revoked",), (K.REVOKED,)),
    (
        ("could not find a suitable tls ca certificate bundle", "no such file or directory: '", "cafile"),
        (K.PYTHON_ENVIRONMENT,),
    ),
    (("dh key too small", "dh_key_too_small", "ee key too small", "ca md too weak"), (K.WEAK_CRYPTO,)),
    (
        (
            "connection refused",
            "name or service not known",
            "nodename nor servname",
            "getaddrinfo failed",
            "temporary failure in name resolution",
            "failed to establish a new connection",
            "connect call failed",
            "timed out",
            "network is unreachable",
            "no route to host",
            "errno 111",
            "errno -2",
            "winerror 10061",
        ),
        (K.UNREACHABLE,),
    ),
    (
        (
            "wrong version number",
            "record layer failure",
            "http request",
            "packet length too long",
            "certificate required",
            "alert handshake failure",
            "unsupported protocol",
            "no shared cipher",
            "protocol version",
            "eof occurred in violation of protocol",
            "unexpected eof",
        ),
        (K.HANDSHAKE_FAILURE,),
    ),
    (("certificate_verify_failed", "certificate verify failed", "certificate verification"), CODE_KINDS[20]),
)


# Sites whose chains are complete and publicly trusted: a missing-issuer failure on them comes from
# this side (an intercepting proxy or antivirus, this Python's trust store), not from the server.
_PUBLIC_HOSTS = (
    "pypi.org",
    "pythonhosted.org",
    "github.com",
    "githubusercontent.com",
    "huggingface.co",
    "openai.com",
    "npmjs.org",
    "google.com",
    "googleapis.com",
    "amazonaws.com",
    "anaconda.org",
    "anaconda.com",
    "pytorch.org",
    "microsoftonline.com",
    "azure.com",
    "docker.io",
    "docker.com",
)
_THIS_SIDE_FIRST = (
    K.INTERCEPTION,
    K.MISSING_ROOT,
    K.PYTHON_ENVIRONMENT,
    K.UNTRUSTED_ROOT,
    K.INCOMPLETE_CHAIN,
)


def public_host(reported: ReportedError) -> str | None:
    """The well-known public site the error is about (by host, or by pip's index paths), if any."""
    host = (reported.host or "").lower().rstrip(".")
    for site in _PUBLIC_HOSTS:
        if host == site or host.endswith("." + site):
            return host
    if not host and ("/simple/" in reported.text or (reported.client or "") == "pip"):
        return "pypi.org"
    if not host and ("condassl" in reported.text.lower() or (reported.client or "") == "conda"):
        return "conda.anaconda.org"
    return None


def offline_kinds(reported: ReportedError) -> tuple[CauseKind, ...]:
    """The kinds a reported error usually means, most likely first: by verify code, else by its words."""
    kinds = _kinds_by_code_or_words(reported)
    if {K.INCOMPLETE_CHAIN, K.UNTRUSTED_ROOT, K.SELF_SIGNED} & set(kinds) and public_host(reported):
        return _THIS_SIDE_FIRST  # an unknown issuer on a public site: look on this side first
    return kinds


def _kinds_by_code_or_words(reported: ReportedError) -> tuple[CauseKind, ...]:
    if reported.verify_code is not None and reported.verify_code in CODE_KINDS:
        return CODE_KINDS[reported.verify_code]
    lowered = f"{reported.verify_message or ''} {reported.text}".lower()
    for words, kinds in _OFFLINE_WORDS:
        if any(w in lowered for w in words):
            return kinds
    return (K.UNTRUSTED_ROOT,) if reported.verify_message else (K.HANDSHAKE_FAILURE,)


def reported_only(f: Facts) -> list[Cause]:
    """No handshake was made: the likely causes of the reported error, and the check that tells them apart."""
    reported = f.obs.reported
    if f.obs.probed or reported is None:
        return []
    return list(_offline_causes(reported, f.lang))


@functools.lru_cache(maxsize=256)
def _offline_causes(reported: ReportedError, lang: str) -> tuple[Cause, ...]:
    """Cached: a logging hook explains the same error again and again, in microseconds."""
    code = reported.verify_code
    target = f"{reported.host}:{reported.port or 443}" if reported.host else "HOST"
    if code is not None:
        said = text(lang, "ev.reported", code=code, message=reported.verify_message or "")
    else:
        said = text(lang, "ev.reported_text", message=(reported.verify_message or reported.text)[:300])
    site = public_host(reported) if offline_kinds(reported) == _THIS_SIDE_FIRST else None
    evidence = (
        (said, text(lang, "ev.offline.public_host", host=site), text(lang, "ev.offline"))
        if site
        else (
            said,
            text(lang, "ev.offline"),
        )
    )
    probe = Fix(
        audience=Audience.CLIENT, text=text(lang, "fix.offline.probe"), command=f"sslexplain {target}"
    )
    causes = []
    for rank, kind in enumerate(offline_kinds(reported)):
        key = "revoked_unavailable" if kind is K.REVOKED and code not in (23, None) else kind.value
        fix = Fix(audience=Audience.CLIENT, text=text(lang, f"offline.{key}.fix"))
        causes.append(
            Cause(
                kind=kind,
                severity=Severity.ERROR if rank == 0 else Severity.WARNING,
                root_cause=kind.root_cause,
                summary=text(lang, f"offline.{key}.summary", code=code),
                explanation=text(lang, f"offline.{key}.explanation", code=code),
                evidence=evidence,
                fixes=(probe, fix),
            )
        )
    return tuple(causes)
