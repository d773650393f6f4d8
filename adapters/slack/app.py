"""The Slack edge: slack-bolt's AsyncApp translating Slack payloads to core types and back.

HTTP mode mounts on our own aiohttp route (`handle`); Socket Mode is for local
development. Every reply goes only to the asker: ephemeral, or in their DM.
"""

from __future__ import annotations

import asyncio
import logging
import re
from typing import Any

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncRespond
from slack_bolt.response import BoltResponse
from slack_sdk.errors import SlackApiError, SlackClientError

from adapters.slack import blocks as slack_blocks
from adapters.slack.client import web_client
from core.domain.identity import ConversationRef, Platform, UserRef
from core.domain.messages import ButtonKind, ButtonPress, IncomingMessage, Place
from core.domain.replies import Reply
from core.errors import PlatformError, StoreError
from core.services import audience
from core.services.audience import Route
from core.services.ports import Clock, Store
from core.services.responder import Conversation

log = logging.getLogger(__name__)

ACK_BUDGET_S = 2.0  # Slack wants an answer within 3 s; leave room for the network
_MENTION = re.compile(r"<@[A-Z0-9]+(?:\|[^>]*)?>")
_BUTTON_ACTION = re.compile(r"^(?P<kind>" + "|".join(k.value for k in ButtonKind) + r")(?::.*)?$")


def to_core_user(user_id: str, team_id: str) -> UserRef:
    return UserRef(Platform.SLACK, user_id, team_id)


def to_core_slash(body: dict[str, Any]) -> IncomingMessage:
    user = to_core_user(body.get("user_id", ""), body.get("team_id", ""))
    where = ConversationRef(Platform.SLACK, body.get("channel_id", ""))
    return IncomingMessage(body.get("text") or "", user, Place.SLASH, where)


def to_core_event(event: dict[str, Any], team_id: str, place: Place) -> IncomingMessage:
    text = _MENTION.sub(" ", event.get("text") or "")
    user = to_core_user(event.get("user", ""), team_id)
    return IncomingMessage(
        text, user, place, ConversationRef(Platform.SLACK, event.get("channel", ""))
    )


def to_core_press(body: dict[str, Any], action: dict[str, Any]) -> ButtonPress | None:
    matched = _BUTTON_ACTION.match(action.get("action_id", ""))
    if matched is None:
        return None
    value = action.get("value", "")
    user = body.get("user") or {}
    team = (body.get("team") or {}).get("id") or user.get("team_id", "")
    channel = (body.get("channel") or {}).get("id") or (body.get("container") or {}).get(
        "channel_id", ""
    )
    return ButtonPress(
        ButtonKind(matched["kind"]),
        "" if value == "-" else value,
        to_core_user(user.get("id", ""), team),
        Place.DIRECT,
        ConversationRef(Platform.SLACK, channel),
    )


# Subtypes a person writes themselves: answer their text. Edits, deletions, joins, bot and
# system messages are not a person asking anything.
_PERSON_SUBTYPES = frozenset({None, "file_share", "thread_broadcast", "me_message"})


def _is_dm_message(event: dict[str, Any]) -> bool:
    """A person's own new message in a DM (a file with a caption counts), not a bot's."""
    return (
        event.get("channel_type") == "im"
        and event.get("subtype") in _PERSON_SUBTYPES
        and not event.get("bot_id")
        and bool(event.get("user"))
        and bool((event.get("text") or "").strip())
    )


def _is_own_dm(channel: str) -> bool:
    """A Slack DM channel ("D…"): the only shared-nothing place a button can sit in."""
    return channel.startswith("D")


