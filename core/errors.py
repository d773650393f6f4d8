"""The one exception family of WellCheck. Adapters map SDK errors onto it with `raise … from`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from core.domain.problems import Problem


class WellCheckError(Exception):
    """Base of every error WellCheck raises on purpose."""


class DataError(WellCheckError):
    """A data or agency file is invalid; `problems` name FILE:LINE and the field."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems) or "invalid data")


class StoreError(WellCheckError):
    """The database could not do what was asked."""


class StoreUnavailable(StoreError):
    """The database cannot be reached right now; try again shortly."""


class ConfigError(WellCheckError):
    """Settings that cannot work, or cannot safely work, together."""


class TokenKeyError(ConfigError):
    """WELLCHECK_TOKEN_KEY is missing, or is not the key the stored tokens were sealed with."""


class PlatformError(WellCheckError):
    """A chat platform call failed."""


class NotSent(PlatformError):
    """The message certainly did not reach the platform: no connection, no token, or a
    refusal before it was accepted. Unlike a plain PlatformError (a timeout or a reset after
    the request went out, a 5xx: maybe sent), it is safe to send again."""


class RateLimited(NotSent):
    """The platform asked us to slow down (nothing was posted)."""

    def __init__(self, retry_after: float) -> None:
        self.retry_after = retry_after
        super().__init__(f"rate limited; retry after {retry_after:g}s")


class RecipientGone(PlatformError):
    """The user or conversation no longer exists or can no longer be written to."""
