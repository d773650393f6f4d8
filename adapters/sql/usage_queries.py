"""Counter key, aggregate usage, forgetting a person, pruning: on one connection."""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterable, Mapping
from datetime import datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.sql import tables
from adapters.sql.sql import epoch, starts_with, upsertable_insert
from core.domain.identity import Platform, personal_chat_key
from core.services.privacy import sightings_prefix

HASH_KEY = "hash_key"


async def hash_key(conn: AsyncConnection) -> str:
    """The counter key stored on first run (every replica then reads the same one)."""
    table = tables.bot_settings
    statement = (
        upsertable_insert(conn, table)
        .values(key=HASH_KEY, value=secrets.token_hex(32))
        .on_conflict_do_nothing()
    )
    await conn.execute(statement)
    return str(
        (await conn.execute(select(table.c.value).where(table.c.key == HASH_KEY))).scalar_one()
    )


async def add_usage(
    conn: AsyncConnection,
    counts: Mapping[tuple[str, str, str, str], int],
    people: Iterable[tuple[str, str, str]],
) -> None:
    table = tables.usage_counts
    for (week, agency, metric, label), count in counts.items():
        statement = upsertable_insert(conn, table).values(
            week=week, agency=agency, metric=metric, label=label, count=count
        )
        statement = statement.on_conflict_do_update(
            index_elements=["week", "agency", "metric", "label"],
            set_={"count": table.c.count + statement.excluded.count},
        )
        await conn.execute(statement)
    rows = [{"week": week, "agency": agency, "digest": digest} for week, agency, digest in people]
    if rows:
        await conn.execute(
            upsertable_insert(conn, tables.usage_people).values(rows).on_conflict_do_nothing()
        )


async def usage_rows(
    conn: AsyncConnection, since_week: str, agency: str | None = None
) -> list[tuple[str, str, str, int]]:
    """One agency's rows, or (agency None) the sums across agencies; a person marked in two
    agencies the same week is one distinct person."""
    counts = tables.usage_counts
    people = tables.usage_people
    total = func.sum(counts.c.count)
    query = (
        select(counts.c.week, counts.c.metric, counts.c.label, total)
        .where(counts.c.week >= since_week)
        .group_by(counts.c.week, counts.c.metric, counts.c.label)
    )
    distinct = (
        select(people.c.week, func.count(people.c.digest.distinct()))
        .where(people.c.week >= since_week)
        .group_by(people.c.week)
    )
    if agency is not None:
        query = query.where(counts.c.agency == agency)
        distinct = distinct.where(people.c.agency == agency)
    rows = [(str(r[0]), str(r[1]), str(r[2]), int(r[3])) for r in (await conn.execute(query)).all()]
    rows += [
        (str(r[0]), "people", "distinct", int(r[1])) for r in (await conn.execute(distinct)).all()
    ]
    return sorted(rows)


async def people_weeks(conn: AsyncConnection) -> list[str]:
    return list((await conn.execute(select(tables.usage_people.c.week).distinct())).scalars())


async def forget(
    conn: AsyncConnection, platform: Platform, user_id: str, digests: Iterable[tuple[str, str]]
) -> dict[str, int]:
    """Delete every row about one person; returns how many of each kind went."""
    subs = tables.subscriptions
    removed: dict[str, int] = {}
    result = await conn.execute(
        delete(subs).where((subs.c.platform == platform.value) & (subs.c.user_id == user_id))
    )
    removed["reminder settings"] = int(result.rowcount or 0)
    removed["delivery records"] = await _forget_deliveries(conn, platform, user_id)
    conversations = tables.conversations
    removed["duplicate-check records"] = await _forget_sightings(conn, platform, user_id)
    result = await conn.execute(
        delete(conversations).where(
            (conversations.c.platform == platform.value)
            & (conversations.c.ref_id == personal_chat_key(user_id))
        )
    )
    removed["chat references"] = int(result.rowcount or 0)
    people = tables.usage_people
    count = 0
    for week, digest in digests:  # in every agency: a digest is the person's, not the agency's
        result = await conn.execute(
            delete(people).where((people.c.week == week) & (people.c.digest == digest))
        )
        count += int(result.rowcount or 0)
    removed["weekly activity marks"] = count
    return removed


async def _forget_deliveries(conn: AsyncConnection, platform: Platform, user_id: str) -> int:
    """Delivery records are keyed "platform:workspace:user": match the user exactly (LIKE
    would read "_" as any character, and is case-blind on SQLite)."""
    deliveries = tables.deliveries
    prefix, suffix = f"{platform.value}:", f":{user_id}"
    candidates = await conn.execute(
        select(deliveries.c.recipient).where(starts_with(deliveries.c.recipient, prefix)).distinct()
    )
    mine = [
        r
        for r in candidates.scalars()
        if r.startswith(prefix) and r.endswith(suffix) and ":" not in r[len(prefix) : -len(suffix)]
    ]
    if not mine:
        return 0
    result = await conn.execute(delete(deliveries).where(deliveries.c.recipient.in_(mine)))
    return int(result.rowcount or 0)


async def _forget_sightings(conn: AsyncConnection, platform: Platform, user_id: str) -> int:
    """The duplicate-check records of the person's own chat (keyed by its digest)."""
    conversations, seen = tables.conversations, tables.seen_events
    row = await conn.execute(
        select(conversations.c.payload).where(
            (conversations.c.platform == platform.value)
            & (conversations.c.ref_id == personal_chat_key(user_id))
        )
    )
    payload = row.scalar()
    if not payload:
        return 0
    try:
        conversation_id = str(json.loads(payload)["conversation"]["id"])
    except (ValueError, KeyError, TypeError):
        return 0
    prefix = sightings_prefix(platform, conversation_id)
    result = await conn.execute(delete(seen).where(starts_with(seen.c.key, prefix)))
    return int(result.rowcount or 0)


async def prune(
    conn: AsyncConnection, deliveries_before: datetime, abandon_before: datetime, now: datetime
) -> dict[str, int]:
    """Old delivery records go; claims never finished (a crash) are marked abandoned."""
    table = tables.deliveries
    abandoned = await conn.execute(
        update(table)
        .where((table.c.status == "claimed") & (table.c.claimed_at < epoch(abandon_before)))
        .values(status="abandoned", finished_at=epoch(now))
    )
    deleted = await conn.execute(delete(table).where(table.c.claimed_at < epoch(deliveries_before)))
    return {"abandoned": int(abandoned.rowcount or 0), "deleted": int(deleted.rowcount or 0)}
