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
from core.services import copy
from core.services.forget import Forgetter
from core.services.lookup import Lookup, LookupResult
from core.services.privacy import PRIVACY_PARAGRAPHS, PRIVACY_TITLE
from core.services.reminders import Reminders
from core.services.usage import CONCERN_OTHER, CRISIS, LOOKUPS, Counts

log = logging.getLogger(__name__)

PAGE_SIZE = 4
MORE_LIMIT = 40  # resource ids carried by a "more" button


class Responder:
    """Turns commands and lookups into replies. The crisis path survives any failure."""

    def __init__(
        self,
        directory: Directory,
        lookup: Lookup,
        tips: Sequence[Tip],
        pick: Callable[[int], int] | None = None,
        reminders: Reminders | None = None,
        usage: Counts | None = None,
        forgetter: Forgetter | None = None,
    ) -> None:
        self._directory = directory
        self._lookup = lookup
        self._tips = tuple(tips)
        self._pick = pick or random.randrange
        self._reminders = reminders
        self._usage = usage
        self._forgetter = forgetter

    @property
    def lookup(self) -> Lookup:
        """The search this responder answers with (the directory page asks it too)."""
        return self._lookup

    def with_store(
        self, reminders: Reminders, usage: Counts | None = None, forgetter: Forgetter | None = None
    ) -> Responder:
        """The same responder with what needs the database: reminders, counters, forget me."""
        return Responder(
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
        intro = copy.FALLBACK_CRISIS if crisis else copy.FALLBACK_ERROR
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
                    return Reply((Section(copy.TIPS_TITLE, copy.NO_REMINDERS_HERE),))
                return await self._reminders.handle(message)
            case Verb.FORGET:
                if self._forgetter is None:
                    return Reply((Section(copy.FORGET_TITLE, copy.NOTHING_STORED_HERE),))
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
                Section(copy.WELCOME_TITLE, copy.MENU_TEXT),
                self._crisis_section(copy.CRISIS_NOW),
            ),
            self._category_buttons() + (copy.A_TIP, Button(ButtonKind.PRIVACY, "Privacy")),
        )

    def home(self) -> Reply:
        """The Slack App Home: crisis lines first, then what the bot does and keeps."""
        return Reply(
            (
                self._crisis_section(copy.CRISIS_NOW),
                Section(copy.WELCOME_TITLE, copy.HOME_TEXT),
                Section(copy.HOME_TIPS_TITLE, copy.HOME_TIPS_TEXT),
                Section(PRIVACY_TITLE, "\n\n".join(PRIVACY_PARAGRAPHS)),
            ),
            self._category_buttons()
            + (copy.A_TIP,)
            + copy.reminder_buttons(False)
            + (copy.STOP_TIPS, copy.TIP_SETTINGS),
        )

    def help(self) -> Reply:
        return Reply(
            (
                Section(copy.HELP_TITLE, copy.HELP_TEXT),
                self._crisis_section("If you need someone now"),
            ),
            (Button(ButtonKind.CATEGORIES, "Categories"), copy.A_TIP),
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
            return Reply((Section(copy.NO_TIPS),))
        tip = self._tips[self._pick(len(self._tips))]
        resource = self._directory.get(tip.resource) if tip.resource else None
        return copy.tip_reply(tip, resource)

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
            others = result.rest
            sections = [
                self._crisis_section(copy.CRISIS_LEAD)
                if result.crisis
                else Section(
                    copy.WORRIED_TITLE, copy.WORRIED_TEXT, tuple(card_for(r) for r in result.lead)
                )
            ]
            if result.first:
                sections.insert(
                    0, Section(copy.BEST_MATCH, None, tuple(card_for(r) for r in result.first))
                )
            buttons: tuple[Button, ...] = ()
            if others:
                page = self._page(Section("Also for what you asked about"), others, 0)
                sections.extend(page.sections)
                buttons = page.buttons
            return Reply(tuple(sections), buttons, crisis=result.crisis)
        if result.resources:
            return self._page(Section("Here is who can help"), result.resources, 0)
        return Reply(
            (
                Section(None, copy.not_found(result.search_failed)),
                self._crisis_section(copy.CRISIS_NOW),
            ),
            self._category_buttons(),
        )
