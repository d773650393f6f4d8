"""One typed view of the environment, read once at start-up."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from adapters.console_inbox import INBOX_NAME
from adapters.teams.config import TeamsConfig
from bots.database import absolute, beside_database, default_database_url
from core.datafiles.loader import DataPaths

REPO_DATA_DIR = Path(__file__).resolve().parent.parent / "data"
DEFAULT_SLACK_API_URL = "https://slack.com/api/"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 3978


def _optional(env: Mapping[str, str], name: str) -> str | None:
    value = env.get(name, "").strip()
    return value or None


@dataclass(frozen=True)
class Settings:
    database_url: str = "sqlite:///:memory:"  # from_env: the default file (bots/database.py)
    agency_file: Path | None = None
    hash_key: str | None = None
    log_level: str = "INFO"
    data_dir: Path = REPO_DATA_DIR
    slack_bot_token: str | None = None
    slack_signing_secret: str | None = None
    slack_api_url: str = DEFAULT_SLACK_API_URL
    slack_app_token: str | None = None
    metrics_addr: str = "127.0.0.1:9464"  # the separate Prometheus listener; port 0 = any
    teams: TeamsConfig = field(default_factory=TeamsConfig)  # MICROSOFT_*, WELLCHECK_TEAMS_*
    slack_send_rate: float = 10.0
    teams_send_rate: float = 20.0
    console_inbox: Path | None = None  # tips delivered to the console wait here (from_env)

    @property
    def teams_enabled(self) -> bool:
        """Teams with credentials, or local (Emulator) mode when asked for explicitly."""
        return self.teams.enabled

    def problems(self) -> list[str]:
        """Settings that must never go together."""
        return self.teams.problems()

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        agency = _optional(env, "WELLCHECK_AGENCY_FILE")
        data_dir = _optional(env, "WELLCHECK_DATA_DIR")
        database_url = absolute(
            _optional(env, "WELLCHECK_DATABASE_URL") or default_database_url(env)
        )
        return cls(
            database_url=database_url,
            console_inbox=beside_database(database_url, env, INBOX_NAME),
            agency_file=Path(agency) if agency else None,
            hash_key=_optional(env, "WELLCHECK_HASH_KEY"),
            log_level=(_optional(env, "WELLCHECK_LOG_LEVEL") or "INFO").upper(),
            data_dir=Path(data_dir) if data_dir else REPO_DATA_DIR,
            slack_bot_token=_optional(env, "SLACK_BOT_TOKEN"),
            slack_signing_secret=_optional(env, "SLACK_SIGNING_SECRET"),
            slack_api_url=_optional(env, "SLACK_API_URL") or DEFAULT_SLACK_API_URL,
            slack_app_token=_optional(env, "SLACK_APP_TOKEN"),
            metrics_addr=_optional(env, "WELLCHECK_METRICS_ADDR") or "127.0.0.1:9464",
            teams=TeamsConfig.from_env(env),
            slack_send_rate=float(_optional(env, "WELLCHECK_SLACK_SEND_RATE") or 10.0),
            teams_send_rate=float(_optional(env, "WELLCHECK_TEAMS_SEND_RATE") or 20.0),
        )

    @property
    def data_paths(self) -> DataPaths:
        return DataPaths(self.data_dir, self.agency_file)

    @property
    def slack_enabled(self) -> bool:
        return bool(self.slack_bot_token and self.slack_signing_secret)
