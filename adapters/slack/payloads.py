"""Slack payloads read as core types: who asked, what, where, and which delivery it was."""

from __future__ import annotations

import re
from typing import Any

from core.domain.identity import ConversationRef, Platform, UserRef
from core.domain.messages import ButtonKind, ButtonPress, IncomingMessage, Place

_MENTION = re.compile(r"<@[A-Z0-9]+(?:\|[^>]*)?>")
BUTTON_ACTION = re.compile(r"^(?P<kind>" + "|".join(k.value for k in ButtonKind) + r")(?::.*)?$")

# Subtypes a person writes themselves: answer their text. Edits, deletions, joins, bot and
# system messages are not a person asking anything.
_PERSON_SUBTYPES = frozenset({None, "file_share", "thread_broadcast", "me_message"})
_INTERACTIVE = frozenset({"block_actions", "view_submission", "shortcut", "message_action"})


def to_core_user(user_id: str, team_id: str, enterprise_id: str | None = "") -> UserRef:
    return UserRef(Platform.SLACK, user_id, team_id or "", enterprise_id or "")


def enterprise_of(body: dict[str, Any]) -> str:
    """The Enterprise Grid org of an event or command (top-level id), or of a press."""
    found = body.get("enterprise_id") or (body.get("enterprise") or {}).get("id")
    return str(found or "")


def to_core_slash(body: dict[str, Any]) -> IncomingMessage:
    user = to_core_user(body.get("user_id", ""), body.get("team_id", ""), enterprise_of(body))
    where = ConversationRef(Platform.SLACK, body.get("channel_id", ""))
    return IncomingMessage(body.get("text") or "", user, Place.SLASH, where)


def to_core_event(
    event: dict[str, Any], team_id: str, place: Place, enterprise_id: str = ""
) -> IncomingMessage:
    text = _MENTION.sub(" ", event.get("text") or "")
    user = to_core_user(event.get("user", ""), team_id, enterprise_id)
    return IncomingMessage(
        text, user, place, ConversationRef(Platform.SLACK, event.get("channel", ""))
    )


def to_core_press(body: dict[str, Any], action: dict[str, Any]) -> ButtonPress | None:
    matched = BUTTON_ACTION.match(action.get("action_id", ""))
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
        to_core_user(user.get("id", ""), team, enterprise_of(body)),
        Place.DIRECT,
        ConversationRef(Platform.SLACK, channel),
    )


def is_dm_message(event: dict[str, Any]) -> bool:
    """A person's own new message in a DM (a file with a caption counts), not a bot's."""
    return (
        event.get("channel_type") == "im"
        and event.get("subtype") in _PERSON_SUBTYPES
        and not event.get("bot_id")
        and bool(event.get("user"))
        and bool((event.get("text") or "").strip())
    )


def is_own_dm(channel: str) -> bool:
    """A Slack DM channel ("D…"): the only shared-nothing place a button can sit in."""
    return channel.startswith("D")


def delivery_key(body: dict[str, Any]) -> str | None:
    """What identifies one delivery: the event_id of an event, the trigger_id of a press."""
    team = body.get("team_id") or (body.get("team") or {}).get("id") or ""
    if body.get("type") == "event_callback" and body.get("event_id"):
        return f"slack:{team}:{body['event_id']}"
    if body.get("type") in _INTERACTIVE and body.get("trigger_id"):
        return f"slack:{team}:{body['trigger_id']}"
    return None
