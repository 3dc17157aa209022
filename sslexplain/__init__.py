"""sslexplain: turns ``SSL: CERTIFICATE_VERIFY_FAILED`` into an evidenced diagnosis and the exact fix.

>>> import sslexplain
>>> d = sslexplain.diagnose("example.com")        # doctest: +SKIP
>>> d.ok, d.primary                               # doctest: +SKIP
"""

from ._api import analyze, diagnose, diagnose_many, environment, explain
from ._model import (
    AddressResult,
    Audience,
    Cause,
    CauseKind,
    CertInfo,
    ClientVerdict,
    Diagnosis,
    Environment,
    Fetch,
    Fix,
    Handshake,
    Observation,
    ReportedError,
    Severity,
    Target,
    TrustStore,
)

__version__ = "0.1.0"

__all__ = [
    "AddressResult",
    "Audience",
    "Cause",
    "CauseKind",
    "CertInfo",
    "ClientVerdict",
    "Diagnosis",
    "Environment",
    "Fetch",
    "Fix",
    "Handshake",
    "Observation",
    "ReportedError",
    "Severity",
    "Target",
    "TrustStore",
    "analyze",
    "diagnose",
    "diagnose_many",
    "environment",
    "explain",
    "explaining",
    "install",
    "integrations",
    "uninstall",
]

_INTEGRATIONS = frozenset({"explaining", "install", "uninstall"})


def __getattr__(name: str) -> object:
    """The integrations load on first use, so ``import sslexplain`` does not import logging."""
    if name in _INTEGRATIONS or name == "integrations":
        import importlib

        module = importlib.import_module(".integrations", __name__)
        return module if name == "integrations" else getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
