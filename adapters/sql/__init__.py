"""The SQL store: SQLAlchemy 2 async Core, one code path for SQLite and Postgres."""

from adapters.sql.engine import connect_store, open_store
from adapters.sql.store import SqlStore

__all__ = ["SqlStore", "connect_store", "open_store"]
