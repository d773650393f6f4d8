"""Fixtures for the end-to-end tests: a Teams app on a loopback Bot Connector, a Slack app on
a loopback Web API, and the log lines the server writes."""

from __future__ import annotations

import io
import logging
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from bots.observability import configure_logging
from tests.fakes.bot_connector import FakeConnector
from tests.fakes.slack_api import fake_slack
from tests.slack_harness import SlackHarness, slack_app
from tests.teams_harness import TeamsHarness, fake_connector, teams_app


@pytest.fixture
def connector() -> Iterator[FakeConnector]:
    with fake_connector() as fake:
        yield fake


@pytest.fixture
async def teams(connector: FakeConnector, tmp_path: Path) -> AsyncIterator[TeamsHarness]:
    async with teams_app(connector, tmp_path / "wc.db") as harness:
        yield harness


@pytest.fixture
async def slack(tmp_path: Path) -> AsyncIterator[SlackHarness]:
    async with fake_slack() as fake, slack_app(fake, tmp_path / "wc.db") as harness:
        yield harness


@pytest.fixture
def captured_logs() -> Iterator[io.StringIO]:
    """Every log line at DEBUG, as the server writes them (SDK loggers held at WARNING)."""
    stream = io.StringIO()
    root = logging.getLogger()
    saved = (root.handlers[:], root.level)
    configure_logging("DEBUG", stream)
    try:
        yield stream
    finally:
        root.handlers[:], level = saved
        root.setLevel(level)


@pytest.fixture
def logs(captured_logs: io.StringIO) -> io.StringIO:
    """The same capture, under the name the Slack error tests use."""
    return captured_logs
