"""Teams settings from the environment, national clouds, and the pinned botbuilder fixes."""

from __future__ import annotations

import pytest


def test_teams_settings_come_from_the_same_environment_variables() -> None:
    from bots.settings import Settings
    from tests.fakes.bot_connector import APP_ID

    env = {
        "MICROSOFT_APP_ID": APP_ID,
        "MICROSOFT_APP_PASSWORD": "pw",
        "MICROSOFT_TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL": "https://login.example/emulator",
        "WELLCHECK_TEAMS_EXTRA_SERVICE_HOSTS": " Bots.Example.net ,, 127.0.0.1 ",
        "WELLCHECK_TEAMS_SEND_RATE": "5",
    }
    settings = Settings.from_env(env)
    assert settings.teams.app_id == APP_ID and settings.teams.app_password == "pw"
    assert settings.teams.app_type == "MultiTenant" and settings.teams.tenant_id == ""
    assert (
        settings.teams.to_bot_from_emulator_openid_metadata_url == "https://login.example/emulator"
    )
    assert settings.teams.extra_service_hosts == ("bots.example.net", "127.0.0.1")
    assert settings.teams_send_rate == 5.0
    assert settings.teams_enabled and not settings.teams.local and not settings.problems()


def test_local_mode_is_in_force_only_without_an_app_id() -> None:
    from bots.settings import Settings

    local = Settings.from_env({"WELLCHECK_TEAMS_LOCAL": "1"})
    assert local.teams_enabled and local.teams.unauthenticated and not local.problems()
    both = Settings.from_env({"WELLCHECK_TEAMS_LOCAL": "1", "MICROSOFT_APP_ID": "app"})
    assert both.teams.local and not both.teams.unauthenticated
    assert "cannot be combined" in both.problems()[0]
    assert not Settings.from_env({}).teams_enabled


def test_gcc_high_settings_reach_the_authentication_configuration() -> None:
    from adapters.teams.auth import authentication
    from adapters.teams.tokens import HttpSource
    from bots.settings import Settings

    env = {
        "MICROSOFT_APP_ID": "app",
        "MICROSOFT_APP_PASSWORD": "pw",
        "MICROSOFT_APP_TYPE": "SingleTenant",
        "MICROSOFT_APP_TENANT_ID": "tenant-1",
        "MICROSOFT_CHANNEL_SERVICE": "https://botframework.azure.us",
        "MICROSOFT_OAUTH_URL": "https://tokengcch.botframework.azure.us/",
        "MICROSOFT_TO_CHANNEL_FROM_BOT_LOGIN_URL": "https://login.microsoftonline.us/MicrosoftServices.onmicrosoft.us",
        "MICROSOFT_TO_CHANNEL_FROM_BOT_OAUTH_SCOPE": "https://api.botframework.us",
        "MICROSOFT_TO_BOT_FROM_CHANNEL_TOKEN_ISSUER": "https://api.botframework.us",
        "MICROSOFT_TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL": "https://login.botframework.azure.us/v1/.well-known/openidconfiguration",
    }
    settings = Settings.from_env(env)
    assert settings.teams.app_type == "SingleTenant" and settings.teams.tenant_id == "tenant-1"
    auth, factory = authentication(settings.teams, HttpSource())
    inner = auth._inner._inner
    assert inner._to_channel_from_bot_login_url == env["MICROSOFT_TO_CHANNEL_FROM_BOT_LOGIN_URL"]
    assert inner._to_channel_from_bot_oauth_scope == "https://api.botframework.us"
    assert inner._to_bot_from_channel_token_issuer == "https://api.botframework.us"
    assert (
        inner._to_bot_from_channel_open_id_metadata_url
        == env["MICROSOFT_TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL"]
    )
    assert inner._oauth_url == "https://tokengcch.botframework.azure.us/"
    # a single-tenant bot asks its own tenant for tokens
    assert factory._token_url(env["MICROSOFT_TO_CHANNEL_FROM_BOT_LOGIN_URL"]) == (
        "https://login.microsoftonline.us/tenant-1/oauth2/v2.0/token"
    )


def test_channel_service_alone_selects_the_government_cloud() -> None:
    from adapters.teams.auth import authentication
    from adapters.teams.config import TeamsConfig
    from adapters.teams.tokens import HttpSource

    auth, _ = authentication(
        TeamsConfig(app_id="a", app_password="p", channel_service="https://botframework.azure.us"),
        HttpSource(),
    )
    assert type(auth._inner._inner).__name__ == "_GovernmentCloudBotFrameworkAuthentication"


@pytest.mark.parametrize("version", ["4.16.0", "4.18.0", "5.17.0", "4.170.1", "4"])
def test_botbuilder_fixes_refuse_any_botbuilder_but_4_17(version: str) -> None:
    from adapters.teams import botbuilder_fixes
    from core.errors import ConfigError

    with pytest.raises(ConfigError, match=r"needs botbuilder-core 4\.17\.x, found "):
        botbuilder_fixes.apply(version)


def test_botbuilder_fixes_apply_once_however_often_called() -> None:
    from botframework.connector.auth.jwt_token_extractor import JwtTokenExtractor
    from msrest.universal_http.requests import ClientRetryPolicy

    from adapters.teams import botbuilder_fixes
    from adapters.teams.openid import AsyncOpenIdMetadata

    botbuilder_fixes.apply()  # the installed botbuilder-core, 4.17.x
    lookup = JwtTokenExtractor.__dict__["get_open_id_metadata"]
    codes = ClientRetryPolicy.safe_codes
    botbuilder_fixes.apply("4.17.0")
    botbuilder_fixes.apply()
    assert JwtTokenExtractor.__dict__["get_open_id_metadata"] is lookup
    assert ClientRetryPolicy.safe_codes is codes and isinstance(codes, frozenset)
    # msrest still retries exactly the codes it would retry unpatched
    stock = [i for i in range(500) if i != 408] + [501, 505]
    assert ClientRetryPolicy().policy.status_forcelist == [i for i in range(999) if i not in stock]
    # one non-blocking fetcher per metadata URL, however often botbuilder asks
    url = "https://login.botframework.test/v1/.well-known/openidconfiguration"
    try:
        metadata = JwtTokenExtractor.get_open_id_metadata(url)
        assert isinstance(metadata, AsyncOpenIdMetadata)
        assert JwtTokenExtractor.get_open_id_metadata(url) is metadata
    finally:
        JwtTokenExtractor.metadataCache.pop(url, None)
