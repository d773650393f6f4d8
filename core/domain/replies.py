"""The platform-neutral reply: sections of text and resource cards, plus buttons.

Text here is plain (no markup); each adapter escapes and renders it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from core.domain.messages import ButtonKind
from core.domain.resources import Resource


class ActionKind(Enum):
    CALL = "call"
    TEXT = "text"
    EMAIL = "email"
    URL = "url"


@dataclass(frozen=True)
class ContactAction:
    kind: ActionKind
    label: str  # "Call 1-800-267-5463"
    target: str  # tel:/sms:/mailto:/https: address


@dataclass(frozen=True)
class ResourceCard:
    resource_id: str
    name: str
    summary: str
    hours: str | None
    actions: tuple[ContactAction, ...]
    crisis: bool = False
    confidential: bool = False
    region: str = "US"


@dataclass(frozen=True)
class Button:
    kind: ButtonKind
    label: str
    value: str = ""


@dataclass(frozen=True)
class Section:
    title: str | None = None
    text: str | None = None
    cards: tuple[ResourceCard, ...] = ()


@dataclass(frozen=True)
class Reply:
    sections: tuple[Section, ...]
    buttons: tuple[Button, ...] = ()
    crisis: bool = False

    @property
    def summary(self) -> str:
        """One line for notifications and screen readers: the first title or text."""
        for section in self.sections:
            if section.title or section.text:
                return section.title or section.text or ""
        return "WellCheck"


def _digits(number: str) -> str:
    return "".join(ch for ch in number if ch.isdigit() or ch == "+")


def card_for(resource: Resource) -> ResourceCard:
    """A resource card with one action per verified contact."""
    contact = resource.contact
    actions: list[ContactAction] = []
    if contact.phone:
        actions.append(
            ContactAction(ActionKind.CALL, f"Call {contact.phone}", f"tel:{_digits(contact.phone)}")
        )
    if contact.sms:
        label = (
            f"Text {contact.sms_keyword} to {contact.sms}"
            if contact.sms_keyword
            else f"Text {contact.sms}"
        )
        target = f"sms:{_digits(contact.sms)}"
        if contact.sms_keyword:
            target += f"?body={contact.sms_keyword}"
        actions.append(ContactAction(ActionKind.TEXT, label, target))
    if contact.email:
        actions.append(
            ContactAction(ActionKind.EMAIL, f"Email {contact.email}", f"mailto:{contact.email}")
        )
    if contact.url:
        actions.append(ContactAction(ActionKind.URL, "Website", contact.url))
    return ResourceCard(
        resource_id=resource.id,
        name=resource.name,
        summary=resource.summary,
        hours=resource.hours,
        actions=tuple(actions),
        crisis=resource.crisis,
        confidential=resource.confidential,
        region=resource.region,
    )
