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
    agencies_dir: Path | None = None  # WELLCHECK_AGENCIES_DIR: one agency file per agency
    slack_client_id: str | None = None  # app distribution ("Add to Slack"), with the secret
    slack_client_secret: str | None = None
    slack_state_secret: str | None = None  # signs the OAuth state
    token_key: str | None = None  # WELLCHECK_TOKEN_KEY: seals stored Slack tokens

    @property
    def teams_enabled(self) -> bool:
        """Teams with credentials, or local (Emulator) mode when asked for explicitly."""
        return self.teams.enabled

    def problems(self) -> list[str]:
        """Settings that must never go together."""
        problems = self.teams.problems()
        if self.slack_distribution:
            missing = [
                name
                for name, value in (
                    ("SLACK_SIGNING_SECRET", self.slack_signing_secret),
                    ("SLACK_STATE_SECRET", self.slack_state_secret),
                    ("WELLCHECK_TOKEN_KEY", self.token_key),
                )
                if not value
            ]
            if missing:
                problems.append(
                    "Slack app distribution (SLACK_CLIENT_ID and SLACK_CLIENT_SECRET) also needs "
                    + " and ".join(missing)
                )
        if self.agency_file is not None and self.agencies_dir is not None:
            problems.append(
                "set WELLCHECK_AGENCY_FILE (one agency) or WELLCHECK_AGENCIES_DIR (several), "
                "not both"
            )
        return problems

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        agency = _optional(env, "WELLCHECK_AGENCY_FILE")
        agencies = _optional(env, "WELLCHECK_AGENCIES_DIR")
        data_dir = _optional(env, "WELLCHECK_DATA_DIR")
        database_url = absolute(
            _optional(env, "WELLCHECK_DATABASE_URL") or default_database_url(env)
        )
        return cls(
            database_url=database_url,
            console_inbox=beside_database(database_url, env, INBOX_NAME),
            agency_file=Path(agency) if agency else None,
            agencies_dir=Path(agencies) if agencies else None,
            slack_client_id=_optional(env, "SLACK_CLIENT_ID"),
            slack_client_secret=_optional(env, "SLACK_CLIENT_SECRET"),
            slack_state_secret=_optional(env, "SLACK_STATE_SECRET"),
            token_key=_optional(env, "WELLCHECK_TOKEN_KEY"),
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
    def slack_distribution(self) -> bool:
        """Many workspaces, each installing with "Add to Slack" (SLACK_CLIENT_ID/SECRET)."""
        return bool(self.slack_client_id and self.slack_client_secret)

    @property
    def slack_enabled(self) -> bool:
        token = self.slack_bot_token or self.slack_distribution
        return bool(token and self.slack_signing_secret)
