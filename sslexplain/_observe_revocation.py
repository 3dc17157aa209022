"""I/O: OCSP and CRL fetches for the served leaf, concurrently and under the one deadline.

Only the bytes are fetched here; ``_revocation`` judges them during analysis,
so a recorded Observation can be re-judged. Revocation gets its own short share
of the deadline: a hanging responder is evidence, and must not eat the diagnosis.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ._model import Fetch, Handshake, ReportedError
from ._observe import Deadline, fetch, fetch_missing_issuers, run_all
from ._stores import LoadedStore

REVOCATION_SECONDS = 4.0
MAX_URLS = 2  # per kind: certificates list one or two; a hostile one may list hundreds


def issuer_of(leaf_der: bytes, candidates: Sequence[bytes]) -> bytes | None:
    """The DER of the certificate that signed the leaf, among served, store and fetched ones."""
    from . import _x509

    leaf = _x509.load(leaf_der)
    if leaf is None:
        return None
    for der in candidates:
        cert = _x509.load(der)
        if cert is not None and der != leaf_der and _x509.issued_by(leaf, cert):
            return der
    return None


def revocation_fetches(
    chain: Sequence[bytes], candidates: Sequence[bytes], deadline: Deadline, *, crl: bool = True
) -> list[Fetch]:
    """OCSP (when the leaf's issuer is known) and CRL answers for ``chain[0]``, fetched concurrently."""
    from . import _revocation, _x509

    leaf = _x509.load(chain[0]) if chain else None
    if leaf is None:
        return []
    share = Deadline(min(deadline.remaining(), REVOCATION_SECONDS))
    calls: list[Callable[[], Fetch]] = []
    plan: list[tuple[str, str]] = []
    issuer_der = issuer_of(chain[0], [*chain[1:], *candidates])
    issuer = _x509.load(issuer_der) if issuer_der else None
    if issuer is not None:
        try:
            request = _revocation.ocsp_request(leaf, issuer)
        except Exception:  # an exotic key or hash: OCSP is then skipped, the CRL still checked
            request = b""
        if request:
            for url in _x509.ocsp_urls(leaf)[:MAX_URLS]:
                plan.append((url, "ocsp"))
                calls.append(
                    lambda u=url: fetch(  # type: ignore[misc]
                        u, "ocsp", share, body=request, content_type="application/ocsp-request"
                    )
                )
    if crl:
        for url in _x509.crl_urls(leaf)[:MAX_URLS]:
            plan.append((url, "crl"))
            calls.append(lambda u=url: fetch(u, "crl", share))  # type: ignore[misc]
    if not calls:
        return []
    return run_all(
        calls,
        share,
        lambda i: Fetch(url=plan[i][0], purpose=plan[i][1], ok=False, error="no answer before the deadline"),
    )


def needs_ocsp_after_aia(chain: Sequence[bytes], done: Sequence[Fetch]) -> bool:
    """OCSP was skipped because the leaf's issuer was not served: worth a retry once AIA found it."""
    from . import _x509

    leaf = _x509.load(chain[0]) if chain else None
    return leaf is not None and bool(_x509.ocsp_urls(leaf)) and not any(f.purpose == "ocsp" for f in done)


def revocation_wanted(verify: Handshake | None, reported: ReportedError | None) -> bool:
    """Revocation matters when the chain verifies, or when a verifier already said "revoked" (code 23)."""
    if reported is not None and reported.verify_code == 23:
        return True
    return verify is not None and (verify.ok or verify.verify_code == 23)


def fetch_material(
    chain: tuple[bytes, ...],
    store: LoadedStore,
    deadline: Deadline,
    *,
    network: bool,
    revocation: bool,
    aia: Callable[[], list[Fetch]] | None = None,
) -> list[Fetch]:
    """AIA issuers, OCSP and CRL, concurrently; OCSP once more if only AIA could name the leaf's issuer.

    ``aia`` is an AIA fetch already under way (started when the chain arrived), to wait for instead.
    """
    if not chain or not network:
        return []
    calls: list[Callable[[], list[Fetch]]] = [aia or (lambda: fetch_missing_issuers(chain, store, deadline))]
    if revocation:
        calls.append(lambda: revocation_fetches(chain, store.certs, deadline))
    results = run_all(calls, deadline, lambda i: [])
    fetches = [f for batch in results for f in batch]
    if revocation and needs_ocsp_after_aia(chain, fetches):
        from . import _x509

        extra = [_x509.der_of(c) for f in results[0] if f.ok for c in _x509.load_bundle(f.body)]
        if extra:
            fetches += revocation_fetches(chain, [*extra, *store.certs], deadline, crl=False)
    return fetches
