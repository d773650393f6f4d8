"""What only SQL must prove (SQLite and Postgres): migrations, replicas on one database,
URLs, an unreachable server, exact LIKE matching. The roles' promises are in test_store_roles."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

import pytest

from adapters.sql import open_store
from adapters.sql.engine import async_url
from adapters.sql.migrations import latest_version, migrate
from core.errors import StoreUnavailable
from tests.stores import BACKENDS, sql_store

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize("backend", BACKENDS)
async def test_migrations_apply_once(backend: str, tmp_path: Path) -> None:
    async with sql_store(backend, tmp_path) as store:
        assert await migrate(store.engine) == []
        await store.ping()
        assert latest_version() >= 1


async def test_two_replicas_share_one_sqlite_file(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    first, second = await asyncio.gather(open_store(url), open_store(url))
    try:
        assert await first.first_sighting("slack:Ev9", NOW)
        assert not await second.first_sighting("slack:Ev9", NOW)
    finally:
        await first.close()
        await second.close()


async def test_unreachable_database_is_store_unavailable() -> None:
    with pytest.raises(StoreUnavailable):
        await open_store("postgresql://nobody@127.0.0.1:1/none")


def test_database_urls() -> None:
    assert async_url("sqlite:///var/wellcheck.db") == "sqlite+aiosqlite:///var/wellcheck.db"
    assert async_url("postgresql://u@h/db") == "postgresql+asyncpg://u@h/db"
    with pytest.raises(ValueError, match="sqlite:///"):
        async_url("mysql://x")


@pytest.mark.parametrize("backend", BACKENDS)
async def test_forget_deletes_exactly_that_persons_delivery_records(
    backend: str, tmp_path: Path
) -> None:
    """Issue 11: LIKE read "_" as any character (and was case-blind on SQLite)."""
    from sqlalchemy import select

    from adapters.sql import tables
    from core.domain.identity import Platform

    async with sql_store(backend, tmp_path) as store:
        async with store.engine.begin() as conn:
            await conn.execute(
                tables.deliveries.insert(),
                [
                    {"recipient": r, "due_at": 1, "status": "sent", "claimed_at": 1}
                    for r in ("slack:T1:U_1", "slack:T2:U_1", "slack:T1:UX1", "slack:T1:u_1")
                ],
            )
        removed = await store.forget_person(Platform.SLACK, "U_1", [])
        assert removed["delivery records"] == 2
        async with store.engine.begin() as conn:
            left = set((await conn.execute(select(tables.deliveries.c.recipient))).scalars())
        assert left == {"slack:T1:UX1", "slack:T1:u_1"}
