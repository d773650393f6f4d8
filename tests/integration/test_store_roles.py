"""The store roles' promises, held by the in-memory fake and by SQL (SQLite, Postgres) alike:
the unit tests that run on the fake then mean the same as against the real database."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from core.domain.agency import TipChannel
from core.domain.deliveries import Outcome
from core.domain.identity import ConversationRef, Platform
from core.domain.schedules import Cadence, Schedule, next_after
from core.domain.subscriptions import Subscription
from tests.stores import ALL_STORES, any_store

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
DAILY = Schedule(Cadence.DAILY, 9, 0, None)


def _plan(cron: str, zone: str, now: datetime) -> tuple[datetime, datetime]:
    due = now.replace(minute=0, second=0, microsecond=0)
    return due, next_after(cron, zone, now)


def _sub(user: str, due: datetime, tips_sent: int = 0) -> Subscription:
    return Subscription(
        Platform.SLACK, user, "T1", f"D{user}", DAILY, "UTC", due, tips_sent=tips_sent
    )


@pytest.mark.parametrize("kind", ALL_STORES)
async def test_event_log_answers_once_and_forgets(kind: str, tmp_path: Path) -> None:
    async with any_store(kind, tmp_path) as store:
        results = await asyncio.gather(*(store.first_sighting("slack:Ev1", NOW) for _ in range(5)))
        assert sorted(results) == [False] * 4 + [True]
        await store.unsee("slack:Ev1")
        assert await store.first_sighting("slack:Ev1", NOW)
        await store.first_sighting("old", NOW - timedelta(days=2))
        assert await store.forget_sightings(NOW - timedelta(days=1)) == 1
        assert await store.first_sighting("old", NOW)


@pytest.mark.parametrize("kind", ALL_STORES)
async def test_conversation_book_upserts(kind: str, tmp_path: Path) -> None:
    async with any_store(kind, tmp_path) as store:
        assert await store.load_conversation(Platform.TEAMS, "user:29:1") is None
        for version in (1, 2):
            ref = ConversationRef(Platform.TEAMS, "user:29:1", f'{{"v": {version}}}')
            await store.save_conversation(ref, "t1", NOW)
        loaded = await store.load_conversation(Platform.TEAMS, "user:29:1")
        assert loaded == ConversationRef(Platform.TEAMS, "user:29:1", '{"v": 2}')


@pytest.mark.parametrize("kind", ALL_STORES)
async def test_subscription_book_keeps_the_tip_count_on_update(kind: str, tmp_path: Path) -> None:
    async with any_store(kind, tmp_path) as store:
        await store.put_subscription(_sub("U1", NOW, tips_sent=3), NOW)
        await store.put_subscription(_sub("U1", NOW + timedelta(hours=1)), NOW)
        got = await store.get_subscription(Platform.SLACK, "U1")
        assert (
            got is not None and got.tips_sent == 3 and got.next_due_at == NOW + timedelta(hours=1)
        )
        assert await store.count_active_subscriptions() == 1
        assert await store.delete_subscription(Platform.SLACK, "U1")
        assert not await store.delete_subscription(Platform.SLACK, "U1")
        assert await store.get_subscription(Platform.SLACK, "U1") is None


@pytest.mark.parametrize("kind", ALL_STORES)
async def test_delivery_ledger_claims_once_moves_on_and_deactivates_the_gone(
    kind: str, tmp_path: Path
) -> None:
    async with any_store(kind, tmp_path) as store:
        await store.put_subscription(_sub("U1", NOW - timedelta(minutes=5)), NOW)
        await store.put_subscription(_sub("U2", NOW + timedelta(hours=3)), NOW)
        claims = await store.claim_due_subscriptions(NOW, 10, _plan, [Platform.SLACK])
        assert [c.recipient for c in claims] == ["slack:T1:U1"]
        assert await store.claim_due_subscriptions(NOW, 10, _plan, [Platform.SLACK]) == []
        assert await store.claim_due_subscriptions(NOW, 10, _plan, [Platform.TEAMS]) == []
        moved = await store.get_subscription(Platform.SLACK, "U1")
        assert moved is not None and moved.next_due_at > NOW and moved.tips_sent == 1
        await store.finish_deliveries([(claims[0], Outcome.GONE)], NOW)
        assert await store.count_active_subscriptions() == 1  # U2 only
        pruned = await store.prune_deliveries(NOW + timedelta(days=1), NOW, NOW)
        assert pruned == {"abandoned": 0, "deleted": 1}


@pytest.mark.parametrize("kind", ALL_STORES)
async def test_unfinished_claims_are_marked_abandoned(kind: str, tmp_path: Path) -> None:
    async with any_store(kind, tmp_path) as store:
        await store.put_subscription(_sub("U1", NOW - timedelta(minutes=5)), NOW)
        assert await store.claim_due_subscriptions(NOW, 10, _plan, [Platform.SLACK])
        later = NOW + timedelta(hours=2)
        assert await store.prune_deliveries(NOW, later - timedelta(hours=1), later) == {
            "abandoned": 1,
            "deleted": 0,
        }


@pytest.mark.parametrize("kind", ALL_STORES)
async def test_usage_ledger_adds_up_and_counts_people(kind: str, tmp_path: Path) -> None:
    async with any_store(kind, tmp_path) as store:
        key = await store.hash_key()
        assert key == await store.hash_key() and len(key) >= 32
        await store.add_usage({("2026-W48", "", "lookups", "all"): 2}, [("2026-W48", "", "d1")])
        await store.add_usage(
            {("2026-W48", "", "lookups", "all"): 3},
            [("2026-W48", "", "d1"), ("2026-W48", "", "d2")],
        )
        assert await store.usage_rows("2026-W01") == [
            ("2026-W48", "lookups", "all", 5),
            ("2026-W48", "people", "distinct", 2),
        ]
        assert await store.usage_rows("2026-W49") == []
        assert await store.usage_weeks() == ["2026-W48"]


@pytest.mark.parametrize("kind", ALL_STORES)
async def test_forget_person_removes_exactly_that_person(kind: str, tmp_path: Path) -> None:
    async with any_store(kind, tmp_path) as store:
        for user in ("U_1", "UX1"):
            await store.put_subscription(_sub(user, NOW - timedelta(minutes=1)), NOW)
        await store.claim_due_subscriptions(NOW, 10, _plan, [Platform.SLACK])
        ref = ConversationRef(Platform.SLACK, "user:U_1", "")
        await store.save_conversation(ref, "T1", NOW)
        await store.add_usage({}, [("2026-W48", "", "mine"), ("2026-W48", "", "theirs")])
        removed = await store.forget_person(Platform.SLACK, "U_1", [("2026-W48", "mine")])
        assert removed == {
            "reminder settings": 1,
            "delivery records": 1,
            "duplicate-check records": 0,
            "chat references": 1,
            "weekly activity marks": 1,
        }
        assert await store.get_subscription(Platform.SLACK, "UX1") is not None
        assert await store.usage_rows("2026-W01") == [("2026-W48", "people", "distinct", 1)]


def _same_due(cron: str, zone: str, now: datetime) -> tuple[datetime, datetime]:
    """The occurrence at NOW is the one being served until tomorrow's."""
    return NOW, NOW + timedelta(days=1)


