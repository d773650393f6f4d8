"""One delivery pass: every reminder and channel tip due at or before `now`, once.

Exactly once per recipient and due time: a claim row (recipient, due time) is
written, and the subscription moved on to its next time, in one transaction
before anything is sent. Concurrent passes (replicas, a cron job beside the
server) cannot both win a claim.

A send that certainly did not happen (no connection, no token, refused before it
was accepted, still rate limited after every retry: `NotSent`) is *released*: a
pass at least a minute later claims it again, once, while it is less than an hour
overdue and no later occurrence has come (core.domain.deliveries). A send that may
have happened (a timeout or reset after the request went out, a 5xx) is never
retried, and neither is a claim whose process died before it could say: a doubled
reminder is worse than a late one; the next due time comes as usual.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from core.domain.agency import Agency, TipChannel
from core.domain.deliveries import Claim, Outcome
from core.domain.directory import Directory
from core.domain.identity import Platform
from core.domain.replies import Reply
from core.domain.schedules import latest_until, next_after
from core.domain.tip_order import nth_tip
from core.domain.tips import Tip
from core.errors import NotSent, PlatformError, RateLimited, RecipientGone
from core.services import copy
from core.services.pacing import Pacer, Spacing
from core.services.ports import Clock, DeliveryLedger, Sender
from core.services.usage import DELIVERIES, RATE_LIMITED, Usage

log = logging.getLogger(__name__)

BATCH = 500
FLUSH_EVERY = 200
RATE_LIMIT_RETRIES = 8


def plan(cron: str, timezone: str, now: datetime) -> tuple[datetime, datetime]:
    """Serve the latest missed occurrence (missed ones collapse), then the next after now."""
    return latest_until(cron, timezone, now), next_after(cron, timezone, now)


@dataclass
class Report:
    counts: Counter[str] = field(default_factory=Counter)
    busy: bool = False  # another process was delivering: this pass did nothing
    # how and why sends failed, e.g. ("not sent, released for a later pass", "Slack
    # unreachable: ClientConnectorError"): logged once a pass with a count, not once a tip
    problems: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, outcome: Outcome) -> None:
        self.counts[outcome.value] += 1

    @property
    def sent(self) -> int:
        return self.counts[Outcome.SENT.value]

    def __str__(self) -> str:
        if self.busy:
            return "another process is delivering; nothing done"
        return ", ".join(f"{k} {v}" for k, v in sorted(self.counts.items())) or "nothing due"


@dataclass
class Outlet:
    """A platform's sender with the pace it is held to and how many may be in flight."""

    sender: Sender
    pacer: Pacer
    concurrency: int = 64  # in flight: 64 at 200 ms a round trip still make 300/s
    spacing: Spacing = field(default_factory=lambda: Spacing(0.0))
    limit: asyncio.Semaphore = field(init=False)

    def __post_init__(self) -> None:
        self.limit = asyncio.Semaphore(self.concurrency)


class _Recorder:
    """Writes outcomes in batches: one transaction per FLUSH_EVERY deliveries."""

    def __init__(self, store: DeliveryLedger, clock: Clock) -> None:
        self._store = store
        self._clock = clock
        self._pending: list[tuple[Claim, Outcome]] = []
        self._lock = asyncio.Lock()

    async def add(self, claim: Claim, outcome: Outcome) -> None:
        self._pending.append((claim, outcome))
        if len(self._pending) >= FLUSH_EVERY:
            await self.flush()

    async def flush(self) -> None:
        async with self._lock:
            batch, self._pending = self._pending, []
            if not batch:
                return
            try:
                await self._store.finish_deliveries(batch, self._clock.now())
            except Exception as exc:  # the claims stand; nothing will be sent twice
                log.warning("delivery outcomes not recorded: %s", type(exc).__name__)


