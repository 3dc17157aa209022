"""Pure: Japanese messages. Keys and placeholders match ``en.py`` (tests/test_messages.py checks it)."""

MESSAGES: dict[str, str] = {
    # --- words used inside other messages ---
    "role.leaf": "サーバー証明書",
    "role.ca": "CA証明書",
    "where.served": "サーバー送信順 #{index}",
    "where.elsewhere": "サーバーからは未送信",
    "label.cert": "{role}「{name}」（{where}）",
    "purpose.capture": "証明書取得用のハンドシェイク（検証なし）",
    "purpose.verify": "検証ありのハンドシェイク（クライアントの設定）",
    "source.served": "サーバーが送信したもの",
    "source.aia": "AIAのURLからダウンロードしたもの",
    "source.store": "トラストストアにあるもの",
    # --- evidence ---
    "ev.verify_ok": "クライアントのトラストストア（{store}）を使った検証ありのハンドシェイクは成功しました。",
    "ev.verify_code": "クライアントのトラストストア（{store}）を使った検証ありのハンドシェイクが、"
    "OpenSSLの検証コード {code}「{message}」で失敗しました。",
    "ev.dns_failed": "DNSの名前解決に失敗しました（{error}）。",
    "ev.unreachable.dns": "{address} の名前を解決できませんでした（{error}）。",
    "ev.unreachable.refused": "{address} のポート {port} へのTCP接続が拒否されました。"
    "このポートで待ち受けているサービスがありません。",
    "ev.unreachable.connect": "{address} のポート {port} へのTCP接続に失敗しました（{error}）。",
    "ev.unreachable.timeout": "{seconds} 秒以内に {address} のポート {port} へのTCP接続を確立できませんでし"
    "た。",
    "ev.unreachable.handshake_timeout": "{address} のポート {port} へのTCP接続は確立しましたが、"
    "サーバーが {seconds} 秒以内にTLSのClientHelloに応答しませんでした。",
    "ev.tls_error": "{address} への{purpose}が失敗しました（{message}）。",
    "ev.certificate_requested": "サーバーはハンドシェイク中に CertificateRequest を送信しました。"
    "クライアントに証明書による認証を求めています。",
    "ev.capture_ok": "検証を緩めた設定でのハンドシェイクは成功したため（{version}、{cipher}）、"
    "サーバーはTLSに対応しています。",
    "ev.self_signed": "サーバーは証明書を {count} 枚送信しました。"
    "最初の「{subject}」は自身の鍵で署名されています（発行者 = サブジェクト）。",
    "ev.not_in_store": "その証明書はクライアントのトラストストア（{store}）に含まれていません。",
    "ev.chain_ends_at_root": "証明書チェーンは自己署名のルート証明書「{root}」（{source}）で終わっています。",
    "ev.issuer_unknown": "「{subject}」の発行者は「{issuer}」ですが、サーバーはこの証明書を送信しておらず、"
    "この環境のどのトラストストアにも含まれていません。",
    "ev.root_not_in_store": "「{root}」はクライアントのトラストストア（{store}）に含まれていません。",
    "ev.served_chain": "サーバーは証明書を {count} 枚送信しました：{names}。",
    "ev.issuer_not_sent": "「{subject}」の発行者「{issuer}」は送信されておらず、"
    "トラストストアにもありません。",
    "ev.aia_ok": "不足している発行者の証明書を、証明書のAIAのURL {url} からダウンロードしました。",
    "ev.aia_failed": "証明書のAIAのURL {url} から発行者の証明書を取得できませんでした（{error}）。",
    "ev.no_aia": "証明書にAIAのcaIssuers URLがないため、不足している発行者の証明書はどのクライアントもダウン"
    "ロードできません。",
    "ev.aia_completes": "ダウンロードした中間証明書を加えると、証明書チェーンはトラストストア（{store}）"
    "で検証に成功します。ブラウザはこの欠落を自動で補いますが、Python、curl、その他ほとんどのクライアントは補"
    "いません。",
    "ev.duplicate": "証明書 #{index}（「{subject}」）が2回送信されています。",
    "ev.unrelated": "証明書 #{index}（「{subject}」）はこの証明書チェーンに属していません。",
    "ev.out_of_order": "送信された証明書は {order} の順でチェーンを構成しており、"
    "0 → 1 → 2 … の順になっていません。",
    "ev.critical_extension": "{cert} には、検証側が解釈できない重要（critical）拡張 {oid} があるため、拒否されます。",
    "ev.name_constraints": "{cert} は名前制約（nameConstraints）の範囲内の名前にしか証明書を発行できません。{name} はその範囲外です。",
    "ev.eku": "サーバー証明書「{subject}」の用途は {ekus} に限定されています。"
    "TLSサーバーには serverAuth が必要です。",
    "ev.ca.no_basic_constraints": "{cert}には basicConstraints 拡張がないため、"
    "CAとして使うことは認められません。",
    "ev.ca.not_ca": "{cert}は CA:FALSE と指定されていますが、チェーン内の別の証明書に署名しています。",
    "ev.ca.path_length": "{cert}には pathLenConstraint があり、この証明書チェーンはその制限を超えています。",
    "ev.ca.key_usage": "{cert}の keyUsage に keyCertSign が含まれていないため、"
    "証明書に署名することは認められません。",
    "ev.ca.eku": "{cert}の拡張キー使用法（extendedKeyUsage）が serverAuth を許可していません。",
    "ev.name.cn_only": "証明書に subjectAltName がありません。CN は {host} に一致しますが、"
    "最近のクライアント（urllib3 2 / requests、Python 3.13、ブラウザ）は CN を無視します。",
    "ev.name.cn_only_mismatch": "証明書に subjectAltName がなく、CN（{names}）も {host} に一致しません。",
    "ev.name.wildcard_depth": "ワイルドカード {closest} はちょうど1つのラベルにしか一致しないため、"
    "{host} には一致しません。",
    "ev.name.ip_not_in_san": "{host} はIPアドレスですが、証明書には一致するIPアドレスのSANがありません（名"
    "前：{names}）。",
    "ev.name.not_listed": "{host} は証明書の名前に含まれていません。証明書の名前：{names}。",
    "ev.expired": "{cert}の有効期限は {when} に切れています（この確認の {days} 日前）。",
    "ev.not_yet_valid": "{cert}は {when} 以降でなければ有効になりません（この確認の {days} 日後）。",
    "ev.observed_at": "確認時のこのマシンの時刻は {now} でした。",
    "ev.weak_key": "{cert}は脆弱な鍵を使っています：{key}。",
    "ev.weak_hash": "{cert}は {hash} で署名されており、OpenSSLはデフォルトのセキュリティレベルでこれを拒否し"
    "ます。",
    "ev.partial_chain": "クライアントのトラストストア（{store}）には中間証明書「{name}」はありますが、その上のルート証明書がありません。OpenSSL はチェーンの末端に自己署名のルート証明書を必要とします（Python 3.13 では VERIFY_X509_PARTIAL_CHAIN により緩和）。バンドルにルート証明書を追加してください。",
    "ev.unexplained": "証明書そのものには、このコードを説明できる不備が見当たりません。",
    "ev.reported": "報告されたエラーは OpenSSL の検証コード {code}「{message}」です。",
    "ev.reported_text": "報告されたエラーの内容：「{message}」",
    "ev.closed_without_answer": "サーバーが応答せずに接続を閉じました",
    "ev.offline.public_host": "{host} は誰に対しても完全で公的に信頼された証明書チェーンを返しています。ここで発行者が見つからない場合、原因はほぼ確実にこちら側（TLSを中継・検査するプロキシやウイルス対策ソフト、またはこの Python のトラストストア）にあります。",
    "ev.offline": "接続は行っていません（オフラインでの説明）。以下は、このコードが通常意味する原因を、"
    "可能性の高い順に並べたものです。",
    "ev.not_reproduced": "報告されたエラーの検証コードは {reported} でしたが、現在の調査結果は {now} です。"
    "失敗はアドレスやクライアントの設定に依存しているか、断続的に発生している可能性があります。",
    "ev.not_reproduced_ok": "現在の調査では、サーバーはこのマシンのデフォルトのトラストストアで検証に成功しま"
    "す。報告された失敗は、失敗したクライアントの環境（CAバンドル、プロキシ）に依存しているか、"
    "断続的なものだったと考えられます。",
    # --- causes: summary and explanation ---
    "unreachable.summary": "{host} のポート {port} に接続できませんでした。"
    "TLSハンドシェイクは行われていません。",
    "unreachable.explanation": "これはまだ証明書の問題ではありません。"
    "クライアントはTLSの段階まで到達していません。",
    "unreachable.dns.summary": "{host} の名前を解決できませんでした。",
    "unreachable.dns.explanation": "DNSがこの名前のアドレスを返さなかったため、接続は試行されていません。",
    "unreachable.silent.summary": "{host} はポート {port} でTCP接続を受け付けますが、"
    "TLSハンドシェイクに応答しません。",
    "unreachable.silent.explanation": "ファイアウォール、バックエンドのないロードバランサー、"
    "またはTLSではなくクライアントからの送信を待つサービスで、このような動作になります。",
    "handshake_failure.summary": "{host} とのTLSハンドシェイクが、証明書以外の理由で失敗しました。",
    "handshake_failure.explanation": "証明書を検証する前に接続が終了しました。",
    "handshake_failure.client_cert.summary": "{host} はクライアント証明書を要求しています（相互TLS）。",
    "handshake_failure.client_cert.explanation": "サーバーはクライアント自身の証明書による認証を求め、"
    "証明書が送信されなかったためハンドシェイクを終了しました。サーバー証明書の問題ではありません。",
    "handshake_failure.protocol.summary": "クライアントと {host} に共通のTLSプロトコルバージョンがありませ"
    "ん。",
    "handshake_failure.protocol.explanation": "サーバーがクライアントの拒否するTLSバージョンしか提示していな"
    "いか（OpenSSL 3 はデフォルトでTLS 1.0と1.1を拒否します）、その逆です。",
    "handshake_failure.cipher.summary": "クライアントと {host} に共通の暗号スイートがありません。",
    "handshake_failure.cipher.explanation": "サーバーの暗号スイートが、すべてクライアントのセキュリティレベル"
    "で許可される範囲外です。",
    "handshake_failure.not_tls.summary": "{host} はポート {port} でTLSに対応していません。",
    "handshake_failure.not_tls.explanation": "応答がTLSレコードではありませんでした。"
    "通常は、このポートが平文のHTTPです（http:// のサービスに https:// を使用）。または別のプロトコルです。",
    "handshake_failure.closed.summary": "{host} がTLSハンドシェイク中に接続を切断しました。",
    "handshake_failure.closed.explanation": "サーバー（またはその前段の機器）がTLSアラートを送らずに切断しま"
    "した。よくある原因は、未知のSNI名、フィルタリングを行うファイアウォール、サーバーの過負荷です。",
    "handshake_failure.other.summary": "{host} とのTLSハンドシェイクに失敗しました。",
    "handshake_failure.other.explanation": "証明書の検証以外の理由でハンドシェイクに失敗しました。"
    "OpenSSL自身のメッセージは根拠に記載しています。",
    "self_signed.summary": "{host} は、クライアントが信頼していない自己署名証明書を提示しています。",
    "self_signed.explanation": "自己署名証明書は自分自身しか保証しません。"
    "クライアントがこれを受け入れるのは、その証明書そのものがトラストストアにある場合だけです。",
    "untrusted_root.summary": "証明書チェーンは、クライアントのトラストストアにないルート証明書「{root}」で終"
    "わっています。",
    "untrusted_root.explanation": "チェーン自体は完全ですが、プライベートなCA、社内CA、"
    "または不明なルートCAにつながっています。このルートを信頼するのは、明示的に登録したクライアントだけで"
    "す。",
    "incomplete_chain.summary": "{host} が中間証明書「{missing}」を送信していません。",
    "incomplete_chain.explanation": "サーバーは自身の証明書と、ルートまでのすべての中間証明書をまとめて送信す"
    "る必要があります。このサーバーは不完全な証明書チェーンを送信しているため、"
    "クライアントはサーバー証明書を信頼済みのルートまでたどれません。",
    "incomplete_chain.aia.summary": "{host} が中間証明書「{missing}」を送信していません（ブラウザはダウンロー"
    "ドして補いますが、Pythonは補いません）。",
    "incomplete_chain.aia.explanation": "サーバーは不完全な証明書チェーンを送信しています。"
    "ブラウザは証明書内のURL（AIA）から不足している中間証明書を取得するためサイトを表示できますが、Python、"
    "curl、Java、その他ほとんどのツールは取得しないため失敗します。",
    "incomplete_chain.aia_untrusted.summary": "{host} が中間証明書「{missing}」を送信しておらず、"
    "そのルート証明書も信頼されていません。",
    "incomplete_chain.aia_untrusted.explanation": "AIAのURLから中間証明書をダウンロードしても、"
    "証明書チェーンはクライアントが信頼していないルートで終わります。",
    "chain_order.summary": "{host} が送信する証明書チェーンは、順序が不正か、同じ証明書を重複して含むか、"
    "無関係な証明書を含んでいます。",
    "chain_order.explanation": "ほとんどのクライアントは自動で補正しますが、古いクライアントや厳格なクライア"
    "ントは失敗します。また、無関係な証明書が含まれる場合は、通常、設定しているファイルが間違っています。",
    "invalid_chain.summary": "{host} の証明書チェーン内に、その役割を担うことが認められていない証明書がありま"
    "す。",
    "invalid_chain.explanation": "各CA証明書はCAとして指定され（basicConstraints）、"
    "証明書への署名を許可されている（keyUsage）必要があり、サーバー証明書は serverAuth を許可している必要があ"
    "ります。このいずれかに違反しています。",
    "hostname_mismatch.summary": "証明書は名前 {host} に対して有効ではありません。",
    "hostname_mismatch.explanation": "クライアントは、接続先の名前が証明書の subjectAltName "
    "の一覧に含まれているかを確認します。",
    "hostname_mismatch.cn_only.summary": "{host} の証明書に subjectAltName がありません。"
    "最近のクライアントは CN を参照しません。",
    "hostname_mismatch.cn_only.explanation": "ホスト名がサブジェクトのコモンネーム（CN）"
    "にしか含まれていません。Python 3.13、urllib3 2（したがって requests）、Go、"
    "ブラウザは CN を無視するため、名前が一致しません。",
    "hostname_mismatch.cn_only_mismatch.summary": "証明書は {host} に対して有効ではありません"
    "（subjectAltName もありません）。",
    "hostname_mismatch.cn_only_mismatch.explanation": "証明書には、このホスト名がSANにもCNにも含まれていませ"
    "ん。",
    "hostname_mismatch.wildcard_depth.summary": "ワイルドカード証明書は {host} をカバーしていません。",
    "hostname_mismatch.wildcard_depth.explanation": "ワイルドカードはちょうど1つのラベルに一致します。"
    "*.example.com は www.example.com に一致しますが、example.com にも a.b.example.com にも一致しません。",
    "hostname_mismatch.ip_not_in_san.summary": "証明書はIPアドレス {host} に対して有効ではありません。",
    "hostname_mismatch.ip_not_in_san.explanation": "IPアドレスで接続する場合、"
    "証明書はそのアドレスをIPアドレスの subjectAltName として記載している必要があります。"
    "DNS名やCNは考慮されません。",
    "hostname_mismatch.not_listed.summary": "証明書は {host} に対して有効ではありません。"
    "この証明書の対象は {names} です。",
    "hostname_mismatch.not_listed.explanation": "クライアントの接続先の名前が、"
    "証明書の発行対象の名前に含まれていません。サーバーが誤った証明書を返しているか、"
    "誤った名前で接続しています。",
    "expired.summary": "{host} の証明書チェーン内に、有効期限切れの証明書があります。",
    "expired.explanation": "検証パス上のすべての証明書が有効期間内である必要があります。",
    "expired.leaf.summary": "{host} の証明書は {when} に有効期限が切れています。",
    "expired.leaf.explanation": "サーバー証明書が notAfter の日付を過ぎています。"
    "サーバー側で更新する必要があり、クライアント側で安全に解決する方法はありません。",
    "expired.ca.summary": "{host} の証明書チェーン内のCA証明書「{subject}」は {when} に有効期限が切れていま"
    "す。",
    "expired.ca.explanation": "検証パス上の中間証明書またはルート証明書が notAfter の日付を過ぎています。"
    "サーバーは現行の中間証明書を送信すべきです（クライアント側でも、より新しいルート証明書ストアが必要な場合"
    "があります）。",
    "not_yet_valid.summary": "{host} の証明書チェーン内に、まだ有効になっていない証明書があります。",
    "not_yet_valid.explanation": "このマシンの時刻では、証明書の notBefore の日付が未来になっています。",
    "not_yet_valid.leaf.summary": "{host} の証明書は {when} まで有効になりません。",
    "not_yet_valid.leaf.explanation": "サーバー証明書の notBefore の日付が未来です。"
    "未来の日付で発行されたか、このマシンの時計が遅れています。",
    "not_yet_valid.ca.summary": "CA証明書「{subject}」は {when} まで有効になりません。",
    "not_yet_valid.ca.explanation": "検証パス上のCA証明書の notBefore の日付が未来です。"
    "そのように発行されたか、このマシンの時計が遅れています。",
    "weak_crypto.summary": "{host} の証明書チェーンに、OpenSSLが弱すぎると判断する鍵または署名が使われていま"
    "す。",
    "weak_crypto.explanation": "OpenSSLのセキュリティレベル（現在のほとんどのシステムでは2）では、"
    "2048ビット未満のRSA鍵とSHA-1署名が拒否されます。このような証明書は再発行する必要があります。",
    "revoked.summary": "{host} の証明書は失効しています。",
    "revoked.explanation": "CAがこの証明書を有効期限前に失効させました。証明書を差し替える必要があります。",
    "revoked.unavailable.summary": "{host} の証明書の失効状態を確認できませんでした。",
    "revoked.unavailable.explanation": "クライアントは失効確認（CRL または OCSP）を行っていますが、失効情報を取得できないか、期限切れ・署名不正のため信頼できませんでした。証明書そのものには問題がない可能性があります。",
    "offline.revoked_unavailable.summary": "失効状態（CRL または OCSP）を確認できませんでした。",
    "offline.revoked_unavailable.explanation": "コード {code}：クライアントは失効確認を行っていますが、CRL または OCSP の応答が得られないか、期限切れ、または信頼できませんでした。これだけでは証明書自体の問題とは言えません。",
    "offline.revoked_unavailable.fix": "証明書内の CRL / OCSP の URL にこのマシンから到達できるか確認してください。クライアントが CRL を自分で読み込んでいる場合は更新してください。",
    # --- fixes ---
    "fix.never_disable": "verify=False や CERT_NONE を設定しないでください。"
    "攻撃者の証明書も含め、どんな証明書でも受け入れてしまいます。"
    '代わりに、正しいCAをクライアントに指定してください（verify="/path/ca.pem" または '
    "REQUESTS_CA_BUNDLE）。",
    "fix.unreachable.check": "ホスト名とポート、サービスが動作しているかを確認してください。"
    "このエラーは {host} への到達に関するもので、証明書の問題ではありません。",
    "fix.unreachable.network": "このネットワークでプロキシが必要な場合は HTTPS_PROXY を設定してください。"
    "そうでなければ、このマシンと {host} の間のファイアウォールを確認してください。",
    "fix.handshake.client_cert.client": "クライアントに証明書と鍵を渡してください。"
    '例：requests.get(url, cert=("client.pem", "client.key")) または ctx.load_cert_chain(...)',
    "fix.handshake.client_cert.server": "クライアント認証が不要な場合は、クライアント証明書の検証を無効にして"
    "ください（nginx: ssl_verify_client off）。",
    "fix.handshake.protocol.client": "クライアントの最低TLSバージョンを下げるのではなく、"
    "クライアントのTLSスタックを更新してください。",
    "fix.handshake.protocol.server": "サーバーでTLS 1.2と1.3を有効にしてください（nginx: ssl_protocols "
    "TLSv1.2 TLSv1.3;）。",
    "fix.handshake.cipher.client": "クライアントのセキュリティレベルは下げないでください。"
    "サーバー側で最新の暗号スイートが必要です。",
    "fix.handshake.cipher.server": "サーバーで、AES-GCM または ChaCha20 を使う現行の ECDHE 暗号スイートを有効"
    "にしてください。",
    "fix.handshake.not_tls.client": "平文HTTPのポートには http:// を使うか、サービスがTLSで待ち受けているポー"
    "ト（通常は443）を使ってください。",
    "fix.handshake.not_tls.server": "このポートでTLSを使うべきなら、TLSを有効にしてください（nginx: listen "
    "443 ssl;）。",
    "fix.handshake.closed.client": "ホスト名（SNI）がサーバーの認識している名前か、"
    "またファイアウォールやプロキシがTLS接続を遮断していないかを確認してください。",
    "fix.handshake.closed.server": "拒否されたハンドシェイクについて、サーバーのエラーログを確認してくださ"
    "い。",
    "fix.handshake.other.client": "次のコマンドの結果と比較してください：openssl s_client -connect "
    "{host}:{port} -servername {host}",
    "fix.handshake.other.server": "失敗したハンドシェイクについて、サーバーのエラーログを確認してください。",
    "fix.self_signed.server": "CAが発行した証明書を使ってください。"
    "公開サービスには公的なCA（例：Let's Encrypt）、社内サービスには社内CA（開発用には mkcert）"
    "の証明書を使います。",
    "fix.self_signed.client": "このサーバーを信頼してよい場合は、この証明書だけを信頼してください。"
    '証明書を保存し、CAとして指定します（requests.get(url, verify="server.pem")、'
    "curl --cacert server.pem）。",
    "fix.untrusted_root.client": "「{root}」が社内CAであれば、クライアントの信頼リストに追加してください："
    'verify="/path/root.pem"、REQUESTS_CA_BUNDLE、または SSL_CERT_FILE（公開ルート証明書も含めること）。',
    "fix.untrusted_root.truststore": "OSがすでにこのルートを信頼している場合（会社管理の端末など）は、"
    "PythonにOSのトラストストアを使わせてください。"
    "pip install truststore を実行し、truststore.inject_into_ssl() を呼び出します。",
    "fix.untrusted_root.server": "公開サービスでは、公的に信頼されたCAの証明書を使ってください。",
    "fix.incomplete.server": "サーバーに完全な証明書チェーンを設定してください。"
    "サーバー証明書を先頭に、続けて各中間証明書を並べます（nginx: ssl_certificate fullchain.pem; Apache "
    "2.4.8+: SSLCertificateFile fullchain.pem; HAProxy: サーバー証明書・中間証明書・鍵を1つの crt "
    "ファイルにまとめる; Caddy: tls fullchain.pem key.pem; クラウドのロードバランサー: 証明書チェーン欄に中間"
    "証明書を貼り付ける）。",
    "fix.incomplete.write_chain": "sslexplain で、サーバー設定用に補完した証明書チェーンを書き出せます。",
    "fix.incomplete.client": "サーバーが修正されるまでの間は、クライアントのCAバンドルに不足している中間証明"
    '書を追加できます（verify="bundle-with-intermediate.pem"）。根本的な修正はサーバー側で行います。',
    "fix.chain_order.server": "サーバー証明書を先頭に、続けて各発行者の証明書を順番に1回ずつ送信してくださ"
    "い。チェーンに属さない証明書は削除します。",
    "fix.invalid_chain.server": "問題のあるCA証明書は basicConstraints CA:TRUE（critical）"
    "と keyUsage keyCertSign を付けて、サーバー証明書は extendedKeyUsage serverAuth を付けて再発行してくださ"
    "い。",
    "fix.hostname.server": "subjectAltName に {host} を含む証明書を使ってください（このSNI名に対してサーバー"
    "がどの証明書を選んでいるかも確認してください）。",
    "fix.hostname.cn_only": "subjectAltName に {host} を含めて証明書を再発行してください。"
    "公的なCAはすべてすでにそうしているため、これはプライベートCAの証明書か古い証明書です。",
    "fix.hostname.client": "証明書がカバーしている名前（{names}）で接続してください。"
    "ホスト名の検証は無効にしないでください。",
    "fix.expired.leaf": "サーバーで証明書を更新し、サーバーをリロードしてください（certbot renew "
    "を実行してから nginx / Apache をリロード）。",
    "fix.expired.ca": "CAが提供する現行の中間証明書をサーバーにインストールしてください。"
    "クライアントではルート証明書ストアを更新します（pip install -U certifi; update-ca-certificates）。",
    "fix.not_yet_valid.leaf": "日付が正しい場合は、有効になるまで待つか、正しい notBefore で証明書を再発行し"
    "てください。",
    "fix.not_yet_valid.ca": "現時点で有効なCA証明書を送信するか、このマシンの時計を修正してください。",
    "fix.check_clock": "このマシンの時計とタイムゾーンを確認し、時刻同期を有効にしてください（timedatectl "
    "set-ntp true; Windows では w32tm /resync）。",
    "fix.weak_crypto.server": "RSA 2048ビット以上または ECDSA P-256 の鍵と、SHA-256 の署名で証明書を再発行し"
    "てください。",
    "fix.weak_crypto.client": "この証明書を受け入れるために、クライアントのセキュリティレベル（@SECLEVEL）"
    "を下げないでください。",
    "fix.unexplained": "OpenSSL自身による証明書チェーンの検証結果と比較してください。",
    "fix.offline.probe": "ホストに対して sslexplain を実行し、このうちどれが原因かを実際に確認してください。",
    # --- offline explanations (no handshake) ---
    "offline.missing_root.summary": "クライアントのトラストストアにルートCA証明書がない可能性があります。",
    "offline.missing_root.explanation": "コード {code} は、信頼できる発行者が見つからなかったことを意味しま"
    "す。OSやブラウザにはあっても、このPythonのトラストストアにはルート証明書がない（古い certifi、"
    "最小構成のコンテナ）ことがよくあります。",
    "offline.missing_root.fix": "CAバンドルを更新するか（pip install -U certifi; apt install "
    "ca-certificates; update-ca-certificates）、truststore でOSのトラストストアを使ってください。",
    "offline.self_signed.summary": "サーバーが自己署名証明書を提示しています。",
    "offline.self_signed.explanation": "コード {code}：サーバー証明書が自分自身で署名されています。",
    "offline.self_signed.fix": 'その証明書だけを信頼する（verify="server.pem"）か、'
    "CAが発行した証明書を使ってください。",
    "offline.untrusted_root.summary": "証明書チェーンが、クライアントの信頼していないルートで終わっていま"
    "す。",
    "offline.untrusted_root.explanation": "コード {code}：証明書チェーンが、クライアントのトラストストアにな"
    "いルートCAにつながっています。プライベートCA、社内CA、またはSSLインターセプトを行うプロキシのCAです。",
    "offline.untrusted_root.fix": "社内のルートCA証明書をクライアントの信頼リストに追加するか（verify=、"
    "REQUESTS_CA_BUNDLE）、truststore でOSのトラストストアを使ってください。",
    "offline.incomplete_chain.summary": "サーバーが中間証明書を送信していない可能性があります。",
    "offline.incomplete_chain.explanation": "コード {code}：クライアントがサーバー証明書の発行者を見つけられ"
    "ませんでした。最も多い原因は、サーバーが自身の証明書しか送信していないことです。",
    "offline.incomplete_chain.fix": "送信される証明書チェーンを確認し（openssl s_client -showcerts）、"
    "サーバーに完全なチェーンを設定してください。",
    "offline.chain_order.summary": "サーバーの証明書チェーンの順序が不正な可能性があります。",
    "offline.chain_order.explanation": "証明書が誤った順序で送信されている可能性があります。",
    "offline.chain_order.fix": "サーバー証明書を先頭に、続けて各発行者の証明書を順番に送信してください。",
    "offline.invalid_chain.summary": "証明書チェーン内のCA証明書が、その役割を担うことを認められていません。",
    "offline.invalid_chain.explanation": "コード {code}：検証パス上の証明書が、basicConstraints、keyUsage、"
    "extendedKeyUsage、またはパス長の規則（あるいは Python 3.13 の厳格なチェック）に違反しています。",
    "offline.invalid_chain.fix": "問題のあるCA証明書またはサーバー証明書を、正しい拡張を付けて再発行してくだ"
    "さい。",
    "offline.hostname_mismatch.summary": "証明書は、クライアントが使った名前に対して有効ではありません。",
    "offline.hostname_mismatch.explanation": "コード {code}：ホスト名が証明書の subjectAltName "
    "に含まれていません（最近のクライアントは CN を無視します）。",
    "offline.hostname_mismatch.fix": "証明書がカバーしている名前を使うか、この名前用の証明書をサーバーに設定"
    "してください。",
    "offline.expired.summary": "証明書チェーン内に有効期限切れの証明書があります（またはこのマシンの時計が進"
    "んでいます）。",
    "offline.expired.explanation": "コード {code}：このマシンの時刻では、検証パス上の証明書が notAfter "
    "の日付を過ぎています。",
    "offline.expired.fix": "サーバーで証明書を更新してください。このマシンの時計も確認してください。",
    "offline.not_yet_valid.summary": "まだ有効になっていない証明書があります（またはこのマシンの時計が遅れて"
    "います）。",
    "offline.not_yet_valid.explanation": "コード {code}：このマシンの時刻では、"
    "証明書の notBefore の日付が未来になっています。通常は、時計が間違っていることを意味します。",
    "offline.not_yet_valid.fix": "このマシンの時計を確認し、時刻同期を有効にしてください。",
    "offline.clock_skew.summary": "このマシンの時計が間違っている可能性があります。",
    "offline.clock_skew.explanation": "有効期間に関するエラーは、システム時刻の誤りが原因であることがよくあり"
    "ます。",
    "offline.clock_skew.fix": "日付を確認し、時刻同期を有効にしてください（timedatectl set-ntp true）。",
    "offline.revoked.summary": "サーバー証明書は失効しています。",
    "offline.revoked.explanation": "コード {code}：失効情報（OCSP または CRL）によると、"
    "CAがこの証明書を失効させています。",
    "offline.revoked.fix": "サーバーに新しい証明書をインストールする必要があります。",
    "offline.interception.summary": "プロキシやウイルス対策ソフトがTLS通信を傍受している（SSLインターセプト）"
    "可能性があります。",
    "offline.interception.explanation": "社内ネットワークや一部のウイルス対策製品では、"
    "中継機器がサーバーの証明書を独自の証明書に差し替えます。その証明書は、Pythonが信頼していないルートで署名"
    "されています。",
    "offline.interception.fix": "別のネットワークで結果を比較してください。"
    "社内プロキシがSSLインターセプトを行っている場合は、そのルート証明書を正しく信頼させます（truststore、"
    "または公開ルート証明書に社内ルートを加えたCAバンドルを REQUESTS_CA_BUNDLE で指定）。",
    "offline.address_mismatch.summary": "ホストのアドレスごとに異なる証明書が返されている可能性があります。",
    "offline.address_mismatch.explanation": "IPv4とIPv6（または複数のサーバー）"
    "で設定が揃っていない場合があります。",
    "offline.address_mismatch.fix": "sslexplain を実行して、ホストのすべてのアドレスを調べてください。",
    "offline.python_environment.summary": "このPythonの証明書設定に問題がある可能性があります。",
    "offline.python_environment.explanation": "SSL_CERT_FILE、REQUESTS_CA_BUNDLE、古い certifi、"
    "または空のデフォルトストアが原因で、curl やブラウザでは成功する接続がPythonでは失敗します。",
    "offline.python_environment.fix": "sslexplain env を実行して、このPythonのTLS設定を確認してください。",
    "offline.weak_crypto.summary": "証明書チェーンに、弱すぎる鍵または署名が使われています。",
    "offline.weak_crypto.explanation": "コード {code}：OpenSSLのセキュリティレベルにより、"
    "短いRSA鍵やSHA-1署名が拒否されています。",
    "offline.weak_crypto.fix": "サーバー側で、十分な強度の鍵と SHA-256 を使って証明書を再発行する必要がありま"
    "す。",
    "offline.unreachable.summary": "サーバーに接続できませんでした。",
    "offline.unreachable.explanation": "TLS接続は確立されていません。",
    "offline.unreachable.fix": "ホスト、ポート、ネットワークを確認してください。",
    "offline.handshake_failure.summary": "TLSハンドシェイクが証明書以外の理由で失敗しました。",
    "offline.handshake_failure.explanation": "エラーに証明書検証のコードが含まれていません。",
    "offline.handshake_failure.fix": "詳細を確認するには、ホストに対して sslexplain を実行してください。",
    # --- rendering ---
    "cli.no_completed_chain": "書き出せる補完済みの証明書チェーンがありません（チェーンが不完全ではないか、AIA で補完できませんでした）",
    "cli.wrote_chain": "補完した証明書チェーンを {path} に書き出しました",
    "cli.no_error_text": "エラーメッセージが指定されていません",
    "render.ok": "OK: {host} は検証に成功しました。問題はありません。",
    "render.ok_warnings": "OK: {host} は検証に成功しました（警告 {count} 件）。",
    "render.problem": "問題: {summary}",
    "render.clients": "このマシンのクライアント",
    "render.addresses": "ホストのアドレス",
    "render.verifies": "検証成功",
    "render.fails": "検証失敗",
    "render.unreached": "到達不可",
    "render.no_cause": "原因を特定できませんでした。",
    "render.evidence": "根拠",
    "render.fixes": "対処",
    "render.chain": "{address} が送信した証明書チェーン",
    "render.no_chain": "証明書を受信しませんでした。",
    "render.completed_chain": "補完した証明書チェーン（--write-chain FILE で書き出せます）",
    "render.audience.client": "クライアント",
    "render.audience.server": "サーバー",
    "render.audience.network": "ネットワーク",
    "render.severity.error": "エラー",
    "render.severity.warning": "警告",
    "render.valid": "有効期間 {start} → {end}",
    "render.issuer": "発行者",
    "render.sans": "名前",
    "render.key": "鍵",
    "render.offline": "（オフライン：エラーメッセージのみに基づく説明）",
}
