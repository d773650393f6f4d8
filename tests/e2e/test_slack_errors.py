"""Slack failures: rate limits wait, refused blocks degrade, bad payloads 4xx, logs stay clean."""

from __future__ import annotations

import io
from typing import Any

import pytest

from tests.e2e.slack_cases import CRISIS_IDS, card_ids
from tests.fakes.slack_api import Canned, fake_slack
from tests.slack_harness import SlackHarness, sample_json

SENTINEL = "zebra kettle quasar 4471"


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
    assert card_ids(answer["blocks"])[:3] == CRISIS_IDS
    assert not any(word in logs.getvalue() for word in SENTINEL.split())


async def test_an_unreachable_slack_is_a_platform_error_from_the_sender() -> None:
    import aiohttp

    from adapters.slack.sender import FixedToken, SlackSender
    from core.domain.replies import Reply, Section
    from core.errors import NotSent, PlatformError, RateLimited, RecipientGone

    sender = SlackSender(FixedToken("xoxb-t"), "http://127.0.0.1:1/api/")
    with pytest.raises(PlatformError) as raised:
        await sender.send("D0OFFICER", Reply((Section("Your resilience tip", "Breathe."),)))
    await sender.close()
    assert isinstance(raised.value, NotSent)  # nothing listens: certainly not sent
    assert not isinstance(raised.value, RateLimited | RecipientGone)
    assert isinstance(raised.value.__cause__, aiohttp.ClientError)


async def test_a_429_with_an_unreadable_retry_after_waits_one_second() -> None:
    from adapters.slack.sender import FixedToken, SlackSender
    from core.domain.replies import Reply, Section
    from core.errors import RateLimited

    async with fake_slack() as fake:
        fake.fail_next(
            "chat.postMessage",
            Canned(429, {"ok": False, "error": "ratelimited"}, {"Retry-After": "soon"}),
        )
        sender = SlackSender(FixedToken("xoxb-t"), fake.api_url)
        with pytest.raises(RateLimited) as raised:
            await sender.send("D0OFFICER", Reply((Section("Your resilience tip", "Breathe."),)))
        await sender.close()
    assert raised.value.retry_after == 1.0
