"""Privacy: nothing typed reaches logs, the database or /metrics, and "forget me" is complete."""

from __future__ import annotations

import io
import json
from pathlib import Path

from tests.e2e.trust_cases import read_metrics
from tests.fakes.slack_api import fake_slack
from tests.slack_harness import sample_json, slack_app
from tests.teams_harness import fake_connector, sample, teams_app

SENTINEL = "zebra kettle quasar 4471"


def _database_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.glob("wc.db*"))


async def test_a_sentinel_never_reaches_logs_database_or_metrics(
    tmp_path: Path, captured_logs: io.StringIO
) -> None:
    async with fake_slack() as fake, slack_app(fake, tmp_path / "wc.db") as slack:
        await slack.slash(text=f"alcohol {SENTINEL}")
        await slack.slash(text=f"I want to die {SENTINEL}")
        dm = sample_json("slack-dm-event.json")
        dm["event"]["text"] = f"subscribe daily at 06:30 {SENTINEL}"
        await slack.event(dm)
        dm2 = sample_json("slack-dm-event.json")
        dm2["event_id"], dm2["event"]["text"] = "Ev-s2", f"divorce {SENTINEL}"
        await slack.event(dm2)
        mention = sample_json("slack-app-mention.json")
        mention["event"]["text"] = f"<@U0BOT> {SENTINEL} sleep"
        await slack.event(mention)
        await slack.wait_for("chat.postEphemeral")
        await slack.wait_for("chat.postMessage", 2)
        metrics = await read_metrics(slack.client)
    with fake_connector() as connector:
        async with teams_app(connector, tmp_path / "wc.db") as teams:
            personal = sample("teams-personal-message.json", connector)
            personal["text"] = f"alcohol {SENTINEL}"
            await teams.send(personal)
            channel = sample("teams-channel-mention.json", connector)
            channel["text"] = f"<at>WellCheck</at> support {SENTINEL}"
            await teams.send(channel)
            await teams.wait_for(3)
            metrics += await read_metrics(teams.client)
    logs = captured_logs.getvalue()
    assert logs, "DEBUG logging should have produced lines"
    for word in SENTINEL.split():
        assert word not in logs
        assert word.encode() not in _database_bytes(tmp_path)
        assert word not in metrics
    for person in ("U0OFFICER", "29:1Officer-opaque-id", "Jordan Doe"):
        assert person not in logs and person not in metrics
    assert "wellcheck_lookups" in metrics and "wellcheck_crisis_replies" in metrics
    assert all(json.loads(line)["request_id"] for line in logs.splitlines())


async def test_forget_me_deletes_every_row_about_the_person(tmp_path: Path) -> None:
    async with fake_slack() as fake, slack_app(fake, tmp_path / "wc.db") as slack:
        for n, text in enumerate(("subscribe daily at 06:30", "alcohol", "forget me"), start=1):
            dm = sample_json("slack-dm-event.json")
            dm["event_id"], dm["event"]["text"] = f"Ev-forget-{n}", text
            await slack.event(dm)
            await slack.wait_for("chat.postMessage", n)
        answer = json.dumps(slack.fake.named("chat.postMessage")[-1].args["blocks"])
    assert "Deleted: 1 reminder setting." in answer
    from adapters.sql import open_store
    from core.domain.identity import Platform

    store = await open_store(f"sqlite:///{tmp_path / 'wc.db'}")
    try:
        assert await store.get_subscription(Platform.SLACK, "U0OFFICER") is None
    finally:
        await store.close()


async def test_forget_me_leaves_nothing_in_any_table_or_in_memory(tmp_path: Path) -> None:
    """Issue 11: forget is exact and complete across memory and every table."""
    from sqlalchemy import select

    from adapters.sql import tables
    from bots.housekeeping import flush_usage
    from bots.server import RUNTIME
    from core.domain.identity import Platform
    from core.services.privacy import conversation_digest
    from core.services.usage import week_of

    person, chat = "29:1Officer-opaque-id", "a:1Personal-opaque-conversation-id"
    with fake_connector() as connector:
        async with teams_app(connector, tmp_path / "wc.db") as teams:
            runtime = teams.client.server.app[RUNTIME]
            for n, text in enumerate(("subscribe daily at 06:30", "alcohol"), start=1):
                personal = sample("teams-personal-message.json", connector)
                personal["id"], personal["text"] = f"forget-{n}", text
                await teams.send(personal)
            channel = sample("teams-channel-mention.json", connector)
            channel["text"] = "<at>WellCheck</at> support sleep"
            await teams.send(channel)
            await teams.wait_for(4)
            tenant = personal["channelData"]["tenant"]["id"]
            async with runtime.store.engine.begin() as conn:  # a delivery record, and a decoy
                await conn.execute(
                    tables.deliveries.insert(),
                    [
                        {"recipient": f"teams:{tenant}:{person}", "due_at": 1, "status": "sent",
                         "claimed_at": 1},
                        {"recipient": f"teams:{tenant}:29X1Officer-opaque-id", "due_at": 1,
                         "status": "sent", "claimed_at": 1},
                    ],
                )  # fmt: skip
            await flush_usage(runtime.store, runtime.usage)  # marks into the database
            forget = sample("teams-personal-message.json", connector)
            forget["id"], forget["text"] = "forget-3", "forget me"
            await teams.send(forget)
            await teams.wait_for(5)
            week = week_of(runtime.clock.now())
            mark = runtime.usage.digest(week, Platform.TEAMS, person)
            assert all(digest != mark for _, _, digest in runtime.usage._people)
            await flush_usage(runtime.store, runtime.usage)
            dump = []
            async with runtime.store.engine.begin() as conn:
                for table in tables.metadata.sorted_tables:
                    for row in (await conn.execute(select(table))).all():
                        dump.append(f"{table.name}: {tuple(row)}")
    text = "\n".join(dump)
    assert person not in text and chat not in text
    assert conversation_digest(chat) not in text and mark not in text
    assert "29X1Officer-opaque-id" in text  # someone else's record stays
