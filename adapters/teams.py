"""The Teams edge: botbuilder's CloudAdapter translating activities to core types and back.

Every botbuilder import stays in adapters/teams*: the Python Bot Framework SDK is
being retired. Known 4.17 faults are handled here: invoke bodies (500 in stock
`CloudAdapter.process`), `conversation.tenantId` dropped on deserialisation, the
bot app id that proactive calls need, per-send token fetches (teams_auth), and
`on_turn_error` swallowing proactive-send errors.
"""

from __future__ import annotations

import asyncio
import ipaddress
import json
import logging
import random
import re
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar
from urllib.parse import urlsplit

import jwt
from aiohttp import web
from botbuilder.core import InvokeResponse, TurnContext, serializer_helper
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import (
    Activity,
    ActivityTypes,
    Attachment,
    ChannelAccount,
    ConversationParameters,
    ConversationReference,
)
from botframework.connector.auth import EmulatorValidation
from msrest.exceptions import ClientRequestError, HttpOperationError
from msrest.serialization import Model

from adapters import teams_cards
from adapters import teams_openid as openid
from adapters.loopback import is_loopback_host
from adapters.teams_auth import HttpSource, TeamsAuthSettings, authentication
from core import audience
from core.agency import Platform
from core.audience import Route
from core.conversation import Conversation
from core.errors import PlatformError, RateLimited, RecipientGone, StoreError
from core.messages import ButtonKind, ButtonPress, ConversationRef, IncomingMessage, Place, UserRef
from core.ports import Clock, Store
from core.privacy import conversation_digest
from core.replies import Reply

log = logging.getLogger(__name__)

T = TypeVar("T")
RETRY_STATUSES = frozenset({429, 412, 502, 504})
GONE_STATUSES = frozenset({403, 404})
GONE_CODES = frozenset(
    {"ConversationNotFound", "MessageWritesBlocked", "BotNotInConversationRoster"}
)
MAX_ATTEMPTS = 4
MAX_BACKOFF_S = 30.0
# Teams and Emulator conversation ids ("a:…", "19:…@thread.tacv2;messageid=…", "…|livechat")
# never hold a path separator, a query or an escape.
_SAFE_ID = re.compile(r"[^/\\?#%\s]{1,512}")
MAX_ACTIVITY_BYTES = 256 * 1024  # Teams messages are at most ~100 KB with their cards
_PROXY_HEADERS = (
    "X-Forwarded-For", "Forwarded", "X-Real-IP", "Via", "X-Forwarded-Proto",
    "X-Forwarded-Host", "X-Client-IP", "True-Client-IP", "CF-Connecting-IP",
)  # fmt: skip
NEUTRAL_SENT = "I've sent you a private message."
NEUTRAL_FAILED = (
    "I couldn't open a private chat with you. Find WellCheck under Apps to chat with it privately."
)
_AT_TAG = re.compile(r"<at>.*?</at>", re.IGNORECASE | re.DOTALL)
_STRAY_AT = re.compile(r"</?at>", re.IGNORECASE)


# ---- translation in -------------------------------------------------------------------


def tenant_of(activity: Activity) -> str:
    """botbuilder drops conversation.tenantId when deserialising; channelData keeps it."""
    channel_data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    tenant = (channel_data.get("tenant") or {}).get("id")
    return str(tenant or getattr(activity.conversation, "tenant_id", None) or "")


def _entity(entity: Any) -> dict[str, Any]:
    """An entity's fields. msrest keeps unknown ones (timezone, mentioned, text) in
    additional_properties, and `serialize()` drops them."""
    if isinstance(entity, Model):
        extra = getattr(entity, "additional_properties", None) or {}
        return {**extra, "type": getattr(entity, "type", None)}
    return entity if isinstance(entity, dict) else {}


def timezone_of(activity: Activity) -> str | None:
    for entity in activity.entities or []:
        data = _entity(entity)
        if isinstance(data, dict) and data.get("type") == "clientInfo" and data.get("timezone"):
            return str(data["timezone"])
    return None


