"""Usage counters per agency in the store (the fake, SQLite, Postgres): each agency reads
only its own rows, the whole deployment reads the sums, forget me reaches every agency; a
database at version 5 keeps its counts (as agency ""), and `wellcheck stats --agency`."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, inspect
from sqlalchemy.engine import Connection

from adapters.sql import SqlStore, open_store, tables
from adapters.sql.engine import make_engine
from adapters.sql.migrations import migrate
from core.domain.identity import Platform
from core.services.usage import week_of
from tests.processes import run_cli
from tests.stores import ALL_STORES, BACKENDS, any_store, empty_database

W = "2026-W48"


@pytest.mark.parametrize("kind", ALL_STORES)
async def test_each_agency_reads_its_own_counts_and_the_deployment_their_sums(
    kind: str, tmp_path: Path
) -> None:
    async with any_store(kind, tmp_path) as store:
        await store.add_usage(
            {(W, "lakeside", "lookups", "family"): 3, (W, "hillcrest", "lookups", "family"): 4},
            [(W, "lakeside", "d1"), (W, "lakeside", "d2"), (W, "hillcrest", "d1")],
        )
        await store.add_usage(
            {(W, "lakeside", "lookups", "family"): 2, (W, "", "deliveries", "sent"): 7},
            [(W, "hillcrest", "d3"), (W, "lakeside", "d1")],
        )
        assert await store.usage_rows("2026-W01", "lakeside") == [
            (W, "lookups", "family", 5),
            (W, "people", "distinct", 2),
        ]
        assert await store.usage_rows("2026-W01", "hillcrest") == [
            (W, "lookups", "family", 4),
            (W, "people", "distinct", 2),
        ]
        assert await store.usage_rows("2026-W01", "") == [(W, "deliveries", "sent", 7)]
        assert await store.usage_rows("2026-W01", "elsewhere") == []
        assert await store.usage_rows("2026-W01") == [  # d1 in two agencies is one person
            (W, "deliveries", "sent", 7),
            (W, "lookups", "family", 9),
            (W, "people", "distinct", 3),
        ]
        assert await store.usage_rows("2026-W49", "lakeside") == []
        assert await store.usage_weeks() == [W]
        removed = await store.forget_person(Platform.SLACK, "U1", [(W, "d1")])
        assert removed["weekly activity marks"] == 2
        assert await store.usage_rows("2026-W01", "lakeside") == [
            (W, "lookups", "family", 5),
            (W, "people", "distinct", 1),
        ]
        assert (await store.usage_rows("2026-W01"))[-1] == (W, "people", "distinct", 2)


# The usage tables as versions 4 and 5 created them: no agency.
V5 = MetaData()
Table(
    "usage_counts",
    V5,
    Column("week", String(8), primary_key=True),
    Column("metric", String(32), primary_key=True),
    Column("label", String(64), primary_key=True),
    Column("count", Integer, nullable=False),
)
Table(
    "usage_people",
    V5,
    Column("week", String(8), primary_key=True),
    Column("digest", String(64), primary_key=True),
)


def _at_version_5(conn: Connection) -> None:
    others = [t for t in tables.metadata.sorted_tables if t.name not in V5.tables]
    tables.metadata.create_all(conn, tables=others)
    V5.create_all(conn)
    conn.execute(
        tables.schema_migrations.insert(),
        [{"version": v, "applied_at": 1} for v in range(1, 6)],
    )
    conn.execute(
        V5.tables["usage_counts"].insert(),
        [
            {"week": W, "metric": "lookups", "label": "family", "count": 6},
            {"week": W, "metric": "crisis_replies", "label": "", "count": 2},
        ],
    )
    conn.execute(V5.tables["usage_people"].insert(), [{"week": W, "digest": d} for d in "abc"])


def _keys(conn: Connection) -> dict[str, list[str]]:
    found = inspect(conn)
    return {
        name: found.get_pk_constraint(name)["constrained_columns"]
        for name in (*V5.tables, "usage_counts_v5", "usage_people_v5")
        if found.has_table(name)
    }


@pytest.mark.parametrize("backend", BACKENDS)
async def test_version_5_counts_upgrade_to_agency_blank(backend: str, tmp_path: Path) -> None:
    async with empty_database(backend, tmp_path) as (url, options):
        engine = make_engine(url, **options)
        try:
            async with engine.begin() as conn:
                await conn.run_sync(_at_version_5)
        finally:
            await engine.dispose()
        store: SqlStore = await open_store(url, **options)  # migrates
        try:
            assert await migrate(store.engine) == []
            async with store.engine.connect() as conn:
                keys = await conn.run_sync(_keys)
            assert {name: sorted(columns) for name, columns in keys.items()} == {
                "usage_counts": ["agency", "label", "metric", "week"],
                "usage_people": ["agency", "digest", "week"],
            }
            kept = [
                (W, "crisis_replies", "", 2),
                (W, "lookups", "family", 6),
                (W, "people", "distinct", 3),
            ]
            assert await store.usage_rows("2026-W01", "") == kept
            await store.add_usage(
                {(W, "lakeside", "lookups", "family"): 5, (W, "", "lookups", "family"): 1},
                [(W, "lakeside", "a"), (W, "", "a")],
            )
            assert await store.usage_rows("2026-W01", "lakeside") == [
                (W, "lookups", "family", 5),
                (W, "people", "distinct", 1),
            ]
            assert (await store.usage_rows("2026-W01", ""))[1] == (W, "lookups", "family", 7)
            removed = await store.forget_person(Platform.SLACK, "U1", [(W, "a")])
            assert removed["weekly activity marks"] == 2
        finally:
            await store.close()


AGENCY = """\
agency:
  name: {name}
  timezone: America/Chicago
  slack_teams: [{team}]
