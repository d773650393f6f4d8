"""Slack end to end: the real bolt AsyncApp over HTTP against a loopback Slack Web API."""

from __future__ import annotations

import io
import json
import logging
import time
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from bots.observability import configure_logging
from bots.server import create_app
from bots.settings import Settings
from tests.conftest import DATA
from tests.fakes.slack_api import Canned, fake_slack
from tests.slack_harness import SlackHarness, sample_json, slack_app

CRISIS_IDS = ["lifeline-988", "copline", "crisis-text-line"]
SENTINEL = "zebra kettle quasar 4471"


@pytest.fixture
async def slack(tmp_path: Path) -> AsyncIterator[SlackHarness]:
    async with fake_slack() as fake, slack_app(fake, tmp_path / "wc.db") as harness:
        yield harness


@pytest.fixture
def logs() -> Iterator[io.StringIO]:
    """Every log line at DEBUG, as the server writes them (SDK loggers held at WARNING)."""
    stream = io.StringIO()
    root = logging.getLogger()
    saved = (root.handlers[:], root.level)
    configure_logging("DEBUG", stream)
    try:
        yield stream
    finally:
        root.handlers[:], level = saved
        root.setLevel(level)


def _text(blocks: list[dict[str, Any]]) -> str:
    return "\n".join(b["text"]["text"] for b in blocks if b.get("type") == "section")


def _card_ids(blocks: list[dict[str, Any]]) -> list[str]:
    """The resource ids of the card blocks, in order."""
    return [
        b["block_id"].split(":")[1] for b in blocks if b.get("block_id", "").startswith("card:")
    ]


