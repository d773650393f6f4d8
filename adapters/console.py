"""The terminal adapter: plain-text rendering and a read-reply loop."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from core.agency import Platform
from core.conversation import Conversation
from core.messages import ButtonPress, IncomingMessage, Place, UserRef
from core.replies import Button, Reply, ResourceCard
from core.text import normalize

CONSOLE_USER = UserRef(Platform.CONSOLE, "console")


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


class ConsoleSession:
    """One person at a terminal; typing a button's label presses it."""

    def __init__(self, conversation: Conversation) -> None:
        self._conversation = conversation
        self._buttons: tuple[Button, ...] = ()

    async def say(self, text: str) -> Reply:
        wanted = normalize(text)
        button = next((b for b in self._buttons if normalize(b.label) == wanted), None)
        if button is not None:
            reply = await self._conversation.press(
                ButtonPress(button.kind, button.value, CONSOLE_USER, Place.DIRECT)
            )
        else:
            reply = await self._conversation.reply(
                IncomingMessage(text, CONSOLE_USER, Place.DIRECT)
            )
        self._buttons = reply.buttons
        return reply


async def run(
    conversation: Conversation,
    read_line: Callable[[], str],
    out: TextIO,
    *,
    interactive: bool,
) -> int:
    """Chat until EOF (or `quit` at a terminal). Non-interactive: one message per line."""
    session = ConsoleSession(conversation)
    if interactive:
        out.write("WellCheck console. Type help, a word like sleep or alcohol, or quit.\n")
    while True:
        try:
            line = read_line()
        except EOFError:
            break
        if not interactive and line == "":
            break
        text = line.rstrip("\n")
        if interactive and text.strip().lower() in {"quit", "exit"}:
            break
        if not text.strip() and not interactive:
            continue
        reply = await session.say(text)
        out.write(render(reply) + "\n")
        out.flush()
    return 0
