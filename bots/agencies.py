"""The agencies this process serves, each with its own directory and search: one agency
file (or none) as always, or every file in WELLCHECK_AGENCIES_DIR. The national data,
crisis detector and ranker are loaded once and shared; only each agency's few resources
are its own."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from bots.bootstrap_services import Services, build_services
from bots.settings import Settings
from core.datafiles.agencies import load_agencies
from core.datafiles.loader import DataPaths, load_bundle
from core.domain.agency import TipChannel
from core.language.text import make_stemmer
from core.services.agency_router import Tenancy


@dataclass(frozen=True, repr=False)
class Catalogue:
    """`agencies` by id ("" for the one agency of single mode); `national` answers those no
    agency names (multi mode) and is the one agency in single mode."""

    national: Services
    agencies: Mapping[str, Services]
    tenancy: Tenancy | None  # None: single mode, every message is the one agency's

    @property
    def multi(self) -> bool:
        return self.tenancy is not None

    @property
    def tip_channels(self) -> tuple[TipChannel, ...]:
        """Every agency's tip channels (no channel is two agencies': validated)."""
        return tuple(c for s in self.agencies.values() for c in s.bundle.agency.tip_channels)


def load_catalogue(
    settings: Settings, today: date, pick: Callable[[int], int] | None = None
) -> Catalogue:
    """Raises DataError listing every problem in every file."""
    if settings.agencies_dir is None:
        services = build_services(load_bundle(settings.data_paths, today), pick)
        return Catalogue(services, {"": services}, None)
    stem = make_stemmer()  # one memo for every agency's index
    shipped = load_bundle(DataPaths(settings.data_dir), today)
    national = build_services(shipped, pick, stem)
    bundles = load_agencies(shipped, settings.agencies_dir, today)
    agencies = {b.agency.id: build_services(b, pick, stem) for b in bundles}
    return Catalogue(national, agencies, Tenancy([b.agency for b in bundles]))
