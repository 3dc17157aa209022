"""A report safe to paste into a public issue: Markdown, redacted (same host, same placeholder)."""

import requests
from _lab import broken_server

import sslexplain

with broken_server("incomplete_chain") as (url, ca_file):
    try:
        requests.get(url, verify=ca_file, timeout=5)
    except requests.exceptions.SSLError as exc:
        d = sslexplain.explain(exc, ca_file=ca_file, timeout=5)
        print(d.to_markdown(redact=True))
        # d.to_json(redact=True) is the machine form; `sslexplain HOST --redact --markdown` on the CLI

# The same from a log line pasted by a colleague, offline: host names become placeholders.
pasted = (
    "requests.exceptions.SSLError: HTTPSConnectionPool(host='payroll.corp.example.com', port=8443): "
    "Max retries exceeded with url: /api (Caused by SSLError(SSLCertVerificationError(1, "
    "'[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate')))"
)
print(sslexplain.explain(pasted, probe=False).to_markdown(redact=True))
