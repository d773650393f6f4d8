"""The agency file cannot fail silently (issue 14): unknown keys, wrong types and the
example's placeholders are errors at their line, with the fix named."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

import pytest

from core.datafiles.loader import DataPaths, check_files, load_bundle
from core.errors import DataError
from tests.conftest import DATA, TODAY

GOOD_ENTRY = """\
  - id: spd-eap
    name: Springfield EAP
    categories: [counseling]
    topics: [eap, counseling]
    contact: {phone: "1-800-267-5463"}
    verified: 2026-11-01
"""


def _errors(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "agency.yaml"
    path.write_text(dedent(text))
    problems = check_files([path], DataPaths(DATA), TODAY)
    return [str(p).removeprefix(f"{path}:") for p in problems if p.is_error]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"resource:\n{GOOD_ENTRY}", "1: unknown key 'resource' (did you mean 'resources'?)"),
        (
            f"agncy:\n  name: Springfield PD\nresources:\n{GOOD_ENTRY}",
            "1: unknown key 'agncy' (did you mean 'agency'?)",
        ),
        (
            f"resources:\n{GOOD_ENTRY}".replace("categories:", "catagories:"),
            "4: unknown key 'catagories' in 'resources' (did you mean 'categories'?)",
        ),
        (
            f"resources:\n{GOOD_ENTRY}".replace("[eap, counseling]", "eap, counseling"),
            "5: 'topics' must be a list ([a, b]), not one line of text",
        ),
        (
            f"resources:\n{GOOD_ENTRY}".replace("{phone:", "{phon:"),
            "6: unknown key 'phon' in 'contact' (did you mean 'phone'?)",
        ),
        (f"agency: Springfield PD\nresources:\n{GOOD_ENTRY}", "1: 'agency' must be a mapping"),
        (
            f"resources:\n{GOOD_ENTRY}    crisis: yes please\n",
            "8: 'crisis' must be true or false",
        ),
    ],
)
def test_a_mistake_is_an_error_at_its_line(tmp_path: Path, text: str, expected: str) -> None:
    assert expected in _errors(tmp_path, text)


def test_the_examples_placeholders_are_errors_outside_the_example(tmp_path: Path) -> None:
    copied = (DATA / "agency.example.yaml").read_text()
    errors = _errors(tmp_path, copied)
    assert any("fictional 555-01xx" in e for e in errors)
    assert any("placeholder (example.*)" in e for e in errors)
    assert any("id 'metro-eap' is the example's" in e for e in errors)
    assert any("tip channel 'C0TIPS' is the example's" in e for e in errors)
    assert check_files([DATA / "agency.example.yaml"], DataPaths(DATA), TODAY) == []


def test_the_server_refuses_such_a_file_too(tmp_path: Path) -> None:
    path = tmp_path / "agency.yaml"
    path.write_text(f"resources:\n{GOOD_ENTRY}".replace("{phone:", "{phon:"))
    with pytest.raises(DataError) as raised:
        load_bundle(DataPaths(DATA, path), TODAY)
    assert any("did you mean 'phone'" in str(p) for p in raised.value.problems)


def test_a_good_agency_file_passes(tmp_path: Path) -> None:
    assert _errors(tmp_path, f"agency:\n  name: Springfield PD\nresources:\n{GOOD_ENTRY}") == []
