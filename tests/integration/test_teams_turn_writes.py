"""A Teams turn's database work (issue 15), on real SQLite through the whole server: one
write a message once the conversation reference is stored, and `forget me` still forgets."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest

from adapters.sql import open_store
from bots.server import RUNTIME
from core.domain.identity import Platform
from tests.fakes.bot_connector import FakeConnector
from tests.teams_harness import TeamsHarness, fake_connector, sample, teams_app

PERSONAL_KEY = "user:29:1Officer-opaque-id"
WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


@pytest.fixture
def connector() -> Iterator[FakeConnector]:
    with fake_connector() as fake:
        yield fake


async def traced(teams: TeamsHarness) -> list[str]:
    """Every statement SQLite runs on the server's connection (one per process), however
    it gets there: SQLite's own trace hook, not SQLAlchemy's events."""
    engine = teams.client.app[RUNTIME].store.engine  # type: ignore[attr-defined]
    statements: list[str] = []
    async with engine.connect() as conn:
        driver = (await conn.get_raw_connection()).driver_connection
        await driver.set_trace_callback(statements.append)
    return statements


def writes(statements: list[str]) -> list[str]:
    return [s for s in statements if s.lstrip().upper().startswith(WRITES)]


async def message(teams: TeamsHarness, text: str, n: int, **changes: Any) -> None:
    activity = sample("teams-personal-message.json", teams.connector)
    activity.update(text=text, id=f"turn-{n}", **changes)
    before = len(teams.connector.messages())
    assert (await teams.send(activity)).status == 200
    await teams.wait_for(before + 1)


async def stored(db: Path) -> str | None:
    """The personal chat's reference as another process reads it."""
    store = await open_store(f"sqlite:///{db}")
    try:
        ref = await store.load_conversation(Platform.TEAMS, PERSONAL_KEY)
    finally:
        await store.close()
    return None if ref is None else ref.payload


@asynccontextmanager
async def replica(connector: FakeConnector, db: Path) -> AsyncIterator[TeamsHarness]:
    async with teams_app(connector, db) as teams:
        yield teams


async def test_an_unchanged_reference_costs_no_write(
    connector: FakeConnector, tmp_path: Path
) -> None:
    async with replica(connector, tmp_path / "wc.db") as teams:
        statements = await traced(teams)
        await message(teams, "alcohol", 1)
        first = writes(statements)
        assert any("conversations" in s for s in first)  # the reference, stored once
        assert any("seen_events" in s for s in first)

        for n, text in enumerate(["I want to die", "help", "divorce"], start=2):
            statements.clear()
            await message(teams, text, n)
            # the redelivery check, and nothing else: no transaction, no read, no upsert
            assert writes(statements) == statements
            assert len(statements) == 1 and "seen_events" in statements[0]

        statements.clear()  # a reference that changed is written again
        await message(teams, "alcohol", 9, channelData={"tenant": {"id": "another-tenant"}})
        assert [s for s in writes(statements) if "conversations" in s]


async def test_forget_me_then_a_message_stores_the_reference_again(
    connector: FakeConnector, tmp_path: Path
) -> None:
    db = tmp_path / "wc.db"
    async with replica(connector, db) as teams:
        await message(teams, "alcohol", 1)
        assert await stored(db) is not None
        await message(teams, "forget me", 2)
        assert await stored(db) is None
        assert "chat reference" in json.dumps(teams.connector.messages()[-1].body)
        await message(teams, "alcohol", 3)
        payload = await stored(db)
        assert payload is not None and json.loads(payload)["user"]["id"] == "29:1Officer-opaque-id"


async def test_forgotten_on_another_replica_a_subscription_still_finds_its_reference(
    connector: FakeConnector, tmp_path: Path
) -> None:
    """Replica A stored the reference and trusts it; `forget me` reaches replica B. The
    next subscribe on A must leave the reference the reminders will need."""
    db = tmp_path / "wc.db"
    async with replica(connector, db) as a, replica(connector, db) as b:
        await message(a, "alcohol", 1)
        await message(b, "forget me", 2)
        assert await stored(db) is None
        await message(a, "subscribe daily at 07:00", 3)
        assert await stored(db) is not None
