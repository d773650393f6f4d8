from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from bots.bootstrap_services import Services, build_services
from core.datafiles.loader import Bundle, DataPaths, load_bundle

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SAMPLES = Path(__file__).resolve().parent / "samples"
# Both are right first answers to "alcohol": the officers' line and the treatment line.
ALCOHOL_LINES = frozenset({"copline", "samhsa-helpline"})
TODAY = date(2026, 11, 27)


@pytest.fixture(scope="session")
def bundle() -> Bundle:
    return load_bundle(DataPaths(DATA), TODAY)


@pytest.fixture(scope="session")
def services(bundle: Bundle) -> Services:
    return build_services(bundle, pick=lambda n: 0)


@pytest.fixture(scope="session")
def agency_services() -> Services:
    return build_services(load_bundle(DataPaths(DATA, DATA / "agency.example.yaml"), TODAY))


@pytest.fixture(scope="session")
def queries() -> dict:
    return yaml.safe_load((SAMPLES / "queries.yaml").read_text())
