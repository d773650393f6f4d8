"""The in-memory part of WellCheck: data, search and crisis detection, and a responder that
keeps nothing. Pure CPU, no I/O; `bots.bootstrap` adds the database and the platforms."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from bots.settings import Settings
from core.datafiles.loader import Bundle, load_bundle
from core.language.ranking import RankedSearch
from core.language.search import SearchIndex
from core.language.text import Stemmer, make_stemmer
from core.services.lookup import Lookup
from core.services.responder import Responder


@dataclass(frozen=True, repr=False)
class Services:
    """The in-memory part: the data, search and crisis detection, and a responder that
    keeps nothing (the console, `wellcheck lookup`). Pure CPU, no I/O."""

    bundle: Bundle
    lookup: Lookup
    responder: Responder


def keyword_index(bundle: Bundle, stem: Stemmer | None = None) -> SearchIndex:
    """The directory's keyword index (what the learned ranking re-ranks)."""
    directory = bundle.directory
    return SearchIndex(
        directory.resources,
        directory.categories,
        bundle.synonyms,
        stem or make_stemmer(),
        bundle.agency.region,
        bundle.detector.known_word_set,
    )


def build_services(
    bundle: Bundle, pick: Callable[[int], int] | None = None, stem: Stemmer | None = None
) -> Services:
    """Index the directory and wire lookup and a store-less responder. `stem`: a stemmer
    (and its memo) shared by several agencies' indexes."""
    directory = bundle.directory
    index = keyword_index(bundle, stem)
    if bundle.ranker is None:
        lookup = Lookup(directory, index, bundle.detector)
    else:
        ranked = RankedSearch(index, directory.resources, bundle.ranker)
        lookup = Lookup(
            directory, ranked, bundle.detector, ranked.reads_as_plea, ranked.reads_as_nothing
        )
    return Services(bundle, lookup, Responder(directory, lookup, bundle.tips, pick))


def offline(settings: Settings, today: date | None = None) -> Services:
    """The data files checked and loaded, for commands that touch no database."""
    return build_services(load_bundle(settings.data_paths, today or date.today()))
