"""Slack app distribution: "Add to Slack" for many workspaces (bolt's OAuth flow), each
workspace's bot token found in the sealed installation store, and what an uninstall removes.

Set up by SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET and WELLCHECK_TOKEN_KEY;
without them the app runs in single-workspace mode on SLACK_BOT_TOKEN.
"""

from __future__ import annotations

import html
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from slack_bolt.authorization.async_authorize import AsyncInstallationStoreAuthorize
from slack_bolt.oauth.async_callback_options import (
    AsyncCallbackOptions,
    AsyncFailureArgs,
    AsyncSuccessArgs,
)
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_bolt.response import BoltResponse
from slack_sdk.oauth.token_rotation.async_rotator import AsyncTokenRotator
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.installations import SealedInstallationStore
from adapters.slack.manifest import BOT_SCOPES
from adapters.slack.oauth_state import SignedStateStore
from adapters.slack.remembered_bots import RememberedBots
from core.services.ports import InstallationBook

log = logging.getLogger(__name__)

ROTATE_BEFORE_MINUTES = 120  # refresh a rotating bot token this long before it expires
TOKEN_MEMORY_S = 60.0
# Told the workspace id after installing: what the agency's file must name to enrol it.
Enrolled = Callable[[str, str], bool]  # (team_id, enterprise_id) -> named by an agency file
Uninstalled = Callable[[str, str], Awaitable[None]]  # (team_id, enterprise_id): delete data


@dataclass(frozen=True)
class Distribution:
    client_id: str
    client_secret: str
    state_secret: str
    token_key: str
    book: InstallationBook
    enrolled: Enrolled

    def store(self) -> SealedInstallationStore:
        """The sealed store as replies use it: each workspace's bot remembered for a
        database outage."""
        return RememberedBots(self.book, self.token_key)

    def sealed(self) -> SealedInstallationStore:
        """The sealed store as scheduled sends use it: an outage is an error (the tip is
        released and sent later), never a workspace without a token."""
        return SealedInstallationStore(self.book, self.token_key)


def oauth_settings(
    distribution: Distribution, store: SealedInstallationStore
) -> AsyncOAuthSettings:
    return AsyncOAuthSettings(
        client_id=distribution.client_id,
        client_secret=distribution.client_secret,
        scopes=list(BOT_SCOPES),
        user_scopes=[],
        install_path="/slack/install",
        redirect_uri_path="/slack/oauth_redirect",
        installation_store=store,
        state_store=SignedStateStore(distribution.state_secret),
        callback_options=AsyncCallbackOptions(
            success=_success_page(distribution.enrolled), failure=_failure_page
        ),
        token_rotation_expiration_minutes=ROTATE_BEFORE_MINUTES,
        logger=logging.getLogger("wellcheck.slack.oauth"),
    )


def authorize(
    distribution: Distribution, store: SealedInstallationStore, client: AsyncWebClient
) -> AsyncInstallationStoreAuthorize:
    """bolt's per-request token lookup, with its auth.test answer remembered per token (one
    Slack round trip per token, not one per message before the ack)."""
    found = AsyncInstallationStoreAuthorize(
        installation_store=store,
        client_id=distribution.client_id,
        client_secret=distribution.client_secret,
        logger=logging.getLogger("wellcheck.slack.bolt"),
        bot_only=True,
        cache_enabled=True,
        client=client,
    )
    found.token_rotation_expiration_minutes = ROTATE_BEFORE_MINUTES
    return found


class InstalledTokens:
    """Each workspace's bot token for scheduled sends, from the installation store; a
    rotating token near its expiry is refreshed (oauth.v2.access) and saved first."""

    def __init__(
        self, store: SealedInstallationStore, distribution: Distribution, client: AsyncWebClient
    ) -> None:
        self._store = store
        self._rotator = AsyncTokenRotator(
            client_id=distribution.client_id,
            client_secret=distribution.client_secret,
            client=client,
        )
        self._known: dict[tuple[str, str], tuple[float, str | None]] = {}

    async def token_for(self, team_id: str, enterprise_id: str = "") -> str | None:
        """Remembered for a minute: a pass of thousands of tips reads each workspace once."""
        key = (team_id, enterprise_id)
        hit = self._known.get(key)
        if hit is not None and time.monotonic() - hit[0] < TOKEN_MEMORY_S:
            return hit[1]
        token = await self._fresh_token(team_id, enterprise_id)
        self._known[key] = (time.monotonic(), token)
        return token

    async def _fresh_token(self, team_id: str, enterprise_id: str) -> str | None:
        bot = await self._store.async_find_bot(
            enterprise_id=enterprise_id or None,
            team_id=team_id or None,
            is_enterprise_install=not team_id,
        )
        if bot is None:
            return None
        if bot.bot_refresh_token:
            refreshed = await self._rotator.perform_bot_token_rotation(
                bot=bot, minutes_before_expiration=ROTATE_BEFORE_MINUTES
            )
            if refreshed is not None:
                await self._store.async_save_bot(refreshed)
                bot = refreshed
        return bot.bot_token


_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}</title>
<style>body{{font:1rem/1.5 system-ui,sans-serif;max-width:38rem;margin:2rem auto;padding:0 1rem}}
code{{background:#eee;padding:.1rem .3rem}}</style></head><body><h1>{title}</h1>{body}</body></html>"""


def page(title: str, body: str, status: int) -> BoltResponse:
    return BoltResponse(
        status=status,
        body=_PAGE.format(title=html.escape(title), body=body),
        headers={
            "Content-Type": "text/html; charset=utf-8",
            "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
            "Cache-Control": "no-store",
        },
    )


def _success_page(enrolled: Enrolled) -> Callable[[AsyncSuccessArgs], Awaitable[BoltResponse]]:
    async def success(args: AsyncSuccessArgs) -> BoltResponse:
        installation = args.installation
        team = installation.team_id or ""
        enterprise = installation.enterprise_id or ""
        where = html.escape(
            installation.team_name or installation.enterprise_name or "your workspace"
        )
        if enrolled(team, enterprise):
            body = (
                f"<p>WellCheck is now in {where}. Officers can type <code>/support</code> in any "
                "channel or write to WellCheck directly; only they see the answers.</p>"
            )
        else:
            ids = f"<code>{html.escape(team)}</code>" if team else ""
            if enterprise:
                ids += f"{' or ' if ids else ''}Enterprise Grid org <code>{html.escape(enterprise)}</code>"
            body = (
                f"<p>WellCheck is installed in {where}, but no agency has enrolled this "
                f"workspace yet: until then officers are told so, with the national crisis "
                f"lines. Send this id to whoever runs WellCheck for your agency, to add to "
                f"your agency's file: {ids}.</p>"
            )
        log.info("Slack installed in a workspace (enrolled: %s)", enrolled(team, enterprise))
        return page("WellCheck is installed", body, 200)

    return success


async def _failure_page(args: AsyncFailureArgs) -> BoltResponse:
    log.warning("Slack install failed: %s", args.reason)
    body = (
        "<p>Slack did not finish installing WellCheck (the link may have expired, or the "
        'install was cancelled). <a href="/slack/install">Try again</a>; if it keeps '
        "failing, ask whoever runs WellCheck for your agency.</p>"
    )
    return page("WellCheck was not installed", body, max(400, min(args.suggested_status_code, 499)))


def revoked_bot(event: dict[str, Any]) -> bool:
    """A tokens_revoked event that takes the bot's own token (not only users')."""
    tokens = event.get("tokens") or {}
    return bool(tokens.get("bot"))
