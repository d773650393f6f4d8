"""The import rules of the design, checked over the source so a violation fails before review.

- core/ imports no adapter, no composition, no database library, no web framework, no SDK;
  within core, domain imports nothing else of ours (but errors), language only domain,
  services no datafiles; only datafiles reads YAML.
- each platform SDK is imported only by its adapter package (botbuilder only in
  adapters/teams, slack_bolt/slack_sdk only in adapters/slack, SQLAlchemy only in adapters/sql);
- adapters never import bots/, and adapter packages do not import each other, but the
  shared leaves plain_text and loopback;
- only bots/ wires: nothing outside bots/ (tests and benchmarks aside) imports bots.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

SDKS = ("slack_bolt", "slack_sdk", "botbuilder", "botframework", "msrest", "aiohttp")
SHARED_ADAPTER_LEAVES = ("adapters.plain_text", "adapters.loopback", "adapters.system_clock")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def _modules(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def _starts(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def _violations(
    folder: str, forbidden: tuple[str, ...], allowed: tuple[str, ...] = ()
) -> list[str]:
    return [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in _modules(folder)
        for name in sorted(_imports(path))
        if _starts(name, forbidden) and not _starts(name, allowed)
    ]


def test_core_imports_no_adapter_composition_database_or_sdk() -> None:
    forbidden = ("adapters", "bots", "sqlalchemy", "asyncpg", "aiosqlite", *SDKS)
    assert not _violations("core", forbidden)


@pytest.mark.parametrize(
    ("room", "forbidden", "allowed"),
    [
        ("core/domain", ("core",), ("core.domain", "core.errors")),
        ("core/language", ("core",), ("core.domain", "core.language", "core.errors")),
        ("core/services", ("core.datafiles",), ()),
    ],
)
def test_the_rooms_of_core_point_downward(room: str, forbidden: tuple, allowed: tuple) -> None:
    assert not _violations(room, forbidden, allowed)


def test_only_datafiles_reads_yaml() -> None:
    for room in ("core/domain", "core/language", "core/services"):
        assert not _violations(room, ("yaml",))


@pytest.mark.parametrize(
    ("sdk", "home"),
    [
        (("botbuilder", "botframework", "msrest"), "adapters/teams"),
        (("slack_bolt", "slack_sdk"), "adapters/slack"),
        (("sqlalchemy", "asyncpg", "aiosqlite"), "adapters/sql"),
    ],
)
def test_each_sdk_lives_in_its_own_adapter(sdk: tuple[str, ...], home: str) -> None:
    bad = [
        v
        for folder in ("core", "adapters", "bots")
        for v in _violations(folder, sdk)
        if not v.startswith(home + "/")
    ]
    assert not bad


def test_adapters_never_import_the_composition() -> None:
    assert not _violations("adapters", ("bots",))


@pytest.mark.parametrize("package", ["slack", "teams", "sql"])
def test_adapter_packages_do_not_import_each_other(package: str) -> None:
    others = tuple(
        f"adapters.{p.stem}"
        for p in (ROOT / "adapters").iterdir()
        if p.stem not in (package, "__init__", "__pycache__")
    )
    assert not _violations(f"adapters/{package}", others, SHARED_ADAPTER_LEAVES)


def test_only_bots_wires() -> None:
    assert not _violations("core", ("bots",)) + _violations("adapters", ("bots",))
    assert not _violations("adapters", ("core.datafiles.loader",))


def test_the_rule_finds_a_violation(tmp_path: Path) -> None:
    """The checker itself can fail: a planted import is reported."""
    planted = tmp_path / "bad.py"
    planted.write_text("from adapters.slack.app import SlackAdapter\n")
    assert "adapters.slack.app" in _imports(planted)


def test_no_module_is_over_300_lines() -> None:
    """One idea per module: a module past 300 lines holds more than one (issue 12)."""
    long = [
        f"{path.relative_to(ROOT)}: {n} lines"
        for folder in ("core", "adapters", "bots")
        for path in _modules(folder)
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > 300
    ]
    assert not long
