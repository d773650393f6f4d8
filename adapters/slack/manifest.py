"""The Slack app manifest an admin pastes into "Create New App → From a manifest"."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import yaml

PLACEHOLDER_URL = "https://YOUR-WELLCHECK-HOST/slack/events"
# The least the bot needs: the command, replying, reading and opening its own DMs,
# hearing @mentions, and reading a user's timezone for reminders.
BOT_SCOPES = ("commands", "chat:write", "im:history", "im:write", "app_mentions:read", "users:read")
# app_uninstalled and tokens_revoked: a workspace that removes the app loses its data too.
BOT_EVENTS = ("app_home_opened", "app_mention", "message.im", "app_uninstalled", "tokens_revoked")


def request_url_problem(url: str) -> str | None:
    """Why Slack could not use `url` as the bot's request URL, if it could not."""
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname or "." not in parts.hostname:
        return f"--url must be the bot's public https address, not {url!r}"
    if not parts.path.rstrip("/").endswith("/slack/events"):
        return f"--url must end with /slack/events (the bot's Slack route), e.g. https://{parts.hostname}/slack/events"
    return None


def manifest(request_url: str = PLACEHOLDER_URL, *, distribute: bool = False) -> dict[str, Any]:
    """`distribute`: installable by many workspaces ("Add to Slack", Grid org-wide)."""
    document: dict[str, Any] = {
        "_metadata": {"major_version": 1, "minor_version": 1},
        "display_information": {
            "name": "WellCheck",
            "description": "Find mental-health support privately: only you see the answers.",
            "long_description": (
                "WellCheck helps officers find the right hotline, peer team or program without "
                "anyone watching. Use /support in any channel or send the bot a direct message: "
                "answers are shown only to you, crisis lines always come first, and nothing you "
                "type is stored. Type privacy in a DM to see exactly what the bot keeps."
            ),
            "background_color": "#1d3557",
        },
        "features": {
            "app_home": {
                "home_tab_enabled": True,
                "messages_tab_enabled": True,
                "messages_tab_read_only_enabled": False,
            },
            "bot_user": {"display_name": "WellCheck", "always_online": True},
            "slash_commands": [
                {
                    "command": "/support",
                    "url": request_url,
                    "description": "Find support privately (only you see the answer)",
                    "usage_hint": "[sleep | alcohol | divorce | help]",
                    "should_escape": False,
                }
            ],
        },
        "oauth_config": {"scopes": {"bot": list(BOT_SCOPES)}},
        "settings": {
            "event_subscriptions": {"request_url": request_url, "bot_events": list(BOT_EVENTS)},
            "interactivity": {"is_enabled": True, "request_url": request_url},
            "org_deploy_enabled": distribute,
            "socket_mode_enabled": False,
            "token_rotation_enabled": False,
        },
    }
    if distribute:
        base = (
            request_url[: -len("/slack/events")]
            if request_url.endswith("/slack/events")
            else request_url
        )
        document["oauth_config"]["redirect_urls"] = [f"{base}/slack/oauth_redirect"]
    return document


def to_yaml(document: dict[str, Any]) -> str:
    return yaml.safe_dump(document, sort_keys=False, width=100)


def manifest_yaml(request_url: str = PLACEHOLDER_URL) -> str:
    return to_yaml(manifest(request_url))
