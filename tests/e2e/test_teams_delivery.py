"""Teams sends under faults: throttling, refused cards, failed answers, bad requests, proactive."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bots.server import RUNTIME
from tests.conftest import ALCOHOL_LINES
from tests.e2e.teams_cases import adaptive_card, card_ids
from tests.teams_harness import TeamsHarness, sample


async def test_throttled_sends_back_off_and_arrive(teams: TeamsHarness) -> None:
    from tests.fakes.bot_connector import Canned

    teams.connector.fail_next("send", Canned(429, headers={"Retry-After": "1"}), Canned(502))
    await teams.send(sample("teams-personal-message.json", teams.connector))
    sends = await teams.wait_for(3)
    assert sends[1].at - sends[0].at >= 0.9


async def test_refused_card_degrades_to_plain_text(teams: TeamsHarness) -> None:
    from tests.fakes.bot_connector import Canned

    teams.connector.fail_next(
        "send", Canned(400, {"error": {"code": "BadArgument", "message": "card"}})
    )
    activity = sample("teams-personal-message.json", teams.connector)
    activity["text"] = "I want to die"
    await teams.send(activity)
    sends = await teams.wait_for(2)
    plain = sends[1].body
    assert not plain.get("attachments") and plain["text"].index("988") < plain["text"].index(
        "Copline"
    )


async def test_an_answer_that_could_not_be_delivered_is_given_on_redelivery(
    teams: TeamsHarness,
) -> None:
    """Never mark an activity seen when answering it failed (issue 10): Teams redelivers it."""
    from tests.fakes.bot_connector import Canned

    activity = sample("teams-personal-message.json", teams.connector)
    activity["id"] = "redelivered-1"
    teams.connector.fail_next("send", Canned(500), Canned(500))  # the card, then plain text
    first = await teams.send(activity)
    assert first.status == 503
    second = await teams.send(activity)
    assert second.status == 200
    sent = teams.connector.messages()  # the refused card and plain text, then the answer
    assert len(sent) == 3 and card_ids(adaptive_card(sent[-1].body))[0] in ALCOHOL_LINES


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        ("{not json", "application/json", 400),
        ("[]", "application/json", 400),
        ('{"type": "message"}', "application/json", 400),
        ("x=1", "application/x-www-form-urlencoded", 415),
    ],
)
async def test_bad_requests_are_4xx(
    teams: TeamsHarness, body: str, content_type: str, status: int
) -> None:
    headers = {"Content-Type": content_type, "Authorization": f"Bearer {teams.connector.mint()}"}
    response = await teams.client.post("/api/messages", data=body, headers=headers)
    assert response.status == status


async def _stored_personal_ref(teams: TeamsHarness, tmp_path: Path) -> Any:
    from core.domain.identity import Platform

    await teams.send(sample("teams-personal-message.json", teams.connector))
    await teams.wait_for(1)
    adapter = teams.client.server.app[RUNTIME].teams
    return adapter, await adapter._store.load_conversation(
        Platform.TEAMS, "user:29:1Officer-opaque-id"
    )


async def test_proactive_send_reaches_the_stored_conversation(
    teams: TeamsHarness, tmp_path: Path, services: Any
) -> None:
    adapter, ref = await _stored_personal_ref(teams, tmp_path)
    await adapter.send_proactive(ref, services.responder.tip())
    sends = await teams.wait_for(2)
    assert "a:1Personal-opaque-conversation-id" in sends[1].path
    assert sends[1].authorization and sends[1].authorization.startswith("Bearer ")


@pytest.mark.parametrize(
    ("status", "code"),
    [(403, "Forbidden"), (404, "ConversationNotFound"), (400, "MessageWritesBlocked")],
)
async def test_proactive_failures_are_raised_not_swallowed(
    teams: TeamsHarness, tmp_path: Path, services: Any, status: int, code: str
) -> None:
    from core.errors import RecipientGone
    from tests.fakes.bot_connector import Canned

    adapter, ref = await _stored_personal_ref(teams, tmp_path)
    # both the card and its plain-text fallback are refused
    teams.connector.fail_next(
        "send", Canned(status, {"error": {"code": code}}), Canned(status, {"error": {"code": code}})
    )
    with pytest.raises(RecipientGone):
        await adapter.send_proactive(ref, services.responder.tip())


@pytest.mark.parametrize(
    ("status", "raised", "attempts"),
    [
        (502, "PlatformError", 1),  # maybe delivered: not retried, no plain-text second copy
        (504, "PlatformError", 1),
        (429, "RateLimited", 1),  # back to the pacer, which waits and tries again
        (400, "NotSent", 2),  # the card was refused: the plain text is tried, refused too
    ],
)
async def test_a_scheduled_tip_is_never_sent_twice(
    teams: TeamsHarness, tmp_path: Path, services: Any, status: int, raised: str, attempts: int
) -> None:
    from tests.fakes.bot_connector import Canned

    adapter, ref = await _stored_personal_ref(teams, tmp_path)
    before = len(teams.connector.messages())
    teams.connector.fail_next("send", *[Canned(status, {"error": {"code": "X"}})] * 4)
    with pytest.raises(Exception) as failure:
        await adapter.send_proactive(ref, services.responder.tip())
    assert type(failure.value).__name__ == raised
    assert len(teams.connector.messages()) - before == attempts
