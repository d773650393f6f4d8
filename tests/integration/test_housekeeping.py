"""Answered event ids are kept a day, then pruned."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from bots.housekeeping import SIGHTINGS_KEPT, prune_once
from tests.fakes.clock import FakeClock
from tests.stores import sql_store

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


async def test_prune_removes_only_ids_older_than_a_day(tmp_path: Path) -> None:
    async with sql_store("sqlite", tmp_path) as store:
        await store.first_sighting("old", NOW - SIGHTINGS_KEPT - timedelta(minutes=1))
        await store.first_sighting("recent", NOW - timedelta(hours=23))
        assert await prune_once(store, FakeClock(NOW)) == 1
        assert not await store.first_sighting("recent", NOW)
        assert await store.first_sighting("old", NOW)
