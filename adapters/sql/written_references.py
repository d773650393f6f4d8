"""Conversation references this process wrote lately, so an unchanged one is not written again."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable

WRITTEN_FOR_S = 600.0
MAX_ENTRIES = 10_000

Key = tuple[str, str]  # (platform, ref id as stored)


class WrittenReferences:
    """What this process last wrote to `conversations` for each key, and when.

    Teams saves the conversation reference on every message, though it almost never
    changes: `save_conversation` skips the write when this process itself wrote the same
    payload and tenant for the key less than WRITTEN_FOR_S ago. The row can only have gone
    since by `forget me` (the one DELETE on the table), and each way that can happen is
    covered:

    - forgotten in this process: `forget_person` drops the person's entry (before and after
      its DELETE), so their next message writes the reference again at once;
    - forgotten elsewhere (another replica, `wellcheck forget` from a shell): this entry
      lapses after WRITTEN_FOR_S, and the first message after that writes the row again.
      Meanwhile the one thing that needs the row, a reminder, cannot be lost to the stale
      entry: `put_subscription` writes the person's known reference through, in the
      subscription's own transaction; and a second `forget me` in this process writes it
      back before deleting, so the chat's duplicate-check records are still found through
      it. (A lookup in that window leaves no row behind until the entry lapses; nothing
      else reads it.) A reference another replica rewrote meanwhile (a new serviceUrl) is
      caught up the same way, within WRITTEN_FOR_S.

    Bounded (least recently written entries go first), so many conversations cost at most
    MAX_ENTRIES small tuples. A failed write is never recorded: the next message retries.
    `updated_at` in the table is therefore the last write, not the last message.
    """

    def __init__(
        self,
        written_for_s: float = WRITTEN_FOR_S,
        max_entries: int = MAX_ENTRIES,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._written_for_s = written_for_s
        self._max_entries = max_entries
        self._clock = clock
        self._entries: OrderedDict[Key, tuple[str, str, float]] = OrderedDict()

    def unchanged(self, key: Key, payload: str, tenant: str) -> bool:
        """True when this process wrote exactly this for `key` recently enough to trust it."""
        entry = self._entries.get(key)
        if entry is None:
            return False
        if self._clock() - entry[2] >= self._written_for_s:
            del self._entries[key]
            return False
        return entry[0] == payload and entry[1] == tenant

    def wrote(self, key: Key, payload: str, tenant: str) -> None:
        self._entries[key] = (payload, tenant, self._clock())
        self._entries.move_to_end(key)
        while len(self._entries) > self._max_entries:
            self._entries.popitem(last=False)

    def known(self, key: Key) -> tuple[str, str] | None:
        """The payload and tenant last written for `key`, if not lapsed (for write-through)."""
        entry = self._entries.get(key)
        if entry is None or self._clock() - entry[2] >= self._written_for_s:
            return None
        return entry[0], entry[1]

    def drop(self, key: Key) -> None:
        self._entries.pop(key, None)

    def drop_tenant(self, platform: str, tenant: str) -> None:
        """Forget every entry of one tenant (its rows were deleted: a workspace left)."""
        for key in [k for k, e in self._entries.items() if k[0] == platform and e[1] == tenant]:
            del self._entries[key]
