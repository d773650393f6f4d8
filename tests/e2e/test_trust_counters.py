"""Operator counters: stats hide small counts, the CLI forgets a person, deliveries are pruned."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.fakes.slack_api import fake_slack
from tests.processes import run_cli
from tests.slack_harness import sample_json, slack_app


def _cli(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, env={"WELLCHECK_DATABASE_URL": f"sqlite:///{db}"})


async def test_stats_suppress_small_counts_and_forget_from_the_command_line(tmp_path: Path) -> None:
    db = tmp_path / "wc.db"
    async with fake_slack() as fake, slack_app(fake, db) as slack:
        for n in range(6):
            await slack.slash(text="copline", user_id=f"U{n}")
        await slack.slash(text="I want to die")
        dm = sample_json("slack-dm-event.json")
        dm["event"]["text"] = "subscribe weekly"
        await slack.event(dm)
        await slack.wait_for("chat.postMessage")
    done = _cli("stats", db=db)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert any("lookups" in line and "crisis" in line and line.endswith(" 6") for line in lines)
    assert any("crisis_replies" in line and line.endswith("<5") for line in lines)
    assert any("people" in line and line.endswith(" 7") for line in lines)
    assert lines[-1] == "subscriptions active now: <5"
    assert "U0OFFICER" not in done.stdout
    gone = _cli("forget", "--platform", "slack", "--user", "U0OFFICER", db=db)
    assert gone.returncode == 0 and "1 reminder setting," in gone.stdout
    again = _cli("forget", "--platform", "slack", "--user", "U0OFFICER", db=db)
    assert "held nothing about you" in again.stdout


async def test_delivery_records_are_pruned_and_dead_claims_abandoned(tmp_path: Path) -> None:
    from datetime import UTC, datetime, timedelta

    from adapters.sql import open_store, tables

    now = datetime(2026, 11, 26, 12, tzinfo=UTC)
    store = await open_store(f"sqlite:///{tmp_path / 'wc.db'}")
    try:
        async with store.engine.begin() as conn:
            await conn.execute(
                tables.deliveries.insert(),
                [
                    {
                        "recipient": "slack:T:U1",
                        "due_at": 1,
                        "status": "sent",
                        "claimed_at": int((now - timedelta(days=40)).timestamp()),
                    },
                    {
                        "recipient": "slack:T:U2",
                        "due_at": 2,
                        "status": "claimed",
                        "claimed_at": int((now - timedelta(hours=2)).timestamp()),
                    },
                    {
                        "recipient": "slack:T:U3",
                        "due_at": 3,
                        "status": "claimed",
                        "claimed_at": int(now.timestamp()),
                    },
                ],
            )
        result = await store.prune_deliveries(
            now - timedelta(days=30), now - timedelta(hours=1), now
        )
        assert result == {"abandoned": 1, "deleted": 1}
    finally:
        await store.close()
