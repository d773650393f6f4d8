"""The `wellcheck` command line. Lookup and validate never import a chat SDK."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NoReturn, TextIO

from bots.settings import DEFAULT_HOST, DEFAULT_PORT, Settings
from core.domain.resources import Resource
from core.errors import DataError
from core.services.lookup import LookupResult

PLACEHOLDER_WEBSITE = "https://wellcheck.example.org/"  # the Teams manifest's, until given


class _Parser(argparse.ArgumentParser):
    """argparse, with a mistake said in one line (usage is one `--help` away)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"wellcheck: {message} (see {self.prog} --help)\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="wellcheck", description="Private mental-health support lookups for police officers."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="run the web server (Slack, Teams, health)")
    serve.add_argument("--host", default=DEFAULT_HOST)
    serve.add_argument("--port", type=int, default=DEFAULT_PORT)
    serve.add_argument("--no-scheduler", action="store_true", help="do not run the delivery loop")
    sub.add_parser("console", help="chat with the bot in this terminal")
    lookup = sub.add_parser("lookup", help="one lookup, as a DM would do it")
    lookup.add_argument("query", nargs="+", help="words to look up; '-' with --json reads stdin")
    lookup.add_argument("--json", action="store_true", help="print JSON (JSON Lines with '-')")
    lookup.add_argument(
        "--explain", action="store_true", help="why each result ranked where it did"
    )
    validate = sub.add_parser("validate", help="check data and agency files")
    validate.add_argument("files", nargs="*", type=Path)
    slack = sub.add_parser("slack-manifest", help="print the Slack app manifest (YAML)")
    slack.add_argument(
        "--url", help="public https URL of /slack/events (default: a placeholder to replace)"
    )
    slack.add_argument(
        "--distribute", action="store_true", help="for many workspaces: Add to Slack, Grid org-wide"
    )
    stats = sub.add_parser("stats", help="aggregate usage per week (counts under 5 shown as <5)")
    stats.add_argument("--weeks", type=int, default=8, help="how many weeks back (default 8)")
    stats.add_argument("--agency", help="only this agency's counts (its agency file's name)")
    forget = sub.add_parser("forget", help="delete every row about one person")
    forget.add_argument("--platform", required=True, choices=["slack", "teams", "console"])
    who = forget.add_mutually_exclusive_group(required=True)
    who.add_argument("--user", help="the person's Slack user id or Teams user id")
    who.add_argument(
        "--workspace", help="everyone of a Slack team id or Teams tenant id (an agency removed)"
    )
    deliver = sub.add_parser("deliver", help="one delivery pass: every reminder and tip due, once")
    deliver.add_argument("--at", type=_instant, help="ISO-8601 time to deliver for (default: now)")
    site = sub.add_parser("site", help="write the families' directory as a static site")
    site.add_argument("--out", type=Path, help="folder for index.html (the page to publish)")
    site.add_argument("--handout", type=Path, help="also print the handout to this PDF (Chromium)")
    site.add_argument("--agency", help="with WELLCHECK_AGENCIES_DIR: that agency's page (its id)")
    backup = sub.add_parser("backup", help="copy the SQLite database, safely while the bot runs")
    backup.add_argument("--out", type=Path, required=True, help="the backup file to write")
    teams = sub.add_parser("teams-manifest", help="write the Teams app package (zip)")
    teams.add_argument("--app-id", required=True, help="the bot's Microsoft App ID (a GUID)")
    teams.add_argument("--out", required=True, type=Path, help="where to write the .zip")
    teams.add_argument(
        "--website",
        default=PLACEHOLDER_WEBSITE,
        help="your agency's page about WellCheck (https); privacy and terms links point there",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    settings = Settings.from_env()
    try:
        return _command(args, settings)
    except BrokenPipeError:  # `wellcheck lookup … | head`: the reader has what it wanted
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - nothing more may reach the pipe
        return 0
    except OSError as exc:  # a file that cannot be written, a folder given for a file …
        what = f"cannot use {exc.filename}: " if exc.filename else ""
        print(f"wellcheck: {what}{exc.strerror or exc}", file=sys.stderr)
        return 1


def _command(args: argparse.Namespace, settings: Settings) -> int:
    try:
        if args.command == "validate":
            from bots.validate_command import validate

            return validate(settings, args.files)
        if args.command == "lookup":
            if args.explain:
                return _explain(settings, " ".join(args.query))
            return _lookup(settings, args.query, as_json=args.json)
        if args.command == "console":
            return _console(settings)
        if args.command == "serve":
            from bots.serving import serve

            return serve(settings, args.host, args.port, scheduler=not args.no_scheduler)
        if args.command == "slack-manifest":
            return _slack_manifest(settings, args.url, distribute=args.distribute)
        if args.command in ("stats", "forget", "deliver"):
            from bots import operations  # loads the database library: only when needed

            if args.command == "stats":
                return operations.stats(settings, args.weeks, args.agency)
            if args.command == "forget":
                if args.workspace:
                    return operations.forget_workspace(settings, args.platform, args.workspace)
                return operations.forget(settings, args.platform, args.user)
            return operations.deliver(settings, args.at)
        if args.command == "site":
            from bots.site import agency_services, publish

            services = (
                agency_services(settings, args.agency) if args.agency else _services(settings)
            )
            if services is None:
                return 1
            return publish(services.bundle, services.lookup, args.out, args.handout)
        if args.command == "backup":
            from bots.backup import backup

            return backup(settings, args.out)
        if args.command == "teams-manifest":
            return _teams_manifest(settings, args.app_id, args.out, args.website)
    except DataError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    return 2


def _services(settings: Settings) -> Any:
    from bots.bootstrap_services import offline

    return offline(settings)


def resource_json(resource: Resource) -> dict[str, Any]:
    contact = resource.contact
    return {
        "id": resource.id,
        "name": resource.name,
        "summary": resource.summary,
        "phone": contact.phone,
        "sms": contact.sms,
        "sms_keyword": contact.sms_keyword,
        "email": contact.email,
        "url": contact.url,
        "hours": resource.hours,
        "categories": list(resource.categories),
        "region": resource.region,
        "crisis": resource.crisis,
        "confidential": resource.confidential,
        "source": list(resource.sources),
        "verified": resource.verified.isoformat() if resource.verified else None,
        "origin": resource.origin.value,
    }


def result_json(query: str, result: LookupResult) -> dict[str, Any]:
    return {
        "query": query,
        "crisis": result.crisis,
        "concern": result.concern.value if result.concern is not None else None,
        "results": [resource_json(r) for r in result.resources],
    }


def _lookup(settings: Settings, words: list[str], *, as_json: bool) -> int:
    services = _services(settings)
    if as_json and words == ["-"]:
        for line in sys.stdin:
            query = line.rstrip("\n")
            print(json.dumps(result_json(query, services.lookup(query))), flush=True)
        return 0
    query = " ".join(words)
    if as_json:
        print(json.dumps(result_json(query, services.lookup(query)), indent=2))
        return 0
    from adapters.console import ConsoleSession
    from adapters.plain_text import render

    reply = asyncio.run(ConsoleSession(services.responder).say(query))
    sys.stdout.write(render(reply))
    return 0


def _explain(settings: Settings, query: str) -> int:
    """Each result with the terms that scored it; the crisis reading and plea first."""
    services = _services(settings)
    explained = services.lookup.explain(query)
    assessment, plea, hits = explained.assessment, explained.plea, explained.hits
    concern = assessment.concern.value if assessment.concern is not None else "none"
    print(f"query: {query!r}")
    print(f"concern: {concern} (crisis lines lead when 'self'; how to help when 'other')")
    if plea:
        print("plea: yes: answered with the people who talk to officers, not by search")
    negated = services.lookup.negated(query)
    if negated:
        print(f"not wanted: {', '.join(negated)} (entries about them lose score)")
    if not hits and explained.nothing:
        print("read as work talk that asks for no help: nothing is listed")
    elif not hits:
        print("no entry matched distinctively: the categories and the crisis lines are offered")
    for rank, hit in enumerate(hits[:10], 1):
        region = "" if hit.resource.region == "US" else f" [{hit.resource.region}]"
        print(f"{rank:2}. {hit.resource.id}{region}  score {hit.score:.2f}")
        for term, amount in sorted(hit.why, key=lambda w: -abs(w[1])):
            print(f"      {amount:+6.2f}  {term}" if amount else f"              {term}")
    return 0


def _console(settings: Settings, stdin: TextIO | None = None) -> int:
    from bots.console_command import console

    stream = stdin or sys.stdin
    interactive = stream.isatty()
    read_line = (lambda: input("> ")) if interactive else stream.readline
    return console(settings, read_line, interactive=interactive)


def _slack_manifest(settings: Settings, url: str | None, *, distribute: bool = False) -> int:
    from adapters.slack.manifest import PLACEHOLDER_URL, manifest, request_url_problem, to_yaml
    from bots.manifest_schema import SLACK_SCHEMA, schema_problems

    if url is None:
        print(f"wellcheck: no --url given: replace {PLACEHOLDER_URL} before use", file=sys.stderr)
    elif (problem := request_url_problem(url)) is not None:
        print(f"wellcheck: {problem}", file=sys.stderr)
        return 2
    document = manifest(
        url or PLACEHOLDER_URL, distribute=distribute or settings.slack_distribution
    )
    if problems := schema_problems(document, settings.data_dir / SLACK_SCHEMA):
        print(f"wellcheck: the manifest breaks Slack's schema: {problems[0]}", file=sys.stderr)
        return 1
    sys.stdout.write(to_yaml(document))
    return 0


def _instant(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not an ISO-8601 time: {text!r}") from exc
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _teams_manifest(settings: Settings, app_id: str, out: Path, website: str) -> int:
    from adapters.teams.manifest import manifest, website_problem, write_package
    from bots.manifest_schema import TEAMS_SCHEMA, schema_problems

    if (problem := website_problem(website)) is not None:
        print(f"wellcheck: {problem}", file=sys.stderr)
        return 2
    try:
        document = manifest(app_id, website)
    except ValueError as exc:
        print(f"wellcheck: {exc}", file=sys.stderr)
        return 2
    if problems := schema_problems(document, settings.data_dir / TEAMS_SCHEMA):
        print(f"wellcheck: the manifest breaks the Teams schema: {problems[0]}", file=sys.stderr)
        return 1
    if website == PLACEHOLDER_WEBSITE:
        print(
            f"wellcheck: no --website given: the privacy and terms links point at "
            f"{PLACEHOLDER_WEBSITE}; give your agency's page about WellCheck",
            file=sys.stderr,
        )
    written = write_package(document, out, settings.data_dir / "icons")
    print(f"wrote {written}: upload it in Teams (Apps → Manage your apps → Upload an app)")
    return 0
