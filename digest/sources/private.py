"""Which addresses a feed's links may not reach: this machine and private networks.

A feed is someone else's text. Its item links (and their redirects) must not make
digest fetch from 127.0.0.1, a router at 192.168.0.1 or a cloud metadata service
at 169.254.169.254 and put the answer in an email. A URL the user names is trusted;
`--allow-private` trusts the feeds' links too.
"""

from __future__ import annotations

import ipaddress
import socket

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def private_address(host: str, port: int | None) -> str | None:
    """The local or private address `host` is or resolves to, or None when it is public."""
    host = host.strip("[]").rstrip(".").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return host
    literal = _ip(host)
    if literal is not None:
        return host if _is_private(literal) else None
    try:
        found = socket.getaddrinfo(host, port or 80, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        return None  # the fetch itself reports an unknown host
    for *_rest, sockaddr in found:
        address = _ip(str(sockaddr[0]))
        if address is not None and _is_private(address):
            return f"{host} = {address}"
    return None


def _ip(text: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(text.split("%", 1)[0])  # drop an IPv6 zone (%eth0)
    except ValueError:
        return None


def _is_private(address: IPAddress) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    # Loopback, link-local, RFC 1918, carrier-grade NAT, unspecified, reserved: not global.
    return not address.is_global or address.is_multicast
