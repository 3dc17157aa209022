"""I/O (environment and files only): which trust store each HTTPS client on this machine would use.

Each client reads its own settings: ``ssl.create_default_context()`` follows
OpenSSL (``SSL_CERT_FILE`` / ``SSL_CERT_DIR``, else the compiled-in paths);
requests takes ``REQUESTS_CA_BUNDLE``, then ``CURL_CA_BUNDLE``, else certifi;
httpx 0.28 takes ``SSL_CERT_FILE``, then ``SSL_CERT_DIR``, else certifi;
truststore on Linux uses OpenSSL's paths and, when they hold nothing, the
distribution bundle; pip takes its ``cert`` setting (``PIP_CERT`` or pip.conf),
else requests' variables, else its vendored certifi (truststore, the OS store,
since pip 24.2). Nothing here imports requests, httpx, pip or truststore.
"""

from __future__ import annotations

import configparser
import functools
import importlib.util
import os
import re
import ssl
import sys
from dataclasses import dataclass

# truststore's list for Linux (src/truststore/_openssl.py, from certifi-system-store)
LINUX_BUNDLES = (
    "/etc/ssl/cert.pem",
    "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem",
    "/etc/pki/tls/cert.pem",
    "/etc/ssl/certs/ca-certificates.crt",
    "/etc/ssl/ca-bundle.pem",
)
_HASHED = re.compile(r"^[0-9a-fA-F]{8}\.[0-9]$")

STDLIB = "stdlib ssl"
REQUESTS = "requests"
HTTPX = "httpx"
CERTIFI = "certifi"
OS_STORE = "OS store (truststore)"
PIP = "pip"
CONDA = "conda"
CA_FILE = "ca_file"


@dataclass(frozen=True, slots=True)
class Source:
    """One file or directory a client loads, and the setting that named it."""

    path: str
    setting: str  # "SSL_CERT_FILE", "REQUESTS_CA_BUNDLE", "PIP_CERT", "pip config FILE", "certifi", "OpenSSL"
    explicit: bool  # loaded with load_verify_locations(): an unusable file makes the client fail outright


@dataclass(frozen=True, slots=True)
class ClientConfig:
    client: str
    sources: tuple[Source, ...]
    note: str = ""  # e.g. "pip 23.2.1"
    os_native: bool = False  # macOS / Windows: the OS verifies, its store is not a file


def installed(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


@functools.lru_cache(maxsize=64)
def version_of(distribution: str) -> str | None:
    from importlib import metadata

    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None
    except Exception:
        return None


def certifi_where() -> str | None:
    try:
        import certifi
    except ImportError:
        return None
    return str(certifi.where())


def _env(name: str) -> str | None:
    value = os.environ.get(name)
    return value if value else None


def capath_has_certs(path: str) -> bool:
    try:
        return os.path.isdir(path) and any(_HASHED.match(name) for name in os.listdir(path))
    except OSError:
        return False


def stdlib_config() -> ClientConfig:
    """What ``ssl.create_default_context()`` loads (``set_default_verify_paths``)."""
    paths = ssl.get_default_verify_paths()
    sources = []
    file_env, dir_env = _env(paths.openssl_cafile_env), _env(paths.openssl_capath_env)
    sources.append(
        Source(file_env or paths.openssl_cafile, "SSL_CERT_FILE" if file_env else "OpenSSL", False)
    )
    sources.append(Source(dir_env or paths.openssl_capath, "SSL_CERT_DIR" if dir_env else "OpenSSL", False))
    return ClientConfig(STDLIB, tuple(sources))


def os_config() -> ClientConfig | None:
    """What truststore verifies against: OpenSSL's paths on Linux, the OS itself elsewhere."""
    if sys.platform in ("win32", "darwin"):
        return ClientConfig(OS_STORE, (), os_native=True)
    paths = ssl.get_default_verify_paths()
    if paths.cafile or (paths.capath and capath_has_certs(paths.capath)):
        return ClientConfig(OS_STORE, stdlib_config().sources)
    for candidate in LINUX_BUNDLES:
        if os.path.isfile(candidate):
            return ClientConfig(OS_STORE, (Source(candidate, "truststore", False),))
    return ClientConfig(OS_STORE, ())


def requests_config() -> ClientConfig | None:
    if not installed("requests"):
        return None
    for name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):
        value = _env(name)
        if value:
            return ClientConfig(REQUESTS, (Source(value, name, True),))
    where = certifi_where()
    return ClientConfig(REQUESTS, (Source(where, "certifi", True),) if where else ())


def httpx_config() -> ClientConfig | None:
    if not installed("httpx"):
        return None
    for name in ("SSL_CERT_FILE", "SSL_CERT_DIR"):
        value = _env(name)
        if value:
            return ClientConfig(HTTPX, (Source(value, name, True),))
    where = certifi_where()
    return ClientConfig(HTTPX, (Source(where, "certifi", True),) if where else ())


def certifi_config() -> ClientConfig | None:
    where = certifi_where()
    return ClientConfig(CERTIFI, (Source(where, "certifi", True),)) if where else None


