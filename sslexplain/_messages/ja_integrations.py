"""Pure: Japanese messages of the integrations family; keys and placeholders match ``en_integrations.py``."""

MESSAGES: dict[str, str] = {
    # traceback notes, excepthooks, logs
    "integrations.note.intro": "sslexplain による証明書検証エラーの説明:",
    "integrations.hook.intro": "上記の証明書検証エラーを sslexplain で診断した結果:",
    "integrations.log.probed": "ログに記録された証明書検証エラーを受けて sslexplain が {target} に接続して確認しました: {verdict}",
    "integrations.short.also": "他に考えられる原因: {kinds}",
    "integrations.short.fix": "対処（{audience}）: {fix}",
    "integrations.short.measure": "実際に接続して原因を特定するには次を実行してください: {command}",
    # table headers and validity words (HTML and Markdown)
    "integrations.col.subject": "サブジェクト",
    "integrations.col.issuer": "発行者（Issuer）",
    "integrations.col.valid": "有効期間",
    "integrations.col.client": "クライアント",
    "integrations.col.result": "結果",
    "integrations.col.store": "信頼ストア（CAストア）",
    "integrations.col.detail": "詳細",
    "integrations.col.address": "アドレス",
    "integrations.col.family": "種別",
    "integrations.col.leaf": "サーバー証明書の SHA-256",
    "integrations.validity.expired": "期限切れ",
    "integrations.validity.not_yet_valid": "有効期間の開始前",
    # sharing
    "integrations.redacted": "伏せ字済みのレポート: ホスト名・アドレス・パス・ユーザー名・認証情報はプレースホルダーに置き換えています（同じ値には常に同じプレースホルダー）。証明書はフィンガープリントと公開情報のみを残しています。",
}
