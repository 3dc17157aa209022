"""Pure: Diagnosis -> text, a short log form, Markdown and HTML for people.

Certificate fields are attacker-controlled: terminal control characters and
bidi overrides are stripped from text, Markdown is escaped, and everything in
HTML goes through :func:`html.escape` (attributes included). The HTML is
self-contained: inline styles only, no external CSS, no scripts.
"""

from __future__ import annotations

import html
import re
from datetime import datetime

from ._messages import text
from ._model import Cause, CertInfo, Diagnosis

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_RED, _GREEN, _AMBER = "#b42318", "#1b7f3b", "#b54708"


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
    lines = [
        f"  #{cert.index} {clean(cert.subject)}",
        f"     {text(t, 'render.issuer')}: {clean(cert.issuer)}",
    ]
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


def render_text(d: Diagnosis, *, compact: bool = False, chain: bool = True) -> str:
    """The verdict first, then each cause with evidence and fixes, then the chain as served.

    Args:
        compact: only the verdict and one line per cause.
        chain: False leaves out the clients, addresses and chain (for traceback notes).
    """
    lines = [clean(d.verdict)]
    if d.observation is not None and not d.observation.probed:
        lines.append(text(d.lang, "render.offline"))
    for cause in d.causes:
        lines.extend(_cause_lines(d, cause, compact))
    if compact or not chain:
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


def render_short(d: Diagnosis) -> str:
    """A few lines for a log record: the most likely cause, the fix, and how to measure it."""
    t = d.lang
    primary = d.primary
    if primary is None:
        return f"sslexplain: {clean(d.verdict)}"
    lines = [f"sslexplain: {primary.kind.value}: {clean(primary.summary)}"]
    others = [c.kind.value for c in d.causes[1:]]
    if others:
        lines.append("  " + text(t, "integrations.short.also", kinds=", ".join(others)))
    measure = next(
        (f.command for f in primary.fixes if f.command and f.command.startswith("sslexplain ")), None
    )
    fix = next((f for f in primary.fixes if not (f.command or "").startswith("sslexplain ")), None)
    if fix is not None:
        who = text(t, f"render.audience.{fix.audience.value}")
        lines.append("  " + text(t, "integrations.short.fix", audience=who, fix=clean(fix.text)))
    if measure and d.observation is not None and not d.observation.probed:
        lines.append("  " + text(t, "integrations.short.measure", command=clean(measure)))
    return "\n".join(lines)


def _validity(d: Diagnosis, cert: CertInfo) -> str:
    """ "valid", "expired" or "not_yet_valid" as of the observation (never the clock of the reader)."""
    now = d.observation.observed_at if d.observation is not None else None
    if now is None:
        return "valid"
    if now > cert.not_after:
        return "expired"
    if now < cert.not_before:
        return "not_yet_valid"
    return "valid"


# --- Markdown --------------------------------------------------------------------------------------


def _md(value: object) -> str:
    escaped = html.escape(clean(value), quote=False).replace("\n", " ")
    for char in "\\`*_[]|#":
        escaped = escaped.replace(char, "\\" + char)
    return escaped


def _code(value: object) -> str:
    return "`" + clean(value).replace("`", "'").replace("\n", " ") + "`"


