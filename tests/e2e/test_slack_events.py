"""Slack /support, DMs and mentions: answered privately, in their thread, with user text escaped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.slack_cases import CRISIS_IDS, buttons, card_ids, section_text
from tests.fakes.slack_api import Canned, fake_slack
from tests.slack_harness import SlackHarness, sample_json, slack_app


async def test_slash_command_answers_ephemerally_with_cards(slack: SlackHarness) -> None:
    response = await slack.slash()
    assert response.status == 200
    answer = await response.json()
    assert answer["response_type"] == "ephemeral"
    assert "Copline" in section_text(answer["blocks"]) and "1-800-267-5463" in section_text(
        answer["blocks"]
    )
    assert answer["text"]
    await slack.settle()
    assert not slack.fake.named("chat.postMessage") and not slack.fake.hooks


async def test_slash_command_with_crisis_words_leads_with_crisis_lines(slack: SlackHarness) -> None:
    answer = await (await slack.slash(text="some nights I think about eating my gun")).json()
    assert card_ids(answer["blocks"])[:3] == CRISIS_IDS


async def test_slash_command_worried_about_a_colleague_says_how_to_help(
    slack: SlackHarness,
) -> None:
    answer = await (
        await slack.slash(text="my partner keeps saying he wants to eat his gun")
    ).json()
    assert answer["response_type"] == "ephemeral"
    assert "Worried about someone" in section_text(answer["blocks"])
    assert card_ids(answer["blocks"])[:2] == ["lifeline-988", "copline"]


async def test_empty_slash_command_gives_the_menu(slack: SlackHarness) -> None:
    answer = await (await slack.slash(text="")).json()
    values = {
        b["value"] for b in buttons(answer["blocks"]) if b["action_id"].startswith("category:")
    }
    assert {"family", "crisis", "financial"} <= values
    assert card_ids(answer["blocks"])[:3] == CRISIS_IDS


async def test_dm_lookup_is_answered_in_the_dm(slack: SlackHarness) -> None:
    response = await slack.event(sample_json("slack-dm-event.json"))
    assert response.status == 200
    (call,) = await slack.wait_for("chat.postMessage")
    assert call.args["channel"] == "D0OFFICER"
    assert "Copline" in section_text(call.args["blocks"])


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


async def test_mention_is_answered_privately_never_in_public(slack: SlackHarness) -> None:
    await slack.event(sample_json("slack-app-mention.json"))
    (call,) = await slack.wait_for("chat.postEphemeral")
    assert (call.args["channel"], call.args["user"]) == ("C0SQUAD", "U0OFFICER")
    assert "Copline" in section_text(call.args["blocks"])  # "can't sleep after nights"
    await slack.settle()
    assert not slack.fake.named("chat.postMessage")


async def test_mention_falls_back_to_a_dm_when_ephemeral_is_refused(slack: SlackHarness) -> None:
    slack.fake.fail_next(
        "chat.postEphemeral", Canned(body={"ok": False, "error": "not_in_channel"})
    )
    await slack.event(sample_json("slack-app-mention.json"))
    (call,) = await slack.wait_for("chat.postMessage")
    assert call.args["channel"] == "U0OFFICER"


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
        '    categories: [peer-support]\n    topics: [zebra]\n    contact: {phone: "1-800-267-5463"}\n'
        "    verified: 2026-11-01\n"
    )
    async with (
        fake_slack() as fake,
        slack_app(fake, tmp_path / "wc.db", agency_file=agency) as slack,
    ):
        answer = await (await slack.slash(text="zebra")).json()
    text = section_text(answer["blocks"])
    assert "Peers &lt;!channel&gt; &amp; &lt;b&gt;friends&lt;/b&gt;" in text
    assert "<!channel>" not in json.dumps(answer)
