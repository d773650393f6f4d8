"""What the admin reads: counts that say none when there are none, plurals that fit, and a
quiet delivery log when nothing is due."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import pytest

from core.datafiles.loader import Bundle
from core.domain.agency import Agency
from core.services.copy import forgotten
from core.services.tip_delivery import DeliveryPass
from core.services.usage import suppressed
from tests.fakes.clock import FakeClock
from tests.fakes.memory_store import MemoryStore


def test_zero_is_shown_as_zero_and_small_counts_are_hidden() -> None:
    assert [suppressed(n) for n in (0, 1, 4, 5, 12)] == ["0", "<5", "<5", "5", "12"]


def test_forget_counts_read_as_english() -> None:
    said = forgotten({"reminder settings": 1, "delivery records": 2, "chat references": 0})
    assert said.startswith("Deleted: 1 reminder setting, 2 delivery records.")


async def test_a_pass_with_nothing_due_logs_below_info(
    caplog: pytest.LogCaptureFixture, bundle: Bundle
) -> None:
    clock = FakeClock(datetime(2026, 11, 27, 12, tzinfo=UTC))
    delivery = DeliveryPass(MemoryStore(), {}, clock, bundle.tips, bundle.directory, Agency())
    with caplog.at_level(logging.DEBUG, logger="core.services.tip_delivery"):
        await delivery.run()
    (record,) = [r for r in caplog.records if "delivery pass" in r.getMessage()]
    assert record.levelno == logging.DEBUG and "nothing due" in record.getMessage()
