"""Loaded by every Python process the tests start (via PYTHONPATH): no network at all.

Internet sockets refuse to connect and every attempt is logged to $GP_NETGUARD_LOG, so a test
can tell that the app did not even try — even where the app would swallow the error.
Unix-domain sockets (D-Bus, X11) stay usable.
"""

import os
import socket

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_real_getaddrinfo = socket.getaddrinfo
_INTERNET = {socket.AF_INET, socket.AF_INET6}


def _record(what: str) -> None:
    log = os.environ.get("GP_NETGUARD_LOG")
    if log:
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(f"{os.getpid()} {what}\n")


def _connect(self, address):
    if self.family in _INTERNET:
        _record(f"connect {address!r}")
        raise OSError(101, "network disabled by the test suite")
    return _real_connect(self, address)


def _connect_ex(self, address):
    if self.family in _INTERNET:
        _record(f"connect_ex {address!r}")
        return 101
    return _real_connect_ex(self, address)


def _getaddrinfo(host, *args, **kwargs):
    if host not in (None, "localhost", "127.0.0.1", "::1"):
        _record(f"getaddrinfo {host!r}")
        raise socket.gaierror(socket.EAI_NONAME, "name resolution disabled by the test suite")
    return _real_getaddrinfo(host, *args, **kwargs)


socket.socket.connect = _connect
socket.socket.connect_ex = _connect_ex
socket.getaddrinfo = _getaddrinfo
