"""I/O (files only): trust stores read from disk, once per process.

A bundle costs tens of milliseconds to parse, so each file is read once and
kept while its size and mtime do not change.
"""

from __future__ import annotations

import functools
import os
import ssl
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from . import _clients
from ._model import TrustStore

_MAX_BUNDLE = 32 << 20
_lock = threading.Lock()
_cache: dict[tuple[str, int, float], tuple[bytes, ...]] = {}
_subjects: dict[bytes, bytes | None] = {}


@dataclass(frozen=True, slots=True)
class LoadedStore:
    """A trust store with its certificates (DER), before it is cut down for an Observation."""

    name: str
    source: str
    certs: tuple[bytes, ...]
    error: str | None = None

    def relevant(self, issuer_names: Iterable[bytes], served: Iterable[bytes]) -> TrustStore:
        """Keep only anchors whose subject is an issuer (or subject) of the chain."""
        by_subject = _subject_index(self.certs)
        served_set = set(served)
        chosen = {der for name in set(issuer_names) for der in by_subject.get(name, ())}
        anchors = [der for der in self.certs if der in served_set or der in chosen]
        return TrustStore(
            name=self.name,
            source=self.source,
            loaded=len(self.certs),
            anchors=tuple(anchors),
            error=self.error,
        )


def subject_of(der: bytes) -> bytes | None:
    """The DER subject name of a certificate, cached: stores are matched against many chains."""
    with _lock:
        if der in _subjects:
            return _subjects[der]
    from . import _x509

    cert = _x509.load(der)
    subject = cert.subject.public_bytes() if cert is not None else None
    with _lock:
        _subjects[der] = subject
    return subject


@functools.lru_cache(maxsize=64)
def _subject_index(certs: tuple[bytes, ...]) -> dict[bytes | None, tuple[bytes, ...]]:
    """Subject name (DER) -> certificates, once per loaded store."""
    index: dict[bytes | None, list[bytes]] = {}
    for der in certs:
        index.setdefault(subject_of(der), []).append(der)
    return {name: tuple(ders) for name, ders in index.items()}


def read_bundle_file(path: str) -> tuple[bytes, ...]:
    """DER of every certificate in a PEM (or DER) file; cached by path, size and mtime."""
    stat = os.stat(path)
    key = (os.path.realpath(path), stat.st_size, stat.st_mtime)
    with _lock:
        if key in _cache:
            return _cache[key]
    if stat.st_size > _MAX_BUNDLE:
        raise ValueError(f"{path} is larger than {_MAX_BUNDLE >> 20} MiB")
    with open(path, "rb") as handle:
        data = handle.read()
    from . import _x509

    certs = tuple(_x509.der_of(c) for c in _x509.load_bundle(data))
    with _lock:
        _cache[key] = certs
    return certs


def read_directory(path: str) -> tuple[bytes, ...]:
    """Certificates of an OpenSSL hashed directory (``c_rehash`` names: ``xxxxxxxx.N``)."""
    out: list[bytes] = []
    seen: set[bytes] = set()
    try:
        names = sorted(os.listdir(path))
    except OSError:
        return ()
    for name in names:
        stem, _, suffix = name.partition(".")
        if len(stem) != 8 or not suffix.isdigit():
            continue
        try:
            for der in read_bundle_file(os.path.join(path, name)):
                if der not in seen:
                    seen.add(der)
                    out.append(der)
        except (OSError, ValueError):
            continue
    return tuple(out)


def load_file_store(name: str, path: str) -> LoadedStore:
    try:
        certs = read_directory(path) if os.path.isdir(path) else read_bundle_file(path)
    except (OSError, ValueError) as exc:
        return LoadedStore(name, path, (), error=f"{type(exc).__name__}: {exc}")
    error = None if certs else "no certificate could be read from it"
    return LoadedStore(name, path, certs, error)


def path_status(path: str) -> tuple[str, int]:
    """How a configured path reads: "ok", "missing", "unreadable", "empty", "not_pem", "no_certs" (dir)."""
    if not os.path.exists(path):
        return "missing", 0
    if os.path.isdir(path):
        certs = read_directory(path)
        return ("ok" if certs else "no_certs"), len(certs)
    try:
        if os.path.getsize(path) == 0:
            return "empty", 0
        certs = read_bundle_file(path)
    except PermissionError:
        return "unreadable", 0
    except (OSError, ValueError):
        return "unreadable", 0
    return ("ok" if certs else "not_pem"), len(certs)


def _source_error(source: _clients.Source) -> str | None:
    """Why a client that loads ``source`` explicitly fails before it connects, or None."""
    status, _count = path_status(source.path)
    return None if status == "ok" else f"{source.setting}: {source.path}: {status}"


def load_config(config: _clients.ClientConfig) -> LoadedStore | None:
    """The union of a client's sources; an unusable explicit source is the store's error."""
    if config.os_native:
        return _load_native(config)
    certs: list[bytes] = []
    seen: set[bytes] = set()
    paths = []
    error = None
    for source in config.sources:
        if source.explicit:
            error = error or _source_error(source)
        if not os.path.exists(source.path):
            continue
        paths.append(source.path)
        store = load_file_store(config.client, source.path)
        for der in store.certs:
            if der not in seen:
                seen.add(der)
                certs.append(der)
    if not certs and error is None:
        error = "no CA certificates"
    return LoadedStore(config.client, " + ".join(paths) or "-", tuple(certs), error)


