"""What /api/messages answers: JSON refusals, invoke bodies, and the status of a failed turn."""

from __future__ import annotations

from aiohttp import web
from botbuilder.core import InvokeResponse, serializer_helper  # type: ignore[import-untyped]
from msrest.serialization import Model

from adapters.teams.errors import undelivered


def refusal(status: int, error: str) -> web.Response:
    return web.json_response({"error": error}, status=status)


def failed(error: Exception) -> web.Response:
    """A turn that failed: 503 when the answer did not reach Teams (it redelivers), else 400."""
    if undelivered(error):
        return refusal(503, "answer not delivered; retry")
    return refusal(400, "this activity could not be processed")


def answered(invoke: InvokeResponse | None) -> web.Response:
    """A turn that went through: 200, with the invoke's (or ExpectReplies') body if any.

    Stock CloudAdapter.process serialises an invoke body twice and answers 500.
    """
    if invoke is None:
        return web.Response(status=200)
    body = invoke.body
    if isinstance(body, Model):
        body = serializer_helper(body)
    if body is None:
        return web.Response(status=invoke.status or 200)
    return web.json_response(body, status=invoke.status or 200)
