"""I/O: several lab servers that make one scenario, started and stopped together.

A revoked site needs its OCSP responder, an intercepted one a proxy, a host
with two addresses two servers on the same port. :class:`ServerGroup` looks
like one server to :class:`~sslexplain.lab.Lab` (``host`` and ``port`` are the
main server's) and tells it what else a client needs (:attr:`diagnose_extra`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol

from ._servers import _LoopbackServer


class Startable(Protocol):
    def start(self) -> Any: ...

    def stop(self) -> None: ...


class ServerGroup(_LoopbackServer):
    """``main`` plus ``helpers`` (started here unless already running) plus servers on ``main``'s port.

    Args:
        main: the server a client connects to.
        helpers: OCSP responders, proxies... stopped with the group; those in ``started`` already run.
        same_port: factories called with ``main``'s port once it listens (e.g. the same
            port on another address).
        extra: called after start, returns more :meth:`Running.diagnose_kwargs` (``proxy``,
            ``connect_to``).
    """

    def __init__(
        self,
        main: _LoopbackServer,
        *,
        helpers: Sequence[Startable] = (),
        started: Sequence[Startable] = (),
        same_port: Sequence[Callable[[int], _LoopbackServer]] = (),
        extra: Callable[[ServerGroup], Mapping[str, object]] | None = None,
    ) -> None:
        super().__init__(main.hosts)
        self.main = main
        self.helpers = list(helpers)
        self._started: list[Startable] = list(started)
        self._same_port = list(same_port)
        self._extra = extra

    @property
    def host(self) -> str:
        return self.main.host

    def start(self) -> ServerGroup:
        try:
            self.main.start()
            self._started.append(self.main)
            self.port = self.main.port
            for factory in self._same_port:
                self._start_one(factory(self.port))
            for helper in self.helpers:
                self._start_one(helper)
        except BaseException:
            self.stop()
            raise
        return self

    def _start_one(self, server: Startable) -> None:
        server.start()
        self._started.append(server)

    def stop(self) -> None:
        for server in reversed(self._started):
            server.stop()
        self._started.clear()

    @property
    def diagnose_extra(self) -> dict[str, object]:
        return dict(self._extra(self)) if self._extra is not None else {}