def _load_native(config: _clients.ClientConfig) -> LoadedStore | None:
    """Windows: the system ROOT and CA stores as Python sees them; macOS's keychain is not read."""
    enum = getattr(ssl, "enum_certificates", None)
    if enum is None:
        return None
    certs: list[bytes] = []
    for store_name in ("ROOT", "CA"):
        try:
            for der, encoding, _trust in enum(store_name):
                if encoding == "x509_asn" and der not in certs:
                    certs.append(bytes(der))
        except OSError:
            continue
    return LoadedStore(config.client, "Windows certificate store", tuple(certs))


def default_paths() -> tuple[str | None, str | None]:
    """Where ``ssl.create_default_context()`` looks, environment variables applied."""
    paths = ssl.get_default_verify_paths()
    return paths.cafile, paths.capath


def load_default_store() -> LoadedStore:
    """The store Python's ``ssl.create_default_context()`` uses on this machine."""
    store = load_config(_clients.stdlib_config())
    assert store is not None
    if store.certs:
        return store
    cafile, capath = default_paths()
    if not cafile and not capath:
        # Windows and macOS-with-system-store builds load certificates from the OS;
        # what OpenSSL saw is the best we can read.
        ctx = ssl.create_default_context()
        certs = tuple(bytes(c) for c in ctx.get_ca_certs(binary_form=True))
        if certs:
            return LoadedStore(_clients.STDLIB, "ssl.create_default_context()", certs)
    return LoadedStore(_clients.STDLIB, store.source, (), "Python's default context has no CA certificates")


def load_client_store(ca_file: str | None) -> LoadedStore:
    if ca_file:
        return load_file_store(_clients.CA_FILE, ca_file)
    return load_default_store()


_STAMP_VARIABLES = (
    "SSL_CERT_FILE",
    "SSL_CERT_DIR",
    "REQUESTS_CA_BUNDLE",
    "CURL_CA_BUNDLE",
    "PIP_CERT",
    "PIP_CONFIG_FILE",
    "VIRTUAL_ENV",
    "HOME",
    "APPDATA",
    "XDG_CONFIG_HOME",
    "XDG_CONFIG_DIRS",
)
_stores_cache: dict[tuple[object, ...], list[LoadedStore]] = {}


def trust_stamp(ca_file: str | None) -> tuple[object, ...]:
    """A cheap fingerprint of everything the stores depend on: settings, and each file's size and mtime.

    Loading and parsing every store costs tens of milliseconds; a few ``stat`` calls
    tell whether anything changed since the last diagnosis in this process.
    """
    paths = ssl.get_default_verify_paths()
    settings = tuple(os.environ.get(name) for name in _STAMP_VARIABLES)
    candidates = [
        ca_file,
        paths.cafile,
        paths.capath,
        _clients.certifi_where(),
        *_clients.pip_config_files(),
        *_clients.condarc_files(),
    ]
    candidates.extend(value for value in settings[:5] if value)
    files = []
    for path in candidates:
        if not path:
            continue
        try:
            stat = os.stat(path)
        except OSError:
            files.append((path, -1, -1))
        else:
            files.append((path, stat.st_mtime_ns, stat.st_size))
    return (ca_file, settings, tuple(files))


def load_stores(ca_file: str | None) -> list[LoadedStore]:
    """Every trust store to evaluate the chain against (cached per process while nothing changes)."""
    stamp = trust_stamp(ca_file)
    with _lock:
        cached = _stores_cache.get(stamp)
    if cached is not None:
        return list(cached)
    stores = _load_stores(ca_file)
    with _lock:
        if len(_stores_cache) > 32:
            _stores_cache.clear()
        _stores_cache[stamp] = stores
    return list(stores)


def _load_stores(ca_file: str | None) -> list[LoadedStore]:
    """Every trust store to evaluate the chain against; the first is the client's own.

    One per client configuration present here (ca_file, stdlib ssl, requests,
    httpx, certifi, the OS store through truststore, pip); files are cached.
    """
    stores = [load_client_store(ca_file)]
    for config in _clients.client_configs(ca_file):
        if config.client in (_clients.CA_FILE, _clients.STDLIB) and config.client == stores[0].name:
            continue
        if config.client == _clients.STDLIB:
            stores.append(load_default_store())
            continue
        store = load_config(config)
        if store is not None:
            stores.append(store)
    return stores


def load_certifi_store() -> LoadedStore | None:
    where = _clients.certifi_where()
    return load_file_store(_clients.CERTIFI, where) if where else None


def issuer_names(chain: Sequence[bytes]) -> list[bytes]:
    from . import _x509

    out = []
    for der in chain:
        cert = _x509.load(der)
        if cert is not None:
            out.append(cert.issuer.public_bytes())
            out.append(cert.subject.public_bytes())
    return out
