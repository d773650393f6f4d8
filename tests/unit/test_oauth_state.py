"""The signed OAuth state of "Add to Slack" (adapters/slack/oauth_state.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from adapters.slack.oauth_state import SignedStateStore
from core.errors import ConfigError

SECRET = "0123456789abcdef0123456789abcdef-state"
ISSUED = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.at = ISSUED

    def __call__(self) -> datetime:
        return self.at


async def test_a_fresh_state_is_accepted() -> None:
    clock = Clock()
    store = SignedStateStore(SECRET, clock)
    state = await store.async_issue()
    assert (
        state.count(".") == 2 and state.replace(".", "").replace("-", "").replace("_", "").isalnum()
    )
    assert await store.async_consume(state)
    clock.at = ISSUED + timedelta(minutes=10)
    assert await store.async_consume(state)
    assert await store.async_issue() != state


async def test_an_expired_state_is_refused() -> None:
    clock = Clock()
    store = SignedStateStore(SECRET, clock)
    state = await store.async_issue()
    clock.at = ISSUED + timedelta(minutes=10, seconds=1)
    assert not await store.async_consume(state)
    clock.at = ISSUED - timedelta(minutes=5)  # issued "in the future": not by this clock
    assert not await store.async_consume(state)


async def test_a_tampered_state_is_refused() -> None:
    store = SignedStateStore(SECRET, Clock())
    nonce, issued, signature = (await store.async_issue()).split(".")
    later = str(int(issued) + 3600)
    flipped = ("A" if signature[0] != "A" else "B") + signature[1:]
    for forged in (
        f"{nonce}.{later}.{signature}",
        f"{nonce}x.{issued}.{signature}",
        f"{nonce}.{issued}.{flipped}",
        f"{nonce}.{issued}.",
        f"{nonce}.{issued}",
        f"{nonce}.{issued}.{signature}.",
        f"{nonce}.١٢٣.{signature}",
        "",
        "not a state",
    ):
        assert not await store.async_consume(forged), forged


async def test_a_state_signed_with_another_secret_is_refused() -> None:
    clock = Clock()
    state = await SignedStateStore(SECRET + "-other", clock).async_issue()
    assert not await SignedStateStore(SECRET, clock).async_consume(state)


def test_a_short_secret_is_refused() -> None:
    for weak in ("", "short", "x" * 31):
        with pytest.raises(ConfigError, match="SLACK_STATE_SECRET"):
            SignedStateStore(weak)
