"""The English and Japanese catalogs stay in step: same keys, same placeholders, real Japanese."""

from __future__ import annotations

import re
import string

import pytest

from sslexplain._messages import CATALOGS, normalize_lang, text

EN = CATALOGS["en"]
JA = CATALOGS["ja"]

# Hiragana, katakana (incl. prolonged sound mark) and CJK ideographs.
_JAPANESE = re.compile(r"[\u3040-\u309f\u30a0-\u30ff\u4e00-\u9fff]")

# Messages that are only code or identifiers and so need no Japanese character. Keep it small.
CODE_ONLY: frozenset[str] = frozenset({"label.cert"})


def _placeholders(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field is not None}


def test_same_keys() -> None:
    assert set(JA) == set(EN), {
        "missing in ja": sorted(set(EN) - set(JA)),
        "extra in ja": sorted(set(JA) - set(EN)),
    }


@pytest.mark.parametrize("key", sorted(EN))
def test_same_placeholders(key: str) -> None:
    assert _placeholders(JA[key]) == _placeholders(EN[key])


@pytest.mark.parametrize("key", sorted(JA))
def test_japanese_text(key: str) -> None:
    message = JA[key]
    assert message.strip()
    if key not in CODE_ONLY:
        assert _JAPANESE.search(message), f"{key} has no Japanese: {message!r}"


def test_code_only_allow_list_is_current() -> None:
    assert set(JA) >= CODE_ONLY


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_message_formats(lang: str) -> None:
    catalog = EN if lang == "en" else JA
    for key, template in catalog.items():
        params = dict.fromkeys(_placeholders(template), "x")
        formatted = template.format(**params)
        assert "{" not in formatted.replace("{{", ""), key


def test_text_returns_japanese() -> None:
    assert text("ja", "render.evidence") == JA["render.evidence"]
    assert text("ja", "unreachable.summary", host="example.com", port=443) == JA[
        "unreachable.summary"
    ].format(host="example.com", port=443)
    assert text("en", "unreachable.summary", host="example.com", port=443) == EN[
        "unreachable.summary"
    ].format(host="example.com", port=443)


def test_normalize_lang_locale_string() -> None:
    assert normalize_lang("ja_JP.UTF-8") == "ja"
    assert normalize_lang("ja") == "ja"
    assert normalize_lang("en-US") == "en"


def test_normalize_lang_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SSLEXPLAIN_LANG", "ja")
    assert normalize_lang(None) == "ja"
    monkeypatch.setenv("SSLEXPLAIN_LANG", "en")
    assert normalize_lang(None) == "en"
    # An explicit argument wins over the environment.
    assert normalize_lang("ja") == "ja"


def test_normalize_lang_unknown() -> None:
    with pytest.raises(ValueError):
        normalize_lang("xx")
