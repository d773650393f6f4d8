"""A loopback Slack: the Web API and response_url hooks, recording every call.

The real `AsyncWebClient` points at it through SLACK_API_URL. Failures can be
queued per method (429 with Retry-After, 500s, `ok: false` errors).
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode

from aiohttp import web
from aiohttp.test_utils import TestServer


@dataclass
class Call:
    method: str
    args: dict[str, Any]
    at: float
    token: str = ""  # the bearer token the call was made with


@dataclass(frozen=True)
class Workspace:
    """A workspace (or, team "" with an enterprise, a Grid org) that can install the app."""

    team_id: str
    bot_token: str
    enterprise_id: str = ""
    name: str = "Lakeside PD"

    @property
    def org_wide(self) -> bool:
        return not self.team_id


@dataclass
class Canned:
    status: int = 200
    body: dict[str, Any] | None = None
    headers: dict[str, str] = field(default_factory=dict)


class FakeSlack:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.hooks: list[dict[str, Any]] = []
        self.queued: dict[str, list[Canned]] = {}
        self.users: dict[str, dict[str, Any]] = {}
        self._ts = itertools.count(1)
        self.server: TestServer | None = None
        self.socket_envelopes: list[dict[str, Any]] = []  # sent over Socket Mode on connect
        self.socket_acks: list[dict[str, Any]] = []
        self.codes: dict[str, Workspace] = {}  # OAuth codes oauth.v2.access exchanges
        self.bots: dict[str, Workspace] = {}  # bot tokens auth.test answers for

    # -- test helpers ---------------------------------------------------------------
    @property
    def api_url(self) -> str:
        assert self.server is not None
        return str(self.server.make_url("/api/"))

    def hook_url(self, name: str = "cmd") -> str:
        assert self.server is not None
        return str(self.server.make_url(f"/hooks/{name}"))

    def named(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    def workspace(self, code: str, workspace: Workspace) -> None:
        """`code` is what Slack would hand the installer's browser for `workspace`."""
        self.codes[code] = workspace
        self.bots[workspace.bot_token] = workspace

    def sent_with(self, token: str) -> list[Call]:
        return [c for c in self.calls if c.token == token]

    def fail_next(self, method: str, *canned: Canned) -> None:
        self.queued.setdefault(method, []).extend(canned)

    def everything_sent(self) -> str:
        """Every payload the bot sent, as one string (for leak and escaping checks)."""
        return json.dumps([c.args for c in self.calls] + self.hooks)

    # -- the wire -------------------------------------------------------------------
    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/api/{method}", self._api)
        app.router.add_post("/hooks/{name}", self._hook)
        app.router.add_get("/socket", self._socket)
        return app

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        """Socket Mode: hello, then each queued envelope; collect the acks."""
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        await ws.send_json({"type": "hello", "num_connections": 1})
        for envelope in self.socket_envelopes:
            await ws.send_json(envelope)
        async for message in ws:
            if message.type == web.WSMsgType.TEXT:
                self.socket_acks.append(json.loads(message.data))
        return ws

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        raw = await request.text()
        if request.content_type == "application/json":
            args = json.loads(raw or "{}")
        else:
            args = dict(parse_qsl(raw))
        for key in ("blocks", "view"):
            if isinstance(args.get(key), str):
                args[key] = json.loads(args[key])
        bearer = request.headers.get("Authorization", "")
        token = bearer[len("Bearer ") :] if bearer.startswith("Bearer ") else args.get("token", "")
        self.calls.append(Call(method, args, time.monotonic(), str(token)))
        queue = self.queued.get(method)
        if queue:
            canned = queue.pop(0)
            return web.json_response(
                canned.body or {"ok": False}, status=canned.status, headers=canned.headers
            )
        return web.json_response(self._answer(method, args, str(token)))

    def _answer(self, method: str, args: dict[str, Any], token: str = "") -> dict[str, Any]:
        ts = f"1764160000.{next(self._ts):06d}"
        if method == "oauth.v2.access" and args.get("code") is not None:
            return _access(self.codes.get(str(args["code"])))
        if method == "auth.test" and token in self.bots:
            known = self.bots[token]
            return {
                "ok": True,
                "user_id": f"UB{known.team_id or known.enterprise_id}",
                "bot_id": f"B{known.team_id or known.enterprise_id}",
                "team_id": known.team_id or None,
                "enterprise_id": known.enterprise_id or None,
                "is_enterprise_install": known.org_wide,
                "user": "wellcheck",
            }
        if method == "auth.test":
            return {
                "ok": True,
                "user_id": "U0BOT",
                "bot_id": "B0BOT",
                "team_id": "T0WC",
                "user": "wellcheck",
            }
        if method == "chat.postMessage":
            return {"ok": True, "channel": args.get("channel"), "ts": ts}
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": ts}
        if method == "users.info":
            user = self.users.get(args.get("user", ""))
            return {"ok": True, "user": user} if user else {"ok": False, "error": "user_not_found"}
        if method == "apps.connections.open":
            assert self.server is not None
            return {
                "ok": True,
                "url": str(self.server.make_url("/socket")).replace("http", "ws", 1),
            }
        if method == "conversations.open":
            return {"ok": True, "channel": {"id": "D" + str(args.get("users", "X"))[1:]}}
        return {"ok": True}

    async def _hook(self, request: web.Request) -> web.Response:
        self.hooks.append(await request.json())
        return web.Response(text="ok")


def _access(workspace: Workspace | None) -> dict[str, Any]:
    """oauth.v2.access for an install, shaped like Slack's (bot token, team, enterprise)."""
    if workspace is None:
        return {"ok": False, "error": "invalid_code"}
    ids = workspace.team_id or workspace.enterprise_id
    return {
        "ok": True,
        "app_id": "A0WELLCHECK",
        "authed_user": {"id": f"UADMIN{ids}"},
        "scope": "commands,chat:write,im:history,im:write,app_mentions:read,users:read",
        "token_type": "bot",
        "access_token": workspace.bot_token,
        "bot_user_id": f"UB{ids}",
        "team": {"id": workspace.team_id, "name": workspace.name} if workspace.team_id else None,
        "enterprise": (
            {"id": workspace.enterprise_id, "name": "State Grid"}
            if workspace.enterprise_id
            else None
        ),
        "is_enterprise_install": workspace.org_wide,
    }


@asynccontextmanager
async def fake_slack() -> AsyncIterator[FakeSlack]:
    fake = FakeSlack()
    server = TestServer(fake.app(), host="127.0.0.1")
    await server.start_server()
    fake.server = server
    try:
        yield fake
    finally:
        await server.close()


def sign(secret: str, body: str, timestamp: int | None = None) -> dict[str, str]:
    """Headers exactly as Slack signs a request: v0:{timestamp}:{raw body}, HMAC-SHA256."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": f"v0={digest}"}


def form(fields: dict[str, str]) -> str:
    return urlencode(fields)
