"""Teams personal chats: lookups, crisis lines first, commands, card actions and odd activities."""

from __future__ import annotations

import json

import pytest

from tests.conftest import ALCOHOL_LINES
from tests.e2e.teams_cases import CRISIS_IDS, adaptive_card, card_actions, card_ids
from tests.teams_harness import TeamsHarness, sample


async def test_personal_lookup_answers_with_an_adaptive_card(teams: TeamsHarness) -> None:
    response = await teams.send(sample("teams-personal-message.json", teams.connector))
    assert response.status == 200
    (sent,) = await teams.wait_for()
    assert "a:1Personal-opaque-conversation-id" in sent.path
    card = adaptive_card(sent.body)
    assert card_ids(card)[0] in ALCOHOL_LINES
    assert sent.authorization and sent.authorization.startswith("Bearer bot-token-")


async def test_crisis_words_put_the_crisis_lines_first(teams: TeamsHarness) -> None:
    activity = sample("teams-personal-message.json", teams.connector)
    activity["text"] = "I keep thinking about eating my gun"
    await teams.send(activity)
    (sent,) = await teams.wait_for()
    assert card_ids(adaptive_card(sent.body))[:3] == CRISIS_IDS


async def test_worry_about_a_colleague_says_how_to_help(teams: TeamsHarness) -> None:
    activity = sample("teams-personal-message.json", teams.connector)
    activity["text"] = "how do I help a coworker who seems suicidal"
    await teams.send(activity)
    (sent,) = await teams.wait_for()
    card = adaptive_card(sent.body)
    assert "Worried about someone" in str(card)
    assert card_ids(card)[:2] == ["lifeline-988", "copline"]


async def test_a_stray_mention_tag_never_costs_the_crisis_lines(teams: TeamsHarness) -> None:
    """Issue 11: '</at>' before '<at>' used to raise and drop the reply."""
    activity = sample("teams-personal-message.json", teams.connector)
    activity["text"] = "</at> <at> I want to die"
    await teams.send(activity)
    (sent,) = await teams.wait_for()
    assert card_ids(adaptive_card(sent.body))[:3] == CRISIS_IDS


@pytest.mark.parametrize("command", ["help", "categories", "tip", "privacy"])
async def test_personal_commands(teams: TeamsHarness, command: str) -> None:
    activity = sample("teams-personal-message.json", teams.connector)
    activity["text"], activity["id"] = command, f"id-{command}"
    await teams.send(activity)
    (sent,) = await teams.wait_for()
    assert adaptive_card(sent.body)["body"]


async def test_card_buttons_use_universal_actions_with_a_fallback(teams: TeamsHarness) -> None:
    activity = sample("teams-personal-message.json", teams.connector)
    activity["text"] = "categories"
    await teams.send(activity)
    (sent,) = await teams.wait_for()
    buttons = [a for a in card_actions(adaptive_card(sent.body)) if a["type"] == "Action.Execute"]
    family = next(b for b in buttons if b["data"] == {"kind": "category", "value": "family"})
    assert family["fallback"]["type"] == "Action.Submit"


async def test_card_action_invoke_answers_with_a_card_not_a_500(teams: TeamsHarness) -> None:
    activity = sample("teams-personal-message.json", teams.connector)
    activity.update(
        type="invoke",
        name="adaptiveCard/action",
        id="invoke-1",
        text=None,
        value={
            "action": {
                "type": "Action.Execute",
                "verb": "category",
                "data": {"kind": "category", "value": "family"},
            },
            "trigger": "manual",
        },
    )
    response = await teams.send(activity)
    assert response.status == 200
    body = await response.json()
    assert body["statusCode"] == 200 and body["type"] == "application/vnd.microsoft.card.adaptive"
    assert "lefsn" in card_ids(body["value"])


async def test_action_submit_fallback_arrives_as_a_message_value(teams: TeamsHarness) -> None:
    activity = sample("teams-personal-message.json", teams.connector)
    activity.update(text=None, value={"kind": "category", "value": "financial"}, id="submit-1")
    await teams.send(activity)
    (sent,) = await teams.wait_for()
    assert "hundred-club" in card_ids(adaptive_card(sent.body))


async def test_expect_replies_comes_back_in_the_response_body(teams: TeamsHarness) -> None:
    activity = sample("teams-personal-message.json", teams.connector)
    activity["deliveryMode"] = "expectReplies"
    activity["text"] = "I want to die"
    response = await teams.send(activity)
    assert response.status == 200
    (reply,) = (await response.json())["activities"]
    assert card_ids(reply["attachments"][0]["content"])[:3] == CRISIS_IDS
    assert not teams.connector.messages()  # nothing went through the connector


async def test_a_redelivered_activity_is_answered_once(teams: TeamsHarness) -> None:
    activity = sample("teams-personal-message.json", teams.connector)
    for _ in range(3):
        assert (await teams.send(activity)).status == 200
    await teams.wait_for(1)
    import asyncio

    await asyncio.sleep(0.3)
    assert len(teams.connector.messages()) == 1


async def test_unknown_activity_types_are_accepted_and_ignored(teams: TeamsHarness) -> None:
    activity = sample("teams-personal-message.json", teams.connector)
    activity.update(type="messageReaction", id="react-1")
    assert (await teams.send(activity)).status == 200


@pytest.mark.parametrize(
    "name", ["task/fetch", "composeExtension/query", "signin/verifyState", None]
)
async def test_unknown_invokes_are_200_not_501(teams: TeamsHarness, name: str | None) -> None:
    activity = sample("teams-personal-message.json", teams.connector)
    activity.update(type="invoke", name=name, id=f"invoke-{name}", value={"anything": 1})
    response = await teams.send(activity)
    assert response.status == 200


def test_client_timezone_and_mentions_survive_deserialisation() -> None:
    from botbuilder.schema import Activity

    from adapters.teams.activity import strip_mentions, timezone_of
    from tests.conftest import SAMPLES

    activity = Activity().deserialize(
        json.loads((SAMPLES / "wire" / "teams-channel-mention.json").read_text())
    )
    assert timezone_of(activity) == "America/Chicago"
    activity.text = "<at>WellCheck</at> support <at>WellCheck</at> alcohol"
    assert "WellCheck" not in strip_mentions(activity)
