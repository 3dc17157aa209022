from ._certs import Issued, issue, make_key, pem_bundle, root
from ._servers import HTTPServer, PlainServer, SilentServer, TLSServer
