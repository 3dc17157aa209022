"""The ``sslexplain`` command: argument parsing and printing only.

Exit codes: 0 when the target is ok, 1 when a problem is diagnosed, 2 for a
usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ._model import Diagnosis

if TYPE_CHECKING:
    from ._scan import ScanItem, Tally

SUBCOMMANDS = ("explain", "env", "demo", "scan")


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.add_argument("--lang", choices=("en", "ja"), default=None, help="language of the messages")


def _diagnose_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sslexplain",
        description="Explain why a TLS certificate does not verify, with evidence and the fix. "
        f"Other commands: {', '.join(SUBCOMMANDS)} (sslexplain COMMAND --help).",
    )
    parser.add_argument("target", help="HOST, HOST:PORT, [IPv6]:PORT or an https:// URL")
    parser.add_argument(
        "--port", type=int, default=None, help="port when the target names none (default 443)"
    )
    parser.add_argument(
        "--connect-to",
        nargs="+",
        default=None,
        metavar="ADDR",
        help="connect to these addresses instead of DNS (SNI and name checks still use HOST)",
    )
    parser.add_argument("--ca-file", default=None, help="the trust bundle of the client being diagnosed")
    parser.add_argument("--proxy", default=None, help="proxy URL, e.g. http://proxy:3128")
    parser.add_argument("--timeout", type=float, default=10.0, help="deadline for the whole diagnosis (s)")
    parser.add_argument(
        "--no-revocation",
        action="store_true",
        help="do not ask the certificate's OCSP responder and CRL whether it is revoked",
    )
    parser.add_argument(
        "--write-chain",
        default=None,
        metavar="FILE",
        help="when the chain is incomplete, write the completed chain (PEM) to FILE",
    )
    _common(parser)
    _sharing(parser)
    return parser


def _sharing(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--redact",
        action="store_true",
        help="safe to paste publicly: host names, addresses, paths, user names and credentials replaced",
    )
    parser.add_argument("--markdown", action="store_true", help="print Markdown (for issues and tickets)")


def _print_shared(d: Diagnosis, args: argparse.Namespace) -> None:
    """--json / --markdown / text, each redacted with --redact."""
    if args.json:
        print(d.to_json(redact=args.redact))
    elif args.markdown:
        print(d.to_markdown(redact=args.redact), end="")
    elif args.redact:
        from ._redact import redact

        print(str(redact(d)))
    else:
        print(str(d))


def _print(d: Diagnosis, as_json: bool) -> None:
    print(d.to_json() if as_json else str(d))


def _run_diagnose(argv: Sequence[str]) -> int:
    from ._api import diagnose

    args = _diagnose_parser().parse_args(argv)
    try:
        d = diagnose(
            args.target,
            args.port,
            connect_to=args.connect_to,
            ca_file=args.ca_file,
            proxy=args.proxy,
            timeout=args.timeout,
            lang=args.lang,
            check_revocation=not args.no_revocation,
        )
    except ValueError as exc:
        print(f"sslexplain: error: {exc}", file=sys.stderr)
        return 2
    _print_shared(d, args)
    if args.write_chain:
        from ._messages import text

        if d.completed_chain_pem is None:
            print(f"sslexplain: {text(d.lang, 'cli.no_completed_chain')}", file=sys.stderr)
        else:
            try:
                d.write_chain(args.write_chain)
            except OSError as exc:
                print(f"sslexplain: error: {exc}", file=sys.stderr)
                return 2
            print(f"sslexplain: {text(d.lang, 'cli.wrote_chain', path=args.write_chain)}", file=sys.stderr)
    return 0 if d.ok else 1


def _run_explain(argv: Sequence[str]) -> int:
    from ._api import explain

    parser = argparse.ArgumentParser(
        prog="sslexplain explain",
        description="Explain a pasted error message (argument, or - / nothing for stdin).",
    )
    parser.add_argument("text", nargs="?", default="-")
    parser.add_argument("--probe", action="store_true", help="also connect to the host named in the error")
    parser.add_argument("--timeout", type=float, default=10.0)
    _common(parser)
    _sharing(parser)
    args = parser.parse_args(argv)
    message = sys.stdin.read(1 << 20) if args.text == "-" else args.text
    if not message.strip():
        from ._messages import normalize_lang, text

        print(f"sslexplain: error: {text(normalize_lang(args.lang), 'cli.no_error_text')}", file=sys.stderr)
        return 2
    d = explain(message, probe=args.probe, timeout=args.timeout, lang=args.lang)
    _print_shared(d, args)
    return 0 if d.ok else 1


def _run_env(argv: Sequence[str]) -> int:
    """This Python's TLS set-up and its problems; exit 1 when a problem breaks a client."""
    from ._api import environment

    parser = argparse.ArgumentParser(
        prog="sslexplain env",
        description="Show this Python's TLS set-up: OpenSSL, CA paths, variables, packages, the trust store "
        "of each client, and the problems found with their fixes.",
    )
    _common(parser)
    args = parser.parse_args(argv)
    report = environment(lang=args.lang)
    print(report.to_json() if args.json else str(report))
    return 0 if report.ok else 1


def _run_demo(argv: Sequence[str]) -> int:
    from ._demo import run_demo

    parser = argparse.ArgumentParser(
        prog="sslexplain demo", description="Start the offline lab on loopback and diagnose every scenario."
    )
    parser.add_argument("--full", action="store_true", help="print every diagnosis in full")
    _common(parser)
    args = parser.parse_args(argv)
    return run_demo(lang=args.lang, full=args.full, as_json=args.json)


