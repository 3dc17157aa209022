"""sslexplain: turns ``SSL: CERTIFICATE_VERIFY_FAILED`` into an evidenced diagnosis and the exact fix.

>>> import sslexplain
>>> d = sslexplain.diagnose("example.com")        # doctest: +SKIP
>>> d.ok, d.primary                               # doctest: +SKIP

Every public name is loaded on first use (PEP 562), so ``import sslexplain``
costs well under a millisecond and imports neither cryptography nor urllib3;
a logging hook or an ``except`` clause pays only for what it touches.
"""

import importlib as _importlib
from typing import TYPE_CHECKING

__version__ = "0.1.0"

# public name -> the private module that defines it
_WHERE: dict[str, str] = {
    "AddressResult": "._model",
    "Audience": "._model",
    "Cause": "._model",
    "CauseKind": "._model",
    "CertInfo": "._model",
    "ClientVerdict": "._model",
    "Diagnosis": "._model",
    "Environment": "._model",
    "Fetch": "._model",
    "Fix": "._model",
    "Handshake": "._model",
    "Observation": "._model",
    "ReportedError": "._model",
    "Severity": "._model",
    "Target": "._model",
    "TrustStore": "._model",
    "analyze": "._api",
    "diagnose": "._api",
    "diagnose_many": "._api",
    "environment": "._api",
    "explain": "._api",
    "explaining": ".integrations",
    "install": ".integrations",
    "uninstall": ".integrations",
}

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

if TYPE_CHECKING:
    from . import integrations
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
    from .integrations import explaining, install, uninstall

del TYPE_CHECKING


def __getattr__(name: str) -> object:
    if name == "integrations":
        return _importlib.import_module(".integrations", __name__)
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(_importlib.import_module(module, __name__), name)
    globals()[name] = value  # later lookups are plain attribute reads
    return value


def __dir__() -> list[str]:
    return sorted({n for n in globals() if not n.startswith("_")} | set(__all__) | {"__version__"})
