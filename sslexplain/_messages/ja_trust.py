"""Pure: Japanese messages of the trust family; keys and placeholders match ``en_trust.py``."""

MESSAGES: dict[str, str] = {
    # client verdicts
    "verdict.measured": "実測: 検証エラーコード {code}、{message}",
    "verdict.store_error": "接続前に失敗します: {error}",
    "verdict.no_root": "このストアに「{root}」がありません",
    "verdict.same_failure": "診断対象のクライアントと同じ理由で失敗します: {message}",
    "verdict.expired": "「{name}」の有効期限が切れています",
    "verdict.not_yet_valid": "「{name}」はまだ有効期間前です",
    "verdict.hostname": "証明書に {host} が含まれていません",
    # statuses of a configured path
    "status.ok": "読み込めます",
    "status.missing": "存在しません",
    "status.unreadable": "読み込めません",
    "status.empty": "空のファイルです",
    "status.not_pem": "PEM 形式の証明書を含んでいません",
    "status.no_certs": "ハッシュ名（c_rehash）の証明書を含まないディレクトリです",
    # evidence
    "ev.trust.root_missing": "チェーンはルート証明書「{root}」で終わりますが、{client} のトラストストア（{store}）には含まれていません。",
    "ev.trust.found_in": "このマシンの他のクライアントは「{root}」を信頼しており、このチェーンを検証できます: {stores}。",
    "ev.trust.bad_path": "{setting} は {path} を指していますが、このパスは{status}。",
    "ev.trust.empty_store": "Python のデフォルトコンテキストは {store} から CA 証明書を1枚も読み込めません。",
    "ev.trust.tiny_bundle": "CAバンドル {store} には証明書が {count} 枚しかありません。公開ルート証明書に追加されるのではなく、置き換えてしまいます。",
    "ev.trust.certifi_older": "certifi {version} はこのルート証明書の発行日（{issued}）より前のリリースです。",
    "ev.trust.truststore_not_injected": "truststore {version} はインストール済みですが注入されていないため、"
    "このクライアントはチェーンを検証できる OS の証明書ストアを使っていません。",
    "ev.env.breaks": "このためにすべてのサイトで失敗するクライアント: {clients}。",
    "ev.env.setting": "{setting} による設定: {path}。",
    "ev.env.old_certifi": "certifi {version} は {days} 日前のものです。その後 Mozilla のストアに追加されたルート証明書がありません。",
    "ev.env.old_openssl": "この Python は {openssl} とリンクされています。",
    # causes
    "missing_root.summary": "{client} のトラストストアにルート証明書「{root}」がありません（このマシンの {found} は信頼しています）。",
    "missing_root.explanation": "サーバーのチェーンに問題はなく、このマシンの別のトラストストアにあるルート証明書で終わっています。"
    "Python のクライアントは1つのストアを共有していません（ssl は OpenSSL のパス、requests と httpx は certifi "
    "または独自の環境変数を使います）。失敗したクライアントにこのルート証明書が入っていないだけです。",
    "python_environment.bad_path.summary": "{setting} が指す {path} は{status}。",
    "python_environment.bad_path.explanation": "この Python の証明書設定が CA 証明書の得られないパスを指しているため、"
    "その設定を読むクライアントは、他のクライアントなら検証できるサーバーを検証できません。",
    "python_environment.empty_store.summary": "Python のデフォルトのトラストストアが空です。",
    "python_environment.empty_store.explanation": "この Python の OpenSSL が参照する場所（{store}）に CA 証明書がありません。"
    "ca-certificates の入っていない最小構成のコンテナや、「Install Certificates.command」を実行していない "
    "python.org 版 macOS の Python がよくある原因です。",
    "python_environment.tiny_bundle.summary": "CAバンドル {store} には証明書が {count} 枚しかありません。",
    "python_environment.tiny_bundle.explanation": "クライアントに渡したバンドルはデフォルトのルート証明書を置き換えます。"
    "社内やプライベートのルート証明書だけのバンドルでは、すべての公開サイトで検証に失敗します。公開ルート証明書と結合してください。",
    "python_environment.old_certifi.summary": "certifi {version} が古くなっています。",
    "python_environment.old_certifi.explanation": "certifi は Mozilla のルートストアの複製です。古いリリースには新しいルート証明書がなく、"
    "削除されたルート証明書が残っています。",
    "python_environment.old_openssl.summary": "{openssl} は urllib3 2 や最近の証明書チェーンには古すぎます。",
    "python_environment.old_openssl.explanation": "urllib3 2（requests）は OpenSSL 1.1.1 以降が必要です。"
    "古い OpenSSL や LibreSSL はクロス署名されたチェーンも正しく扱えません。",
    # fixes
    "fix.trust.point_setting": "{setting} をルート証明書を含むバンドル（{path}）に向けてください。",
    "fix.trust.unset": "または設定を削除して、クライアントにデフォルトのストアを使わせてください。",
    "fix.trust.combine": "公開ルート証明書（{path}）と自組織のルート証明書を1つのバンドルにまとめ、それをクライアントに渡してください。",
    "fix.trust.use_bundle": "ルート証明書を含むバンドル（{path}）をクライアントに渡してください。requests なら "
    "REQUESTS_CA_BUNDLE、ssl と httpx なら SSL_CERT_FILE を設定するか、cafile / verify に指定します。",
    "fix.trust.truststore": "または OS の証明書ストアで検証します: truststore をインストールし、プログラムの開始時に "
    "truststore.inject_into_ssl() を呼び出してください。",
    "fix.trust.upgrade_certifi": "certifi を更新して、現在の Mozilla のルート証明書を取り込んでください。",
    "fix.trust.macos_certificates": "python.org 版 macOS の Python では、Install Certificates.command を一度実行してください。",
    "fix.trust.linux_store": "システムの CA ストアをインストール・更新してください（例は Debian/Ubuntu。RHEL/Fedora は "
    "dnf reinstall ca-certificates && update-ca-trust、Alpine は apk add ca-certificates）。",
    "fix.env.new_python": "OpenSSL 1.1.1 または 3.x でビルドされた Python（python.org、ディストリビューション、conda、uv の "
    "ビルドなど）を使ってください。",
    # roots removed from Mozilla's store (sslexplain/_removed_roots.py has the sources)
    "removed.dst_x3.when": "2021-09-30 に有効期限が切れ、2022 年に Mozilla のストア（と certifi）から削除されました",
    "removed.dst_x3.reason": "Let's Encrypt の旧クロス署名の、期限切れのルート証明書です",
    "removed.dst_x3.instead": "ISRG Root X1。クロス署名された ISRG Root X1 証明書を含めないチェーンを送信してください",
    "removed.trustcor.when": "certifi 2022.12.07 で削除されました",
    "removed.trustcor.reason": "Mozilla の調査の結果、TrustCor は信頼されなくなりました（CVE-2022-23491）",
    "removed.trustcor.instead": "公的に信頼された別の CA の証明書",
    "removed.etugra.when": "certifi 2023.07.22 で削除されました",
    "removed.etugra.reason": "システムのセキュリティ問題により、Mozilla は e-Tugra を削除しました（CVE-2023-37920）",
    "removed.etugra.instead": "公的に信頼された別の CA の証明書",
    "removed.globaltrust.when": "certifi 2024.07.04 で削除されました",
    "removed.globaltrust.reason": "長期にわたる準拠違反により、Mozilla は GLOBALTRUST を削除しました（CVE-2024-39689）",
    "removed.globaltrust.instead": "公的に信頼された別の CA の証明書",
    "ev.trust.removed_root": "ルート証明書「{root}」は{when}。理由: {reason}（出典: {source}）。",
    "fix.trust.removed_root": "サーバー側でチェーンを変更する必要があります: {instead}。削除されたルート証明書を追加し直さないでください。",
    "ev.trust.private_root": "このマシンのどのトラストストアにも「{root}」はなく（{count} 個のストアを確認）、certifi {version} の"
    "公開ルート証明書にも含まれていません。プライベートまたは社内の CA と思われます。追加する場合は意図して行ってください: "
    "情報システム部門から証明書を入手し、フィンガープリントを確認してからクライアントに指定します。",
    "ev.trust.public_unknown": "このマシンのどのトラストストアにも「{root}」はありません（{count} 個のストアを確認）。",
    # Python 3.13 strict X.509 checks (VERIFY_X509_STRICT)
    "invalid_chain.strict.summary": "Python の厳格な X.509 検査（VERIFY_X509_STRICT）が {host} の証明書チェーン内の"
    "証明書を拒否しています。",
    "invalid_chain.strict.explanation": "Python 3.13 以降、ssl.create_default_context() は VERIFY_X509_STRICT を設定し、"
    "RFC 5280 の規則を厳密に適用します。社内 CA や通信を傍受する製品の CA の多くはこの規則を守っていません。"
    "チェーンが偽造されたわけではなく、CA 証明書の発行方法に問題があります。",
    "ev.strict.bc_not_critical": "{cert}: Basic Constraints が critical になっていません。",
    "ev.strict.no_aki": "{cert}: Authority Key Identifier がありません。",
    "ev.strict.no_ski": "{cert}: CA 証明書に Subject Key Identifier がありません。",
    "ev.strict.no_key_usage": "{cert}: CA 証明書に Key Usage 拡張がありません。",
    "ev.strict.others_accept": "Python 3.13 より前（この Python は {python}）、curl、ブラウザはこれらを検査せず、"
    "このチェーンを受け入れます。",
    "fix.strict.reissue": "CA 証明書を正しく再発行し（Basic Constraints を critical に、Authority / Subject Key "
    "Identifier と Key Usage を付与）、新しいチェーンを設定してください。",
    "fix.strict.client": "それまでは、このクライアントのコンテキストでこのフラグだけを外してください。検証自体は有効なままです。",
    # sslexplain env
    "env.title": "この Python の TLS 設定",
    "env.compiled": "ビルド時 {version}",
    "env.security_level": "セキュリティレベル",
    "env.default_cafile": "デフォルトの CA ファイル",
    "env.default_capath": "デフォルトの CA ディレクトリ",
    "env.variables": "環境変数",
    "env.none": "（設定なし）",
    "env.paths": "設定された CA のパス",
    "env.status.ok": "証明書 {count} 枚",
    "env.status.missing": "存在しません",
    "env.status.unreadable": "読み込めません",
    "env.status.empty": "空のファイル",
    "env.status.not_pem": "PEM 形式の証明書がありません",
    "env.status.no_certs": "ハッシュ名の証明書がありません",
    "env.packages": "パッケージ",
    "env.injected": "truststore は ssl に注入されています",
    "env.not_injected": "truststore はインストール済みですが注入されていません",
    "env.clients": "クライアントごとのトラストストア",
    "env.store_count": "証明書 {count} 枚",
    "env.no_problem": "問題は見つかりませんでした。",
    "env.problems": "見つかった問題（{count} 件）",
    "env.fix": "対処",
    # --- 既知のバージョン由来の不具合（_analyze_versions.py） ---
    "ev.version.requests_range": "requests {version} がインストールされています。2.32.0〜2.32.4 では、HTTPAdapter のサブクラスが urllib3 に渡す SSLContext にデフォルトのCA証明書が読み込まれません（psf/requests#6730）。",
    "ev.version.reported": "報告されたエラーは検証コード {code}（「{message}」）で、CA証明書をひとつも持たないコンテキストで起きるエラーと一致します。",
    "ev.version.requests_store_ok": "このマシンでは、requests が自分で読み込むトラストストア（{clients}）で証明書チェーンを検証できます。CA証明書が欠けていたのはこのマシンではなく、失敗したコードが作ったコンテキストです。",
    "ev.version.urllib3_cn": "urllib3 {version} がインストールされています（requests が使用）。urllib3 2.0 以降はホスト名の照合に CN を使いません。urllib3 1.26 や Python 3.13 より前の ssl は CN にフォールバックしていたため、古い環境ではこの証明書が受け入れられていました。",
    "python_environment.requests_2_32.summary": "requests {version} では、HTTPAdapter に渡した独自の SSLContext にCA証明書が入りません。",
    "python_environment.requests_2_32.explanation": "クライアント証明書や暗号スイート、TLSバージョンの指定のために ssl_context 付きの独自 HTTPAdapter をマウントするコードは、以前の requests ではデフォルトのCA証明書が自動で読み込まれていたため動作していました。これらのリリースではコンテキストが空のままになり、どのサーバーに対しても「unable to get local issuer certificate」で失敗します。",
    "fix.version.load_default_certs": "作成するコンテキストにCA証明書を読み込んでください：context.load_verify_locations(certifi.where())、またはシステムのトラストストアなら context.load_default_certs()。",
    "fix.version.upgrade_requests": "または requests を 2.32.4 より新しいバージョンに更新してください。",
    "ev.version.pip_25_0": "pip {version} がインストールされています。pip 25.0 はビルド依存パッケージをインストールする内部の pip に自分の CAバンドル（--cert）を渡すため、そこでは truststore と OS のトラストストアが使われません。本体のインストールでは使われます（pypa/pip#13186、25.0.1 で修正）。",
    "python_environment.pip_25_0.summary": "pip {version} は OS のトラストストアを使わずにビルド依存パッケージをインストールします。",
    "python_environment.pip_25_0.explanation": "プロキシ配下や OS だけが信頼する社内ルートCAの環境では、pip 25.0 はパッケージ本体のダウンロードには成功しても、ビルド依存パッケージ（setuptools、hatchling など）のインストールで失敗します。内部の pip には pip 自身の certifi バンドルが渡されるためです。",
    "fix.version.upgrade_pip": "pip を 25.0.1 以降に更新してください。",
    "fix.version.pip_cert": "または、ルート証明書を含むバンドル（公開ルートCA＋社内ルートCA）を PIP_CERT か pip config set global.cert で pip に指定してください。",
}
