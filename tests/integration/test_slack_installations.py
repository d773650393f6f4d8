"""Slack installations sealed at rest (adapters/slack/installations.py) on every store: the
in-memory fake, SQLite and Postgres; bolt's own authorize and token rotator against them."""

from __future__ import annotations

import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from cryptography.fernet import Fernet, InvalidToken
from slack_bolt.authorization.async_authorize import AsyncInstallationStoreAuthorize
from slack_bolt.context.async_context import AsyncBoltContext
from slack_sdk.oauth.installation_store.models.installation import Installation
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.installations import SealedInstallationStore
from core.domain.installations import InstallationKey
from core.errors import ConfigError, StoreError, TokenKeyError
from tests.fakes.memory_store import MemoryStore
from tests.fakes.slack_api import Canned, fake_slack
from tests.stores import ALL_STORES, any_store, sql_store

KEY = Fernet.generate_key().decode()
NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


def _install(team: str | None = "T1", user: str = "U1", **changes: Any) -> Installation:
    values: dict[str, Any] = {
        "app_id": "A1",
        "enterprise_id": None,
        "team_id": team,
        "team_name": "Precinct",
        "bot_token": f"xoxb-{team}-bot",
        "bot_id": "B1",
        "bot_user_id": "UBOT",
        "bot_scopes": "chat:write,im:history",
        "user_id": user,
        "user_token": f"xoxp-{team}-{user}",
        "user_scopes": "identify",
        "installed_at": 1_764_000_000.5,
    }
    return Installation(**{**values, **changes})


@pytest.mark.parametrize("kind", ALL_STORES)
async def test_an_installation_comes_back_as_it_went_in(kind: str, tmp_path: Path) -> None:
    async with any_store(kind, tmp_path) as book:
        store = SealedInstallationStore(book, KEY)
        saved = _install(bot_refresh_token="xoxe-1-r", bot_token_expires_at=1_800_000_000)
        await store.async_save(saved)
        found = await store.async_find_installation(enterprise_id=None, team_id="T1")
        assert found is not None and found.to_dict() == saved.to_dict()
        mine = await store.async_find_installation(enterprise_id=None, team_id="T1", user_id="U1")
        assert mine is not None and mine.user_token == "xoxp-T1-U1"
        assert mine.bot_token == "xoxb-T1-bot" and mine.bot_refresh_token == "xoxe-1-r"
        bot = await store.async_find_bot(enterprise_id=None, team_id="T1")
        assert bot is not None and bot.to_dict() == saved.to_bot().to_dict()
        assert bot.bot_token_expires_at == 1_800_000_000
        assert await store.async_find_installation(enterprise_id=None, team_id="T2") is None
        assert (
            await store.async_find_installation(enterprise_id=None, team_id="T1", user_id="U9")
            is None
        )


async def test_the_table_holds_no_token_in_clear(tmp_path: Path) -> None:
    async with sql_store("sqlite", tmp_path) as db:
        store = SealedInstallationStore(db, KEY)
        await store.async_save(_install(bot_refresh_token="xoxe-1-refresh"))
        with sqlite3.connect(tmp_path / "wellcheck.db") as raw:
            rows = raw.execute(
                "SELECT enterprise_id, team_id, user_id, sealed FROM slack_installations"
            ).fetchall()
        raw.close()
    assert sorted(r[:3] for r in rows) == [("", "T1", ""), ("", "T1", "U1")]
    files = b"".join(p.read_bytes() for p in tmp_path.glob("wellcheck.db*"))
    for secret in ("xoxb-", "xoxp-", "xoxe-", "chat:write"):
        assert all(secret not in sealed for *_, sealed in rows)
        assert secret.encode() not in files


@pytest.mark.parametrize("kind", ALL_STORES)
async def test_a_wrong_key_is_a_clear_error(kind: str, tmp_path: Path) -> None:
    async with any_store(kind, tmp_path) as book:
        await SealedInstallationStore(book, KEY).async_save(_install())
        other = SealedInstallationStore(book, Fernet.generate_key().decode())
        with pytest.raises(TokenKeyError, match="WELLCHECK_TOKEN_KEY") as caught:
            await other.async_find_bot(enterprise_id=None, team_id="T1")
        assert isinstance(caught.value, ConfigError)
        assert isinstance(caught.value.__cause__, InvalidToken)


