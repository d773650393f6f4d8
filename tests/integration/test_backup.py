"""`wellcheck backup`: a copy of the SQLite database that opens with everything in it."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from adapters.sql import open_store
from bots.backup import backup
from bots.settings import Settings
from core.domain.identity import Platform
from tests.deliveries import NOW, sub


async def test_a_backup_taken_while_the_store_is_open_has_everything(tmp_path: Path) -> None:
    db = tmp_path / "wellcheck.db"
    store = await open_store(f"sqlite:///{db}")
    try:
        await store.put_subscription(sub(1), NOW - timedelta(days=1))
        out = tmp_path / "backups" / "wc.db"
        out.parent.mkdir()
        assert backup(Settings(database_url=f"sqlite:///{db}"), out) == 0  # store still open
    finally:
        await store.close()
    copy = await open_store(f"sqlite:///{out}")
    try:
        assert await copy.get_subscription(Platform.SLACK, "U00001") is not None
    finally:
        await copy.close()
    assert not list(out.parent.glob("*.partial"))


@pytest.mark.parametrize(
    ("url", "out", "says"),
    [
        ("postgresql://wc@db/wellcheck", "b.db", "pg_dump"),
        ("sqlite:///{tmp}/absent.db", "b.db", "no database at"),
        ("sqlite:///{tmp}/wc.db", ".", "is a folder"),
        ("sqlite:///{tmp}/wc.db", "wc.db", "the database itself"),
    ],
)
async def test_what_cannot_be_backed_up_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], url: str, out: str, says: str
) -> None:
    store = await open_store(f"sqlite:///{tmp_path / 'wc.db'}")
    await store.ping()
    await store.close()
    settings = Settings(database_url=url.format(tmp=tmp_path))
    assert backup(settings, tmp_path / out) == 1
    err = capsys.readouterr().err
    assert says in err and err.count("\n") == 1 and err.startswith("wellcheck: ")
