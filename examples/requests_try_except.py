"""requests in try/except: the same exception arrives, explained (note + exc.sslexplain)."""

import requests
from _lab import broken_server

import sslexplain

with broken_server("expired") as (url, ca_file):
    try:
        with sslexplain.explaining(ca_file=ca_file, timeout=5):
            requests.get(url, verify=ca_file, timeout=5)
    except requests.exceptions.SSLError as exc:  # your except clause keeps working
        d = exc.sslexplain  # the Diagnosis
        print(f"caught {type(exc).__name__}; primary cause: {d.primary.kind}")
        print(exc.__notes__[-1])  # the note Python 3.11+ prints under the traceback
