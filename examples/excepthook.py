"""sslexplain.install(): an uncaught verification error prints its diagnosis after the traceback."""

import atexit
import contextlib
import threading

import requests
from _lab import broken_server

import sslexplain

stack = contextlib.ExitStack()
atexit.register(stack.close)  # the server stops at exit, after the excepthook has probed it
url, ca_file = stack.enter_context(broken_server("expired"))

sslexplain.install(ca_file=ca_file, timeout=5)  # sys.excepthook, threading.excepthook, IPython

worker = threading.Thread(target=requests.get, args=(url,), kwargs={"verify": ca_file, "timeout": 5})
worker.start()  # fails in the thread: threading.excepthook explains it
worker.join()

requests.get(url, verify=ca_file, timeout=5)  # uncaught: sys.excepthook explains it, exit status 1
