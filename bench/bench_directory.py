"""The families' page on a slow phone (issue 16): GET /directory from the real server,
opened in Debian's Chromium with the network throttled like a weak mobile connection and
the CPU slowed 4x; how long until Copline's call link shows, and until the agency's peer
team shows after typing "peer support". Prints the page's weight too.

    .venv/bin/python bench/bench_directory.py [--runs 5]
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# Chrome DevTools' "Slow 4G" and "3G" presets (latency ms, bytes/s down, bytes/s up)
NETWORKS = {
    "slow 4G": (150, 1.6 * 1024 * 1024 / 8 * 0.9, 750 * 1024 / 8 * 0.9),
    "3G": (300, 1.6 * 1024 * 1024 / 8 * 0.9 / 2.5, 750 * 1024 / 8 * 0.9 / 2.5),
}
PHONE = {"width": 390, "height": 844}


async def _one(
    browser: object, url: str, network: tuple[float, float, float]
) -> tuple[float, float]:
    context = await browser.new_context(viewport=PHONE)  # type: ignore[attr-defined]
    page = await context.new_page()
    cdp = await context.new_cdp_session(page)
    latency, down, up = network
    await cdp.send("Network.enable")
    await cdp.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": latency, "downloadThroughput": down, "uploadThroughput": up},
    )
    await cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    started = time.perf_counter()
    await page.goto(url, wait_until="commit")
    await page.locator('li[data-id="copline"] a.call').wait_for(state="visible")
    copline = time.perf_counter() - started
    await page.locator("#q").wait_for(state="visible")
    await page.fill("#q", "peer support")
    await page.locator('li[data-id="metro-peer-team"] a.call').wait_for(state="visible")
    peers = time.perf_counter() - started
    await context.close()
    return copline, peers


async def main(runs: int) -> None:
    from aiohttp import web
    from playwright.async_api import async_playwright

    from bench._common import free_port
    from bots.server import create_app
    from bots.settings import Settings

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("needs Debian's chromium (apt-get install chromium)")
    import tempfile

    with tempfile.TemporaryDirectory() as work:
        settings = Settings(
            database_url=f"sqlite:///{work}/wc.db",
            agency_file=ROOT / "data" / "agency.example.yaml",
        )
        app = await create_app(settings)
        runner = web.AppRunner(app)
        await runner.setup()
        port = free_port()
        await web.TCPSite(runner, "127.0.0.1", port).start()
        url = f"http://127.0.0.1:{port}/directory"
        try:
            async with async_playwright() as playwright:
                browser = await playwright.chromium.launch(
                    executable_path=chromium, args=["--no-sandbox", "--disable-gpu"]
                )
                page = await browser.new_page()
                response = await page.goto(url)
                assert response is not None
                html = await response.body()
                print(
                    f"page: {len(html) / 1024:.1f} KB, gzipped {len(gzip.compress(html)) / 1024:.1f} KB"
                )
                for name, network in NETWORKS.items():
                    found = [await _one(browser, url, network) for _ in range(runs)]
                    coplines = sorted(c for c, _ in found)
                    peers = sorted(p for _, p in found)
                    print(
                        f"{name}, CPU 4x slower, {runs} runs: Copline's call link "
                        f"median {coplines[runs // 2]:.2f} s (max {coplines[-1]:.2f}); "
                        f"peer team after typing median {peers[runs // 2]:.2f} s "
                        f"(max {peers[-1]:.2f})"
                    )
                await browser.close()
        finally:
            await runner.cleanup()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    asyncio.run(main(parser.parse_args().runs))
