"""One authenticated turn: a message, a card button, an install; answered in place or privately."""

from __future__ import annotations

import logging
from typing import Any

from botbuilder.core import InvokeResponse, TurnContext  # type: ignore[import-untyped]
from botbuilder.schema import Activity, ActivityTypes  # type: ignore[import-untyped]

from adapters.teams import cards
from adapters.teams.activity import (
    card_action_data,
    channel_key,
    from_a_bot,
    is_personal,
    minimal_reference,
    tenant_of,
    to_core_message,
    to_core_press,
    to_core_user,
)
from adapters.teams.errors import with_retries
from adapters.teams.outbox import Outbox, text_message
from core.domain.identity import ConversationRef, Platform, personal_chat_key
from core.domain.messages import Place
from core.errors import StoreError
from core.services import audience
from core.services.agency_router import AgencyRouter
from core.services.audience import Route
from core.services.ports import Clock, ConversationBook

log = logging.getLogger(__name__)

NEUTRAL_SENT = "I've sent you a private message."
NEUTRAL_FAILED = (
    "I couldn't open a private chat with you. Find WellCheck under Apps to chat with it privately."
)


class Turns:
    """`on_turn` is the logic CloudAdapter runs for each activity that passed the checks."""

    def __init__(
        self, responder: AgencyRouter, outbox: Outbox, book: ConversationBook, clock: Clock
    ) -> None:
        self._responder = responder
        self._outbox = outbox
        self._book = book
        self._clock = clock

    async def on_turn(self, context: TurnContext) -> None:
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
        """Keep the conversation reference: reminders and channel tips will need it. Nothing
        is kept for a tenant no agency has enrolled."""
        if not self._responder.enrolled(to_core_user(activity)):
            return
        tenant = tenant_of(activity)
        key = (
            personal_chat_key(activity.from_property.id)
            if is_personal(activity)
            else channel_key(activity)
        )
        ref = ConversationRef(Platform.TEAMS, key, minimal_reference(activity, tenant))
        try:
            await self._book.save_conversation(ref, tenant, self._clock.now())
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
                reply = await self._responder.press(press)
            else:
                reply = await self._responder.reply(to_core_message(activity, Place.DIRECT))
            await self._outbox.reply(context, reply)
            return
        if press is not None:  # a button pressed on a card in a channel or group chat
            reply = await self._responder.press(press)
        else:
            reply = await self._responder.reply(to_core_message(activity, Place.MENTION))
        keep = self._responder.enrolled(to_core_user(activity))
        delivered = await self._outbox.one_to_one(activity, reply, keep=keep)
        neutral = NEUTRAL_SENT if delivered else NEUTRAL_FAILED
        await with_retries(lambda: context.send_activity(text_message(neutral)))

    async def _on_card_action(self, context: TurnContext) -> None:
        """A button on a card. In a personal chat the answer replaces the card; anywhere else
        it goes to the presser's 1:1 chat and the shared card stays as it was."""
        activity = context.activity
        press = to_core_press(activity, card_action_data(activity))
        user = to_core_user(activity)
        reply = (
            await self._responder.press(press) if press is not None else self._responder.help(user)
        )
        where = audience.route(own_chat=is_personal(activity), from_person=not from_a_bot(activity))
        if where is Route.IN_PLACE:
            body: dict[str, Any] = {
                "statusCode": 200,
                "type": cards.CARD_CONTENT_TYPE,
                "value": cards.adaptive_card(reply),
            }
        else:
            delivered = where is Route.PRIVATELY and await self._outbox.one_to_one(
                activity, reply, keep=self._responder.enrolled(user)
            )
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