class DeliveryPass:
    def __init__(
        self,
        store: DeliveryLedger,
        outlets: Mapping[Platform, Outlet],
        clock: Clock,
        tips: Sequence[Tip],
        directory: Directory,
        agency: Agency,
        usage: Usage | None = None,
    ) -> None:
        self._usage = usage
        self._store = store
        self._outlets = outlets
        self._clock = clock
        self._tips = tuple(tips)
        self._directory = directory
        self.channels: tuple[TipChannel, ...] = agency.tip_channels  # every agency's, when several

    @property
    def outlets(self) -> Mapping[Platform, Outlet]:
        """Where this pass can send, and at what pace."""
        return self._outlets

    async def run(self, at: datetime | None = None, stop: asyncio.Event | None = None) -> Report:
        """Deliver what is due. When `stop` is set, no more is claimed; what was claimed
        is still sent (a SIGTERM mid-pass loses nothing and doubles nothing). One pass at
        a time sends: a pass that finds another running does nothing."""
        if not self._tips:
            return Report()
        async with self._store.one_pass_at_a_time() as mine:
            if not mine:
                log.debug("delivery pass skipped: another process is delivering")
                return Report(busy=True)
            return await self._run(at or self._clock.now(), stop or asyncio.Event())

    async def _run(self, now: datetime, stopping: asyncio.Event) -> Report:
        report = Report()
        await self._store.sync_channels(self.channels, now, plan)
        platforms = tuple(self._outlets)  # only what this pass can send is claimed
        queue: asyncio.Queue[Claim | None] = asyncio.Queue(maxsize=2 * BATCH)
        workers = max(1, sum(c.concurrency for c in self._outlets.values()))
        recorder = _Recorder(self._store, self._clock)

        async def claim_all() -> None:
            try:
                for claim in await self._store.claim_due_channels(now, plan, platforms):
                    await queue.put(claim)
                while not stopping.is_set() and (
                    claims := await self._store.claim_due_subscriptions(now, BATCH, plan, platforms)
                ):
                    for claim in claims:
                        await queue.put(claim)
            finally:
                for _ in range(workers):
                    await queue.put(None)

        async def work() -> None:
            while (claim := await queue.get()) is not None:
                outcome = await self._deliver(claim, report.problems)
                report.add(outcome)
                if self._usage is not None:
                    self._usage.count(DELIVERIES, outcome.value)
                await recorder.add(claim, outcome)

        await asyncio.gather(claim_all(), *(work() for _ in range(workers)))
        await recorder.flush()
        for (outcome, why), count in sorted(report.problems.items()):
            log.warning("%d %s %s: %s", count, "tip" if count == 1 else "tips", outcome, why)
        # every minute on a quiet server: "nothing due" is no news at INFO
        log.log(logging.INFO if report.counts else logging.DEBUG, "delivery pass: %s", report)
        return report

    async def _deliver(self, claim: Claim, problems: Counter[tuple[str, str]]) -> Outcome:
        outlet = self._outlets.get(claim.platform)
        if outlet is None:
            log.warning("no sender for %s; tip not sent", claim.platform.value)
            return Outcome.FAILED
        async with outlet.limit:
            return await self._send(outlet, claim, problems)

    async def _send(
        self, outlet: Outlet, claim: Claim, problems: Counter[tuple[str, str]]
    ) -> Outcome:
        reply = self.tip_reply(claim)
        for _ in range(RATE_LIMIT_RETRIES):
            await outlet.spacing.wait(claim.address)
            await outlet.pacer.acquire()
            try:
                await outlet.sender.send(claim.address, reply, claim.workspace, claim.enterprise)
            except RateLimited as exc:
                outlet.pacer.throttled(exc.retry_after)
                if self._usage is not None:
                    self._usage.count(RATE_LIMITED, claim.platform.value)
                await asyncio.sleep(exc.retry_after)
                continue
            except RecipientGone:
                return Outcome.GONE
            except NotSent as exc:
                problems["not sent, released for a later pass", str(exc)] += 1
                return Outcome.RELEASED
            except PlatformError as exc:  # maybe sent: never again
                problems["maybe not delivered, not retried", str(exc)] += 1
                return Outcome.FAILED
            outlet.pacer.succeeded()
            return Outcome.SENT
        problems["not sent, released for a later pass", "still rate limited"] += 1
        return Outcome.RELEASED  # refused every time: nothing was posted

    def tip_reply(self, claim: Claim) -> Reply:
        tip = nth_tip(self._tips, claim.recipient, claim.tip_number)
        resource = self._directory.get(tip.resource) if tip.resource else None
        return copy.tip_reply(tip, resource, scheduled=True, personal=claim.user_id is not None)