def _run_scan(argv: Sequence[str]) -> int:
    import time

    from ._messages import normalize_lang
    from ._scan import Tally, scan

    parser = argparse.ArgumentParser(
        prog="sslexplain scan",
        description="Diagnose many targets, one per line (FILE, or - for stdin): "
        "'HOST[:PORT]|URL [ADDR ...]', # comments. Prints one JSON line per target as it finishes, "
        "a summary on stderr; exit 1 when any target has a problem.",
    )
    parser.add_argument("file", nargs="?", default="-")
    parser.add_argument("--concurrency", type=int, default=32, help="diagnoses at the same time (default 32)")
    parser.add_argument("--port", type=int, default=None, help="port for lines that name none (default 443)")
    parser.add_argument("--timeout", type=float, default=10.0, help="deadline per target (s)")
    parser.add_argument("--ca-file", default=None, help="the trust bundle of the client being diagnosed")
    parser.add_argument("--proxy", default=None, help="proxy URL, e.g. http://proxy:3128")
    parser.add_argument("--no-network", action="store_true", help="no AIA / OCSP / CRL fetch")
    parser.add_argument("--full", action="store_true", help="each JSON line holds the whole diagnosis")
    parser.add_argument("--lang", choices=("en", "ja"), default=None, help="language of the messages")
    args = parser.parse_args(argv)
    lang = normalize_lang(args.lang)
    try:
        handle = sys.stdin if args.file == "-" else open(args.file, encoding="utf-8", errors="replace")  # noqa: SIM115
    except OSError as exc:
        print(f"sslexplain: error: {exc}", file=sys.stderr)
        return 2
    total = None if args.file == "-" else _count_lines(args.file)
    progress = _Progress(total) if sys.stderr.isatty() else None
    tally = Tally()
    started = time.monotonic()
    try:
        with handle:
            items = scan(
                handle,
                concurrency=args.concurrency,
                port=args.port,
                timeout=args.timeout,
                ca_file=args.ca_file,
                proxy=args.proxy,
                lang=lang,
                network=not args.no_network,
            )
            for item in items:
                tally.add(item)
                print(json.dumps(_scan_record(item, args.full), ensure_ascii=False), flush=True)
                if progress is not None:
                    progress.show(tally, time.monotonic() - started)
    except ValueError as exc:
        print(f"sslexplain: error: {exc}", file=sys.stderr)
        return 2
    finally:
        if progress is not None:
            progress.done()
    _print_summary(tally, time.monotonic() - started, lang)
    return 1 if tally.problems else 0


def _count_lines(path: str) -> int | None:
    """How many lines hold a target (one streaming pass), so the progress bar can show a total."""
    from ._scan import parse_line

    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return sum(1 for line in handle if parse_line(line) is not None)
    except OSError:
        return None


def _scan_record(item: ScanItem, full: bool) -> dict[str, object]:
    """One JSON line: the input line, then the diagnosis (short or whole) or why the line is no target."""
    d = item.diagnosis
    if d is None:
        return {"line": item.line, "ok": False, "error": item.error, "internal": item.internal}
    if full:
        return {"line": item.line, **d.to_dict()}
    primary = d.primary
    return {
        "line": item.line,
        "target": d.target.display,
        "ok": d.ok,
        "kinds": [k.value for k in d.kinds],
        "verdict": d.verdict,
        "evidence": list(primary.evidence) if primary is not None else [],
        "elapsed_ms": round(d.observation.elapsed_ms, 1) if d.observation is not None else None,
    }


class _Progress:
    """A one-line progress bar on stderr, redrawn at most 10 times a second (terminals only)."""

    def __init__(self, total: int | None) -> None:
        self.total = total
        self._last = 0.0

    def show(self, tally: Tally, elapsed: float) -> None:
        if elapsed - self._last < 0.1 and tally.total != self.total:
            return
        self._last = elapsed
        rate = tally.total / elapsed if elapsed > 0 else 0.0
        if self.total:
            filled = int(30 * min(tally.total, self.total) / self.total)
            bar = f"[{'#' * filled}{'.' * (30 - filled)}] {tally.total}/{self.total}"
        else:
            bar = f"{tally.total}"
        sys.stderr.write(f"\r{bar}  {tally.problems} with a problem  {rate:.0f}/s ")
        sys.stderr.flush()

    def done(self) -> None:
        sys.stderr.write("\n")
        sys.stderr.flush()


def _print_summary(tally: Tally, elapsed: float, lang: str) -> None:
    from ._messages import text

    rate = tally.total / elapsed if elapsed > 0 else 0.0
    out = [
        text(
            lang,
            "fleet.summary",
            total=tally.total,
            seconds=f"{elapsed:.1f}",
            rate=f"{rate:.0f}",
            ok=tally.ok,
            problems=tally.problems,
            invalid=tally.invalid,
        )
    ]
    rows = tally.rows()
    if rows:
        heads = (text(lang, "fleet.col_kind"), text(lang, "fleet.col_targets"), text(lang, "fleet.col_first"))
        out.append(f"{heads[0]:<20} {heads[1]:>8}  {heads[2]}")
        out.extend(f"{kind:<20} {count:>8}  {first}" for kind, count, first in rows)
    print("\n".join(out), file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``sslexplain`` and ``python -m sslexplain``."""
    args = list(sys.argv[1:] if argv is None else argv)
    commands = {"explain": _run_explain, "env": _run_env, "demo": _run_demo, "scan": _run_scan}
    try:
        if args and args[0] in commands:
            return commands[args[0]](args[1:])
        return _run_diagnose(args)
    except SystemExit as exc:  # argparse: --help is 0, a usage error is 2
        return int(exc.code) if isinstance(exc.code, int) else 2
    except KeyboardInterrupt:
        return 130
