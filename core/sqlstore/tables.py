"""The current schema. Only migrations create or change it."""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Integer, MetaData, String, Table, Text

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

# How to reach a conversation again (Teams needs the serviceUrl and tenant), keyed by
# the platform and the adapter's id for it: a user's 1:1 chat, or a channel. The
# payload is the adapter's own serialisation, stripped of display names.
conversations = Table(
    "conversations",
    metadata,
    Column("platform", String(16), primary_key=True),
    Column("ref_id", String(255), primary_key=True),
    Column("tenant", String(128), nullable=False, default=""),
    Column("payload", Text, nullable=False),
    Column("updated_at", BigInteger, nullable=False),
)
