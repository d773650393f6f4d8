"""The families' directory as one HTML file: Jinja2 (autoescaped), inline CSS and script,
no external fonts, scripts, trackers or cookies; a QR code of the page's address (segno)
on the printed handout."""

from __future__ import annotations

import base64
import hashlib
import json
import re
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
        """The page, carrying its own Content-Security-Policy (see `policy`) in a meta tag so
        a static copy on any host is held to it too."""
        template = self._env.get_template(TEMPLATE)
        values = {"page": page, "qr_svg": qr_svg(page.url), "index_json": index_json(page)}
        return template.render(values, policy=policy(template.render(values, policy="")))


def policy(html: str) -> str:
    """Nothing from anywhere: only the page's own inline style and script, by their hashes,
    so markup that ever slipped past the escaping could not run a script or send a byte."""
    styles = " ".join(_hash(text) for text in _STYLE.findall(html)) or "'none'"
    scripts = " ".join(_hash(text) for text in _SCRIPT.findall(html)) or "'none'"
    return (
        f"default-src 'none'; style-src {styles}; script-src {scripts}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


_STYLE = re.compile(r"<style>(.*?)</style>", re.S)
_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)  # the JSON index (with a type) never runs


def _hash(text: str) -> str:
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


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
