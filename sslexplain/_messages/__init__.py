"""Pure: message catalogs keyed by stable ids, with named {placeholders}.

``en`` and ``ja`` hold the same keys (a test checks it). Language is always an
argument, never global state.
"""

from __future__ import annotations

import locale
import os
from collections.abc import Mapping

from . import (
    en,
    en_fleet,
    en_integrations,
    en_network,
    en_trust,
    ja,
    ja_fleet,
    ja_integrations,
    ja_network,
    ja_trust,
)

# One catalog per language, merged from one module per family so that each family's messages live together.
CATALOGS: Mapping[str, Mapping[str, str]] = {
    "en": {
        **en.MESSAGES,
        **en_trust.MESSAGES,
        **en_network.MESSAGES,
        **en_integrations.MESSAGES,
        **en_fleet.MESSAGES,
    },
    "ja": {
        **ja.MESSAGES,
        **ja_trust.MESSAGES,
        **ja_network.MESSAGES,
        **ja_integrations.MESSAGES,
        **ja_fleet.MESSAGES,
    },
}
LANGUAGES = tuple(CATALOGS)


class _Lenient(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def text(lang: str, key: str, /, **params: object) -> str:
    """The message ``key`` in ``lang``, placeholders filled (a missing one stays visible)."""
    catalog = CATALOGS.get(lang, CATALOGS["en"])
    template = catalog.get(key) or CATALOGS["en"].get(key) or key
    try:
        return template.format_map(_Lenient(params))
    except (
        ValueError,
        IndexError,
        AttributeError,
        KeyError,
    ):  # a malformed template never breaks a diagnosis
        return template


def normalize_lang(lang: str | None) -> str:
    """``lang`` argument, else SSLEXPLAIN_LANG, else the locale, else English."""
    for candidate in (lang, os.environ.get("SSLEXPLAIN_LANG"), _locale_language()):
        if candidate:
            short = candidate.lower().replace("-", "_").split("_")[0].split(".")[0]
            if short in CATALOGS:
                return short
            if lang is not None and candidate == lang:
                raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    return "en"


def _locale_language() -> str | None:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return value
    try:
        return locale.getlocale()[0]
    except ValueError:
        return None
