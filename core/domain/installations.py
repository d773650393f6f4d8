"""Where a chat app is installed: the key of one stored installation (Slack's OAuth flow).

What is stored under a key is sealed (encrypted) by the adapter before any store sees it;
the core and the database only ever hold the key and an opaque string.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_ID_LENGTH = 32  # Slack's ids are ~11 characters; the SQL columns hold 32


@dataclass(frozen=True)
class InstallationKey:
    """One stored installation. Empty strings stand for "none":

    - `enterprise_id` is "" outside Enterprise Grid;
    - `team_id` is "" for an org-wide Enterprise Grid install (it covers every team);
    - `user_id` is "" for the workspace's own row (the bot and the latest installation),
      and an installing user's id for that user's row.

    Ids are never truncated (two keys must not collapse into one); a longer id is a bug.
    """

    enterprise_id: str
    team_id: str
    user_id: str = ""

    def __post_init__(self) -> None:
        for name in ("enterprise_id", "team_id", "user_id"):
            if len(getattr(self, name)) > MAX_ID_LENGTH:
                raise ValueError(f"{name} is longer than {MAX_ID_LENGTH} characters")

    @property
    def workspace(self) -> InstallationKey:
        """The workspace's (or org's) own row."""
        return InstallationKey(self.enterprise_id, self.team_id)