def render_markdown(d: Diagnosis) -> str:
    """Markdown for tickets and notebooks: verdict, causes, clients, addresses, chain."""
    t = d.lang
    out = [f"**{_md(d.verdict)}**", ""]
    if d.observation is not None and not d.observation.probed:
        out += [f"_{_md(text(t, 'render.offline'))}_", ""]
    for cause in d.causes:
        label = text(t, f"render.severity.{cause.severity.value}")
        out.append(f"### {_md(label)}: {_code(cause.kind.value)}: {_md(cause.summary)}")
        if cause.explanation:
            out += ["", _md(cause.explanation)]
        if cause.evidence:
            out += ["", f"**{_md(text(t, 'render.evidence'))}**", ""]
            out.extend(f"- {_md(e)}" for e in cause.evidence)
        if cause.fixes:
            out += ["", f"**{_md(text(t, 'render.fixes'))}**", ""]
            for fix in cause.fixes:
                out.append(f"- **{_md(text(t, f'render.audience.{fix.audience.value}'))}**: {_md(fix.text)}")
                if fix.command:
                    out.append(f"  {_code(fix.command)}")
        out.append("")
    if d.clients:
        out += [f"**{_md(text(t, 'render.clients'))}**", ""]
        out.append(
            f"| {_md(text(t, 'integrations.col.client'))} | {_md(text(t, 'integrations.col.result'))} | "
            f"{_md(text(t, 'integrations.col.store'))} | {_md(text(t, 'integrations.col.detail'))} |"
        )
        out.append("|---|---|---|---|")
        for c in d.clients:
            verdict = _md(_verdict_word(d, c.verifies))
            out.append(f"| {_md(c.client)} | {verdict} | {_md(c.store)} | {_md(c.detail)} |")
        out.append("")
    if len(d.addresses) > 1:
        out += [f"**{_md(text(t, 'render.addresses'))}**", ""]
        out.append(
            f"| {_md(text(t, 'integrations.col.address'))} | {_md(text(t, 'integrations.col.result'))} | "
            f"{_md(text(t, 'integrations.col.leaf'))} | {_md(text(t, 'integrations.col.detail'))} |"
        )
        out.append("|---|---|---|---|")
        for a in d.addresses:
            state = _verdict_word(d, a.verifies) if a.reached else text(t, "render.unreached")
            leaf = f"{a.leaf_sha256[:16]}…" if a.leaf_sha256 else ""
            out.append(f"| {_md(a.address)} ({_md(a.family)}) | {_md(state)} | {leaf} | {_md(a.detail)} |")
        out.append("")
    if d.chain:
        out += [f"**{_md(text(t, 'render.chain', address=_address(d)))}**", ""]
        out.append(
            f"| # | {_md(text(t, 'integrations.col.subject'))} | {_md(text(t, 'integrations.col.issuer'))} | "
            f"{_md(text(t, 'integrations.col.valid'))} | {_md(text(t, 'render.key'))} | SHA-256 |"
        )
        out.append("|---|---|---|---|---|---|")
        for cert in d.chain:
            status = _validity(d, cert)
            window = f"{cert.not_before.date()} → {cert.not_after.date()}"
            if status != "valid":
                window = f"**{window} ({_md(text(t, f'integrations.validity.{status}'))})**"
            out.append(
                f"| {cert.index} | {_md(cert.subject)} | {_md(cert.issuer)} | {window} | {_md(cert.key)} | "
                f"{_md(cert.sha256[:16])}… |"
            )
    return "\n".join(out).rstrip() + "\n"


# --- HTML ------------------------------------------------------------------------------------------


def _e(value: object) -> str:
    return html.escape(clean(value), quote=True)


def _table(headers: list[str], rows: list[str]) -> str:
    head = "".join(
        f'<th style="text-align:left;padding:2px 8px;border-bottom:1px solid #999">{_e(h)}</th>'
        for h in headers
    )
    return (
        f'<table style="border-collapse:collapse;margin:4px 0 8px 0"><tr>{head}</tr>{"".join(rows)}</table>'
    )


def _td(content: str, style: str = "") -> str:
    """``content`` must already be escaped."""
    return f'<td style="padding:2px 8px;vertical-align:top;{style}">{content}</td>'


def _html_cause(d: Diagnosis, cause: Cause) -> str:
    t = d.lang
    colour = _RED if cause.is_error else _AMBER
    label = text(t, f"render.severity.{cause.severity.value}")
    parts = [
        f'<details {"open" if cause.is_error else ""} style="margin:6px 0">'
        f'<summary><b style="color:{colour}">{_e(label)}</b> <code>{_e(cause.kind.value)}</code>: '
        f"{_e(cause.summary)}</summary>"
    ]
    if cause.explanation:
        parts.append(f'<p style="margin:4px 0 4px 16px">{_e(cause.explanation)}</p>')
    if cause.evidence:
        parts.append(f'<div style="margin-left:16px"><b>{_e(text(t, "render.evidence"))}</b><ul>')
        parts.extend(f"<li>{_e(item)}</li>" for item in cause.evidence)
        parts.append("</ul></div>")
    if cause.fixes:
        parts.append(f'<div style="margin-left:16px"><b>{_e(text(t, "render.fixes"))}</b><ul>')
        for fix in cause.fixes:
            command = f"<br><code>{_e(fix.command)}</code>" if fix.command else ""
            who = text(t, f"render.audience.{fix.audience.value}")
            parts.append(f"<li><b>{_e(who)}</b>: {_e(fix.text)}{command}</li>")
        parts.append("</ul></div>")
    parts.append("</details>")
    return "".join(parts)