def strip_mentions(activity: Activity) -> str:
    """The text without its @mentions. Never raises: a stray tag ("</at> <at> I want to die")
    must not cost the message, least of all the crisis lines."""
    text = str(activity.text or "")
    for entity in activity.entities or []:
        data = _entity(entity)
        if data.get("type") == "mention" and data.get("text"):
            text = text.replace(str(data["text"]), " ")
    text = _AT_TAG.sub(" ", text)
    return _STRAY_AT.sub(" ", text).strip()


def is_personal(activity: Activity) -> bool:
    """A 1:1 chat with the bot, on positive evidence only; anything else is shared.

    Teams marks personal chats `conversationType: personal` (ids "a:…"); the Emulator sends
    no type. A channel or group chat (ids "19:…", channelData.team/channel, isGroup) is
    never personal, whatever else is missing.
    """
    conversation = activity.conversation
    kind = getattr(conversation, "conversation_type", None)
    if kind is not None:
        return bool(kind == "personal")
    channel_data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    shared = (
        getattr(conversation, "is_group", False)
        or str(conversation.id).startswith("19:")
        or bool(channel_data.get("team") or channel_data.get("channel"))
    )
    if shared:
        return False
    return str(conversation.id).startswith("a:") or activity.channel_id == "emulator"


def from_a_bot(activity: Activity) -> bool:
    """Another bot (Teams bot ids start "28:") or anything that says it is one."""
    sender = activity.from_property
    if sender is None:
        return True
    return str(sender.id or "").startswith("28:") or getattr(sender, "role", None) == "bot"


def channel_key(activity: Activity) -> str:
    """A channel's conversation id without the thread (";messageid=…") part."""
    return str(activity.conversation.id).split(";", 1)[0]


def user_key(user_id: str) -> str:
    return f"user:{user_id}"


def reference_json(
    *,
    channel_id: str,
    service_url: str,
    conversation_id: str,
    tenant: str,
    conversation_type: str | None,
    bot_id: str | None,
    user_id: str | None,
) -> str:
    """What reaching a conversation again needs: ids, tenant, serviceUrl; no names."""
    reference = {
        "channelId": channel_id,
        "serviceUrl": service_url,
        "conversation": {
            "id": conversation_id,
            "tenantId": tenant,
            "conversationType": conversation_type,
        },
        "bot": {"id": bot_id} if bot_id else None,
        "user": {"id": user_id} if user_id else None,
    }
    return json.dumps(reference, separators=(",", ":"))


def minimal_reference(activity: Activity, tenant: str) -> str:
    """A personal chat's reference names its person; a channel's or group's names nobody."""
    personal = is_personal(activity)
    return reference_json(
        channel_id=activity.channel_id,
        service_url=activity.service_url,
        conversation_id=str(activity.conversation.id),
        tenant=tenant,
        conversation_type=getattr(activity.conversation, "conversation_type", None),
        bot_id=activity.recipient.id if activity.recipient else None,
        user_id=activity.from_property.id if activity.from_property and personal else None,
    )


def to_core_message(activity: Activity, place: Place) -> IncomingMessage:
    tenant = tenant_of(activity)
    user = UserRef(
        Platform.TEAMS, activity.from_property.id if activity.from_property else "", tenant
    )
    where = ConversationRef(Platform.TEAMS, str(activity.conversation.id))
    return IncomingMessage(strip_mentions(activity), user, place, where, timezone_of(activity))


def to_core_press(activity: Activity, data: Any) -> ButtonPress | None:
    if not isinstance(data, dict):
        return None
    try:
        kind = ButtonKind(data.get("kind"))
    except ValueError:
        return None
    user = UserRef(
        Platform.TEAMS,
        activity.from_property.id if activity.from_property else "",
        tenant_of(activity),
    )
    where = ConversationRef(Platform.TEAMS, str(activity.conversation.id))
    return ButtonPress(
        kind, str(data.get("value") or ""), user, Place.DIRECT, where, timezone_of(activity)
    )


