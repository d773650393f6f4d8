"""Answers on their way to the asker alone: in their DM, or ephemeral where only they see it."""

from __future__ import annotations

import logging

from slack_bolt.async_app import AsyncRespond
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack import blocks as slack_blocks
from adapters.slack.errors import FAILURES, platform_error, reason
from core.domain.replies import Reply

log = logging.getLogger(__name__)


class Replies:
    """Posts answers with the bolt app's Web API client; failures leave as PlatformError."""

    def __init__(self, client: AsyncWebClient) -> None:
        self._client = client

    async def post(self, channel: str, reply: Reply, thread: str | None = None) -> None:
        """Post in a DM (a user id as `channel` opens the bot's DM with them).

        If Slack refuses the blocks (any `ok: false`, even a gone channel or a 429 left
        after the client's own retries), the same reply goes again as plain text: a
        crisis answer degrades rather than fails. A call that got no answer is not sent
        again, and the plain-text attempt's failure is the one raised.
        """
        try:
            await self._client.chat_postMessage(
                channel=channel, thread_ts=thread, **slack_blocks.message(reply)
            )
            return
        except SlackApiError as exc:
            log.warning("reply with blocks refused: %s; sending plain text", reason(exc))
        except FAILURES as exc:
            log.warning("reply not delivered: %s", reason(exc))
            raise platform_error(exc) from exc
        try:
            await self._client.chat_postMessage(
                channel=channel, thread_ts=thread, text=slack_blocks.plain_text(reply)
            )
        except FAILURES as exc:
            log.warning("plain-text reply not delivered: %s", reason(exc))
            raise platform_error(exc) from exc

    async def private(
        self,
        channel: str,
        user: str,
        reply: Reply,
        respond: AsyncRespond | None = None,
        thread: str | None = None,
    ) -> None:
        """Only the asker sees it: ephemeral in the channel, else via response_url, else DM."""
        content = slack_blocks.message(reply)
        try:
            await self._client.chat_postEphemeral(
                channel=channel, user=user, thread_ts=thread, **content
            )
            return
        except SlackClientError as exc:  # Slack answered no (or the call was never made)
            log.info("ephemeral reply refused (%s); trying another private route", reason(exc))
        if respond is not None:
            try:
                await respond(response_type="ephemeral", replace_original=False, **content)
                return
            except Exception as exc:  # the response_url is Slack's; any failure → DM
                log.info("response_url failed (%s); sending a DM", type(exc).__name__)
        await self.post(user, reply)
