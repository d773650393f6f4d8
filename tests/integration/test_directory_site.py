"""GET /directory on the server and `wellcheck site --out DIR`; the agency file's page keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bots.bootstrap_services import Services
from bots.server import create_app
from bots.settings import Settings
from bots.site import publish
from core.datafiles.loader import DataPaths, load_bundle
from core.errors import DataError
from tests.conftest import DATA, TODAY


async def test_the_server_serves_the_page_with_nothing_from_elsewhere(tmp_path: Path) -> None:
    app = await create_app(Settings(database_url=f"sqlite:///{tmp_path / 'wc.db'}"))
    async with TestClient(TestServer(app)) as client:
        response = await client.get("/directory")
        html = await response.text()
        again = await (await client.get("/directory")).text()
        zipped = await client.get("/directory", headers={"Accept-Encoding": "gzip"})
        assert zipped.headers.get("Content-Encoding") == "gzip"
    assert response.status == 200 and response.content_type == "text/html"
    policy = response.headers["Content-Security-Policy"]
    assert policy.startswith("default-src 'none'") and "frame-ancestors 'none'" in policy
    assert "script-src 'sha256-" in policy and "unsafe-inline" not in policy
    assert '<meta http-equiv="Content-Security-Policy"' in html
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert "Set-Cookie" not in response.headers
    assert 'href="tel:+18002675463"' in html and "Copline" in html
    assert again == html


def test_site_writes_one_file(tmp_path: Path, services: Services) -> None:
    out = tmp_path / "public" / "families"
    assert publish(services.bundle, services.lookup, out, None) == 0
    html = (out / "index.html").read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>") and "In a crisis, now" in html


def test_site_refuses_a_file_as_out(
    tmp_path: Path, services: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "f").write_text("x")
    assert publish(services.bundle, services.lookup, tmp_path / "f", None) == 1
    assert capsys.readouterr().err.startswith("wellcheck: --out ")


def test_site_needs_somewhere_to_write(
    services: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    assert publish(services.bundle, services.lookup, None, None) == 2
    assert "--out DIR, --handout FILE.pdf" in capsys.readouterr().err


def test_the_handout_without_a_browser_says_how_to_print_it_by_hand(
    tmp_path: Path,
    services: Services,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    pdf = tmp_path / "handout.pdf"
    assert publish(services.bundle, services.lookup, tmp_path / "site", pdf) == 1
    err = capsys.readouterr().err
    assert "needs Chromium" in err and "Save as PDF" in err
    assert not pdf.exists() and (tmp_path / "site" / "index.html").exists()


def _agency(tmp_path: Path, lines: str) -> Path:
    path = tmp_path / "agency.yaml"
    path.write_text(f"agency:\n  name: Lakeside PD\n{lines}", encoding="utf-8")
    return path


def test_the_agency_file_sets_the_page_title_and_address(tmp_path: Path) -> None:
    path = _agency(
        tmp_path, "  page_title: Lakeside families\n  public_url: https://lakeside.example/help\n"
    )
    agency = load_bundle(DataPaths(DATA, path), TODAY).agency
    assert (agency.page_title, agency.page_url) == (
        "Lakeside families",
        "https://lakeside.example/help",
    )


def test_a_page_url_that_is_not_https_is_a_problem_with_its_line(tmp_path: Path) -> None:
    path = _agency(tmp_path, "  page_url: http://lakeside.example/help\n")
    with pytest.raises(DataError) as raised:
        load_bundle(DataPaths(DATA, path), TODAY)
    assert "agency.yaml:3: page_url must be an https:// address" in str(raised.value)


async def test_each_agency_has_its_own_page_when_several_are_served(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.e2e.test_teams_tenants import folder_of

    folder = folder_of(tmp_path)
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'wc.db'}", agencies_dir=folder)
    app = await create_app(settings)
    async with TestClient(TestServer(app)) as client:
        lake = await (await client.get("/directory/lakeside")).text()
        national = await (await client.get("/directory")).text()
        missing = await client.get("/directory/nowhere")
    assert "Lakeside PD Peer Support Team" in lake and "Hillcrest" not in lake
    assert "Lakeside PD" not in national and "Copline" in national
    assert missing.status == 404

    from bots.cli import main

    monkeypatch.setenv("WELLCHECK_AGENCIES_DIR", str(folder))
    assert main(["site", "--agency", "hillcrest", "--out", str(tmp_path / "site")]) == 0
    page = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "Hillcrest Sheriff Peer Support Team" in page and "Lakeside" not in page
    assert main(["site", "--agency", "nowhere", "--out", str(tmp_path / "x")]) == 1
