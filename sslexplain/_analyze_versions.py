"""Pure: known version regressions, recognised from the installed versions plus the failure.

Each rule needs both halves of the evidence: the version range that has the
regression (``Environment.packages``) and a failure of the shape it causes.
Versions alone never make a cause.
"""

from __future__ import annotations

from collections.abc import Callable

from ._facts import Facts, K
from ._model import Audience, Cause, Severity


def version_tuple(text: str | None) -> tuple[int, ...]:
    """'2.32.3' -> (2, 32, 3); pre-release tags and junk end the number."""
    out = []
    for part in (text or "").split("."):
        digits = ""
        for char in part:
            if not char.isdigit():
                break
            digits += char
        if not digits:
            break
        out.append(int(digits))
    return tuple(out)


def installed(f: Facts, distribution: str) -> str | None:
    env = f.obs.environment
    return dict(env.packages).get(distribution) if env is not None else None


def _reported_by_requests(f: Facts) -> bool:
    reported = f.obs.reported
    if reported is None:
        return False
    names = f"{reported.client or ''} {reported.exception_type or ''}".lower()
    return "requests" in names


def requests_custom_context(f: Facts) -> list[Cause]:
    """requests 2.32.0-2.32.4: an SSLContext handed to an HTTPAdapter subclass gets no default CAs.

    Evidence: requests in that range is installed, requests reported "unable to get local
    issuer certificate", and requests' own store (or the default one) verifies the chain
    here, so the CAs were missing from the context the failing code built.
    See psf/requests#6730 and #6736.
    """
    version = installed(f, "requests")
    reported = f.obs.reported
    if version is None or reported is None or not _reported_by_requests(f):
        return []
    if not (2, 32, 0) <= version_tuple(version)[:3] <= (2, 32, 4) or reported.verify_code not in (20, 2, 21):
        return []
    from ._analyze_trust import client_verdicts

    verifying = [v.client for v in client_verdicts(f) if v.verifies]
    if not (f.verified or "requests" in verifying):
        return []
    evidence = [
        f.t("ev.version.requests_range", version=version),
        f.t("ev.version.reported", code=reported.verify_code, message=reported.verify_message or ""),
        f.t("ev.version.requests_store_ok", clients=", ".join(verifying) or "-"),
    ]
    fixes = [
        f.fix(
            Audience.CLIENT,
            "fix.version.load_default_certs",
            command="context.load_verify_locations(certifi.where())  # or context.load_default_certs()",
        ),
        f.fix(Audience.CLIENT, "fix.version.upgrade_requests", command='pip install -U "requests>2.32.4"'),
    ]
    return [
        f.cause(
            K.PYTHON_ENVIRONMENT, evidence, fixes, Severity.ERROR, variant="requests_2_32", version=version
        )
    ]


_BUILD_DEPENDENCIES = ("installing build dependencies", "install build dependencies", "pip-build-env")


def pip_build_dependencies(f: Facts) -> list[Cause]:
    """pip 25.0 passed its own CA bundle (--cert) to the build-dependency install, disabling truststore.

    Evidence: pip 25.0 is installed, the reported failure happened while installing build
    dependencies, and it is a missing-issuer failure. See pypa/pip#13186, fixed in 25.0.1.
    """
    version = installed(f, "pip")
    reported = f.obs.reported
    if version is None or reported is None or version_tuple(version)[:3] not in ((25, 0), (25, 0, 0)):
        return []
    if reported.verify_code not in (20, 19, 2, 21):
        return []
    if not any(marker in reported.text.lower() for marker in _BUILD_DEPENDENCIES):
        return []
    evidence = [
        f.t("ev.version.pip_25_0", version=version),
        f.t("ev.version.reported", code=reported.verify_code, message=reported.verify_message or ""),
    ]
    fixes = [
        f.fix(Audience.CLIENT, "fix.version.upgrade_pip", command='python -m pip install -U "pip>=25.0.1"'),
        f.fix(
            Audience.CLIENT,
            "fix.version.pip_cert",
            command="export PIP_CERT=/path/to/bundle-with-your-root.pem",
        ),
    ]
    return [
        f.cause(K.PYTHON_ENVIRONMENT, evidence, fixes, Severity.ERROR, variant="pip_25_0", version=version)
    ]


VERSION_RULES: tuple[Callable[[Facts], list[Cause]], ...] = (requests_custom_context, pip_build_dependencies)
