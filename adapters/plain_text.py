"""A reply as plain text: the console's output, and the fallback when Slack or Teams refuse
the rich version (so a crisis answer degrades rather than fails)."""

from __future__ import annotations

from core.domain.replies import Reply, ResourceCard


def render_card(card: ResourceCard) -> list[str]:
    head = f"* {card.name}"
    if card.region != "US":
        head += f" ({card.region})"
    lines = [head]
    if card.summary:
        lines.append(f"  {card.summary}")
    if card.hours:
        lines.append(f"  Hours: {card.hours}")
    lines.extend(
        f"  {a.label}" + (f": {a.target}" if a.label == "Website" else "") for a in card.actions
    )
    return lines


def render(reply: Reply) -> str:
    """A reply as plain text: titles, text, cards, then the buttons as typeable options."""
    lines: list[str] = []
    for section in reply.sections:
        if section.title:
            lines.append(section.title)
        if section.text:
            lines.append(section.text)
        for card in section.cards:
            lines.extend(render_card(card))
        lines.append("")
    if reply.buttons:
        lines.append("Type one of: " + " | ".join(b.label for b in reply.buttons))
    return "\n".join(lines).rstrip() + "\n"
