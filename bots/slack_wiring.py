"""Slack's part of the composition: the bolt adapter (one workspace on SLACK_BOT_TOKEN, or
app distribution with each workspace's token in the sealed installation store) and the
sender and timezone lookups scheduled tips use."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from bots.settings import Settings
from core.domain.identity import Platform, UserRef
from core.services.agency_router import AgencyRouter
from core.services.ports import Clock, Sender, Store, TimezoneSource
from core.services.tip_delivery import Outlet
from core.services.workspaces import WorkspaceLeaving

if TYPE_CHECKING:
    from adapters.slack.app import SlackAdapter
    from adapters.slack.distribution import Distribution

OutletFor = Callable[[Platform, Sender, Settings], Outlet]


def slack_delivery(
    settings: Settings,
    store: Store,
    zones: dict[Platform, TimezoneSource],
    outlets: dict[Platform, Outlet],
    outlet: OutletFor,
) -> Callable[[], Awaitable[None]]:
    """Slack's sender for tips and its timezone lookups; returns what closes the sender."""
    from adapters.slack.sender import (
        BotTokens,
        FixedToken,
        SlackSender,
        SlackTimezones,
        delivery_client,
    )

    tokens: BotTokens
    if settings.slack_distribution:
        from adapters.slack.distribution import InstalledTokens

        distribution = _distribution(settings, store, None)
        client = delivery_client(None, settings.slack_api_url)
        tokens = InstalledTokens(distribution.sealed(), distribution, client)
    else:
        assert settings.slack_bot_token
        tokens = FixedToken(settings.slack_bot_token)
    zones[Platform.SLACK] = SlackTimezones(tokens, settings.slack_api_url)
    sender = SlackSender(tokens, settings.slack_api_url)
    outlets[Platform.SLACK] = outlet(Platform.SLACK, sender, settings)
    return sender.close


def slack_adapter(
    settings: Settings, responder: AgencyRouter, store: Store, clock: Clock
) -> SlackAdapter:
    from adapters.slack.app import SlackAdapter

    assert settings.slack_signing_secret
    leaving = WorkspaceLeaving(store)
    distribution = (
        _distribution(settings, store, responder) if settings.slack_distribution else None
    )
    return SlackAdapter(
        responder,
        store,
        clock,
        token=None if distribution is not None else settings.slack_bot_token,
        signing_secret=settings.slack_signing_secret,
        api_url=settings.slack_api_url,
        distribution=distribution,
        uninstalled=leaving.slack_uninstalled,
    )


def _distribution(settings: Settings, store: Store, responder: AgencyRouter | None) -> Distribution:
    from adapters.slack.distribution import Distribution

    assert settings.slack_client_id and settings.slack_client_secret
    assert settings.slack_state_secret and settings.token_key

    def enrolled(team: str, enterprise: str) -> bool:
        return responder is None or responder.enrolled(
            UserRef(Platform.SLACK, "", team, enterprise)
        )

    return Distribution(
        settings.slack_client_id,
        settings.slack_client_secret,
        settings.slack_state_secret,
        settings.token_key,
        store,
        enrolled,
    )
