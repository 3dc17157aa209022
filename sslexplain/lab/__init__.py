"""sslexplain.lab: an offline badssl on loopback, for your tests and ours.

A certificate factory (:func:`root`, :func:`issue`, :meth:`Issued.issue_ca`,
:meth:`Issued.issue_leaf`), loopback servers that serve exactly the chain you
give them (:class:`TLSServer`, :class:`HTTPServer`, :class:`PlainServer`,
:class:`SilentServer`), OCSP / CRL and proxy servers (:class:`RevocationServer`,
:class:`ConnectProxy`, :class:`InterceptingProxy`), and a catalog of named broken and healthy scenarios
(:data:`SCENARIOS`, :class:`Lab`)::

    from sslexplain.lab import Lab
    import sslexplain

    with Lab(["expired"]) as lab:
        case = lab["expired"]
        d = sslexplain.diagnose(case.host, **case.diagnose_kwargs())
        assert d.primary.kind == "expired"

Importing this module imports cryptography; ``import sslexplain`` does not.
"""

from ._certs import Issued, issue, make_key, pem_bundle, root
from ._group import ServerGroup
from ._ocsp import RevocationServer
from ._proxy import ConnectProxy, InterceptingProxy
from ._scenarios import SCENARIOS, Lab, Running, Scenario
from ._servers import HTTPServer, PlainServer, SilentServer, TLSServer

__all__ = [
    "SCENARIOS",
    "ConnectProxy",
    "HTTPServer",
    "InterceptingProxy",
    "Issued",
    "Lab",
    "PlainServer",
    "RevocationServer",
    "Running",
    "Scenario",
    "ServerGroup",
    "SilentServer",
    "TLSServer",
    "issue",
    "make_key",
    "pem_bundle",
    "root",
]
