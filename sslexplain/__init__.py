"""sslexplain: turns ``SSL: CERTIFICATE_VERIFY_FAILED`` into an evidenced diagnosis and the exact fix.

>>> import sslexplain
>>> d = sslexplain.diagnose("example.com")        # doctest: +SKIP
>>> d.ok, d.primary                               # doctest: +SKIP
"""

from ._api import analyze, diagnose, explain
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
    "explain",
]
