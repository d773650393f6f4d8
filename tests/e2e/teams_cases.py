"""What the Teams end-to-end tests read out of a send: the adaptive card, its ids and buttons."""

from __future__ import annotations

from typing import Any

CRISIS_IDS = ["lifeline-988", "copline", "crisis-text-line"]


def adaptive_card(sent_body: dict[str, Any]) -> dict[str, Any]:
    (attachment,) = sent_body["attachments"]
    assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
    return attachment["content"]


def card_ids(card: dict[str, Any]) -> list[str]:
    return [
        item["id"].split(":", 1)[1]
        for item in card["body"]
        if str(item.get("id", "")).startswith("card:")
    ]


def card_actions(card: dict[str, Any]) -> list[dict[str, Any]]:
    return [a for item in card["body"] if item["type"] == "ActionSet" for a in item["actions"]]
