"""The families' directory page, built from the same data and search as the chat: served
at GET /directory and written by `wellcheck site --out DIR` as a static site."""

from __future__ import annotations

import sys
from pathlib import Path

from adapters.web.directory_html import DirectoryHtml
from core.datafiles.loader import Bundle
from core.services.directory_page import DirectoryPage, build_page, page_words
from core.services.lookup import Lookup


def directory_page(bundle: Bundle, lookup: Lookup) -> DirectoryPage:
    directory = bundle.directory
    texts = [r.name for r in directory.resources]
    texts += [" ".join(r.topics) for r in directory.resources]
    texts += [c.name for c in directory.categories]
    texts += sorted(bundle.synonyms.spoken_words())
    return build_page(
        directory,
        agency=bundle.agency.name,
        title=bundle.agency.page_title,
        url=bundle.agency.page_url,
        search=lambda word: [r.id for r in lookup(word).resources],
        vocabulary=page_words(texts),
    )


def directory_html(bundle: Bundle, lookup: Lookup) -> str:
    return DirectoryHtml().render(directory_page(bundle, lookup))


def write_site(bundle: Bundle, lookup: Lookup, out: Path) -> int:
    """index.html in `out` (created if missing); one line on stderr when it cannot be."""
    if out.exists() and not out.is_dir():
        print(f"wellcheck: --out {out} is a file; name a folder for the site", file=sys.stderr)
        return 1
    try:
        out.mkdir(parents=True, exist_ok=True)
        (out / "index.html").write_text(directory_html(bundle, lookup), encoding="utf-8")
    except OSError as exc:
        print(f"wellcheck: cannot write the site to {out}: {exc.strerror}", file=sys.stderr)
        return 1
    print(f"wrote {out / 'index.html'}: the directory for families, one file to publish")
    if bundle.agency.page_url is None:
        print(
            "wellcheck: no agency.public_url in the agency file: the printed handout has no "
            "QR code until it names where the page is published",
            file=sys.stderr,
        )
    return 0
