"""The Teams edge: POST /api/messages checked, authenticated, de-duplicated, run by CloudAdapter."""

from __future__ import annotations

import logging
from typing import Protocol

from aiohttp import web
from botbuilder.core import InvokeResponse, TurnContext  # type: ignore[import-untyped]
from botbuilder.integration.aiohttp import CloudAdapter  # type: ignore[import-untyped]
from botbuilder.schema import Activity  # type: ignore[import-untyped]

from adapters.teams import botbuilder_fixes
from adapters.teams.activity import to_core_user
from adapters.teams.auth import authentication
from adapters.teams.config import TeamsConfig
from adapters.teams.guard import admit
from adapters.teams.outbox import Outbox
from adapters.teams.responses import answered, failed, refusal
from adapters.teams.tokens import HttpSource
from adapters.teams.turn import NEUTRAL_FAILED, NEUTRAL_SENT, Turns
from core.domain.identity import ConversationRef, Platform
from core.domain.replies import Reply
from core.errors import StoreError
from core.services.agency_router import AgencyRouter
from core.services.ports import Clock, ConversationBook, EventLog
from core.services.privacy import sightings_prefix

__all__ = ["NEUTRAL_FAILED", "NEUTRAL_SENT", "TeamsAdapter", "TeamsStore"]

log = logging.getLogger(__name__)


class TeamsStore(EventLog, ConversationBook, Protocol):
    """The store's roles Teams uses: activities seen, and how to reach a conversation again."""


class TeamsAdapter:
    """Owns the CloudAdapter; `handle` is the aiohttp view for POST /api/messages."""

    def __init__(
        self, responder: AgencyRouter, store: TeamsStore, clock: Clock, config: TeamsConfig
    ) -> None:
        botbuilder_fixes.apply()
        self._responder = responder
        self._store = store
        self._clock = clock
        self._config = config
        self._http = HttpSource()
        self._auth, self.credentials = authentication(config, self._http)
        self.cloud = CloudAdapter(self._auth)
        self.cloud.on_turn_error = self._on_turn_error
        self._outbox = Outbox(self.cloud, config, store, clock)
        self._turns = Turns(responder, self._outbox, store, clock)
        self._failed: dict[str, Exception] = {}  # turns that failed, until handle() sees them

    async def close(self) -> None:
        await self._http.close()

    async def handle(self, request: web.Request) -> web.Response:
        admitted = await admit(request, self._config)
        if isinstance(admitted, web.Response):
            return admitted
        activity, header = admitted
        try:
            authenticated = await self._auth.authenticate_request(activity, header)
        except Exception as exc:  # forged, expired, wrong audience or issuer, unreadable
            log.info("Teams request refused: %s", type(exc).__name__)
            return refusal(401, "unauthorized")
        if not await self._first_time(activity):
            return web.json_response({}, status=200)
        invoke: InvokeResponse | None = None
        error: Exception | None
        try:
            invoke = await self.cloud.process_activity(authenticated, activity, self._turns.on_turn)
        except Exception as exc:
            log.error("Teams activity not answered: %s", type(exc).__name__)
            error = exc
        else:
            error = self._failed.pop(_seen_key(activity), None)
        if error is not None:
            # a redelivery must get the answer this one did not: unmark the activity
            await self._unsee(activity)
            return failed(error)
        return answered(invoke)

    async def send_proactive(self, ref: ConversationRef, reply: Reply) -> None:
        """Send to a stored conversation (reminders, channel tips). Raises PlatformError kinds."""
        await self._outbox.proactive(ref, reply)

    async def _first_time(self, activity: Activity) -> bool:
        """Redeliveries are answered once; for a tenant no agency has enrolled nothing is
        written, not even this (a redelivery gets the same kind reply again)."""
        if not activity.id or not self._responder.enrolled(to_core_user(activity)):
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


def _seen_key(activity: Activity) -> str:
    """No chat id in the database: the conversation as a digest (see core.services.privacy)."""
    return sightings_prefix(Platform.TEAMS, str(activity.conversation.id)) + str(activity.id)
