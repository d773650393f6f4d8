"""Slack buttons and the App Home tab: valid blocks, and each press answered in the right place."""

from __future__ import annotations

from tests.e2e.slack_cases import CRISIS_IDS, buttons, card_ids, section_text
from tests.fakes.slack_api import Canned
from tests.slack_harness import SlackHarness, sample_json


async def test_button_action_ids_are_unique_in_each_block(slack: SlackHarness) -> None:
    answer = await (await slack.slash(text="")).json()
    for block in answer["blocks"]:
        if block["type"] == "actions":
            ids = [e["action_id"] for e in block["elements"]]
            assert len(ids) == len(set(ids)) and len(ids) <= 25


async def test_category_button_from_an_ephemeral_answer(slack: SlackHarness) -> None:
    payload = sample_json("slack-block-actions.json")
    payload["response_url"] = slack.fake.hook_url("action")
    assert (await slack.action(payload)).status == 200
    (call,) = await slack.wait_for("chat.postEphemeral")
    assert call.args["user"] == "U0OFFICER"
    assert "Law Enforcement Family Support Network" in section_text(call.args["blocks"])


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
    more = next(b for b in buttons(answer["blocks"]) if b["action_id"].startswith("more"))
    first_page = card_ids(answer["blocks"])
    for action in (more, {"action_id": "tip:0", "value": "-", "type": "button"}):
        payload = sample_json("slack-block-actions.json")
        payload["container"] = {"type": "message", "channel_id": "D0OFFICER", "is_ephemeral": False}
        payload["channel"] = {"id": "D0OFFICER", "name": "directmessage"}
        payload["actions"] = [action]
        payload["trigger_id"] = f"trigger-{action['action_id']}"  # each press is its own
        await slack.action(payload)
    calls = await slack.wait_for("chat.postMessage", 2)
    next_page = card_ids(calls[0].args["blocks"])
    assert next_page and not set(next_page) & set(first_page)
    assert "Resilience tip" in section_text(calls[1].args["blocks"])


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
    assert card_ids(view["blocks"])[:3] == CRISIS_IDS
    assert "never keeps anything you type" in section_text(view["blocks"])


async def test_home_buttons_answer_in_the_dm(slack: SlackHarness) -> None:
    payload = sample_json("slack-block-actions.json")
    payload["container"] = {"type": "view", "view_id": "V0HOME"}
    payload.pop("channel")
    await slack.action(payload)
    (call,) = await slack.wait_for("chat.postMessage")
    assert call.args["channel"] == "U0OFFICER"
