"""`.env.example` lists every setting the code reads (issue 15: deployment)."""

from __future__ import annotations

import re

from tests.conftest import ROOT

READ = re.compile(r'_optional\(\s*env,\s*"([A-Z0-9_]+)"')
LISTED = re.compile(r"^#?\s*([A-Z][A-Z0-9_]+)=", re.MULTILINE)


def test_every_setting_read_is_in_the_example() -> None:
    read = {
        name
        for folder in ("bots", "adapters", "core")
        for path in (ROOT / folder).rglob("*.py")
        for name in READ.findall(path.read_text(encoding="utf-8"))
    }
    listed = set(LISTED.findall((ROOT / ".env.example").read_text(encoding="utf-8")))
    assert len(read) >= 20
    assert read <= listed, sorted(read - listed)
