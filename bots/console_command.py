"""`wellcheck console`: the whole officer experience in a terminal, on the same database as
the server, as platform `console`: lookups, reminders ("subscribe daily at 07:00"), tips
that `wellcheck deliver` sends (shown before the next prompt), and "forget me"."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable

from bots.bootstrap import bootstrap
from bots.database import unreachable
from bots.observability import configure_logging
from bots.settings import Settings
from core.errors import StoreUnavailable


def console(settings: Settings, read_line: Callable[[], str], *, interactive: bool) -> int:
    from adapters.console import run
    from adapters.console_inbox import ConsoleInbox

    configure_logging("WARNING" if settings.log_level == "INFO" else settings.log_level)
    inbox = ConsoleInbox(settings.console_inbox) if settings.console_inbox else None

    async def chat() -> int:
        runtime = await bootstrap(settings, teams=False)
        try:
            arrived = inbox.take if inbox is not None else None
            return await run(
                runtime.responder, read_line, sys.stdout, interactive=interactive, arrived=arrived
            )
        finally:
            await runtime.close()

    try:
        return asyncio.run(chat())
    except StoreUnavailable as exc:
        print(unreachable(settings.database_url, exc), file=sys.stderr)
        return 1
