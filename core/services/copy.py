"""The sentences and buttons WellCheck shows officers, in one place to read and edit.
The status lines of reminder settings stay in reminders.py, beside the state they describe.

Plain text only: each adapter escapes and renders it (Block Kit, Adaptive Cards, console).
"""

from __future__ import annotations

from core.domain.messages import ButtonKind
from core.domain.replies import Button, Reply, Section, card_for
from core.domain.resources import Resource
from core.domain.tips import Tip

# ---- what to type -------------------------------------------------------------------
LOOKUP_EXAMPLES = (
    "alcohol, divorce, sleep, lost a partner, money help for survivors, resilience training"
)
REMINDER_EXAMPLES = (
    "subscribe daily at 06:30, subscribe weekly monday at 18:00, pause 7 days, unsubscribe"
)

# ---- titles -------------------------------------------------------------------------
WELCOME_TITLE = "WellCheck: support for officers, privately"
CRISIS_NOW = "If you need someone now (free, confidential, 24/7)"
CRISIS_LEAD = "You don't have to carry this alone. Talk to someone now: free, confidential, 24/7."
TIPS_TITLE = "Resilience tips"
FORGET_TITLE = "Forget me"

# ---- someone else at risk -----------------------------------------------------------
BEST_MATCH = "For what you asked about"
WORRIED_TITLE = "Worried about someone? Here is how to help"
# From 988's #BeThe1To steps and AFSP's "talk saves lives": ask, be there, keep safe, connect.
WORRIED_TEXT = (
    'Ask them directly and in private: "Are you thinking about killing yourself?" Asking '
    "does not put the idea in their head; it opens the door.\n"
    "Listen without judging, take it seriously, and don't promise to keep it secret.\n"
    "Stay with them, or make sure someone is. If there is a gun or pills at hand, ask a "
    "trusted person to hold them for a while.\n"
    "Call or text together: 988 and Copline take calls from people worried about someone, "
    "and can talk you through it first. If they are in danger right now, get emergency "
    "help.\n"
    "Check in again over the next days, and look after yourself too."
)

# ---- when something fails -----------------------------------------------------------
FALLBACK_CRISIS = "Please reach out now. These lines are free, confidential and open 24/7:"
FALLBACK_ERROR = (
    "Sorry, something went wrong on my side. If you need someone now, these "
    "lines are free, confidential and open 24/7:"
)
NOT_ENROLLED = (
    "Your agency has not enabled WellCheck yet, so I can't show its own programs here. "
    "Ask your wellness coordinator or IT team to enrol it. Nothing you wrote was kept."
)
NOT_ENROLLED_LINES = "Until then, these lines are free, confidential and open 24/7:"
SETTINGS_UNREACHABLE = (
    "I can't reach my settings right now. Nothing was changed; please try again shortly."
)
RECORDS_UNREACHABLE = (
    "I can't reach my records right now. Nothing was deleted yet; please try again shortly."
)
SEARCH_DOWN = "Sorry, the search is not working right now."
NO_MATCH = "I couldn't find a match for that."

# ---- where a feature does not exist (a one-off `wellcheck lookup` keeps no records) ------
NO_REMINDERS_HERE = (
    "A one-off lookup keeps no records, so it cannot set reminders: try them in "
    "`wellcheck console`, Slack or Teams."
)
NOTHING_STORED_HERE = "Nothing is stored here: a one-off lookup keeps no records."

# ---- screens ------------------------------------------------------------------------
MENU_TEXT = (
    f"Type a word or two after /support, for example: {LOOKUP_EXAMPLES}. Only you see the answer."
)
HOME_TEXT = (
    f"Send me a word or two, for example: {LOOKUP_EXAMPLES}. Or use /support in any "
    "channel: only you see the answer."
)
HOME_TIPS_TITLE = "Resilience tips by private message"
HOME_TIPS_TEXT = (
    "Pick an hour that fits your shift: subscribe daily at 06:30, subscribe "
    "weekly monday at 18:00. Pause or stop any time: pause 7 days, unsubscribe."
)
HELP_TITLE = "How WellCheck works"
HELP_TEXT = (
    f"Type what you need in a word or two: {LOOKUP_EXAMPLES}.\n"
    "categories: browse everything by category\n"
    "tip: a resilience tip\n"
    "subscribe daily at 06:30 (or weekly monday at 18:00): tips by private message, "
    "at an hour that fits your shift; pause 7 days; unsubscribe; status\n"
    "privacy: what WellCheck keeps and who can see it\n"
    "Only you see these answers. For a confidential conversation, call or text one "
    "of the lines below."
)
NO_TIPS = "No tips are loaded right now."


def not_found(search_failed: bool) -> str:
    sorry = SEARCH_DOWN if search_failed else NO_MATCH
    return f"{sorry} Try a word like {LOOKUP_EXAMPLES}, or pick a category."


# ---- buttons ------------------------------------------------------------------------
ANOTHER_TIP = Button(ButtonKind.TIP, "Another tip")
A_TIP = Button(ButtonKind.TIP, "A resilience tip")
PAUSE_WEEK = Button(ButtonKind.COMMAND, "Pause 7 days", "pause 7 days")
STOP_TIPS = Button(ButtonKind.COMMAND, "Stop tips", "unsubscribe")
TIP_SETTINGS = Button(ButtonKind.COMMAND, "Tip settings", "status")


RESUME = Button(ButtonKind.COMMAND, "Resume", "resume")


def reminder_buttons(active: bool, *, paused: bool = False) -> tuple[Button, ...]:
    """The reminder commands as buttons (Slack App Home, Teams cards, tip messages): a
    paused subscription is offered "Resume", not another pause."""
    if active:
        return (RESUME if paused else PAUSE_WEEK, STOP_TIPS, TIP_SETTINGS)
    return (
        Button(ButtonKind.COMMAND, "Daily tips at 09:00", "subscribe daily at 09:00"),
        Button(ButtonKind.COMMAND, "Weekly tips", "subscribe weekly"),
    )


# ---- tips ---------------------------------------------------------------------------
def tip_reply(
    tip: Tip, resource: Resource | None, *, scheduled: bool = False, personal: bool = True
) -> Reply:
    """One tip with its resource card. A scheduled tip to a person carries the buttons to
    pause or stop; one asked for in chat offers another."""
    cards = (card_for(resource),) if resource is not None else ()
    if not scheduled:
        return Reply((Section("Resilience tip", tip.text, cards),), (ANOTHER_TIP,))
    buttons = (ANOTHER_TIP, PAUSE_WEEK, STOP_TIPS) if personal else ()
    return Reply((Section("Your resilience tip", tip.text, cards),), buttons)


# ---- forget me ----------------------------------------------------------------------
def _counted(kind: str, count: int) -> str:
    """'1 reminder setting', '2 reminder settings': the plural kinds named for one."""
    return kind.removesuffix("s") if count == 1 else kind


def forgotten(removed: dict[str, int]) -> str:
    found = [f"{count} {_counted(kind, count)}" for kind, count in removed.items() if count]
    if not found:
        return (
            "WellCheck held nothing about you: no reminder settings, no delivery records, "
            "no chat references. It never keeps what you type."
        )
    return (
        "Deleted: "
        + ", ".join(found)
        + ". WellCheck now holds nothing about you. It never kept what you typed. "
        "(Your agency may still keep the chat messages themselves.)"
    )
