"""Teams channel mentions are answered one to one; the channel sees only a neutral line."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import ALCOHOL_LINES
from tests.e2e.teams_cases import CRISIS_IDS, adaptive_card, card_ids
from tests.fakes.bot_connector import FakeConnector
from tests.teams_harness import TeamsHarness, sample, teams_app


async def test_channel_mention_is_answered_one_to_one(teams: TeamsHarness) -> None:
    response = await teams.send(sample("teams-channel-mention.json", teams.connector))
    assert response.status == 200
    sends = await teams.wait_for(2)
    (created,) = [s for s in teams.connector.sent if s.method == "create"]
    assert created.body["members"] == [{"id": "29:1Officer-opaque-id"}]
    # botbuilder spells the top-level field "tenantID"; Teams reads channelData.tenant.id.
    assert created.body["channelData"]["tenant"]["id"] == "2f1e0d9c-8b7a-4c5d-9e6f-1a2b3c4d5e6f"
    assert created.body["isGroup"] is False
    private = next(s for s in sends if "a:1on1-" in s.path)
    assert card_ids(adaptive_card(private.body))[0] in ALCOHOL_LINES
    public = [s for s in sends if "squadroom0000" in s.path]
    assert len(public) == 1
    line = public[0].body
    assert line["text"] == "I've sent you a private message." and not line.get("attachments")
    for revealing in ("alcohol", "Copline", "copline", "988", "support"):
        assert revealing not in json.dumps(line)


async def test_channel_crisis_mention_reveals_nothing_in_the_channel(teams: TeamsHarness) -> None:
    activity = sample("teams-channel-mention.json", teams.connector)
    activity["text"] = "<at>WellCheck</at> support I want to die"
    await teams.send(activity)
    sends = await teams.wait_for(2)
    private = next(s for s in sends if "a:1on1-" in s.path)
    assert card_ids(adaptive_card(private.body))[:3] == CRISIS_IDS
    public = next(s for s in sends if "squadroom0000" in s.path)
    assert "die" not in json.dumps(public.body) and "988" not in json.dumps(public.body)


async def test_when_a_1on1_cannot_be_opened_the_channel_still_learns_nothing(
    teams: TeamsHarness,
) -> None:
    from tests.fakes.bot_connector import Canned

    teams.connector.fail_next(
        "create", Canned(403, {"error": {"code": "Forbidden", "message": "not installed"}})
    )
    await teams.send(sample("teams-channel-mention.json", teams.connector))
    (public,) = await teams.wait_for(1)
    assert "couldn't open a private chat" in public.body["text"]
    assert "Copline" not in json.dumps(public.body)


async def test_a_channel_message_without_a_conversation_type_is_never_answered_in_public(
    teams: TeamsHarness,
) -> None:
    activity = sample("teams-channel-mention.json", teams.connector)
    activity["conversation"].pop("conversationType", None)
    activity["conversation"].pop("isGroup", None)
    await teams.send(activity)
    await teams.wait_for(2)
    shared = [s for s in teams.connector.messages() if "19%3A" in s.path or "19:" in s.path]
    assert all(not s.body.get("attachments") for s in shared)


async def test_local_mode_channel_mention_opens_a_1on1_too(
    connector: FakeConnector, tmp_path: Path
) -> None:
    async with teams_app(connector, tmp_path / "wc.db", auth=False) as teams:
        assert (await teams.send(sample("teams-channel-mention.json", connector))).status == 200
        sends = await teams.wait_for(2)
    assert any("a:1on1-" in s.path for s in sends)
    public = next(s for s in sends if "squadroom0000" in s.path)
    assert public.body["text"] == "I've sent you a private message."


async def test_conversation_references_are_stored_with_tenant_and_service_url(
    teams: TeamsHarness, tmp_path: Path
) -> None:
    from adapters.sql import open_store
    from core.domain.identity import Platform

    await teams.send(sample("teams-install.json", teams.connector))
    await teams.send(sample("teams-personal-message.json", teams.connector))
    await teams.wait_for(1)
    store = await open_store(f"sqlite:///{tmp_path / 'wc.db'}")
    try:
        channel = await store.load_conversation(Platform.TEAMS, "19:metroteam0000@thread.tacv2")
        personal = await store.load_conversation(Platform.TEAMS, "user:29:1Officer-opaque-id")
    finally:
        await store.close()
    assert channel is not None and personal is not None
    for ref in (channel, personal):
        data = json.loads(ref.payload)
        assert data["serviceUrl"] == teams.connector.service_url
        assert data["conversation"]["tenantId"] == "2f1e0d9c-8b7a-4c5d-9e6f-1a2b3c4d5e6f"
    assert "Jordan Doe" not in personal.payload
