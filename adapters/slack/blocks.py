"""Render core replies as Slack Block Kit. Every piece of text is mrkdwn-escaped."""

from __future__ import annotations

from typing import Any

from adapters.plain_text import render
from core.domain.replies import ActionKind, Reply, ResourceCard

SECTION_TEXT_LIMIT = 3000  # Slack's cap on a section's text
ACTIONS_LIMIT = 25  # Slack's cap on elements in one actions block
BUTTON_TEXT_LIMIT = 75
MESSAGE_BLOCK_LIMIT = 50

Block = dict[str, Any]


def escape(text: str) -> str:
    """Slack's three control characters, so that `<!channel>` or `<script>` stays inert."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _mrkdwn_section(text: str) -> Block:
    if len(text) > SECTION_TEXT_LIMIT:
        text = text[: SECTION_TEXT_LIMIT - 1] + "…"
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def _contact_line(card: ResourceCard) -> str:
    parts: list[str] = []
    for action in card.actions:
        if action.kind is ActionKind.URL:
            parts.append(f"<{escape(action.target)}|Website>")
        elif action.kind is ActionKind.EMAIL:
            parts.append(f"<{escape(action.target)}|{escape(action.label)}>")
        else:
            parts.append(escape(action.label))
    return "  ·  ".join(parts)


def card_block(card: ResourceCard, position: int) -> Block:
    head = f"*{escape(card.name)}*"
    if card.region != "US":
        head += f"  _({escape(card.region)})_"
    lines = [head]
    if card.summary:
        lines.append(escape(card.summary))
    if card.actions:
        lines.append(_contact_line(card))
    if card.hours:
        lines.append(f"_Hours: {escape(card.hours)}_")
    return {**_mrkdwn_section("\n".join(lines)), "block_id": f"card:{card.resource_id}:{position}"}


def button_blocks(reply: Reply) -> list[Block]:
    elements = [
        {
            "type": "button",
            "text": {"type": "plain_text", "text": button.label[:BUTTON_TEXT_LIMIT]},
            "action_id": f"{button.kind.value}:{i}",
            "value": button.value or "-",
        }
        for i, button in enumerate(reply.buttons)
    ]
    return [
        {
            "type": "actions",
            "block_id": f"wc-buttons-{n}",
            "elements": elements[start : start + ACTIONS_LIMIT],
        }
        for n, start in enumerate(range(0, len(elements), ACTIONS_LIMIT))
    ]


def blocks(reply: Reply) -> list[Block]:
    out: list[Block] = []
    for section in reply.sections:
        if out:
            out.append({"type": "divider"})
        heading = [f"*{escape(section.title)}*"] if section.title else []
        body = [escape(section.text)] if section.text else []
        if heading or body:
            out.append(_mrkdwn_section("\n".join(heading + body)))
        out.extend(card_block(card, len(out) + i) for i, card in enumerate(section.cards))
    buttons = button_blocks(reply)
    return out[: MESSAGE_BLOCK_LIMIT - len(buttons)] + buttons


def fallback_text(reply: Reply) -> str:
    """The notification text: the first heading and the names of the resources."""
    names = [card.name for section in reply.sections for card in section.cards]
    text = reply.summary + (": " + ", ".join(names) if names else "")
    return escape(text)[:SECTION_TEXT_LIMIT]


def plain_text(reply: Reply) -> str:
    """The whole reply as escaped text, for when blocks are refused."""
    return escape(render(reply))[:40000]


def message(reply: Reply) -> dict[str, Any]:
    return {"text": fallback_text(reply), "blocks": blocks(reply)}


def home_view(reply: Reply) -> dict[str, Any]:
    return {"type": "home", "blocks": blocks(reply)[:100]}
