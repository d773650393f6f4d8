"""The plain statement of what WellCheck keeps and who can see what.

The same words appear in chat (`privacy`), on the Slack App Home and in the README.
"""

from __future__ import annotations

import hashlib

from core.domain.identity import Platform


def conversation_digest(conversation_id: str) -> str:
    """A conversation id as it may appear in duplicate-check records: a one-way digest, so
    those records name no chat, and `forget me` can still find the person's own."""
    return hashlib.sha256(conversation_id.encode()).hexdigest()[:24]


def sightings_prefix(platform: Platform, conversation_id: str) -> str:
    """How a conversation's duplicate-check records begin: "<platform>:<digest>:"."""
    return f"{platform.value}:{conversation_digest(conversation_id)}:"


PRIVACY_TITLE = "What WellCheck keeps, and who can see it"

PRIVACY_PARAGRAPHS: tuple[str, ...] = (
    "WellCheck never keeps anything you type. Your words are matched against the "
    "directory in memory and then dropped: they are not written to any log or database, "
    "and no one at the agency can look up what you asked or which answers you got.",
    "Answers to /support and to mentions are shown only to you. Nobody else in the "
    "channel sees your question or the answer.",
    "If you turn on resilience tips, WellCheck keeps only what sending them needs: your "
    "platform user id, the chat to send them to, your schedule and timezone, until you "
    "type stop. A record that a tip went out is kept 30 days, so none is sent twice. "
    "Type forget me and everything about you is deleted at once.",
    "For the agency's wellness coordinator WellCheck counts, per week, lookups by "
    "category, how often the crisis lines were shown and how often someone asked how to "
    "help a colleague, and how many different people "
    "used it, as scrambled codes that change every week. No names, no ids, no words; "
    "counts under 5 are never shown.",
    "An administrator can see that the bot is installed and working, and its settings. "
    "They cannot see what anyone asked or what it answered. Someone with access to the "
    "bot's database could see which user ids have tips turned on and when; nothing else "
    "about you.",
    "Your agency may keep workspace messages, including your messages to this bot, and "
    "they can be public records. WellCheck does not ask you to describe your situation "
    "here. For a confidential conversation, call or text one of the lines: they are not "
    "connected to your department.",
)
