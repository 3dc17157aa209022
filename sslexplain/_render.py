"""Pure: Diagnosis -> text, Markdown and HTML for people.

Certificate fields are attacker-controlled: terminal control characters are
stripped from text and everything is escaped in HTML.
"""

from __future__ import annotations

import html
import re

from ._messages import text
from ._model import Cause, CertInfo, Diagnosis

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean(value: object) -> str:
    """Text safe for a terminal: no escape sequences, no bidi overrides."""
    return _CONTROL.sub("?", str(value))


def _address(d: Diagnosis) -> str:
    obs = d.observation
    if obs is None:
        return d.target.display
    capture = next((h for h in obs.handshakes if h.purpose == "capture" and h.chain), None)
    return capture.address if capture else d.target.display


def _cert_lines(d: Diagnosis, cert: CertInfo) -> list[str]:
    t = d.lang
    lines = [f"  #{cert.index} {clean(cert.subject)}", f"     issuer: {clean(cert.issuer)}"]
    if cert.sans:
        names = ", ".join(clean(n) for n in cert.sans[:8]) + (" …" if len(cert.sans) > 8 else "")
        lines.append(f"     {text(t, 'render.sans')}: {names}")
    valid = text(t, "render.valid", start=cert.not_before.date(), end=cert.not_after.date())
    lines.append(
        f"     {valid}; {text(t, 'render.key')}: {cert.key}, {cert.signature}; sha256 {cert.sha256[:16]}…"
    )
    return lines


def _cause_lines(d: Diagnosis, cause: Cause, compact: bool) -> list[str]:
    t = d.lang
    label = text(t, f"render.severity.{cause.severity.value}")
    lines = [f"[{label}] {cause.kind.value}: {clean(cause.summary)}"]
    if compact:
        return lines
    if cause.explanation:
        lines.append(f"  {clean(cause.explanation)}")
    if cause.evidence:
        lines.append(f"  {text(t, 'render.evidence')}:")
        lines.extend(f"    - {clean(e)}" for e in cause.evidence)
    if cause.fixes:
        lines.append(f"  {text(t, 'render.fixes')}:")
        for fix in cause.fixes:
            who = text(t, f"render.audience.{fix.audience.value}")
            lines.append(f"    - ({who}) {clean(fix.text)}")
            if fix.command:
                lines.append(f"        $ {clean(fix.command)}")
    return lines


def _verdict_word(d: Diagnosis, verifies: bool) -> str:
    return text(d.lang, "render.verifies" if verifies else "render.fails")


def _client_lines(d: Diagnosis) -> list[str]:
    if not d.clients:
        return []
    width = max(len(clean(c.client)) for c in d.clients)
    lines = ["", text(d.lang, "render.clients") + ":"]
    for c in d.clients:
        detail = f" ({clean(c.detail)})" if c.detail else ""
        lines.append(f"  {clean(c.client):{width}}  {_verdict_word(d, c.verifies)}  {clean(c.store)}{detail}")
    return lines


def _address_lines(d: Diagnosis) -> list[str]:
    if len(d.addresses) < 2:
        return []
    lines = ["", text(d.lang, "render.addresses") + ":"]
    for a in d.addresses:
        state = _verdict_word(d, a.verifies) if a.reached else text(d.lang, "render.unreached")
        leaf = f" leaf sha256 {a.leaf_sha256[:16]}…" if a.leaf_sha256 else ""
        detail = f" ({clean(a.detail)})" if a.detail else ""
        lines.append(f"  {clean(a.address)} [{a.family}]  {state}{leaf}{detail}")
    return lines


def render_text(d: Diagnosis, *, compact: bool = False) -> str:
    """The verdict first, then each cause with evidence and fixes, then the chain as served."""
    lines = [clean(d.verdict)]
    if d.observation is not None and not d.observation.probed:
        lines.append(text(d.lang, "render.offline"))
    for cause in d.causes:
        lines.extend(_cause_lines(d, cause, compact))
    if compact:
        return "\n".join(lines)
    lines.extend(_client_lines(d))
    lines.extend(_address_lines(d))
    if d.observation is not None and d.observation.probed:
        lines.append("")
        if d.chain:
            lines.append(text(d.lang, "render.chain", address=clean(_address(d))) + ":")
            for cert in d.chain:
                lines.extend(_cert_lines(d, cert))
        else:
            lines.append(text(d.lang, "render.no_chain"))
    return "\n".join(lines)


