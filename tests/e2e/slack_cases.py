"""What the Slack end-to-end tests read out of an answer: section text, card ids and buttons."""

from __future__ import annotations

from typing import Any

CRISIS_IDS = ["lifeline-988", "copline", "crisis-text-line"]


def section_text(blocks: list[dict[str, Any]]) -> str:
    return "\n".join(b["text"]["text"] for b in blocks if b.get("type") == "section")


def card_ids(blocks: list[dict[str, Any]]) -> list[str]:
    """The resource ids of the card blocks, in order."""
    return [
        b["block_id"].split(":")[1] for b in blocks if b.get("block_id", "").startswith("card:")
    ]


def buttons(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [e for b in blocks if b["type"] == "actions" for e in b["elements"]]
