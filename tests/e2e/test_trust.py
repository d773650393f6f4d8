"""Trust: nothing typed reaches logs, the database or /metrics; bad input is 4xx;
operators can read aggregate usage and forget a person."""

from __future__ import annotations

import io
import json
import logging
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bots.observability import configure_logging
from bots.server import create_app
from bots.settings import Settings
from tests.fakes.slack_api import fake_slack, form, sign
from tests.processes import run_cli
from tests.slack_harness import SECRET, SlackHarness, sample_json, slack_app
from tests.teams_harness import fake_connector, sample, teams_app

SENTINEL = "zebra kettle quasar 4471"


@pytest.fixture
def captured_logs() -> Iterator[io.StringIO]:
    stream = io.StringIO()
    root = logging.getLogger()
    saved = (root.handlers[:], root.level)
    configure_logging("DEBUG", stream)
    try:
        yield stream
    finally:
        root.handlers[:], level = saved
        root.setLevel(level)


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
        metrics = await _metrics(slack.client)
    with fake_connector() as connector:
        async with teams_app(connector, tmp_path / "wc.db") as teams:
            personal = sample("teams-personal-message.json", connector)
            personal["text"] = f"alcohol {SENTINEL}"
            await teams.send(personal)
            channel = sample("teams-channel-mention.json", connector)
            channel["text"] = f"<at>WellCheck</at> support {SENTINEL}"
            await teams.send(channel)
            await teams.wait_for(3)
            metrics += await _metrics(teams.client)
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


async def _metrics(client: TestClient) -> str:
    """GET /metrics from the separate metrics listener (never the main port)."""
    from aiohttp import ClientSession

    from bots.server import METRICS_URL

    (url,) = client.server.app[METRICS_URL]
    async with ClientSession() as session, session.get(url) as response:
        return await response.text()


async def test_metrics_are_aggregate_counters(tmp_path: Path) -> None:
    async with fake_slack() as fake, slack_app(fake, tmp_path / "wc.db") as slack:
        for text in ("alcohol", "booze", "I want to die", "radio codes"):
            await slack.slash(text=text)
        body = await _metrics(slack.client)
        assert (await slack.client.get("/metrics")).status == 404  # not on the main port
        for _ in range(4):
            await slack.slash(text="I want to die")
        coarse = await _metrics(slack.client)
    # per-reply counters move in steps of 5: one reply cannot be singled out
    assert 'wellcheck_lookups_total{category="crisis"} 0.0' in body
    assert "wellcheck_crisis_replies_total 0.0" in body
    assert "wellcheck_crisis_replies_total 5.0" in coarse
    assert 'wellcheck_http_requests_total{route="/slack/events",status="200"} 4.0' in body


async def test_healthz_and_readyz(tmp_path: Path) -> None:
    app = await create_app(Settings(database_url=f"sqlite:///{tmp_path / 'wc.db'}"))
    async with TestClient(TestServer(app)) as client:
        assert (await client.get("/healthz")).status == 200
        assert (await client.get("/readyz")).status == 200


async def test_database_down_lookups_and_crisis_still_answer(tmp_path: Path) -> None:
    async with fake_slack() as fake:
        down = {"database_url": "postgresql://nobody@127.0.0.1:1/none"}
        settings = Settings(
            slack_bot_token="xoxb-t",
            slack_signing_secret=SECRET,
            slack_api_url=fake.api_url,
            **down,
        )
        app = await create_app(settings)
        async with TestClient(TestServer(app)) as client:
            slack = SlackHarness(fake, client)
            assert (await client.get("/readyz")).status == 503
            crisis = await (await slack.slash(text="I want to end it")).json()
            assert "lifeline-988" in json.dumps(crisis["blocks"])
            lookup = await (await slack.slash(text="alcohol")).json()
            assert "copline" in json.dumps(lookup["blocks"])
            later = await (await slack.slash(text="subscribe daily at 06:30")).json()
            assert "try again shortly" in json.dumps(later)
            dm = sample_json("slack-dm-event.json")
            await slack.event(dm)  # de-duplication is down: answered anyway
            await slack.wait_for("chat.postMessage")


# ---- bad input --------------------------------------------------------------------------


