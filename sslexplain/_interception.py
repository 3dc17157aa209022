"""Pure: issuer names used by products that intercept TLS, with where each name is documented.

Matched case-insensitively as substrings of the issuer / CA subject names of a
served chain. Only names specific to an interception product are listed: a
generic word ("Proxy", "Firewall") would turn every private PKI into a false
alarm. Each entry says where the name comes from, so it can be re-checked.
The academic survey these categories follow is Durumeric et al., "The Security
Impact of HTTPS Interception", NDSS 2017.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Product:
    pattern: str  # lower-case substring of an issuer or CA subject name
    product: str
    category: str  # "debugging proxy", "corporate proxy", "antivirus", "bad root"
    source: str


PRODUCTS: tuple[Product, ...] = (
    # debugging proxies: a developer's own tool, usually started on purpose
    Product(
        "mitmproxy",
        "mitmproxy",
        "debugging proxy",
        "docs.mitmproxy.org, 'About Certificates': CA CN/O 'mitmproxy'",
    ),
    Product(
        "do_not_trust_fiddlerroot",
        "Fiddler",
        "debugging proxy",
        "Telerik Fiddler docs: root 'DO_NOT_TRUST_FiddlerRoot'",
    ),
    Product(
        "charles proxy",
        "Charles",
        "debugging proxy",
        "charlesproxy.com/documentation/using-charles/ssl-certificates",
    ),
    Product("portswigger", "Burp Suite", "debugging proxy", "portswigger.net Burp docs: CA 'PortSwigger CA'"),
    Product("httptoolkit", "HTTP Toolkit", "debugging proxy", "httptoolkit.com docs: CA 'HTTP Toolkit CA'"),
    Product("proxyman", "Proxyman", "debugging proxy", "docs.proxyman.io, certificate: 'Proxyman CA'"),
    # corporate proxies, secure web gateways and firewalls with TLS inspection
    Product(
        "zscaler",
        "Zscaler",
        "corporate proxy",
        "help.zscaler.com: 'Zscaler Root CA' / 'Zscaler Intermediate Root CA'",
    ),
    Product("netskope", "Netskope", "corporate proxy", "docs.netskope.com: 'caadmin.netskope.com' CA"),
    Product(
        "fortinet_ca_ssl",
        "FortiGate",
        "corporate proxy",
        "docs.fortinet.com deep inspection: 'Fortinet_CA_SSL'",
    ),
    Product("fortigate ca", "FortiGate", "corporate proxy", "docs.fortinet.com: default 'FortiGate CA'"),
    Product(
        "cisco umbrella", "Cisco Umbrella", "corporate proxy", "docs.umbrella.com: 'Cisco Umbrella Root CA'"
    ),
    Product(
        "palo alto networks",
        "Palo Alto Networks",
        "corporate proxy",
        "docs.paloaltonetworks.com decryption: forward-trust CA",
    ),
    Product(
        "blue coat", "Blue Coat / Symantec ProxySG", "corporate proxy", "Symantec ProxySG SSL proxy docs"
    ),
    Product("forcepoint", "Forcepoint", "corporate proxy", "Forcepoint Web Security SSL decryption docs"),
    Product(
        "sophos ssl", "Sophos", "corporate proxy", "Sophos UTM / XG HTTPS scanning docs: 'Sophos SSL CA'"
    ),
    Product(
        "cloudflare for teams",
        "Cloudflare Zero Trust",
        "corporate proxy",
        "developers.cloudflare.com: Gateway root",
    ),
    Product(
        "cloudflare gateway",
        "Cloudflare Zero Trust",
        "corporate proxy",
        "developers.cloudflare.com: Gateway CA",
    ),
    Product("menlo security", "Menlo Security", "corporate proxy", "Menlo Security isolation docs"),
    # antivirus and "web shield" TLS scanning on the client machine
    Product(
        "kaspersky anti-virus personal root",
        "Kaspersky",
        "antivirus",
        "support.kaspersky.com: encrypted connection scan root",
    ),
    Product("avast web/mail shield", "Avast", "antivirus", "avast.com support: HTTPS scanning root"),
    Product("avg web/mail shield", "AVG", "antivirus", "avg.com support: HTTPS scanning root"),
    Product("eset ssl filter", "ESET", "antivirus", "help.eset.com: SSL/TLS protocol filtering CA"),
    Product(
        "bitdefender personal ca", "Bitdefender", "antivirus", "bitdefender.com support: encrypted web scan"
    ),
    Product("dr.web", "Dr.Web", "antivirus", "Dr.Web SpIDer Gate HTTPS scanning docs"),
    # known bad roots: shipped with a private key anyone can extract
    Product("superfish", "Superfish (Lenovo)", "bad root", "CVE-2015-2077; US-CERT TA15-051A"),
    Product(
        "edellroot", "eDellRoot (Dell)", "bad root", "US-CERT VU#925497 (Dell Foundation Services, 2015)"
    ),
    Product("dsdtestprovider", "DSDTestProvider (Dell)", "bad root", "US-CERT VU#870761"),
    Product("privdog", "PrivDog (Comodo)", "bad root", "US-CERT VU#366544"),
    Product("komodia", "Komodia Redirector SDK", "bad root", "US-CERT VU#529496"),
)


def match(names: tuple[str, ...] | list[str]) -> Product | None:
    """The first product whose pattern occurs in one of ``names`` (issuer / CA subject strings)."""
    lowered = [name.lower() for name in names]
    for product in PRODUCTS:
        if any(product.pattern in name for name in lowered):
            return product
    return None
