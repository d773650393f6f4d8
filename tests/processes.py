"""Running `wellcheck` as an operator would: a separate process, a clean environment."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile

from tests.conftest import ROOT

_STATE = tempfile.mkdtemp(prefix="wellcheck-test-state-")


def clean_env(**extra: str) -> dict[str, str]:
    """This machine's environment without any WellCheck, Slack or Microsoft settings, and
    with a state directory of the tests' own: no test writes the default database under
    the real home."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("WELLCHECK_", "SLACK_", "MICROSOFT_"))
    }
    env["XDG_STATE_HOME"] = _STATE
    env.update(extra)
    return env


def run_cli(
    *args: str, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bots", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=clean_env(**(env or {})),
        timeout=60,
    )
