"""The shipped data: valid, complete, and contact details exactly as verified."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from core.datafiles.loader import Bundle
from core.domain.tips import TIP_TAGS
from tests.conftest import ROOT

FACT_IDS = {
    "lifeline-988",
    "copline",
    "crisis-text-line",
    "blue-help",
    "lefsn",
    "hundred-club",
    "badge-of-life",
    "iacp-resilience",
    "disaster-distress",
    "cop2cop",
    "cops-survivors",
    "frsn",
    "serve-and-protect",
    "samhsa-helpline",
    "nami-helpline",
    "veterans-crisis-line",
    "dv-hotline",
    "two-one-one",
    "nfcc",
    "ncpg-helpline",
    "wounded-blue",
}
# Every contact detail on the verified facts page (shared/facts/resources.md, 2026-11-27).
VERIFIED_CONTACTS = {
    "lifeline-988": {"phone": "988", "sms": "988", "url": "https://988lifeline.org"},
    "copline": {"phone": "1-800-267-5463", "url": "https://copline.org"},
    "crisis-text-line": {
        "sms": "741741",
        "sms_keyword": "BADGE",
        "url": "https://www.crisistextline.org",
    },
    "blue-help": {"email": "contact@bluehelp.org", "url": "https://bluehelp.org"},
    "lefsn": {},
    "hundred-club": {"phone": "860-633-8357"},
    "badge-of-life": {"url": "https://www.badgeoflife.org"},
    "iacp-resilience": {
        "url": "https://www.theiacp.org/projects/law-enforcement-agency-and-officer-resilience-training-program"
    },
    "disaster-distress": {"phone": "1-800-985-5990", "sms": "1-800-985-5990"},
    "cop2cop": {"phone": "1-866-267-2267"},
    "cops-survivors": {"url": "https://www.concernsofpolicesurvivors.org"},
    "frsn": {"url": "https://www.frsn.org"},
    "serve-and-protect": {"url": "https://www.serveprotect.org"},
    "samhsa-helpline": {"phone": "1-800-662-4357", "url": "https://findtreatment.gov"},
    "nami-helpline": {
        "phone": "1-800-950-6264",
        "sms": "62640",
        "sms_keyword": "helpline",
        "url": "https://www.nami.org/help",
    },
    "veterans-crisis-line": {
        "phone": "988",
        "sms": "838255",
        "url": "https://www.veteranscrisisline.net",
    },
    "dv-hotline": {
        "phone": "1-800-799-7233",
        "sms": "88788",
        "sms_keyword": "START",
        "url": "https://www.thehotline.org",
    },
    "two-one-one": {"phone": "211", "url": "https://www.211.org"},
    "nfcc": {"phone": "1-800-388-2227", "url": "https://www.nfcc.org"},
    # "text 800GAM" is a lettered short code: named in the description, not a tappable sms
    "ncpg-helpline": {"phone": "1-800-522-4700", "url": "https://www.ncpgambling.org/chat"},
    "wounded-blue": {"url": "https://thewoundedblue.org"},
}
FACTS_PAGE = ROOT.parent / "shared" / "facts" / "resources.md"


def _contact(bundle: Bundle, rid: str) -> dict[str, str]:
    resource = bundle.directory.get(rid)
    assert resource is not None, rid
    fields = ("phone", "sms", "sms_keyword", "email", "url")
    return {f: getattr(resource.contact, f) for f in fields if getattr(resource.contact, f)}


def test_every_fact_is_in_the_directory(bundle: Bundle) -> None:
    assert {r.id for r in bundle.directory.resources} >= FACT_IDS


@pytest.mark.parametrize("rid", sorted(VERIFIED_CONTACTS))
def test_contacts_are_exactly_the_verified_ones(bundle: Bundle, rid: str) -> None:
    assert _contact(bundle, rid) == VERIFIED_CONTACTS[rid]


def test_entries_without_a_verified_contact_ship_without_one(bundle: Bundle) -> None:
    for resource in bundle.directory.resources:
        if resource.id not in VERIFIED_CONTACTS:
            assert resource.contact.is_empty, resource.id


def test_every_entry_records_source_and_verified_date(bundle: Bundle) -> None:
    for resource in bundle.directory.resources:
        assert resource.sources, resource.id
        verified = resource.verified.isoformat() if resource.verified else None
        assert verified in ("2026-11-26", "2026-11-27"), resource.id  # the facts page's dates


def test_exactly_the_three_crisis_lines(bundle: Bundle) -> None:
    lines = [r.id for r in bundle.directory.crisis_lines()]
    assert lines == ["lifeline-988", "copline", "crisis-text-line"]


@pytest.mark.skipif(not FACTS_PAGE.exists(), reason="shared/facts not beside this checkout")
def test_every_contact_value_stands_on_the_facts_page(bundle: Bundle) -> None:
    page = FACTS_PAGE.read_text()
    for resource in bundle.directory.resources:
        for value in _contact(bundle, resource.id).values():
            assert value in page, (resource.id, value)


def test_no_phone_like_number_in_shipped_text_but_verified_ones() -> None:
    allowed = {
        "988",
        "1-800-267-5463",
        "741741",
        "860-633-8357",
        "1-800-985-5990",
        "1-866-267-2267",
        "1-800-273-8255",
        "1-800-662-4357",
        "1-800-950-6264",
        "1-800-799-7233",
        "1-800-787-3224",
        "1-800-388-2227",
        "1-800-522-4700",
    }
    text = (ROOT / "data" / "resources.yaml").read_text() + (
        ROOT / "data" / "tips.yaml"
    ).read_text()
    for number in re.findall(r"\b1?-?\d{3}-\d{3}-\d{4}\b", text):
        assert number in allowed, number


def test_tips_cover_a_year_and_every_tag(bundle: Bundle) -> None:
    assert len(bundle.tips) >= 52
    tags = Counter(tag for tip in bundle.tips for tag in tip.tags)
    assert set(tags) == TIP_TAGS
    assert all(len(tip.text) <= 280 for tip in bundle.tips)
    linked = [t for t in bundle.tips if t.resource]
    assert linked and all(bundle.directory.get(t.resource) for t in linked)


def test_categories_are_the_agreed_eight(bundle: Bundle) -> None:
    assert [c.id for c in bundle.directory.categories] == [
        "crisis",
        "peer-support",
        "counseling",
        "family",
        "financial",
        "substance-use",
        "survivors",
        "training",
    ]


def test_example_agency_uses_only_fictional_numbers() -> None:
    text = (ROOT / "data" / "agency.example.yaml").read_text()
    numbers = re.findall(r"\d{3}-\d{3}-\d{4}", text)
    assert numbers and all(n[4:10] == "555-01" for n in numbers)
