"""What adapters hand the core: an incoming message or button press, and who/where."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from core.domain.identity import ConversationRef, UserRef


class Place(Enum):
    """Where a message was written; decides how privately the answer goes back."""

    DIRECT = "direct"  # a DM / the bot's 1:1 chat
    SLASH = "slash"  # /support in any channel (Slack), answered ephemerally
    MENTION = "mention"  # @WellCheck in a channel or group chat


@dataclass(frozen=True)
class IncomingMessage:
    text: str
    user: UserRef
    place: Place
    conversation: ConversationRef | None = None
    timezone: str | None = None

    def __repr__(self) -> str:  # never let message text reach a log by accident
        return f"IncomingMessage(user={self.user!r}, place={self.place.value}, text=<{len(self.text)} chars>)"


class ButtonKind(Enum):
    CATEGORY = "category"
    CATEGORIES = "categories"
    MORE = "more"
    TIP = "tip"
    HELP = "help"
    PRIVACY = "privacy"
    COMMAND = "command"  # value is a command, as if typed (reminder settings)


@dataclass(frozen=True)
class ButtonPress:
    kind: ButtonKind
    value: str
    user: UserRef
    place: Place
    conversation: ConversationRef | None = None
    timezone: str | None = None

    def as_message(self) -> IncomingMessage:
        """A COMMAND button reads as if its value had been typed."""
        return IncomingMessage(self.value, self.user, self.place, self.conversation, self.timezone)
