"""Where an answer about a person may go: the one privacy rule both platforms follow.

An answer about a person (results, crisis lines, schedule, status) goes into the chat it
came from only when that chat is the person's own DM or personal chat. Anywhere shared it
goes to them alone (an ephemeral message, or their 1:1 chat) and the shared place gets at
most a neutral line. Bots and system messages are never answered.
"""

from __future__ import annotations

from enum import Enum


class Route(Enum):
    IN_PLACE = "in-place"  # the person's own DM / personal chat: answer right there
    PRIVATELY = "privately"  # a shared place: ephemeral or 1:1, never into the shared place
    NOWHERE = "nowhere"  # a bot, an edit, a system message: no answer


def route(*, own_chat: bool, from_person: bool = True) -> Route:
    """The route for an answer, from what the adapter knows of where the question came from.

    `own_chat` must rest on positive evidence (a Slack "D…" channel, a Teams personal
    conversation); when in doubt an adapter passes False.
    """
    if not from_person:
        return Route.NOWHERE
    return Route.IN_PLACE if own_chat else Route.PRIVATELY
