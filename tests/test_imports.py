"""The import rules of the design: core is platform-free, adapters are edges, bots wire.

core/ imports no adapter, no composition, no database library and no platform SDK; adapters
never import bots/. Checked over the source, so a violation fails here before review.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

PLATFORM_SDKS = ("slack_bolt", "slack_sdk", "botbuilder", "botframework", "msrest", "aiohttp")
FORBIDDEN_IN_CORE = ("adapters", "bots", "sqlalchemy", "asyncpg", "aiosqlite", *PLATFORM_SDKS)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def _violations(folder: str, forbidden: tuple[str, ...]) -> list[str]:
    bad = []
    for path in sorted((ROOT / folder).rglob("*.py")):
        for name in _imports(path):
            if name.split(".")[0] in forbidden:
                bad.append(f"{path.relative_to(ROOT)} imports {name}")
    return bad


def test_core_imports_no_adapter_composition_database_or_sdk() -> None:
    assert not _violations("core", FORBIDDEN_IN_CORE)


def test_adapters_never_import_the_composition() -> None:
    assert not _violations("adapters", ("bots",))


def test_platform_adapters_do_not_import_each_other() -> None:
    """Slack, Teams and the console share only adapters.plain_text (and loopback, sql)."""
    families = {"slack": ("adapters.teams.app", "adapters.console"),
                "teams": ("adapters.slack.app", "adapters.console")}  # fmt: skip
    bad = []
    for family, forbidden in families.items():
        for path in sorted((ROOT / "adapters").glob(f"{family}*.py")):
            bad += [
                f"{path.name} imports {name}"
                for name in _imports(path)
                if name.startswith(forbidden)
            ]
    assert not bad
