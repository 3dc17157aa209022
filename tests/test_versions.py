"""Known version regressions: recognised only from the installed version plus a failure of their shape."""

from __future__ import annotations

import dataclasses

import pytest
import requests
from requests.adapters import HTTPAdapter

import sslexplain
from sslexplain import CauseKind, Severity
from sslexplain._analyze_versions import version_tuple
from sslexplain.lab import TLSServer

from .conftest import PKI


class EmptyContextAdapter(HTTPAdapter):
    """What code hit by psf/requests#6730 does: its own SSLContext, no CA certificate loaded."""

    def init_poolmanager(self, *args: object, **kwargs: object) -> None:
        import ssl

        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)  # verifies, but trusts nothing
        kwargs["ssl_context"] = context
        super().init_poolmanager(*args, **kwargs)  # type: ignore[arg-type]


def _failure_with_custom_context(pki: PKI) -> tuple[BaseException, sslexplain.Diagnosis]:
    with TLSServer([pki.leaf("localhost"), pki.intermediate], hosts=("127.0.0.1",)) as server:
        session = requests.Session()
        session.mount("https://", EmptyContextAdapter())
        with pytest.raises(requests.exceptions.SSLError) as caught:
            session.get(f"https://localhost:{server.port}/", timeout=5)
        d = sslexplain.explain(caught.value, ca_file=pki.ca_file, timeout=5)
    return caught.value, d


def _with_requests(d: sslexplain.Diagnosis, version: str) -> sslexplain.Observation:
    obs = d.observation
    assert obs is not None and obs.environment is not None
    packages = (*((n, v) for n, v in obs.environment.packages if n != "requests"), ("requests", version))
    return dataclasses.replace(obs, environment=dataclasses.replace(obs.environment, packages=packages))


def test_requests_2_32_custom_context_regression(pki: PKI) -> None:
    _exc, d = _failure_with_custom_context(pki)
    assert d.observation is not None and d.observation.reported is not None
    assert d.observation.reported.verify_code == 20  # a real failure of that shape
    affected = sslexplain.analyze(_with_requests(d, "2.32.3"))
    assert affected.primary is not None and affected.primary.kind is CauseKind.PYTHON_ENVIRONMENT, str(
        affected
    )
    assert affected.primary.severity is Severity.ERROR
    assert "2.32.3" in affected.primary.summary
    assert any("load_verify_locations" in (f.command or "") for f in affected.primary.fixes)
    assert "requests" in str(sslexplain.analyze(_with_requests(d, "2.32.3"), lang="ja"))


@pytest.mark.parametrize("version", ["2.31.0", "2.32.5", "2.34.2"])
def test_requests_outside_the_range_is_not_blamed(pki: PKI, version: str) -> None:
    _exc, d = _failure_with_custom_context(pki)
    other = sslexplain.analyze(_with_requests(d, version))
    assert not any("requests" in c.summary and c.kind is CauseKind.PYTHON_ENVIRONMENT for c in other.causes)


def test_a_healthy_server_with_an_affected_version_has_no_cause(lab: object) -> None:
    case = lab["healthy"]  # type: ignore[index]
    d = sslexplain.diagnose(case.host, timeout=5, **case.diagnose_kwargs())
    assert sslexplain.analyze(_with_requests(d, "2.32.3")).causes == ()


def test_urllib3_2_cn_fallback_is_named(lab: object) -> None:
    case = lab["cn-only"]  # type: ignore[index]
    d = sslexplain.diagnose(case.host, timeout=5, **case.diagnose_kwargs())
    assert d.primary is not None and d.primary.kind is CauseKind.HOSTNAME_MISMATCH
    assert any("urllib3" in e for e in d.primary.evidence)


@pytest.mark.parametrize(
    ("text", "expected"), [("2.32.3", (2, 32, 3)), ("2.0.0rc1", (2, 0, 0)), ("", ()), ("1.26.x", (1, 26))]
)
def test_version_tuple(text: str, expected: tuple[int, ...]) -> None:
    assert version_tuple(text) == expected


PIP_BUILD_FAILURE = (
    "Collecting somepkg\n"
    "  Using cached somepkg-1.0.tar.gz (55 kB)\n"
    "  Installing build dependencies: started\n"
    "  Installing build dependencies: finished with status 'error'\n"
    "  error: subprocess-exited-with-error\n\n"
    "  × pip subprocess to install build dependencies did not run successfully.\n"
    "  ╰─> [8 lines of output]\n"
    "      WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after "
    "connection broken by 'SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] "
    "certificate verify failed: unable to get local issuer certificate (_ssl.c:1006)'))': "
    "/simple/setuptools/\n"
)


@pytest.mark.parametrize(("version", "blamed"), [("25.0", True), ("25.0.1", False), ("24.3.1", False)])
def test_pip_25_0_build_dependencies(lab: object, version: str, blamed: bool) -> None:
    """A real probe of a healthy server, re-analysed with the pasted pip failure and a given pip version."""
    case = lab["healthy"]  # type: ignore[index]
    d = sslexplain.diagnose(case.host, timeout=5, **case.diagnose_kwargs())
    assert d.observation is not None and d.observation.environment is not None
    reported = sslexplain.explain(PIP_BUILD_FAILURE, probe=False).observation.reported  # type: ignore[union-attr]
    assert reported is not None and reported.verify_code == 20
    packages = (*((n, v) for n, v in d.observation.environment.packages if n != "pip"), ("pip", version))
    obs = dataclasses.replace(
        d.observation,
        reported=reported,
        environment=dataclasses.replace(d.observation.environment, packages=packages),
    )
    result = sslexplain.analyze(obs)
    found = [c for c in result.causes if c.kind is CauseKind.PYTHON_ENVIRONMENT and "pip" in c.summary]
    assert bool(found) is blamed, str(result)
    if blamed:
        assert found[0].severity is Severity.ERROR
        assert any("25.0.1" in (fix.command or "") for fix in found[0].fixes)
