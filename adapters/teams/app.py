"""The Teams edge: botbuilder's CloudAdapter translating activities to core types and back.

Every botbuilder import stays in adapters/teams*: the Python Bot Framework SDK is
being retired. Known 4.17 faults are handled here: invoke bodies (500 in stock
`CloudAdapter.process`), `conversation.tenantId` dropped on deserialisation, the
bot app id that proactive calls need, per-send token fetches (teams_auth), and
`on_turn_error` swallowing proactive-send errors.
"""

from __future__ import annotations

import json
import logging
from typing import Any

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
from msrest.exceptions import ClientRequestError, HttpOperationError
from msrest.serialization import Model

from adapters.teams import cards as teams_cards
from adapters.teams import openid as openid
from adapters.teams.activity import (
    card_action_data,
    channel_key,
    from_a_bot,
    is_personal,
    minimal_reference,
    reference_json,
    tenant_of,
    to_core_message,
    to_core_press,
    user_key,
)
from adapters.teams.auth import HttpSource, TeamsAuthSettings, authentication
from adapters.teams.errors import platform_error, with_retries
from adapters.teams.guard import (
    MAX_ACTIVITY_BYTES,
    SAFE_ID,
    local_request,
    loopback_url,
    read_capped,
    token_problem,
)
from core.domain.identity import ConversationRef, Platform
from core.domain.messages import Place
from core.domain.replies import Reply
from core.errors import PlatformError, RecipientGone, StoreError
from core.services import audience
from core.services.audience import Route
from core.services.ports import Clock, Store
from core.services.privacy import conversation_digest
from core.services.responder import Conversation

log = logging.getLogger(__name__)

NEUTRAL_SENT = "I've sent you a private message."
NEUTRAL_FAILED = (
    "I couldn't open a private chat with you. Find WellCheck under Apps to chat with it privately."
)

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
        if local and not local_request(request):
            return web.json_response(
                {"error": "local mode accepts loopback clients only"}, status=403
            )
        if "application/json" not in request.headers.get("Content-Type", ""):
            return web.json_response({"error": "expected application/json"}, status=415)
        header = request.headers.get("Authorization")
        if not local and not header:
            return web.json_response({"error": "missing Authorization"}, status=401)
        if not local and (problem := token_problem(header or "")):
            return web.json_response({"error": problem}, status=401)
        raw = await read_capped(request, MAX_ACTIVITY_BYTES)
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
        if not SAFE_ID.fullmatch(str(activity.conversation.id or "")):
            # botbuilder puts the id into the connector's URL path unescaped: "../" would walk it
            return web.json_response({"error": "malformed conversation id"}, status=400)
        if local and not loopback_url(activity.service_url):
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
            if not loopback_url(reference.service_url or ""):
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
    """No chat id in the database: the conversation as a digest (see core.services.privacy)."""
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
