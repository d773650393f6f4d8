"""Read what an officer typed as a command, or as a lookup."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from core.subscriptions import is_reminder_command
from core.text import normalize


class Verb(Enum):
    MENU = "menu"
    HELP = "help"
    CATEGORIES = "categories"
    PRIVACY = "privacy"
    TIP = "tip"
    LOOKUP = "lookup"
    REMINDER = "reminder"
    FORGET = "forget"


_WORDS: dict[str, Verb] = {
    "help": Verb.HELP,
    "menu": Verb.HELP,
    "commands": Verb.HELP,
    "start": Verb.HELP,
    "categories": Verb.CATEGORIES,
    "category": Verb.CATEGORIES,
    "topics": Verb.CATEGORIES,
    "privacy": Verb.PRIVACY,
    "tip": Verb.TIP,
    "tips": Verb.TIP,
    "another tip": Verb.TIP,
    "resilience tip": Verb.TIP,
    "forget me": Verb.FORGET,
    "delete me": Verb.FORGET,
    "delete my data": Verb.FORGET,
}
# Words an officer may put in front of a query ("support alcohol", "/support sleep").
_LEADING = ("support", "wellcheck")


@dataclass(frozen=True)
class Command:
    verb: Verb
    text: str = ""  # what to look up, for LOOKUP only


def parse(text: str) -> Command:
    words = normalize(text).split()
    while words and words[0] in _LEADING:
        words = words[1:]
    if not words:
        return Command(Verb.MENU)
    verb = _WORDS.get(" ".join(words))
    if verb is not None:
        return Command(verb)
    if is_reminder_command(words):
        return Command(Verb.REMINDER)
    return Command(Verb.LOOKUP, " ".join(words))
