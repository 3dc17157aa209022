"""Pure: English messages of the fleet family; ``ja_fleet.py`` has the same keys and placeholders."""

MESSAGES: dict[str, str] = {
    "fleet.internal_error": "sslexplain failed on {line!r} ({error}); this is a bug, please report it.",
    "fleet.invalid_target": "Not a target: {line!r} ({error}).",
    "fleet.summary": (
        "sslexplain scan: {total} targets in {seconds} s ({rate}/s): {ok} ok, {problems} with a problem "
        "({invalid} not a target)."
    ),
    "fleet.col_kind": "cause kind",
    "fleet.col_targets": "targets",
    "fleet.col_first": "first target",
}
