"""Pure: Japanese messages of the network family; same keys and placeholders as ``en_network.py``."""

MESSAGES: dict[str, str] = {
    # --- words ---
    "net.source.ocsp": "OCSPレスポンダー {url}",
    "net.source.crl": "CRL（失効リスト） {url}",
    "net.addr.verifies": "クライアントの検証は成功",
    "net.addr.verify_failed": "クライアントの検証は失敗：OpenSSLコード {code}、{message}",
    "net.addr.no_tls": "TLSハンドシェイクなし：{error}",
    "net.clock.behind": "サーバーより遅れています",
    "net.clock.ahead": "サーバーより進んでいます",
    "net.product": "（製品：{product}）",
    # --- revocation ---
    "ev.revocation.revoked": "{source} は、この証明書が {when} から失効していると回答しました"
    "（理由：{reason}）。回答の署名は正しく検証できました。",
    "ev.revocation.good": "{source} は、この証明書は有効（good）と回答しました（{updated} 付けの署名済み回答）。",
    "ev.revocation.unknown": "{source} はこの証明書を知りません（ステータス unknown、{updated}）。",
    "ev.revocation.verifier_only": "ここで取得したOCSP・CRLの回答に失効を示すものはありません。"
    "失効と判断したのは検証側自身の失効情報です（クライアントに読み込まれたCRLなど）。",
    "ev.revocation.problem.unreachable": "{source} に到達できませんでした（{detail}）。"
    "これは証明書についての判定ではありません。",
    "ev.revocation.problem.http": "{source} はHTTPステータス {detail} を返しました。",
    "ev.revocation.problem.too_large": "{source} はサイズ上限（{detail}）を超えるため、"
    "最後までダウンロードせず確認していません。",
    "ev.revocation.problem.malformed": "{source} の回答を解析できませんでした（{detail}）。",
    "ev.revocation.problem.responder_status": "{source} は回答を拒否しました（ステータス {detail}）。",
    "ev.revocation.problem.wrong_certificate": "{source} は別の証明書または別の発行者について回答しました。",
    "ev.revocation.problem.bad_signature": "{source} の回答の署名が、発行元CAの鍵でも委任された"
    "レスポンダー証明書でも検証できません。この回答は無視します。",
    "ev.revocation.problem.no_issuer": "発行元CAの証明書が不明なため、{source} を確認できません。",
    "ev.revocation.problem.stale": "{source} の回答は古くなっています（nextUpdate を過ぎています）。",
    "ev.revocation.problem.future": "{source} の回答の日時が未来になっています（時刻を確認してください）。",
    "revoked.confirmed.summary": "{host} の証明書は失効しています（理由：{reason}）。",
    "revoked.confirmed.explanation": "認証局（CA）がこの証明書を有効期限前に失効させました"
    "（理由：{reason}）。Pythonのsslは失効を確認しないため接続できるクライアントもありますが、"
    "ブラウザ、OSの検証（truststore）、失効を確認するクライアントは拒否します。証明書の差し替えが必要です。",
    "revoked.reported.summary": "クライアントは {host} の証明書を失効済みとして拒否しました。",
    "revoked.reported.explanation": "検証側が自身の失効情報からコード23（certificate revoked）を返しました。"
    "証明書を差し替えるか、クライアント側のCRLが誤っていないか確認してください。",
    "revoked.unchecked.summary": "{host} の証明書の失効状態を確認できませんでした。",
    "revoked.unchecked.explanation": "OCSPレスポンダーからもCRLからも有効な回答が得られませんでした。"
    "失効確認を必須とするクライアント（一部の企業・OSのポリシー）は失敗する可能性があります。",
    "fix.revoked.server": "認証局（CA）から新しい証明書を取得し（鍵が漏えいした可能性があれば鍵も新しく）、"
    "中間証明書と一緒に設定してサーバーを再読み込みしてください。",
    "fix.revoked.client": "クライアント側で直すことはありません。失効した証明書を回避しないでください。",
    "fix.revocation_unchecked.network": "証明書に記載されたOCSP・CRLのURLへの外向きHTTP（ポート80）を"
    "許可するか、サーバーにOCSPステープリングを設定してもらってください。",
    # --- interception ---
    "ev.intercept.via_proxy": "プロキシ {proxy} 経由では、サーバーは「{issuer}」が発行した証明書を提示しました"
    "（SHA-256 {sha}…）。",
    "ev.intercept.direct": "{address} に直接接続すると、「{issuer}」が発行した証明書を提示しました"
    "（SHA-256 {sha}…）。",
    "ev.intercept.product": "発行者は {product}（{category}、出典：{source}）と一致します。",
    "ev.intercept.fresh": "公開ドメイン名 {host} の証明書が {when} に、つまり直前に、"
    "公開のトラストストアにないCAで作られています。TLSを検査するプロキシがその場で行うことです。",
    "ev.intercept.only_in": "チェーンのルートを信頼しているのは {stores} だけで、"
    "公開のCAバンドル（certifi）には含まれていません。",
    "interception.summary": "プロキシまたはセキュリティ製品が {host} へのTLS通信をインターセプトし、"
    "独自の証明書を提示しています{product}。",
    "interception.explanation": "このマシンと {host} の間にあるもの（社内プロキシ、ファイアウォール、"
    "ウイルス対策ソフト、デバッグ用プロキシ）がTLS通信を中継し、サーバー証明書を独自のCAで署名し直しています。"
    "そのCAを信頼していないクライアントは失敗します。検証を無効にせず、中継証明書のルートを正しく"
    "信頼リストに追加するか、プロキシを経由せずに接続してください。",
    "interception.suspected.summary": "{host} へのTLS通信がインターセプトされている可能性があります。"
    "証明書は直前にプライベートCAで作られたものです。",
    "interception.suspected.explanation": "公開ドメイン名に対して、公開ストアにないCAが作ったばかりの"
    "証明書は、TLSを検査するプロキシやウイルス対策ソフトの特徴です。別の回線から比べてください。",
    "fix.intercept.truststore": "IT部門が社内ルートを登録しているOSのトラストストアを使います："
    "`import truststore; truststore.inject_into_ssl()`（Python 3.10以降）。",
    "fix.intercept.bundle": "または、公開ルートに社内ルート（IT部門からPEMで入手）を加えたCAバンドルを作り、"
    "requests / Python にそれを指定します。",
    "fix.intercept.pip": "pipでは、同じCAバンドルを pip の cert（または PIP_CERT）に設定します。",
    "fix.intercept.bypass": "プロキシを経由しない場合を試すには、1回だけプロキシ設定を外します"
    "（プロキシを通すべきでないホストは NO_PROXY に追加します）。",
    # --- several addresses ---
    "ev.addr.serves": "{address}（{family}）は「{issuer}」が発行した「{subject}」を返します"
    "（SHA-256 {sha}…）：{detail}。",
    "ev.addr.unreached": "{address}（{family}）には到達できません：{detail}。",
    "address_mismatch.summary": "{host} のアドレスごとに異なる証明書が返り、{bad} では検証に失敗します。",
    "address_mismatch.explanation": "{host} には到達できるアドレスが {count} 個あり、設定が揃っていません。"
    "クライアントがどのアドレスを使うかはアドレスの優先順位（RFC 6724ではIPv6優先）、Happy Eyeballs、"
    "DNSの順序で決まるため、同じURLでもクライアントや回線によって成功したり失敗したりします。",
    "address_mismatch.silent.summary": "{host} の一部のアドレスはTCP接続を受け付けますが、TLSが完了しません。",
    "address_mismatch.silent.explanation": "そのアドレスを先に試すクライアントは、タイムアウトまで待ってから"
    "別のアドレスに切り替えます（または失敗します）。",
    "fix.addr.server": "すべてのアドレスに同じ証明書とチェーンを設定してください：IPv4とIPv6の"
    "リスナー（バーチャルホスト）、ロードバランサーの全ノード、CDNのエッジ。古いDNSレコードは削除します。",
    "fix.addr.client": "アドレスファミリーごとに試して違いを確認します：",
    # --- the clock ---
    "ev.clock.times": "このマシンの時刻は {ours}、サーバーのHTTP Dateヘッダーは {theirs} でした。",
    "ev.clock.skew": "このマシンの時計は {amount} {direction}。",
    "ev.clock.window": "サーバー証明書の有効期間は {start} から {end} までです。",
    "ev.clock.valid_by_server": "サーバーの時刻ではチェーンのすべての証明書が有効期間内です。"
    "失敗の原因はこのマシンの時計です。",
    "ev.clock.invalid_by_server": "サーバーの時刻ではチェーンは有効期間外です。"
    "ここで受け入れられるのは、このマシンの時計がずれているためです。",
    "clock_skew.summary": "このマシンの時計が {amount} {direction}。"
    "そのため証明書が有効期間外に見えています。",
    "clock_skew.explanation": "証明書はローカルの時計で検証されます。サーバーの時刻（HTTP Date）では証明書は"
    "有効期間内なので、証明書ではなくこのマシンの時刻を直してください。",
    "clock_skew.hidden.summary": "このマシンの時計が {amount} {direction}。正しい時刻では証明書は有効期間外です。",
    "clock_skew.hidden.explanation": "ローカルの時計がずれているためにここでは受け入れられていますが、"
    "時刻が正しいクライアントは拒否します。",
    "clock_skew.large.summary": "このマシンと {host} の時計が {amount} ずれています。",
    "clock_skew.large.explanation": "時計がこれほどずれていると、いずれ証明書の有効期限の検証が失敗します"
    "（サーバー側の時計が誤っている可能性もあります）。両方を確認してください。",
    "fix.clock.linux": "Linux：時刻同期（NTP）を有効にします。",
    "fix.clock.windows": "Windows：タイムサービスで再同期します。",
    "fix.clock.macos": "macOS：Appleのタイムサーバーで再同期します。",
    "fix.clock.server": "このマシンの時刻が正しい場合はサーバーの時計がずれています。サーバーでNTPを有効にしてください。",
    # --- the proxy itself ---
    "ev.proxy.failed": "プロキシ {proxy} はトンネルを開きませんでした：{error}。",
    "ev.proxy.direct_ok": "直接接続すると {address} とのTLSハンドシェイクは完了します。プロキシ経由の経路が失敗しています。",
    "unreachable.proxy.summary": "プロキシ {proxy} を経由すると {host} に到達できません。",
    "unreachable.proxy.explanation": "このクライアントはプロキシ（proxy引数、HTTPS_PROXY / ALL_PROXY、"
    "またはシステム設定）を経由しますが、プロキシがCONNECTトンネルを拒否または切断したため、"
    "TLS証明書の検証まで進んでいません。",
    "fix.proxy.settings": "HTTPS_PROXY / https_proxy / ALL_PROXY のプロキシのアドレスと認証情報を確認し、"
    "直接接続すべきホストは NO_PROXY に追加してください。",
    "fix.proxy.test": "プロキシ単体で試します：",
}
