"""Who and where, as the core knows them: a platform, a user, an opaque conversation."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Platform(Enum):
    SLACK = "slack"
    TEAMS = "teams"
    CONSOLE = "console"


@dataclass(frozen=True)
class ConversationRef:
    """Opaque to the core: the adapter serialises whatever it needs to reach back."""

    platform: Platform
    id: str
    payload: str = ""


@dataclass(frozen=True)
class UserRef:
    platform: Platform
    id: str
    workspace: str = ""  # Slack team id / Teams tenant id
    enterprise: str = ""  # Slack Enterprise Grid org id, when the workspace is in one


def personal_chat_key(user_id: str) -> str:
    """The key a person's own chat with the bot is stored under (Teams' 1:1 conversation):
    written by the Teams adapter, used as the reminder address, deleted by `forget me`."""
    return f"user:{user_id}"
