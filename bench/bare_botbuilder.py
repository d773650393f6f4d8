"""The baseline for bench_teams: a stock botbuilder echo bot (CloudAdapter on aiohttp).

    python bench/bare_botbuilder.py PORT CONNECTOR_URL

Authentication is on, as in WellCheck: ConfigurationBotFrameworkAuthentication checks every
activity's RS256 channel token against the loopback OpenID keys of CONNECTOR_URL (the
fake Bot Connector of tests/fakes/bot_connector.py), and every answer goes back through
the loopback Bot Connector REST API with a bearer token. It is stock botbuilder 4.17 but
for two things:

- the msrest retry-policy patch WellCheck applies (adapters/teams/botbuilder_fixes.py,
  `_build_retry_policies_quickly`): without it every connector client costs ~5 ms of
  CPU and the comparison would say nothing about the rest;
- the bot's outbound token. Stock MicrosoftAppCredentials asks MSAL, which refuses an
  http:// authority and needs AAD's discovery documents, so it cannot authenticate
  against loopback. Here one credential per scope fetches the token from the loopback
  token endpoint once (blocking `requests`, the first time only) and hands it out after
  that: no cheaper than stock's MSAL cache lookup on every send, never dearer.

Everything else (a new ConnectorClient per turn, msrest serialisation, the stock JWT
checks, `requests`-based OpenID metadata) is botbuilder's own.
"""

from __future__ import annotations

import sys
from typing import Any

import requests
from aiohttp import web
from botbuilder.core import ActivityHandler, MessageFactory, TurnContext
from botbuilder.integration.aiohttp import (
    CloudAdapter,
    ConfigurationBotFrameworkAuthentication,
)
from botframework.connector.auth import (
    MicrosoftAppCredentials,
    PasswordServiceClientCredentialFactory,
)
from msrest.universal_http.requests import ClientRetryPolicy

APP_ID = "0b6fe6d1-0000-4000-8000-00000000b07"  # tests/fakes/bot_connector.py
APP_PASSWORD = "test-app-password"
ISSUER = "https://api.botframework.test"
SCOPE = "https://api.botframework.test"


def patch_msrest_retry_policy() -> None:
    """The one WellCheck patch applied here, as in botbuilder_fixes._build_retry_policies_quickly."""
    policy: Any = ClientRetryPolicy
    if not isinstance(policy.safe_codes, frozenset):
        policy.safe_codes = frozenset(policy.safe_codes)


class LoopbackCredentials(MicrosoftAppCredentials):  # type: ignore[misc]
    """A client-credentials token from the loopback endpoint, fetched once."""

    def __init__(self, token_url: str, scope: str) -> None:
        super().__init__(APP_ID, APP_PASSWORD, oauth_scope=scope)
        self._token_url = token_url
        self._token: str | None = None

    def get_access_token(self, force_refresh: bool = False) -> str:
        if self._token is None or force_refresh:
            form = {
                "grant_type": "client_credentials",
                "client_id": APP_ID,
                "client_secret": APP_PASSWORD,
                "scope": f"{self.oauth_scope}/.default",
            }
            answer = requests.post(self._token_url, data=form, timeout=10).json()
            self._token = str(answer["access_token"])
        return self._token


class LoopbackCredentialFactory(PasswordServiceClientCredentialFactory):  # type: ignore[misc]
    def __init__(self) -> None:
        super().__init__(APP_ID, APP_PASSWORD)
        self._credentials: dict[tuple[str, str], LoopbackCredentials] = {}

    async def create_credentials(
        self, app_id: str, oauth_scope: str, login_endpoint: str, validate_authority: bool
    ) -> Any:
        if app_id != APP_ID:
            raise PermissionError("invalid app id")
        token_url = login_endpoint.rstrip("/") + "/oauth2/v2.0/token"
        key = (token_url, oauth_scope)
        if key not in self._credentials:
            self._credentials[key] = LoopbackCredentials(token_url, oauth_scope)
        return self._credentials[key]


class EchoBot(ActivityHandler):  # type: ignore[misc]
    async def on_message_activity(self, turn_context: TurnContext) -> None:
        await turn_context.send_activity(MessageFactory.text(f"Echo: {turn_context.activity.text}"))


def main() -> None:
    port, connector_url = int(sys.argv[1]), sys.argv[2].rstrip("/")
    patch_msrest_retry_policy()

    class Configuration:
        APP_ID = APP_ID
        APP_PASSWORD = APP_PASSWORD
        APP_TYPE = "MultiTenant"
        APP_TENANTID = ""
        TO_CHANNEL_FROM_BOT_LOGIN_URL = f"{connector_url}/botframework.test"
        TO_CHANNEL_FROM_BOT_OAUTH_SCOPE = SCOPE
        TO_BOT_FROM_CHANNEL_TOKEN_ISSUER = ISSUER
        TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL = f"{connector_url}/openid"
        TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL = f"{connector_url}/openid"
        OAUTH_URL = f"{connector_url}/oauth"

    auth = ConfigurationBotFrameworkAuthentication(
        Configuration(), credentials_factory=LoopbackCredentialFactory()
    )
    adapter = CloudAdapter(auth)
    bot = EchoBot()

    async def messages(request: web.Request) -> web.Response:
        return await adapter.process(request, bot)

    app = web.Application()
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/healthz", lambda _r: web.json_response({"status": "ok"}))
    web.run_app(app, host="127.0.0.1", port=port, print=lambda _m: None, access_log=None)


if __name__ == "__main__":
    main()