resources:
  - id: {name}-peers
    name: {name} Peer Support Team
    summary: Officers from our own ranks, on call around the clock.
    categories: [peer-support]
    topics: [peer, partner]
    contact: {{phone: "+1 608 555 23{n}"}}
    source: [peer team roster]
    verified: {today}
"""


def _stats(db: Path, folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"WELLCHECK_DATABASE_URL": f"sqlite:///{db}", "WELLCHECK_AGENCIES_DIR": str(folder)}
    return run_cli("stats", *args, env=env)


async def test_stats_for_one_agency_shows_only_its_counts(tmp_path: Path) -> None:
    folder = tmp_path / "agencies"
    folder.mkdir()
    today = datetime.now(UTC)
    for n, (name, team) in enumerate((("lakeside", "TLAKE01"), ("hillcrest", "THILL01"))):
        text = AGENCY.format(name=name, team=team, n=10 + n, today=today.date().isoformat())
        (folder / f"{name}.yaml").write_text(text)
    db = tmp_path / "wc.db"
    store = await open_store(f"sqlite:///{db}")
    week = week_of(today)
    try:
        await store.add_usage(
            {
                (week, "lakeside", "lookups", "family"): 6,
                (week, "hillcrest", "lookups", "family"): 3,
            },
            [(week, "lakeside", d) for d in "abcde"] + [(week, "hillcrest", "f")],
        )
    finally:
        await store.close()

    mine = _stats(db, folder, "--agency", "lakeside")
    assert mine.returncode == 0, mine.stderr
    lines = mine.stdout.splitlines()
    assert lines[0].startswith("WellCheck usage for agency lakeside since ")
    assert [line.split() for line in lines[2:]] == [
        [week, "lookups", "family", "6"],
        [week, "people", "distinct", "5"],
    ]  # nothing of hillcrest's, and no deployment-wide subscriptions line

    theirs = _stats(db, folder, "--agency", "hillcrest").stdout.splitlines()
    assert [line.split() for line in theirs[2:]] == [
        [week, "lookups", "family", "<5"],
        [week, "people", "distinct", "<5"],
    ]

    everyone = _stats(db, folder)
    assert everyone.returncode == 0, everyone.stderr
    lines = everyone.stdout.splitlines()
    assert "all agencies together" in lines[0]
    assert [line.split() for line in lines[2:-1]] == [
        [week, "lookups", "family", "9"],
        [week, "people", "distinct", "6"],
    ]
    assert lines[-1] == "subscriptions active now: 0"

    typo = _stats(db, folder, "--agency", "lakesid")
    assert typo.returncode == 1 and typo.stdout == ""
    assert typo.stderr.strip() == (
        "wellcheck: no agency 'lakesid' in this deployment: its agencies are hillcrest, lakeside"
    )
