"""The current schema. Only migrations create or change it."""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Integer, MetaData, String, Table

metadata = MetaData()

schema_migrations = Table(
    "schema_migrations",
    metadata,
    Column("version", Integer, primary_key=True),
    Column("applied_at", BigInteger, nullable=False),
)

# Inbound event ids (Slack event_id, Teams activity id) seen recently: a platform
# redelivery is answered once even when it reaches another replica.
seen_events = Table(
    "seen_events",
    metadata,
    Column("key", String(255), primary_key=True),
    Column("seen_at", BigInteger, nullable=False, index=True),
)
