"""Stores for tests: SQLite in a temp dir, Postgres in a throwaway schema, and the fake."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest

from adapters.sql import SqlStore, open_store
from core.services.ports import Store
from tests.fakes.memory_store import MemoryStore

POSTGRES_URL = os.environ.get("WELLCHECK_TEST_POSTGRES_URL")
BACKENDS = [
    "sqlite",
    pytest.param(
        "postgres",
        marks=pytest.mark.skipif(
            not POSTGRES_URL, reason="WELLCHECK_TEST_POSTGRES_URL is not set (.ci/run sets it)"
        ),
    ),
]


@asynccontextmanager
async def postgres_schema() -> AsyncIterator[tuple[str, dict]]:
    """A fresh schema; yields the URL and the engine options that select it."""
    import asyncpg

    assert POSTGRES_URL
    schema = f"wc_test_{uuid.uuid4().hex[:12]}"
    dsn = POSTGRES_URL.replace("postgresql+asyncpg://", "postgresql://")
    admin = await asyncpg.connect(dsn)
    await admin.execute(f'CREATE SCHEMA "{schema}"')
    try:
        settings = {"search_path": schema, "application_name": schema}
        yield POSTGRES_URL, {"connect_args": {"server_settings": settings}}
    finally:
        await admin.execute(f'DROP SCHEMA "{schema}" CASCADE')
        await admin.close()


@asynccontextmanager
async def sql_store(backend: str, tmp_path: Path) -> AsyncIterator[SqlStore]:
    if backend == "sqlite":
        store = await open_store(f"sqlite:///{tmp_path / 'wellcheck.db'}")
        try:
            yield store
        finally:
            await store.close()
        return
    async with postgres_schema() as (url, options):
        store = await open_store(url, **options)
        try:
            yield store
        finally:
            await store.close()


# The in-memory fake and the real SQL stores, for contract tests that hold both to one promise.
ALL_STORES = ["memory", *BACKENDS]


@asynccontextmanager
async def any_store(kind: str, tmp_path: Path) -> AsyncIterator[Store]:
    if kind == "memory":
        yield MemoryStore()
        return
    async with sql_store(kind, tmp_path) as store:
        yield store


@asynccontextmanager
async def empty_database(backend: str, tmp_path: Path) -> AsyncIterator[tuple[str, dict]]:
    """An empty SQLite file or Postgres schema, not migrated: the URL and engine options
    (for migration tests that build an older schema first)."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'old.db'}", {}
        return
    async with postgres_schema() as (url, options):
        yield url, options
