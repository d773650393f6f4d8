"""The agency files' tip channels: kept in step with the files, and claimed when due."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.sql import tables
from adapters.sql.reminder_queries import claim_many
from adapters.sql.sql import epoch, upsertable_insert
from core.domain.agency import TipChannel
from core.domain.deliveries import Claim, Plan
from core.domain.identity import Platform

C = tables.channel_tips


async def sync_channels(
    conn: AsyncConnection, channels: Iterable[TipChannel], now: datetime, plan: Plan
) -> None:
    """Match the channel_tips rows to the agency file: new channels start at their next time."""
    wanted = {(c.platform.value, c.target): c for c in channels}
    rows = {
        (r["platform"], r["target"]): r for r in (await conn.execute(select(C))).mappings().all()
    }
    for key, row in rows.items():
        channel = wanted.get(key)
        if channel is None:
            await conn.execute(delete(C).where((C.c.platform == key[0]) & (C.c.target == key[1])))
        elif (row["cron"], row["timezone"]) != (channel.cron, channel.timezone):
            _, following = plan(channel.cron, channel.timezone, now)
            await conn.execute(
                update(C)
                .where((C.c.platform == key[0]) & (C.c.target == key[1]))
                .values(
                    cron=channel.cron,
                    timezone=channel.timezone,
                    next_due_at=epoch(following),
                    workspace=channel.workspace,
                    enterprise=channel.enterprise,
                )
            )
        elif (row["workspace"], row["enterprise"]) != (channel.workspace, channel.enterprise):
            await conn.execute(
                update(C)
                .where((C.c.platform == key[0]) & (C.c.target == key[1]))
                .values(workspace=channel.workspace, enterprise=channel.enterprise)
            )
    for key, channel in wanted.items():
        if key not in rows:
            _, following = plan(channel.cron, channel.timezone, now)
            await conn.execute(
                upsertable_insert(conn, C)
                .values(
                    platform=key[0],
                    target=key[1],
                    workspace=channel.workspace,
                    enterprise=channel.enterprise,
                    cron=channel.cron,
                    timezone=channel.timezone,
                    next_due_at=epoch(following),
                    tips_sent=0,
                )
                .on_conflict_do_nothing()
            )


async def claim_channels(
    conn: AsyncConnection, now: datetime, plan: Plan, platforms: Collection[Platform]
) -> list[Claim]:
    query = (
        select(C)
        .where((C.c.next_due_at <= epoch(now)) & C.c.platform.in_([p.value for p in platforms]))
        .with_for_update(skip_locked=True)
    )
    claims: list[Claim] = []
    for row in (await conn.execute(query)).mappings().all():
        due, following = plan(row["cron"], row["timezone"], now)
        recipient = f"channel:{row['platform']}:{row['target']}"
        won = recipient in await claim_many(conn, [(recipient, due)], now)
        await conn.execute(
            update(C)
            .where((C.c.platform == row["platform"]) & (C.c.target == row["target"]))
            .values(next_due_at=epoch(following), tips_sent=C.c.tips_sent + int(won))
        )
        if won:
            claims.append(
                Claim(
                    recipient,
                    due,
                    Platform(row["platform"]),
                    row["target"],
                    row["tips_sent"],
                    workspace=row["workspace"],
                    enterprise=row["enterprise"],
                )
            )
    return claims
