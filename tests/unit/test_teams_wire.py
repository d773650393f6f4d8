"""Outgoing Teams activities written by adapters/teams/wire.py are exactly what msrest writes."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from typing import Any

import pytest
from botbuilder.core import InvokeResponse, TurnContext
from botbuilder.schema import Activity, ActivityTypes
from botframework.connector import models
from botframework.connector.aio import ConnectorClient
from msrest import Serializer
from msrest.authentication import BasicTokenAuthentication

from adapters.plain_text import render
from adapters.teams import wire
from adapters.teams.outbox import card_message, text_message
from adapters.teams.turn import NEUTRAL_FAILED, NEUTRAL_SENT
from bots.bootstrap_services import Services
from core.domain.identity import ConversationRef, Platform, UserRef
from core.domain.messages import IncomingMessage, Place
from core.domain.replies import Reply
from tests.conftest import SAMPLES

MODELS = {k: v for k, v in models.__dict__.items() if isinstance(v, type)}
TEXTS = [
    "alcohol",
    "I want to die",  # the crisis card
    "how do I help a coworker who seems suicidal",
    "help",
    "categories",
    "tip",
    "privacy",
    "zzqx nothing matches this",
]
INCOMING = ["teams-personal-message.json", "teams-channel-mention.json"]


def incoming(name: str) -> Activity:
    return Activity().deserialize(json.loads((SAMPLES / "wire" / name).read_text()))


def addressed(activity: Activity, to: Activity) -> Activity:
    """What TurnContext.send_activities and CloudAdapter make of an activity before sending."""
    out = TurnContext.apply_conversation_reference(
        copy.deepcopy(activity), TurnContext.get_conversation_reference(to)
    )
    out.input_hint = out.input_hint or "acceptingInput"
    out.id = None
    return out


def msrest_body(activity: Activity) -> Any:
    """What botbuilder's connector client would post (its own serializer, unchanged)."""
    return Serializer(MODELS).body(copy.deepcopy(activity), "Activity")


async def reply_to(services: Services, text: str) -> Reply:
    user = UserRef(Platform.TEAMS, "29:1Officer-opaque-id", "tenant")
    where = ConversationRef(Platform.TEAMS, "a:1Personal")
    return await services.responder.reply(IncomingMessage(text, user, Place.DIRECT, where, None))


@pytest.mark.parametrize("source", INCOMING)
@pytest.mark.parametrize("text", TEXTS)
async def test_cards_are_written_as_msrest_writes_them(
    services: Services, text: str, source: str
) -> None:
    reply = await reply_to(services, text)
    out = addressed(card_message(reply), incoming(source))
    expected = msrest_body(out)
    written = wire.LeanSerializer(MODELS).body(out, "Activity")
    assert wire.activity_json(out) is not None  # the lean pass wrote it, not the fallback
    assert written == expected
    assert json.dumps(written, sort_keys=True) == json.dumps(expected, sort_keys=True)
    assert written["attachments"][0]["contentType"] == "application/vnd.microsoft.card.adaptive"


@pytest.mark.parametrize(
    "text", ["I want to die", "alcohol", NEUTRAL_SENT, NEUTRAL_FAILED, "ünïcödé — \u2028 <at>"]
)
def test_plain_text_messages_are_written_as_msrest_writes_them(text: str) -> None:
    for source in INCOMING:
        out = addressed(text_message(text), incoming(source))
        assert wire.activity_json(out) == msrest_body(out)


async def test_the_plain_text_fallback_of_a_crisis_reply(services: Services) -> None:
    reply = await reply_to(services, "I want to die")
    out = addressed(text_message(render(reply)), incoming(INCOMING[0]))
    assert wire.activity_json(out) == msrest_body(out)
    assert "988" in out.text


def test_enum_values_and_lists_follow_msrest() -> None:
    activity = Activity(
        type=ActivityTypes.message,  # an Enum member, written as its value
        text="hi",
        listen_for=["a", "b"],
        channel_data={"tenant": {"id": "t"}, "n": 1, "x": None, "f": 1.5, "ok": True},
    )
    out = addressed(activity, incoming(INCOMING[1]))
    assert wire.activity_json(out) == msrest_body(out)
    assert wire.activity_json(out)["type"] == "message"  # type: ignore[index]


@pytest.mark.parametrize(
    "odd",
    [
        {"timestamp": datetime(2026, 11, 27, 12, tzinfo=UTC)},  # a date: msrest's format
        {"value": InvokeResponse(status=200, body={})},  # a model inside `object`
        {"channel_data": {"when": datetime(2026, 11, 27, tzinfo=UTC)}},  # not plain JSON
    ],
)
def test_anything_else_falls_back_to_msrest(odd: dict[str, Any]) -> None:
    activity = Activity(type="message", text="hi", **odd)
    out = addressed(activity, incoming(INCOMING[0]))
    assert wire.activity_json(out) is None
    assert wire.LeanSerializer(MODELS).body(out, "Activity") == msrest_body(out)


async def test_a_card_is_not_deep_copied_but_its_copy_is_independent(services: Services) -> None:
    card = card_message(await reply_to(services, "alcohol"))
    clone = copy.deepcopy(card)
    assert clone is not card and clone.attachments is not card.attachments
    assert clone.attachments[0].content is card.attachments[0].content  # shared, never changed
    sent = addressed(card, incoming(INCOMING[0]))
    assert card.conversation is None and card.input_hint is None  # the original is untouched
    assert sent.conversation is not None and sent.input_hint == "acceptingInput"


def test_install_gives_a_connector_client_the_lean_serializer() -> None:
    client = ConnectorClient(BasicTokenAuthentication({"access_token": "t"}), "http://127.0.0.1/")
    before = client.conversations._serialize
    wire.install(client)
    wire.install(client)  # idempotent
    lean = client.conversations._serialize
    assert isinstance(lean, wire.LeanSerializer) and lean.dependencies == before.dependencies
    assert lean.client_side_validation == before.client_side_validation
