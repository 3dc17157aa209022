"""I/O: ``sslexplain demo``: start the lab, diagnose every scenario, check each verdict."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

from ._model import Diagnosis


def _diagnose_case(case: object, lang: str) -> Diagnosis:
    from ._api import diagnose
    from .lab import Running

    assert isinstance(case, Running)
    return diagnose(case.host, timeout=3.0, lang=lang, **case.diagnose_kwargs())  # type: ignore[arg-type]


def run_demo(*, lang: str | None = None, full: bool = False, as_json: bool = False) -> int:
    """Exit code 0 when every scenario's first cause is the one it was built to show."""
    from ._messages import normalize_lang
    from ._render import render_text
    from .lab import Lab

    language = normalize_lang(lang)
    with Lab() as lab:
        cases = list(lab)
        with ThreadPoolExecutor(max_workers=8) as pool:
            results = list(pool.map(lambda c: _diagnose_case(c, language), cases))
    rows = []
    for case, d in zip(cases, results, strict=False):
        got = d.primary.kind.value if d.primary else ""
        expected = case.scenario.expected
        matched = got == expected and (d.ok if expected in ("", "chain_order") else not d.ok)
        rows.append((case.scenario.name, expected or "-", got or "-", matched))
        if as_json:
            print(
                json.dumps(
                    {
                        "scenario": case.scenario.name,
                        "expected": expected,
                        "matched": matched,
                        "diagnosis": d.to_dict(),
                    },
                    ensure_ascii=False,
                )
            )
            continue
        mark = "✓" if matched else "✗"
        print(f"{mark} {case.scenario.name} ({case.scenario.description})")
        body = render_text(d, compact=not full)
        print("  " + body.replace("\n", "\n  "))
        print()
    failures = [r for r in rows if not r[3]]
    if not as_json:
        width = max(len(r[0]) for r in rows)
        print(f"{'scenario':{width}}  {'expected':18}  {'diagnosed':18}  match")
        for name, expected, got, matched in rows:
            print(f"{name:{width}}  {expected:18}  {got:18}  {'yes' if matched else 'NO'}")
        print(f"\n{len(rows) - len(failures)}/{len(rows)} scenarios diagnosed as expected.")
    return 0 if not failures else 1
