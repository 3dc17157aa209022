"""The ``sslexplain`` command: argument parsing and printing only.

Exit codes: 0 when the target is ok, 1 when a problem is diagnosed, 2 for a
usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from ._model import Diagnosis

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
        "--write-chain",
        default=None,
        metavar="FILE",
        help="when the chain is incomplete, write the completed chain (PEM) to FILE",
    )
    _common(parser)
    return parser


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
        )
    except ValueError as exc:
        print(f"sslexplain: error: {exc}", file=sys.stderr)
        return 2
    _print(d, args.json)
    if args.write_chain:
        if d.completed_chain_pem is None:
            print(
                "sslexplain: no completed chain to write (the chain is not incomplete, or AIA could not "
                "complete it)",
                file=sys.stderr,
            )
        else:
            d.write_chain(args.write_chain)
            print(f"sslexplain: wrote the completed chain to {args.write_chain}", file=sys.stderr)
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
    args = parser.parse_args(argv)
    message = sys.stdin.read(1 << 20) if args.text == "-" else args.text
    if not message.strip():
        print("sslexplain: error: no error text given", file=sys.stderr)
        return 2
    d = explain(message, probe=args.probe, timeout=args.timeout, lang=args.lang)
    _print(d, args.json)
    return 0 if d.ok else 1


def _run_env(argv: Sequence[str]) -> int:
    import dataclasses

    from ._environment import read_environment

    parser = argparse.ArgumentParser(prog="sslexplain env", description="Show this Python's TLS set-up.")
    _common(parser)
    args = parser.parse_args(argv)
    env = read_environment()
    data = dataclasses.asdict(env)
    if args.json:
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        for key, value in data.items():
            print(f"{key:28} {value}")
    return 0


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
    from ._api import diagnose

    parser = argparse.ArgumentParser(
        prog="sslexplain scan",
        description="Diagnose many targets, one per line (FILE, or - for stdin); prints JSON Lines.",
    )
    parser.add_argument("file", nargs="?", default="-")
    parser.add_argument("--timeout", type=float, default=10.0)
    parser.add_argument("--ca-file", default=None)
    parser.add_argument("--lang", choices=("en", "ja"), default=None)
    args = parser.parse_args(argv)
    try:
        handle = sys.stdin if args.file == "-" else open(args.file, encoding="utf-8")  # noqa: SIM115
    except OSError as exc:
        print(f"sslexplain: error: {exc}", file=sys.stderr)
        return 2
    worst = 0
    with handle:
        for line in handle:
            spec = line.split("#", 1)[0].strip()
            if not spec:
                continue
            try:
                d = diagnose(spec, ca_file=args.ca_file, timeout=args.timeout, lang=args.lang)
            except ValueError as exc:
                print(json.dumps({"target": spec, "error": str(exc)}), flush=True)
                worst = max(worst, 1)
                continue
            print(
                json.dumps(
                    {"target": spec, "ok": d.ok, "kinds": [k.value for k in d.kinds], "verdict": d.verdict},
                    ensure_ascii=False,
                ),
                flush=True,
            )
            worst = max(worst, 0 if d.ok else 1)
    return worst


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
