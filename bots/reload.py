"""Reading the agency files again while serving (SIGHUP): every agency's directory and
search are built off the event loop, then swapped in one step, so no request is dropped or
answered half by the old files. A folder with an error changes nothing: the last good
version stays, and each problem is logged as FILE:LINE."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import AsyncIterator, Awaitable, Callable

from aiohttp import web

from core.errors import DataError

log = logging.getLogger(__name__)

Reload = Callable[[], Awaitable[bool]]


def reload_on_sighup(
    reload: Reload, done: Callable[[], None]
) -> Callable[[web.Application], AsyncIterator[None]]:
    """An aiohttp cleanup context: SIGHUP runs `reload` (one at a time; a SIGHUP during a
    reload runs it once more after), then `done` when it took."""

    async def context(_app: web.Application) -> AsyncIterator[None]:
        loop = asyncio.get_running_loop()
        wanted = asyncio.Event()

        async def worker() -> None:
            while True:
                await wanted.wait()
                wanted.clear()
                if await _safely(reload):
                    done()

        task = asyncio.create_task(worker())
        try:
            loop.add_signal_handler(signal.SIGHUP, wanted.set)
        except (NotImplementedError, RuntimeError):  # not the main thread, or not Unix
            log.info("SIGHUP reload unavailable here: restart to read the agency files again")
        try:
            yield
        finally:
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.remove_signal_handler(signal.SIGHUP)
            task.cancel()

    return context


async def _safely(reload: Reload) -> bool:
    try:
        return await reload()
    except DataError as exc:
        for problem in exc.problems:
            log.error("%s", problem)
        log.error(
            "agency files not reloaded (%d errors): still serving the last good version",
            len(exc.problems),
        )
    except Exception as exc:  # a reload must never take the server down
        log.error("agency files not reloaded: %s", type(exc).__name__)
    return False
