"""What a chat adapter needs from the core: a message or a button press in, a reply out.
A `Responder` (one agency) and an `AgencyRouter` (several) both answer."""

from __future__ import annotations

from typing import Protocol

from core.domain.messages import ButtonPress, IncomingMessage
from core.domain.replies import Reply


class Answers(Protocol):
    async def reply(self, message: IncomingMessage) -> Reply: ...

    async def press(self, press: ButtonPress) -> Reply: ...
