"""Pure: Japanese messages of the fleet family; the same keys and placeholders as ``en_fleet.py``."""

MESSAGES: dict[str, str] = {
    "fleet.internal_error": "{line!r} の診断中に sslexplain 自体が失敗しました（{error}）。不具合ですので報告してください。",
    "fleet.invalid_target": "診断対象として解釈できません: {line!r}（{error}）。",
    "fleet.summary": (
        "sslexplain scan: {total} 件を {seconds} 秒で診断（{rate} 件/秒）: 正常 {ok} 件、問題あり {problems} 件"
        "（うち対象として解釈できない行 {invalid} 件）。"
    ),
    "fleet.col_kind": "原因の種類",
    "fleet.col_targets": "件数",
    "fleet.col_first": "最初の対象",
}
