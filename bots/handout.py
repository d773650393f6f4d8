"""`wellcheck site --handout FILE.pdf`: the directory's print layout as a PDF, printed by a
headless Chromium (the engine the print layout is tested in), so the PDF is what a family
gets from the browser's own Print. No PDF library could render the same stylesheet and
inline SVG as faithfully; when no Chromium is installed the command says how to print
the page by hand instead."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
TIMEOUT_S = 90.0
_FLAGS = (
    "--headless",
    "--disable-gpu",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--no-pdf-header-footer",
)


def find_browser() -> str | None:
    for name in BROWSERS:
        if (found := shutil.which(name)) is not None:
            return found
    return None


def write_handout(html: str, out: Path, browser: str | None = None) -> int:
    """Print `html` to `out`; 0 when written, 1 with one line on stderr when not."""
    browser = browser or find_browser()
    if browser is None:
        print(
            "wellcheck: --handout needs Chromium or Google Chrome on this machine "
            "(Debian/Ubuntu: apt-get install chromium); or publish the page with --out, "
            "open it in any browser and Print → Save as PDF: the print layout is the same",
            file=sys.stderr,
        )
        return 1
    if out.is_dir():
        print(f"wellcheck: --handout {out} is a folder; name the PDF file", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="wellcheck-handout-") as work:
        page = Path(work) / "index.html"
        page.write_text(html, encoding="utf-8")
        printed = Path(work) / "handout.pdf"
        problem = _print(browser, page, printed, Path(work) / "profile")
        if problem is None and not _is_pdf(printed):
            problem = "the browser wrote no PDF"
        if problem is not None:
            print(f"wellcheck: cannot print the handout with {browser}: {problem}", file=sys.stderr)
            return 1
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(printed, out)
    print(f"wrote {out}: the handout for families, to print and hand out")
    return 0


def _print(browser: str, page: Path, pdf: Path, profile: Path) -> str | None:
    """Run the browser once; the reason it failed, or None."""
    command = [browser, *_FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={pdf}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--no-sandbox")  # Chromium will not start as root with its sandbox
    command.append(page.as_uri())
    try:
        finished = subprocess.run(
            command, capture_output=True, timeout=TIMEOUT_S, check=False, stdin=subprocess.DEVNULL
        )
    except subprocess.TimeoutExpired:
        return f"no PDF after {TIMEOUT_S:.0f} s"
    except OSError as exc:
        return exc.strerror or str(exc)
    if finished.returncode != 0:
        last = finished.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        return f"exit status {finished.returncode} {last[0]}".strip()
    return None


def _is_pdf(path: Path) -> bool:
    try:
        with path.open("rb") as file:
            return file.read(5) == b"%PDF-"
    except OSError:
        return False
