"""Structured JSON logs with a request id, secrets redacted; Prometheus metrics with
aggregate counters only; and the middleware that keeps input errors 4xx."""

from __future__ import annotations

import contextvars
import json
import logging
import re
import sys
import time
import uuid
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

from aiohttp import web
from prometheus_client import CollectorRegistry, Counter, Histogram
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily
from prometheus_client.exposition import generate_latest

from core.services.usage import Usage

REQUEST_ID: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")
# Libraries that log request bodies or SQL parameters (user ids, payloads) at DEBUG.
SDK_LOGGERS = (
    "slack_bolt",
    "slack_sdk",
    "wellcheck.slack.bolt",
    "botbuilder",
    "botframework",
    "msrest",
    "msal",
    "azure",
    "aiosqlite",
    "sqlalchemy",
    "asyncpg",
    "urllib3",
    "requests",
)
_SECRETS = (
    re.compile(r"xox[abposr]-[A-Za-z0-9-]+"),
    re.compile(r"xapp-[A-Za-z0-9-]+"),
    re.compile(r"(?i)(bearer\s+)[A-Za-z0-9._~+/=-]+"),
    re.compile(r"(?i)((?:password|secret|token|signature)[\"']?\s*[:=]\s*[\"']?)[^\s\"',}]+"),
    re.compile(r"(://[^:/@\s]+:)[^@\s]+(@)"),
    re.compile(r"(?i)([?&](?:password|passwd|pwd|pass|sslpassword|secret|token|key)=)[^&\s]+"),
)


def redact(text: str) -> str:
    for pattern in _SECRETS:
        text = pattern.sub(
            lambda m: (
                (m.group(1) if m.groups() else "")
                + "[redacted]"
                + (m.group(2) if m.lastindex == 2 else "")
            ),
            text,
        )
    return text


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
            + f".{int(record.msecs):03d}Z",
            "level": record.levelname,
            "logger": record.name,
            "request_id": REQUEST_ID.get(),
            "message": redact(record.getMessage()),
        }
        if record.exc_info and record.exc_info[0] is not None:
            entry["error"] = record.exc_info[
                0
            ].__name__  # the type only: tracebacks can quote input
        return json.dumps(entry)


def configure_logging(level: str, stream: Any = None) -> None:
    """JSON lines on stderr at `level`; platform SDKs (which log bodies) held at WARNING."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(getattr(logging, level.upper(), logging.INFO))
    for name in SDK_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    logging.getLogger("aiohttp.access").setLevel(logging.WARNING)


class Metrics:
    """One registry per app (no module globals)."""

    def __init__(self, usage: Usage | None, active_subscriptions: Callable[[], int | None]) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "wellcheck_http_requests", "HTTP requests", ["route", "status"], registry=self.registry
        )
        self.latency = Histogram(
            "wellcheck_http_request_seconds",
            "HTTP request latency",
            ["route"],
            registry=self.registry,
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
        )
        self.registry.register(_UsageCollector(usage, active_subscriptions))

    def text(self) -> bytes:
        return generate_latest(self.registry)


# Counters that move with one person's reply: exported in steps of COARSE_STEP, so someone
# who saw "I've sent you a private message" cannot watch a counter move by one.
_PER_REPLY = frozenset({"lookups", "crisis_replies", "concern_replies"})
COARSE_STEP = 5


def coarse(count: int) -> int:
    return count - count % COARSE_STEP


class _UsageCollector:
    def __init__(self, usage: Usage | None, active: Callable[[], int | None]) -> None:
        self._usage = usage
        self._active = active

    def collect(self) -> Iterator[Any]:
        totals = self._usage.totals if self._usage is not None else {}
        families = {
            "lookups": CounterMetricFamily(
                "wellcheck_lookups",
                "Lookups by the category of the best match",
                labels=["category"],
            ),
            "crisis_replies": CounterMetricFamily(
                "wellcheck_crisis_replies", "Replies that led with the crisis lines"
            ),
            "concern_replies": CounterMetricFamily(
                "wellcheck_concern_replies", "Replies on how to help someone else at risk"
            ),
            "deliveries": CounterMetricFamily(
                "wellcheck_deliveries", "Scheduled tips by outcome", labels=["outcome"]
            ),
            "rate_limited": CounterMetricFamily(
                "wellcheck_rate_limited", "429 answers from platforms", labels=["platform"]
            ),
        }
        for (metric, label), count in sorted(totals.items()):
            family = families.get(metric)
            if family is None:
                continue
            if metric in _PER_REPLY:
                count = coarse(count)
            if family.name in ("wellcheck_crisis_replies", "wellcheck_concern_replies"):
                family.add_metric([], count)
            else:
                family.add_metric([label], count)
        yield from families.values()
        active = self._active()
        if active is not None:
            yield GaugeMetricFamily(
                "wellcheck_subscriptions_active", "Officers with tips turned on", value=active
            )


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def middleware(metrics: Metrics) -> Any:
    @web.middleware
    async def observe(request: web.Request, handler: Handler) -> web.StreamResponse:
        REQUEST_ID.set(request.headers.get("X-Request-Id", "")[:64] or uuid.uuid4().hex[:16])
        route = (
            request.match_info.route.resource.canonical
            if request.match_info.route.resource
            else "unmatched"
        )
        started = time.perf_counter()
        status = 500
        try:
            response = await handler(request)
            status = response.status
            return response
        except web.HTTPException as exc:
            status = exc.status
            raise
        except Exception as exc:  # input must never produce a 5xx: answer 400 and log the type
            logging.getLogger("wellcheck.http").error("request failed: %s", type(exc).__name__)
            status = 400
            return web.json_response({"error": "this request could not be processed"}, status=400)
        finally:
            metrics.requests.labels(route, str(status)).inc()
            metrics.latency.labels(route).observe(time.perf_counter() - started)

    return observe
