"""A loopback Microsoft: Bot Connector REST API (v3), the AAD token endpoint and the
OpenID metadata and keys that inbound tokens are checked against.

It runs on its own thread and event loop, as the real service does: a blocking call in
the bot (stock botbuilder fetches OpenID metadata with `requests` on the event loop) can
slow the bot down but never deadlock it against its own fake.
"""

from __future__ import annotations

import asyncio
import functools
import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import jwt
from aiohttp import web
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from adapters.teams.config import TeamsConfig

ISSUER = "https://api.botframework.test"
SCOPE = "https://api.botframework.test"
APP_ID = "0b6fe6d1-0000-4000-8000-00000000b07"
APP_PASSWORD = "test-app-password"
KEY_ID = "wellcheck-test-key"


@dataclass
class Sent:
    method: str
    path: str
    body: dict[str, Any]
    authorization: str | None
    at: float


@dataclass
class Canned:
    status: int
    body: dict[str, Any] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)


@functools.cache
def _process_key() -> rsa.RSAPrivateKey:
    return new_key()


def new_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


class FakeConnector:
    def __init__(self) -> None:
        # one key for every fake in the process: botbuilder caches signing keys per metadata
        # URL for a day, and a later fake may get an earlier one's port (and so its URL)
        self.key = _process_key()
        self.sent: list[Sent] = []
        self.tokens_issued = 0
        self.endorsements = ["msteams", "emulator", "webchat"]  # [] serves a key endorsing none
        self.queued: dict[str, list[Canned]] = {}
        self._ids = itertools.count(1)
        self.port = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._runner: web.AppRunner | None = None

    # -- for tests ---------------------------------------------------------------------
    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def service_url(self) -> str:
        return self.url + "/"

    def env(self) -> dict[str, str]:
        """The environment (MICROSOFT_* and WELLCHECK_TEAMS_*) that points the bot at this fake."""
        return {
            "MICROSOFT_APP_ID": APP_ID,
            "MICROSOFT_APP_PASSWORD": APP_PASSWORD,
            "MICROSOFT_TO_CHANNEL_FROM_BOT_LOGIN_URL": f"{self.url}/botframework.test",
            "MICROSOFT_TO_CHANNEL_FROM_BOT_OAUTH_SCOPE": SCOPE,
            "MICROSOFT_TO_BOT_FROM_CHANNEL_TOKEN_ISSUER": ISSUER,
            "MICROSOFT_TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL": f"{self.url}/openid",
            "MICROSOFT_TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL": f"{self.url}/openid",
            "MICROSOFT_OAUTH_URL": f"{self.url}/oauth",
            "WELLCHECK_TEAMS_EXTRA_SERVICE_HOSTS": "127.0.0.1",  # this fake is the Bot Connector
        }

    def teams_config(self) -> TeamsConfig:
        """The Teams settings the bot reads from that environment."""
        return TeamsConfig.from_env(self.env())

    def mint(
        self,
        *,
        key: rsa.RSAPrivateKey | None = None,
        audience: str = APP_ID,
        issuer: str = ISSUER,
        service_url: str | None = None,
        lifetime: int = 3600,
    ) -> str:
        """A channel token as the Bot Framework issues it (RS256, kid, aud = the bot)."""
        now = int(time.time())
        claims = {
            "iss": issuer,
            "aud": audience,
            "serviceurl": service_url or self.service_url,
            "nbf": now - 10,
            "iat": now - 10,
            "exp": now + lifetime,
        }
        return jwt.encode(claims, key or self.key, algorithm="RS256", headers={"kid": KEY_ID})

    def fail_next(self, route: str, *canned: Canned) -> None:
        """Queue answers for a route: 'create', 'send' (to or reply in a conversation) or 'token'."""
        self.queued.setdefault(route, []).extend(canned)

    def messages(self) -> list[Sent]:
        return [s for s in self.sent if s.method in ("send", "reply")]

    def texts(self) -> str:
        return json.dumps([s.body for s in self.sent])

    # -- the wire ----------------------------------------------------------------------
    def _app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/v3/conversations", self._create)
        app.router.add_post(r"/v3/conversations/{cid}/activities", self._send)
        app.router.add_post(r"/v3/conversations/{cid}/activities/{aid}", self._reply)
        app.router.add_post(r"/{tenant}/oauth2/v2.0/token", self._token)
        app.router.add_get("/openid", self._openid)
        app.router.add_get("/keys", self._keys)
        return app

    def _canned(self, route: str) -> web.Response | None:
        queue = self.queued.get(route)
        if queue:
            canned = queue.pop(0)
            return web.json_response(canned.body, status=canned.status, headers=canned.headers)
        return None

    async def _record(self, request: web.Request, method: str) -> dict[str, Any]:
        body = await request.json()
        self.sent.append(
            Sent(method, request.path, body, request.headers.get("Authorization"), time.monotonic())
        )
        return body

    async def _create(self, request: web.Request) -> web.Response:
        await self._record(request, "create")
        return self._canned("create") or web.json_response(
            {"id": f"a:1on1-{next(self._ids)}", "activityId": "1"}
        )

    async def _send(self, request: web.Request) -> web.Response:
        await self._record(request, "send")
        return self._canned("send") or web.json_response({"id": str(next(self._ids))})

    async def _reply(self, request: web.Request) -> web.Response:
        await self._record(request, "reply")
        return self._canned("send") or web.json_response({"id": str(next(self._ids))})

    async def _token(self, request: web.Request) -> web.Response:
        form = await request.post()
        canned = self._canned("token")
        if canned is not None:
            return canned
        if form.get("client_id") != APP_ID or form.get("client_secret") != APP_PASSWORD:
            return web.json_response({"error": "invalid_client"}, status=401)
        self.tokens_issued += 1
        return web.json_response(
            {
                "token_type": "Bearer",
                "expires_in": 3600,
                "access_token": f"bot-token-{self.tokens_issued}",
            }
        )

    async def _openid(self, _request: web.Request) -> web.Response:
        return web.json_response(
            {
                "issuer": ISSUER,
                "jwks_uri": f"{self.url}/keys",
                "id_token_signing_alg_values_supported": ["RS256"],
            }
        )

    async def _keys(self, _request: web.Request) -> web.Response:
        jwk = json.loads(RSAAlgorithm.to_jwk(self.key.public_key()))
        jwk.update({"kid": KEY_ID, "use": "sig"})
        if self.endorsements:
            jwk["endorsements"] = self.endorsements
        return web.json_response({"keys": [jwk]})

    # -- lifecycle (own thread) ----------------------------------------------------------
    def start(self) -> None:
        ready = threading.Event()

        def run() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            self._runner = web.AppRunner(self._app(), access_log=None)
            loop.run_until_complete(self._runner.setup())
            site = web.TCPSite(self._runner, "127.0.0.1", 0)
            loop.run_until_complete(site.start())
            self.port = self._runner.addresses[0][1]
            ready.set()
            loop.run_forever()
            loop.run_until_complete(self._runner.cleanup())
            loop.close()

        self._thread = threading.Thread(target=run, name="fake-bot-connector", daemon=True)
        self._thread.start()
        ready.wait(10)

    def stop(self) -> None:
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(10)
