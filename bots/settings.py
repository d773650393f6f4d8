"""One typed view of the environment, read once at start-up."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from core.datafiles.loader import DataPaths

REPO_DATA_DIR = Path(__file__).resolve().parent.parent / "data"
DEFAULT_DATABASE_URL = "sqlite:///var/wellcheck.db"
DEFAULT_SLACK_API_URL = "https://slack.com/api/"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 3978


def _optional(env: Mapping[str, str], name: str) -> str | None:
    value = env.get(name, "").strip()
    return value or None


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_DATABASE_URL
    agency_file: Path | None = None
    hash_key: str | None = None
    log_level: str = "INFO"
    data_dir: Path = REPO_DATA_DIR
    slack_bot_token: str | None = None
    slack_signing_secret: str | None = None
    slack_api_url: str = DEFAULT_SLACK_API_URL
    slack_app_token: str | None = None
    metrics_addr: str = "127.0.0.1:9464"  # the separate Prometheus listener; port 0 = any
    teams_local: bool = False  # WELLCHECK_TEAMS_LOCAL=1: unauthenticated, loopback only
    teams_extra_service_hosts: tuple[str, ...] = ()
    microsoft_app_id: str | None = None
    microsoft_app_password: str | None = None
    microsoft_app_type: str = "MultiTenant"
    microsoft_app_tenant_id: str | None = None
    microsoft_channel_service: str | None = None
    slack_send_rate: float = 10.0
    teams_send_rate: float = 20.0
    microsoft_oauth_url: str | None = None
    microsoft_to_channel_from_bot_login_url: str | None = None
    microsoft_to_channel_from_bot_oauth_scope: str | None = None
    microsoft_to_bot_from_channel_token_issuer: str | None = None
    microsoft_to_bot_from_channel_openid_metadata_url: str | None = None
    microsoft_to_bot_from_emulator_openid_metadata_url: str | None = None

    @property
    def teams_enabled(self) -> bool:
        """Teams with credentials, or local (Emulator) mode when asked for explicitly."""
        return bool(self.microsoft_app_id) or self.teams_local

    def problems(self) -> list[str]:
        """Settings that must never go together."""
        if self.teams_local and self.microsoft_app_id:
            return [
                "WELLCHECK_TEAMS_LOCAL=1 turns authentication off and cannot be combined with "
                "MICROSOFT_APP_ID: unset one of them"
            ]
        return []

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        agency = _optional(env, "WELLCHECK_AGENCY_FILE")
        data_dir = _optional(env, "WELLCHECK_DATA_DIR")
        return cls(
            database_url=_optional(env, "WELLCHECK_DATABASE_URL") or DEFAULT_DATABASE_URL,
            agency_file=Path(agency) if agency else None,
            hash_key=_optional(env, "WELLCHECK_HASH_KEY"),
            log_level=(_optional(env, "WELLCHECK_LOG_LEVEL") or "INFO").upper(),
            data_dir=Path(data_dir) if data_dir else REPO_DATA_DIR,
            slack_bot_token=_optional(env, "SLACK_BOT_TOKEN"),
            slack_signing_secret=_optional(env, "SLACK_SIGNING_SECRET"),
            slack_api_url=_optional(env, "SLACK_API_URL") or DEFAULT_SLACK_API_URL,
            slack_app_token=_optional(env, "SLACK_APP_TOKEN"),
            metrics_addr=_optional(env, "WELLCHECK_METRICS_ADDR") or "127.0.0.1:9464",
            teams_local=_optional(env, "WELLCHECK_TEAMS_LOCAL") == "1",
            teams_extra_service_hosts=tuple(
                h.strip().lower()
                for h in (_optional(env, "WELLCHECK_TEAMS_EXTRA_SERVICE_HOSTS") or "").split(",")
                if h.strip()
            ),
            microsoft_app_id=_optional(env, "MICROSOFT_APP_ID"),
            microsoft_app_password=_optional(env, "MICROSOFT_APP_PASSWORD"),
            microsoft_app_type=_optional(env, "MICROSOFT_APP_TYPE") or "MultiTenant",
            microsoft_app_tenant_id=_optional(env, "MICROSOFT_APP_TENANT_ID"),
            microsoft_channel_service=_optional(env, "MICROSOFT_CHANNEL_SERVICE"),
            slack_send_rate=float(_optional(env, "WELLCHECK_SLACK_SEND_RATE") or 10.0),
            teams_send_rate=float(_optional(env, "WELLCHECK_TEAMS_SEND_RATE") or 20.0),
            microsoft_oauth_url=_optional(env, "MICROSOFT_OAUTH_URL"),
            microsoft_to_channel_from_bot_login_url=_optional(
                env, "MICROSOFT_TO_CHANNEL_FROM_BOT_LOGIN_URL"
            ),
            microsoft_to_channel_from_bot_oauth_scope=_optional(
                env, "MICROSOFT_TO_CHANNEL_FROM_BOT_OAUTH_SCOPE"
            ),
            microsoft_to_bot_from_channel_token_issuer=_optional(
                env, "MICROSOFT_TO_BOT_FROM_CHANNEL_TOKEN_ISSUER"
            ),
            microsoft_to_bot_from_channel_openid_metadata_url=_optional(
                env, "MICROSOFT_TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL"
            ),
            microsoft_to_bot_from_emulator_openid_metadata_url=_optional(
                env, "MICROSOFT_TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL"
            ),
        )

    @property
    def data_paths(self) -> DataPaths:
        return DataPaths(self.data_dir, self.agency_file)

    @property
    def slack_enabled(self) -> bool:
        return bool(self.slack_bot_token and self.slack_signing_secret)
