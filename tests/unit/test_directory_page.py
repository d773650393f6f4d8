"""The families' directory page: what it lists, in what order, the links it dials, the
search index it ships, and HTML that escapes and loads nothing from elsewhere."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest

from adapters.web.directory_html import DirectoryHtml, index_json
from bots.bootstrap_services import Services
from bots.site import directory_page
from core.domain.resources import Contact, Resource
from core.services.directory_page import build_page, dialable


def test_crisis_lines_first_then_the_agency_then_national_by_category(
    agency_services: Services,
) -> None:
    page = directory_page(agency_services.bundle, agency_services.lookup)
    ids = [s.id for s in page.sections]
    assert ids[:2] == ["now", "ours"]
    assert [e.id for e in page.sections[0].entries][:3] == [
        "lifeline-988",
        "copline",
        "crisis-text-line",
    ]
    assert {e.id for e in page.sections[1].entries} >= {"metro-eap", "metro-peer-team"}
    every = [e.id for s in page.sections for e in s.entries]
    assert len(every) == len(set(every)) == len(agency_services.bundle.directory.resources)


def test_links_dial_and_text_the_verified_numbers(services: Services) -> None:
    page = directory_page(services.bundle, services.lookup)
    entries = {e.id: e for s in page.sections for e in s.entries}
    copline = {link.kind: link.href for link in entries["copline"].links}
    assert copline == {"call": "tel:+18002675463", "web": "https://copline.org"}
    text = {link.kind: link.href for link in entries["crisis-text-line"].links}
    assert text["text"] == "sms:741741?&body=BADGE"
    assert {link.kind: link.href for link in entries["lifeline-988"].links}["call"] == "tel:988"
    assert entries["copline"].verified is not None


@pytest.mark.parametrize(
    ("number", "dials"),
    [("988", "988"), ("1-800-267-5463", "+18002675463"), ("860-633-8357", "+18606338357")],
)
def test_dialable(number: str, dials: str) -> None:
    assert dialable(number) == dials


def test_the_index_answers_as_the_chat_does(services: Services) -> None:
    page = directory_page(services.bundle, services.lookup)
    for word in ("grief", "alcohol", "money", "sleep"):
        chat = [r.id for r in services.lookup(word).resources][:3]
        assert list(page.index[word][:3]) == chat, word
    assert "copline" in page.index["copline"]


def test_regional_entries_say_their_region(services: Services) -> None:
    page = directory_page(services.bundle, services.lookup)
    regional = [e for s in page.sections for e in s.entries if e.region]
    assert regional and all(e.region.endswith(" only") for e in regional)


def test_markup_in_the_data_is_escaped_and_the_index_cannot_close_its_script(
    services: Services,
) -> None:
    sneaky = Resource(
        "x",
        '<script>alert("x")</script> & Co',
        summary="<b>bold</b>",
        contact=Contact(url="https://example.org/?a=1&b=2"),
        crisis=True,
    )
    directory = replace(services.bundle.directory, resources=(sneaky,))
    page = build_page(
        directory, agency="<Metro>", search=lambda w: ["x"], vocabulary=["</script>x"]
    )
    html = DirectoryHtml().render(page)
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    assert "<b>bold</b>" not in html and "&lt;Metro&gt;" in html
    assert "</script>x" not in index_json(page)
    script = re.search(r'<script type="application/json" id="index">(.*?)</script>', html, re.S)
    assert script is not None and json.loads(script.group(1)) == {"</script>x": ["x"]}


def test_one_file_with_nothing_from_elsewhere(agency_services: Services) -> None:
    html = DirectoryHtml().render(directory_page(agency_services.bundle, agency_services.lookup))
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", html)
    assert "@import" not in html and "cookie" not in html.lower()
    assert '<html lang="en">' in html and '<label for="q">' in html
    assert len(html) < 150_000


def test_the_handout_has_a_qr_code_of_the_agency_page(services: Services) -> None:
    page = replace(
        directory_page(services.bundle, services.lookup), url="https://metro.example/help"
    )
    html = DirectoryHtml().render(page)
    assert "<svg" in html and "QR code of https://metro.example/help" in html
    assert "@media print" in html
