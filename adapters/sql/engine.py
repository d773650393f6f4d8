"""Turn WELLCHECK_DATABASE_URL into an async engine, migrated and ready."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from adapters.sql.errors import unavailable
from adapters.sql.migrations import migrate
from adapters.sql.store import SqlStore
from core.errors import StoreUnavailable

SQLITE_BUSY_TIMEOUT_S = 30
PG_CONNECT_TIMEOUT_S = 5  # a database that does not answer must not hang requests
PG_COMMAND_TIMEOUT_S = 30


def async_url(url: str) -> str:
    """`sqlite:///…` and `postgresql://…` as their async drivers spell them."""
    if url.startswith("sqlite:///"):
        return "sqlite+aiosqlite:///" + url.removeprefix("sqlite:///")
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+asyncpg://" + url.removeprefix(prefix)
    if url.startswith(("sqlite+aiosqlite://", "postgresql+asyncpg://")):
        return url
    raise ValueError("WELLCHECK_DATABASE_URL must start with sqlite:/// or postgresql://")


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Take over transaction control from the driver (SQLAlchemy's aiosqlite recipe):
    # it would otherwise autocommit DDL and begin lazily, racing other replicas.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_S * 1000}")
    # Switching to WAL needs a moment alone with the file and may answer "locked"
    # without waiting when another process opens it at the same instant.
    for attempt in range(100):
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            break
        except sqlite3.OperationalError:
            if attempt == 99:
                raise
            time.sleep(0.05)
    # WAL with NORMAL sync survives a crash of the process; only an OS crash or power
    # loss can drop the last commits. FULL costs an fsync per commit.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_begin(conn: Any) -> None:
    # Writers queue on the database lock up front (busy_timeout applies), instead of
    # failing when a read transaction later tries to upgrade to a write.
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(url: str, **options: Any) -> AsyncEngine:
    full = async_url(url)
    if full.startswith("sqlite"):
        path = full.removeprefix("sqlite+aiosqlite:///")
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        # One connection per process: SQLite has one writer at a time anyway, and
        # waiting for the pool is an asyncio wait, where SQLite's busy handler sleeps
        # in growing steps (seconds under load). Other processes still queue on the lock.
        options.setdefault("pool_size", 1)
        options.setdefault("max_overflow", 0)
        engine = create_async_engine(
            full, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S}, **options
        )
        event.listen(engine.sync_engine, "connect", _sqlite_connect)
        event.listen(engine.sync_engine, "begin", _sqlite_begin)
        return engine
    connect_args = {"timeout": PG_CONNECT_TIMEOUT_S, "command_timeout": PG_COMMAND_TIMEOUT_S}
    connect_args.update(options.pop("connect_args", {}))
    return create_async_engine(
        full, pool_pre_ping=True, pool_size=5, max_overflow=5, connect_args=connect_args, **options
    )


async def open_store(url: str, **options: Any) -> SqlStore:
    """An engine on `url` with the schema migrated. Raises StoreUnavailable if unreachable."""
    engine = make_engine(url, **options)
    try:
        with unavailable("the database cannot be reached or used"):
            await migrate(engine)
    except BaseException:
        await engine.dispose()
        raise
    return SqlStore(engine)


async def connect_store(url: str, **options: Any) -> SqlStore:
    """Like open_store, but a database that is down now is not fatal: the store comes up
    unmigrated and migrates itself once the database answers."""
    try:
        return await open_store(url, **options)
    except StoreUnavailable:
        return SqlStore(make_engine(url, **options), migrated=False)
