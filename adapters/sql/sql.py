"""Small SQL helpers every query module shares: times as epoch seconds, and an INSERT
that supports ON CONFLICT in whichever dialect (SQLite or Postgres) is connected."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection


def epoch(moment: datetime) -> int:
    return int(moment.timestamp())


def moment(seconds: int | None) -> datetime | None:
    return None if seconds is None else datetime.fromtimestamp(seconds, UTC)


def upsertable_insert(conn: AsyncConnection, table: Table) -> Any:
    """INSERT with on_conflict_do_nothing / on_conflict_do_update (both dialects spell them alike)."""
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    return dialect.insert(table)


def starts_with(column: Any, prefix: str) -> Any:
    """`column LIKE 'prefix%'` with the prefix taken literally ("_" and "%" are not wildcards)."""
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return column.like(f"{escaped}%", escape="\\")
