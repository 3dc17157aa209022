"""Logging: the log line carries the explanation (offline), and a background probe logs what it measured."""

import logging
import sys

import requests
from _lab import broken_server

from sslexplain.integrations import ExplainFilter

with broken_server("expired") as (url, ca_file):
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    explain_filter = ExplainFilter(probe=True, ca_file=ca_file)  # offline in the call; the probe runs aside
    handler.addFilter(explain_filter)
    logging.basicConfig(level=logging.INFO, handlers=[handler])
    log = logging.getLogger("billing")

    try:
        requests.get(url, verify=ca_file, timeout=5)
    except requests.exceptions.SSLError:
        log.error("could not reach the payment API", exc_info=True)

    explain_filter.worker.wait(10)  # only so this short script shows the follow-up record before exiting
