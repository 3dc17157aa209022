"""Pure: English messages of the trust family; ``ja_trust.py`` has the same keys and placeholders."""

MESSAGES: dict[str, str] = {
    # client verdicts
    "verdict.measured": "measured: verify code {code}, {message}",
    "verdict.store_error": "fails before connecting: {error}",
    "verdict.no_root": 'no "{root}" in this store',
    "verdict.same_failure": "fails like the client: {message}",
    "verdict.expired": '"{name}" has expired',
    "verdict.not_yet_valid": '"{name}" is not valid yet',
    "verdict.hostname": "the certificate does not name {host}",
    # statuses of a configured path
    "status.ok": "readable",
    "status.missing": "does not exist",
    "status.unreadable": "cannot be read",
    "status.empty": "is an empty file",
    "status.not_pem": "holds no PEM certificate",
    "status.no_certs": "is a directory without hashed certificates (c_rehash names)",
    # evidence
    "ev.trust.root_missing": 'The chain ends at "{root}", which the store of {client} ({store}) does not hold.',
    "ev.trust.found_in": 'Other clients on this machine trust "{root}" and verify this chain: {stores}.',
    "ev.trust.bad_path": "{setting} is set to {path}, which {status}.",
    "ev.trust.empty_store": "Python's default context loads no CA certificate from {store}.",
    "ev.trust.tiny_bundle": "The bundle {store} holds only {count} certificate(s): it replaces the public roots "
    "instead of adding to them.",
    "ev.trust.certifi_older": "certifi {version} was released before this root was issued ({issued}).",
    "ev.trust.truststore_not_injected": "truststore {version} is installed but not injected, so this client does "
    "not use the OS store that verifies the chain.",
    "ev.env.breaks": "Clients that fail on every site because of it: {clients}.",
    "ev.env.setting": "Set by {setting}: {path}.",
    "ev.env.old_certifi": "certifi {version} is {days} days old; roots added to Mozilla's store since are missing.",
    "ev.env.old_openssl": "This Python is linked against {openssl}.",
    # causes
    "missing_root.summary": 'The trust store of {client} lacks the root "{root}"; {found} here trusts it.',
    "missing_root.explanation": "The server's chain is fine: it ends at a root that another trust store on this "
    "machine holds. Python clients do not share one store (ssl uses OpenSSL's paths, requests and httpx use "
    "certifi or their own variables), so the client that failed simply does not have this root.",
    "python_environment.bad_path.summary": "{setting} points to {path}, which {status}.",
    "python_environment.bad_path.explanation": "A certificate setting of this Python names a path that gives no "
    "CA certificate, so the client that reads it cannot verify servers that other clients here verify.",
    "python_environment.empty_store.summary": "Python's default trust store is empty.",
    "python_environment.empty_store.explanation": "No CA certificate is installed where this Python's OpenSSL "
    "looks ({store}): minimal containers without ca-certificates, and python.org macOS builds whose "
    '"Install Certificates.command" was never run, are the usual reasons.',
    "python_environment.tiny_bundle.summary": "The CA bundle {store} holds only {count} certificate(s).",
    "python_environment.tiny_bundle.explanation": "A bundle given to a client replaces its default roots. One "
    "that holds only a company or private root breaks every public site; combine it with the public roots.",
    "python_environment.old_certifi.summary": "certifi {version} is out of date.",
    "python_environment.old_certifi.explanation": "certifi is a copy of Mozilla's root store; an old release lacks "
    "newer roots and still holds removed ones.",
    "python_environment.old_openssl.summary": "{openssl} is too old for urllib3 2 and modern certificate chains.",
    "python_environment.old_openssl.explanation": "urllib3 2 (requests) needs OpenSSL 1.1.1 or later; older "
    "OpenSSL and LibreSSL builds also mishandle cross-signed chains.",
    # fixes
    "fix.trust.point_setting": "Point {setting} at a bundle that holds the root ({path}).",
    "fix.trust.unset": "Or remove the setting so the client uses its default store.",
    "fix.trust.combine": "Build one bundle with the public roots ({path}) and your own root, and give that one to "
    "the client.",
    "fix.trust.use_bundle": "Give the client the bundle that has the root ({path}): for requests set "
    "REQUESTS_CA_BUNDLE, for ssl and httpx SSL_CERT_FILE, or pass it as cafile / verify.",
    "fix.trust.truststore": "Or verify with the operating system's store: install truststore and call "
    "truststore.inject_into_ssl() when the program starts.",
    "fix.trust.upgrade_certifi": "Upgrade certifi to get the current Mozilla roots.",
    "fix.trust.macos_certificates": "On python.org macOS builds, run Install Certificates.command once.",
    "fix.trust.linux_store": "Install or refresh the system CA store (Debian/Ubuntu shown; RHEL/Fedora: "
    "dnf reinstall ca-certificates && update-ca-trust; Alpine: apk add ca-certificates).",
    "fix.env.new_python": "Use a Python built against OpenSSL 1.1.1 or 3.x (python.org, your distribution, "
    "conda or uv builds are).",
    # roots removed from Mozilla's store (sslexplain/_removed_roots.py has the sources)
    "removed.dst_x3.when": "expired on 2021-09-30 and left Mozilla's store (and certifi) in 2022",
    "removed.dst_x3.reason": "it was the expired root of Let's Encrypt's old cross-sign",
    "removed.dst_x3.instead": "ISRG Root X1: serve the chain without the cross-signed ISRG Root X1 certificate",
    "removed.trustcor.when": "removed in certifi 2022.12.07",
    "removed.trustcor.reason": "Mozilla distrusted TrustCor after its investigation (CVE-2022-23491)",
    "removed.trustcor.instead": "a certificate from another publicly trusted CA",
    "removed.etugra.when": "removed in certifi 2023.07.22",
    "removed.etugra.reason": "Mozilla removed e-Tugra after security issues in its systems (CVE-2023-37920)",
    "removed.etugra.instead": "a certificate from another publicly trusted CA",
    "removed.globaltrust.when": "removed in certifi 2024.07.04",
    "removed.globaltrust.reason": "Mozilla removed GLOBALTRUST for long-running compliance issues (CVE-2024-39689)",
    "removed.globaltrust.instead": "a certificate from another publicly trusted CA",
    "ev.trust.removed_root": 'The root "{root}" was {when}: {reason} (source: {source}).',
    "fix.trust.removed_root": "The server must change its chain: {instead}. Do not add the removed root back.",
    "ev.trust.private_root": 'No trust store on this machine holds "{root}" ({count} stores checked), and it is not '
    "among certifi {version}'s public roots: it looks like a private or company CA. Add it on purpose: "
    "get its certificate from your IT department, check its fingerprint, and give it to the client.",
    "ev.trust.public_unknown": 'No trust store on this machine holds "{root}" ({count} stores checked).',
    # Python 3.13 strict X.509 checks (VERIFY_X509_STRICT)
    "invalid_chain.strict.summary": "Python's strict X.509 checks (VERIFY_X509_STRICT) reject a certificate "
    "in the chain of {host}.",
    "invalid_chain.strict.explanation": "Since Python 3.13, ssl.create_default_context() sets VERIFY_X509_STRICT, "
    "which enforces RFC 5280 rules that many company and interception CAs break. The chain is not forged: the CA "
    "certificate was issued carelessly.",
    "ev.strict.bc_not_critical": "{cert}: Basic Constraints is not marked critical.",
    "ev.strict.no_aki": "{cert}: it has no Authority Key Identifier.",
    "ev.strict.no_ski": "{cert}: the CA certificate has no Subject Key Identifier.",
    "ev.strict.no_key_usage": "{cert}: the CA certificate has no Key Usage extension.",
    "ev.strict.others_accept": "Python before 3.13 (this one is {python}), curl and browsers do not make these "
    "checks and accept the chain.",
    "fix.strict.reissue": "Reissue the CA certificate properly (Basic Constraints critical, Authority and Subject "
    "Key Identifiers, Key Usage) and install the new chain.",
    "fix.strict.client": "Until then, clear only this one flag, for this one client's context; verification "
    "stays on.",
    # sslexplain env
    "env.title": "TLS set-up of this Python",
    "env.compiled": "compiled against {version}",
    "env.security_level": "security level",
    "env.default_cafile": "default CA file",
    "env.default_capath": "default CA directory",
    "env.variables": "Environment variables",
    "env.none": "(none set)",
    "env.paths": "Configured CA paths",
    "env.status.ok": "{count} certificates",
    "env.status.missing": "does not exist",
    "env.status.unreadable": "cannot be read",
    "env.status.empty": "empty file",
    "env.status.not_pem": "no PEM certificate in it",
    "env.status.no_certs": "no hashed certificates in it",
    "env.packages": "Packages",
    "env.injected": "truststore is injected into ssl",
    "env.not_injected": "truststore is installed, not injected",
    "env.clients": "Trust store of each client",
    "env.store_count": "{count} certificates",
    "env.no_problem": "No problem found.",
    "env.problems": "Problems found ({count})",
    "env.fix": "fix",
    # --- known version regressions (_analyze_versions.py) ---
    "ev.version.requests_range": "requests {version} is installed: releases 2.32.0 to 2.32.4 do not load the default CA certificates into an SSLContext that an HTTPAdapter subclass hands to urllib3 (psf/requests#6730).",
    "ev.version.reported": 'The reported error is verify code {code} ("{message}"), which is what a context without any CA certificate gives.',
    "ev.version.requests_store_ok": "Here the chain verifies with the stores requests would load itself ({clients}): the certificates were missing from the failing code's own context, not from this machine.",
    "ev.version.urllib3_cn": "urllib3 {version} is installed (requests uses it): since urllib3 2.0 the CN is never used for the host name; urllib3 1.26 and Python's ssl before 3.13 still fell back to it, which is why older set-ups accepted this certificate.",
    "python_environment.requests_2_32.summary": "requests {version} leaves the custom SSLContext of an HTTPAdapter without CA certificates.",
    "python_environment.requests_2_32.explanation": 'Code that mounts its own HTTPAdapter with an ssl_context (for client certificates, ciphers or TLS versions) worked with earlier requests because the default CAs were loaded for it; with these releases the context stays empty and every server fails with "unable to get local issuer certificate".',
    "fix.version.load_default_certs": "Load CA certificates into the context you build: context.load_verify_locations(certifi.where()), or context.load_default_certs() for the system store.",
    "fix.version.upgrade_requests": "Or upgrade requests beyond 2.32.4.",
    "ev.version.pip_25_0": "pip {version} is installed: pip 25.0 hands its own CA bundle (--cert) to the pip that installs build dependencies, so truststore and the OS store are not used there, while the main install does use them (pypa/pip#13186, fixed in 25.0.1).",
    "python_environment.pip_25_0.summary": "pip {version} installs build dependencies without the OS trust store.",
    "python_environment.pip_25_0.explanation": "Behind a proxy or with a company root that only the OS trusts, pip 25.0 downloads the package itself but fails while installing its build dependencies (setuptools, hatchling, ...) because that inner pip gets pip's own certifi bundle.",
    "fix.version.upgrade_pip": "Upgrade pip to 25.0.1 or later.",
    "fix.version.pip_cert": "Or give pip a bundle that contains your root (public roots plus the company root) through PIP_CERT or pip config set global.cert.",
}
