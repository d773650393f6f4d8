"""Read what an officer typed: a command, a reminder setting, or a lookup."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from enum import Enum

from core.domain.schedules import WEEKDAYS, Cadence, Schedule
from core.language.text import normalize

DEFAULT_HOUR = 9
MAX_PAUSE = timedelta(days=365)


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
LEADING = ("support", "wellcheck", "/support")


@dataclass(frozen=True)
class Command:
    verb: Verb
    text: str = ""  # what to look up, for LOOKUP only


def parse(text: str) -> Command:
    words = normalize(text).split()
    while words and words[0] in LEADING:
        words = words[1:]
    if not words:
        return Command(Verb.MENU)
    verb = _WORDS.get(" ".join(words))
    if verb is not None:
        return Command(verb)
    if is_reminder_command(words):
        return Command(Verb.REMINDER)
    return Command(Verb.LOOKUP, " ".join(words))


# Reminder settings: subscribe, pause, resume, unsubscribe, status.


class Action(Enum):
    SUBSCRIBE = "subscribe"
    PAUSE = "pause"
    RESUME = "resume"
    UNSUBSCRIBE = "unsubscribe"
    STATUS = "status"


@dataclass(frozen=True)
class ReminderCommand:
    action: Action
    cadence: Cadence | None = None
    weekday: int | None = None
    hour: int | None = None
    minute: int | None = None
    pause: timedelta | None = None


class CommandError(ValueError):
    """The command was recognised but its details were not; the message says how to fix it."""


_FIRST_WORDS = {
    "subscribe": Action.SUBSCRIBE,
    "pause": Action.PAUSE,
    "resume": Action.RESUME,
    "unpause": Action.RESUME,
    "unsubscribe": Action.UNSUBSCRIBE,
    "stop": Action.UNSUBSCRIBE,
    "status": Action.STATUS,
}
_TOKENS = re.compile(r"[a-z0-9:./]+")
_TIME = re.compile(r"^(\d{1,2})(?::|\.|h)?(\d{2})?\s*(am|pm|a|p)?$")
_DAY_NAMES = {name: i for i, name in enumerate(WEEKDAYS)} | {
    name[:3]: i for i, name in enumerate(WEEKDAYS)
}
_DAY_NAMES |= {f"{name}s": i for i, name in enumerate(WEEKDAYS)}
_UNITS = {"day": 1, "days": 1, "d": 1, "week": 7, "weeks": 7, "w": 7}


def is_reminder_command(words: list[str]) -> bool:
    return bool(words) and words[0] in _FIRST_WORDS


def reminder_words(text: str) -> list[str]:
    """Words of a reminder command, keeping the ':' of times (06:30, 6:30pm)."""
    return [w.strip(".") for w in _TOKENS.findall(text.lower()) if w.strip(".")]


def parse_reminder(text: str) -> ReminderCommand:
    """Read `subscribe daily at 06:30`, `subscribe weekly monday at 8pm`, `pause 7 days` …"""
    words = reminder_words(text)
    while words and words[0] in LEADING:
        words = words[1:]
    action = _FIRST_WORDS[words[0]]
    rest = [w for w in words[1:] if w not in ("at", "on", "every", "for", "me", "tips", "to")]
    if action is Action.SUBSCRIBE:
        return _subscribe(rest)
    if action is Action.PAUSE:
        return ReminderCommand(Action.PAUSE, pause=_duration(rest))
    return ReminderCommand(action)


def _subscribe(words: list[str]) -> ReminderCommand:
    cadence: Cadence | None = None
    weekday: int | None = None
    hour: int | None = None
    minute: int | None = None
    pending = list(words)
    while pending:
        word = pending.pop(0)
        if word in ("daily", "day", "everyday"):
            cadence = Cadence.DAILY
        elif word in ("weekly", "week"):
            cadence = Cadence.WEEKLY
        elif word in _DAY_NAMES:
            weekday, cadence = _DAY_NAMES[word], Cadence.WEEKLY
        elif word in ("am", "pm") and hour is not None:
            hour = _meridiem(hour, word)
        elif (match := _TIME.match(word)) is not None:
            hour, minute = _clock(match)
        else:
            raise CommandError(f"I didn't understand '{word}'.")
    return ReminderCommand(Action.SUBSCRIBE, cadence, weekday, hour, minute)


def _meridiem(hour: int, word: str) -> int:
    if not 1 <= hour <= 12:
        raise CommandError("With am or pm, the hour goes from 1 to 12.")
    return hour % 12 + (12 if word.startswith("p") else 0)


def _clock(match: re.Match[str]) -> tuple[int, int]:
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if match.group(3):
        hour = _meridiem(hour, match.group(3))
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise CommandError("The time should look like 06:30 or 18:00 (24-hour), or 6:30pm.")
    return hour, minute


def _duration(words: list[str]) -> timedelta:
    if not words:
        return timedelta(days=7)
    if len(words) == 1 and words[0] in _UNITS:
        return timedelta(days=_UNITS[words[0]])
    if len(words) == 2 and words[0].isdigit() and words[1] in _UNITS:
        length = timedelta(days=int(words[0]) * _UNITS[words[1]])
        if timedelta(0) < length <= MAX_PAUSE:
            return length
    raise CommandError(
        "Pause for how long? For example: pause 7 days, or pause 2 weeks (up to a year)."
    )


def schedule_for(
    command: ReminderCommand, today_weekday: int, current: Schedule | None
) -> Schedule:
    """The schedule a subscribe command asks for; unnamed parts keep the current ones or defaults.

    Weekly tips fall on the day of subscribing unless a day is named.
    """
    cadence = command.cadence or (current.cadence if current else Cadence.WEEKLY)
    hour = command.hour if command.hour is not None else (current.hour if current else DEFAULT_HOUR)
    minute = (
        command.minute
        if command.minute is not None
        else (current.minute if current and command.hour is None else 0)
    )
    weekday: int | None = None
    if cadence is Cadence.WEEKLY:
        if command.weekday is not None:
            weekday = command.weekday
        elif current is not None and current.cadence is Cadence.WEEKLY and command.cadence is None:
            weekday = current.weekday
        else:
            weekday = today_weekday
    return Schedule(cadence, hour, minute, weekday)
