"""Slack app installations ("Add to Slack"), encrypted at rest: bolt's AsyncInstallationStore
over the core's InstallationBook port, which only ever holds ciphertext.

Rows (InstallationKey; team "" is an org-wide Enterprise Grid install):

- (enterprise, team, "")   the workspace's row: its Bot (the one copy of the bot token) and
                           its latest Installation (who installed last, their user token);
- (enterprise, team, user) each installing user's latest Installation (their user token).

Only the latest is kept (no history: bolt never reads one). Installations are stored without
the bot's token fields and get the workspace's Bot laid over them when read, so a rotated bot
token is saved once and read everywhere, and a deleted bot token is gone everywhere.

Lookups follow slack_sdk's SQLAlchemy and file stores: `is_enterprise_install` (or no team)
reads the org's row; a team in an enterprise without a row of its own falls back to the org's
row, so an org-wide install serves every team of its enterprise. Deletes take the ids as given.
"""

from __future__ import annotations

import base64
import json
import logging
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.oauth.installation_store.models.bot import Bot
from slack_sdk.oauth.installation_store.models.installation import Installation

from adapters.system_clock import SystemClock
from core.domain.installations import InstallationKey
from core.errors import StoreError, TokenKeyError
from core.services.ports import Clock, InstallationBook

log = logging.getLogger(__name__)

FERNET_KEY = re.compile(r"[A-Za-z0-9_-]{43}=")  # 32 bytes, url-safe base64
MIN_SECRET_LENGTH = 32
HKDF_INFO = b"wellcheck slack installations v1"
VERSION = 1
BOT_SECRETS = ("bot_token", "bot_refresh_token", "bot_token_expires_at")
BOT_FIELDS = ("bot_id", "bot_user_id", "bot_scopes", *BOT_SECRETS)
USER_SECRETS = ("user_token", "user_refresh_token", "user_token_expires_at", "user_scopes")


def fernet_for(key: str) -> Fernet:
    """WELLCHECK_TOKEN_KEY as a Fernet: a Fernet key (`Fernet.generate_key()`, 44 url-safe
    base64 characters) is used as is; any other string of at least 32 characters is a secret
    a Fernet key is derived from with HKDF-SHA256 (no salt, a fixed `info`). HKDF does not
    strengthen a guessable password, hence the length floor: use random bytes."""
    key = key.strip()
    if FERNET_KEY.fullmatch(key):
        return Fernet(key)
    if len(key) < MIN_SECRET_LENGTH:
        raise TokenKeyError(
            f"WELLCHECK_TOKEN_KEY must be a Fernet key or a random secret of at least "
            f"{MIN_SECRET_LENGTH} characters (e.g. `openssl rand -hex 32`)"
        )
    derived = HKDF(algorithm=SHA256(), length=32, salt=None, info=HKDF_INFO).derive(key.encode())
    return Fernet(base64.urlsafe_b64encode(derived))


@dataclass(frozen=True)
class _Entry:
    """What one row holds, in clear (only in memory)."""

    bot: Bot | None = None
    installation: Installation | None = None

    @property
    def empty(self) -> bool:
        return self.bot is None and self.installation is None


def _plain(name: str, value: Any) -> Any:
    if isinstance(value, datetime):  # what the constructors take back: int expiries, float install
        seconds = value.timestamp()
        return int(seconds) if name.endswith("_expires_at") else seconds
    return "" if name.endswith("_scopes") and value is None else value


def _numbers(values: dict[str, Any]) -> dict[str, Any]:
    """`to_dict_for_copying()` as JSON: times as epoch seconds, no scopes as ""."""
    return {name: _plain(name, value) for name, value in values.items()}


def _without_bot_secrets(installation: Installation) -> Installation:
    values = installation.to_dict_for_copying()
    values.update(dict.fromkeys(BOT_SECRETS))
    return Installation(**values)


def _with_bot(installation: Installation, bot: Bot | None) -> Installation:
    if bot is not None:
        for field in BOT_FIELDS:
            setattr(installation, field, getattr(bot, field))
    return installation


def _same_install(a: Installation, b: Installation) -> bool:
    return a.user_id == b.user_id and abs(a.installed_at - b.installed_at) < 0.001


