"""What /api/messages checks before any work: local mode's loopback rule, the token's
shape, the body's size, and ids that could walk the connector's URL paths."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import jwt
from aiohttp import web
from botframework.connector.auth import EmulatorValidation

from adapters.loopback import is_loopback_host

# Teams and Emulator conversation ids ("a:…", "19:…@thread.tacv2;messageid=…", "…|livechat")
# never hold a path separator, a query or an escape.
SAFE_ID = re.compile(r"[^/\\?#%\s]{1,512}")
MAX_ACTIVITY_BYTES = 256 * 1024  # Teams messages are at most ~100 KB with their cards
_PROXY_HEADERS = (
    "X-Forwarded-For", "Forwarded", "X-Real-IP", "Via", "X-Forwarded-Proto",
    "X-Forwarded-Host", "X-Client-IP", "True-Client-IP", "CF-Connecting-IP",
)  # fmt: skip


def token_problem(header: str) -> str | None:
    """What stock botbuilder lets through: Emulator tokens with an app id set, tokens that
    never expire. The signature and claims are checked afterwards by botbuilder."""
    try:
        if EmulatorValidation.is_token_from_emulator(header):
            return "Emulator tokens are not accepted"
        token = header.partition(" ")[2]
        claims = jwt.decode(token, options={"verify_signature": False})
    except Exception:  # unreadable: the real check refuses it
        return None
    if not isinstance(claims.get("exp"), int | float):
        return "a token must expire"
    return None


async def read_capped(request: web.Request, limit: int) -> bytes | None:
    """The body, or None when it is larger than `limit` (checked before reading it all)."""
    if (request.content_length or 0) > limit:
        return None
    chunks: list[bytes] = []
    size = 0
    while chunk := await request.content.read(64 * 1024):
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def local_request(request: web.Request) -> bool:
    """Local mode's only clients: a loopback peer, not proxied, addressed to a loopback Host."""
    return from_loopback(request) and is_loopback_host(request.host)


def loopback_url(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and is_loopback_host(parts.hostname or "")


def from_loopback(request: web.Request) -> bool:
    """A loopback peer that is not a proxy forwarding someone else's request."""
    if any(h in request.headers for h in _PROXY_HEADERS):
        return False
    return is_loopback_host(request.remote or "")
