"""The one place database failures become the core's StoreUnavailable."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import SQLAlchemyError

from core.errors import StoreUnavailable

_DRIVER_MODULES = ("asyncpg", "aiosqlite", "sqlite3")


def is_down(exc: BaseException) -> bool:
    """A failure of the database or the way to it (not a bug in our own code)."""
    if isinstance(exc, SQLAlchemyError | sqlite3.Error | OSError | ConnectionError | TimeoutError):
        return True
    return type(exc).__module__.startswith(_DRIVER_MODULES)


@contextmanager
def unavailable(message: str = "the database is not answering") -> Iterator[None]:
    """Re-raise database failures inside the block as StoreUnavailable(message)."""
    try:
        yield
    except StoreUnavailable:
        raise
    except Exception as exc:
        if is_down(exc):
            raise StoreUnavailable(f"{message}: {type(exc).__name__}") from exc
        raise
