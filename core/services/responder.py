"""The one entry point adapters call: an incoming message or button in, a `Reply` out."""

from __future__ import annotations

import logging
import random
from collections.abc import Callable, Sequence

from core.domain.directory import Directory
from core.domain.messages import ButtonKind, ButtonPress, IncomingMessage
from core.domain.replies import Button, Reply, Section, card_for
from core.domain.resources import Resource
from core.domain.tips import Tip
from core.language.commands import Verb, parse
from core.language.crisis import Assessment, Concern
from core.language.crisis.reading import NO_CONCERN
from core.services.forget import Forgetter
from core.services.lookup import Lookup, LookupResult
from core.services.privacy import PRIVACY_PARAGRAPHS, PRIVACY_TITLE
from core.services.reminders import Reminders, command_buttons
from core.services.usage import CONCERN_OTHER, CRISIS, LOOKUPS, Usage

log = logging.getLogger(__name__)

PAGE_SIZE = 4
MORE_LIMIT = 40  # resource ids carried by a "more" button
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
EXAMPLES = "alcohol, divorce, sleep, lost a partner, money help for survivors, resilience training"


class Conversation:
    """Turns commands and lookups into replies. The crisis path survives any failure."""

    def __init__(
        self,
        directory: Directory,
        lookup: Lookup,
        tips: Sequence[Tip],
        pick: Callable[[int], int] | None = None,
        reminders: Reminders | None = None,
        usage: Usage | None = None,
        forgetter: Forgetter | None = None,
    ) -> None:
        self._directory = directory
        self._lookup = lookup
        self._tips = tuple(tips)
        self._pick = pick or random.randrange
        self._reminders = reminders
        self._usage = usage
        self._forgetter = forgetter

    def with_store(
        self, reminders: Reminders, usage: Usage | None = None, forgetter: Forgetter | None = None
    ) -> Conversation:
        """The same conversation with what needs the database: reminders, counters, forget me."""
        return Conversation(
            self._directory, self._lookup, self._tips, self._pick, reminders, usage, forgetter
        )

    def _count(self, metric: str, label: str, message: IncomingMessage | ButtonPress) -> None:
        if self._usage is not None:
            try:
                self._usage.count(metric, label, message.user)
            except Exception as exc:  # counting must never cost an answer
                log.warning("usage not counted: %s", type(exc).__name__)

    async def reply(self, message: IncomingMessage) -> Reply:
        assessment = self._lookup.assess(message.text)
        try:
            return await self._answer(message, assessment)
        except Exception as exc:
            log.error("reply failed: %s", type(exc).__name__)
            return self.fallback(assessment.crisis)

    async def press(self, press: ButtonPress) -> Reply:
        if press.kind is ButtonKind.COMMAND:
            return await self.reply(press.as_message())
        try:
            return self._pressed(press)
        except Exception as exc:
            log.error("button failed: %s", type(exc).__name__)
            return self.fallback(False)

    def fallback(self, crisis: bool) -> Reply:
        """A kind sentence and the crisis lines; built from data already in memory."""
        lines = self._directory.crisis_lines()
        intro = (
            "Please reach out now. These lines are free, confidential and open 24/7:"
            if crisis
            else "Sorry, something went wrong on my side. If you need someone now, these "
            "lines are free, confidential and open 24/7:"
        )
        return Reply((Section(intro, cards=tuple(card_for(r) for r in lines)),), crisis=crisis)

    async def _answer(self, message: IncomingMessage, assessment: Assessment) -> Reply:
        if assessment.crisis:
            self._count(CRISIS, "", message)
            return self._lookup_reply(self._lookup(message.text, assessment))
        command = parse(message.text)
        match command.verb:
            case Verb.MENU:
                return self.menu()
            case Verb.HELP:
                return self.help()
            case Verb.CATEGORIES:
                return self.categories()
            case Verb.PRIVACY:
                return self.privacy()
            case Verb.TIP:
                return self.tip()
            case Verb.REMINDER:
                if self._reminders is None:
                    return Reply(
                        (
                            Section(
                                "Resilience tips", "Reminders work in Slack and Teams, not here."
                            ),
                        )
                    )
                return await self._reminders.handle(message)
            case Verb.FORGET:
                if self._forgetter is None:
                    return Reply(
                        (
                            Section(
                                "Forget me", "Nothing is stored here: the console keeps no records."
                            ),
                        )
                    )
                return await self._forgetter.reply(message.user.platform, message.user.id)
            case Verb.LOOKUP:
                category = self._directory.category(command.text)
                if category is not None:
                    self._count(LOOKUPS, category.id, message)
                    return self.category(category.id)
                if assessment.concern is Concern.OTHER:
                    self._count(CONCERN_OTHER, "", message)
                    return self._lookup_reply(self._lookup(command.text, assessment))
                result = self._lookup(command.text, NO_CONCERN)
                best = (
                    result.resources[0].categories[0]
                    if result.resources and result.resources[0].categories
                    else "no-match"
                )
                self._count(LOOKUPS, best, message)
                return self._lookup_reply(result)

    def _pressed(self, press: ButtonPress) -> Reply:
        match press.kind:
            case ButtonKind.CATEGORY:
                self._count(
                    LOOKUPS,
                    press.value if self._directory.category(press.value) else "no-match",
                    press,
                )
                return self.category(press.value)
            case ButtonKind.CATEGORIES:
                return self.categories()
            case ButtonKind.MORE:
                return self.more(press.value)
            case ButtonKind.TIP:
                return self.tip()
            case ButtonKind.HELP:
                return self.help()
            case ButtonKind.PRIVACY:
                return self.privacy()
            case ButtonKind.COMMAND:
                return self.help()  # handled in press(); kept total for the type checker

    # ---- replies -------------------------------------------------------------------

    def _crisis_section(self, title: str) -> Section:
        cards = tuple(card_for(r) for r in self._directory.crisis_lines())
        return Section(title, cards=cards)

    def _category_buttons(self) -> tuple[Button, ...]:
        return tuple(Button(ButtonKind.CATEGORY, c.name, c.id) for c in self._directory.categories)

    def menu(self) -> Reply:
        return Reply(
            (
                Section(
                    "WellCheck: support for officers, privately",
                    f"Type a word or two after /support, for example: {EXAMPLES}. "
                    "Only you see the answer.",
                ),
                self._crisis_section("If you need someone now (free, confidential, 24/7)"),
            ),
            self._category_buttons()
            + (Button(ButtonKind.TIP, "A resilience tip"), Button(ButtonKind.PRIVACY, "Privacy")),
        )

    def home(self) -> Reply:
        """The Slack App Home: crisis lines first, then what the bot does and keeps."""
        return Reply(
            (
                self._crisis_section("If you need someone now (free, confidential, 24/7)"),
                Section(
                    "WellCheck: support for officers, privately",
                    f"Send me a word or two, for example: {EXAMPLES}. Or use /support in any "
                    "channel: only you see the answer.",
                ),
                Section(
                    "Resilience tips by private message",
                    "Pick an hour that fits your shift: subscribe daily at 06:30, subscribe "
                    "weekly monday at 18:00. Pause or stop any time: pause 7 days, unsubscribe.",
                ),
                Section(PRIVACY_TITLE, "\n\n".join(PRIVACY_PARAGRAPHS)),
            ),
            self._category_buttons()
            + (Button(ButtonKind.TIP, "A resilience tip"),)
            + command_buttons(False)
            + (
                Button(ButtonKind.COMMAND, "Stop tips", "unsubscribe"),
                Button(ButtonKind.COMMAND, "Tip settings", "status"),
            ),
        )

    def help(self) -> Reply:
        text = (
            f"Type what you need in a word or two: {EXAMPLES}.\n"
            "categories: browse everything by category\n"
            "tip: a resilience tip\n"
            "subscribe daily at 06:30 (or weekly monday at 18:00): tips by private message, "
            "at an hour that fits your shift; pause 7 days; unsubscribe; status\n"
            "privacy: what WellCheck keeps and who can see it\n"
            "Only you see these answers. For a confidential conversation, call or text one "
            "of the lines below."
        )
        return Reply(
            (Section("How WellCheck works", text), self._crisis_section("If you need someone now")),
            (
                Button(ButtonKind.CATEGORIES, "Categories"),
                Button(ButtonKind.TIP, "A resilience tip"),
            ),
        )

    def categories(self) -> Reply:
        lines = "\n".join(f"{c.name}: {c.description}" for c in self._directory.categories)
        return Reply((Section("Categories", lines),), self._category_buttons())

    def category(self, category_id: str) -> Reply:
        category = self._directory.category(category_id)
        if category is None:
            return self.categories()
        members = self._directory.in_category(category.id)
        return self._page(Section(category.name, category.description), members, 0)

    def privacy(self) -> Reply:
        return Reply((Section(PRIVACY_TITLE, "\n\n".join(PRIVACY_PARAGRAPHS)),))

    def tip(self) -> Reply:
        if not self._tips:
            return Reply((Section("No tips are loaded right now."),))
        tip = self._tips[self._pick(len(self._tips))]
        resource = self._directory.get(tip.resource) if tip.resource else None
        cards = (card_for(resource),) if resource is not None else ()
        return Reply(
            (Section("Resilience tip", tip.text, cards),),
            (Button(ButtonKind.TIP, "Another tip"),),
        )

    def more(self, value: str) -> Reply:
        offset_text, _, ids = value.partition("|")
        resources = tuple(r for i in ids.split(",") if (r := self._directory.get(i)) is not None)
        offset = int(offset_text) if offset_text.isdigit() else 0
        if offset >= len(resources):
            return self.categories()
        return self._page(Section("More"), resources, offset)

    def _page(self, head: Section, resources: Sequence[Resource], offset: int) -> Reply:
        page = resources[offset : offset + PAGE_SIZE]
        section = Section(head.title, head.text, tuple(card_for(r) for r in page))
        buttons: tuple[Button, ...] = ()
        if offset + PAGE_SIZE < len(resources):
            ids = ",".join(r.id for r in resources[:MORE_LIMIT])
            buttons = (Button(ButtonKind.MORE, "More", f"{offset + PAGE_SIZE}|{ids}"),)
        return Reply((section,), buttons + (Button(ButtonKind.CATEGORIES, "Categories"),))

    def _lookup_reply(self, result: LookupResult) -> Reply:
        if result.concern is not None:
            others = result.resources[result.leading :]
            sections = [
                self._crisis_section(
                    "You don't have to carry this alone. Talk to someone now: free, "
                    "confidential, 24/7."
                )
                if result.crisis
                else Section(WORRIED_TITLE, WORRIED_TEXT, tuple(card_for(r) for r in result.lead))
            ]
            buttons: tuple[Button, ...] = ()
            if others:
                page = self._page(Section("Also for what you asked about"), others, 0)
                sections.extend(page.sections)
                buttons = page.buttons
            return Reply(tuple(sections), buttons, crisis=result.crisis)
        if result.resources:
            return self._page(Section("Here is who can help"), result.resources, 0)
        sorry = (
            "Sorry, the search is not working right now."
            if result.search_failed
            else "I couldn't find a match for that."
        )
        return Reply(
            (
                Section(None, f"{sorry} Try a word like {EXAMPLES}, or pick a category."),
                self._crisis_section("If you need someone now (free, confidential, 24/7)"),
            ),
            self._category_buttons(),
        )