def _html_clients(d: Diagnosis) -> str:
    t = d.lang
    rows = []
    for c in d.clients:
        colour = _GREEN if c.verifies else _RED
        rows.append(
            "<tr>"
            + _td(_e(c.client))
            + _td(_e(_verdict_word(d, c.verifies)), f"color:{colour};font-weight:bold")
            + _td(_e(c.store))
            + _td(_e(c.detail))
            + "</tr>"
        )
    headers = [text(t, f"integrations.col.{k}") for k in ("client", "result", "store", "detail")]
    return f"<p><b>{_e(text(t, 'render.clients'))}</b></p>" + _table(headers, rows)


def _html_addresses(d: Diagnosis) -> str:
    t = d.lang
    rows = []
    for a in d.addresses:
        state = _verdict_word(d, a.verifies) if a.reached else text(t, "render.unreached")
        colour = _GREEN if a.reached and a.verifies else _RED
        leaf = f"<code>{_e(a.leaf_sha256[:16])}…</code>" if a.leaf_sha256 else ""
        rows.append(
            "<tr>"
            + _td(_e(a.address))
            + _td(_e(a.family))
            + _td(_e(state), f"color:{colour};font-weight:bold")
            + _td(leaf)
            + _td(_e(a.detail))
            + "</tr>"
        )
    headers = [text(t, f"integrations.col.{k}") for k in ("address", "family", "result", "leaf", "detail")]
    return f"<p><b>{_e(text(t, 'render.addresses'))}</b></p>" + _table(headers, rows)


def _html_chain(d: Diagnosis) -> str:
    t = d.lang
    rows = []
    for cert in d.chain:
        status = _validity(d, cert)
        window = f"{_day(cert.not_before)} → {_day(cert.not_after)}"
        if status == "valid":
            valid = _td(_e(window))
        else:
            word = text(t, f"integrations.validity.{status}")
            valid = _td(f"{_e(window)}<br>{_e(word)}", f"color:{_RED};font-weight:bold;background:#fde8e7")
        names = ", ".join(cert.sans[:8]) + (" …" if len(cert.sans) > 8 else "")
        rows.append(
            f'<tr class="sslexplain-{status}">'
            + _td(str(cert.index))
            + _td(_e(cert.subject))
            + _td(_e(cert.issuer))
            + _td(_e(names))
            + valid
            + _td(_e(f"{cert.key}, {cert.signature}"))
            + _td(f'<code title="{_e(cert.sha256)}">{_e(cert.sha256[:16])}…</code>')
            + "</tr>"
        )
    keys = ("subject", "issuer")
    headers = ["#", *(text(t, f"integrations.col.{k}") for k in keys), text(t, "render.sans")]
    headers += [text(t, "integrations.col.valid"), text(t, "render.key"), "SHA-256"]
    return f"<p><b>{_e(text(t, 'render.chain', address=_address(d)))}</b></p>" + _table(headers, rows)


def _day(moment: datetime) -> str:
    return moment.date().isoformat()


def render_html(d: Diagnosis) -> str:
    """Self-contained HTML for notebooks: no external CSS or scripts, everything escaped."""
    t = d.lang
    colour = _GREEN if d.ok else _RED
    background = "#ecfdf3" if d.ok else "#fef3f2"
    parts = [
        f'<div class="sslexplain" lang="{_e(t)}" style="font-family:sans-serif;font-size:14px;'
        f'border-left:4px solid {colour};padding:6px 12px;margin:4px 0">',
        f'<p class="sslexplain-verdict" style="font-weight:bold;color:{colour};background:{background};'
        f'padding:6px 8px;margin:0 0 6px 0">{_e(d.verdict)}</p>',
    ]
    if d.observation is not None and not d.observation.probed:
        parts.append(f'<p style="color:#555;margin:2px 0"><i>{_e(text(t, "render.offline"))}</i></p>')
    parts.extend(_html_cause(d, cause) for cause in d.causes)
    if d.clients:
        parts.append(_html_clients(d))
    if len(d.addresses) > 1:
        parts.append(_html_addresses(d))
    if d.chain:
        parts.append(_html_chain(d))
    elif d.observation is not None and d.observation.probed:
        parts.append(f"<p>{_e(text(t, 'render.no_chain'))}</p>")
    parts.append("</div>")
    return "".join(parts)