class _QuietTokenNotice(logging.Filter):
    """bolt also reads SLACK_BOT_TOKEN itself and then warns that our client wins: it should."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("As you gave `client` as well")


class SlackAdapter:
    """Owns the bolt app; `handle` is the aiohttp view for POST /slack/events."""

    def __init__(
        self,
        conversation: Conversation,
        store: Store,
        clock: Clock,
        *,
        token: str,
        signing_secret: str,
        api_url: str,
        ack_budget_s: float = ACK_BUDGET_S,
    ) -> None:
        self._conversation = conversation
        self._ack_budget_s = ack_budget_s
        self._store = store
        self._clock = clock
        self.client = web_client(token, api_url)
        bolt_log = logging.getLogger("wellcheck.slack.bolt")
        bolt_log.addFilter(_QuietTokenNotice())
        self.app = AsyncApp(
            client=self.client, signing_secret=signing_secret, name="wellcheck", logger=bolt_log
        )
        self._register()

    async def handle(self, request: web.Request) -> web.Response:
        bolt_response = await self.app.async_dispatch(await to_bolt_request(request))
        if bolt_response.status == 404:
            # a payload kind nobody listens for (view_closed, a new interactivity type): Slack
            # would retry a 404, so acknowledge it and do nothing
            return web.Response(status=200)
        if bolt_response.status >= 500:
            # bolt answers 500 when a payload breaks a listener: the input was bad, not us
            log.warning(
                "Slack payload could not be handled (bolt answered %d)", bolt_response.status
            )
            return web.json_response({"error": "this payload could not be processed"}, status=400)
        return await to_aiohttp_response(bolt_response)

    # ---- wiring ------------------------------------------------------------------

    def _register(self) -> None:
        app = self.app
        app.use(self._once_per_event)
        app.command(re.compile(r"^/"))(self._on_command)
        app.event("message")(self._on_message)
        app.event("app_mention")(self._on_mention)
        app.event("app_home_opened")(self._on_home_opened)
        app.action(_BUTTON_ACTION)(self._on_button)
        # Bolt answers what nobody listens for with 404, and Slack then retries it:
        # acknowledge everything else and do nothing.
        app.event(re.compile(".*"))(self._ignore)
        app.action(re.compile(".*"))(self._ack_only)
        app.view(re.compile(".*"))(self._ack_only)
        app.shortcut(re.compile(".*"))(self._ack_only)
        app.options(re.compile(".*"))(self._ack_only)

    async def _once_per_event(self, body: dict[str, Any], next: Any) -> BoltResponse | None:
        """Slack redelivers events (X-Slack-Retry-Num); answer each event_id once, cluster-wide.
        A button press or form arriving twice (same trigger_id) is answered once too."""
        key = _delivery_key(body)
        if key:
            try:
                first = await self._store.first_sighting(key, self._clock.now())
            except StoreError:
                log.warning("event de-duplication unavailable; answering anyway")
                first = True
            if not first:
                return BoltResponse(status=200, body="")
        await next()
        return None

    async def _ignore(self) -> None:
        return None

    async def _ack_only(self, ack: AsyncAck) -> None:
        await ack()

    # ---- listeners ---------------------------------------------------------------

    async def _on_command(self, ack: AsyncAck, body: dict[str, Any], respond: AsyncRespond) -> None:
        """`/support …`: the answer rides on the ack when ready in time, else follows."""
        task = asyncio.ensure_future(self._conversation.reply(to_core_slash(body)))
        done, _ = await asyncio.wait({task}, timeout=self._ack_budget_s)
        if done:
            await ack(response_type="ephemeral", **slack_blocks.message(task.result()))
            return
        await ack(response_type="ephemeral", text="One moment…")
        reply = await task
        await respond(
            response_type="ephemeral", replace_original=False, **slack_blocks.message(reply)
        )

    async def _on_message(self, event: dict[str, Any], body: dict[str, Any]) -> None:
        if not _is_dm_message(event):
            return
        reply = await self._conversation.reply(
            to_core_event(event, body.get("team_id", ""), Place.DIRECT)
        )
        await self._post(event["channel"], reply, thread=event.get("thread_ts"))

    async def _on_mention(self, event: dict[str, Any], body: dict[str, Any]) -> None:
        # an edited mention comes again as app_mention: it was answered already
        person = not (event.get("bot_id") or event.get("edited")) and bool(event.get("user"))
        if audience.route(own_chat=False, from_person=person) is Route.NOWHERE:
            return
        message = to_core_event(event, body.get("team_id", ""), Place.MENTION)
        reply = await self._conversation.reply(message)
        await self._private(
            event.get("channel", ""), event["user"], reply, thread=event.get("thread_ts")
        )

    async def _on_home_opened(self, event: dict[str, Any]) -> None:
        if event.get("tab", "home") != "home":
            return
        view = slack_blocks.home_view(self._conversation.home())
        try:
            await self.client.views_publish(user_id=event["user"], view=view)
        except SlackClientError as exc:
            log.warning("home tab not published: %s", _reason(exc))

    async def _on_button(self, ack: AsyncAck, body: dict[str, Any], respond: AsyncRespond) -> None:
        await ack()
        actions = body.get("actions") or [{}]
        press = to_core_press(body, actions[0])
        if press is None:
            return
        reply = await self._conversation.press(press)
        container = body.get("container") or {}
        user_id = press.user.id
        channel = press.conversation.id if press.conversation else ""
        thread = container.get("thread_ts")
        if container.get("type") == "view" or not channel:
            await self._post(user_id, reply)  # App Home: answer in the DM
            return
        own = _is_own_dm(channel) and not container.get("is_ephemeral")
        if audience.route(own_chat=own) is Route.IN_PLACE:
            await self._post(channel, reply, thread=thread)
        else:  # a channel, group or ephemeral message: only the presser may see the answer
            await self._private(channel, user_id, reply, respond, thread=thread)

    # ---- sending -----------------------------------------------------------------

    async def _post(self, channel: str, reply: Reply, thread: str | None = None) -> None:
        """Post in a DM (a user id as `channel` opens the bot's DM with them).

        If Slack refuses the blocks, the same reply goes again as plain text: a
        crisis answer degrades rather than fails.
        """
        threaded = {"thread_ts": thread} if thread else {}
        try:
            await self.client.chat_postMessage(
                channel=channel, **threaded, **slack_blocks.message(reply)
            )
            return
        except SlackApiError as exc:
            log.warning("reply with blocks refused: %s; sending plain text", _reason(exc))
        except SlackClientError as exc:
            log.warning("reply not delivered: %s", _reason(exc))
            raise PlatformError("Slack did not take the reply") from exc
        try:
            await self.client.chat_postMessage(
                channel=channel, text=slack_blocks.plain_text(reply), **threaded
            )
        except SlackClientError as exc:
            log.warning("plain-text reply not delivered: %s", _reason(exc))
            raise PlatformError("Slack did not take the reply") from exc

    async def _private(
        self,
        channel: str,
        user: str,
        reply: Reply,
        respond: AsyncRespond | None = None,
        thread: str | None = None,
    ) -> None:
        """Only the asker sees it: ephemeral in the channel, else via response_url, else DM."""
        content = slack_blocks.message(reply)
        threaded = {"thread_ts": thread} if thread else {}
        try:
            await self.client.chat_postEphemeral(channel=channel, user=user, **threaded, **content)
            return
        except SlackClientError as exc:
            log.info("ephemeral reply refused (%s); trying another private route", _reason(exc))
        if respond is not None:
            try:
                await respond(response_type="ephemeral", replace_original=False, **content)
                return
            except Exception as exc:  # the response_url is Slack's; any failure → DM
                log.info("response_url failed (%s); sending a DM", type(exc).__name__)
        await self._post(user, reply)


def _delivery_key(body: dict[str, Any]) -> str | None:
    """What identifies one delivery: the event_id of an event, the trigger_id of a press."""
    team = body.get("team_id") or (body.get("team") or {}).get("id") or ""
    if body.get("type") == "event_callback" and body.get("event_id"):
        return f"slack:{team}:{body['event_id']}"
    if body.get("type") in _INTERACTIVE and body.get("trigger_id"):
        return f"slack:{team}:{body['trigger_id']}"
    return None


_INTERACTIVE = frozenset({"block_actions", "view_submission", "shortcut", "message_action"})


def _reason(exc: SlackClientError) -> str:
    if isinstance(exc, SlackApiError):
        return str(exc.response.get("error", "error"))
    return type(exc).__name__
