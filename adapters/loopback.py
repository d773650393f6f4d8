"""Whether a host (as typed for --host, or a Host header "name:port") is this machine.

Kept free of any SDK import: the command line uses it without loading Slack or Teams.
"""

from __future__ import annotations

import ipaddress


def is_loopback_host(host: str) -> bool:
    """ "127.0.0.1", "localhost:3978", "[::1]:8080", "::1" → True; anything else → False."""
    name = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    name = name.strip("[]").split("]:")[0]
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False
