"""I/O (files only): trust stores read from disk, once per process.

A bundle costs tens of milliseconds to parse, so each file is read once and
kept while its size and mtime do not change.
"""

from __future__ import annotations

import os
import ssl
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ._model import TrustStore

_MAX_BUNDLE = 32 << 20
_lock = threading.Lock()
_cache: dict[tuple[str, int, float], tuple[bytes, ...]] = {}


@dataclass(frozen=True, slots=True)
class LoadedStore:
    """A trust store with its certificates (DER), before it is cut down for an Observation."""

    name: str
    source: str
    certs: tuple[bytes, ...]
    error: str | None = None

    def relevant(self, issuer_names: Iterable[bytes], served: Iterable[bytes]) -> TrustStore:
        """Keep only anchors whose subject is an issuer (or subject) of the chain."""
        from . import _x509

        wanted = set(issuer_names)
        served_set = set(served)
        anchors = []
        for der in self.certs:
            cert = _x509.load(der)
            if cert is None:
                continue
            if der in served_set or cert.subject.public_bytes() in wanted:
                anchors.append(der)
        return TrustStore(
            name=self.name,
            source=self.source,
            loaded=len(self.certs),
            anchors=tuple(anchors),
            error=self.error,
        )


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


def default_paths() -> tuple[str | None, str | None]:
    """Where ``ssl.create_default_context()`` looks, environment variables applied."""
    paths = ssl.get_default_verify_paths()
    return paths.cafile, paths.capath


def load_default_store() -> LoadedStore:
    """The store Python's ``ssl.create_default_context()`` uses on this machine."""
    cafile, capath = default_paths()
    certs: list[bytes] = []
    sources = []
    for path in (cafile, capath):
        if path and os.path.exists(path):
            store = load_file_store("default", path)
            certs.extend(c for c in store.certs if c not in certs)
            sources.append(path)
    if not sources:
        # Windows and macOS-with-system-store builds load certificates from the OS;
        # what OpenSSL saw is the best we can read.
        ctx = ssl.create_default_context()
        certs = [bytes(c) for c in ctx.get_ca_certs(binary_form=True)]
        sources.append("ssl.create_default_context()")
    error = None if certs else "Python's default context has no CA certificates"
    return LoadedStore("default", " + ".join(sources), tuple(certs), error)


def load_client_store(ca_file: str | None) -> LoadedStore:
    if ca_file:
        return load_file_store("ca_file", ca_file)
    return load_default_store()


def load_stores(ca_file: str | None) -> list[LoadedStore]:
    """Every trust store to evaluate the chain against; the first is the client's own."""
    return [load_client_store(ca_file)]


def load_certifi_store() -> LoadedStore | None:
    try:
        import certifi
    except ImportError:
        return None
    return load_file_store("certifi", certifi.where())


def issuer_names(chain: Sequence[bytes]) -> list[bytes]:
    from . import _x509

    out = []
    for der in chain:
        cert = _x509.load(der)
        if cert is not None:
            out.append(cert.issuer.public_bytes())
            out.append(cert.subject.public_bytes())
    return out
