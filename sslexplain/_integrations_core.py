"""Shared by the integrations: recognise a verification error, diagnose it once, attach the result.

Nothing here raises on a hostile exception: a failure to explain must never hide
the original error. Only the standard library is imported at module level.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from ._model import Diagnosis, ReportedError

ATTRIBUTE = "sslexplain"
"""The attribute that carries the :class:`~sslexplain.Diagnosis` on an explained exception."""

_MAX_CHAIN = 16


@dataclass(frozen=True, slots=True, kw_only=True)
class _Options:
    probe: bool = True
    timeout: float = 10.0
    lang: str | None = None
    ca_file: str | None = None


def _options(probe: bool, timeout: float, lang: str | None, ca_file: str | None) -> _Options:
    """Caller mistakes raise here, at set-up, never later inside a hook."""
    from ._messages import normalize_lang

    if not isinstance(timeout, (int, float)) or not timeout > 0:
        raise ValueError(f"timeout must be a positive number of seconds, not {timeout!r}")
    if lang is not None:
        normalize_lang(lang)
    return _Options(probe=bool(probe), timeout=float(timeout), lang=lang, ca_file=ca_file)


def _reported(exc: object) -> ReportedError | None:
    """The verification failure carried by ``exc`` (walked as deep as clients wrap it), or None."""
    if not isinstance(exc, BaseException):
        return None
    from ._reported import reported_from_exception

    reported = reported_from_exception(exc)
    if reported is None or (reported.verify_code is None and reported.verify_message is None):
        return None
    return reported


def is_verification_error(exc: object) -> bool:
    """True when ``exc`` is (or wraps) a certificate verification failure of any known client."""
    try:
        return _reported(exc) is not None
    except Exception:
        return False


def diagnosis_of(exc: object) -> Diagnosis | None:
    """The Diagnosis attached by :func:`explaining` to ``exc`` or to an exception it wraps."""
    node: object = exc
    for _ in range(_MAX_CHAIN):
        if not isinstance(node, BaseException):
            return None
        try:
            found = getattr(node, ATTRIBUTE, None)
        except Exception:
            found = None
        if found is not None and type(found).__name__ == "Diagnosis":
            return cast("Diagnosis", found)
        node = node.__cause__ or node.__context__
    return None


def _diagnose(exc: BaseException, options: _Options) -> Diagnosis | None:
    """The probed diagnosis; if the probe itself fails, the offline one; never raises."""
    from ._api import explain

    for probe in dict.fromkeys((options.probe, False)):
        try:
            return explain(
                exc, probe=probe, timeout=options.timeout, ca_file=options.ca_file, lang=options.lang
            )
        except Exception:
            continue
    return None


def _note(d: Diagnosis) -> str:
    from ._messages import text
    from ._render import render_text

    return text(d.lang, "integrations.note.intro") + "\n" + render_text(d, chain=False)


def _attach(exc: BaseException, d: Diagnosis) -> None:
    """The Diagnosis as an attribute, the explanation as a PEP 678 note (``__notes__`` on 3.10)."""
    try:
        setattr(exc, ATTRIBUTE, d)
    except Exception:
        pass  # exceptions with __slots__ or a hostile __setattr__ keep only the note
    try:
        note = _note(d)
        if sys.version_info >= (3, 11):
            exc.add_note(note)
        else:  # the same attribute 3.11's traceback prints; install() prints it on 3.10
            notes = getattr(exc, "__notes__", None)
            if not isinstance(notes, list):
                notes = []
                exc.__notes__ = notes  # type: ignore[attr-defined]
            notes.append(note)
    except Exception:
        pass


def _annotate(exc: BaseException, options: _Options) -> Diagnosis | None:
    existing = diagnosis_of(exc)
    if existing is not None:
        return existing
    if not is_verification_error(exc):
        return None
    d = _diagnose(exc, options)
    if d is not None:
        _attach(exc, d)
    return d
