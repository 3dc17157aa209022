"""I/O: diagnose many targets with bounded concurrency, yielding each diagnosis as it finishes.

Targets are read lazily and at most ``concurrency`` diagnoses are in flight, so
memory stays flat whether the fleet has ten targets or a million. Each diagnosis
is the ordinary :func:`sslexplain.diagnose` with its own deadline; nothing here
opens a socket itself.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from ._model import Diagnosis, Target

if TYPE_CHECKING:  # concurrent.futures pulls in logging: imported when a scan starts, not with sslexplain
    from concurrent.futures import Future, ThreadPoolExecutor

MAX_CONCURRENCY = 512
MAX_LINE = 4096
_COMMENT = re.compile(r"(?:^|\s)#")  # a comment starts a line or follows white space; URL fragments stay


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class ScanItem:
    """One input line and what came of it: a diagnosis, or why the line is not a target."""

    index: int
    line: str
    diagnosis: Diagnosis | None = None
    error: str | None = None
    internal: bool = False  # True: sslexplain itself failed on this target (a bug to report), not the line

    @property
    def ok(self) -> bool:
        return self.diagnosis is not None and self.diagnosis.ok


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class _Options:
    """What every target of one scan shares."""

    port: int | None
    timeout: float
    ca_file: str | None
    proxy: str | None
    network: bool
    lang: str


def parse_line(line: str) -> tuple[str, tuple[str, ...]] | None:
    """Pure: ``"TARGET [ADDR ...]"`` to (target, connect_to); None for blank lines and comments.

    ``TARGET`` is anything :func:`diagnose` takes (``host``, ``host:port``,
    ``[::1]:8443``, an https URL); the optional addresses (space or comma
    separated, or ``connect_to=ADDR``) are dialled instead of DNS. ``#`` starts a
    comment at the start of a line or after a space (URL fragments are kept).
    """
    text = _COMMENT.split(line[:MAX_LINE].replace(",", " "), maxsplit=1)[0]
    words = text.split()
    if not words:
        return None
    addresses = []
    for word in words[1:]:
        for prefix in ("connect_to=", "connect-to=", "--connect-to="):
            if word.lower().startswith(prefix):
                word = word[len(prefix) :]
        if word:
            addresses.append(word)
    return words[0], tuple(addresses)


def scan(
    targets: Iterable[str | Target],
    *,
    concurrency: int = 32,
    port: int | None = None,
    timeout: float = 10.0,
    ca_file: str | None = None,
    proxy: str | None = None,
    lang: str | None = None,
    network: bool = True,
) -> Iterator[ScanItem]:
    """The engine behind :func:`diagnose_many` and ``sslexplain scan``: one :class:`ScanItem` per target.

    Caller mistakes raise here, at once; the targets are read only as results are taken.
    """
    from ._api import _check_ca_file, _check_timeout
    from ._messages import normalize_lang

    if isinstance(targets, (str, bytes)):
        raise TypeError("targets must be an iterable of lines or Targets, not a single string")
    if not isinstance(concurrency, int) or isinstance(concurrency, bool) or concurrency < 1:
        raise ValueError(f"concurrency must be a positive integer, not {concurrency!r}")
    _check_timeout(timeout)
    _check_ca_file(ca_file)
    options = _Options(
        port=port, timeout=timeout, ca_file=ca_file, proxy=proxy, network=network, lang=normalize_lang(lang)
    )
    return _run(iter(enumerate(targets)), concurrency, options)


def _run(
    source: Iterator[tuple[int, str | Target]], concurrency: int, options: _Options
) -> Iterator[ScanItem]:
    from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait

    pool = ThreadPoolExecutor(max_workers=min(concurrency, MAX_CONCURRENCY), thread_name_prefix="sslexplain")
    pending: set[Future[ScanItem]] = set()
    try:
        _fill(pool, pending, source, concurrency, options)
        while pending:
            done, pending_left = wait(pending, return_when=FIRST_COMPLETED)
            pending = set(pending_left)
            _fill(pool, pending, source, concurrency, options)
            for future in done:
                yield future.result()
    finally:  # the caller may stop early: drop what has not started
        for future in pending:
            future.cancel()
        pool.shutdown(wait=False, cancel_futures=True)


def _fill(
    pool: ThreadPoolExecutor,
    pending: set[Future[ScanItem]],
    source: Iterator[tuple[int, str | Target]],
    concurrency: int,
    options: _Options,
) -> None:
    while len(pending) < concurrency:
        nxt = next(source, None)
        if nxt is None:
            return
        index, item = nxt
        if isinstance(item, str):
            parsed = parse_line(item)
            if parsed is None:
                continue
        elif not isinstance(item, Target):
            raise TypeError(f"a target must be a str line or a Target, not {type(item).__name__}")
        pending.add(pool.submit(_one, index, item, options))


def _one(index: int, item: str | Target, options: _Options) -> ScanItem:
    from ._api import analyze, diagnose
    from ._observe import observe

    line = item if isinstance(item, str) else item.display
    try:
        if isinstance(item, Target):  # already parsed: it carries its own ca_file, proxy and addresses
            observation = observe(item, timeout=options.timeout, network=options.network)
            return ScanItem(index=index, line=line, diagnosis=analyze(observation, lang=options.lang))
        parsed = parse_line(item)
        assert parsed is not None
        spec, addresses = parsed
        d = diagnose(
            spec,
            options.port,
            connect_to=addresses or None,
            ca_file=options.ca_file,
            proxy=options.proxy,
            timeout=options.timeout,
            lang=options.lang,
            network=options.network,
        )
        return ScanItem(index=index, line=line.strip()[:MAX_LINE], diagnosis=d)
    except (ValueError, TypeError) as exc:  # this line is not a target; the others go on
        return ScanItem(index=index, line=line.strip()[:MAX_LINE], error=str(exc)[:500])
    except Exception as exc:  # a bug must cost one line of the fleet, not the whole scan
        error = f"{type(exc).__name__}: {exc}"[:500]
        return ScanItem(index=index, line=line.strip()[:MAX_LINE], error=error, internal=True)


def invalid_diagnosis(item: ScanItem, lang: str | None) -> Diagnosis:
    """A line that could not be diagnosed, as a Diagnosis without cause: there is no measurement."""
    from ._messages import normalize_lang, text

    language = normalize_lang(lang)
    return Diagnosis(
        target=Target(host=item.line[:253], port=0),
        ok=False,
        lang=language,
        verdict=text(
            language,
            "fleet.internal_error" if item.internal else "fleet.invalid_target",
            line=item.line[:200],
            error=item.error or "",
        ),
    )


class Tally:
    """Running counts for the summary table: memory in the number of cause kinds, not of targets."""

    def __init__(self) -> None:
        self.total = 0
        self.ok = 0
        self.invalid = 0
        self.counts: dict[str, int] = {}  # cause kind -> targets with that cause
        self.first: dict[str, str] = {}  # cause kind -> the first target that had it

    @property
    def problems(self) -> int:
        return self.total - self.ok

    def add(self, item: ScanItem) -> None:
        self.total += 1
        d = item.diagnosis
        if d is None:
            self.invalid += 1
            return
        if d.ok:
            self.ok += 1
        for kind in dict.fromkeys(c.kind.value for c in d.causes):
            self.counts[kind] = self.counts.get(kind, 0) + 1
            self.first.setdefault(kind, item.line)

    def rows(self) -> list[tuple[str, int, str]]:
        """(kind, targets, first target), most frequent first."""
        rows = [(kind, count, self.first[kind]) for kind, count in self.counts.items()]
        return sorted(rows, key=lambda r: (-r[1], r[0]))
