"""What /api/messages checks before any signing key is needed, cheapest first."""

from __future__ import annotations

import functools
import json
import logging
import re
from urllib.parse import urlsplit

import jwt
from aiohttp import web
from botbuilder.schema import Activity  # type: ignore[import-untyped]
from botframework.connector.auth import EmulatorValidation  # type: ignore[import-untyped]

from adapters.loopback import is_loopback_host
from adapters.teams.config import TeamsConfig
from adapters.teams.responses import refusal

log = logging.getLogger(__name__)

# Teams and Emulator conversation ids ("a:…", "19:…@thread.tacv2;messageid=…", "…|livechat")
# never hold a path separator, a query or an escape.
SAFE_ID = re.compile(r"[^/\\?#%\s]{1,512}")
MAX_ACTIVITY_BYTES = 256 * 1024  # Teams messages are at most ~100 KB with their cards
_PROXY_HEADERS = (
    "X-Forwarded-For", "Forwarded", "X-Real-IP", "Via", "X-Forwarded-Proto",
    "X-Forwarded-Host", "X-Client-IP", "True-Client-IP", "CF-Connecting-IP",
)  # fmt: skip


async def admit(
    request: web.Request, config: TeamsConfig
) -> tuple[Activity, str | None] | web.Response:
    """The activity and its Authorization header (if any), or the refusal.

    Local mode's loopback rules, the token's shape and the body's size come before any JSON
    work; the activity's ids and serviceUrl before botbuilder checks the token's signature.
    """
    local = config.unauthenticated
    if local and not local_request(request):
        return refusal(403, "local mode accepts loopback clients only")
    if "application/json" not in request.headers.get("Content-Type", ""):
        return refusal(415, "expected application/json")
    header = request.headers.get("Authorization")
    if not local and not header:
        return refusal(401, "missing Authorization")
    if not local and (problem := token_problem(header or "")):
        return refusal(401, problem)
    raw = await read_capped(request, MAX_ACTIVITY_BYTES)
    if raw is None:
        return refusal(413, "activity too large")
    try:
        body = json.loads(raw)
    except ValueError:
        return refusal(400, "malformed JSON")
    if not isinstance(body, dict):
        return refusal(400, "an activity is a JSON object")
    try:
        activity = Activity().deserialize(body)
    except Exception:
        return refusal(400, "not a Bot Framework activity")
    if (
        not activity.type
        or activity.conversation is None
        or not activity.service_url
        or not activity.channel_id
    ):
        return refusal(400, "an activity needs type, channelId, conversation and serviceUrl")
    if not SAFE_ID.fullmatch(str(activity.conversation.id or "")):
        # botbuilder puts the id into the connector's URL path unescaped: "../" would walk it
        return refusal(400, "malformed conversation id")
    if local and not loopback_url(activity.service_url):
        return refusal(403, "local mode answers loopback only")
    if not local and not config.service_url_allowed(activity.service_url):
        log.info("Teams request refused: serviceUrl is not a Microsoft Bot Connector host")
        return refusal(403, "serviceUrl not allowed")
    return activity, header


@functools.lru_cache(maxsize=64)
def token_problem(header: str) -> str | None:
    """What stock botbuilder lets through: Emulator tokens with an app id set, tokens that
    never expire. The signature and claims are checked afterwards by botbuilder.

    A pure function of the header, remembered for the few tokens in use: Teams sends one
    channel token on many activities, and reading it twice here cost two JWT decodes a turn.
    """
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
