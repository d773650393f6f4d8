"""The families' directory page, built from the same data and search as the chat: served
at GET /directory and written by `wellcheck site --out DIR` as a static site."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from adapters.web.directory_html import DirectoryHtml
from bots.bootstrap_services import Services
from bots.settings import Settings
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


def agency_services(settings: Settings, agency: str) -> Services | None:
    """One agency's data and search from WELLCHECK_AGENCIES_DIR; None (said why) if unknown."""
    from bots.agencies import load_catalogue

    if settings.agencies_dir is None:
        print("wellcheck: --agency needs WELLCHECK_AGENCIES_DIR", file=sys.stderr)
        return None
    catalogue = load_catalogue(settings, date.today())
    found = catalogue.agencies.get(agency)
    if found is None:
        known = ", ".join(sorted(catalogue.agencies))
        print(
            f"wellcheck: no agency '{agency}' in {settings.agencies_dir} ({known})", file=sys.stderr
        )
    return found


def directory_html(bundle: Bundle, lookup: Lookup) -> str:
    return DirectoryHtml().render(directory_page(bundle, lookup))


def publish(bundle: Bundle, lookup: Lookup, out: Path | None, handout: Path | None) -> int:
    """`wellcheck site`: the static site in `out`, the handout PDF at `handout`, or both."""
    if out is None and handout is None:
        print("wellcheck: site needs --out DIR, --handout FILE.pdf or both", file=sys.stderr)
        return 2
    html = directory_html(bundle, lookup)
    status = 0 if out is None else write_site(html, out)
    if status == 0 and handout is not None:
        from bots.handout import write_handout

        status = write_handout(html, handout)
    if status == 0 and bundle.agency.page_url is None:
        print(
            "wellcheck: no agency.public_url in the agency file: the printed handout has no "
            "QR code until it names where the page is published",
            file=sys.stderr,
        )
    return status


def write_site(html: str, out: Path) -> int:
    """index.html in `out` (created if missing); one line on stderr when it cannot be."""
    if out.exists() and not out.is_dir():
        print(f"wellcheck: --out {out} is a file; name a folder for the site", file=sys.stderr)
        return 1
    try:
        out.mkdir(parents=True, exist_ok=True)
        (out / "index.html").write_text(html, encoding="utf-8")
    except OSError as exc:
        print(f"wellcheck: cannot write the site to {out}: {exc.strerror}", file=sys.stderr)
        return 1
    print(f"wrote {out / 'index.html'}: the directory for families, one file to publish")
    return 0
