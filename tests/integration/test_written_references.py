"""Conversation references the SQL store need not write again (adapters/sql/written_references.py):
skipped only when this process wrote the same thing lately, never trusted past `forget me`."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from adapters.sql import SqlStore, open_store, tables
from adapters.sql.written_references import WrittenReferences
from core.domain.identity import ConversationRef, Platform
from core.domain.schedules import Cadence, Schedule
from core.domain.subscriptions import Subscription
from core.services.privacy import sightings_prefix

NOW = datetime(2026, 11, 27, 12, tzinfo=UTC)
REF = ConversationRef(Platform.TEAMS, "user:29:1", '{"conversation":{"id":"a:1"}}')


class Ticks:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


async def updated_at(store: SqlStore) -> int | None:
    table = tables.conversations
    async with store.engine.connect() as conn:
        return (
            await conn.execute(select(table.c.updated_at).where(table.c.ref_id == REF.id))
        ).scalar_one_or_none()


def test_an_entry_lapses_and_the_oldest_go_first() -> None:
    ticks = Ticks()
    written = WrittenReferences(written_for_s=600, max_entries=2, clock=ticks)
    written.wrote(("teams", "a"), "p", "t")
    assert written.unchanged(("teams", "a"), "p", "t")
    assert not written.unchanged(("teams", "a"), "p2", "t")
    assert not written.unchanged(("teams", "a"), "p", "t2")
    ticks.now = 600.0
    assert not written.unchanged(("teams", "a"), "p", "t") and written.known(("teams", "a")) is None
    for key in ("a", "b", "c"):
        written.wrote(("teams", key), "p", "t")
    assert written.known(("teams", "a")) is None  # evicted: at most two entries
    assert written.known(("teams", "c")) == ("p", "t")
    written.drop(("teams", "c"))
    assert not written.unchanged(("teams", "c"), "p", "t")


async def test_the_same_reference_is_written_once_until_it_lapses(tmp_path: Path) -> None:
    store = await open_store(f"sqlite:///{tmp_path / 'wc.db'}")
    ticks = Ticks()
    store._written = WrittenReferences(clock=ticks)
    try:
        await store.save_conversation(REF, "t1", NOW)
        await store.save_conversation(REF, "t1", NOW + timedelta(minutes=1))
        assert await updated_at(store) == int(NOW.timestamp())  # the second was skipped
        await store.save_conversation(REF, "t2", NOW + timedelta(minutes=2))  # tenant changed
        assert await updated_at(store) == int((NOW + timedelta(minutes=2)).timestamp())
        ticks.now = 600.0
        await store.save_conversation(REF, "t2", NOW + timedelta(minutes=12))
        assert await updated_at(store) == int((NOW + timedelta(minutes=12)).timestamp())
    finally:
        await store.close()


async def test_forgotten_here_is_written_again_forgotten_elsewhere_is_written_through(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'wc.db'}"
    here, elsewhere = await open_store(url), await open_store(url)
    try:
        await here.save_conversation(REF, "t1", NOW)
        await here.forget_person(Platform.TEAMS, "29:1", [])
        await here.save_conversation(REF, "t1", NOW)
        assert await here.load_conversation(Platform.TEAMS, REF.id) == REF

        await elsewhere.forget_person(Platform.TEAMS, "29:1", [])
        await here.save_conversation(REF, "t1", NOW)  # trusted: another process deleted it
        assert await here.load_conversation(Platform.TEAMS, REF.id) is None
        schedule = Schedule(Cadence.DAILY, 7, 0, None)
        sub = Subscription(Platform.TEAMS, "29:1", "t1", REF.id, schedule, "UTC", NOW)
        await here.put_subscription(sub, NOW)  # the reminder's reference comes back with it
        assert await elsewhere.load_conversation(Platform.TEAMS, REF.id) == REF
    finally:
        await here.close()
        await elsewhere.close()


async def test_a_second_forget_finds_what_was_seen_in_a_chat_forgotten_elsewhere(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'wc.db'}"
    here, elsewhere = await open_store(url), await open_store(url)
    seen = sightings_prefix(Platform.TEAMS, "a:1") + "activity-7"
    try:
        await here.save_conversation(REF, "t1", NOW)
        await elsewhere.forget_person(Platform.TEAMS, "29:1", [])
        assert await here.first_sighting(seen, NOW)  # a message in the chat, after that
        await here.save_conversation(REF, "t1", NOW)  # skipped: no row now
        removed = await here.forget_person(Platform.TEAMS, "29:1", [])
        assert removed["duplicate-check records"] == 1 and removed["chat references"] == 1
        assert await elsewhere.first_sighting(seen, NOW)  # it was deleted
        assert await elsewhere.load_conversation(Platform.TEAMS, REF.id) is None
    finally:
        await here.close()
        await elsewhere.close()


def test_forget_me_is_the_only_way_a_reference_row_goes() -> None:
    """The skipped writes are safe because only `forget me` and a workspace's leaving delete
    from `conversations`, and they drop the entries: a new DELETE there must drop them too."""
    sql = Path(__file__).resolve().parents[2] / "adapters" / "sql"
    users = {p.name for p in sql.glob("*.py") if "tables.conversations" in p.read_text()}
    assert users == {
        "conversation_book.py",
        "usage_queries.py",
        "migrations.py",
        "workspace_eraser.py",
    }
    forget = (sql / "usage_queries.py").read_text()
    assert forget.count("delete(conversations)") == 1
    leaving = (sql / "workspace_eraser.py").read_text()  # a workspace's rows: its entries too
    assert leaving.count("delete(conversations)") == 1 and "_written.drop_tenant(" in leaving
    assert not any("delete from conversations" in p.read_text().lower() for p in sql.glob("*.py"))
