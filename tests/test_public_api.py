"""The front door: __all__ is sorted and complete, the import is light, the CauseKind values are stable."""

from __future__ import annotations

import subprocess
import sys

import sslexplain
from sslexplain import CauseKind


def test_all_is_sorted_and_importable() -> None:
    assert sslexplain.__all__ == sorted(sslexplain.__all__)
    for name in sslexplain.__all__:
        assert hasattr(sslexplain, name), name
    public = {n for n in dir(sslexplain) if not n.startswith("_")} - {"lab"}
    assert public == set(sslexplain.__all__)


def test_cause_kind_values_are_the_contract() -> None:
    assert [k.value for k in CauseKind] == [
        "missing_root",
        "self_signed",
        "untrusted_root",
        "incomplete_chain",
        "chain_order",
        "invalid_chain",
        "hostname_mismatch",
        "expired",
        "not_yet_valid",
        "clock_skew",
        "revoked",
        "interception",
        "address_mismatch",
        "python_environment",
        "weak_crypto",
        "unreachable",
        "handshake_failure",
    ]
    assert CauseKind.MISSING_ROOT.root_cause == 1 and CauseKind.UNREACHABLE.root_cause is None


def test_import_is_light() -> None:
    code = (
        "import sys\n"
        "before = set(sys.modules)\n"
        "import sslexplain\n"
        "heavy = ('cryptography', 'urllib3', 'certifi', 'truststore', 'requests', 'ssl')\n"
        "print(','.join(m for m in heavy if m in sys.modules and m not in before))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == ""