async def test_a_secret_that_is_no_fernet_key_is_derived_from() -> None:
    book = MemoryStore()
    secret = "a random secret of more than 32 characters: 5f0c9e"
    await SealedInstallationStore(book, secret).async_save(_install())
    found = await SealedInstallationStore(book, secret).async_find_bot(
        enterprise_id=None, team_id="T1"
    )
    assert found is not None and found.bot_token == "xoxb-T1-bot"
    with pytest.raises(TokenKeyError):
        await SealedInstallationStore(book, secret + "!").async_find_bot(
            enterprise_id=None, team_id="T1"
        )
    for weak in ("", "short", "x" * 31):
        with pytest.raises(TokenKeyError, match="at least 32"):
            SealedInstallationStore(book, weak)


async def test_a_row_filed_under_another_key_is_refused() -> None:
    book = MemoryStore()
    store = SealedInstallationStore(book, KEY)
    await store.async_save(_install("T1"))
    book.installations[InstallationKey("", "T2")] = book.installations[InstallationKey("", "T1")]
    with pytest.raises(StoreError):
        await store.async_find_bot(enterprise_id=None, team_id="T2")


@pytest.mark.parametrize("kind", ALL_STORES)
async def test_rotated_tokens_replace_the_old_ones(kind: str, tmp_path: Path) -> None:
    """What bolt's token rotator does with an installation, then with a bot (bot_only)."""
    async with any_store(kind, tmp_path) as book:
        store = SealedInstallationStore(book, KEY)
        await store.async_save(_install(bot_refresh_token="xoxe-1-a", bot_token_expires_at=100))
        found = await store.async_find_installation(enterprise_id=None, team_id="T1")
        assert found is not None
        refreshed = Installation(**found.to_dict_for_copying())
        refreshed.bot_token, refreshed.bot_refresh_token = "xoxb-new-1", "xoxe-1-b"
        refreshed.bot_token_expires_at = 200
        await store.async_save(refreshed)
        for user in (None, "U1"):
            got = await store.async_find_installation(
                enterprise_id=None, team_id="T1", user_id=user
            )
            assert got is not None
            assert (got.bot_token, got.bot_refresh_token) == ("xoxb-new-1", "xoxe-1-b")
            assert got.bot_token_expires_at == 200 and got.user_token == "xoxp-T1-U1"

        bot = await store.async_find_bot(enterprise_id=None, team_id="T1")
        assert bot is not None and bot.bot_token == "xoxb-new-1"
        bot.bot_token, bot.bot_refresh_token, bot.bot_token_expires_at = (
            "xoxb-new-2",
            "xoxe-1-c",
            300,
        )
        await store.async_save_bot(bot)
        got = await store.async_find_installation(enterprise_id=None, team_id="T1", user_id="U1")
        assert got is not None and (got.bot_token, got.bot_token_expires_at) == ("xoxb-new-2", 300)
        assert got.user_token == "xoxp-T1-U1"


# slack_sdk signs oauth.v2.access with aiohttp's BasicAuth, deprecated in aiohttp 3.13.
@pytest.mark.filterwarnings("ignore:BasicAuth is deprecated:DeprecationWarning")
@pytest.mark.parametrize("kind", ALL_STORES)
async def test_bolt_rotates_an_expiring_bot_token_through_the_store(
    kind: str, tmp_path: Path
) -> None:
    """bolt's own authorize: another user than the installer acts, the bot token is about to
    expire; it is refreshed, saved, and the installer's user token survives bolt's copy."""
    soon = int(time.time()) + 60
    async with fake_slack() as fake, any_store(kind, tmp_path) as book:
        store = SealedInstallationStore(book, KEY)
        await store.async_save(_install(bot_refresh_token="xoxe-1-old", bot_token_expires_at=soon))
        answer = {"ok": True, "token_type": "bot", "access_token": "xoxb-fresh"}
        fake.fail_next(
            "oauth.v2.access",
            Canned(body={**answer, "refresh_token": "xoxe-1-new", "expires_in": 43200}),
        )
        client = AsyncWebClient(base_url=fake.api_url)
        authorize = AsyncInstallationStoreAuthorize(
            logger=store.logger,
            installation_store=store,
            client_id="111.222",
            client_secret="not-a-secret",
            client=client,
        )
        context = AsyncBoltContext()
        context["client"] = client
        result = await authorize(context=context, enterprise_id=None, team_id="T1", user_id="U2")
        assert result is not None and result.bot_token == "xoxb-fresh"
        assert fake.named("oauth.v2.access")[0].args["refresh_token"] == "xoxe-1-old"
        bot = await store.async_find_bot(enterprise_id=None, team_id="T1")
        assert bot is not None and (bot.bot_token, bot.bot_refresh_token) == (
            "xoxb-fresh",
            "xoxe-1-new",
        )
        mine = await store.async_find_installation(enterprise_id=None, team_id="T1", user_id="U1")
        assert mine is not None and mine.user_token == "xoxp-T1-U1"
        assert mine.bot_token == "xoxb-fresh"