def card_action_data(activity: Activity) -> Any:
    """The data of an Action.Execute invoke (adaptiveCard/action)."""
    value = activity.value if isinstance(activity.value, dict) else {}
    action = value.get("action") or {}
    return action.get("data") if isinstance(action, dict) else None


# ---- errors and retries -----------------------------------------------------------------


def _status(exc: HttpOperationError) -> int:
    response = getattr(exc, "response", None)
    return int(getattr(response, "status_code", 0) or 0)


def _retry_after(exc: HttpOperationError) -> float | None:
    response = getattr(exc, "response", None)
    header = getattr(response, "headers", {}).get("Retry-After") if response is not None else None
    try:
        return float(header) if header is not None else None
    except ValueError:
        return None


def _error_code(exc: HttpOperationError) -> str:
    response = getattr(exc, "response", None)
    try:
        body = response.json() if response is not None else {}
    except ValueError:
        return ""
    error = body.get("error") if isinstance(body, dict) else None
    return str(error.get("code", "")) if isinstance(error, dict) else ""


def platform_error(exc: Exception) -> PlatformError:
    """Map a connector failure onto the core's error family."""
    if isinstance(exc, HttpOperationError):
        status, code = _status(exc), _error_code(exc)
        if status in GONE_STATUSES or code in GONE_CODES:
            return RecipientGone(f"Teams conversation gone ({status} {code})".strip())
        if status == 429:
            return RateLimited(_retry_after(exc) or 1.0)
        return PlatformError(f"Teams connector answered {status} {code}".strip())
    if isinstance(exc, PlatformError):
        return exc
    return PlatformError(f"Teams connector unreachable: {type(exc).__name__}")


async def with_retries(
    send: Callable[[], Awaitable[T]], sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
) -> T:
    """Retry 429/412/502/504 with jittered backoff (Retry-After wins); map other failures."""
    for attempt in range(MAX_ATTEMPTS):
        try:
            return await send()
        except HttpOperationError as exc:
            if _status(exc) not in RETRY_STATUSES or attempt == MAX_ATTEMPTS - 1:
                raise platform_error(exc) from exc
            delay = _retry_after(exc)
            if delay is None:
                delay = min(MAX_BACKOFF_S, 0.5 * 2**attempt) * random.uniform(0.5, 1.5)
            log.info("Teams connector answered %d; retrying in %.1fs", _status(exc), delay)
            await sleep(min(delay, MAX_BACKOFF_S))
        except ClientRequestError as exc:
            raise platform_error(exc) from exc
    raise PlatformError("unreachable")  # pragma: no cover


# ---- the adapter ------------------------------------------------------------------------


def _speed_up_msrest_retry_policy() -> None:
    """msrest builds each client's retry policy by scanning a 500-item list 999 times
    (`i not in safe_codes`): ~5 ms of CPU per connector, two connectors per turn.
    The same codes as a frozenset give the same policy in microseconds."""
    from msrest.universal_http.requests import ClientRetryPolicy

    if not isinstance(ClientRetryPolicy.safe_codes, frozenset):
        ClientRetryPolicy.safe_codes = frozenset(ClientRetryPolicy.safe_codes)


