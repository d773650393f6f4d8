"""Dependencies: floors past published advisories, everything pinned with hashes (issue 11)."""

from __future__ import annotations

import re
import tomllib

from tests.conftest import ROOT

FLOORS = {"aiohttp": (3, 13, 4), "pyjwt": (2, 13), "urllib3": (2, 6)}


def _pins(lock: str) -> dict[str, tuple[str, int]]:
    """name → (version, number of hashes) for each requirement in a lock file."""
    pins: dict[str, tuple[str, int]] = {}
    text = (ROOT / lock).read_text()
    for block in re.split(r"\n(?=[A-Za-z0-9])", text):
        match = re.match(r"([A-Za-z0-9_.-]+)==([^\s;\\]+)", block)
        if match:
            pins[match[1].lower().replace("_", "-")] = (match[2], block.count("--hash=sha256:"))
    return pins


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", text)[:3])


def _declared(extra: str | None = None) -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    specs = project["dependencies"] + (project["optional-dependencies"][extra] if extra else [])
    return {re.split(r"[<>=\[; ]", spec, maxsplit=1)[0].lower().replace("_", "-") for spec in specs}


def test_every_dependency_is_pinned_with_hashes() -> None:
    for lock, extra in (("requirements.lock", None), ("requirements-dev.lock", "dev")):
        pins = _pins(lock)
        assert _declared(extra) <= set(pins), lock
        assert all(hashes for _, hashes in pins.values()), lock


def test_pinned_versions_are_past_the_advisories() -> None:
    for lock in ("requirements.lock", "requirements-dev.lock"):
        pins = _pins(lock)
        for name, floor in FLOORS.items():
            assert _version(pins[name][0]) >= floor, (lock, name, pins[name][0])
