"""Operator commands that work on the database: stats, forget, deliver.

Each runs against what bots/bootstrap wires; a database that is down is a one-line message
and exit 1, not a traceback.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

from bots.bootstrap import Runtime, bootstrap
from bots.database import missing, unreachable
from bots.observability import configure_logging
from bots.settings import Settings
from core.domain.identity import Platform
from core.errors import StoreUnavailable
from core.services.copy import forgotten
from core.services.usage import suppressed, week_of


def stats(settings: Settings, weeks: int, agency: str | None = None) -> int:
    return _with_runtime(settings, lambda runtime: _stats(runtime, weeks, agency))


def forget(settings: Settings, platform: str, user: str) -> int:
    return _with_runtime(settings, lambda runtime: _forget(runtime, platform, user))


def forget_workspace(settings: Settings, platform: str, workspace: str) -> int:
    """Every row about the people of one Slack workspace or Teams tenant (an agency left)."""

    async def work(runtime: Runtime) -> int:
        count = await runtime.store.forget_workspace(Platform(platform), workspace)
        print(f"deleted {count} rows about the people of {platform} {workspace}")
        return 0

    return _with_runtime(settings, work)


def deliver(settings: Settings, at: datetime | None) -> int:
    return _with_runtime(settings, lambda runtime: _deliver_once(runtime, at), teams=True)


def _with_runtime(
    settings: Settings, work: Callable[[Runtime], Awaitable[int]], *, teams: bool = False
) -> int:
    configure_logging(settings.log_level)
    absent = missing(settings.database_url)
    if absent is not None:
        print(
            f"wellcheck: no database at {absent}: nothing has been stored there. Set "
            "WELLCHECK_DATABASE_URL to the database the bot uses (see the README).",
            file=sys.stderr,
        )
        return 1

    async def run() -> int:
        runtime = await bootstrap(settings, teams=teams)
        try:
            return int(await work(runtime))
        except StoreUnavailable as exc:
            print(unreachable(settings.database_url, exc), file=sys.stderr)
            return 1
        finally:
            await runtime.close()

    return asyncio.run(run())


async def _stats(runtime: Runtime, weeks: int, agency: str | None) -> int:
    """Without `agency`, the sums across every agency; with it, that agency's counts only
    (subscriptions are not kept per agency: their line is left out)."""
    known = runtime.catalogue.agencies
    if agency is not None and agency not in known:
        ids = ", ".join(sorted(a for a in known if a))
        why = f"its agencies are {ids}" if ids else "WELLCHECK_AGENCIES_DIR is not set"
        print(f"wellcheck: no agency {agency!r} in this deployment: {why}", file=sys.stderr)
        return 1
    since = week_of(runtime.clock.now() - timedelta(weeks=max(weeks - 1, 0)))
    rows = await runtime.store.usage_rows(since, agency)
    if agency is not None:
        scope = f" for agency {agency or '(the one agency)'}"
    else:
        scope = ", all agencies together" if runtime.catalogue.multi else ""
    print(f"WellCheck usage{scope} since {since} (counts under 5 are shown as <5)")
    print(f"{'week':9} {'metric':16} {'label':20} count")
    for week, metric, label, count in rows:
        print(f"{week:9} {metric:16} {label or '-':20} {suppressed(count)}")
    if agency is None:
        active = await runtime.store.count_active_subscriptions()
        print(f"subscriptions active now: {suppressed(active)}")
    return 0


async def _forget(runtime: Runtime, platform: str, user: str) -> int:
    assert runtime.forgetter is not None
    removed = await runtime.forgetter.forget(Platform(platform), user)
    print(forgotten(removed))
    return 0


async def _deliver_once(runtime: Runtime, at: datetime | None) -> int:
    # the command prints the pass's report: the pass's own log line would say it twice
    logging.getLogger("core.services.tip_delivery").setLevel(logging.WARNING)
    report = await runtime.delivery.run(at)
    print(f"delivery pass: {report}")
    return 0
