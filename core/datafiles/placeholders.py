"""Contacts that ring nowhere: the example file's fictional numbers (555-01xx), `example.*`
domains, its ids and tip channel. Fine in the example itself; an error anywhere else, where
they mean an agency copied the example and forgot to edit an entry."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from core.datafiles.yamlsource import LinedDict, LinedList
from core.domain.problems import Problem

EXAMPLE_FILE = "agency.example.yaml"
EXAMPLE_IDS = frozenset({"metro-eap", "metro-peer-team", "metro-chaplain"})
EXAMPLE_CHANNELS = frozenset({"C0TIPS", "19:abc@thread.tacv2"})
_FICTIONAL_PHONE = re.compile(r"555[\s.-]?01\d\d")
_EXAMPLE_DOMAIN = re.compile(r"(?:^|[@./])example\.[a-z]{2,}(?:$|[/:?#])", re.IGNORECASE)


def placeholder_problems(document: Any, file: str) -> list[Problem]:
    if Path(file).name == EXAMPLE_FILE or not isinstance(document, LinedDict):
        return []
    problems: list[Problem] = []
    resources = document.get("resources")
    for item in resources if isinstance(resources, LinedList) else ():
        if isinstance(item, LinedDict):
            problems.extend(_in_resource(item, file))
    tips = document.get("tips")
    channels = tips.get("channels") if isinstance(tips, LinedDict) else None
    for channel in channels if isinstance(channels, LinedList) else ():
        if not isinstance(channel, LinedDict):
            continue
        for key in ("channel", "conversation"):
            if str(channel.get(key, "")).strip() in EXAMPLE_CHANNELS:
                problems.append(
                    Problem(
                        file,
                        channel.line_of(key),
                        f"tip {key} '{channel[key]}' is the example's: put your own "
                        f"{'Slack channel id' if key == 'channel' else 'Teams conversation id'}",
                    )
                )
    return problems


def _in_resource(item: LinedDict, file: str) -> list[Problem]:
    found: list[Problem] = []
    rid = item.get("id")
    if isinstance(rid, str) and rid in EXAMPLE_IDS:
        found.append(
            Problem(file, item.line_of("id"), f"id '{rid}' is the example's: name your own entry")
        )
    contact = item.get("contact")
    if not isinstance(contact, LinedDict):
        return found
    for key, value in contact.items():
        text = str(value)
        if key in ("phone", "sms") and _FICTIONAL_PHONE.search(text):
            found.append(
                Problem(
                    file,
                    contact.line_of(key),
                    f"contact {key} '{text}' is a fictional 555-01xx number from the example: "
                    "put the real number",
                )
            )
        elif key in ("email", "url") and _EXAMPLE_DOMAIN.search(text):
            found.append(
                Problem(
                    file,
                    contact.line_of(key),
                    f"contact {key} '{text}' is a placeholder (example.*): put the real one",
                )
            )
    return found
