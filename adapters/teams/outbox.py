"""Replies out: in the turn, in the asker's 1:1 chat, and proactively to a stored conversation."""

from __future__ import annotations

import json
import logging

from botbuilder.core import TurnContext  # type: ignore[import-untyped]
from botbuilder.integration.aiohttp import CloudAdapter  # type: ignore[import-untyped]
from botbuilder.schema import (  # type: ignore[import-untyped]
    Activity,
    ActivityTypes,
    Attachment,
    ChannelAccount,
    ConversationParameters,
    ConversationReference,
)

from adapters.plain_text import render
from adapters.teams import cards
from adapters.teams.activity import reference_json, tenant_of
from adapters.teams.config import TeamsConfig
from adapters.teams.errors import (
    RETRY_STATUSES,
    SCHEDULED_RETRY_STATUSES,
    platform_error,
    with_retries,
)
from adapters.teams.guard import loopback_url
from adapters.teams.wire import CardActivity
from core.domain.identity import ConversationRef, Platform, personal_chat_key
from core.domain.replies import Reply
from core.errors import NotSent, PlatformError, RateLimited, RecipientGone, StoreError
from core.services.ports import Clock, ConversationBook

log = logging.getLogger(__name__)


def card_message(reply: Reply) -> CardActivity:
    """A reply as an Adaptive Card message (written to the wire by adapters/teams/wire.py)."""
    fields = cards.attachment(reply)
    return CardActivity(
        type=ActivityTypes.message,
        attachments=[Attachment(content_type=fields["contentType"], content=fields["content"])],
        summary=reply.summary,
    )


def text_message(text: str) -> Activity:
    return Activity(type=ActivityTypes.message, text=text, text_format="plain")


class Outbox:
    """Sends through the CloudAdapter; a send that fails raises, never vanishes in on_turn_error."""

    def __init__(
        self, cloud: CloudAdapter, config: TeamsConfig, book: ConversationBook, clock: Clock
    ) -> None:
        self._cloud = cloud
        self._config = config
        self._book = book
        self._clock = clock

    async def reply(self, context: TurnContext, reply: Reply, *, scheduled: bool = False) -> None:
        """A card; if the card is refused, the same reply as plain text (crisis degrades, never
        fails). A scheduled tip falls back only when the card certainly was not taken, and
        hands a 429 or a maybe-sent failure back to the delivery pass: never twice."""
        statuses = SCHEDULED_RETRY_STATUSES if scheduled else RETRY_STATUSES
        card = card_message(reply)
        try:
            await with_retries(lambda: context.send_activity(card), statuses=statuses)
            return
        except RecipientGone:
            raise
        except PlatformError as exc:
            if scheduled and (isinstance(exc, RateLimited) or not isinstance(exc, NotSent)):
                raise
            log.warning("card refused (%s); sending plain text", exc)
        plain = text_message(render(reply))
        await with_retries(lambda: context.send_activity(plain), statuses=statuses)

    async def one_to_one(self, activity: Activity, reply: Reply, *, keep: bool = True) -> bool:
        """Open (or reuse) the asker's 1:1 chat and answer there; False when Teams refuses.
        `keep`: store the chat's reference for reminders (not for a tenant not enrolled)."""
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
                await self.reply(context, reply)
            except Exception as exc:  # on_turn_error would swallow it: catch it where we send
                failure.append(exc)
                return
            if not keep:
                return
            ref = ConversationRef(
                Platform.TEAMS,
                personal_chat_key(activity.from_property.id),
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
                await self._book.save_conversation(ref, tenant, self._clock.now())
            except StoreError:
                log.warning("1:1 conversation reference not stored")

        try:
            await with_retries(
                lambda: self._cloud.create_conversation(
                    self._config.app_id,
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

    async def proactive(self, ref: ConversationRef, reply: Reply) -> None:
        """Send to a stored conversation (reminders, channel tips). Raises PlatformError kinds."""
        reference = ConversationReference().deserialize(json.loads(ref.payload))
        if self._config.unauthenticated:
            if not loopback_url(reference.service_url or ""):
                raise RecipientGone("local mode sends to loopback only")
        elif not self._config.service_url_allowed(reference.service_url or ""):
            # never send the bot's token to a host that is not Microsoft's
            raise RecipientGone("stored serviceUrl is not a Microsoft Bot Connector host")
        failure: list[Exception] = []

        async def send(context: TurnContext) -> None:
            try:
                await self.reply(context, reply, scheduled=True)
            except Exception as exc:  # on_turn_error would swallow it
                failure.append(exc)

        try:
            await self._cloud.continue_conversation(reference, send, self._config.app_id)
        except Exception as exc:
            raise platform_error(exc) from exc
        if failure:
            raise platform_error(failure[0]) from failure[0]
