"""explaining(): real client errors from lab servers re-raised unchanged, with a note and the Diagnosis."""

from __future__ import annotations

import asyncio
import datetime as dt
import ssl
from collections.abc import Iterator

import pytest

import sslexplain
from sslexplain import CauseKind, Diagnosis
from sslexplain.integrations import ATTRIBUTE, diagnosis_of, explaining, is_verification_error
from sslexplain.lab import TLSServer

from .conftest import HAS_IPV6, PKI

HOSTS = ("127.0.0.1", "::1") if HAS_IPV6 else ("127.0.0.1",)


@pytest.fixture(scope="module")
def expired(pki: PKI) -> Iterator[str]:
    """The URL of a server on localhost whose leaf expired three days ago."""
    now = dt.datetime.now(dt.timezone.utc)
    leaf = pki.leaf("localhost", not_before=now - dt.timedelta(days=60), not_after=now - dt.timedelta(days=3))
    with TLSServer([leaf, pki.intermediate], hosts=HOSTS) as server:
        yield f"https://localhost:{server.port}/"


def _requests_error(url: str, ca_file: str) -> BaseException:
    import requests

    try:
        requests.get(url, verify=ca_file, timeout=5)
    except requests.exceptions.SSLError as exc:
        return exc
    raise AssertionError("requests did not fail")


def test_same_exception_object_with_note_and_diagnosis(expired: str, pki: PKI) -> None:
    import requests

    original = _requests_error(expired, pki.ca_file)
    with pytest.raises(requests.exceptions.SSLError) as caught, explaining(ca_file=pki.ca_file, timeout=5):
        raise original
    assert caught.value is original
    d = getattr(original, ATTRIBUTE)
    assert isinstance(d, Diagnosis) and d.primary is not None and d.primary.kind is CauseKind.EXPIRED
    assert d.observation is not None and d.observation.probed
    notes = original.__notes__
    assert len(notes) == 1 and d.primary.summary in notes[0] and "sslexplain" in notes[0]
    assert diagnosis_of(original) is d


def test_a_real_call_inside_the_block(expired: str, pki: PKI) -> None:
    import requests

    with (
        pytest.raises(requests.exceptions.SSLError) as caught,
        explaining(ca_file=pki.ca_file, timeout=5) as ctx,
    ):
        requests.get(expired, verify=pki.ca_file, timeout=5)
    assert ctx.diagnosis is diagnosis_of(caught.value)
    assert ctx.diagnosis is not None and ctx.diagnosis.kinds[0] is CauseKind.EXPIRED


def test_offline_and_japanese(expired: str, pki: PKI) -> None:
    error = _requests_error(expired, pki.ca_file)
    with pytest.raises(type(error)), explaining(probe=False, lang="ja"):
        raise error
    d = diagnosis_of(error)
    assert d is not None and d.lang == "ja" and d.observation is not None and not d.observation.probed
    assert "証明書" in error.__notes__[0]


def test_other_exceptions_pass_untouched() -> None:
    error = ValueError("not TLS")
    with pytest.raises(ValueError) as caught, explaining():
        raise error
    assert caught.value is error
    assert not hasattr(error, "__notes__") and not hasattr(error, ATTRIBUTE)
    assert not is_verification_error(error)
    with explaining():  # no exception: nothing happens
        pass


def test_nested_blocks_explain_once(expired: str, pki: PKI) -> None:
    error = _requests_error(expired, pki.ca_file)
    with pytest.raises(type(error)), explaining(probe=False), explaining(probe=False):
        raise error
    assert len(error.__notes__) == 1


def test_decorator_sync(expired: str, pki: PKI) -> None:
    import requests

    @explaining(ca_file=pki.ca_file, timeout=5)
    def fetch(url: str) -> None:
        """Docstring kept."""
        requests.get(url, verify=pki.ca_file, timeout=5)

    assert fetch.__doc__ == "Docstring kept." and fetch.__name__ == "fetch"
    with pytest.raises(requests.exceptions.SSLError) as caught:
        fetch(expired)
    d = diagnosis_of(caught.value)
    assert d is not None and d.kinds[0] is CauseKind.EXPIRED


def test_async_with_and_async_decorator(expired: str, pki: PKI) -> None:
    import httpx

    context = ssl.create_default_context(cafile=pki.ca_file)

    @explaining(ca_file=pki.ca_file, timeout=5)
    async def decorated() -> None:
        async with httpx.AsyncClient(verify=context, timeout=5) as client:
            await client.get(expired)

    async def with_block() -> BaseException:
        ticks = 0

        async def ticker() -> None:
            nonlocal ticks
            while True:
                ticks += 1
                await asyncio.sleep(0)

        task = asyncio.create_task(ticker())
        try:
            async with (
                httpx.AsyncClient(verify=context, timeout=5) as client,
                explaining(ca_file=pki.ca_file, timeout=5),
            ):
                await client.get(expired)
        except httpx.ConnectError as exc:
            before = ticks
            await asyncio.sleep(0.01)
            assert ticks > before  # the loop kept running
            return exc
        finally:
            task.cancel()
        raise AssertionError("httpx did not fail")

    with pytest.raises(httpx.ConnectError) as caught:
        asyncio.run(decorated())
    d = diagnosis_of(caught.value)
    assert d is not None and d.kinds[0] is CauseKind.EXPIRED
    error = asyncio.run(with_block())
    d = diagnosis_of(error)
    assert d is not None and d.kinds[0] is CauseKind.EXPIRED and error.__notes__


def test_a_failing_probe_falls_back_to_the_offline_explanation(expired: str, pki: PKI) -> None:
    error = _requests_error(expired, pki.ca_file)
    with pytest.raises(type(error)), explaining(ca_file="/nonexistent/ca.pem", timeout=2):
        raise error
    d = diagnosis_of(error)
    assert d is not None and not d.ok and error.__notes__


class _HostileError(OSError):
    def __str__(self) -> str:
        raise RuntimeError("hostile __str__")

    def __setattr__(self, name: str, value: object) -> None:
        raise RuntimeError("hostile __setattr__")


def test_hostile_exception_passes_through() -> None:
    error = _HostileError("certificate verify failed")
    with pytest.raises(_HostileError) as caught, explaining(probe=False):
        raise error
    assert caught.value is error


def test_caller_mistakes_raise_at_set_up() -> None:
    with pytest.raises(ValueError):
        explaining(lang="xx")
    with pytest.raises(ValueError):
        explaining(timeout=0)


def test_public_names() -> None:
    assert sslexplain.explaining is explaining
    assert sslexplain.integrations.explaining is explaining
    for name in ("explaining", "install", "integrations", "uninstall"):
        assert name in sslexplain.__all__


def test_language_from_the_environment(expired: str, pki: PKI, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SSLEXPLAIN_LANG", "ja")
    error = _requests_error(expired, pki.ca_file)
    with pytest.raises(type(error)), explaining(probe=False):
        raise error
    d = diagnosis_of(error)
    assert d is not None and d.lang == "ja" and "sslexplain による" in error.__notes__[0]
