"""urllib, explained in Japanese (lang="ja"; SSLEXPLAIN_LANG=ja or a Japanese locale work too)."""

import ssl
import urllib.error
import urllib.request

from _lab import broken_server

import sslexplain

with broken_server("self_signed") as (url, ca_file):
    try:
        urllib.request.urlopen(url, context=ssl.create_default_context(cafile=ca_file), timeout=5)
    except urllib.error.URLError as exc:
        print(sslexplain.explain(exc, ca_file=ca_file, timeout=5, lang="ja"))
