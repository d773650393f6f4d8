"""The directory's boundary types: categories and resources, frozen."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum


class Origin(Enum):
    """Where an entry came from; agency entries rank before national ones of equal relevance."""

    AGENCY = "agency"
    NATIONAL = "national"


@dataclass(frozen=True)
class Category:
    id: str
    name: str
    description: str


@dataclass(frozen=True)
class Contact:
    phone: str | None = None
    sms: str | None = None
    sms_keyword: str | None = None
    email: str | None = None
    url: str | None = None

    @property
    def is_empty(self) -> bool:
        return not (self.phone or self.sms or self.email or self.url)


@dataclass(frozen=True)
class Resource:
    id: str
    name: str
    summary: str = ""
    description: str = ""
    categories: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    contact: Contact = field(default_factory=Contact)
    hours: str | None = None
    audience: tuple[str, ...] = ()
    region: str = "US"
    confidential: bool = False
    crisis: bool = False
    sources: tuple[str, ...] = ()
    verified: date | None = None
    origin: Origin = Origin.NATIONAL
