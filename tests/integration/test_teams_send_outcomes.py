"""Teams connector failures, raised by the real botbuilder/msrest client, sorted into
certainly not sent (NotSent: safe to send again) and maybe sent (PlatformError)."""

from __future__ import annotations

import socket

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from botbuilder.schema import Activity  # type: ignore[import-untyped]
from botframework.connector.aio import ConnectorClient  # type: ignore[import-untyped]
from botframework.connector.auth import MicrosoftAppCredentials  # type: ignore[import-untyped]

from adapters.teams.errors import platform_error
from core.errors import NotSent, PlatformError, RateLimited, RecipientGone


async def _send_to(base_url: str) -> PlatformError:
    client = ConnectorClient(MicrosoftAppCredentials("", ""), base_url=base_url)
    client.config.connection.timeout = 1
    client.config.retry_policy.retries = 0  # msrest would try to connect 3 more times
    try:
        await client.conversations.send_to_conversation("a:1", Activity(type="message", text="x"))
    except Exception as exc:
        return platform_error(exc)
    raise AssertionError("the send should have failed")


async def test_nothing_listening_is_certainly_not_sent() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    assert isinstance(await _send_to(f"http://127.0.0.1:{port}"), NotSent)


async def test_an_unknown_host_is_certainly_not_sent() -> None:
    assert isinstance(await _send_to("http://wellcheck-no-such-host.invalid"), NotSent)


@pytest.mark.parametrize(
    ("status", "kind"),
    [(400, NotSent), (401, NotSent), (429, RateLimited), (404, RecipientGone)],
)
async def test_refusals_below_500(status: int, kind: type[PlatformError]) -> None:
    async def refuse(_request: web.Request) -> web.Response:
        return web.json_response({"error": {"code": "BadArgument"}}, status=status)

    app = web.Application()
    app.router.add_post("/v3/conversations/{cid}/activities", refuse)
    async with TestServer(app) as server:
        assert type(await _send_to(str(server.make_url("")).rstrip("/"))) is kind


@pytest.mark.parametrize("status", [500, 503])
async def test_a_5xx_is_maybe_sent(status: int) -> None:
    async def fail(_request: web.Request) -> web.Response:
        return web.json_response({}, status=status)

    app = web.Application()
    app.router.add_post("/v3/conversations/{cid}/activities", fail)
    async with TestServer(app) as server:
        error = await _send_to(str(server.make_url("")).rstrip("/"))
    assert type(error) is PlatformError


async def test_no_answer_after_the_request_went_out_is_maybe_sent() -> None:
    import asyncio

    async def stall(_request: web.Request) -> web.Response:
        await asyncio.sleep(3)
        return web.json_response({"id": "1"})

    app = web.Application()
    app.router.add_post("/v3/conversations/{cid}/activities", stall)
    async with TestServer(app) as server:
        error = await _send_to(str(server.make_url("")).rstrip("/"))
    assert type(error) is PlatformError
