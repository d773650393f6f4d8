"""Every validation error names FILE:LINE; the agency file merges over the national one."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from textwrap import dedent

import pytest

from core.datafiles import yamlsource
from core.datafiles.loader import DataPaths, check_files, load_bundle
from core.domain.problems import Problem
from core.domain.resources import Origin
from core.errors import DataError
from tests.conftest import DATA, TODAY

GOOD = """\
resources:
  - id: good-line
    name: Good Line
    categories: [peer-support]
    contact: {phone: "1-800-267-5463"}
    verified: 2026-11-01
"""


def _check(tmp_path: Path, text: str, name: str = "agency.yaml") -> list[Problem]:
    path = tmp_path / name
    path.write_text(dedent(text))
    return check_files([path], DataPaths(DATA), TODAY)


def _errors(problems: list[Problem]) -> list[str]:
    return [str(p) for p in problems if p.is_error]


def test_a_good_file_has_no_problems(tmp_path: Path) -> None:
    assert _check(tmp_path, GOOD) == []


@pytest.mark.parametrize(
    ("line", "replacement", "at", "words"),
    [
        (
            "    categories: [peer-support]",
            "    categories: [peer-support, yoga]",
            4,
            "categories: unknown category 'yoga'",
        ),
        (
            '    contact: {phone: "1-800-267-5463"}',
            '    contact: {phone: "1-800-COPLINE"}',
            5,
            "malformed phone",
        ),
        (
            '    contact: {phone: "1-800-267-5463"}',
            "    contact: {email: not-an-email}",
            5,
            "malformed email",
        ),
        (
            '    contact: {phone: "1-800-267-5463"}',
            "    contact: {url: copline.org}",
            5,
            "malformed URL",
        ),
        (
            '    contact: {phone: "1-800-267-5463"}',
            '    contact: {sms: "12"}',
            5,
            "malformed phone",
        ),
        ("    name: Good Line", "    name: ''", 3, "'name' must not be empty"),
        ("  - id: good-line", "  - id: Good_Line", 2, "id must be lowercase"),
        ("    verified: 2026-11-01", "    verified: someday", 6, "'verified' must be a date"),
        ("    verified: 2026-11-01", "    verified: 2027-01-01", 6, "in the future"),
    ],
)
def test_each_error_names_file_line_and_field(
    tmp_path: Path, line: str, replacement: str, at: int, words: str
) -> None:
    assert line in GOOD
    errors = _errors(_check(tmp_path, GOOD.replace(line, replacement)))
    assert len(errors) == 1, errors
    assert errors[0].startswith(f"{tmp_path / 'agency.yaml'}:{at}: ")
    assert words in errors[0]


def test_missing_name_points_at_the_entry(tmp_path: Path) -> None:
    errors = _errors(_check(tmp_path, GOOD.replace("    name: Good Line\n", "")))
    assert errors == [f"{tmp_path / 'agency.yaml'}:2: resource is missing 'name'"]


def test_duplicate_id_names_both_lines(tmp_path: Path) -> None:
    text = GOOD + GOOD.split("\n", 1)[1]
    errors = _errors(_check(tmp_path, text))
    assert errors == [
        f"{tmp_path / 'agency.yaml'}:7: id: duplicate id 'good-line' (first at line 2)"
    ]


def test_stale_verified_date_is_a_warning_not_an_error(tmp_path: Path) -> None:
    problems = _check(tmp_path, GOOD.replace("2026-11-01", "2025-06-01"))
    assert _errors(problems) == []
    assert [str(p) for p in problems] == [
        f"{tmp_path / 'agency.yaml'}:6: warning: verified 2025-06-01, over a year ago: check the contact again"
    ]


def test_yaml_syntax_error_has_its_line(tmp_path: Path) -> None:
    errors = _errors(_check(tmp_path, GOOD + "  - id: [unclosed\n"))
    assert len(errors) == 1 and errors[0].startswith(f"{tmp_path / 'agency.yaml'}:8: YAML syntax")


def test_crisis_line_without_contact_is_an_error(tmp_path: Path) -> None:
    text = GOOD.replace('    contact: {phone: "1-800-267-5463"}\n', "    crisis: true\n")
    errors = _errors(_check(tmp_path, text))
    assert len(errors) == 1 and ":5: crisis: a crisis line needs" in errors[0]


@pytest.mark.parametrize(
    ("channel", "at", "words"),
    [
        ('{platform: slack, channel: C1, cron: "61 9 * * MON"}', 4, "invalid cron"),
        (
            '{platform: slack, channel: C1, cron: "0 9 * * *", timezone: Mars/Base}',
            4,
            "unknown timezone",
        ),
        ('{platform: irc, channel: C1, cron: "0 9 * * *"}', 4, "platform must be slack or teams"),
        ('{platform: teams, cron: "0 9 * * *"}', 4, "needs 'conversation'"),
    ],
)
def test_agency_tip_channels_are_checked(tmp_path: Path, channel: str, at: int, words: str) -> None:
    text = f"agency: {{name: Metro PD, timezone: America/Chicago}}\ntips:\n  channels:\n    - {channel}\n"
    errors = _errors(_check(tmp_path, text))
    assert len(errors) == 1 and errors[0].startswith(f"{tmp_path / 'agency.yaml'}:{at}: ")
    assert words in errors[0]


def test_agency_timezone_is_checked(tmp_path: Path) -> None:
    errors = _errors(_check(tmp_path, "agency:\n  name: Metro\n  timezone: Chicago\n"))
    assert len(errors) == 1 and ":3: unknown timezone 'Chicago'" in errors[0]


def test_tips_file_checks_tags_and_resources(tmp_path: Path) -> None:
    text = 'tips:\n  - id: a\n    text: "x"\n    tags: [sleep, naps]\n    resource: nowhere\n'
    errors = _errors(_check(tmp_path, text, "tips.yaml"))
    assert errors == [
        f"{tmp_path / 'tips.yaml'}:4: unknown tip tag 'naps'",
        f"{tmp_path / 'tips.yaml'}:5: unknown resource id 'nowhere'",
    ]


def test_broken_agency_file_stops_loading_with_every_error(tmp_path: Path) -> None:
    path = tmp_path / "agency.yaml"
    path.write_text(GOOD.replace("peer-support", "yoga").replace("1-800-267-5463", "call me"))
    with pytest.raises(DataError) as caught:
        load_bundle(DataPaths(DATA, path), TODAY)
    assert [f"{p.file}:{p.line}" for p in caught.value.problems] == [f"{path}:4", f"{path}:5"]


def test_agency_entries_come_first_and_replace_national_ones(tmp_path: Path) -> None:
    path = tmp_path / "agency.yaml"
    path.write_text(
        dedent(
            """\
            agency: {name: Metro PD, timezone: America/Chicago}
            resources:
              - id: copline
                name: Copline (via Metro PD)
                categories: [crisis, peer-support]
                contact: {phone: "1-800-267-5463"}
                crisis: true
                verified: 2026-11-01
              - id: metro-peers
                name: Metro Peers
                categories: [peer-support]
                topics: [alcohol]
                contact: {phone: "1-800-267-5463"}
                verified: 2026-11-01
            """
        )
    )
    bundle = load_bundle(DataPaths(DATA, path), TODAY)
    ids = [r.id for r in bundle.directory.resources]
    assert ids[:2] == ["copline", "metro-peers"]
    assert ids.count("copline") == 1
    copline = bundle.directory.get("copline")
    assert copline is not None and copline.name == "Copline (via Metro PD)"
    assert copline.origin is Origin.AGENCY
    assert bundle.agency.name == "Metro PD" and bundle.agency.timezone == "America/Chicago"


def test_shipped_example_agency_file_is_valid() -> None:
    problems = check_files([DATA / "agency.example.yaml"], DataPaths(DATA), TODAY)
    assert problems == []
    bundle = load_bundle(DataPaths(DATA, DATA / "agency.example.yaml"), TODAY)
    channel = bundle.agency.tip_channels[0]
    assert (channel.target, channel.cron, channel.timezone) == (
        "C0TIPS",
        "0 9 * * MON",
        "America/Chicago",
    )


def test_all_shipped_files_validate_together() -> None:
    files = sorted(DATA.glob("*.yaml"))
    assert check_files(files, DataPaths(DATA), date(2026, 11, 27)) == []


def test_an_sms_keyword_may_be_written_with_the_number(tmp_path: Path) -> None:
    text = GOOD.replace('{phone: "1-800-267-5463"}', '{sms: "text BADGE to 741741"}')
    assert _errors(_check(tmp_path, text)) == []
    path = tmp_path / "agency.yaml"
    from core.datafiles.loader import load_bundle

    resource = load_bundle(DataPaths(DATA, path), TODAY).directory.get("good-line")
    assert resource is not None
    assert (resource.contact.sms, resource.contact.sms_keyword) == ("741741", "BADGE")


def test_yaml_aliases_are_refused_in_linear_time(tmp_path: Path) -> None:
    """Issue 11: nested aliases made validate exponential (9 levels took over a minute)."""
    import time

    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    levels += [f"a{i}: &a{i} [{', '.join(['*a' + str(i - 1)] * 9)}]" for i in range(1, 12)]
    path = tmp_path / "agency.yaml"
    path.write_text("\n".join(levels) + "\n")
    started = time.monotonic()
    document, problems = yamlsource.load(path)
    assert time.monotonic() - started < 1.0
    assert document is None and "aliases" in problems[0].message
