"""Subscriptions and delivery claims, on one connection in a transaction (the agency
files' tip channels: channel_queries.py)."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import RowMapping, case, delete, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.sql import tables
from adapters.sql.sql import epoch, moment, upsertable_insert
from core.domain.deliveries import Claim, Outcome, Plan, retry_from, retryable_since
from core.domain.identity import Platform
from core.domain.schedules import Cadence, Schedule
from core.domain.subscriptions import Subscription

S = tables.subscriptions
C = tables.channel_tips
D = tables.deliveries


def _subscription(row: RowMapping) -> Subscription:
    schedule = Schedule(Cadence(row["cadence"]), row["hour"], row["minute"], row["weekday"])
    due = moment(row["next_due_at"])
    assert due is not None
    return Subscription(
        platform=Platform(row["platform"]),
        user_id=row["user_id"],
        workspace=row["workspace"],
        address=row["address"],
        schedule=schedule,
        timezone=row["timezone"],
        next_due_at=due,
        active=bool(row["active"]),
        paused_until=moment(row["paused_until"]),
        tips_sent=row["tips_sent"],
        enterprise=row["enterprise"],
    )


def _values(sub: Subscription) -> dict[str, Any]:
    return {
        "platform": sub.platform.value,
        "user_id": sub.user_id,
        "workspace": sub.workspace,
        "enterprise": sub.enterprise,
        "address": sub.address,
        "cadence": sub.schedule.cadence.value,
        "weekday": sub.schedule.weekday,
        "hour": sub.schedule.hour,
        "minute": sub.schedule.minute,
        "timezone": sub.timezone,
        "active": sub.active,
        "paused_until": epoch(sub.paused_until) if sub.paused_until else None,
        "next_due_at": epoch(sub.next_due_at),
    }


async def get_subscription(
    conn: AsyncConnection, platform: Platform, user_id: str
) -> Subscription | None:
    query = select(S).where((S.c.platform == platform.value) & (S.c.user_id == user_id))
    row = (await conn.execute(query)).mappings().first()
    return None if row is None else _subscription(row)


async def put_subscription(conn: AsyncConnection, sub: Subscription, now: datetime) -> None:
    """Insert or update by (platform, user); the tip count carries over."""
    values = _values(sub)
    statement = upsertable_insert(conn, S).values(
        **values, tips_sent=sub.tips_sent, created_at=epoch(now)
    )
    statement = statement.on_conflict_do_update(
        index_elements=["platform", "user_id"], set_={k: statement.excluded[k] for k in values}
    )
    await conn.execute(statement)


async def delete_subscription(conn: AsyncConnection, platform: Platform, user_id: str) -> bool:
    result = await conn.execute(
        delete(S).where((S.c.platform == platform.value) & (S.c.user_id == user_id))
    )
    return bool(result.rowcount)


async def deactivate(conn: AsyncConnection, platform: Platform, user_id: str) -> None:
    await conn.execute(
        update(S)
        .where((S.c.platform == platform.value) & (S.c.user_id == user_id))
        .values(active=False)
    )


async def count_active(conn: AsyncConnection) -> int:
    from sqlalchemy import func

    return int(
        (await conn.execute(select(func.count()).select_from(S).where(S.c.active))).scalar_one()
    )


async def claim_many(
    conn: AsyncConnection, wanted: list[tuple[str, datetime]], now: datetime
) -> set[str]:
    """Insert claim rows for (recipient, due time); returns the recipients whose row is new,
    or was released and is still within its grace window."""
    if not wanted:
        return set()
    rows = [
        {
            "recipient": recipient,
            "due_at": epoch(due),
            "status": "claimed",
            "claimed_at": epoch(now),
        }
        for recipient, due in wanted
    ]
    statement = upsertable_insert(conn, D).values(rows)
    statement = statement.on_conflict_do_update(  # a released claim may be claimed again
        index_elements=["recipient", "due_at"],
        set_={"status": "claimed", "claimed_at": epoch(now), "finished_at": None},
        where=(D.c.status == Outcome.RELEASED.value) & (D.c.due_at >= epoch(retryable_since(now))),
    ).returning(D.c.recipient)
    return set((await conn.execute(statement)).scalars())


async def claim_subscriptions(
    conn: AsyncConnection, now: datetime, limit: int, plan: Plan, platforms: Collection[Platform]
) -> list[Claim]:
    """Claim up to `limit` due subscriptions; each is moved on to its next due time."""
    query = (
        select(S)
        .where(S.c.active & (S.c.next_due_at <= epoch(now)))
        .where(S.c.platform.in_([p.value for p in platforms]))
        .order_by(S.c.next_due_at, S.c.id)
        .limit(limit)
        .with_for_update(skip_locked=True)  # Postgres: concurrent passes take disjoint rows
    )
    rows = (await conn.execute(query)).mappings().all()
    planned: dict[tuple[str, str], tuple[datetime, datetime]] = {}
    due_of: list[tuple[int, Subscription, datetime, datetime]] = []
    for row in rows:
        sub = _subscription(row)
        key = (sub.schedule.cron(), sub.timezone)
        if key not in planned:
            planned[key] = plan(key[0], key[1], now)
        due, following = planned[key]
        due_of.append((row["id"], sub, due, following))
    won = await claim_many(conn, [(sub.recipient, due) for _, sub, due, _ in due_of], now)
    moves: dict[tuple[int, bool], list[int]] = {}
    for row_id, sub, _, following in due_of:
        moves.setdefault((epoch(following), sub.recipient in won), []).append(row_id)
    for (following_epoch, claimed), ids in moves.items():
        await conn.execute(
            update(S)
            .where(S.c.id.in_(ids))
            .values(next_due_at=following_epoch, tips_sent=S.c.tips_sent + int(claimed))
        )
    return [
        Claim(
            sub.recipient,
            due,
            sub.platform,
            sub.address,
            sub.tips_sent,
            sub.user_id,
            sub.workspace,
            sub.enterprise,
        )
        for _, sub, due, _ in due_of
        if sub.recipient in won
    ]


async def finish(
    conn: AsyncConnection, outcomes: Iterable[tuple[Claim, Outcome]], now: datetime
) -> None:
    """Record how each claim ended, grouped into one UPDATE per (outcome, due time); a
    released claim's subscription or channel is due again a minute from now."""
    groups: dict[tuple[str, int], list[str]] = {}
    gone: list[tuple[Platform, str]] = []
    released: list[Claim] = []
    for claim, outcome in outcomes:
        groups.setdefault((outcome.value, epoch(claim.due_at)), []).append(claim.recipient)
        if outcome is Outcome.GONE and claim.user_id is not None:
            gone.append((claim.platform, claim.user_id))
        if outcome is Outcome.RELEASED:
            released.append(claim)
    for (status, due_at), recipients in groups.items():
        for start in range(0, len(recipients), 500):
            await conn.execute(
                update(D)
                .where((D.c.due_at == due_at) & D.c.recipient.in_(recipients[start : start + 500]))
                .values(status=status, finished_at=epoch(now))
            )
    for platform, user_id in gone:
        await deactivate(conn, platform, user_id)
    await _due_again(conn, released, epoch(retry_from(now)))


async def _due_again(conn: AsyncConnection, claims: list[Claim], at: int) -> None:
    """Bring released claims' rows back to `at` (unless already due sooner), one tip back."""
    people: dict[str, list[str]] = {}
    for claim in claims:
        if claim.user_id is None:
            await conn.execute(
                update(C)
                .where((C.c.platform == claim.platform.value) & (C.c.target == claim.address))
                .values(next_due_at=_sooner(C.c.next_due_at, at), tips_sent=C.c.tips_sent - 1)
            )
        else:
            people.setdefault(claim.platform.value, []).append(claim.user_id)
    for platform, user_ids in people.items():
        for start in range(0, len(user_ids), 500):
            await conn.execute(
                update(S)
                .where((S.c.platform == platform) & S.c.user_id.in_(user_ids[start : start + 500]))
                .values(next_due_at=_sooner(S.c.next_due_at, at), tips_sent=S.c.tips_sent - 1)
            )


def _sooner(column: Any, at: int) -> Any:
    return case((column > at, at), else_=column)
