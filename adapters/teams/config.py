"""The Teams settings, read from the environment without loading botbuilder."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

# Bot Connector hosts: public cloud, GCC, GCC High, DoD (and the Bot Framework's own).
MICROSOFT_SERVICE_HOSTS = (
    "smba.trafficmanager.net",
    "smba.infra.gcc.teams.microsoft.com",
    "smba.infra.gov.teams.microsoft.us",
    "smba.infra.dod.teams.microsoft.us",
    "botframework.com",
    "botframework.azure.us",
)


def _optional(env: Mapping[str, str], name: str) -> str | None:
    value = env.get(name, "").strip()
    return value or None


@dataclass(frozen=True)
class TeamsConfig:
    """MICROSOFT_* settings, named as botbuilder's configuration names them, and
    WELLCHECK_TEAMS_LOCAL / WELLCHECK_TEAMS_EXTRA_SERVICE_HOSTS."""

    app_id: str = ""
    app_password: str = ""
    app_type: str = "MultiTenant"
    tenant_id: str = ""
    channel_service: str | None = None
    oauth_url: str | None = None
    to_channel_from_bot_login_url: str | None = None
    to_channel_from_bot_oauth_scope: str | None = None
    to_bot_from_channel_token_issuer: str | None = None
    to_bot_from_channel_openid_metadata_url: str | None = None
    to_bot_from_emulator_openid_metadata_url: str | None = None
    local: bool = False  # asked for; in force only without an app id (`unauthenticated`)
    extra_service_hosts: tuple[str, ...] = ()

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> TeamsConfig:
        hosts = _optional(env, "WELLCHECK_TEAMS_EXTRA_SERVICE_HOSTS") or ""
        return cls(
            app_id=_optional(env, "MICROSOFT_APP_ID") or "",
            app_password=_optional(env, "MICROSOFT_APP_PASSWORD") or "",
            app_type=_optional(env, "MICROSOFT_APP_TYPE") or "MultiTenant",
            tenant_id=_optional(env, "MICROSOFT_APP_TENANT_ID") or "",
            channel_service=_optional(env, "MICROSOFT_CHANNEL_SERVICE"),
            oauth_url=_optional(env, "MICROSOFT_OAUTH_URL"),
            to_channel_from_bot_login_url=_optional(env, "MICROSOFT_TO_CHANNEL_FROM_BOT_LOGIN_URL"),
            to_channel_from_bot_oauth_scope=_optional(
                env, "MICROSOFT_TO_CHANNEL_FROM_BOT_OAUTH_SCOPE"
            ),
            to_bot_from_channel_token_issuer=_optional(
                env, "MICROSOFT_TO_BOT_FROM_CHANNEL_TOKEN_ISSUER"
            ),
            to_bot_from_channel_openid_metadata_url=_optional(
                env, "MICROSOFT_TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL"
            ),
            to_bot_from_emulator_openid_metadata_url=_optional(
                env, "MICROSOFT_TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL"
            ),
            local=_optional(env, "WELLCHECK_TEAMS_LOCAL") == "1",
            extra_service_hosts=tuple(h.strip().lower() for h in hosts.split(",") if h.strip()),
        )

    @property
    def enabled(self) -> bool:
        """Teams with credentials, or local (Emulator) mode when asked for explicitly."""
        return bool(self.app_id) or self.local

    @property
    def unauthenticated(self) -> bool:
        """Local (Emulator) mode in force: no token checked or sent, loopback only.
        Never with an app id, even where `problems()` went unheeded."""
        return self.local and not self.app_id

    def problems(self) -> list[str]:
        """Settings that must never go together."""
        if self.local and self.app_id:
            return [
                "WELLCHECK_TEAMS_LOCAL=1 turns authentication off and cannot be combined with "
                "MICROSOFT_APP_ID: unset one of them"
            ]
        return []

    def service_url_allowed(self, service_url: str) -> bool:
        """Where the bot may send its token: Microsoft's Bot Connector hosts (https), and the
        hosts WELLCHECK_TEAMS_EXTRA_SERVICE_HOSTS adds (tests, new Microsoft clouds)."""
        try:
            url = urlsplit(service_url)
        except ValueError:
            return False
        host = (url.hostname or "").lower()
        if host in self.extra_service_hosts:
            return url.scheme in ("https", "http")
        return url.scheme == "https" and any(
            host == allowed or host.endswith("." + allowed) for allowed in MICROSOFT_SERVICE_HOSTS
        )