@pytest.mark.parametrize("kind", ALL_STORES)
async def test_an_org_wide_install_serves_every_team_of_its_enterprise(
    kind: str, tmp_path: Path
) -> None:
    async with any_store(kind, tmp_path) as book:
        store = SealedInstallationStore(book, KEY)
        org = _install(None, enterprise_id="E1", is_enterprise_install=True, bot_token="xoxb-org")
        await store.async_save(org)
        await store.async_save(_install("T7", enterprise_id="E1", bot_token="xoxb-own"))
        for grid in (True, False):
            bot = await store.async_find_bot(
                enterprise_id="E1", team_id="T5", is_enterprise_install=grid
            )
            assert bot is not None and bot.bot_token == "xoxb-org"
            found = await store.async_find_installation(
                enterprise_id="E1", team_id="T5", user_id="U1", is_enterprise_install=grid
            )
            assert found is not None and found.is_enterprise_install
        own = await store.async_find_bot(enterprise_id="E1", team_id="T7")
        assert own is not None and own.bot_token == "xoxb-own"
        assert await store.async_find_bot(enterprise_id="E2", team_id="T5") is None
        assert await store.async_find_bot(enterprise_id=None, team_id="T5") is None
        await store.async_delete_all(enterprise_id="E1", team_id=None)
        assert await store.async_find_bot(enterprise_id="E1", team_id="T5") is None
        assert await store.async_find_bot(enterprise_id="E1", team_id="T7") is not None


@pytest.mark.parametrize("kind", ALL_STORES)
async def test_deleting_one_team_leaves_the_other_intact(kind: str, tmp_path: Path) -> None:
    async with any_store(kind, tmp_path) as book:
        store = SealedInstallationStore(book, KEY)
        for team in ("T1", "T2"):
            await store.async_save(_install(team, "U1"))
            await store.async_save(_install(team, "U2", installed_at=1_764_000_100.0))

        # tokens_revoked for one user: their installation goes, the bot stays
        await store.async_delete_installation(enterprise_id=None, team_id="T1", user_id="U2")
        gone = await store.async_find_installation(enterprise_id=None, team_id="T1", user_id="U2")
        assert gone is None
        assert await store.async_find_installation(enterprise_id=None, team_id="T1") is None
        kept = await store.async_find_installation(enterprise_id=None, team_id="T1", user_id="U1")
        assert kept is not None and kept.user_token == "xoxp-T1-U1"
        assert await store.async_find_bot(enterprise_id=None, team_id="T1") is not None

        await store.async_delete_installation(enterprise_id=None, team_id="T1")
        assert (
            await store.async_find_installation(enterprise_id=None, team_id="T1", user_id="U1")
            is None
        )
        await store.async_delete_bot(enterprise_id=None, team_id="T1")
        assert await store.async_find_bot(enterprise_id=None, team_id="T1") is None

        await store.async_save(_install("T1", "U1"))
        await store.async_delete_all(enterprise_id=None, team_id="T1")
        assert await store.async_find_bot(enterprise_id=None, team_id="T1") is None
        assert await book.find_installation(InstallationKey("", "T1", "U1")) is None

        for user in (None, "U1", "U2"):
            other = await store.async_find_installation(
                enterprise_id=None, team_id="T2", user_id=user
            )
            assert other is not None and other.bot_token == "xoxb-T2-bot"
        assert await book.delete_installations("", "T2") == 3


@pytest.mark.parametrize("kind", ALL_STORES)
async def test_the_book_upserts_and_deletes_exact_keys(kind: str, tmp_path: Path) -> None:
    async with any_store(kind, tmp_path) as book:
        team, org = InstallationKey("E1", "T1"), InstallationKey("E1", "")
        await book.save_installation(team, "one", NOW)
        await book.save_installation(team, "two", NOW)
        await book.save_installation(org, "org", NOW)
        assert await book.find_installation(team) == "two"
        assert await book.find_installation(InstallationKey("", "T1")) is None
        assert await book.delete_installations("E1", "") == 1
        assert await book.find_installation(team) == "two"
        assert await book.delete_installation(team)
        assert not await book.delete_installation(team)
    with pytest.raises(ValueError, match="longer than 32"):
        InstallationKey("E1", "T" * 33)
