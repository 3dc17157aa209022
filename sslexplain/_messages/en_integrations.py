"""Pure: English messages of the integrations family; ``ja_integrations.py`` has the same keys and placeholders."""

MESSAGES: dict[str, str] = {
    # traceback notes, excepthooks, logs
    "integrations.note.intro": "sslexplain explains this certificate verification error:",
    "integrations.hook.intro": "sslexplain diagnosis of the certificate verification error above:",
    "integrations.log.probed": "sslexplain probed {target} after a logged certificate verification error: {verdict}",
    "integrations.short.also": "also possible: {kinds}",
    "integrations.short.fix": "fix ({audience}): {fix}",
    "integrations.short.measure": "for a measured diagnosis run: {command}",
    # table headers and validity words (HTML and Markdown)
    "integrations.col.subject": "subject",
    "integrations.col.issuer": "issuer",
    "integrations.col.valid": "validity",
    "integrations.col.client": "client",
    "integrations.col.result": "result",
    "integrations.col.store": "trust store",
    "integrations.col.detail": "detail",
    "integrations.col.address": "address",
    "integrations.col.family": "family",
    "integrations.col.leaf": "leaf SHA-256",
    "integrations.validity.expired": "expired",
    "integrations.validity.not_yet_valid": "not yet valid",
    # sharing
    "integrations.redacted": "Redacted report: host names, addresses, paths, user names and credentials are replaced by placeholders (the same value always gets the same placeholder); certificates are kept as fingerprints and public facts.",
}