class TeamsAdapter:
    """Owns the CloudAdapter; `handle` is the aiohttp view for POST /api/messages."""

    def __init__(
        self, conversation: Conversation, store: Store, clock: Clock, settings: TeamsAuthSettings
    ) -> None:
        self._conversation = conversation
        self._store = store
        self._clock = clock
        self._settings = settings
        self._http = HttpSource()
        _speed_up_msrest_retry_policy()
        openid.install(
            (
                settings.to_bot_from_channel_openid_metadata_url,
                settings.to_bot_from_emulator_openid_metadata_url,
            ),
            self._http,
        )
        self._auth, self.credentials = authentication(settings, self._http)
        self.cloud = CloudAdapter(self._auth)
        self.cloud.on_turn_error = self._on_turn_error
        self._failed: dict[str, Exception] = {}  # turns that failed, until handle() sees them

    async def close(self) -> None:
        await self._http.close()

    # -- inbound HTTP --------------------------------------------------------------------

    async def handle(self, request: web.Request) -> web.Response:
        local = self._settings.local
        if local and not _local_request(request):
            return web.json_response(
                {"error": "local mode accepts loopback clients only"}, status=403
            )
        if "application/json" not in request.headers.get("Content-Type", ""):
            return web.json_response({"error": "expected application/json"}, status=415)
        header = request.headers.get("Authorization")
        if not local and not header:
            return web.json_response({"error": "missing Authorization"}, status=401)
        if not local and (problem := _token_problem(header or "")):
            return web.json_response({"error": problem}, status=401)
        raw = await _read_capped(request, MAX_ACTIVITY_BYTES)
        if raw is None:
            return web.json_response({"error": "activity too large"}, status=413)
        try:
            body = json.loads(raw)
        except ValueError:
            return web.json_response({"error": "malformed JSON"}, status=400)
        if not isinstance(body, dict):
            return web.json_response({"error": "an activity is a JSON object"}, status=400)
        try:
            activity = Activity().deserialize(body)
        except Exception:
            return web.json_response({"error": "not a Bot Framework activity"}, status=400)
        if (
            not activity.type
            or activity.conversation is None
            or not activity.service_url
            or not activity.channel_id
        ):
            return web.json_response(
                {"error": "an activity needs type, channelId, conversation and serviceUrl"},
                status=400,
            )
        if not _SAFE_ID.fullmatch(str(activity.conversation.id or "")):
            # botbuilder puts the id into the connector's URL path unescaped: "../" would walk it
            return web.json_response({"error": "malformed conversation id"}, status=400)
        if local and not _loopback_url(activity.service_url):
            return web.json_response({"error": "local mode answers loopback only"}, status=403)
        if not local and not self._settings.service_url_allowed(activity.service_url):
            log.info("Teams request refused: serviceUrl is not a Microsoft Bot Connector host")
            return web.json_response({"error": "serviceUrl not allowed"}, status=403)
        try:
            authenticated = await self._auth.authenticate_request(activity, header)
        except Exception as exc:  # forged, expired, wrong audience or issuer, unreadable
            log.info("Teams request refused: %s", type(exc).__name__)
            return web.json_response({"error": "unauthorized"}, status=401)
        if not await self._first_time(activity):
            return web.json_response({}, status=200)
        try:
            invoke = await self.cloud.process_activity(authenticated, activity, self._on_turn)
        except Exception as exc:
            log.error("Teams activity not answered: %s", type(exc).__name__)
            invoke, error = None, exc
        else:
            error = self._failed.pop(_seen_key(activity), None)
        if error is not None:
            # a redelivery must get the answer this one did not: unmark the activity
            await self._unsee(activity)
            if isinstance(error, (PlatformError, HttpOperationError, ClientRequestError)):
                return web.json_response({"error": "answer not delivered; retry"}, status=503)
            return web.json_response({"error": "this activity could not be processed"}, status=400)
        if invoke is None:
            return web.Response(status=200)
        return _invoke_response(invoke)

    async def _first_time(self, activity: Activity) -> bool:
        if not activity.id:
            return True
        try:
            return await self._store.first_sighting(_seen_key(activity), self._clock.now())
        except StoreError:
            log.warning("activity de-duplication unavailable; answering anyway")
            return True

    async def _unsee(self, activity: Activity) -> None:
        if activity.id:
            try:
                await self._store.unsee(_seen_key(activity))
            except StoreError:
                log.warning("a failed activity stays marked as seen")

    async def _on_turn_error(self, context: TurnContext, error: Exception) -> None:
        log.error("Teams turn failed: %s", type(error).__name__)
        self._failed[_seen_key(context.activity)] = error

    # -- the turn ------------------------------------------------------------------------

    async def _on_turn(self, context: TurnContext) -> None:
        activity = context.activity
        if activity.type == ActivityTypes.message:
            await self._on_message(context)
        elif activity.type == ActivityTypes.invoke and activity.name == "adaptiveCard/action":
            await self._on_card_action(context)
        elif activity.type == ActivityTypes.invoke:
            # botbuilder answers an invoke nobody handled with 501; unknown input gets 200.
            await context.send_activity(
                Activity(
                    type=ActivityTypes.invoke_response, value=InvokeResponse(status=200, body={})
                )
            )
        elif activity.type in (
            ActivityTypes.conversation_update,
            ActivityTypes.installation_update,
        ):
            await self._remember(activity)

    async def _remember(self, activity: Activity) -> None:
        """Keep the conversation reference: reminders and channel tips will need it."""
        tenant = tenant_of(activity)
        key = (
            user_key(activity.from_property.id) if is_personal(activity) else channel_key(activity)
        )
        ref = ConversationRef(Platform.TEAMS, key, minimal_reference(activity, tenant))
        try:
            await self._store.save_conversation(ref, tenant, self._clock.now())
        except StoreError:
            log.warning("conversation reference not stored; will try on the next message")

    async def _on_message(self, context: TurnContext) -> None:
        activity = context.activity
        where = audience.route(own_chat=is_personal(activity), from_person=not from_a_bot(activity))
        if where is Route.NOWHERE:
            return
        await self._remember(activity)
        press = to_core_press(activity, activity.value) if activity.value else None
        if where is Route.IN_PLACE:
            if press is not None:
                reply = await self._conversation.press(press)
            else:
                reply = await self._conversation.reply(to_core_message(activity, Place.DIRECT))
            await self._send_reply(context, reply)
            return
        if press is not None:  # a button pressed on a card in a channel or group chat
            reply = await self._conversation.press(press)
        else:
            reply = await self._conversation.reply(to_core_message(activity, Place.MENTION))
        delivered = await self._reply_one_to_one(activity, reply)
        neutral = NEUTRAL_SENT if delivered else NEUTRAL_FAILED
        await with_retries(
            lambda: context.send_activity(
                Activity(type=ActivityTypes.message, text=neutral, text_format="plain")
            )
        )

    async def _on_card_action(self, context: TurnContext) -> None:
        """A button on a card. In a personal chat the answer replaces the card; anywhere else
        it goes to the presser's 1:1 chat and the shared card stays as it was."""
        activity = context.activity
        press = to_core_press(activity, card_action_data(activity))
        reply = (
            await self._conversation.press(press)
            if press is not None
            else self._conversation.help()
        )
        where = audience.route(own_chat=is_personal(activity), from_person=not from_a_bot(activity))
        if where is Route.IN_PLACE:
            body: dict[str, Any] = {
                "statusCode": 200,
                "type": teams_cards.CARD_CONTENT_TYPE,
                "value": teams_cards.adaptive_card(reply),
            }
        else:
            delivered = where is Route.PRIVATELY and await self._reply_one_to_one(activity, reply)
            body = {
                "statusCode": 200,
                "type": "application/vnd.microsoft.activity.message",
                "value": NEUTRAL_SENT if delivered else NEUTRAL_FAILED,
            }
        await context.send_activity(
            Activity(
                type=ActivityTypes.invoke_response, value=InvokeResponse(status=200, body=body)
            )
        )

    # -- sending -------------------------------------------------------------------------

    async def _send_reply(self, context: TurnContext, reply: Reply) -> None:
        """A card; if the card is refused, the same reply as plain text (crisis degrades, never fails)."""
        fields = teams_cards.attachment(reply)
        card = Activity(
            type=ActivityTypes.message,
            attachments=[Attachment(content_type=fields["contentType"], content=fields["content"])],
            summary=reply.summary,
        )
        try:
            await with_retries(lambda: context.send_activity(card))
            return
        except RecipientGone:
            raise
        except PlatformError as exc:
            log.warning("card refused (%s); sending plain text", exc)
        plain = Activity(type=ActivityTypes.message, text=_plain(reply), text_format="plain")
        await with_retries(lambda: context.send_activity(plain))

    async def _reply_one_to_one(self, activity: Activity, reply: Reply) -> bool:
        """Open (or reuse) the asker's 1:1 chat and answer there; False when Teams refuses."""
        tenant = tenant_of(activity)
        parameters = ConversationParameters(
            is_group=False,
            bot=ChannelAccount(id=activity.recipient.id),
            members=[ChannelAccount(id=activity.from_property.id)],
            tenant_id=tenant,
            channel_data={"tenant": {"id": tenant}},
        )
        failure: list[Exception] = []

        async def answer(context: TurnContext) -> None:
            try:
                await self._send_reply(context, reply)
            except Exception as exc:  # on_turn_error would swallow it: catch it where we send
                failure.append(exc)
                return
            ref = ConversationRef(
                Platform.TEAMS,
                user_key(activity.from_property.id),
                reference_json(
                    channel_id=activity.channel_id,
                    service_url=activity.service_url,
                    conversation_id=str(context.activity.conversation.id),
                    tenant=tenant,
                    conversation_type="personal",
                    bot_id=activity.recipient.id,
                    user_id=activity.from_property.id,
                ),
            )
            try:
                await self._store.save_conversation(ref, tenant, self._clock.now())
            except StoreError:
                log.warning("1:1 conversation reference not stored")

        try:
            await with_retries(
                lambda: self.cloud.create_conversation(
                    self._settings.app_id,
                    answer,
                    parameters,
                    activity.channel_id,
                    activity.service_url,
                )
            )
        except PlatformError as exc:
            log.warning("could not open a 1:1 chat: %s", exc)
            return False
        if failure:
            log.warning("1:1 answer not delivered: %s", type(failure[0]).__name__)
            return False
        return True

    async def send_proactive(self, ref: ConversationRef, reply: Reply) -> None:
        """Send to a stored conversation (reminders, channel tips). Raises PlatformError kinds."""
        reference = ConversationReference().deserialize(json.loads(ref.payload))
        if self._settings.local:
            if not _loopback_url(reference.service_url or ""):
                raise RecipientGone("local mode sends to loopback only")
        elif not self._settings.service_url_allowed(reference.service_url or ""):
            # never send the bot's token to a host that is not Microsoft's
            raise RecipientGone("stored serviceUrl is not a Microsoft Bot Connector host")
        failure: list[Exception] = []

        async def send(context: TurnContext) -> None:
            try:
                await self._send_reply(context, reply)
            except Exception as exc:  # on_turn_error would swallow it
                failure.append(exc)

        try:
            await self.cloud.continue_conversation(reference, send, self._settings.app_id)
        except Exception as exc:
            raise platform_error(exc) from exc
        if failure:
            raise platform_error(failure[0]) from failure[0]