@pytest.mark.parametrize("kind", ALL_STORES)
async def test_a_released_claim_is_claimed_again_once_on_a_later_pass(
    kind: str, tmp_path: Path
) -> None:
    async with any_store(kind, tmp_path) as store:
        await store.put_subscription(_sub("U1", NOW, tips_sent=4), NOW)
        [claim] = await store.claim_due_subscriptions(NOW, 10, _same_due, [Platform.SLACK])
        await store.finish_deliveries([(claim, Outcome.RELEASED)], NOW)
        # not again in the same pass: due a minute later
        assert await store.claim_due_subscriptions(NOW, 10, _same_due, [Platform.SLACK]) == []
        later = NOW + timedelta(minutes=2)
        tries = await asyncio.gather(
            *(
                store.claim_due_subscriptions(later, 10, _same_due, [Platform.SLACK])
                for _ in range(4)
            )
        )
        won = [c for found in tries for c in found]
        assert [(c.recipient, c.due_at, c.tip_number) for c in won] == [("slack:T1:U1", NOW, 4)]
        await store.finish_deliveries([(won[0], Outcome.SENT)], later)
        assert await store.claim_due_subscriptions(later, 10, _same_due, [Platform.SLACK]) == []
        sub = await store.get_subscription(Platform.SLACK, "U1")
        assert sub is not None and sub.tips_sent == 5 and sub.next_due_at == NOW + timedelta(days=1)


@pytest.mark.parametrize("kind", ALL_STORES)
async def test_a_released_claim_past_its_grace_hour_is_not_sent(kind: str, tmp_path: Path) -> None:
    async with any_store(kind, tmp_path) as store:
        await store.put_subscription(_sub("U1", NOW), NOW)
        [claim] = await store.claim_due_subscriptions(NOW, 10, _same_due, [Platform.SLACK])
        await store.finish_deliveries([(claim, Outcome.RELEASED)], NOW)
        late = NOW + timedelta(minutes=61)
        assert await store.claim_due_subscriptions(late, 10, _same_due, [Platform.SLACK]) == []
        sub = await store.get_subscription(Platform.SLACK, "U1")
        assert sub is not None and sub.next_due_at == NOW + timedelta(days=1)
        assert sub.tips_sent == 0


@pytest.mark.parametrize("kind", ALL_STORES)
async def test_maybe_sent_is_never_claimed_again(kind: str, tmp_path: Path) -> None:
    async with any_store(kind, tmp_path) as store:
        await store.put_subscription(_sub("U1", NOW), NOW)
        [claim] = await store.claim_due_subscriptions(NOW, 10, _same_due, [Platform.SLACK])
        await store.finish_deliveries([(claim, Outcome.FAILED)], NOW)
        later = NOW + timedelta(minutes=2)
        assert await store.claim_due_subscriptions(later, 10, _same_due, [Platform.SLACK]) == []


@pytest.mark.parametrize("kind", ALL_STORES)
async def test_a_released_channel_tip_is_claimed_again(kind: str, tmp_path: Path) -> None:
    channel = TipChannel(Platform.SLACK, "C0TIPS", "0 9 * * 1", "UTC")
    async with any_store(kind, tmp_path) as store:
        await store.sync_channels([channel], NOW - timedelta(days=2), lambda c, z, n: (n, NOW))
        [claim] = await store.claim_due_channels(NOW, _same_due, [Platform.SLACK])
        await store.finish_deliveries([(claim, Outcome.RELEASED)], NOW)
        assert await store.claim_due_channels(NOW, _same_due, [Platform.SLACK]) == []
        later = NOW + timedelta(minutes=5)
        [again] = await store.claim_due_channels(later, _same_due, [Platform.SLACK])
        assert (again.recipient, again.due_at, again.tip_number) == (
            claim.recipient,
            claim.due_at,
            claim.tip_number,
        )


@pytest.mark.parametrize("kind", ALL_STORES)
async def test_one_pass_at_a_time(kind: str, tmp_path: Path) -> None:
    async with any_store(kind, tmp_path) as store:
        async with store.one_pass_at_a_time() as first, store.one_pass_at_a_time() as second:
            assert (first, second) == (True, False)
        async with store.one_pass_at_a_time() as again:
            assert again
