"""The stages composed: parse -> observe -> analyze -> Diagnosis.

Heavy modules (cryptography, urllib3) are imported inside the functions so
``import sslexplain`` stays light.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from ._model import Cause, Diagnosis, Observation, ReportedError, Severity, Target

if TYPE_CHECKING:
    from ._environment import EnvironmentReport


def diagnose(
    target: str,
    port: int | None = None,
    *,
    connect_to: str | Sequence[str] | None = None,
    ca_file: str | None = None,
    proxy: str | None = None,
    timeout: float = 10.0,
    lang: str | None = None,
    network: bool = True,
    check_revocation: bool = True,
    now: datetime | None = None,
) -> Diagnosis:
    """Re-run the TLS handshake with ``target`` and explain what is wrong.

    Args:
        target: ``"example.com"``, ``"example.com:8443"``, ``"[::1]:8443"`` or an ``https://`` URL.
        port: the port when ``target`` names none (default 443).
        connect_to: address(es) to connect to instead of DNS; SNI and name checks still use the host.
        ca_file: the trust bundle of the client being diagnosed; None means Python's default.
        proxy: ``"http://host:port"``; default the environment's proxy settings.
        timeout: one deadline in seconds for the whole diagnosis.
        lang: ``"en"`` or ``"ja"``; default SSLEXPLAIN_LANG, then the locale.
        network: False forbids every fetch beyond the handshakes (AIA, OCSP, CRL): URLs in
            certificates come from the server and may point anywhere.
        check_revocation: ask the leaf's OCSP responder and CRL whether it is revoked (even when
            the chain verifies: Python does not check revocation, browsers and OS verifiers do).
        now: judge validity as of this aware datetime instead of this machine's clock (tests,
            "what if my clock were right"); the network steps always use the real clock.

    Returns:
        A :class:`Diagnosis`; problems are causes, never exceptions. Only caller
        mistakes (a malformed target, a missing ``ca_file``) raise ``ValueError``.
    """
    from ._messages import normalize_lang
    from ._target import parse_target

    language = normalize_lang(lang)
    parsed = parse_target(target, port=port, connect_to=connect_to, proxy=proxy, ca_file=ca_file)
    _check_timeout(timeout)
    _check_ca_file(ca_file)
    _check_now(now)
    observation = _observe(parsed, timeout, None, network=network, check_revocation=check_revocation, now=now)
    return analyze(observation, lang=language)


def diagnose_many(
    targets: Iterable[str | Target],
    *,
    concurrency: int = 32,
    port: int | None = None,
    timeout: float = 10.0,
    ca_file: str | None = None,
    proxy: str | None = None,
    lang: str | None = None,
    network: bool = True,
) -> Iterator[Diagnosis]:
    """Diagnose many targets at once, yielding each :class:`Diagnosis` as soon as it is ready.

    Targets are read lazily (a file object or a generator works; memory stays flat)
    and at most ``concurrency`` diagnoses run at a time; results come in the order
    they finish, so match them by ``d.target``.

    Args:
        targets: lines as in a scan file (``"host"``, ``"host:port"``, an https URL, optionally
            followed by addresses to dial instead of DNS; ``# comments``), or :class:`Target` objects.
        concurrency: how many diagnoses run at the same time (threads).
        port, timeout, ca_file, proxy, lang, network: as for :func:`diagnose`, for every target.

    Returns:
        An iterator of diagnoses. A line that is not a target yields a diagnosis with
        ``ok=False``, no cause and no observation, the reason in ``verdict``. Caller
        mistakes (``concurrency=0``, a missing ``ca_file``) raise at the call.
    """
    from ._scan import invalid_diagnosis, scan

    items = scan(
        targets,
        concurrency=concurrency,
        port=port,
        timeout=timeout,
        ca_file=ca_file,
        proxy=proxy,
        lang=lang,
        network=network,
    )
    return (item.diagnosis if item.diagnosis is not None else invalid_diagnosis(item, lang) for item in items)


def explain(
    error: BaseException | str,
    *,
    probe: bool = True,
    timeout: float = 10.0,
    ca_file: str | None = None,
    lang: str | None = None,
    connect_to: str | Sequence[str] | None = None,
    proxy: str | None = None,
    check_revocation: bool = True,
    now: datetime | None = None,
) -> Diagnosis:
    """Explain a caught exception, or the text of an error from a log.

    Args:
        error: an exception from ssl, urllib, urllib3, requests, httpx or aiohttp
            (wrapped as deep as they wrap it), or pasted error text.
        probe: re-run the handshake with the host named in the error (when one is
            known) to measure the cause; False explains from the message alone,
            offline, in microseconds.
        timeout: deadline in seconds for the probe.
        ca_file: the trust bundle the failing client used, when it was not the default.
        lang: ``"en"`` or ``"ja"``.
        connect_to / proxy / check_revocation / now: as for :func:`diagnose`, for the probe (e.g. the
            addresses the failing client resolved the host to).
    """
    from ._messages import normalize_lang
    from ._reported import reported_from_exception, reported_from_text

    language = normalize_lang(lang)
    if isinstance(error, str):
        reported: ReportedError | None = reported_from_text(error)
    elif isinstance(error, BaseException):
        reported = reported_from_exception(error)
    else:
        raise TypeError(f"explain() takes an exception or a string, not {type(error).__name__}")
    if reported is None:  # not a TLS error at all (refused, DNS, ...): still read what the text says
        reported = reported_from_text(_safe_str(error))
    if probe and reported.host:
        try:
            from ._target import parse_target

            own_bundle = None if ca_file else _failing_client_bundle(reported)
            target = parse_target(
                reported.host,
                port=reported.port,
                ca_file=ca_file or own_bundle,
                connect_to=connect_to,
                proxy=proxy,
            )
        except ValueError:
            target = None
        if target is not None:
            _check_now(now)
            observation = _observe(target, timeout, reported, check_revocation=check_revocation, now=now)
            if own_bundle is not None and reported.client and observation.stores:
                observation = _as_client_store(observation, reported.client)
            return _compare_with_report(analyze(observation, lang=language), observation, language)
    return analyze(offline_observation(reported), lang=language)


def _as_client_store(observation: Observation, client: str) -> Observation:
    """Name the probed store after the client that failed, and drop that client's duplicate row."""
    first = dataclasses.replace(observation.stores[0], name=client)
    rest = tuple(store for store in observation.stores[1:] if store.name != client)
    return dataclasses.replace(observation, stores=(first, *rest))


def _failing_client_bundle(reported: ReportedError) -> str | None:
    """The bundle the reporting client loads by itself, so the probe verifies as it did.

    requests takes REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE, else certifi; httpx takes
    SSL_CERT_FILE, else certifi. Other clients use Python's default context, the probe's
    own default. A setting that names no readable file is left to the environment rules.
    """
    import os

    from . import _clients

    configs = {"requests": _clients.requests_config, "httpx": _clients.httpx_config}
    config = configs[reported.client]() if reported.client in configs else None
    if config is None or not config.sources:
        return None
    path = config.sources[0].path
    return path if os.path.isfile(path) else None


def environment(*, lang: str | None = None) -> EnvironmentReport:
    """This Python's TLS set-up, like ``python -m requests.help`` but complete, with the problems found.

    Reads files and environment variables only (no network): Python and OpenSSL versions, default
    verify paths, the TLS environment variables (proxy credentials redacted), certifi, truststore,
    the trust store each client here uses (stdlib ssl, requests, httpx, certifi, the OS store, pip)
    and every problem with its fix. ``str()`` is the text report, ``to_json()`` the JSON one.

    Args:
        lang: ``"en"`` or ``"ja"``; default SSLEXPLAIN_LANG, then the locale.
    """
    from ._environment import environment_report
    from ._messages import normalize_lang

    return environment_report(normalize_lang(lang))


def offline_observation(reported: ReportedError) -> Observation:
    from datetime import datetime, timezone

    target = Target(host=reported.host or "", port=reported.port or 443)
    return Observation(target=target, observed_at=datetime.now(timezone.utc), reported=reported, probed=False)


def analyze(observation: Observation, *, lang: str = "en") -> Diagnosis:
    """Pure: an Observation (fresh or loaded from JSON) to a Diagnosis."""
    from . import _analyze, _analyze_network, _analyze_trust, _x509
    from ._messages import text

    facts = _analyze.facts(observation, lang)
    causes = _analyze_network.with_network_causes(facts, _analyze.run_rules(facts))
    chain = tuple(_x509.describe(c, i) for i, c in enumerate(facts.served) if c is not None)
    completed = None
    path = facts.completed
    if path.anchored and "aia" in path.sources():
        completed = _x509.pem_of(link.cert for link in path.links if link.source != "store")
    errors = [c for c in causes if c.severity is Severity.ERROR]
    ok = observation.probed and facts.verified and not errors
    host = observation.target.host or "?"
    if ok:
        warnings = len(causes)
        verdict = (
            text(lang, "render.ok_warnings", host=host, count=warnings)
            if warnings
            else text(lang, "render.ok", host=host)
        )
    elif causes:
        verdict = text(lang, "render.problem", summary=causes[0].summary)
    else:
        verdict = text(lang, "render.problem", summary=text(lang, "render.no_cause"))
    return Diagnosis(
        target=observation.target,
        ok=ok,
        causes=causes,
        chain=chain,
        completed_chain_pem=completed,
        clients=_analyze_trust.client_verdicts(facts),
        addresses=_analyze_network.address_results(facts),
        observation=observation,
        lang=lang,
        verdict=verdict,
    )


def _observe(
    target: Target,
    timeout: float,
    reported: ReportedError | None,
    *,
    network: bool = True,
    check_revocation: bool = True,
    now: datetime | None = None,
) -> Observation:
    from ._observe import observe

    return observe(
        target,
        timeout=timeout,
        reported=reported,
        network=network,
        check_revocation=check_revocation,
        now=now,
    )


def _compare_with_report(diagnosis: Diagnosis, observation: Observation, lang: str) -> Diagnosis:
    """Say whether the probe reproduced the failure the user saw."""
    from ._messages import text

    reported = observation.reported
    if reported is None or reported.verify_code is None:
        return diagnosis
    verify = next(
        (h for h in observation.handshakes if h.purpose == "verify" and h.verify_code is not None), None
    )
    now_code = verify.verify_code if verify else None
    if now_code == reported.verify_code:
        return diagnosis
    if diagnosis.ok:
        offline = analyze(offline_observation(reported), lang=lang)
        note = text(lang, "ev.not_reproduced_ok")
        causes = tuple(_add_evidence(c, note) for c in offline.causes)
        return dataclasses.replace(
            diagnosis,
            ok=False,
            causes=causes,
            verdict=text(lang, "render.problem", summary=causes[0].summary) if causes else diagnosis.verdict,
        )
    note = text(
        lang,
        "ev.not_reproduced",
        reported=reported.verify_code,
        now=now_code if now_code is not None else "-",
    )
    causes = tuple(_add_evidence(c, note) if i == 0 else c for i, c in enumerate(diagnosis.causes))
    return dataclasses.replace(diagnosis, causes=causes)


def _add_evidence(cause: Cause, line: str) -> Cause:
    return dataclasses.replace(cause, evidence=(*cause.evidence, line))


def _check_timeout(timeout: float) -> None:
    if not isinstance(timeout, (int, float)) or timeout <= 0 or timeout != timeout:
        raise ValueError(f"timeout must be a positive number of seconds, not {timeout!r}")


def _check_now(now: datetime | None) -> None:
    if now is not None and (not isinstance(now, datetime) or now.tzinfo is None):
        raise ValueError(f"now must be an aware datetime (with a timezone), not {now!r}")


def _check_ca_file(ca_file: str | None) -> None:
    import os

    if ca_file is not None and not os.path.exists(ca_file):
        raise ValueError(f"ca_file {ca_file!r} does not exist")


def _safe_str(value: object) -> str:
    try:
        return str(value)
    except Exception:
        return type(value).__name__
