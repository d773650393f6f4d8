"""Replay real-shaped Slack and Teams payloads, each twice, through the real bolt and
botbuilder stacks against the loopback platforms.

Each fixture in tests/payloads/ names the public source of its shape (`_source`) and what
must happen (`_expect`). For every payload this checks the HTTP status, where each answer
went and that nothing was sent twice. It also holds the privacy invariant for both platforms:
an answer about a person goes only to an ephemeral message or that person's own DM /
personal chat; a shared place gets nothing but a neutral line.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from adapters.teams.app import NEUTRAL_FAILED, NEUTRAL_SENT
from tests.fakes.bot_connector import FakeConnector
from tests.fakes.slack_api import FakeSlack, fake_slack
from tests.slack_harness import SlackHarness, slack_app
from tests.teams_harness import fake_connector, teams_app

PAYLOADS = Path(__file__).resolve().parent.parent / "payloads"
INTERACTIVE = {
    "block_actions", "view_submission", "view_closed", "block_suggestion", "shortcut",
    "message_action", "interactive_message", "dialog_submission", "workflow_step_edit",
}  # fmt: skip
SETTLE_S = 0.25


def _fixtures(platform: str) -> list[tuple[str, dict[str, Any]]]:
    found = []
    for path in sorted((PAYLOADS / platform).glob("*.json")):
        found.append((path.name, json.loads(path.read_text())))
    return found


def _payload(fixture: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in fixture.items() if not k.startswith("_")}


# ---- Slack -------------------------------------------------------------------------------


def _asker(payload: dict[str, Any]) -> str:
    if payload.get("type") in INTERACTIVE:
        return str((payload.get("user") or {}).get("id", ""))
    return str((payload.get("event") or {}).get("user", ""))


def _slack_sent(fake: FakeSlack) -> list[tuple[str, str]]:
    sent = []
    for call in fake.calls:
        if call.method == "chat.postMessage":
            sent.append(("post", str(call.args.get("channel", ""))))
        elif call.method == "chat.postEphemeral":
            sent.append(("ephemeral", str(call.args.get("user", ""))))
        elif call.method == "views.publish":
            sent.append(("home", str(call.args.get("user_id", ""))))
    sent.extend(("hook", str(hook.get("response_type", ""))) for hook in fake.hooks)
    return sent


def _slack_problems(expect: str, asker: str, sent: list[tuple[str, str]]) -> list[str]:
    problems = []
    for kind, where in sent:  # the privacy invariant
        if kind == "post" and not where.startswith(("D", "U", "W")):
            problems.append(f"posted into a shared place {where}")
        if kind == "ephemeral" and where != asker:
            problems.append(f"ephemeral to {where}, not the asker {asker}")
        if kind == "hook" and where != "ephemeral":
            problems.append(f"response_url answer was {where or 'in_channel'}, not ephemeral")
    kinds = [kind for kind, _ in sent]
    wanted = {
        "answer-dm": (["post"],),
        "answer-private": (["ephemeral"], ["hook"], ["post"]),
        "home": (["home"],),
        "ack-only": ([],),
    }[expect]
    if kinds not in [list(w) for w in wanted]:
        problems.append(f"expected {expect}, sent {sent}")
    return problems


async def _send_slack(harness: SlackHarness, payload: dict[str, Any]) -> int:
    if payload.get("type") in INTERACTIVE:
        payload = {**payload, "response_url": harness.fake.hook_url()}
        response = await harness.action(payload)
    else:
        response = await harness.event(payload)
    await response.read()
    return response.status


async def test_slack_payloads_replayed_twice_answer_privately_and_once(tmp_path: Path) -> None:
    fixtures = _fixtures("slack")
    assert len(fixtures) >= 30
    failures: list[str] = []
    async with fake_slack() as fake, slack_app(fake, tmp_path / "wc.db") as harness:
        for name, fixture in fixtures:
            fake.calls.clear()
            fake.hooks.clear()
            payload = _payload(fixture)
            for attempt in (1, 2):
                status = await _send_slack(harness, payload)
                if status != 200:
                    failures.append(f"{name}: attempt {attempt} answered {status}")
                await asyncio.sleep(SETTLE_S)
            sent = _slack_sent(fake)
            failures += [
                f"{name}: {p}" for p in _slack_problems(fixture["_expect"], _asker(payload), sent)
            ]
    assert not failures, "\n".join(failures)


# ---- Teams -------------------------------------------------------------------------------


def _teams_problems(expect: str, connector: FakeConnector, activity: dict[str, Any]) -> list[str]:
    problems = []
    own = str(activity["conversation"]["id"])
    created = [s for s in connector.sent if s.method == "create"]
    messages = connector.messages()
    for sent in messages:  # the privacy invariant
        conversation = unquote(sent.path.split("/v3/conversations/", 1)[1].split("/", 1)[0])
        personal = conversation.startswith("a:")
        if not personal:
            text, cards = sent.body.get("text"), sent.body.get("attachments")
            if cards or text not in (NEUTRAL_SENT, NEUTRAL_FAILED):
                problems.append(f"answered in the shared conversation {conversation}: {text!r}")
    shape = (len(created), len(messages))
    wanted = {
        "answer-dm": {(0, 1)},
        "answer-private": {(1, 2), (1, 1)},  # a 1:1 answer, and at most a neutral line
        "ack-only": {(0, 0)},
        "invoke-200": {(0, 0)},
        "expect-replies": {(0, 0)},
    }[expect]
    if shape not in wanted:
        problems.append(f"expected {expect}, saw {shape[0]} created and {shape[1]} messages")
    if expect == "answer-dm" and messages and own not in unquote(messages[0].path):
        problems.append("the answer went somewhere other than the personal chat it came from")
    return problems


async def test_teams_payloads_replayed_twice_answer_privately_and_once(tmp_path: Path) -> None:
    fixtures = _fixtures("teams")
    assert len(fixtures) >= 30
    failures: list[str] = []
    with fake_connector() as connector:
        async with teams_app(connector, tmp_path / "wc.db") as harness:
            for name, fixture in fixtures:
                connector.sent.clear()
                activity = {**_payload(fixture), "serviceUrl": connector.service_url}
                bodies = []
                for attempt in (1, 2):
                    response = await harness.send(activity)
                    bodies.append(await response.text())
                    if response.status != 200:
                        failures.append(f"{name}: attempt {attempt} answered {response.status}")
                    await asyncio.sleep(SETTLE_S)
                expect = fixture["_expect"]
                failures += [f"{name}: {p}" for p in _teams_problems(expect, connector, activity)]
                if expect == "expect-replies":
                    replies = json.loads(bodies[0] or "{}").get("activities") or []
                    if not any(r.get("attachments") or r.get("text") for r in replies):
                        failures.append(f"{name}: expectReplies answered without the reply")
    assert not failures, "\n".join(failures)
