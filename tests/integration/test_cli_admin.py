"""The admin's side of the command line (issue 14): commands that tell the truth about the
database, refuse a mistake in one line, and say what they did."""

from __future__ import annotations

import socket
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.processes import clean_env, run_cli


def _in(home: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`wellcheck ARGS` with HOME at `home` (so the default database is under it)."""
    return subprocess.run(
        [sys.executable, "-m", "bots", *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env=clean_env(HOME=str(home), XDG_STATE_HOME="", PYTHONPATH=str(ROOT)),
        timeout=60,
    )


def _one_line_no_traceback(done: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


@pytest.mark.parametrize(
    "args", [("stats",), ("forget", "--platform", "slack", "--user", "U1"), ("deliver",)]
)
def test_commands_that_read_data_refuse_a_missing_database(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    elsewhere = tmp_path / "some" / "other" / "dir"
    elsewhere.mkdir(parents=True)
    done = _in(tmp_path, *args, cwd=elsewhere)
    assert done.returncode == 1
    line = _one_line_no_traceback(done)
    default = tmp_path / ".local" / "state" / "wellcheck" / "wellcheck.db"
    assert str(default) in line and "no database" in line
    assert not default.exists() and not (elsewhere / "var").exists()  # nothing created
    assert "held nothing" not in done.stdout


def test_the_default_database_does_not_move_with_the_working_directory(tmp_path: Path) -> None:
    from bots.settings import Settings

    one = Settings.from_env({"HOME": str(tmp_path)}).database_url
    assert one == f"sqlite:///{tmp_path}/.local/state/wellcheck/wellcheck.db"
    state = Settings.from_env({"HOME": str(tmp_path), "XDG_STATE_HOME": "/srv/state"})
    assert state.database_url == "sqlite:////srv/state/wellcheck/wellcheck.db"
    relative = Settings.from_env({"WELLCHECK_DATABASE_URL": "sqlite:///var/x.db"}).database_url
    assert relative == f"sqlite:///{Path.cwd() / 'var' / 'x.db'}"  # made absolute once


def _console(home: Path, text: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bots", "console"],
        input=text,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=clean_env(HOME=str(home), XDG_STATE_HOME=""),
        timeout=60,
    )


def test_the_console_walks_reminders_delivery_and_forget_me(tmp_path: Path) -> None:
    """On the default database, as platform console: subscribe, a pass run from another
    directory delivers the tip, the console shows it before its next prompt, forget me."""
    signed = _console(tmp_path, "subscribe daily at 07:00\n")
    assert signed.returncode == 0 and "every day at 07:00" in signed.stdout, signed.stderr
    assert "not here" not in signed.stdout
    db = tmp_path / ".local" / "state" / "wellcheck" / "wellcheck.db"
    assert db.exists()
    stats = _in(tmp_path, "stats", cwd=tmp_path)
    assert stats.returncode == 0 and "subscriptions active now: <5" in stats.stdout
    # 07:00 New York (no agency file: the default timezone) on some later day
    sent = _in(tmp_path, "deliver", "--at", "2031-01-15T12:05:00Z", cwd=tmp_path)
    assert sent.returncode == 0 and sent.stdout.strip() == "delivery pass: sent 1"
    assert "delivery pass" not in sent.stderr  # said once
    back = _console(tmp_path, "forget me\n")
    assert back.stdout.index("Your resilience tip") < back.stdout.index("Forget me")
    assert "Deleted: 1 reminder setting" in back.stdout
    again = _console(tmp_path, "status\n")
    assert "Your resilience tip" not in again.stdout  # shown once
    gone = _in(tmp_path, "forget", "--platform", "console", "--user", "console")
    assert "held nothing" in gone.stdout


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("notaurl", "https"),
        ("http://bot.example.org/slack/events", "https"),
        ("https://x.example", "/slack/events"),
    ],
)
def test_a_slack_manifest_with_a_bad_url_is_refused(url: str, says: str) -> None:
    done = run_cli("slack-manifest", "--url", url)
    assert done.returncode == 2 and not done.stdout
    assert says in _one_line_no_traceback(done)


def test_a_slack_manifest_without_a_url_warns_of_the_placeholder() -> None:
    done = run_cli("slack-manifest")
    assert done.returncode == 0 and "YOUR-WELLCHECK-HOST" in done.stdout
    assert "--url" in _one_line_no_traceback(done)


APP_ID = "00000000-0000-0000-0000-000000000001"


def test_a_teams_manifest_without_a_website_warns(tmp_path: Path) -> None:
    done = run_cli("teams-manifest", "--app-id", APP_ID, "--out", str(tmp_path / "a.zip"))
    assert done.returncode == 0 and zipfile.is_zipfile(tmp_path / "a.zip")
    assert "--website" in _one_line_no_traceback(done)


def test_a_teams_manifest_refuses_http_and_a_folder(tmp_path: Path) -> None:
    plain = run_cli(
        "teams-manifest", "--app-id", APP_ID, "--out", str(tmp_path / "b.zip"),
        "--website", "http://metro.example.gov/wellcheck",
    )  # fmt: skip
    assert plain.returncode == 2 and "https" in _one_line_no_traceback(plain)
    assert not (tmp_path / "b.zip").exists()
    folder = run_cli(
        "teams-manifest", "--app-id", APP_ID, "--out", str(tmp_path),
        "--website", "https://metro.example.gov/wellcheck",
    )  # fmt: skip
    assert folder.returncode == 1 and str(tmp_path) in _one_line_no_traceback(folder)


def test_a_port_in_use_is_one_line(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = run_cli(
            "serve", "--port", str(port), "--no-scheduler",
            env={"WELLCHECK_DATABASE_URL": f"sqlite:///{tmp_path / 'wc.db'}",
                 "WELLCHECK_METRICS_ADDR": "127.0.0.1:0"},
        )  # fmt: skip
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f"cannot listen on http://127.0.0.1:{port}" in done.stderr


def test_validate_ends_with_a_summary(tmp_path: Path) -> None:
    done = run_cli("validate", str(ROOT / "data" / "agency.example.yaml"))
    assert done.returncode == 0
    assert done.stdout.splitlines()[-1].endswith(
        "agency.example.yaml: 3 resources, 1 tip channel, timezone America/Chicago: OK"
    )
    bad = tmp_path / "agency.yaml"
    bad.write_text("resources:\n  - id: x\n    name: X\n    categories: [yoga]\n")
    failed = run_cli("validate", str(bad))
    assert failed.returncode == 1 and not failed.stderr  # the whole report on one stream
    assert failed.stdout.splitlines()[-1].startswith("1 error: ")


def test_lookup_into_a_closed_pipe_is_quiet() -> None:
    done = subprocess.run(
        f"{sys.executable} -m bots lookup --json alcohol | head -1",
        shell=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=clean_env(),
        timeout=60,
    )
    assert done.stdout.strip() == "{" and "Traceback" not in done.stderr


@pytest.mark.parametrize(
    "args", [("deliver", "--at", "notatime"), ("frobnicate",), ("forget", "--platform", "slack")]
)
def test_a_usage_mistake_is_one_line(args: tuple[str, ...]) -> None:
    done = run_cli(*args)
    assert done.returncode == 2
    assert _one_line_no_traceback(done).startswith("wellcheck: ")


def test_serve_says_where_it_listens(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = clean_env(
        WELLCHECK_DATABASE_URL=f"sqlite:///{tmp_path / 'wc.db'}",
        WELLCHECK_METRICS_ADDR="127.0.0.1:0",
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "bots", "serve", "--port", str(port), "--no-scheduler"],
        cwd=ROOT,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stderr is not None
        said = ""
        for line in proc.stderr:
            if "listening on" in line:
                said = line
                break
    finally:
        proc.terminate()
        proc.communicate(timeout=15)  # reads the rest and closes the pipe
    assert f"listening on http://127.0.0.1:{port}" in said
    assert f"database sqlite:///{tmp_path / 'wc.db'}" in said
