"""`wellcheck serve`: the web server in the foreground, saying where it listens, and a
port already taken or a database that is down as one line, not a traceback."""

from __future__ import annotations

import gc
import sys
from collections.abc import Awaitable
from typing import Any

from bots.settings import Settings
from core.errors import StoreUnavailable


def listening(settings: Settings, where: str) -> None:
    from bots.observability import redact

    parts = [f"health {where}/healthz"]
    if settings.slack_enabled:
        parts.append(f"Slack {where}/slack/events")
    if settings.slack_enabled and settings.slack_distribution:
        parts.append(f"Add to Slack {where}/slack/install")
    if settings.teams_enabled:
        parts.append(f"Teams {where}/api/messages")
    print(
        f"wellcheck: listening on {where} ({', '.join(parts)}); "
        f"database {redact(settings.database_url)}",
        file=sys.stderr,
        flush=True,
    )


async def _frozen(app: Awaitable[Any]) -> Any:
    """The app, with everything built for it (the agencies' directories and search indexes,
    hundreds of MB with many agencies) moved out of the garbage collector's sight: it lives
    as long as the process, and full collections would otherwise walk it (long pauses)."""
    built = await app
    gc.freeze()
    return built


def serve(settings: Settings, host: str, port: int, *, scheduler: bool) -> int:
    from aiohttp import web

    from adapters.loopback import is_loopback_host
    from bots.database import unreachable
    from bots.observability import configure_logging as configure
    from bots.server import create_app

    configure(settings.log_level)
    for problem in settings.problems():
        print(f"wellcheck: {problem}", file=sys.stderr)
        return 2
    if settings.teams.local and not is_loopback_host(host):
        print(
            f"wellcheck: refusing WELLCHECK_TEAMS_LOCAL=1 on {host}: unauthenticated Teams "
            "(Bot Framework Emulator) mode is for loopback only. Use --host 127.0.0.1, or set "
            "MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD instead.",
            file=sys.stderr,
        )
        return 2
    if not settings.teams_enabled and not settings.slack_enabled:
        if not is_loopback_host(host):
            print(
                f"wellcheck: refusing to listen on {host}: neither Slack nor Teams is configured "
                "(see the README), and local Teams mode is for loopback only",
                file=sys.stderr,
            )
            return 2
        print(
            "wellcheck: neither Slack nor Teams is configured: serving health only "
            "(WELLCHECK_TEAMS_LOCAL=1 turns on the Bot Framework Emulator mode)",
            file=sys.stderr,
        )
    where = f"http://{host}:{port}"
    try:
        web.run_app(
            _frozen(create_app(settings, deliver=scheduler)),
            host=host,
            port=port,
            print=lambda _msg: listening(settings, where),
        )
    except OSError as exc:  # the port taken, or an address this machine does not have
        reason = exc.strerror or str(exc)
        print(f"wellcheck: cannot listen on {where}: {reason} (try --port)", file=sys.stderr)
        return 1
    except StoreUnavailable as exc:
        print(unreachable(settings.database_url, exc), file=sys.stderr)
        return 1
    return 0