async def test_oversized_bodies_are_413(tmp_path: Path) -> None:
    from adapters.teams.config import TeamsConfig

    local = {"teams": TeamsConfig(local=True)}
    async with fake_slack() as fake, slack_app(fake, tmp_path / "wc.db", **local) as slack:
        body = b"x" * (1024 * 1024 + 10)
        for path, content_type in (
            ("/slack/events", "application/x-www-form-urlencoded"),
            ("/api/messages", "application/json"),
        ):
            response = await slack.client.post(
                path, data=io.BytesIO(body), headers={"Content-Type": content_type}
            )
            assert response.status == 413


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ("{not json", "application/json"),
        ("[1, 2]", "application/json"),
        ("payload=%7Bbroken", "application/x-www-form-urlencoded"),
        ('{"type": "event_callback"}', "application/json"),
        ("", "application/json"),
    ],
)
async def test_malformed_signed_slack_bodies_are_4xx(
    tmp_path: Path, body: str, content_type: str
) -> None:
    async with fake_slack() as fake, slack_app(fake, tmp_path / "wc.db") as slack:
        response = await slack.post(body, content_type)
        assert 400 <= response.status < 500 or response.status == 200
        assert (await slack.client.get("/healthz")).status == 200


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=5)
    ),
    max_leaves=20,
)
KEYS = st.sampled_from(
    [
        "type",
        "event",
        "event_id",
        "user",
        "text",
        "channel",
        "actions",
        "payload",
        "command",
        "conversation",
        "from",
        "recipient",
        "serviceUrl",
        "id",
        "value",
        "entities",
        "channelData",
        "channel_type",
        "subtype",
        "container",
        "view",
        "name",
    ]
)
PAYLOADS = st.dictionaries(KEYS, JSONISH, max_size=8)


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(payload=PAYLOADS, as_form=st.booleans(), nested=st.booleans())
async def test_fuzzed_payloads_never_get_a_5xx(
    tmp_path: Path, payload: dict, as_form: bool, nested: bool
) -> None:
    async with fake_slack() as fake:
        settings_ = Settings(
            database_url=f"sqlite:///{tmp_path / 'fuzz.db'}",
            slack_bot_token="xoxb-t",
            slack_signing_secret=SECRET,
            slack_api_url=fake.api_url,
        )
        app = await create_app(settings_)
        async with TestClient(TestServer(app, host="127.0.0.1")) as client:
            raw = json.dumps(payload)
            if as_form:
                body = (
                    form({"payload": raw})
                    if nested
                    else form({k: json.dumps(v) for k, v in payload.items()})
                )
                content_type = "application/x-www-form-urlencoded"
            else:
                body, content_type = raw, "application/json"
            headers = {**sign(SECRET, body), "Content-Type": content_type}
            slack = await client.post("/slack/events", data=body.encode(), headers=headers)
            teams = await client.post(
                "/api/messages", data=raw.encode(), headers={"Content-Type": "application/json"}
            )
            assert slack.status < 500, (slack.status, body)
            assert teams.status < 500, (teams.status, raw)
            assert (await client.get("/healthz")).status == 200


# ---- operators ----------------------------------------------------------------------------


async def test_forget_me_deletes_every_row_about_the_person(tmp_path: Path) -> None:
    async with fake_slack() as fake, slack_app(fake, tmp_path / "wc.db") as slack:
        for n, text in enumerate(("subscribe daily at 06:30", "alcohol", "forget me"), start=1):
            dm = sample_json("slack-dm-event.json")
            dm["event_id"], dm["event"]["text"] = f"Ev-forget-{n}", text
            await slack.event(dm)
            await slack.wait_for("chat.postMessage", n)
        answer = json.dumps(slack.fake.named("chat.postMessage")[-1].args["blocks"])
    assert "Deleted: 1 reminder settings" in answer
    from adapters.sql import open_store
    from core.domain.identity import Platform

    store = await open_store(f"sqlite:///{tmp_path / 'wc.db'}")
    try:
        assert await store.get_subscription(Platform.SLACK, "U0OFFICER") is None
    finally:
        await store.close()


def _cli(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, env={"WELLCHECK_DATABASE_URL": f"sqlite:///{db}"})


async def test_stats_suppress_small_counts_and_forget_from_the_command_line(tmp_path: Path) -> None:
    db = tmp_path / "wc.db"
    async with fake_slack() as fake, slack_app(fake, db) as slack:
        for n in range(6):
            await slack.slash(text="alcohol", user_id=f"U{n}")
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
    assert gone.returncode == 0 and "1 reminder settings" in gone.stdout
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


def test_log_lines_are_json_with_secrets_redacted(captured_logs: io.StringIO) -> None:
    log = logging.getLogger("wellcheck.test")
    log.warning(
        "calling with xoxb-1234-abcd and Bearer eyJ.abc.def to postgresql://u:hunter2@db/wc"
    )
    line = json.loads(captured_logs.getvalue().splitlines()[-1])
    assert line["level"] == "WARNING" and line["logger"] == "wellcheck.test" and line["request_id"]
    for secret in ("xoxb-1234-abcd", "eyJ.abc.def", "hunter2"):
        assert secret not in line["message"]


ACTIVITY_TYPES = st.sampled_from(
    [
        "message",
        "invoke",
        "conversationUpdate",
        "installationUpdate",
        "event",
        "messageReaction",
        "typing",
        "endOfConversation",
    ]
) | st.text(max_size=12)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    kind=ACTIVITY_TYPES,
    name=st.none() | st.text(max_size=20),
    text=st.none() | st.text(max_size=50),
    value=JSONISH,
    conversation_type=st.sampled_from(["personal", "channel", "groupChat", None]),
    extra=st.dictionaries(KEYS, JSONISH, max_size=3),
)
async def test_fuzzed_activities_never_get_a_5xx(
    tmp_path: Path,
    kind: str,
    name: str | None,
    text: str | None,
    value: object,
    conversation_type: str | None,
    extra: dict,
) -> None:
    with fake_connector() as connector:
        async with teams_app(connector, tmp_path / "wc.db", auth=False) as teams:
            activity = sample("teams-personal-message.json", connector)
            activity.update(
                type=kind, name=name, text=text, value=value, id=f"fuzz-{hash((kind, name, text))}"
            )
            activity["conversation"]["conversationType"] = conversation_type
            activity.update(
                {k: v for k, v in extra.items() if k not in ("serviceUrl", "conversation")}
            )
            response = await teams.send(activity)
            assert response.status < 500, (response.status, activity)
            assert (await teams.client.get("/healthz")).status == 200


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
            assert (week, mark) not in runtime.usage._people
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
