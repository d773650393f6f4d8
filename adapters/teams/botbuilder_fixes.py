"""Every process-wide patch of botbuilder 4.17 and msrest class state, applied by one `apply()`."""

from __future__ import annotations

from importlib import metadata
from typing import Any

from adapters.teams.openid import AsyncOpenIdMetadata
from core.errors import ConfigError

SERIES = "4.17"


def apply(version: str | None = None) -> None:
    """Check that botbuilder is the series these fixes were written for, then install them.

    Idempotent: a second call (another adapter, another test) changes nothing. `version`
    is botbuilder-core's installed version unless given.
    """
    found = version if version is not None else _installed_version()
    if found.split(".")[:2] != SERIES.split("."):
        raise ConfigError(
            f"the Teams adapter needs botbuilder-core {SERIES}.x, found {found}: "
            "adapters/teams/botbuilder_fixes.py patches 4.17 internals, so check each fix "
            "against the new version before changing the pin in pyproject.toml"
        )
    _fetch_signing_keys_without_blocking()
    _build_retry_policies_quickly()


def _installed_version() -> str:
    try:
        return metadata.version("botbuilder-core")
    except metadata.PackageNotFoundError:
        return "none (botbuilder-core is not installed)"


def _jwt_token_extractor() -> Any:
    """Imported once the version is known to be right: 4.18 may have moved it."""
    from botframework.connector.auth.jwt_token_extractor import (  # type: ignore[import-untyped]
        JwtTokenExtractor,
    )

    return JwtTokenExtractor


def _open_id_metadata(metadata_url: str) -> AsyncOpenIdMetadata:
    """JwtTokenExtractor.get_open_id_metadata, with our fetcher in the same cache."""
    cache = _jwt_token_extractor().metadataCache
    found = cache.get(metadata_url)
    if isinstance(found, AsyncOpenIdMetadata):
        return found
    fetcher = AsyncOpenIdMetadata(metadata_url)
    cache[metadata_url] = fetcher
    return fetcher


_OPEN_ID_LOOKUP = staticmethod(_open_id_metadata)


def _fetch_signing_keys_without_blocking() -> None:
    """botbuilder 4.17's JwtTokenExtractor fetches OpenID metadata and signing keys with
    blocking `requests.get` calls, without a timeout, from inside the event loop: on the
    first request and daily after, every request in the process waits for Microsoft's
    key server (forever if it hangs). It also takes a key that endorses no channel as
    good for any channel.

    The fix: its class-level `get_open_id_metadata` hands out, for every metadata URL, an
    AsyncOpenIdMetadata (adapters/teams/openid.py) kept in the same `metadataCache`: the
    same two GETs, with aiohttp and a 10 s timeout, and keys without endorsements refused.
    """
    extractor = _jwt_token_extractor()
    if extractor.__dict__.get("get_open_id_metadata") is not _OPEN_ID_LOOKUP:
        extractor.get_open_id_metadata = _OPEN_ID_LOOKUP


def _build_retry_policies_quickly() -> None:
    """msrest (which botbuilder 4.17's ConnectorClient is built on) makes each client's
    retry policy by scanning its 500-item `ClientRetryPolicy.safe_codes` list 999 times
    (`i not in safe_codes`): ~5 ms of CPU, on the event loop, for every connector client
    (stock CloudAdapter builds two per turn).

    The fix: the same codes as a frozenset give the same policy in microseconds.
    """
    from msrest.universal_http.requests import ClientRetryPolicy

    policy: Any = ClientRetryPolicy  # typed list[int]; every use of it takes a frozenset too
    if not isinstance(policy.safe_codes, frozenset):
        policy.safe_codes = frozenset(policy.safe_codes)
