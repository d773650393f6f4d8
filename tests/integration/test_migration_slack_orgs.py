"""Migration 7: a database from before several Slack workspaces keeps its reminders and tip
channels, each now in workspace "" / Grid org "" (the one workspace of SLACK_BOT_TOKEN)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import MetaData, Table, inspect
from sqlalchemy.engine import Connection

from adapters.sql import open_store, tables
from adapters.sql.engine import make_engine
from adapters.sql.migrations import migrate
from core.domain.identity import Platform
from tests.stores import BACKENDS, empty_database

NEW = {"subscriptions": {"enterprise"}, "channel_tips": {"workspace", "enterprise"}}
OLD = MetaData()
for _name, _added in NEW.items():
    Table(
        _name,
        OLD,
        *[c._copy() for c in tables.metadata.tables[_name].columns if c.name not in _added],
    )


def _at_version_6(conn: Connection) -> None:
    others = [t for t in tables.metadata.sorted_tables if t.name not in NEW]
    tables.metadata.create_all(conn, tables=others)
    OLD.create_all(conn)
    conn.execute(
        tables.schema_migrations.insert(), [{"version": v, "applied_at": 1} for v in range(1, 7)]
    )
    due = int(datetime(2026, 12, 1, 15, tzinfo=UTC).timestamp())
    conn.execute(
        OLD.tables["subscriptions"].insert(),
        [
            {
                "platform": "slack",
                "user_id": "U1",
                "workspace": "T1",
                "address": "D1",
                "cadence": "daily",
                "hour": 9,
                "minute": 0,
                "timezone": "America/Chicago",
                "active": True,
                "next_due_at": due,
                "tips_sent": 3,
                "created_at": 1,
            }
        ],
    )
    conn.execute(
        OLD.tables["channel_tips"].insert(),
        [
            {
                "platform": "slack",
                "target": "C1",
                "cron": "0 9 * * MON",
                "timezone": "America/Chicago",
                "next_due_at": due,
                "tips_sent": 1,
            }
        ],
    )


def _columns(conn: Connection) -> dict[str, set[str]]:
    return {name: {c["name"] for c in inspect(conn).get_columns(name)} for name in NEW}


@pytest.mark.parametrize("backend", BACKENDS)
async def test_version_6_reminders_and_channels_upgrade(backend: str, tmp_path: Path) -> None:
    async with empty_database(backend, tmp_path) as (url, options):
        engine = make_engine(url, **options)
        try:
            async with engine.begin() as conn:
                await conn.run_sync(_at_version_6)
        finally:
            await engine.dispose()
        store = await open_store(url, **options)  # migrates
        try:
            assert await migrate(store.engine) == []
            async with store.engine.connect() as conn:
                columns = await conn.run_sync(_columns)
            assert all(NEW[name] <= found for name, found in columns.items())
            sub = await store.get_subscription(Platform.SLACK, "U1")
            assert sub is not None and (sub.workspace, sub.enterprise, sub.tips_sent) == (
                "T1",
                "",
                3,
            )
        finally:
            await store.close()
