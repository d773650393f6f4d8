"""The database every SQL role store shares: engine, schema on first contact, transactions."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from adapters.sql.errors import unavailable
from adapters.sql.migrations import migrate
from adapters.sql.written_references import WrittenReferences
from core.errors import StoreUnavailable

RETRY_SCHEMA_AFTER_S = 5.0


class Database:
    """One engine with its schema. Built before the database answers, it migrates on first
    contact and keeps trying (at most every few seconds) until it can. Each role store
    (event_log, subscription_book, …) is a Database with its own queries; `_written` is what
    this process wrote to `conversations` lately (adapters/sql/written_references.py)."""

    def __init__(self, engine: AsyncEngine, *, migrated: bool = True) -> None:
        self.engine = engine
        self._migrated = migrated
        self._schema_lock = asyncio.Lock()
        self._next_schema_try = 0.0
        self._written = WrittenReferences()

    def _ready(self) -> bool:
        return self._migrated

    async def _ensure_schema(self) -> None:
        if self._ready():
            return
        async with self._schema_lock:
            if self._ready():  # another task migrated while we waited
                return
            if time.monotonic() < self._next_schema_try:
                raise StoreUnavailable("the database is not answering yet")
            try:
                with unavailable():
                    await migrate(self.engine)
            except StoreUnavailable:
                self._next_schema_try = time.monotonic() + RETRY_SCHEMA_AFTER_S
                raise
            self._migrated = True

    @asynccontextmanager
    async def _transaction(self) -> AsyncIterator[AsyncConnection]:
        """A transaction; connection failures become StoreUnavailable."""
        await self._ensure_schema()
        with unavailable():
            async with self.engine.begin() as conn:
                yield conn

    async def ping(self) -> None:
        async with self._transaction() as conn:
            await conn.execute(select(1))

    async def close(self) -> None:
        await self.engine.dispose()