def render_markdown(d: Diagnosis) -> str:
    out = [f"**{_md(d.verdict)}**", ""]
    for cause in d.causes:
        out.append(f"### {cause.severity.value}: `{cause.kind.value}`: {_md(cause.summary)}")
        if cause.explanation:
            out.append(_md(cause.explanation))
        out.append("")
        out.extend(f"- {_md(e)}" for e in cause.evidence)
        for fix in cause.fixes:
            out.append(f"- **{text(d.lang, f'render.audience.{fix.audience.value}')}**: {_md(fix.text)}")
            if fix.command:
                out.append(f"  `{fix.command.replace('`', '')}`")
        out.append("")
    if d.chain:
        out.append("| # | subject | issuer | valid | key |")
        out.append("|---|---|---|---|---|")
        for c in d.chain:
            out.append(
                f"| {c.index} | {_md(c.subject)} | {_md(c.issuer)} | {c.not_before.date()} → "
                f"{c.not_after.date()} | {_md(c.key)} |"
            )
    return "\n".join(out)


def _md(value: str) -> str:
    return html.escape(clean(value)).replace("|", "\\|").replace("*", "\\*").replace("_", "\\_")


def render_html(d: Diagnosis) -> str:
    """Self-contained HTML for notebooks: no external CSS or scripts, everything escaped."""
    e = html.escape
    colour = "#1b7f3b" if d.ok else "#b42318"
    parts = [
        f'<div class="sslexplain" style="font-family:sans-serif;border-left:4px solid {colour};'
        f'padding:6px 12px"><p style="font-weight:bold;color:{colour}">{e(clean(d.verdict))}</p>'
    ]
    for cause in d.causes:
        parts.append(
            f"<details open><summary><b>{e(cause.severity.value)}</b> <code>{e(cause.kind.value)}"
            f"</code>: {e(clean(cause.summary))}</summary><p>{e(clean(cause.explanation))}</p><ul>"
        )
        parts.extend(f"<li>{e(clean(item))}</li>" for item in cause.evidence)
        parts.append("</ul><ul>")
        for fix in cause.fixes:
            command = f"<br><code>{e(clean(fix.command))}</code>" if fix.command else ""
            parts.append(
                f"<li><b>{e(text(d.lang, f'render.audience.{fix.audience.value}'))}</b>: "
                f"{e(clean(fix.text))}{command}</li>"
            )
        parts.append("</ul></details>")
    if d.clients:
        parts.append(f"<p><b>{e(text(d.lang, 'render.clients'))}</b></p><table>")
        for c in d.clients:
            colour_c = "#1b7f3b" if c.verifies else "#b42318"
            parts.append(
                f'<tr><td>{e(clean(c.client))}</td><td style="color:{colour_c}">'
                f"{e(_verdict_word(d, c.verifies))}</td><td>{e(clean(c.store))}</td>"
                f"<td>{e(clean(c.detail))}</td></tr>"
            )
        parts.append("</table>")
    if len(d.addresses) > 1:
        parts.append(f"<p><b>{e(text(d.lang, 'render.addresses'))}</b></p><table>")
        for a in d.addresses:
            state = _verdict_word(d, a.verifies) if a.reached else text(d.lang, "render.unreached")
            parts.append(
                f"<tr><td>{e(clean(a.address))}</td><td>{e(a.family)}</td><td>{e(state)}</td>"
                f"<td>{e(clean(a.detail))}</td></tr>"
            )
        parts.append("</table>")
    if d.chain:
        now = d.observation.observed_at if d.observation else None
        parts.append(
            '<table style="border-collapse:collapse"><tr><th>#</th><th>subject</th><th>issuer</th>'
            "<th>valid</th><th>key</th></tr>"
        )
        for cert in d.chain:
            bad = now is not None and not (cert.not_before <= now <= cert.not_after)
            style = ' style="color:#b42318;font-weight:bold"' if bad else ""
            parts.append(
                f"<tr><td>{cert.index}</td><td>{e(clean(cert.subject))}</td><td>{e(clean(cert.issuer))}</td>"
                f"<td{style}>{cert.not_before.date()} → {cert.not_after.date()}</td>"
                f"<td>{e(cert.key)}</td></tr>"
            )
        parts.append("</table>")
    parts.append("</div>")
    return "".join(parts)
