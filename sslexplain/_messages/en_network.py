"""Pure: English messages of the network family; ``ja_network.py`` has the same keys and placeholders."""

MESSAGES: dict[str, str] = {
    # --- words ---
    "net.source.ocsp": "The OCSP responder {url}",
    "net.source.crl": "The CRL {url}",
    "net.addr.verifies": "the client verifies it",
    "net.addr.verify_failed": "the client rejects it: OpenSSL code {code}, {message}",
    "net.addr.no_tls": "no TLS handshake: {error}",
    "net.clock.behind": "behind the server's",
    "net.clock.ahead": "ahead of the server's",
    "net.product": " ({product})",
    # --- revocation ---
    "ev.revocation.revoked": "{source} says the certificate is REVOKED since {when} (reason: {reason}); "
    "the answer's signature is valid.",
    "ev.revocation.good": "{source} says the certificate is good (signed answer of {updated}).",
    "ev.revocation.unknown": "{source} does not know this certificate (status 'unknown', {updated}).",
    "ev.revocation.verifier_only": "No OCSP or CRL answer fetched here says revoked; the verifier's own "
    "revocation data did (e.g. a CRL loaded into the client).",
    "ev.revocation.problem.unreachable": "{source} could not be reached ({detail}); this is no verdict "
    "about the certificate.",
    "ev.revocation.problem.http": "{source} answered with HTTP status {detail}.",
    "ev.revocation.problem.too_large": "{source} is larger than the size cap ({detail}); it was not "
    "downloaded completely and not checked.",
    "ev.revocation.problem.malformed": "{source} sent an answer that cannot be parsed ({detail}).",
    "ev.revocation.problem.responder_status": "{source} refused to answer (status {detail}).",
    "ev.revocation.problem.wrong_certificate": "{source} answered about another certificate or issuer.",
    "ev.revocation.problem.bad_signature": "{source} sent an answer whose signature does not verify with the "
    "issuing CA's key or a responder certificate it delegated: it is ignored.",
    "ev.revocation.problem.no_issuer": "{source} cannot be checked: the issuing CA's certificate is unknown.",
    "ev.revocation.problem.stale": "{source} sent a stale answer (its nextUpdate has passed).",
    "ev.revocation.problem.future": "{source} sent an answer dated in the future (check the clocks).",
    "revoked.confirmed.summary": "The certificate of {host} has been revoked (reason: {reason}).",
    "revoked.confirmed.explanation": "The CA withdrew this certificate before its expiry date (reason: "
    "{reason}). Python's ssl does not check revocation, so some clients still connect, but browsers, "
    "OS verifiers (truststore) and revocation-checking clients refuse it. It must be replaced.",
    "revoked.reported.summary": "The client rejected the certificate of {host} as revoked.",
    "revoked.reported.explanation": "The verifier reported code 23 (certificate revoked) from its own "
    "revocation data; the certificate must be replaced, or the client's CRL is wrong.",
    "revoked.unchecked.summary": "The revocation status of {host}'s certificate could not be checked.",
    "revoked.unchecked.explanation": "No OCSP responder or CRL gave a usable answer. Clients that require "
    "a revocation check (some corporate and OS policies) may fail; others do not check.",
    "fix.revoked.server": "Get a new certificate from the CA (a new key if the old one may be compromised) "
    "and install it with its intermediates; then reload the server.",
    "fix.revoked.client": "Nothing to fix on the client: do not work around a revoked certificate.",
    "fix.revocation_unchecked.network": "Allow outgoing HTTP (port 80) to the OCSP / CRL URLs listed in "
    "the certificate, or ask the server to staple OCSP answers.",
    # --- interception ---
    "ev.intercept.via_proxy": "Through the proxy {proxy} the server presented a certificate issued by "
    "'{issuer}' (SHA-256 {sha}…).",
    "ev.intercept.direct": "Directly from {address} it presented one issued by '{issuer}' (SHA-256 {sha}…).",
    "ev.intercept.product": "The issuer matches {product} ({category}; source: {source}).",
    "ev.intercept.fresh": "The certificate for the public name {host} was minted at {when}, moments ago, "
    "by a CA that no public trust store knows: what TLS-inspecting proxies do on the fly.",
    "ev.intercept.only_in": "The chain's root is trusted only by: {stores}; the public bundle (certifi) "
    "does not know it.",
    "interception.summary": "A proxy or security product intercepts TLS to {host} and presents its own "
    "certificate{product}.",
    "interception.explanation": "Something between this machine and {host} (a corporate proxy, firewall, "
    "antivirus or debugging proxy) ends the TLS connection and re-signs the server's certificate with "
    "its own CA. Clients that do not trust that CA fail. Trust the proxy's root properly for the client "
    "(never disable verification), or connect without the proxy.",
    "interception.suspected.summary": "TLS to {host} may be intercepted: the certificate was minted moments "
    "ago by a private CA.",
    "interception.suspected.explanation": "A freshly made certificate for a public name, from a CA no "
    "public store knows, is the mark of a TLS-inspecting proxy or antivirus; compare from another "
    "network.",
    "fix.intercept.truststore": "Use the OS trust store, where IT installs the corporate root: "
    "`import truststore; truststore.inject_into_ssl()` (Python 3.10+).",
    "fix.intercept.bundle": "Or build one bundle with the public roots plus the corporate root (ask IT "
    "for it as PEM) and point requests / Python at it.",
    "fix.intercept.pip": "For pip, set the same combined bundle as pip's cert (or PIP_CERT).",
    "fix.intercept.bypass": "To test without the proxy, disable it for one command (and add the host to "
    "NO_PROXY if it should not go through the proxy).",
    # --- several addresses ---
    "ev.addr.serves": "{address} ({family}) serves '{subject}' issued by '{issuer}' (SHA-256 {sha}…): "
    "{detail}.",
    "ev.addr.unreached": "{address} ({family}): {detail}.",
    "address_mismatch.summary": "The addresses of {host} serve different certificates; {bad} fails "
    "verification.",
    "address_mismatch.explanation": "{host} has {count} reachable addresses and they are not configured "
    "alike. Which one a client uses depends on its address preference (IPv6 first by RFC 6724), Happy "
    "Eyeballs and DNS order, so the same URL works for one client or network and fails for another.",
    "address_mismatch.silent.summary": "Some addresses of {host} accept TCP but never complete TLS.",
    "address_mismatch.silent.explanation": "Clients that try those addresses first wait for a timeout "
    "before they fall back to a working one (or fail).",
    "fix.addr.server": "Install the same certificate and chain on every address: the IPv4 and IPv6 "
    "listeners (virtual hosts), every load-balancer node and CDN edge; or remove the stale DNS record.",
    "fix.addr.client": "Test each address family on its own to see the difference:",
    # --- the clock ---
    "ev.clock.times": "This machine's clock said {ours}; the server's HTTP Date header said {theirs}.",
    "ev.clock.skew": "This machine's clock is {amount} {direction}.",
    "ev.clock.window": "The server's certificate is valid from {start} to {end}.",
    "ev.clock.valid_by_server": "By the server's clock every certificate of the chain is within its "
    "validity: the failure comes from this machine's clock.",
    "ev.clock.invalid_by_server": "By the server's clock the chain is NOT valid: it is accepted here only "
    "because this machine's clock is off.",
    "clock_skew.summary": "This machine's clock is {amount} {direction}: that is why the certificate looks "
    "out of its validity period.",
    "clock_skew.explanation": "Certificates are checked against the local clock. The server's clock (its "
    "HTTP Date) puts the certificate within its validity, so fix the time on this machine instead of "
    "the certificate.",
    "clock_skew.hidden.summary": "This machine's clock is {amount} {direction}; by the correct time the "
    "certificate is out of its validity period.",
    "clock_skew.hidden.explanation": "The chain is accepted here only because the local clock is wrong; "
    "clients with a correct clock reject it.",
    "clock_skew.large.summary": "This machine's clock and {host}'s clock differ by {amount}.",
    "clock_skew.large.explanation": "A clock that far off breaks certificate validity checks sooner or "
    "later (or the server's clock is wrong); check both.",
    "fix.clock.linux": "Linux: turn on time synchronisation (NTP).",
    "fix.clock.windows": "Windows: resynchronise with the time service.",
    "fix.clock.macos": "macOS: resynchronise with Apple's time server.",
    "fix.clock.server": "If this machine's clock is right, the server's is wrong: enable NTP on the server.",
    # --- the proxy itself ---
    "ev.proxy.failed": "The proxy {proxy} did not open a tunnel: {error}.",
    "ev.proxy.direct_ok": "Directly, {address} completes the TLS handshake: the way through the proxy fails.",
    "unreachable.proxy.summary": "The proxy {proxy} does not let the client reach {host}.",
    "unreachable.proxy.explanation": "This client goes through a proxy (the proxy argument, HTTPS_PROXY / "
    "ALL_PROXY or the system settings) and the proxy refused or broke the CONNECT tunnel, so no TLS "
    "certificate was checked at all.",
    "fix.proxy.settings": "Check the proxy address and credentials in HTTPS_PROXY / https_proxy / "
    "ALL_PROXY, and add the host to NO_PROXY if it should be reached directly.",
    "fix.proxy.test": "Test the proxy on its own:",
}
