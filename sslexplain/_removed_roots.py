"""Pure data: public roots that Mozilla's store (and so certifi) dropped, with the source of each entry.

A chain that ends at one of these fails with a current certifi while an older
system bundle may still accept it: the fix is on the server (another CA), never
adding the root back. Matched by a distinctive part of the root's subject.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RemovedRoot:
    """One entry; its words are the messages ``removed.<key>.when`` / ``.reason`` / ``.instead``."""

    key: str
    match: str  # case-insensitive substring of the root's subject (RFC 4514 text)
    source: str


REMOVED_ROOTS: tuple[RemovedRoot, ...] = (
    RemovedRoot(
        "dst_x3", "DST Root CA X3", "https://letsencrypt.org/docs/dst-root-ca-x3-expiration-september-2021/"
    ),
    RemovedRoot(
        "trustcor", "TrustCor", "https://groups.google.com/a/mozilla.org/g/dev-security-policy/c/oxX69KFvsm4"
    ),
    RemovedRoot(
        "etugra", "E-Tugra", "https://groups.google.com/a/mozilla.org/g/dev-security-policy/c/C-HrP1SEq1A"
    ),
    RemovedRoot(
        "globaltrust",
        "GLOBALTRUST",
        "https://groups.google.com/a/mozilla.org/g/dev-security-policy/c/XpknYMPO8dI",
    ),
)


def removed_root(subject: str) -> RemovedRoot | None:
    """The table entry whose name appears in ``subject`` (a root's or its issuer's name), if any."""
    lowered = subject.lower()
    return next((r for r in REMOVED_ROOTS if r.match.lower() in lowered), None)
