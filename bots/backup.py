"""`wellcheck backup --out FILE`: a consistent copy of the SQLite database while the bot runs.

SQLite's online backup copies page by page under the database's own locks, so a server
and its delivery loop can keep writing. Postgres is backed up with its own tools
(`pg_dump`); the command says so rather than pretending.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from bots.database import missing, sqlite_file
from bots.settings import Settings

PG_DUMP = 'pg_dump --format=custom --file=wellcheck.dump "$WELLCHECK_DATABASE_URL"'


def backup(settings: Settings, out: Path) -> int:
    source = sqlite_file(settings.database_url)
    if source is None:
        print(
            "wellcheck: backup copies a SQLite database; this bot uses another database. "
            f"Back up Postgres with its own tools, e.g. {PG_DUMP}",
            file=sys.stderr,
        )
        return 1
    if missing(settings.database_url) is not None:
        print(f"wellcheck: no database at {source}: nothing to back up", file=sys.stderr)
        return 1
    if out.is_dir():
        print(f"wellcheck: --out {out} is a folder; name the backup file", file=sys.stderr)
        return 1
    if out.resolve() == source.resolve():
        print("wellcheck: --out is the database itself; name another file", file=sys.stderr)
        return 1
    partial = out.with_name(out.name + ".partial")
    try:
        with sqlite3.connect(source) as db:
            target = sqlite3.connect(partial)
            try:
                db.backup(target)
            finally:
                target.close()
        partial.replace(out)  # a backup file is whole or absent, never half written
    except (sqlite3.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        print(f"wellcheck: backup failed: {exc}", file=sys.stderr)
        return 1
    print(f"backed up {source} to {out} ({out.stat().st_size:,} bytes)")
    return 0
