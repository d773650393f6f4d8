"""The Slack edge: bolt's AsyncApp, listeners handing payloads to the core, its error handler."""

from __future__ import annotations

import asyncio
import logging
import re
from typing import Any

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncRespond
from slack_bolt.error import BoltUnhandledRequestError
from slack_bolt.response import BoltResponse
from slack_sdk.errors import SlackClientError

from adapters.slack import blocks as slack_blocks
from adapters.slack.client import web_client
from adapters.slack.errors import reason
from adapters.slack.payloads import (
    BUTTON_ACTION,
    delivery_key,
    is_dm_message,
    is_own_dm,
    to_core_event,
    to_core_press,
    to_core_slash,
)
from adapters.slack.replies import Replies
from core.domain.messages import Place
from core.errors import PlatformError, StoreError
from core.services import audience
from core.services.audience import Route
from core.services.ports import Clock, EventLog
from core.services.responder import Responder

log = logging.getLogger(__name__)

ACK_BUDGET_S = 2.0  # Slack wants an answer within 3 s; leave room for the network
UNPROCESSABLE = {"error": "this payload could not be processed"}


class _QuietTokenNotice(logging.Filter):
    """bolt also reads SLACK_BOT_TOKEN itself and then warns that our client wins: it should."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("As you gave `client` as well")


class SlackAdapter:
    """Owns the bolt app; `handle` is the aiohttp view for POST /slack/events."""

    def __init__(
        self,
        responder: Responder,
        events: EventLog,
        clock: Clock,
        *,
        token: str,
        signing_secret: str,
        api_url: str,
        ack_budget_s: float = ACK_BUDGET_S,
    ) -> None:
        self._responder = responder
        self._ack_budget_s = ack_budget_s
        self._events = events
        self._clock = clock
        self.client = web_client(token, api_url)
        self._replies = Replies(self.client)
        bolt_log = logging.getLogger("wellcheck.slack.bolt")
        bolt_log.addFilter(_QuietTokenNotice())
        self.app = AsyncApp(
            client=self.client,
            signing_secret=signing_secret,
            name="wellcheck",
            logger=bolt_log,
            # Listeners run after the ack (HTTP mode on a long-lived server, not FaaS).
            process_before_response=False,
            # A payload nobody listens for (view_closed, a new event or interactivity type)
            # reaches `_on_error` rather than bolt's default 404, which Slack would retry.
            raise_error_for_unhandled_request=True,
            # The bot's own messages and events never reach a listener.
            ignoring_self_events_enabled=True,
        )
        self._register()

    async def handle(self, request: web.Request) -> web.Response:
        """Bolt chooses the status (`_on_error` keeps it off 5xx and 404); nothing is rewritten.

        The one exception: bolt raises instead of answering when a body is too malformed
        to parse, or to build even its error handler's arguments from (a signed
        `"actions": 5`). That is bad input too, so it is answered like `_on_error` does.
        """
        try:
            bolt_response = await self.app.async_dispatch(await to_bolt_request(request))
        except web.HTTPException:  # aiohttp's own answers, such as 413 for a body over 1 MiB
            raise
        except Exception as exc:
            log.warning("Slack payload could not be read: %s", type(exc).__name__)
            return web.json_response(UNPROCESSABLE, status=400)
        return await to_aiohttp_response(bolt_response)

    # ---- wiring ------------------------------------------------------------------

    def _register(self) -> None:
        app = self.app
        app.use(self._once_per_event)
        app.command(re.compile(r"^/"))(self._on_command)
        app.event("message")(self._on_message)
        app.event("app_mention")(self._on_mention)
        app.event("app_home_opened")(self._on_home_opened)
        app.action(BUTTON_ACTION)(self._on_button)
        app.error(self._on_error)

    async def _once_per_event(self, body: dict[str, Any], next: Any) -> BoltResponse | None:
        """Slack redelivers events (X-Slack-Retry-Num); answer each event_id once, cluster-wide.
        A button press or form arriving twice (same trigger_id) is answered once too."""
        key = delivery_key(body)
        if key:
            try:
                first = await self._events.first_sighting(key, self._clock.now())
            except StoreError:
                log.warning("event de-duplication unavailable; answering anyway")
                first = True
            if not first:
                return BoltResponse(status=200, body="")
        await next()
        return None

    async def _on_error(
        self, error: Exception, response: BoltResponse | None
    ) -> BoltResponse | None:
        """bolt's one error handler: for every middleware, listener and unmatched payload.

        Slack must never see a 5xx or a 404 (it would retry the same payload): a payload
        nobody listens for is acknowledged with 200; one that broke a middleware or a
        listener before its ack was bad input, not us, and gets 400. After the ack
        (`response` is None) Slack already has its 200 and nothing is returned.

        No reply is sent from here: the core's Responder turns its own failures into
        the kind sentence and the crisis lines, which the listener sends like any answer;
        what reaches this handler failed in the adapter or at Slack, as before.
        Logged: the error's type, or for a Slack call Slack's error code; never text.
        """
        what = str(error) if isinstance(error, PlatformError) else type(error).__name__
        if response is None:  # bolt accepts a returned response only when it passed one
            log.warning("Slack payload handled only in part: %s", what)
            return None
        if isinstance(error, BoltUnhandledRequestError):
            return BoltResponse(status=200, body="")
        log.warning("Slack payload could not be handled: %s", what)
        return BoltResponse(status=400, body=UNPROCESSABLE)

    # ---- listeners ---------------------------------------------------------------

    async def _on_command(self, ack: AsyncAck, body: dict[str, Any], respond: AsyncRespond) -> None:
        """`/support …`: the answer rides on the ack when ready in time, else follows."""
        task = asyncio.ensure_future(self._responder.reply(to_core_slash(body)))
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
        if not is_dm_message(event):
            return
        reply = await self._responder.reply(
            to_core_event(event, body.get("team_id", ""), Place.DIRECT)
        )
        await self._replies.post(event["channel"], reply, thread=event.get("thread_ts"))

    async def _on_mention(self, event: dict[str, Any], body: dict[str, Any]) -> None:
        # an edited mention comes again as app_mention: it was answered already
        person = not (event.get("bot_id") or event.get("edited")) and bool(event.get("user"))
        if audience.route(own_chat=False, from_person=person) is Route.NOWHERE:
            return
        message = to_core_event(event, body.get("team_id", ""), Place.MENTION)
        reply = await self._responder.reply(message)
        await self._replies.private(
            event.get("channel", ""), event["user"], reply, thread=event.get("thread_ts")
        )

    async def _on_home_opened(self, event: dict[str, Any]) -> None:
        if event.get("tab", "home") != "home":
            return
        view = slack_blocks.home_view(self._responder.home())
        try:
            await self.client.views_publish(user_id=event["user"], view=view)
        except SlackClientError as exc:
            log.warning("home tab not published: %s", reason(exc))

    async def _on_button(self, ack: AsyncAck, body: dict[str, Any], respond: AsyncRespond) -> None:
        await ack()
        actions = body.get("actions") or [{}]
        press = to_core_press(body, actions[0])
        if press is None:
            return
        reply = await self._responder.press(press)
        container = body.get("container") or {}
        user_id = press.user.id
        channel = press.conversation.id if press.conversation else ""
        thread = container.get("thread_ts")
        if container.get("type") == "view" or not channel:
            await self._replies.post(user_id, reply)  # App Home: answer in the DM
            return
        own = is_own_dm(channel) and not container.get("is_ephemeral")
        if audience.route(own_chat=own) is Route.IN_PLACE:
            await self._replies.post(channel, reply, thread=thread)
        else:  # a channel, group or ephemeral message: only the presser may see the answer
            await self._replies.private(channel, user_id, reply, respond, thread=thread)
