"""Render core replies as Adaptive Cards for Teams. Text is markdown-escaped."""

from __future__ import annotations

import re
from typing import Any

from core.domain.replies import ActionKind, Reply, ResourceCard

CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"
SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json"
VERSION = "1.4"
_MARKDOWN = re.compile(r"([\\*_\[\]`<>#~|])")

Element = dict[str, Any]


def escape(text: str) -> str:
    """Neutralise the markdown Teams renders in card text, so data cannot add links or markup."""
    return _MARKDOWN.sub(r"\\\1", text)


def _text(text: str, **style: Any) -> Element:
    return {"type": "TextBlock", "text": escape(text), "wrap": True, **style}


def _contact_action(kind: ActionKind, label: str, target: str) -> Element:
    title = "Website" if kind is ActionKind.URL else label
    return {"type": "Action.OpenUrl", "title": title, "url": target}


def card_container(card: ResourceCard) -> Element:
    name = card.name + ("" if card.region == "US" else f" ({card.region})")
    items: list[Element] = [_text(name, weight="Bolder")]
    if card.summary:
        items.append(_text(card.summary, spacing="None"))
    reachable = [a.label for a in card.actions if a.kind in (ActionKind.CALL, ActionKind.TEXT)]
    if reachable:
        items.append(_text("  ·  ".join(reachable), spacing="Small"))
    if card.hours:
        items.append(_text(f"Hours: {card.hours}", isSubtle=True, spacing="None"))
    if card.actions:
        items.append(
            {
                "type": "ActionSet",
                "actions": [_contact_action(a.kind, a.label, a.target) for a in card.actions],
            }
        )
    return {
        "type": "Container",
        "id": f"card:{card.resource_id}",
        "style": "emphasis" if card.crisis else "default",
        "separator": True,
        "items": items,
    }


def _button(kind: str, label: str, value: str) -> Element:
    data = {"kind": kind, "value": value}
    return {
        "type": "Action.Execute",
        "title": label,
        "verb": kind,
        "data": data,
        # Clients without Universal Actions (the Emulator, older Teams) post it as a message.
        "fallback": {"type": "Action.Submit", "title": label, "data": data},
    }


def adaptive_card(reply: Reply) -> Element:
    body: list[Element] = []
    for section in reply.sections:
        if section.title:
            body.append(_text(section.title, weight="Bolder", size="Medium"))
        if section.text:
            body.append(_text(section.text))
        body.extend(card_container(card) for card in section.cards)
    if reply.buttons:
        body.append(
            {
                "type": "ActionSet",
                "actions": [_button(b.kind.value, b.label, b.value) for b in reply.buttons],
            }
        )
    return {"type": "AdaptiveCard", "$schema": SCHEMA, "version": VERSION, "body": body}


def attachment(reply: Reply) -> dict[str, Any]:
    """The card as an attachment's fields (the Teams adapter wraps them in the SDK's type)."""
    return {"contentType": CARD_CONTENT_TYPE, "content": adaptive_card(reply)}
