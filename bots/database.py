"""Where the database is: one place resolves it, for the server and every command.

The default is a SQLite file under the user's state directory
(`$XDG_STATE_HOME/wellcheck/wellcheck.db`, else `~/.local/state/wellcheck/wellcheck.db`),
never a path relative to wherever a command happens to be run. A relative SQLite path
given in `WELLCHECK_DATABASE_URL` is made absolute once, when the settings are read.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

_SQLITE = "sqlite:///"


def state_dir(env: Mapping[str, str]) -> Path:
    """Where WellCheck keeps its files by default: `$XDG_STATE_HOME/wellcheck`."""
    state = env.get("XDG_STATE_HOME", "").strip()
    if not state:
        home = env.get("HOME", "").strip() or str(Path.home())
        state = str(Path(home) / ".local" / "state")
    return Path(state).absolute() / "wellcheck"


def default_database_url(env: Mapping[str, str]) -> str:
    return f"{_SQLITE}{state_dir(env) / 'wellcheck.db'}"


def beside_database(url: str, env: Mapping[str, str], name: str) -> Path:
    """A file next to the SQLite database (else in the state directory): the console's
    inbox, which the console and `wellcheck deliver` must both find."""
    path = sqlite_file(url)
    return (path.parent if path is not None else state_dir(env)) / name


def absolute(url: str) -> str:
    """`url` with a relative SQLite path made absolute (other URLs as given)."""
    path = sqlite_file(url)
    if path is None or path.is_absolute():
        return url
    return f"{_SQLITE}{path.absolute()}"


def sqlite_file(url: str) -> Path | None:
    """The file a SQLite URL names (None for other databases and in-memory SQLite)."""
    if not url.startswith("sqlite"):
        return None
    _, _, rest = url.partition(":///")
    rest = rest.split("?", 1)[0]
    if not rest or rest == ":memory:":
        return None
    return Path(rest)


def missing(url: str) -> Path | None:
    """The SQLite file `url` names when it does not exist: a command that reads what the bot
    stored must say so, never create an empty database and report on that."""
    path = sqlite_file(url)
    return path if path is not None and not path.exists() else None


def unreachable(url: str, exc: Exception) -> str:
    """The one line a command prints when the database is down (the password never shown)."""
    from bots.observability import redact

    return f"wellcheck: {redact(str(exc))} ({redact(url)})"