def _buttons(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [e for b in blocks if b["type"] == "actions" for e in b["elements"]]


# ---- /support ---------------------------------------------------------------------


async def test_slash_command_answers_ephemerally_with_cards(slack: SlackHarness) -> None:
    response = await slack.slash()
    assert response.status == 200
    answer = await response.json()
    assert answer["response_type"] == "ephemeral"
    assert "Copline" in _text(answer["blocks"]) and "1-800-267-5463" in _text(answer["blocks"])
    assert answer["text"]
    await slack.settle()
    assert not slack.fake.named("chat.postMessage") and not slack.fake.hooks


async def test_slash_command_with_crisis_words_leads_with_crisis_lines(slack: SlackHarness) -> None:
    answer = await (await slack.slash(text="some nights I think about eating my gun")).json()
    assert _card_ids(answer["blocks"])[:3] == CRISIS_IDS


async def test_slash_command_worried_about_a_colleague_says_how_to_help(
    slack: SlackHarness,
) -> None:
    answer = await (
        await slack.slash(text="my partner keeps saying he wants to eat his gun")
    ).json()
    assert answer["response_type"] == "ephemeral"
    assert "Worried about someone" in _text(answer["blocks"])
    assert _card_ids(answer["blocks"])[:2] == ["lifeline-988", "copline"]


async def test_empty_slash_command_gives_the_menu(slack: SlackHarness) -> None:
    answer = await (await slack.slash(text="")).json()
    values = {
        b["value"] for b in _buttons(answer["blocks"]) if b["action_id"].startswith("category:")
    }
    assert {"family", "crisis", "financial"} <= values
    assert _card_ids(answer["blocks"])[:3] == CRISIS_IDS


async def test_button_action_ids_are_unique_in_each_block(slack: SlackHarness) -> None:
    answer = await (await slack.slash(text="")).json()
    for block in answer["blocks"]:
        if block["type"] == "actions":
            ids = [e["action_id"] for e in block["elements"]]
            assert len(ids) == len(set(ids)) and len(ids) <= 25


# ---- DMs ----------------------------------------------------------------------------


async def test_dm_lookup_is_answered_in_the_dm(slack: SlackHarness) -> None:
    response = await slack.event(sample_json("slack-dm-event.json"))
    assert response.status == 200
    (call,) = await slack.wait_for("chat.postMessage")
    assert call.args["channel"] == "D0OFFICER"
    assert "Copline" in _text(call.args["blocks"])


@pytest.mark.parametrize("command", ["help", "categories", "tip", "privacy"])
async def test_dm_commands(slack: SlackHarness, command: str) -> None:
    payload = sample_json("slack-dm-event.json")
    payload["event"]["text"] = command
    payload["event_id"] = f"Ev-{command}"
    await slack.event(payload)
    (call,) = await slack.wait_for("chat.postMessage")
    assert call.args["blocks"]


@pytest.mark.parametrize(
    "change",
    [
        {"bot_id": "B0BOT"},
        {"subtype": "message_changed"},
        {"subtype": "bot_message"},
        {"channel_type": "channel"},
    ],
)
async def test_bot_messages_edits_and_channel_messages_are_ignored(
    slack: SlackHarness, change: dict
) -> None:
    payload = sample_json("slack-dm-event.json")
    payload["event"].update(change)
    assert (await slack.event(payload)).status == 200
    await slack.settle()
    assert not slack.fake.named("chat.postMessage")


async def test_the_bots_own_messages_are_ignored(slack: SlackHarness) -> None:
    payload = sample_json("slack-dm-event.json")
    payload["event"]["user"] = "U0BOT"
    assert (await slack.event(payload)).status == 200
    await slack.settle()
    assert not slack.fake.named("chat.postMessage")


# ---- mentions -----------------------------------------------------------------------


async def test_mention_is_answered_privately_never_in_public(slack: SlackHarness) -> None:
    await slack.event(sample_json("slack-app-mention.json"))
    (call,) = await slack.wait_for("chat.postEphemeral")
    assert (call.args["channel"], call.args["user"]) == ("C0SQUAD", "U0OFFICER")
    assert "Copline" in _text(call.args["blocks"])  # "can't sleep after nights"
    await slack.settle()
    assert not slack.fake.named("chat.postMessage")


async def test_mention_falls_back_to_a_dm_when_ephemeral_is_refused(slack: SlackHarness) -> None:
    slack.fake.fail_next(
        "chat.postEphemeral", Canned(body={"ok": False, "error": "not_in_channel"})
    )
    await slack.event(sample_json("slack-app-mention.json"))
    (call,) = await slack.wait_for("chat.postMessage")
    assert call.args["channel"] == "U0OFFICER"


# ---- buttons and home ---------------------------------------------------------------


async def test_category_button_from_an_ephemeral_answer(slack: SlackHarness) -> None:
    payload = sample_json("slack-block-actions.json")
    payload["response_url"] = slack.fake.hook_url("action")
    assert (await slack.action(payload)).status == 200
    (call,) = await slack.wait_for("chat.postEphemeral")
    assert call.args["user"] == "U0OFFICER"
    assert "Law Enforcement Family Support Network" in _text(call.args["blocks"])


async def test_ephemeral_button_uses_response_url_when_the_bot_is_not_in_the_channel(
    slack: SlackHarness,
) -> None:
    slack.fake.fail_next(
        "chat.postEphemeral", Canned(body={"ok": False, "error": "channel_not_found"})
    )
    payload = sample_json("slack-block-actions.json")
    payload["response_url"] = slack.fake.hook_url("action")
    await slack.action(payload)
    await slack.settle()
    assert slack.fake.hooks and slack.fake.hooks[0]["response_type"] == "ephemeral"
    assert not slack.fake.named("chat.postMessage")


async def test_more_and_tip_buttons_in_a_dm(slack: SlackHarness) -> None:
    answer = await (await slack.slash(text="family")).json()
    more = next(b for b in _buttons(answer["blocks"]) if b["action_id"].startswith("more"))
    first_page = _card_ids(answer["blocks"])
    for action in (more, {"action_id": "tip:0", "value": "-", "type": "button"}):
        payload = sample_json("slack-block-actions.json")
        payload["container"] = {"type": "message", "channel_id": "D0OFFICER", "is_ephemeral": False}
        payload["channel"] = {"id": "D0OFFICER", "name": "directmessage"}
        payload["actions"] = [action]
        payload["trigger_id"] = f"trigger-{action['action_id']}"  # each press is its own
        await slack.action(payload)
    calls = await slack.wait_for("chat.postMessage", 2)
    next_page = _card_ids(calls[0].args["blocks"])
    assert next_page and not set(next_page) & set(first_page)
    assert "Resilience tip" in _text(calls[1].args["blocks"])


async def test_home_tab_puts_crisis_lines_first_and_privacy(slack: SlackHarness) -> None:
    payload = sample_json("slack-dm-event.json")
    payload["event"] = {
        "type": "app_home_opened",
        "user": "U0OFFICER",
        "channel": "D0OFFICER",
        "tab": "home",
        "event_ts": "1764158400.000100",
    }
    payload["event_id"] = "Ev-home"
    await slack.event(payload)
    (call,) = await slack.wait_for("views.publish")
    view = call.args["view"]
    assert call.args["user_id"] == "U0OFFICER" and view["type"] == "home"
    assert _card_ids(view["blocks"])[:3] == CRISIS_IDS
    assert "never keeps anything you type" in _text(view["blocks"])


async def test_home_buttons_answer_in_the_dm(slack: SlackHarness) -> None:
    payload = sample_json("slack-block-actions.json")
    payload["container"] = {"type": "view", "view_id": "V0HOME"}
    payload.pop("channel")
    await slack.action(payload)
    (call,) = await slack.wait_for("chat.postMessage")
    assert call.args["channel"] == "U0OFFICER"


# ---- the request itself -------------------------------------------------------------


async def test_bad_signature_is_401_and_nothing_is_sent(slack: SlackHarness) -> None:
    body = json.dumps(sample_json("slack-dm-event.json"))
    headers = {
        "X-Slack-Request-Timestamp": str(int(time.time())),
        "X-Slack-Signature": "v0=" + "0" * 64,
        "Content-Type": "application/json",
    }
    response = await slack.client.post("/slack/events", data=body, headers=headers)
    assert response.status == 401
    await slack.settle()
    assert not slack.fake.named("chat.postMessage")


async def test_stale_timestamp_is_401(slack: SlackHarness) -> None:
    response = await slack.post(
        json.dumps(sample_json("slack-dm-event.json")),
        "application/json",
        timestamp=int(time.time()) - 600,
    )
    assert response.status == 401


async def test_a_retried_event_is_answered_once(slack: SlackHarness) -> None:
    payload = sample_json("slack-dm-event.json")
    assert (await slack.event(payload)).status == 200
    for retry in ("1", "2"):
        response = await slack.event(
            payload, {"X-Slack-Retry-Num": retry, "X-Slack-Retry-Reason": "http_timeout"}
        )
        assert response.status == 200
    await slack.settle()
    assert len(slack.fake.named("chat.postMessage")) == 1


async def test_a_retry_reaching_another_replica_is_answered_once(tmp_path: Path) -> None:
    payload = sample_json("slack-dm-event.json")
    async with (
        fake_slack() as fake,
        slack_app(fake, tmp_path / "shared.db") as one,
        slack_app(fake, tmp_path / "shared.db") as two,
    ):
        await one.event(payload)
        await two.event(payload, {"X-Slack-Retry-Num": "1"})
        await one.settle()
        await two.settle()
    assert len(fake.named("chat.postMessage")) == 1


async def test_unhandled_event_types_are_acknowledged(slack: SlackHarness) -> None:
    payload = sample_json("slack-dm-event.json")
    payload["event"] = {"type": "reaction_added", "user": "U0OFFICER", "reaction": "thumbsup"}
    payload["event_id"] = "Ev-reaction"
    assert (await slack.event(payload)).status == 200


async def test_url_verification_challenge(slack: SlackHarness) -> None:
    response = await slack.event({"type": "url_verification", "challenge": "abc123", "token": "t"})
    assert response.status == 200 and (await response.json())["challenge"] == "abc123"


async def test_rate_limited_reply_waits_and_is_delivered(slack: SlackHarness) -> None:
    slack.fake.fail_next(
        "chat.postMessage", Canned(429, {"ok": False, "error": "ratelimited"}, {"Retry-After": "1"})
    )
    await slack.event(sample_json("slack-dm-event.json"))
    calls = await slack.wait_for("chat.postMessage", 2, timeout=10)
    assert calls[1].at - calls[0].at >= 0.9


async def test_refused_blocks_degrade_to_plain_text(slack: SlackHarness) -> None:
    slack.fake.fail_next("chat.postMessage", Canned(body={"ok": False, "error": "invalid_blocks"}))
    payload = sample_json("slack-dm-event.json")
    payload["event"]["text"] = "I want to die"
    await slack.event(payload)
    calls = await slack.wait_for("chat.postMessage", 2)
    assert "blocks" not in calls[1].args
    assert calls[1].args["text"].index("988") < calls[1].args["text"].index("Copline")


# ---- escaping -----------------------------------------------------------------------


async def test_user_markup_never_comes_back_live(slack: SlackHarness) -> None:
    await slack.slash(text="<!channel> <script>alert(1)</script> alcohol")
    payload = sample_json("slack-dm-event.json")
    payload["event"]["text"] = "<!here> &amp; <@U0CHIEF> divorce"
    await slack.event(payload)
    await slack.wait_for("chat.postMessage")
    sent = slack.fake.everything_sent()
    for live in ("<!channel>", "<!here>", "<script>", "<@U0CHIEF>"):
        assert live not in sent


async def test_agency_text_is_escaped(tmp_path: Path) -> None:
    agency = tmp_path / "agency.yaml"
    agency.write_text(
        'resources:\n  - id: odd\n    name: "Peers <!channel> & <b>friends</b>"\n'
        '    categories: [peer-support]\n    topics: [zebra]\n    contact: {phone: "312-555-0100"}\n'
        "    verified: 2026-11-01\n"
    )
    async with (
        fake_slack() as fake,
        slack_app(fake, tmp_path / "wc.db", agency_file=agency) as slack,
    ):
        answer = await (await slack.slash(text="zebra")).json()
    text = _text(answer["blocks"])
    assert "Peers &lt;!channel&gt; &amp; &lt;b&gt;friends&lt;/b&gt;" in text
    assert "<!channel>" not in json.dumps(answer)


# ---- configuration ------------------------------------------------------------------


async def test_without_slack_settings_the_server_runs_and_slack_is_off(tmp_path: Path) -> None:
    app = await create_app(Settings(database_url=f"sqlite:///{tmp_path / 'wc.db'}", data_dir=DATA))
    async with TestClient(TestServer(app)) as client:
        assert (await client.get("/healthz")).status == 200
        assert (await client.post("/slack/events", data="x")).status in (404, 405)


async def test_every_web_api_call_goes_to_slack_api_url(slack: SlackHarness) -> None:
    await slack.event(sample_json("slack-dm-event.json"))
    await slack.wait_for("chat.postMessage")
    assert {c.method for c in slack.fake.calls} >= {"auth.test", "chat.postMessage"}


async def test_socket_mode_with_an_app_token(tmp_path: Path) -> None:
    async with fake_slack() as fake:
        fake.socket_envelopes.append(
            {
                "envelope_id": "env-1",
                "type": "events_api",
                "accepts_response_payload": False,
                "payload": sample_json("slack-dm-event.json"),
            }
        )
        async with slack_app(fake, tmp_path / "wc.db", slack_app_token="xapp-1-test") as slack:
            (call,) = await slack.wait_for("chat.postMessage")
            assert call.args["channel"] == "D0OFFICER"
            assert any(ack.get("envelope_id") == "env-1" for ack in fake.socket_acks)
        assert len(fake.named("apps.connections.open")) == 1


async def test_a_slow_answer_acks_at_once_and_follows_on_the_response_url(
    tmp_path: Path, services: Any
) -> None:
    import asyncio

    from adapters.slack.app import SlackAdapter
    from core.services.responder import Responder
    from tests.fakes.clock import FakeClock
    from tests.slack_harness import SECRET, SlackHarness
    from tests.stores import sql_store

    class SlowConversation(Responder):
        async def reply(self, message):  # type: ignore[no-untyped-def]
            await asyncio.sleep(0.5)
            return await super().reply(message)

    bundle = services.bundle
    slow = SlowConversation(bundle.directory, services.lookup, bundle.tips)
    async with fake_slack() as fake, sql_store("sqlite", tmp_path) as store:
        adapter = SlackAdapter(
            slow,
            store,
            FakeClock(datetime.now(UTC)),
            token="xoxb-t",
            signing_secret=SECRET,
            api_url=fake.api_url,
            ack_budget_s=0.1,
        )
        app = web.Application()
        app.router.add_post("/slack/events", adapter.handle)
        async with TestClient(TestServer(app)) as client:
            harness = SlackHarness(fake, client)
            started = time.monotonic()
            answer = await (await harness.slash(text="alcohol")).json()
            assert time.monotonic() - started < 0.45
            assert answer == {"response_type": "ephemeral", "text": "One moment…"}
            deadline = time.monotonic() + 5
            while not fake.hooks and time.monotonic() < deadline:
                await asyncio.sleep(0.02)
    (followed,) = fake.hooks
    assert followed["response_type"] == "ephemeral" and "copline" in json.dumps(followed["blocks"])


async def test_answers_stay_in_the_thread_they_were_asked_in(slack: SlackHarness) -> None:
    payload = sample_json("slack-dm-event.json")
    payload["event_id"] = "Ev-thread-dm"
    payload["event"]["thread_ts"] = "1764158400.000100"
    await slack.event(payload)
    (post,) = await slack.wait_for("chat.postMessage")
    assert post.args["thread_ts"] == "1764158400.000100"
    mention = sample_json("slack-app-mention.json")
    mention["event_id"] = "Ev-thread-mention"
    mention["event"]["thread_ts"] = "1764158400.000300"
    await slack.event(mention)
    (ephemeral,) = await slack.wait_for("chat.postEphemeral")
    assert ephemeral.args["thread_ts"] == "1764158400.000300"


# ---- failures: the error mapper and bolt's error handler ------------------------------


async def test_a_reply_slack_refuses_twice_is_logged_by_its_code_never_its_text(
    slack: SlackHarness, logs: io.StringIO
) -> None:
    slack.fake.fail_next(
        "chat.postMessage",
        Canned(body={"ok": False, "error": "invalid_blocks"}),
        Canned(body={"ok": False, "error": "msg_too_long"}),
    )
    payload = sample_json("slack-dm-event.json")
    payload["event"]["text"] = f"I want to die {SENTINEL}"
    assert (await slack.event(payload)).status == 200
    await slack.wait_for("chat.postMessage", 2)
    await slack.settle()
    lines = logs.getvalue()
    assert "reply with blocks refused: invalid_blocks" in lines
    assert "Slack payload handled only in part: Slack: msg_too_long" in lines
    assert not any(word in lines for word in SENTINEL.split())


async def test_a_payload_that_breaks_a_middleware_is_400_never_500(
    slack: SlackHarness, logs: io.StringIO
) -> None:
    payload = sample_json("slack-block-actions.json")
    payload["team"] = "T0WC"  # Slack sends an object; our de-duplication reads its id
    payload["response_url"] = slack.fake.hook_url("action")
    response = await slack.action(payload)
    assert response.status == 400
    assert await response.json() == {"error": "this payload could not be processed"}
    await slack.settle()
    assert not slack.fake.named("chat.postEphemeral") and not slack.fake.hooks
    assert "Slack payload could not be handled: AttributeError" in logs.getvalue()


@pytest.mark.parametrize(
    "payload",
    [
        {"type": "block_actions", "actions": 5},  # bolt cannot build its handler's arguments
        {"type": "event_callback", "event": 5},
    ],
)
async def test_a_payload_bolt_cannot_read_is_400(
    slack: SlackHarness, payload: dict[str, Any]
) -> None:
    response = await slack.action(payload)
    assert response.status == 400
    assert await response.json() == {"error": "this payload could not be processed"}


async def test_an_unhandled_payload_kind_is_200_and_not_logged(
    slack: SlackHarness, logs: io.StringIO
) -> None:
    payload = {"type": "view_closed", "user": {"id": "U0OFFICER"}, "team": {"id": "T0WC"}}
    payload["view"] = {"id": "V0", "callback_id": f"form {SENTINEL}"}
    response = await slack.action(payload)
    assert response.status == 200 and await response.text() == ""
    assert "adapters.slack" not in logs.getvalue() and "Unhandled" not in logs.getvalue()


async def test_a_slash_command_the_search_cannot_read_still_gets_the_crisis_lines(
    slack: SlackHarness, logs: io.StringIO
) -> None:
    body = {
        "command": "/support",
        "text": [f"I want to die {SENTINEL}"],  # not a string: detection and search fail
        "user_id": "U0OFFICER",
        "team_id": "T0WC",
        "channel_id": "C0SQUAD",
        "response_url": slack.fake.hook_url(),
    }
    response = await slack.event(body)
    assert response.status == 200
    answer = await response.json()
    assert answer["response_type"] == "ephemeral"
    assert _card_ids(answer["blocks"])[:3] == CRISIS_IDS
    assert not any(word in logs.getvalue() for word in SENTINEL.split())


async def test_an_unreachable_slack_is_a_platform_error_from_the_sender() -> None:
    import aiohttp

    from adapters.slack.sender import SlackSender, delivery_client
    from core.domain.replies import Reply, Section
    from core.errors import PlatformError, RateLimited, RecipientGone

    sender = SlackSender(delivery_client("xoxb-t", "http://127.0.0.1:1/api/"))
    with pytest.raises(PlatformError) as raised:
        await sender.send("D0OFFICER", Reply((Section("Your resilience tip", "Breathe."),)))
    assert not isinstance(raised.value, RateLimited | RecipientGone)
    assert isinstance(raised.value.__cause__, aiohttp.ClientError)


async def test_a_429_with_an_unreadable_retry_after_waits_one_second() -> None:
    from adapters.slack.sender import SlackSender, delivery_client
    from core.domain.replies import Reply, Section
    from core.errors import RateLimited

    async with fake_slack() as fake:
        fake.fail_next(
            "chat.postMessage",
            Canned(429, {"ok": False, "error": "ratelimited"}, {"Retry-After": "soon"}),
        )
        sender = SlackSender(delivery_client("xoxb-t", fake.api_url))
        with pytest.raises(RateLimited) as raised:
            await sender.send("D0OFFICER", Reply((Section("Your resilience tip", "Breathe."),)))
    assert raised.value.retry_after == 1.0
