"""A small versioned migration runner: each version applies once, in order."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from sqlalchemy import inspect, select
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.sql import tables

log = logging.getLogger(__name__)

Migration = Callable[[Connection], None]
ADVISORY_LOCK_ID = 0x57454C4C  # "WELL": serialises migrating replicas on Postgres


def _v1_seen_events(conn: Connection) -> None:
    tables.seen_events.create(conn, checkfirst=True)


def _v2_conversations(conn: Connection) -> None:
    tables.conversations.create(conn, checkfirst=True)


def _v3_reminders(conn: Connection) -> None:
    for table in (tables.subscriptions, tables.channel_tips, tables.deliveries):
        table.create(conn, checkfirst=True)


def _v4_trust(conn: Connection) -> None:
    for table in (tables.bot_settings, tables.usage_counts, tables.usage_people):
        table.create(conn, checkfirst=True)


def _v5_slack_installations(conn: Connection) -> None:
    tables.slack_installations.create(conn, checkfirst=True)


def _v6_usage_per_agency(conn: Connection) -> None:
    """`agency` joins both usage tables' primary keys; the rows so far become agency "".
    SQLite cannot alter a primary key: the rows are copied out (CREATE TABLE AS copies no
    constraint or index, so no name collides on Postgres), the table is created anew, and
    the rows go back. A new database has it already (v4 creates today's tables): skipped."""
    quote = conn.dialect.identifier_preparer.quote
    for table in (tables.usage_counts, tables.usage_people):
        if "agency" in {c["name"] for c in inspect(conn).get_columns(table.name)}:
            continue
        kept = [quote(c.name) for c in table.columns if c.name != "agency"]
        name, copy = quote(table.name), quote(f"{table.name}_v5")
        listed = ", ".join(kept)
        conn.exec_driver_sql(f"CREATE TABLE {copy} AS SELECT {listed} FROM {name}")
        table.drop(conn)
        table.create(conn)
        conn.exec_driver_sql(
            f"INSERT INTO {name} ({quote('agency')}, {listed}) SELECT '', {listed} FROM {copy}"
        )
        conn.exec_driver_sql(f"DROP TABLE {copy}")


def _v7_slack_orgs(conn: Connection) -> None:
    """Which Slack workspace and Grid org a reminder or tip channel is in (whose token sends,
    with several workspaces). Added where missing (a new database has them from v3)."""
    quote = conn.dialect.identifier_preparer.quote
    wanted = {
        tables.subscriptions: ("enterprise",),
        tables.channel_tips: ("workspace", "enterprise"),
    }
    for table, columns in wanted.items():
        present = {c["name"] for c in inspect(conn).get_columns(table.name)}
        for column in columns:
            if column not in present:
                conn.exec_driver_sql(
                    f"ALTER TABLE {quote(table.name)} ADD COLUMN {quote(column)} "
                    "VARCHAR(32) NOT NULL DEFAULT ''"
                )


MIGRATIONS: tuple[tuple[int, Migration], ...] = (
    (1, _v1_seen_events),
    (2, _v2_conversations),
    (3, _v3_reminders),
    (4, _v4_trust),
    (5, _v5_slack_installations),
    (6, _v6_usage_per_agency),
    (7, _v7_slack_orgs),
)


def _apply(conn: Connection) -> list[int]:
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({ADVISORY_LOCK_ID})")
    tables.schema_migrations.create(conn, checkfirst=True)
    done = set(conn.execute(select(tables.schema_migrations.c.version)).scalars())
    applied: list[int] = []
    for version, migration in MIGRATIONS:
        if version in done:
            continue
        migration(conn)
        conn.execute(
            tables.schema_migrations.insert().values(version=version, applied_at=int(time.time()))
        )
        applied.append(version)
    return applied


async def migrate(engine: AsyncEngine) -> list[int]:
    """Bring the schema up to date in one transaction; returns the versions applied."""
    async with engine.begin() as conn:
        applied = await conn.run_sync(_apply)
    if applied:
        log.info("database migrated to version %d", applied[-1])
    return applied


def latest_version() -> int:
    return MIGRATIONS[-1][0]
