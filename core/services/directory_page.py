"""The directory as a page for families and retirees: crisis lines first, then the agency's
own resources, then the national ones by category; and a search index for the page.

Platform-free: this builds what the page shows from the same directory and the same
search as the chat; adapters/web renders it (HTML, the QR code).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from core.domain.agency import Agency
from core.domain.directory import Directory
from core.domain.regions import STATES
from core.domain.resources import Origin, Resource

DEFAULT_AGENCY = Agency().name  # no agency file: "your agency"
MAX_PER_WORD = 8  # a typed word shows at most this many entries, best first
WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class Link:
    kind: str  # call, text, web, email
    href: str
    label: str  # what a screen reader says, the shown text first: "Call 988, Copline"
    shown: str  # what the page shows on the button: "1-800-267-5463"


@dataclass(frozen=True)
class Entry:
    id: str
    name: str
    summary: str
    links: tuple[Link, ...]
    hours: str | None
    region: str | None  # "New Jersey only"; None for a national entry
    verified: date | None
    confidential: bool


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class DirectoryPage:
    title: str
    agency: str
    url: str | None  # the page's public address (the handout's QR code), if the agency set it
    sections: tuple[Section, ...]
    index: Mapping[str, tuple[str, ...]]  # a word someone may type -> entry ids, best first


def build_page(
    directory: Directory,
    *,
    agency: str,
    title: str | None = None,
    url: str | None = None,
    search: Callable[[str], Iterable[str]] | None = None,
    vocabulary: Iterable[str] = (),
) -> DirectoryPage:
    """`search` is the chat's lookup (a query to resource ids, best first), asked once for
    each word of `vocabulary`: the page's search-as-you-type shows what the chat would."""
    sections = _sections(directory, agency)
    shown = {e.id for s in sections for e in s.entries}
    index: dict[str, tuple[str, ...]] = {}
    if search is not None:
        for word in sorted(set(vocabulary)):
            found = tuple(i for i in search(word) if i in shown)[:MAX_PER_WORD]
            if found:
                index[word] = found
    heading = title or (
        "Support for police families and retirees"
        if agency == DEFAULT_AGENCY
        else f"Support for {agency} families and retirees"
    )
    return DirectoryPage(heading, agency, url, sections, index)


def _sections(directory: Directory, agency: str) -> tuple[Section, ...]:
    crisis = directory.crisis_lines()
    placed = {r.id for r in crisis}
    own = [r for r in directory.resources if r.origin is Origin.AGENCY and r.id not in placed]
    placed |= {r.id for r in own}
    sections = [
        Section("now", "In a crisis, now", tuple(_entry(r) for r in crisis)),
        Section("ours", f"From {agency}", tuple(_entry(r) for r in own)),
    ]
    for category in directory.categories:
        members = [r for r in directory.in_category(category.id) if r.id not in placed]
        placed |= {r.id for r in members}
        sections.append(
            Section(f"c-{category.id}", category.name, tuple(_entry(r) for r in members))
        )
    rest = [r for r in directory.resources if r.id not in placed]
    sections.append(Section("more", "More", tuple(_entry(r) for r in rest)))
    return tuple(s for s in sections if s.entries)


def _entry(resource: Resource) -> Entry:
    return Entry(
        id=resource.id,
        name=resource.name,
        summary=resource.summary or resource.description,
        links=_links(resource),
        hours=resource.hours,
        region=_region(resource.region),
        verified=resource.verified,
        confidential=resource.confidential,
    )


def _links(resource: Resource) -> tuple[Link, ...]:
    contact, name = resource.contact, resource.name
    links: list[Link] = []
    if contact.phone:
        href = f"tel:{dialable(contact.phone)}"
        shown = f"Call {contact.phone}"
        links.append(Link("call", href, f"{shown}, {name}", shown))
    if contact.sms:
        body = f"?&body={contact.sms_keyword}" if contact.sms_keyword else ""
        what = f"{contact.sms_keyword} to {contact.sms}" if contact.sms_keyword else contact.sms
        href = f"sms:{dialable(contact.sms)}{body}"
        links.append(Link("text", href, f"Text {what}, {name}", f"Text {what}"))
    if contact.email:
        links.append(
            Link(
                "email", f"mailto:{contact.email}", f"{contact.email}, email {name}", contact.email
            )
        )
    if contact.url:
        host = _host(contact.url)
        links.append(Link("web", contact.url, f"{host}, {name} website", host))
    return tuple(links)


def dialable(number: str) -> str:
    """A number as a tel:/sms: link dials it: digits only, +1 for a ten- or eleven-digit
    US number ("1-800-267-5463" -> "+18002675463"), short codes as they are ("988")."""
    digits = "".join(c for c in number if c.isdigit())
    if len(digits) == 11 and digits.startswith("1"):
        return f"+{digits}"
    if len(digits) == 10:
        return f"+1{digits}"
    return digits


def _host(url: str) -> str:
    return url.split("//", 1)[-1].split("/", 1)[0].removeprefix("www.")


def _region(region: str) -> str | None:
    code = region.removeprefix("US-")
    if region in ("", "US") or code not in STATES:
        return None
    return f"{STATES[code].title()} only"


def page_words(texts: Iterable[str]) -> set[str]:
    """The words of `texts` (names, topics, synonyms), lowercased: what the index is asked."""
    return {w for text in texts for w in WORD.findall(text.lower()) if len(w) > 1}
