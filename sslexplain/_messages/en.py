"""Pure: English messages. Keys are stable ids; ``ja.py`` has the same keys and placeholders."""

MESSAGES: dict[str, str] = {
    # --- words used inside other messages ---
    "role.leaf": "server certificate",
    "role.ca": "CA certificate",
    "where.served": "#{index} as served",
    "where.elsewhere": "not sent by the server",
    "label.cert": '{role} "{name}" ({where})',
    "purpose.capture": "capture handshake (no verification)",
    "purpose.verify": "verifying handshake (the client's settings)",
    "source.served": "sent by the server",
    "source.aia": "downloaded from the AIA URL",
    "source.store": "from the trust store",
    # --- evidence ---
    "ev.verify_ok": "A verifying handshake with the client's trust store ({store}) succeeded.",
    "ev.verify_code": "A verifying handshake with the client's trust store ({store}) failed with OpenSSL "
    'verify code {code}: "{message}".',
    "ev.dns_failed": "DNS lookup failed: {error}.",
    "ev.unreachable.dns": "The name {address} could not be resolved ({error}).",
    "ev.unreachable.refused": "TCP connection to {address} port {port} was refused: nothing listens there.",
    "ev.unreachable.connect": "TCP connection to {address} port {port} failed: {error}.",
    "ev.unreachable.timeout": "No TCP connection to {address} port {port} within {seconds} s.",
    "ev.unreachable.handshake_timeout": "TCP to {address} port {port} connected, but the server did not answer "
    "the TLS ClientHello within {seconds} s.",
    "ev.tls_error": "The {purpose} to {address} failed: {message}.",
    "ev.certificate_requested": "The server sent a CertificateRequest during the handshake: it asks the "
    "client to authenticate with a certificate.",
    "ev.capture_ok": "A handshake with relaxed settings did succeed ({version}, {cipher}), so the server does "
    "speak TLS.",
    "ev.self_signed": 'The server sent {count} certificate(s); the first, "{subject}", is signed by its own key '
    "(issuer = subject).",
    "ev.not_in_store": "That certificate is not in the client's trust store ({store}).",
    "ev.chain_ends_at_root": 'The chain ends at the self-signed root "{root}" ({source}).',
    "ev.issuer_unknown": '"{subject}" was issued by "{issuer}", which the server did not send and no trust '
    "store here contains.",
    "ev.root_not_in_store": '"{root}" is not in the client\'s trust store ({store}).',
    "ev.served_chain": "The server sent {count} certificate(s): {names}.",
    "ev.issuer_not_sent": 'The issuer of "{subject}", "{issuer}", was not sent and is not in the trust store.',
    "ev.aia_ok": "Downloaded the missing issuer from the certificate's AIA URL {url}.",
    "ev.aia_failed": "The certificate's AIA URL {url} did not give the issuer: {error}.",
    "ev.no_aia": "The certificate has no AIA caIssuers URL, so no client can download the missing issuer.",
    "ev.aia_completes": "With the downloaded intermediate the chain verifies against the trust store ({store}). "
    "Browsers fill the gap themselves; Python, curl and most other clients do not.",
    "ev.duplicate": 'Certificate #{index} ("{subject}") is sent twice.',
    "ev.unrelated": 'Certificate #{index} ("{subject}") does not belong to this chain.',
    "ev.out_of_order": "The served certificates form the chain in the order {order}, not 0 → 1 → 2 ….",
    "ev.critical_extension": "The {cert} has a critical extension {oid} that verifiers do not understand, so they must reject it.",
    "ev.name_constraints": "The {cert} may only issue certificates for names inside its name constraints; {name} is outside them.",
    "ev.eku": 'The server certificate "{subject}" is limited to {ekus}; TLS servers need serverAuth.',
    "ev.ca.no_basic_constraints": "The {cert} has no basicConstraints extension, so it is not allowed to act as a CA.",
    "ev.ca.not_ca": "The {cert} is marked CA:FALSE but signs another certificate in the chain.",
    "ev.ca.path_length": "The {cert} has a pathLenConstraint that this chain exceeds.",
    "ev.ca.key_usage": "The keyUsage of the {cert} lacks keyCertSign, so it is not allowed to sign certificates.",
    "ev.ca.eku": "The extended key usage of the {cert} does not allow serverAuth.",
    "ev.name.cn_only": "The certificate has no subjectAltName; its CN matches {host}, but modern clients "
    "(urllib3 2 / requests, Python 3.13, browsers) ignore the CN.",
    "ev.name.cn_only_mismatch": "The certificate has no subjectAltName and its CN ({names}) does not match {host} "
    "either.",
    "ev.name.wildcard_depth": "The wildcard {closest} covers exactly one label, so it does not match {host}.",
    "ev.name.ip_not_in_san": "{host} is an IP address and the certificate lists no matching IP address SAN "
    "(names: {names}).",
    "ev.name.not_listed": "{host} is not among the certificate's names: {names}.",
    "ev.expired": "The {cert} expired on {when} ({days} days before this check).",
    "ev.not_yet_valid": "The {cert} is valid only from {when} ({days} days after this check).",
    "ev.observed_at": "This machine's clock read {now} during the check.",
    "ev.weak_key": "The {cert} has a weak key: {key}.",
    "ev.weak_hash": "The {cert} is signed with {hash}, which OpenSSL rejects at its default security level.",
    "ev.partial_chain": 'The client\'s trust store ({store}) holds the intermediate "{name}" but not the root above it; OpenSSL wants a self-signed root at the end of the chain (Python 3.13 relaxes this with VERIFY_X509_PARTIAL_CHAIN), so add the root to the bundle.',
    "ev.unexplained": "The certificates themselves show no defect that explains this code.",
    "ev.reported": 'The reported error is OpenSSL verify code {code}: "{message}".',
    "ev.reported_text": 'The reported error says: "{message}".',
    "ev.closed_without_answer": "the server closed the connection without answering",
    "ev.offline.public_host": "{host} serves a complete, publicly trusted chain to everyone; when a client here cannot find the issuer, the cause is almost always on this side: a proxy or antivirus that intercepts TLS, or this Python's trust store.",
    "ev.offline": "No connection was made (offline explanation); the causes are the ones this code usually "
    "means, most likely first.",
    "ev.not_reproduced": "The reported error had verify code {reported}; probing now gives {now}: the failure "
    "may depend on the address, the client's settings, or may be intermittent.",
    "ev.not_reproduced_ok": "Probing now, the server verifies with this machine's default store: the reported "
    "failure probably depends on the failing client's environment (its CA bundle, a proxy) or was intermittent.",
    # --- causes: summary and explanation ---
    "unreachable.summary": "{host} could not be reached on port {port}: no TLS handshake happened.",
    "unreachable.explanation": "This is not a certificate problem yet: the client never got as far as TLS.",
    "unreachable.dns.summary": "The name {host} could not be resolved.",
    "unreachable.dns.explanation": "DNS gave no address for this name, so no connection was attempted.",
    "unreachable.silent.summary": "{host} accepts TCP on port {port} but never answers the TLS handshake.",
    "unreachable.silent.explanation": "A firewall, a load balancer without a backend, or a service that is not "
    "TLS and waits for the client to speak first can do this.",
    "handshake_failure.summary": "The TLS handshake with {host} failed for a reason other than the certificate.",
    "handshake_failure.explanation": "The connection ended before the certificate could be checked.",
    "handshake_failure.client_cert.summary": "{host} requires a client certificate (mutual TLS).",
    "handshake_failure.client_cert.explanation": "The server asked the client to authenticate with its own "
    "certificate and ended the handshake when none was sent. The server's certificate is not the problem.",
    "handshake_failure.protocol.summary": "The client and {host} share no TLS protocol version.",
    "handshake_failure.protocol.explanation": "The server only offers TLS versions that the client refuses "
    "(OpenSSL 3 refuses TLS 1.0 and 1.1 by default), or the other way round.",
    "handshake_failure.cipher.summary": "The client and {host} share no cipher suite.",
    "handshake_failure.cipher.explanation": "The server's cipher suites are all outside what the client allows "
    "at its security level.",
    "handshake_failure.not_tls.summary": "{host} does not speak TLS on port {port}.",
    "handshake_failure.not_tls.explanation": "The answer was not a TLS record: usually plain HTTP on this port "
    "(https:// used for an http:// service), or another protocol.",
    "handshake_failure.closed.summary": "{host} closed the connection during the TLS handshake.",
    "handshake_failure.closed.explanation": "The server (or something in front of it) hung up without a TLS "
    "alert: often an unknown SNI name, a filtering firewall, or an overloaded server.",
    "handshake_failure.other.summary": "The TLS handshake with {host} failed.",
    "handshake_failure.other.explanation": "The handshake failed for a reason other than certificate "
    "verification; the evidence has OpenSSL's own words.",
    "self_signed.summary": "{host} presents a self-signed certificate that the client does not trust.",
    "self_signed.explanation": "A self-signed certificate vouches only for itself. A client accepts it only when "
    "that exact certificate is in its trust store.",
    "untrusted_root.summary": 'The chain ends at "{root}", a root that the client\'s trust store does not have.',
    "untrusted_root.explanation": "The chain itself is complete, but it leads to a private, corporate or "
    "unknown root CA. Only clients that were given this root trust it.",
    "incomplete_chain.summary": '{host} does not send the intermediate certificate "{missing}".',
    "incomplete_chain.explanation": "The server must send its certificate together with every intermediate up to "
    "a root. This one sends an incomplete chain, so clients cannot connect its certificate to a trusted root.",
    "incomplete_chain.aia.summary": '{host} does not send the intermediate certificate "{missing}" '
    "(browsers download it, Python does not).",
    "incomplete_chain.aia.explanation": "The server sends an incomplete chain. Browsers fetch the missing "
    "intermediate from the URL in the certificate (AIA), so the site works there; Python, curl, Java and most "
    "tools never do, and fail.",
    "incomplete_chain.aia_untrusted.summary": '{host} does not send the intermediate "{missing}", and its '
    "root is not trusted either.",
    "incomplete_chain.aia_untrusted.explanation": "Even with the intermediate downloaded from the AIA URL, the "
    "chain ends at a root that the client does not trust.",
    "chain_order.summary": "{host} sends its chain out of order, with a duplicate, or with unrelated certificates.",
    "chain_order.explanation": "Most clients sort this out themselves, but older and stricter ones fail, and an "
    "unrelated certificate usually means the wrong file is configured.",
    "invalid_chain.summary": "A certificate in the chain of {host} is not allowed to play its role.",
    "invalid_chain.explanation": "Each CA certificate must be marked as a CA (basicConstraints), be allowed to "
    "sign certificates (keyUsage), and the server certificate must allow serverAuth. One of these is violated.",
    "hostname_mismatch.summary": "The certificate is not valid for the name {host}.",
    "hostname_mismatch.explanation": "The client checks that the name it connected to is in the certificate's "
    "subjectAltName list.",
    "hostname_mismatch.cn_only.summary": "The certificate of {host} has no subjectAltName; modern clients no "
    "longer look at its CN.",
    "hostname_mismatch.cn_only.explanation": "The host name appears only in the subject's common name. Python "
    "3.13, urllib3 2 (and so requests), Go and browsers ignore the CN, so the name does not match.",
    "hostname_mismatch.cn_only_mismatch.summary": "The certificate is not valid for {host} (and has no "
    "subjectAltName).",
    "hostname_mismatch.cn_only_mismatch.explanation": "The certificate names neither this host in a SAN nor in "
    "its CN.",
    "hostname_mismatch.wildcard_depth.summary": "The wildcard certificate does not cover {host}.",
    "hostname_mismatch.wildcard_depth.explanation": "A wildcard matches exactly one label: *.example.com "
    "matches www.example.com but neither example.com nor a.b.example.com.",
    "hostname_mismatch.ip_not_in_san.summary": "The certificate is not valid for the IP address {host}.",
    "hostname_mismatch.ip_not_in_san.explanation": "When you connect by IP address the certificate must list "
    "that address as an IP subjectAltName; DNS names and the CN do not count.",
    "hostname_mismatch.not_listed.summary": "The certificate is not valid for {host}; it is for {names}.",
    "hostname_mismatch.not_listed.explanation": "The name the client connected to is not among the names the "
    "certificate was issued for: the wrong certificate is served, or the wrong name is used.",
    "expired.summary": "A certificate in the chain of {host} has expired.",
    "expired.explanation": "Every certificate of the path must be within its validity period.",
    "expired.leaf.summary": "The certificate of {host} expired on {when}.",
    "expired.leaf.explanation": "The server certificate is past its notAfter date. It must be renewed on the "
    "server; nothing on the client side can fix it safely.",
    "expired.ca.summary": 'The CA certificate "{subject}" in the chain of {host} expired on {when}.',
    "expired.ca.explanation": "An intermediate or root of the path is past its notAfter date. The server "
    "should send the current intermediate (and the client may need a newer root store).",
    "not_yet_valid.summary": "A certificate in the chain of {host} is not valid yet.",
    "not_yet_valid.explanation": "A certificate's notBefore date is in the future by this machine's clock.",
    "not_yet_valid.leaf.summary": "The certificate of {host} is not valid until {when}.",
    "not_yet_valid.leaf.explanation": "The server certificate's notBefore date is in the future: either it was "
    "issued with a future date, or this machine's clock is behind.",
    "not_yet_valid.ca.summary": 'The CA certificate "{subject}" is not valid until {when}.',
    "not_yet_valid.ca.explanation": "A CA certificate of the path has a notBefore date in the future: either it "
    "was issued that way, or this machine's clock is behind.",
    "weak_crypto.summary": "The chain of {host} uses a key or signature that OpenSSL considers too weak.",
    "weak_crypto.explanation": "OpenSSL's security level (2 on most current systems) rejects RSA keys under "
    "2048 bits and SHA-1 signatures. Such certificates must be reissued.",
    "revoked.summary": "The certificate of {host} has been revoked.",
    "revoked.explanation": "The CA withdrew this certificate before its expiry date; it must be replaced.",
    "revoked.unavailable.summary": "The revocation status of the certificate of {host} could not be checked.",
    "revoked.unavailable.explanation": "The client checks revocation (CRL or OCSP) and could not get or trust the revocation data: it is missing, expired or badly signed. The certificate itself may be fine.",
    "offline.revoked_unavailable.summary": "The revocation status (CRL or OCSP) could not be checked.",
    "offline.revoked_unavailable.explanation": "Code {code}: the client checks revocation and the CRL or OCSP answer was missing, expired or not trusted; this says nothing yet about the certificate itself.",
    "offline.revoked_unavailable.fix": "Check that the CRL / OCSP URLs in the certificate are reachable from here; if the client loads CRLs itself, refresh them.",
    # --- fixes ---
    "fix.never_disable": "Do not set verify=False or CERT_NONE: it accepts any attacker's certificate as well. "
    'Give the client the right CA instead (verify="/path/ca.pem" or REQUESTS_CA_BUNDLE).',
    "fix.unreachable.check": "Check the host name and port, and that the service runs: the error is about "
    "reaching {host}, not about its certificate.",
    "fix.unreachable.network": "If this network needs a proxy, set HTTPS_PROXY; otherwise check the firewall "
    "between this machine and {host}.",
    "fix.handshake.client_cert.client": "Give the client its certificate and key, e.g. requests.get(url, "
    'cert=("client.pem", "client.key")) or ctx.load_cert_chain(...).',
    "fix.handshake.client_cert.server": "If clients are not meant to authenticate, turn off client certificate "
    "verification (nginx: ssl_verify_client off).",
    "fix.handshake.protocol.client": "Upgrade the client's TLS stack rather than lowering its minimum version.",
    "fix.handshake.protocol.server": "Enable TLS 1.2 and 1.3 on the server (nginx: ssl_protocols TLSv1.2 "
    "TLSv1.3;).",
    "fix.handshake.cipher.client": "Do not lower the client's security level; the server needs modern ciphers.",
    "fix.handshake.cipher.server": "Enable current ECDHE cipher suites with AES-GCM or ChaCha20 on the server.",
    "fix.handshake.not_tls.client": "Use http:// for a plain HTTP port, or the port where the service speaks "
    "TLS (usually 443).",
    "fix.handshake.not_tls.server": "If this port should speak TLS, enable TLS on it (nginx: listen 443 ssl;).",
    "fix.handshake.closed.client": "Check that the host name (SNI) is one the server knows, and whether a "
    "firewall or proxy cuts TLS connections.",
    "fix.handshake.closed.server": "Look at the server's error log for the rejected handshake.",
    "fix.handshake.other.client": "Compare with: openssl s_client -connect {host}:{port} -servername {host}.",
    "fix.handshake.other.server": "Look at the server's error log for the failed handshake.",
    "fix.self_signed.server": "Use a certificate from a CA: a public one (e.g. Let's Encrypt) for public "
    "services, or your organisation's CA for internal ones (mkcert for development).",
    "fix.self_signed.client": "If you do trust this server, trust exactly this certificate: save it and pass it "
    'as the CA (requests.get(url, verify="server.pem"); curl --cacert server.pem).',
    "fix.untrusted_root.client": "If \"{root}\" is your organisation's CA, add it to the client's trust: "
    'verify="/path/root.pem", REQUESTS_CA_BUNDLE, or SSL_CERT_FILE (with the public roots too).',
    "fix.untrusted_root.truststore": "Where the OS already trusts this root (company-managed machines), let "
    "Python use the OS store: pip install truststore, then truststore.inject_into_ssl().",
    "fix.untrusted_root.server": "For a public service, use a certificate from a publicly trusted CA.",
    "fix.incomplete.server": "Configure the full chain on the server: leaf first, then each intermediate "
    "(nginx: ssl_certificate fullchain.pem; Apache 2.4.8+: SSLCertificateFile fullchain.pem; HAProxy: leaf, "
    "intermediates and key in one crt file; Caddy: tls fullchain.pem key.pem; cloud load balancers: paste "
    "the intermediates into the certificate chain field).",
    "fix.incomplete.write_chain": "sslexplain can write the completed chain for the server's configuration.",
    "fix.incomplete.client": "Until the server is fixed, a client can add the missing intermediate to its CA "
    'bundle (verify="bundle-with-intermediate.pem"); the real fix is on the server.',
    "fix.chain_order.server": "Serve the leaf first, then each issuer in order, each once; remove certificates "
    "that do not belong to the chain.",
    "fix.invalid_chain.server": "Reissue the faulty CA certificate with basicConstraints CA:TRUE (critical) and "
    "keyUsage keyCertSign, and server certificates with extendedKeyUsage serverAuth.",
    "fix.hostname.server": "Serve a certificate whose subjectAltName includes {host} (check which certificate "
    "the server picks for this SNI name).",
    "fix.hostname.cn_only": "Reissue the certificate with {host} in its subjectAltName; every public CA does this "
    "already, so this is a private or old certificate.",
    "fix.hostname.client": "Connect with a name the certificate covers ({names}); do not switch hostname "
    "checking off.",
    "fix.expired.leaf": "Renew the certificate on the server and reload the server (certbot renew; then "
    "reload nginx / Apache).",
    "fix.expired.ca": "Install the current intermediate from the CA on the server; on the client update the "
    "root store (pip install -U certifi; update-ca-certificates).",
    "fix.not_yet_valid.leaf": "If the date is right, wait or reissue the certificate with a correct notBefore.",
    "fix.not_yet_valid.ca": "Serve the CA certificate that is valid now, or correct this machine's clock.",
    "fix.check_clock": "Check this machine's clock and time zone; enable time sync (timedatectl "
    "set-ntp true; on Windows: w32tm /resync).",
    "fix.weak_crypto.server": "Reissue the certificate with an RSA 2048+ or ECDSA P-256 key and a SHA-256 "
    "signature.",
    "fix.weak_crypto.client": "Do not lower the client's security level (@SECLEVEL) to accept it.",
    "fix.unexplained": "Compare with OpenSSL's own view of the chain.",
    "fix.offline.probe": "Run sslexplain against the host to measure which of these it is.",
    # --- offline explanations (no handshake) ---
    "offline.missing_root.summary": "The client's trust store probably lacks the root CA.",
    "offline.missing_root.explanation": "Code {code} means no trusted issuer was found. Often the root is "
    "missing from this Python's store (old certifi, minimal container) while the OS or browser has it.",
    "offline.missing_root.fix": "Update the CA bundle (pip install -U certifi; apt install ca-certificates; "
    "update-ca-certificates) or use the OS store with truststore.",
    "offline.self_signed.summary": "The server presents a self-signed certificate.",
    "offline.self_signed.explanation": "Code {code}: the server certificate is signed by itself.",
    "offline.self_signed.fix": 'Trust exactly that certificate (verify="server.pem") or use a CA-issued one.',
    "offline.untrusted_root.summary": "The chain ends at a root that the client does not trust.",
    "offline.untrusted_root.explanation": "Code {code}: the chain leads to a root CA that is not in the client's "
    "trust store: a private or corporate CA, or an intercepting proxy.",
    "offline.untrusted_root.fix": "Add your organisation's root CA to the client's trust (verify=, "
    "REQUESTS_CA_BUNDLE) or use the OS store with truststore.",
    "offline.incomplete_chain.summary": "The server probably does not send its intermediate certificate.",
    "offline.incomplete_chain.explanation": "Code {code}: the client could not find the issuer of the server's "
    "certificate. The most common reason is a server that sends only its own certificate.",
    "offline.incomplete_chain.fix": "Check the served chain (openssl s_client -showcerts) and configure the full "
    "chain on the server.",
    "offline.chain_order.summary": "The server's chain may be out of order.",
    "offline.chain_order.explanation": "The certificates may be sent out of order.",
    "offline.chain_order.fix": "Serve the leaf first, then each issuer in order.",
    "offline.invalid_chain.summary": "A CA certificate in the chain is not allowed to play its role.",
    "offline.invalid_chain.explanation": "Code {code}: a certificate of the path violates basicConstraints, "
    "keyUsage, extendedKeyUsage or path length rules (or Python 3.13's strict checks).",
    "offline.invalid_chain.fix": "Reissue the faulty CA or server certificate with correct extensions.",
    "offline.hostname_mismatch.summary": "The certificate is not valid for the name the client used.",
    "offline.hostname_mismatch.explanation": "Code {code}: the host name is not in the certificate's "
    "subjectAltName (the CN is ignored by modern clients).",
    "offline.hostname_mismatch.fix": "Use a name the certificate covers, or serve a certificate for this name.",
    "offline.expired.summary": "A certificate in the chain has expired (or this machine's clock is ahead).",
    "offline.expired.explanation": "Code {code}: a certificate of the path is past its notAfter date by this "
    "machine's clock.",
    "offline.expired.fix": "Renew the certificate on the server; check this machine's clock too.",
    "offline.not_yet_valid.summary": "A certificate is not valid yet (or this machine's clock is behind).",
    "offline.not_yet_valid.explanation": "Code {code}: a certificate's notBefore date is in the future by this "
    "machine's clock, which usually means the clock is wrong.",
    "offline.not_yet_valid.fix": "Check this machine's clock and enable time sync.",
    "offline.clock_skew.summary": "This machine's clock may be wrong.",
    "offline.clock_skew.explanation": "Validity errors are often caused by a wrong system clock.",
    "offline.clock_skew.fix": "Check the date and enable time sync (timedatectl set-ntp true).",
    "offline.revoked.summary": "The server's certificate has been revoked.",
    "offline.revoked.explanation": "Code {code}: revocation information (OCSP or CRL) says the CA withdrew "
    "the certificate.",
    "offline.revoked.fix": "The server must install a new certificate.",
    "offline.interception.summary": "A proxy or antivirus may be intercepting TLS.",
    "offline.interception.explanation": "On company networks and with some antivirus products a middlebox "
    "replaces the server's certificate with its own, signed by a root that Python does not trust.",
    "offline.interception.fix": "Compare with another network; if a corporate proxy intercepts, trust its root "
    "properly (truststore, or REQUESTS_CA_BUNDLE with the public roots plus the corporate root).",
    "offline.address_mismatch.summary": "Different addresses of the host may serve different certificates.",
    "offline.address_mismatch.explanation": "IPv4 and IPv6 (or several servers) may not be configured alike.",
    "offline.address_mismatch.fix": "Run sslexplain to probe every address of the host.",
    "offline.python_environment.summary": "This Python's certificate settings may be the problem.",
    "offline.python_environment.explanation": "SSL_CERT_FILE, REQUESTS_CA_BUNDLE, an old certifi or an "
    "empty default store make Python fail where curl or the browser succeeds.",
    "offline.python_environment.fix": "Run sslexplain env to check this Python's TLS set-up.",
    "offline.weak_crypto.summary": "The chain uses a key or signature that is too weak.",
    "offline.weak_crypto.explanation": "Code {code}: OpenSSL's security level rejects small RSA keys or SHA-1 "
    "signatures.",
    "offline.weak_crypto.fix": "The server must reissue the certificate with a strong key and SHA-256.",
    "offline.unreachable.summary": "The server could not be reached.",
    "offline.unreachable.explanation": "No TLS connection was made.",
    "offline.unreachable.fix": "Check host, port and network.",
    "offline.handshake_failure.summary": "The TLS handshake failed for a reason other than the certificate.",
    "offline.handshake_failure.explanation": "The error does not name a certificate verification code.",
    "offline.handshake_failure.fix": "Run sslexplain against the host for details.",
    # --- rendering ---
    "cli.no_completed_chain": "no completed chain to write (the chain is not incomplete, or AIA could not complete it)",
    "cli.wrote_chain": "wrote the completed chain to {path}",
    "cli.no_error_text": "no error text given",
    "render.ok": "OK: {host} verifies and nothing is wrong.",
    "render.ok_warnings": "OK: {host} verifies, with {count} warning(s).",
    "render.problem": "PROBLEM: {summary}",
    "render.clients": "Clients on this machine",
    "render.addresses": "Addresses of the host",
    "render.verifies": "verifies",
    "render.fails": "fails",
    "render.unreached": "not reached",
    "render.no_cause": "No cause could be determined.",
    "render.evidence": "Evidence",
    "render.fixes": "Fix",
    "render.chain": "Chain as served by {address}",
    "render.no_chain": "No certificate was received.",
    "render.completed_chain": "Completed chain (write it with --write-chain FILE)",
    "render.audience.client": "client",
    "render.audience.server": "server",
    "render.audience.network": "network",
    "render.severity.error": "error",
    "render.severity.warning": "warning",
    "render.valid": "valid {start} → {end}",
    "render.issuer": "issuer",
    "render.sans": "names",
    "render.key": "key",
    "render.offline": "(offline: explained from the error message alone)",
}
