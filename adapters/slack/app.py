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
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack import blocks as slack_blocks
from adapters.slack.client import web_client
from adapters.slack.distribution import (
    Distribution,
    Uninstalled,
    authorize,
    oauth_settings,
    revoked_bot,
)
from adapters.slack.errors import reason
from adapters.slack.installations import SealedInstallationStore
from adapters.slack.payloads import (
    BUTTON_ACTION,
    delivery_key,
    enterprise_of,
    is_dm_message,
    is_own_dm,
    to_core_event,
    to_core_press,
    to_core_slash,
    to_core_user,
)
from adapters.slack.replies import Replies
from core.domain.messages import Place
from core.errors import PlatformError, StoreError
from core.services import audience
from core.services.agency_router import AgencyRouter
from core.services.audience import Route
from core.services.ports import Clock, EventLog

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
        responder: AgencyRouter,
        events: EventLog,
        clock: Clock,
        *,
        token: str | None,
        signing_secret: str,
        api_url: str,
        ack_budget_s: float = ACK_BUDGET_S,
        distribution: Distribution | None = None,
        uninstalled: Uninstalled | None = None,
    ) -> None:
        """One workspace on `token`, or (`distribution`) every workspace that installed
        the app, each on its own token; `uninstalled` deletes a workspace's data."""
        self._responder = responder
        self._ack_budget_s = ack_budget_s
        self._events = events
        self._clock = clock
        self._uninstalled = uninstalled
        self.client = web_client(token, api_url)
        self.installations: SealedInstallationStore | None = None
        bolt_log = logging.getLogger("wellcheck.slack.bolt")
        bolt_log.addFilter(_QuietTokenNotice())
        oauth: dict[str, Any] = {}
        if distribution is not None:
            self.installations = store = distribution.store()
            oauth = {
                "oauth_settings": oauth_settings(distribution, store),
                "authorize": authorize(distribution, store, self.client),
                "installation_store": store,
            }
        self.app = AsyncApp(
            client=self.client,
            signing_secret=signing_secret,
            name="wellcheck",
            logger=bolt_log,
            **oauth,
            # No token found for the workspace (not installed, or the database down before
            # this process saw it): what bolt says through the response_url, which needs none.
            user_facing_authorize_error_message=slack_blocks.plain_text(responder.fallback()),
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

    async def handle_oauth(self, request: web.Request) -> web.Response:
        """GET /slack/install ("Add to Slack") and GET /slack/oauth_redirect (its callback):
        bolt's OAuth flow, state signed and checked against the installer's cookie."""
        flow = self.app.oauth_flow
        if flow is None:
            raise web.HTTPNotFound(text="Slack app distribution is not configured")
        bolt_request = await to_bolt_request(request)
        if request.path == flow.install_path:
            return await to_aiohttp_response(await flow.handle_installation(bolt_request))
        return await to_aiohttp_response(await flow.handle_callback(bolt_request))

    # ---- wiring ------------------------------------------------------------------

    def _register(self) -> None:
        app = self.app
        app.use(self._once_per_event)
        app.command(re.compile(r"^/"))(self._on_command)
        app.event("message")(self._on_message)
        app.event("app_mention")(self._on_mention)
        app.event("app_home_opened")(self._on_home_opened)
        app.action(BUTTON_ACTION)(self._on_button)
        app.event("app_uninstalled")(self._on_uninstalled)
        app.event("tokens_revoked")(self._on_tokens_revoked)
        app.error(self._on_error)

    async def _once_per_event(self, body: dict[str, Any], next: Any) -> BoltResponse | None:
        """Slack redelivers events (X-Slack-Retry-Num); answer each event_id once, cluster-wide.
        A button press or form arriving twice (same trigger_id) is answered once too. Nothing
        is written for a workspace no agency has enrolled (it gets the same kind reply)."""
        key = delivery_key(body)
        team = body.get("team_id") or (body.get("team") or {}).get("id") or ""
        if key and self._responder.enrolled(to_core_user("", team, enterprise_of(body))):
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

    async def _on_message(
        self, event: dict[str, Any], body: dict[str, Any], client: AsyncWebClient
    ) -> None:
        if not is_dm_message(event):
            return
        reply = await self._responder.reply(
            to_core_event(event, body.get("team_id", ""), Place.DIRECT, enterprise_of(body))
        )
        await Replies(client).post(event["channel"], reply, thread=event.get("thread_ts"))

    async def _on_mention(
        self, event: dict[str, Any], body: dict[str, Any], client: AsyncWebClient
    ) -> None:
        # an edited mention comes again as app_mention: it was answered already
        person = not (event.get("bot_id") or event.get("edited")) and bool(event.get("user"))
        if audience.route(own_chat=False, from_person=person) is Route.NOWHERE:
            return
        message = to_core_event(event, body.get("team_id", ""), Place.MENTION, enterprise_of(body))
        reply = await self._responder.reply(message)
        await Replies(client).private(
            event.get("channel", ""), event["user"], reply, thread=event.get("thread_ts")
        )

    async def _on_home_opened(
        self, event: dict[str, Any], body: dict[str, Any], client: AsyncWebClient
    ) -> None:
        if event.get("tab", "home") != "home":
            return
        user = to_core_user(event.get("user", ""), body.get("team_id", ""), enterprise_of(body))
        view = slack_blocks.home_view(self._responder.home(user))
        try:
            await client.views_publish(user_id=event["user"], view=view)
        except SlackClientError as exc:
            log.warning("home tab not published: %s", reason(exc))

    async def _on_button(
        self, ack: AsyncAck, body: dict[str, Any], respond: AsyncRespond, client: AsyncWebClient
    ) -> None:
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
        replies = Replies(client)
        if container.get("type") == "view" or not channel:
            await replies.post(user_id, reply)  # App Home: answer in the DM
            return
        own = is_own_dm(channel) and not container.get("is_ephemeral")
        if audience.route(own_chat=own) is Route.IN_PLACE:
            await replies.post(channel, reply, thread=thread)
        else:  # a channel, group or ephemeral message: only the presser may see the answer
            await replies.private(channel, user_id, reply, respond, thread=thread)

    # ---- uninstalls -------------------------------------------------------------

    async def _on_uninstalled(self, body: dict[str, Any]) -> None:
        """The app left a workspace (or a Grid org): its tokens and its people's data go."""
        await self._forget_workspace(body)

    async def _on_tokens_revoked(self, event: dict[str, Any], body: dict[str, Any]) -> None:
        """The bot's token revoked: as an uninstall. Users' tokens: only those go."""
        if revoked_bot(event):
            await self._forget_workspace(body)
            return
        if self.installations is None:
            return
        enterprise, team = enterprise_of(body) or None, body.get("team_id") or None
        for user_id in (event.get("tokens") or {}).get("oauth") or []:
            await self.installations.async_delete_installation(
                enterprise_id=enterprise, team_id=team, user_id=user_id
            )

    async def _forget_workspace(self, body: dict[str, Any]) -> None:
        enterprise = enterprise_of(body)
        org_wide = bool(body.get("is_enterprise_install"))
        team = "" if org_wide else str(body.get("team_id") or "")
        if self.installations is not None:
            await self.installations.async_delete_all(
                enterprise_id=enterprise or None, team_id=team or None
            )
        if self._uninstalled is not None:
            await self._uninstalled(team, enterprise)
        log.info("Slack app uninstalled from a workspace: its tokens and data deleted")
