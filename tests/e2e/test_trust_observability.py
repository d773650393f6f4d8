"""Logs are redacted JSON; /metrics is aggregate, on its own port; health holds without a DB."""

from __future__ import annotations

import io
import json
import logging
from pathlib import Path

from aiohttp.test_utils import TestClient, TestServer

from bots.server import create_app
from bots.settings import Settings
from tests.e2e.trust_cases import read_metrics
from tests.fakes.slack_api import fake_slack
from tests.slack_harness import SECRET, SlackHarness, sample_json, slack_app


def test_log_lines_are_json_with_secrets_redacted(captured_logs: io.StringIO) -> None:
    log = logging.getLogger("wellcheck.test")
    log.warning(
        "calling with xoxb-1234-abcd and Bearer eyJ.abc.def to postgresql://u:hunter2@db/wc"
    )
    line = json.loads(captured_logs.getvalue().splitlines()[-1])
    assert line["level"] == "WARNING" and line["logger"] == "wellcheck.test" and line["request_id"]
    for secret in ("xoxb-1234-abcd", "eyJ.abc.def", "hunter2"):
        assert secret not in line["message"]


async def test_metrics_are_aggregate_counters(tmp_path: Path) -> None:
    async with fake_slack() as fake, slack_app(fake, tmp_path / "wc.db") as slack:
        for text in ("alcohol", "booze", "I want to die", "radio codes"):
            await slack.slash(text=text)
        body = await read_metrics(slack.client)
        assert (await slack.client.get("/metrics")).status == 404  # not on the main port
        for _ in range(4):
            await slack.slash(text="I want to die")
        coarse = await read_metrics(slack.client)
    # per-reply counters move in steps of 5: one reply cannot be singled out
    lookups = [line for line in body.splitlines() if line.startswith("wellcheck_lookups_total{")]
    assert lookups and all(line.endswith(" 0.0") for line in lookups)
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