def _seen_key(activity: Activity) -> str:
    """No chat id in the database: the conversation as a digest (see core.privacy)."""
    return f"teams:{conversation_digest(str(activity.conversation.id))}:{activity.id}"


def _plain(reply: Reply) -> str:
    from adapters.plain_text import render

    return render(reply)


def _invoke_response(invoke: InvokeResponse) -> web.Response:
    """Stock CloudAdapter.process serialises an invoke body twice and answers 500."""
    body = invoke.body
    if isinstance(body, Model):
        body = serializer_helper(body)
    if body is None:
        return web.Response(status=invoke.status or 200)
    return web.json_response(body, status=invoke.status or 200)


def _token_problem(header: str) -> str | None:
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


async def _read_capped(request: web.Request, limit: int) -> bytes | None:
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


def _local_request(request: web.Request) -> bool:
    """Local mode's only clients: a loopback peer, not proxied, addressed to a loopback Host."""
    return _from_loopback(request) and is_loopback_host(request.host)


def _loopback_url(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and is_loopback_host(parts.hostname or "")


def _from_loopback(request: web.Request) -> bool:
    """A loopback peer that is not a proxy forwarding someone else's request."""
    if any(h in request.headers for h in _PROXY_HEADERS):
        return False
    try:
        return ipaddress.ip_address(request.remote or "").is_loopback
    except ValueError:
        return False
