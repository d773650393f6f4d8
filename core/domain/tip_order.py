"""Each recipient walks through the tips in an order of their own, without repeats
until every tip has been seen, then in a fresh order."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence

from core.domain.tips import Tip


def nth_tip(tips: Sequence[Tip], recipient: str, n: int) -> Tip:
    """The tip for a recipient's n-th delivery (0-based): a per-cycle shuffle."""
    cycle, position = divmod(n, len(tips))
    seed = hashlib.sha256(f"{recipient}/{cycle}".encode()).digest()
    order = list(range(len(tips)))
    random.Random(seed).shuffle(order)
    return tips[order[position]]
