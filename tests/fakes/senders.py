"""In-memory senders (core.services.ports.Sender) for delivery tests that need no platform."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from core.domain.replies import Reply
from core.errors import PlatformError
from core.services.ports import Sender


@dataclass
class RecordingSender(Sender):
    sent: list[tuple[str, Reply]] = field(default_factory=list)
    failures: dict[str, list[PlatformError]] = field(default_factory=dict)
    delay: float = 0.0

    async def send(
        self, address: str, reply: Reply, workspace: str = "", enterprise: str = ""
    ) -> None:
        if self.delay:
            await asyncio.sleep(self.delay)
        queue = self.failures.get(address)
        if queue:
            raise queue.pop(0)
        self.sent.append((address, reply))

    def addresses(self) -> list[str]:
        return [address for address, _ in self.sent]
