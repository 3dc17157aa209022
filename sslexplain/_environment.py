"""I/O (environment and files only): this interpreter's TLS set-up."""

from __future__ import annotations

import os
import platform
import re
import ssl
import sys

from ._model import Environment

TLS_VARIABLES = (
    "SSL_CERT_FILE",
    "SSL_CERT_DIR",
    "REQUESTS_CA_BUNDLE",
    "CURL_CA_BUNDLE",
    "PIP_CERT",
    "HTTPS_PROXY",
    "https_proxy",
    "HTTP_PROXY",
    "http_proxy",
    "ALL_PROXY",
    "all_proxy",
    "NO_PROXY",
    "no_proxy",
)

_CREDENTIALS = re.compile(r"(?<=://)[^/@\s]+@")


def redact_url(text: str) -> str:
    """Hide ``user:password@`` in URLs (proxy settings often carry them)."""
    return _CREDENTIALS.sub("***@", text)


def read_environment() -> Environment:
    paths = ssl.get_default_verify_paths()
    certifi_where = certifi_version = None
    try:
        import certifi

        certifi_where = certifi.where()
        certifi_version = getattr(certifi, "__version__", None)
    except ImportError:
        pass
    variables = tuple((name, redact_url(os.environ[name])) for name in TLS_VARIABLES if name in os.environ)
    return Environment(
        python=sys.version.split()[0],
        platform=f"{platform.system()} {platform.release()}".strip(),
        openssl=ssl.OPENSSL_VERSION,
        default_cafile=paths.cafile,
        default_capath=paths.capath,
        env_vars=variables,
        certifi_where=certifi_where,
        certifi_version=certifi_version,
        hostname_checks_common_name=False,
    )
