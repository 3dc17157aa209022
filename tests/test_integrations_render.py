"""Notebook HTML and Markdown: self-contained, escaped (certificate fields are attacker-controlled)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html.parser
import re
from collections.abc import Iterator

import pytest

import sslexplain
from sslexplain import AddressResult, CertInfo, ClientVerdict, Diagnosis
from sslexplain._render import render_html, render_markdown, render_short, render_text
from sslexplain.lab import Lab

EVIL = '<script>alert("x")</script><img src=x onerror=alert(1)>|`**[link](http://evil.test)**\x1b[31m\u202e'


@pytest.fixture(scope="module")
def expired() -> Iterator[Diagnosis]:
    with Lab(["expired"]) as lab:
        case = lab["expired"]
        yield sslexplain.diagnose(case.host, **case.diagnose_kwargs())  # type: ignore[arg-type]


class _Tags(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(markup: str) -> _Tags:
    parser = _Tags()
    parser.feed(markup)
    return parser


def _hostile(d: Diagnosis) -> Diagnosis:
    cert = dataclasses.replace(d.chain[0], subject=f"CN={EVIL}", issuer=EVIL, sans=(EVIL,))
    cause = dataclasses.replace(d.causes[0], summary=EVIL, evidence=(EVIL,))
    clients = (ClientVerdict(client=EVIL, store=EVIL, verifies=False, detail=EVIL),)
    addresses = tuple(
        AddressResult(address=a, family="IPv4", reached=True, verifies=False, detail=EVIL) for a in ("a", "b")
    )
    return dataclasses.replace(
        d, chain=(cert, *d.chain[1:]), causes=(cause,), clients=clients, addresses=addresses, verdict=EVIL
    )


def test_html_is_self_contained_and_escaped(expired: Diagnosis) -> None:
    markup = render_html(_hostile(expired))
    parsed = _parse(markup)
    tags = {tag for tag, _ in parsed.tags}
    assert not tags & {"script", "img", "link", "style", "iframe", "a"}
    for _, attrs in parsed.tags:
        assert not any(name.startswith("on") or name in ("src", "href") for name in attrs)
    assert "&lt;script&gt;" in markup and "\x1b" not in markup and "\u202e" not in markup
    assert EVIL.split("\x1b")[0] in "".join(parsed.text)  # shown as text, not markup


def test_html_content(expired: Diagnosis) -> None:
    markup = expired._repr_html_()
    parsed = _parse(markup)
    text = "".join(parsed.text)
    assert expired.verdict in text and "Evidence" in text and "Fix" in text
    assert expired.primary is not None and expired.primary.evidence[0] in text
    rows = [attrs.get("class") for tag, attrs in parsed.tags if tag == "tr" and attrs.get("class")]
    assert rows[0] == "sslexplain-expired" and "sslexplain-valid" in rows  # the expired leaf stands out
    assert "expired" in text and expired.chain[0].subject in text
    assert "Clients on this machine" in text and "stdlib ssl" in text


def test_html_in_japanese(expired: Diagnosis) -> None:
    text = "".join(_parse(expired.in_language("ja")._repr_html_()).text)
    assert "根拠" in text and "対処" in text and "期限切れ" in text and "サブジェクト" in text


def test_html_address_table_when_several(expired: Diagnosis) -> None:
    d = dataclasses.replace(
        expired,
        addresses=(
            AddressResult(
                address="127.0.0.1", family="IPv4", reached=True, verifies=True, leaf_sha256="ab" * 32
            ),
            AddressResult(address="::1", family="IPv6", reached=False, verifies=False),
        ),
    )
    text = "".join(_parse(render_html(d)).text)
    assert "Addresses of the host" in text and "not reached" in text and "abababab" in text
    assert "Addresses of the host" in render_markdown(d)


def test_markdown_escapes(expired: Diagnosis) -> None:
    markdown = render_markdown(_hostile(expired))
    assert "<script>" not in markdown and "\x1b" not in markdown
    assert "\\|" in markdown and "**[link]" not in markdown
    table_rows = [line for line in markdown.splitlines() if line.startswith("| 0 |")]
    assert table_rows and len(re.findall(r"(?<!\\)\|", table_rows[0])) == 7  # 6 columns: no "|" got through
    assert expired._repr_markdown_().startswith(f"**{expired.verdict.split(':')[0]}")
    assert "**" in expired.to_markdown() and "(expired)**" in expired.to_markdown()


def test_text_keeps_its_forms(expired: Diagnosis) -> None:
    full = render_text(expired)
    compact = render_text(expired, compact=True)
    note = render_text(expired, chain=False)
    assert full == str(expired)
    assert compact.splitlines()[0] == expired.verdict and "Evidence" not in compact
    assert "Evidence" in note and "Chain as served" not in note and "Chain as served" in full
    assert full.startswith(note)


def test_short_form_for_logs() -> None:
    d = sslexplain.explain(
        "certificate verify failed: certificate has expired (host api.example.test)", probe=False
    )
    short = render_short(d)
    assert short.startswith("sslexplain: expired:") and "also possible: clock_skew" in short
    assert len(short.splitlines()) <= 4


def test_healthy_banner_is_green() -> None:
    when = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
    cert = CertInfo(
        index=0,
        subject="CN=ok.test",
        issuer="CN=CA",
        sans=("ok.test",),
        not_before=when,
        not_after=when + dt.timedelta(days=1),
        key="EC",
        signature="sha256",
        sha256="00" * 32,
        is_ca=False,
        self_signed=False,
    )
    d = Diagnosis(target=sslexplain.Target(host="ok.test"), ok=True, chain=(cert,), verdict="OK")
    markup = render_html(d)
    assert "#1b7f3b" in markup and "sslexplain-valid" in markup and "<details" not in markup
