"""The families' directory as one HTML file: Jinja2 (autoescaped), inline CSS and script,
no external fonts, scripts, trackers or cookies; a QR code of the page's address (segno)
on the printed handout."""

from __future__ import annotations

import json
from pathlib import Path

import segno
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from core.services.directory_page import DirectoryPage

TEMPLATE = "directory.html.j2"


class DirectoryHtml:
    def __init__(self) -> None:
        self._env = Environment(
            loader=FileSystemLoader(Path(__file__).parent),
            autoescape=select_autoescape(default=True, default_for_string=True),
            trim_blocks=True,
            lstrip_blocks=True,
        )

    def render(self, page: DirectoryPage) -> str:
        return self._env.get_template(TEMPLATE).render(
            page=page, qr_svg=qr_svg(page.url), index_json=index_json(page)
        )


def index_json(page: DirectoryPage) -> Markup:
    """The search index as JSON that cannot end its <script> element early."""
    text = json.dumps(dict(page.index), separators=(",", ":"), sort_keys=True)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def qr_svg(url: str | None) -> Markup | None:
    """An inline SVG QR code of `url` (error correction M), for the printed handout."""
    if not url:
        return None
    code = segno.make(url, error="m")
    # no width and height but a viewBox, so the print stylesheet scales it (3 cm) whole
    return Markup(code.svg_inline(scale=4, title=f"QR code of {url}", omitsize=True))
