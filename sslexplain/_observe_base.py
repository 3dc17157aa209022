"""I/O plumbing of the ``_observe*`` modules: one deadline, bounded concurrency, sockets closed on time."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

_T = TypeVar("_T")


class Deadline:
    """One deadline for the whole diagnosis; every step asks it how long it may take."""

    def __init__(self, seconds: float) -> None:
        self.started = time.monotonic()
        self.until = self.started + max(0.05, seconds)

    def remaining(self, cap: float | None = None) -> float:
        left = max(0.0, self.until - time.monotonic())
        return min(left, cap) if cap is not None else left

    @property
    def expired(self) -> bool:
        return time.monotonic() >= self.until

    def elapsed_ms(self) -> float:
        return (time.monotonic() - self.started) * 1000


class _OpenSockets:
    """Sockets of one observation, closed when the deadline passes (a trickling peer cannot hold us)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sockets: set[socket.socket] = set()
        self.closed = False

    def add(self, sock: socket.socket) -> None:
        with self._lock:
            if self.closed:
                sock.close()
                raise TimeoutError("deadline reached")
            self._sockets.add(sock)

    def discard(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.discard(sock)

    def close_all(self) -> None:
        with self._lock:
            self.closed = True
            sockets = list(self._sockets)
        for sock in sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


def run_all(calls: Sequence[Callable[[], _T]], deadline: Deadline, fallback: Callable[[int], _T]) -> list[_T]:
    """Run calls concurrently in daemon threads; a call unfinished at the deadline gets ``fallback(i)``."""
    results: dict[int, _T] = {}

    def runner(index: int, call: Callable[[], _T]) -> None:
        results[index] = call()

    threads = [threading.Thread(target=runner, args=(i, c), daemon=True) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(deadline.remaining() + 0.05)
    return [results[i] if i in results else fallback(i) for i in range(len(calls))]


class _Background(Generic[_T]):
    """One call in a daemon thread; ``result()`` waits for it and re-raises what it raised."""

    def __init__(self, call: Callable[[], _T]) -> None:
        self._call = call
        self._value: _T | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._value = self._call()
        except BaseException as exc:
            self._error = exc

    def result(self) -> _T:
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._value  # type: ignore[return-value]