def pip_config_files() -> list[str]:
    """pip's configuration files, lowest priority first (pip's ``configuration.py`` order)."""
    named = os.environ.get("PIP_CONFIG_FILE")
    if named == os.devnull:
        return []
    files = []
    xdg = os.environ.get("XDG_CONFIG_DIRS", "/etc/xdg").split(os.pathsep)
    files += [os.path.join(d, "pip", "pip.conf") for d in reversed(xdg) if d]
    files.append("/etc/pip.conf")
    home = os.path.expanduser("~")
    files.append(os.path.join(home, ".pip", "pip.conf"))
    config_home = os.environ.get("XDG_CONFIG_HOME") or os.path.join(home, ".config")
    files.append(os.path.join(config_home, "pip", "pip.conf"))
    files.append(os.path.join(sys.prefix, "pip.conf"))
    if named:
        files.append(named)
    return files


def pip_cert() -> tuple[str, str] | None:
    """pip's ``cert`` setting and where it comes from."""
    value = _env("PIP_CERT")
    if value:
        return value, "PIP_CERT"
    found = None
    for path in pip_config_files():
        parser = configparser.RawConfigParser()
        try:
            parser.read(path, encoding="utf-8")
        except (configparser.Error, OSError, UnicodeDecodeError):
            continue
        for section in ("global", "install"):
            if parser.has_option(section, "cert"):
                found = (parser.get(section, "cert").strip(), f"pip config {path}")
    return found


def pip_uses_truststore(version: str | None) -> bool:
    """pip 24.2 made truststore (the OS store) its default on Python 3.10+."""
    if version is None or sys.version_info < (3, 10):
        return False
    numbers = [int(n) for n in re.findall(r"\d+", version)[:2]]
    return len(numbers) == 2 and tuple(numbers) >= (24, 2)


def pip_config() -> ClientConfig | None:
    version = version_of("pip")
    spec = importlib.util.find_spec("pip") if installed("pip") else None
    if version is None or spec is None or not spec.origin:
        return None
    sources: list[Source] = []
    cert = pip_cert()
    if cert is not None:
        sources.append(Source(cert[0], cert[1], True))
    else:
        value = _env("REQUESTS_CA_BUNDLE") or _env("CURL_CA_BUNDLE")
        if value:
            name = "REQUESTS_CA_BUNDLE" if _env("REQUESTS_CA_BUNDLE") else "CURL_CA_BUNDLE"
            sources.append(Source(value, name, True))
    if pip_uses_truststore(version):
        system = os_config()
        if system is not None and system.os_native:
            return ClientConfig(PIP, tuple(sources), note=f"pip {version}", os_native=True)
        sources.extend(system.sources if system else ())
    elif not sources:
        vendored = os.path.join(os.path.dirname(spec.origin), "_vendor", "certifi", "cacert.pem")
        sources.append(Source(vendored, "pip's vendored certifi", True))
    return ClientConfig(PIP, tuple(sources), note=f"pip {version}")


_SSL_VERIFY = re.compile(r"^ssl_verify[ \t]*:[ \t]*(\S[^\n#]*?)[ \t]*(?:#.*)?$", re.MULTILINE)


def condarc_files() -> list[str]:
    """conda's configuration files, lowest priority first (conda's search path)."""
    home = os.path.expanduser("~")
    files = ["/etc/conda/.condarc", "/etc/conda/condarc", "/var/lib/conda/.condarc"]
    conda_exe = os.environ.get("CONDA_EXE")
    if conda_exe:
        files.append(os.path.join(os.path.dirname(os.path.dirname(conda_exe)), ".condarc"))
    files += [
        os.path.join(home, ".config", "conda", ".condarc"),
        os.path.join(home, ".conda", ".condarc"),
        os.path.join(home, ".condarc"),
    ]
    prefix = os.environ.get("CONDA_PREFIX")
    if prefix:
        files.append(os.path.join(prefix, ".condarc"))
    if os.environ.get("CONDARC"):
        files.append(os.environ["CONDARC"])
    return files


def conda_ssl_verify() -> tuple[str, str] | None:
    """conda's ``ssl_verify`` setting and where it comes from (the last file that sets it wins)."""
    value = _env("CONDA_SSL_VERIFY")
    if value:
        return value, "CONDA_SSL_VERIFY"
    found = None
    for path in condarc_files():
        try:
            with open(path, encoding="utf-8", errors="replace") as handle:
                text = handle.read(1 << 20)
        except OSError:
            continue
        match = _SSL_VERIFY.search(text)
        if match:
            found = (match.group(1).strip().strip("'\""), f"conda config {path}")
    return found


def conda_config() -> ClientConfig | None:
    """conda, when its ``ssl_verify`` names a bundle (else it verifies like requests, with certifi)."""
    setting = conda_ssl_verify()
    if setting is None:
        return None
    value, where = setting
    lowered = value.lower()
    if lowered in ("true", "yes", "false", "no", ""):
        return None  # default (certifi), or switched off: conda's own choice, not a trust store
    if lowered == "truststore":
        system = os_config()
        return ClientConfig(CONDA, system.sources if system else (), note=f"ssl_verify: truststore ({where})")
    return ClientConfig(
        CONDA, (Source(os.path.expanduser(value), where, True),), note=f"ssl_verify ({where})"
    )


def client_configs(ca_file: str | None) -> list[ClientConfig]:
    """Every client configuration present here; the first is the client under diagnosis."""
    configs: list[ClientConfig | None] = []
    if ca_file:
        configs.append(ClientConfig(CA_FILE, (Source(ca_file, "ca_file", True),)))
    configs += [
        stdlib_config(),
        requests_config(),
        httpx_config(),
        certifi_config(),
        os_config(),
        pip_config(),
        conda_config(),
    ]
    return [c for c in configs if c is not None]
