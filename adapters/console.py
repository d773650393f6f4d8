"""The terminal adapter: a read-reply loop, printing replies as plain text."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from adapters.plain_text import render
from core.domain.identity import Platform, UserRef
from core.domain.messages import ButtonPress, IncomingMessage, Place
from core.domain.replies import Button, Reply
from core.language.text import normalize
from core.services.answering import Answers

CONSOLE_USER = UserRef(Platform.CONSOLE, "console")


class ConsoleSession:
    """One person at a terminal; typing a button's label presses it."""

    def __init__(self, responder: Answers) -> None:
        self._responder = responder
        self._buttons: tuple[Button, ...] = ()

    async def say(self, text: str) -> Reply:
        wanted = normalize(text)
        button = next((b for b in self._buttons if normalize(b.label) == wanted), None)
        if button is not None:
            reply = await self._responder.press(
                ButtonPress(button.kind, button.value, CONSOLE_USER, Place.DIRECT)
            )
        else:
            reply = await self._responder.reply(IncomingMessage(text, CONSOLE_USER, Place.DIRECT))
        self._buttons = reply.buttons
        return reply


async def run(
    responder: Answers,
    read_line: Callable[[], str],
    out: TextIO,
    *,
    interactive: bool,
    arrived: Callable[[], str] | None = None,
) -> int:
    """Chat until EOF (or `quit` at a terminal). Non-interactive: one message per line.
    `arrived` gives what was delivered to the console since it was last asked (tips from
    `wellcheck deliver`): printed before each prompt."""
    session = ConsoleSession(responder)
    if interactive:
        out.write("WellCheck console. Type help, a word like sleep or alcohol, or quit.\n")
    while True:
        if arrived is not None and (delivered := arrived()):
            out.write(f"(delivered while you were away)\n{delivered}")
            out.flush()
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
