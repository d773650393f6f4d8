"""The current schema. Only migrations create or change it."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

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

# Opt-in reminders: ids, where to write, the schedule and timezone. Nothing typed.
subscriptions = Table(
    "subscriptions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("platform", String(16), nullable=False),
    Column("user_id", String(255), nullable=False),
    Column("workspace", String(128), nullable=False, default=""),
    Column("enterprise", String(32), nullable=False, default="", server_default=""),
    Column("address", String(255), nullable=False),
    Column("cadence", String(8), nullable=False),
    Column("weekday", Integer, nullable=True),
    Column("hour", Integer, nullable=False),
    Column("minute", Integer, nullable=False),
    Column("timezone", String(64), nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("paused_until", BigInteger, nullable=True),
    Column("next_due_at", BigInteger, nullable=False),
    Column("tips_sent", Integer, nullable=False, default=0),
    Column("created_at", BigInteger, nullable=False),
    UniqueConstraint("platform", "user_id", name="uq_subscriptions_user"),
    Index("ix_subscriptions_due", "active", "next_due_at"),
)

# The agency file's tip channels, and where each is in its schedule.
channel_tips = Table(
    "channel_tips",
    metadata,
    Column("platform", String(16), primary_key=True),
    Column("target", String(255), primary_key=True),
    Column("workspace", String(32), nullable=False, default="", server_default=""),
    Column("enterprise", String(32), nullable=False, default="", server_default=""),
    Column("cron", String(64), nullable=False),
    Column("timezone", String(64), nullable=False),
    Column("next_due_at", BigInteger, nullable=False),
    Column("tips_sent", Integer, nullable=False, default=0),
)

# One row per (recipient, due time): the claim that makes a delivery happen once.
deliveries = Table(
    "deliveries",
    metadata,
    Column("recipient", String(300), primary_key=True),
    Column("due_at", BigInteger, primary_key=True),
    Column("status", String(16), nullable=False),
    Column("claimed_at", BigInteger, nullable=False, index=True),
    Column("finished_at", BigInteger, nullable=True),
)

# Settings the bot keeps for itself (the generated counter key).
bot_settings = Table(
    "bot_settings",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

# Aggregate usage per ISO week and agency (its file name; "" for a single-agency
# deployment and the deployment's own counters): counts only, no user, no text.
usage_counts = Table(
    "usage_counts",
    metadata,
    Column("week", String(8), primary_key=True),
    Column("agency", String(64), primary_key=True, default="", server_default=""),
    Column("metric", String(32), primary_key=True),
    Column("label", String(64), primary_key=True),
    Column("count", Integer, nullable=False),
)

# Distinct people per week and agency, as HMAC digests (WELLCHECK_HASH_KEY); no ids, no
# content. A person's digest is the same in every agency.
usage_people = Table(
    "usage_people",
    metadata,
    Column("week", String(8), primary_key=True),
    Column("agency", String(64), primary_key=True, default="", server_default=""),
    Column("digest", String(64), primary_key=True),
)

# Slack app installations ("Add to Slack"), one row per workspace (user_id "") and one per
# installing user; team_id "" is an org-wide Enterprise Grid install. `sealed` is the
# adapter's ciphertext (adapters/slack/installations.py): no token is ever stored in clear.
slack_installations = Table(
    "slack_installations",
    metadata,
    Column("enterprise_id", String(32), primary_key=True),
    Column("team_id", String(32), primary_key=True),
    Column("user_id", String(32), primary_key=True),
    Column("sealed", Text, nullable=False),
    Column("updated_at", BigInteger, nullable=False),
)
