"""The command line end to end, as an operator runs it: separate processes."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ALCOHOL_LINES, DATA, ROOT
from tests.processes import clean_env, run_cli

CRISIS_IDS = ["lifeline-988", "copline", "crisis-text-line"]


_run = run_cli


def test_lookup_json_ranks_and_flags_crisis() -> None:
    done = _run("lookup", "--json", "alcohal")
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer["query"] == "alcohal" and answer["crisis"] is False
    first = next(r for r in answer["results"][:2] if r["id"] == "copline")
    assert (first["name"], first["phone"]) == ("Copline", "1-800-267-5463")
    assert first["verified"] == "2026-11-26" and first["source"]


def test_lookup_json_nothing_is_an_empty_list() -> None:
    answer = json.loads(_run("lookup", "--json", "radio", "codes").stdout)
    assert answer == {"query": "radio codes", "crisis": False, "concern": None, "results": []}


def test_lookup_json_lines_from_stdin() -> None:
    lines = "alcohol\nI want to end it\nradio codes\nhow do I help a coworker who seems suicidal\n"
    done = _run("lookup", "--json", "-", stdin=lines)
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["query"] for r in rows] == lines.splitlines()
    assert rows[0]["results"][0]["id"] in ALCOHOL_LINES and rows[0]["concern"] is None
    assert rows[1]["crisis"] and [r["id"] for r in rows[1]["results"][:3]] == CRISIS_IDS
    assert rows[1]["concern"] == "self"
    assert rows[2]["results"] == []
    assert rows[3]["concern"] == "other" and rows[3]["crisis"] is False
    assert [r["id"] for r in rows[3]["results"][:2]] == ["lifeline-988", "copline"]


def test_lookup_text_prints_a_readable_answer() -> None:
    done = _run("lookup", "eating", "my", "gun")
    assert done.returncode == 0
    assert done.stdout.index("988 Suicide & Crisis Lifeline") < done.stdout.index("Copline")
    assert "Call 1-800-267-5463" in done.stdout


def test_lookup_uses_the_agency_file(tmp_path: Path) -> None:
    done = _run(
        "lookup",
        "--json",
        "chaplain",
        env={"WELLCHECK_AGENCY_FILE": str(DATA / "agency.example.yaml")},
    )
    assert json.loads(done.stdout)["results"][0]["id"] == "metro-chaplain"


def test_lookup_never_loads_a_chat_sdk() -> None:
    code = (
        "import sys\nfrom bots.cli import main\nmain(['lookup', '--json', 'alcohol'])\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('slack_bolt', 'slack_sdk', 'botbuilder', 'aiohttp')]\n"
        "assert not bad, bad\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert done.returncode == 0, done.stderr


def test_console_without_a_tty_answers_each_line() -> None:
    done = _run("console", stdin="help\nI want to die\nalcohol\n")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.count("988 Suicide & Crisis Lifeline") >= 2
    assert "How WellCheck works" in out and "Copline" in out
    assert out.index("How WellCheck works") < out.index("You don't have to carry this alone")


def test_console_button_labels_can_be_typed() -> None:
    done = _run("console", stdin="family\nmore\n")
    assert "More" in done.stdout and done.stdout.count("* ") > 4


def test_validate_ok_and_errors_with_file_line(tmp_path: Path) -> None:
    assert _run("validate").returncode == 0
    bad = tmp_path / "agency.yaml"
    bad.write_text(
        "resources:\n  - id: x\n    name: X\n    categories: [yoga]\n    contact: {phone: call-me}\n"
    )
    done = _run("validate", str(bad))
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert f"{bad}:4: categories: unknown category 'yoga' (see data/categories.yaml)" in lines
    assert any(line.startswith(f"{bad}:5: contact phone: malformed phone number") for line in lines)


def test_serve_refuses_a_broken_agency_file(tmp_path: Path) -> None:
    bad = tmp_path / "agency.yaml"
    bad.write_text("agency: {timezone: Nowhere/Land}\n")
    done = _run("serve", "--port", "0", env={"WELLCHECK_AGENCY_FILE": str(bad)})
    assert done.returncode == 1
    assert f"{bad}:1: unknown timezone 'Nowhere/Land'" in done.stderr


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serve_starts_and_answers_health(tmp_path: Path) -> None:
    port = _free_port()
    env = clean_env()
    env["WELLCHECK_DATABASE_URL"] = f"sqlite:///{tmp_path / 'wc.db'}"
    proc = subprocess.Popen(
        [sys.executable, "-m", "bots", "serve", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/healthz", timeout=2
                ) as response:
                    assert response.status == 200
                    break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    pytest.fail(f"server did not start (exit {proc.poll()})")
                time.sleep(0.2)
    finally:
        proc.terminate()
        proc.wait(timeout=15)


def test_slack_manifest_is_pasteable_yaml_with_least_scopes() -> None:
    import yaml

    done = _run("slack-manifest", "--url", "https://wc.example.org/slack/events")
    assert done.returncode == 0
    manifest = yaml.safe_load(done.stdout)
    assert sorted(manifest["oauth_config"]["scopes"]["bot"]) == sorted(
        ["commands", "chat:write", "im:history", "im:write", "app_mentions:read", "users:read"]
    )
    (command,) = manifest["features"]["slash_commands"]
    assert (
        command["command"] == "/support" and command["url"] == "https://wc.example.org/slack/events"
    )
    settings = manifest["settings"]
    assert settings["event_subscriptions"]["request_url"] == "https://wc.example.org/slack/events"
    assert set(settings["event_subscriptions"]["bot_events"]) == {
        "app_home_opened",
        "app_mention",
        "message.im",
        "app_uninstalled",  # a workspace that removes the app loses its data too
        "tokens_revoked",
    }
    assert "redirect_urls" not in manifest["oauth_config"]  # one workspace: no "Add to Slack"
    assert settings["org_deploy_enabled"] is False
    assert settings["interactivity"] == {
        "is_enabled": True,
        "request_url": "https://wc.example.org/slack/events",
    }
    assert manifest["features"]["app_home"]["home_tab_enabled"] is True


def test_teams_manifest_package(tmp_path: Path) -> None:
    import struct
    import zipfile

    app_id = "0b6fe6d1-0000-4000-8000-00000000b007"
    out = tmp_path / "wellcheck.zip"
    done = _run("teams-manifest", "--app-id", app_id, "--out", str(out))
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(out) as package:
        assert sorted(package.namelist()) == ["color.png", "manifest.json", "outline.png"]
        manifest = json.loads(package.read("manifest.json"))
        sizes = {
            name: struct.unpack(">II", package.read(name)[16:24])
            for name in ("color.png", "outline.png")
        }
    assert sizes == {"color.png": (192, 192), "outline.png": (32, 32)}
    assert manifest["id"] == app_id and manifest["manifestVersion"] == "1.22"
    assert manifest["$schema"].endswith("/v1.22/MicrosoftTeams.schema.json")
    (bot,) = manifest["bots"]
    assert bot["botId"] == app_id and set(bot["scopes"]) == {"personal", "team", "groupChat"}
    titles = [c["title"] for c in bot["commandLists"][0]["commands"]]
    assert titles == ["support", "tip", "subscribe", "unsubscribe", "privacy", "help"]
    assert manifest["icons"] == {"color": "color.png", "outline": "outline.png"}


def test_teams_manifest_needs_a_guid(tmp_path: Path) -> None:
    done = _run("teams-manifest", "--app-id", "not-a-guid", "--out", str(tmp_path / "x.zip"))
    assert done.returncode == 2 and "GUID" in done.stderr


def test_serve_refuses_a_public_address_without_credentials() -> None:
    done = _run("serve", "--host", "0.0.0.0", "--port", "0")
    assert done.returncode == 2
    assert "loopback" in done.stderr


def test_serve_refuses_local_teams_mode_on_a_public_address() -> None:
    """Issue 11: unauthenticated local mode is opt-in and loopback only."""
    done = _run("serve", "--host", "0.0.0.0", "--port", "0", env={"WELLCHECK_TEAMS_LOCAL": "1"})
    assert done.returncode == 2 and "WELLCHECK_TEAMS_LOCAL" in done.stderr


def test_serve_refuses_local_teams_mode_with_credentials() -> None:
    env = {"WELLCHECK_TEAMS_LOCAL": "1", "MICROSOFT_APP_ID": "0b6fe6d1-0000-4000-8000-00000000b07"}
    done = _run("serve", "--host", "127.0.0.1", "--port", "0", env=env)
    assert done.returncode == 2 and "cannot be combined" in done.stderr


def test_a_database_password_is_never_printed() -> None:
    """Issue 11: a ?password= query parameter was printed in clear when the database was down."""
    url = "postgresql://wc@127.0.0.1:1/wc?password=hunter2&sslpassword=opensesame"
    done = _run("stats", env={"WELLCHECK_DATABASE_URL": url})
    assert done.returncode == 1
    assert "hunter2" not in done.stderr + done.stdout
    assert "opensesame" not in done.stderr + done.stdout


def test_slack_manifest_for_many_workspaces_adds_the_install_redirect() -> None:
    import yaml

    done = _run("slack-manifest", "--url", "https://wc.example.org/slack/events", "--distribute")
    assert done.returncode == 0
    manifest = yaml.safe_load(done.stdout)
    assert manifest["oauth_config"]["redirect_urls"] == [
        "https://wc.example.org/slack/oauth_redirect"
    ]
    assert manifest["settings"]["org_deploy_enabled"] is True
