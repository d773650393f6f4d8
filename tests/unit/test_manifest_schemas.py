"""Our app manifests against the platforms' published schemas (vendored, data/schemas)."""

from __future__ import annotations

import copy

from adapters.slack.manifest import manifest as slack_manifest
from adapters.teams.manifest import manifest as teams_manifest
from bots.manifest_schema import SLACK_SCHEMA, TEAMS_SCHEMA, schema_problems
from tests.conftest import DATA

APP_ID = "00000000-0000-0000-0000-000000000001"


def test_the_slack_manifest_conforms_to_slacks_schema() -> None:
    document = slack_manifest("https://wellcheck.metro.gov/slack/events")
    assert schema_problems(document, DATA / SLACK_SCHEMA) == []


def test_the_teams_manifest_conforms_to_the_schema_of_its_version() -> None:
    document = teams_manifest(APP_ID, "https://metro.gov/wellcheck")
    assert document["manifestVersion"] in TEAMS_SCHEMA.name
    assert schema_problems(document, DATA / TEAMS_SCHEMA) == []


def test_a_manifest_the_platforms_would_refuse_is_caught() -> None:
    slack = slack_manifest("https://wellcheck.metro.gov/slack/events")
    slack["oauth_config"]["scopes"]["bot"] = "chat:write"  # a string, not a list
    assert any("oauth_config" in p for p in schema_problems(slack, DATA / SLACK_SCHEMA))
    teams = copy.deepcopy(teams_manifest(APP_ID, "https://metro.gov/wellcheck"))
    del teams["developer"]
    assert any("developer" in p for p in schema_problems(teams, DATA / TEAMS_SCHEMA))
