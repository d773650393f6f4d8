"""The `wellcheck` command line. Lookup and validate never import a chat SDK."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TextIO

from bots.settings import DEFAULT_HOST, DEFAULT_PORT, Settings
from core.domain.resources import Resource
from core.errors import DataError, StoreUnavailable
from core.services.lookup import LookupResult


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
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
    stats = sub.add_parser("stats", help="aggregate usage per week (counts under 5 shown as <5)")
    stats.add_argument("--weeks", type=int, default=8, help="how many weeks back (default 8)")
    forget = sub.add_parser("forget", help="delete every row about one person")
    forget.add_argument("--platform", required=True, choices=["slack", "teams"])
    forget.add_argument("--user", required=True, help="the person's Slack user id or Teams user id")
    deliver = sub.add_parser("deliver", help="one delivery pass: every reminder and tip due, once")
    deliver.add_argument("--at", type=_instant, help="ISO-8601 time to deliver for (default: now)")
    teams = sub.add_parser("teams-manifest", help="write the Teams app package (zip)")
    teams.add_argument("--app-id", required=True, help="the bot's Microsoft App ID (a GUID)")
    teams.add_argument("--out", required=True, type=Path, help="where to write the .zip")
    teams.add_argument(
        "--website",
        default="https://wellcheck.example.org/",
        help="your agency's page about WellCheck (https); privacy and terms links point there",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    settings = Settings.from_env()
    try:
        if args.command == "validate":
            return _validate(settings, args.files)
        if args.command == "lookup":
            if args.explain:
                return _explain(settings, " ".join(args.query))
            return _lookup(settings, args.query, as_json=args.json)
        if args.command == "console":
            return _console(settings)
        if args.command == "serve":
            return _serve(settings, args.host, args.port, scheduler=not args.no_scheduler)
        if args.command == "slack-manifest":
            return _slack_manifest(args.url)
        if args.command in ("stats", "forget", "deliver"):
            from bots import operations  # loads the database library: only when needed

            if args.command == "stats":
                return operations.stats(settings, args.weeks)
            if args.command == "forget":
                return operations.forget(settings, args.platform, args.user)
            return operations.deliver(settings, args.at)
        if args.command == "teams-manifest":
            return _teams_manifest(settings, args.app_id, args.out, args.website)
    except DataError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    return 2


def _services(settings: Settings) -> Any:
    from bots.bootstrap import offline

    return offline(settings)


def _validate(settings: Settings, files: list[Path]) -> int:
    from core.datafiles.loader import check_files

    problems = check_files(files, settings.data_paths, date.today())
    for problem in problems:
        print(problem)
    errors = sum(1 for p in problems if p.is_error)
    if errors:
        print(f"{errors} error(s)", file=sys.stderr)
        return 1
    return 0


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
    from adapters.console import run

    stream = stdin or sys.stdin
    services = _services(settings)
    interactive = stream.isatty()
    read_line = (lambda: input("> ")) if interactive else stream.readline
    return asyncio.run(run(services.responder, read_line, sys.stdout, interactive=interactive))


def _slack_manifest(url: str | None) -> int:
    from adapters.slack.manifest import PLACEHOLDER_URL, manifest_yaml

    sys.stdout.write(manifest_yaml(url or PLACEHOLDER_URL))
    return 0


def _instant(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not an ISO-8601 time: {text!r}") from exc
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _teams_manifest(settings: Settings, app_id: str, out: Path, website: str) -> int:
    from adapters.teams.manifest import write_package

    try:
        written = write_package(app_id, out, settings.data_dir / "icons", website)
    except ValueError as exc:
        print(f"wellcheck: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {written}: upload it in Teams (Apps → Manage your apps → Upload an app)")
    return 0


def _serve(settings: Settings, host: str, port: int, *, scheduler: bool) -> int:
    from aiohttp import web

    from adapters.loopback import is_loopback_host
    from bots.observability import configure_logging as configure
    from bots.observability import redact
    from bots.server import create_app

    configure(settings.log_level)
    for problem in settings.problems():
        print(f"wellcheck: {problem}", file=sys.stderr)
        return 2
    if settings.teams.local and not is_loopback_host(host):
        print(
            f"wellcheck: refusing WELLCHECK_TEAMS_LOCAL=1 on {host}: unauthenticated Teams "
            "(Bot Framework Emulator) mode is for loopback only. Use --host 127.0.0.1, or set "
            "MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD instead.",
            file=sys.stderr,
        )
        return 2
    if not settings.teams_enabled and not settings.slack_enabled:
        if not is_loopback_host(host):
            print(
                f"wellcheck: refusing to listen on {host}: neither Slack nor Teams is configured "
                "(see the README), and local Teams mode is for loopback only",
                file=sys.stderr,
            )
            return 2
        print(
            "wellcheck: neither Slack nor Teams is configured: serving health only "
            "(WELLCHECK_TEAMS_LOCAL=1 turns on the Bot Framework Emulator mode)",
            file=sys.stderr,
        )
    try:
        app = create_app(settings, deliver=scheduler)
        web.run_app(app, host=host, port=port, print=lambda _msg: None)
    except StoreUnavailable as exc:
        print(
            f"wellcheck: {redact(str(exc))} ({redact(settings.database_url)})",
            file=sys.stderr,
        )
        return 1
    return 0