class SealedInstallationStore(AsyncInstallationStore):
    """bolt's installation store on an InstallationBook, every row sealed with Fernet under
    WELLCHECK_TOKEN_KEY (`key`, see fernet_for). A row that does not open with the key raises
    TokenKeyError; a row filed under another key than its own raises StoreError."""

    def __init__(self, book: InstallationBook, key: str, clock: Clock | None = None) -> None:
        self._book = book
        self._fernet = fernet_for(key)
        self._clock = clock or SystemClock()

    @property
    def logger(self) -> logging.Logger:
        return log

    # ---- sealing ----
    def _seal(self, key: InstallationKey, entry: _Entry) -> str:
        document = {
            "v": VERSION,
            "key": [key.enterprise_id, key.team_id, key.user_id],
            "bot": None if entry.bot is None else _numbers(entry.bot.to_dict_for_copying()),
            "installation": (
                None
                if entry.installation is None
                else _numbers(entry.installation.to_dict_for_copying())
            ),
        }
        return self._fernet.encrypt(json.dumps(document).encode()).decode("ascii")

    def _open(self, key: InstallationKey, sealed: str) -> _Entry:
        try:
            plain = self._fernet.decrypt(sealed.encode("ascii"))
        except (InvalidToken, UnicodeEncodeError) as exc:
            raise TokenKeyError(
                "a stored Slack installation does not open with WELLCHECK_TOKEN_KEY: "
                "it was sealed with another key, or altered"
            ) from exc
        document = json.loads(plain)
        filed = [key.enterprise_id, key.team_id, key.user_id]
        if document.get("v") != VERSION or document.get("key") != filed:
            raise StoreError("a stored Slack installation is not the one filed under its key")
        bot, installation = document["bot"], document["installation"]
        return _Entry(
            None if bot is None else Bot(**bot),
            None if installation is None else Installation(**installation),
        )

    async def _read(self, key: InstallationKey) -> _Entry:
        sealed = await self._book.find_installation(key)
        return _Entry() if sealed is None else self._open(key, sealed)

    async def _write(self, key: InstallationKey, entry: _Entry) -> None:
        if entry.empty:
            await self._book.delete_installation(key)
        else:
            await self._book.save_installation(key, self._seal(key, entry), self._clock.now())

    async def _workspace(
        self, enterprise_id: str | None, team_id: str | None, is_enterprise_install: bool | None
    ) -> tuple[InstallationKey, _Entry]:
        """The row a lookup reads (see the module's docstring), and what it holds."""
        org = InstallationKey(enterprise_id or "", "")
        if is_enterprise_install or not team_id:
            return org, await self._read(org)
        team = InstallationKey(enterprise_id or "", team_id)
        entry = await self._read(team)
        if entry.empty and enterprise_id:
            fallback = await self._read(org)
            if not fallback.empty:
                return org, fallback
        return team, entry

    # ---- saving ----
    async def async_save(self, installation: Installation) -> None:
        """The installer's row and the workspace's: the latest installation, and its bot
        when it has a bot token (an install without one keeps the workspace's bot)."""
        team = "" if installation.is_enterprise_install else installation.team_id or ""
        home = InstallationKey(installation.enterprise_id or "", team)
        if installation.user_id:
            mine = InstallationKey(home.enterprise_id, home.team_id, installation.user_id)
            installation = await self._keep_user_token(mine, installation)
            await self._write(mine, _Entry(installation=_without_bot_secrets(installation)))
        current = await self._read(home)
        bot = installation.to_bot() if installation.bot_token else current.bot
        await self._write(home, _Entry(bot, _without_bot_secrets(installation)))

    async def _keep_user_token(self, key: InstallationKey, new: Installation) -> Installation:
        """bolt rotates the bot token of the workspace's latest installation after clearing
        its user token when someone else than the installer is acting, then saves that copy:
        the installer's user token is kept rather than erased. A new install (another
        `installed_at`) without a user token does replace it."""
        if new.user_token is not None or new.user_refresh_token is not None:
            return new
        stored = (await self._read(key)).installation
        if stored is None or stored.user_token is None or not _same_install(stored, new):
            return new
        kept = Installation(**new.to_dict_for_copying())
        for field in USER_SECRETS:
            setattr(kept, field, getattr(stored, field))
        return kept

    async def async_save_bot(self, bot: Bot) -> None:
        if not bot.bot_token:  # as slack_sdk's stores: nothing to keep
            return
        team = "" if bot.is_enterprise_install else bot.team_id or ""
        home = InstallationKey(bot.enterprise_id or "", team)
        current = await self._read(home)
        await self._write(home, _Entry(bot, current.installation))

    # ---- finding ----
    async def async_find_bot(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        is_enterprise_install: bool | None = False,
    ) -> Bot | None:
        _, entry = await self._workspace(enterprise_id, team_id, is_enterprise_install)
        return entry.bot

    async def async_find_installation(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None = None,
        is_enterprise_install: bool | None = False,
    ) -> Installation | None:
        """The user's latest installation when `user_id` is given, else the workspace's; the
        bot's fields always come from the workspace's bot (slack_sdk: "just in case")."""
        home, entry = await self._workspace(enterprise_id, team_id, is_enterprise_install)
        found = entry.installation
        if user_id:
            mine = InstallationKey(home.enterprise_id, home.team_id, user_id)
            found = (await self._read(mine)).installation
        return None if found is None else _with_bot(found, entry.bot)

    # ---- deleting ----
    async def async_delete_bot(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        home = InstallationKey(enterprise_id or "", team_id or "")
        current = await self._read(home)
        await self._write(home, _Entry(None, current.installation))

    async def async_delete_installation(
        self, *, enterprise_id: str | None, team_id: str | None, user_id: str | None = None
    ) -> None:
        """One user's installation (their user token), or every installation of the
        workspace when `user_id` is None; the bot stays either way. The latter is two
        writes, not one transaction (bolt itself only deletes by user, or everything)."""
        home = InstallationKey(enterprise_id or "", team_id or "")
        current = await self._read(home)
        if user_id:
            await self._book.delete_installation(
                InstallationKey(home.enterprise_id, home.team_id, user_id)
            )
            if current.installation is not None and current.installation.user_id == user_id:
                await self._write(home, _Entry(current.bot))
            return
        await self._book.delete_installations(home.enterprise_id, home.team_id)
        if current.bot is not None:
            await self._write(home, _Entry(current.bot))

    async def async_delete_all(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        """Every row of the workspace (or org, when team_id is None): the app was uninstalled."""
        await self._book.delete_installations(enterprise_id or "", team_id or "")
