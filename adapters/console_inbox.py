"""Tips for the console, as a platform: the delivery pass (`wellcheck deliver`) writes each
one to a small file beside the database; the console prints what has arrived before its
next prompt, then empties the file. Only the bot's own tip text is written, never what
anyone typed."""

from __future__ import annotations

import os
from pathlib import Path

from adapters.plain_text import render
from core.domain.replies import Reply

INBOX_NAME = "console-inbox.txt"


class ConsoleInbox:
    """A `Sender` for Platform.CONSOLE, and the console's way to collect what was sent."""

    def __init__(self, path: Path) -> None:
        self.path = path

    async def send(
        self, address: str, reply: Reply, workspace: str = "", enterprise: str = ""
    ) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as inbox:
            inbox.write(render(reply).rstrip("\n") + "\n\n")

    def take(self) -> str:
        """What arrived since the last call; the inbox is empty afterwards."""
        taken = self.path.with_name(self.path.name + f".{os.getpid()}")
        try:
            os.replace(self.path, taken)  # atomic: a pass writing now starts a new file
        except FileNotFoundError:
            return ""
        try:
            return taken.read_text(encoding="utf-8")
        finally:
            taken.unlink(missing_ok=True)
