"""install() / uninstall(): sys.excepthook, threading.excepthook, IPython and friendly-traceback, for real."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator

import pytest

from sslexplain import integrations
from sslexplain.integrations import Replaced, install, uninstall
from sslexplain.lab import TLSServer

from .conftest import HAS_IPV6, PKI

HOSTS = ("127.0.0.1", "::1") if HAS_IPV6 else ("127.0.0.1",)
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@pytest.fixture(scope="module")
def expired(pki: PKI) -> Iterator[str]:
    now = dt.datetime.now(dt.timezone.utc)
    leaf = pki.leaf("localhost", not_before=now - dt.timedelta(days=60), not_after=now - dt.timedelta(days=3))
    with TLSServer([leaf, pki.intermediate], hosts=HOSTS) as server:
        yield f"https://localhost:{server.port}/"


@pytest.fixture
def hooks_restored() -> Iterator[None]:
    before = (sys.excepthook, threading.excepthook)
    yield
    uninstall()
    sys.excepthook, threading.excepthook = before


def _run(code: str, *, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.upper().endswith("_PROXY")}
    env["PYTHONPATH"] = ROOT + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        check=False,
    )


def _verification_error(url: str, ca_file: str) -> BaseException:
    import requests

    try:
        requests.get(url, verify=ca_file, timeout=5)
    except requests.exceptions.SSLError as exc:
        return exc
    raise AssertionError("requests did not fail")


def test_install_is_idempotent_and_gives_back_what_it_took(hooks_restored: None) -> None:
    def previous(*args: object) -> None:
        return None

    sys.excepthook = previous
    replaced = install(probe=False)
    assert isinstance(replaced, Replaced) and replaced.excepthook is previous
    ours = sys.excepthook
    assert ours is not previous and threading.excepthook is not replaced.threading_excepthook
    assert install(probe=False, lang="ja") is replaced  # the second call only updates options
    assert sys.excepthook is ours
    uninstall()
    assert sys.excepthook is previous and threading.excepthook is replaced.threading_excepthook
    uninstall()  # a no-op


def test_hooks_chain_and_never_raise(
    hooks_restored: None, expired: str, pki: PKI, capsys: pytest.CaptureFixture[str]
) -> None:
    calls: list[str] = []

    def broken_previous(*args: object) -> None:
        calls.append("previous")
        raise RuntimeError("a broken hook installed before us")

    sys.excepthook = broken_previous
    install(probe=False)
    error = _verification_error(expired, pki.ca_file)
    sys.excepthook(type(error), error, error.__traceback__)  # must not raise
    err = capsys.readouterr().err
    assert calls == ["previous"]
    assert "SSLError" in err  # the default hook stood in for the broken one
    assert "sslexplain" in err and "expired" in err

    class HostileError(Exception):
        def __str__(self) -> str:
            raise RuntimeError("hostile")

    sys.excepthook(HostileError, HostileError(), None)
    sys.excepthook(ValueError, ValueError("plain"), None)
    assert "sslexplain" not in capsys.readouterr().err


def test_threading_excepthook(expired: str, pki: PKI) -> None:
    """In a process of its own: pytest installs a threading.excepthook of its own."""
    code = f"""
        import threading, requests, sslexplain
        sslexplain.install(ca_file={pki.ca_file!r}, timeout=5)
        kwargs = {{"verify": {pki.ca_file!r}, "timeout": 5}}
        worker = threading.Thread(target=requests.get, args=({expired!r},), kwargs=kwargs, name="fetcher")
        worker.start()
        worker.join()
        print("MAIN THREAD GOES ON")
    """
    done = _run(code)
    err = done.stderr
    assert done.returncode == 0 and "MAIN THREAD GOES ON" in done.stdout
    assert "Exception in thread fetcher" in err
    assert err.index("Traceback") < err.index("sslexplain diagnosis")
    assert "The certificate of localhost expired" in err


def test_uncaught_error_in_a_process(expired: str, pki: PKI) -> None:
    code = f"""
        import sys, requests, sslexplain
        def previous(t, v, tb):
            print("PREVIOUS HOOK", file=sys.stderr)
            sys.__excepthook__(t, v, tb)
        sys.excepthook = previous
        sslexplain.install(ca_file={pki.ca_file!r}, timeout=5)
        requests.get({expired!r}, verify={pki.ca_file!r}, timeout=5)
    """
    done = _run(code)
    assert done.returncode == 1
    err = done.stderr
    assert err.index("PREVIOUS HOOK") < err.index("requests.exceptions.SSLError") < err.index("sslexplain")
    assert "[error] expired: The certificate of localhost expired" in err


def test_uncaught_error_in_japanese(expired: str, pki: PKI) -> None:
    code = f"""
        import requests, sslexplain
        sslexplain.install(ca_file={pki.ca_file!r}, timeout=5, lang="ja")
        requests.get({expired!r}, verify={pki.ca_file!r}, timeout=5)
    """
    done = _run(code)
    assert (
        done.returncode == 1
        and "sslexplain で診断した結果" in done.stderr
        and "[エラー] expired" in done.stderr
    )


def test_ipython_custom_exception_handler_chains(expired: str, pki: PKI) -> None:
    pytest.importorskip("IPython")
    code = f"""
        import warnings
        warnings.simplefilter("ignore")
        from IPython.core.interactiveshell import InteractiveShell
        shell = InteractiveShell.instance(colors="NoColor")
        def previous(self, etype, value, tb, tb_offset=None):
            print("PREVIOUS HANDLER", etype.__name__)
        shell.set_custom_exc((KeyError,), previous)
        before = (shell.custom_exceptions, shell.CustomTB)
        import sslexplain
        replaced = sslexplain.install(ca_file={pki.ca_file!r}, timeout=5)
        print("REPLACED", replaced.ipython[0])
        shell.run_cell("import requests")
        shell.run_cell("requests.get({expired!r}, verify={pki.ca_file!r}, timeout=5)")
        print("=== MARK ===")
        shell.run_cell("raise KeyError('k')")
        shell.run_cell("raise ValueError('plain')")
        shell.run_cell("1 +")
        sslexplain.uninstall()
        print("RESTORED", (shell.custom_exceptions, shell.CustomTB) == before)
    """
    done = _run(code)
    out = done.stdout
    assert done.returncode == 0, done.stderr
    assert "REPLACED (<class 'KeyError'>,)" in out
    first, rest = out.split("=== MARK ===", 1)
    assert "SSLError" in first and "sslexplain diagnosis" in first and "expired" in first
    assert "PREVIOUS HANDLER KeyError" in rest
    assert "ValueError" in rest and "SyntaxError" in rest and "sslexplain" not in rest
    assert "RESTORED True" in out


def test_friendly_traceback_uses_sslexplain(expired: str, pki: PKI) -> None:
    pytest.importorskip("friendly_traceback")
    code = f"""
        import requests, friendly_traceback, sslexplain
        sslexplain.install(ca_file={pki.ca_file!r}, timeout=5)
        try:
            requests.get({expired!r}, verify={pki.ca_file!r}, timeout=5)
        except Exception:
            friendly_traceback.explain_traceback(redirect="capture")
        out = friendly_traceback.get_output()
        print(out)
        try:
            requests.get("http://127.0.0.1:9/", timeout=1)
        except Exception:
            friendly_traceback.explain_traceback(redirect="capture")
        print("=== OTHER ===")
        print(friendly_traceback.get_output())
    """
    done = _run(code)
    assert done.returncode == 0, done.stderr
    ours, other = done.stdout.split("=== OTHER ===")
    assert "The certificate of localhost expired" in ours
    assert "sslexplain" not in other and "connect" in other.lower()  # its own explanation, untouched


def test_register_friendly_traceback_reports_availability() -> None:
    try:
        import friendly_traceback  # noqa: F401
    except ImportError:
        assert integrations.register_friendly_traceback() is False
    else:
        assert integrations.register_friendly_traceback(probe=False) is True


def test_reinstall_under_a_wrapping_hook_does_not_loop(
    hooks_restored: None, capsys: pytest.CaptureFixture[str]
) -> None:
    install(probe=False, friendly_traceback=False)
    ours = sys.excepthook

    def wrapper(*args: object) -> None:  # another library wraps our hook
        print("WRAPPER", file=sys.stderr)
        ours(*args)

    sys.excepthook = wrapper
    uninstall()  # ours stays inside the wrapper and passes through
    install(probe=False, friendly_traceback=False)  # now ours chains to the wrapper, which calls ours
    error = ValueError("plain")
    sys.excepthook(ValueError, error, None)
    err = capsys.readouterr().err
    assert "WRAPPER" in err and "ValueError: plain" in err
