"""Many agencies in one deployment (issue 17): catalogue load time and memory, lookup latency
through the AgencyRouter, and the Teams personal-chat round trip, for 1 agency and for N.

    .venv/bin/python bench/bench_agencies.py [--agencies N] [--runs K] [--rounds R]
        [--messages M] [--concurrency C] [--http-rounds H] [--no-http]

N agency files (default 200) are generated into a temporary WELLCHECK_AGENCIES_DIR: each its
own name, timezone, region, Slack team, Teams tenant and 3-5 own resources (EAP, peer team,
chaplain, ...). The 1-agency folder holds the first of them, so both answer from the same file.

- load and core: K fresh processes per size, alternating 1 / N / N / 1 ... Each loads the
  catalogue (`load_catalogue`: wall time, RSS before and after), then asks every query of
  tests/samples/queries.yaml and of the lookup corpus (tests/corpus/lookups) through
  `AgencyRouter.reply` with Slack team ids spread over all its agencies (a query meets another
  agency each round), one unmeasured round first, then R measured. Separate processes, not
  one: a full garbage-collection pass walks the whole heap, so N agencies' memory would slow
  the 1-agency router too. Full passes while asked are counted; one is timed at the end.
- HTTP: two `wellcheck serve` processes (WELLCHECK_AGENCIES_DIR, SQLite, Teams local mode)
  against the loopback Bot Connector; personal-chat activities, each from its own person,
  channelData.tenant.id spread over the N tenants, rounds alternating between the servers. A
  round trip is POST /api/messages until the answer has been delivered to the connector
  (within the turn). The servers log each full garbage collection's duration.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import statistics
import string
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._common import free_port, pct, rss_mb  # noqa: E402
from bench.bench_lookups import CORPUS  # noqa: E402
from bench.bench_teams import cpu_seconds  # noqa: E402
from bench.corpus import load_lookups  # noqa: E402
from tests.fakes.bot_connector import FakeConnector  # noqa: E402

SAMPLES = ROOT / "tests" / "samples" / "queries.yaml"  # the same file as /work/shared/samples

TOWNS = (
    "Lakeside", "Harbor City", "Ridgeview", "Maple Falls", "Cedar Grove", "Pine Bluff",
    "Riverton", "Oakdale", "Fairview", "Brookfield", "Millbrook", "Stonebridge", "Westfield",
    "Granite Bay", "Elk Creek", "Silver Lake", "Ashford", "Clearwater", "Dunmore", "Evergreen",
    "Fox Hollow", "Glenwood", "Hartwell", "Ironwood", "Juniper", "Kingsport", "Laurel",
    "Meadowbrook", "Northgate", "Orchard Park", "Prairie View", "Quarry Hill", "Red Rock",
    "Sandpoint", "Timberline", "Union City", "Valley Forge", "Willow Springs", "Yorktown",
    "Zephyr Cove", "Bayport", "Blue Mound", "Copper Ridge", "Deer Park", "Eagle Pass",
    "Fern Hill", "Gold Creek", "Hidden Valley", "Indian Lake", "Jasper", "Kent Falls",
    "Lone Pine", "Mill Valley", "New Haven Hills", "Oak Ridge", "Port Ellis", "Quincy Bay",
    "Rose Hill", "Spring Lake", "Twin Oaks", "Upton", "Vista Grande", "White Pine", "Bear Lake",
    "Crystal Springs", "Dover Plains", "Edgewater", "Falcon Heights",
)  # fmt: skip
KINDS = (("Police Department", "pd"), ("Sheriff's Office", "so"), ("Public Safety", "dps"))
TIMEZONES = (
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Phoenix",
    "America/Los_Angeles",
    "America/Anchorage",
    "Pacific/Honolulu",
    "America/Detroit",
    "America/Indiana/Indianapolis",
    "America/Boise",
)
REGIONS = ("US-IL", "US-WI", "US-TX", "US-CA", "US-NY", "US-NJ", "US-FL", "US-CO", "US-AZ")
# (id suffix, name, summary, categories, topics to draw from)
OWN = (
    (
        "eap",
        "Employee Assistance Program",
        "Free, confidential counseling sessions for employees and family members.",
        ["counseling", "family"],
        "eap, counseling, therapist, therapy, alcohol, divorce, money, debt, stress, sleep, anxiety",
    ),
    (
        "peers",
        "Peer Support Team",
        "Officers from our own ranks, on call around the clock.",
        ["peer-support"],
        "peer, partner, coworker, critical incident, shooting, debrief, stress, nightmares",
    ),
    (
        "chaplain",
        "Chaplaincy",
        "Volunteer chaplains of several faiths, for anyone, religious or not.",
        ["counseling", "survivors"],
        "chaplain, faith, spiritual, prayer, grief, loss, meaning, funeral",
    ),
    (
        "family",
        "Family Support Network",
        "Spouses and partners who have been there, meeting monthly.",
        ["family"],
        "spouse, kids, family, marriage, shift work, holidays, deployment",
    ),
    (
        "wellness",
        "Wellness Unit",
        "Fitness, sleep and finances, with a coordinator on each shift.",
        ["training", "financial", "substance-use"],
        "fitness, sleep, nights, budget, retirement, drinking, resilience",
    ),
)


def generate(folder: Path, n: int, seed: int = 17) -> list[tuple[str, str, str]]:
    """N valid agency files; returns (agency id, Slack team id, Teams tenant) of each."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    made: list[tuple[str, str, str]] = []
    ids: set[str] = set()
    teams: set[str] = set()
    phone = 0
    for i in range(n):
        town = TOWNS[i % len(TOWNS)]
        kind, short = KINDS[(i // len(TOWNS)) % len(KINDS)]
        lap = i // (len(TOWNS) * len(KINDS))
        agency_id = f"{town.lower().replace(' ', '-')}-{short}" + (f"-{lap + 1}" if lap else "")
        name = f"{town} {kind}" + (f" {lap + 1}" if lap else "")
        team = ""
        while not team or team in teams:
            team = "T" + "".join(rng.choices(string.ascii_uppercase + string.digits, k=8))
        teams.add(team)
        tenant = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        assert agency_id not in ids
        ids.add(agency_id)
        resources = []
        for suffix, what, summary, categories, topics in OWN[: 3 + i % 3]:
            words = topics.split(", ")
            phone += 1
            resources.append(
                {
                    "id": f"{agency_id}-{suffix}",
                    "name": f"{name} {what}",
                    "summary": summary,
                    "categories": categories,
                    "topics": rng.sample(words, min(len(words), rng.randint(4, 7))),
                    "contact": {"phone": f"+1 608 555 2{phone % 1000:03d}"},
                    "source": ["agency roster"],
                    "verified": "2026-11-20",
                }
            )
        document = {
            "agency": {
                "name": name,
                "timezone": TIMEZONES[i % len(TIMEZONES)],
                "region": REGIONS[i % len(REGIONS)],
                "slack_teams": [team],
                "teams_tenants": [tenant],
            },
            "resources": resources,
        }
        text = yaml.safe_dump(document, sort_keys=False, allow_unicode=True)
        (folder / f"{agency_id}.yaml").write_text(text, encoding="utf-8")
        made.append((agency_id, team, tenant))
    return made


def queries() -> list[str]:
    """queries.yaml's every phrase, then the lookup corpus's (train and held-out), once each."""
    samples = yaml.safe_load(SAMPLES.read_text(encoding="utf-8"))
    texts: list[str] = []
    for kind in ("crisis", "not_crisis", "topic", "nothing"):
        texts += [item["q"] if isinstance(item, dict) else item for item in samples[kind]]
    texts += [q.text for q in load_lookups(CORPUS)]
    return list(dict.fromkeys(texts))


# -- load and core latency: one fresh process per run, runs alternating 1 / N ------------
def child(folder: Path, rounds: int) -> None:
    """In the child: the catalogue loaded (time, RSS), then every query through the router
    `rounds` times after a warm-up round, and the garbage collector's full passes counted."""
    import gc
    from datetime import date

    from bots.agencies import load_catalogue
    from bots.settings import Settings
    from core.domain.identity import Platform, UserRef
    from core.domain.messages import IncomingMessage, Place
    from core.services.agency_router import AgencyRouter

    texts = queries()
    rss0 = rss_mb(os.getpid())
    start = time.perf_counter()
    found = load_catalogue(Settings(agencies_dir=folder), date.today())
    load_s = time.perf_counter() - start
    rss1 = rss_mb(os.getpid())
    responders = {key: services.responder for key, services in found.agencies.items()}
    router = AgencyRouter(responders, found.tenancy, found.national.responder)
    teams = [found.agencies[key].bundle.agency.slack_teams[0] for key in sorted(found.agencies)]
    full_passes: list[float] = []
    began: list[float] = []

    def watch(phase: str, info: dict) -> None:
        if info["generation"] == 2:
            if phase == "start":
                began.append(time.perf_counter())
            elif began:
                full_passes.append(time.perf_counter() - began.pop())

    async def ask() -> list[float]:
        rng = random.Random(5)
        samples: list[float] = []
        for round_no in range(rounds + 1):  # round 0 warms up, unmeasured
            order = texts[:]
            rng.shuffle(order)
            if round_no == 1:
                gc.callbacks.append(watch)
            for i, text in enumerate(order):
                team = teams[(i + round_no * 37) % len(teams)]  # another agency each round
                message = IncomingMessage(text, UserRef(Platform.SLACK, "U1", team), Place.DIRECT)
                start = time.perf_counter()
                reply = await router.reply(message)
                elapsed = time.perf_counter() - start
                if round_no:
                    samples.append(elapsed)
                if not reply.sections:
                    raise SystemExit(f"empty reply to {text!r}")
        gc.callbacks.remove(watch)
        return samples

    samples = asyncio.run(ask())
    gc.collect()
    start = time.perf_counter()
    gc.collect()  # a full pass over what the process holds: the event loop's pause
    full_gc = time.perf_counter() - start
    print(
        json.dumps(
            {
                "agencies": len(found.agencies),
                "load_s": load_s,
                "rss0": rss0,
                "rss": rss1,
                "full_gc": full_gc,
                "gc_passes": full_passes,
                "samples": samples,
            }
        )
    )


def measure_children(folders: dict[str, Path], runs: int, rounds: int) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {name: [] for name in folders}
    for run in range(runs):
        for name in list(folders) if run % 2 == 0 else list(reversed(folders)):
            out = subprocess.run(
                [sys.executable, __file__, "--child", str(folders[name]), "--rounds", str(rounds)],
                cwd=ROOT,
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            found[name].append(json.loads(out.strip().splitlines()[-1]))
    return found


# -- HTTP: `wellcheck serve` with the agencies folder, Teams local mode --------------------
# `python -m bots serve ...`, with the duration of each full (generation 2) garbage
# collection appended to $BENCH_GC_LOG: a full pass stops the event loop.
SERVE = """
import gc, os, runpy, sys, time
log, began = open(os.environ["BENCH_GC_LOG"], "a", buffering=1), []
def watch(phase, info):
    if info["generation"] == 2:
        if phase == "start":
            began.append(time.perf_counter())
        elif began:
            log.write(f"{time.perf_counter() - began.pop():.6f}\\n")
gc.callbacks.append(watch)
sys.argv = ["bots", *sys.argv[1:]]
runpy.run_module("bots", run_name="__main__", alter_sys=True)
"""


def gc_passes(work: Path, folder: Path) -> list[float]:
    path = work / f"{folder.name}.gc"
    return [float(x) for x in path.read_text().split()] if path.exists() else []


def start_server(folder: Path, work: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("MICROSOFT_")},
        "WELLCHECK_AGENCIES_DIR": str(folder),
        "WELLCHECK_DATABASE_URL": f"sqlite:///{work}/{folder.name}.db",
        "WELLCHECK_TEAMS_LOCAL": "1",
        "WELLCHECK_METRICS_ADDR": "127.0.0.1:0",
        "WELLCHECK_LOG_LEVEL": "WARNING",
        "BENCH_GC_LOG": str(work / f"{folder.name}.gc"),
    }
    with (work / f"{folder.name}.log").open("w") as log:
        server = subprocess.Popen(
            [sys.executable, "-c", SERVE, "serve", "--port", str(port), "--no-scheduler"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
    return server, f"http://127.0.0.1:{port}"


async def wait_healthy(url: str, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 120
    async with aiohttp.ClientSession() as session:
        while True:
            try:
                async with session.get(url + "/healthz") as response:
                    if response.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit(f"server {url} did not start:\n{log.read_text()[-2000:]}")
            await asyncio.sleep(0.05)


def activity(connector: FakeConnector, user: str, tenant: str, text: str) -> dict:
    """A personal-chat message from `user` of `tenant` (its id doubles as the activity's)."""
    return {
        "type": "message",
        "id": user,
        "channelId": "msteams",
        "serviceUrl": connector.service_url,
        "timestamp": "2026-11-27T12:00:00.000Z",
        "from": {"id": f"29:{user}", "aadObjectId": f"aad-{user}"},
        "conversation": {"conversationType": "personal", "id": f"a:{user}", "tenantId": tenant},
        "recipient": {"id": "28:wellcheck", "name": "WellCheck"},
        "text": text,
        "textFormat": "plain",
        "channelData": {"tenant": {"id": tenant}},
    }


async def http_load(
    url: str,
    connector: FakeConnector,
    tenants: list[str],
    texts: list[str],
    messages: int,
    concurrency: int,
) -> list[float]:
    """`concurrency` senders, `messages` each; message k of the round comes from a person of
    tenant k % N (each person their own personal chat), so every tenant is asked in turn."""
    latencies: list[float] = []
    run = str(time.time_ns())  # activity ids unique per run: redeliveries are answered once
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=concurrency)) as session:

        async def sender(c: int) -> None:
            for n in range(messages):
                k = n * concurrency + c
                user = f"officer-{run}-{k}"
                body = activity(connector, user, tenants[k % len(tenants)], texts[k % len(texts)])
                start = time.perf_counter()
                async with session.post(url + "/api/messages", json=body) as response:
                    await response.read()
                    if response.status != 200:
                        raise SystemExit(f"{url}: status {response.status}")
                latencies.append(time.perf_counter() - start)

        await asyncio.gather(*(sender(c) for c in range(concurrency)))
    return latencies


@dataclass
class Served:
    latencies: list[float] = field(default_factory=list)
    cpu_s: float = 0.0
    start_s: float = 0.0
    rss: float = 0.0
    gc_passes: list[float] = field(default_factory=list)  # full collections while measured


async def http_latency(
    folders: dict[str, Path],
    tenants: dict[str, list[str]],
    texts: list[str],
    args: argparse.Namespace,
    work: Path,
) -> tuple[dict[str, Served], int]:
    connector = FakeConnector()
    connector.start()
    servers: dict[str, tuple[subprocess.Popen, str]] = {}
    found = {name: Served() for name in folders}
    try:
        for name, folder in folders.items():  # one at a time: start-up time is its own
            begin = time.perf_counter()
            servers[name] = start_server(folder, work)
            await wait_healthy(servers[name][1], servers[name][0], work / f"{folder.name}.log")
            found[name].start_s = time.perf_counter() - begin
        order = texts[:]
        random.Random(11).shuffle(order)
        for name, (_, url) in servers.items():  # warm-up: every tenant, the connections
            warm = max(len(tenants[name]) // args.concurrency + 1, 5)
            await http_load(url, connector, tenants[name], order, warm, args.concurrency)
        before = len(connector.messages())
        collected = {name: len(gc_passes(work, folders[name])) for name in servers}
        names = list(servers)
        for round_no in range(args.http_rounds):
            for name in names if round_no % 2 == 0 else names[::-1]:
                server, url = servers[name]
                cpu = cpu_seconds(server.pid)
                order = order[97:] + order[:97]  # other queries to other tenants each round
                found[name].latencies += await http_load(
                    url, connector, tenants[name], order, args.messages, args.concurrency
                )
                found[name].cpu_s += cpu_seconds(server.pid) - cpu
        for name, (server, _) in servers.items():
            found[name].rss = rss_mb(server.pid)
            found[name].gc_passes = gc_passes(work, folders[name])[collected[name] :]
        return found, len(connector.messages()) - before
    finally:
        for server, _ in servers.values():
            server.terminate()
        for server, _ in servers.values():
            server.wait(timeout=20)
        connector.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--agencies", type=int, default=200, help="N agency files")
    parser.add_argument("--runs", type=int, default=2, help="fresh processes per size (core)")
    parser.add_argument("--rounds", type=int, default=1, help="core: passes over all queries")
    parser.add_argument("--messages", type=int, default=40, help="HTTP: per sender per round")
    parser.add_argument("--concurrency", type=int, default=16, help="HTTP: concurrent senders")
    parser.add_argument("--http-rounds", type=int, default=6, help="HTTP: rounds per server")
    parser.add_argument("--no-http", action="store_true", help="skip the HTTP part")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        child(args.child, args.rounds)
        return
    with tempfile.TemporaryDirectory(prefix="wellcheck-agencies-") as tmp:
        run(args, Path(tmp))


def run(args: argparse.Namespace, work: Path) -> None:
    n = args.agencies
    made = generate(work / "many", n)
    one = work / "one"
    one.mkdir()
    (one / f"{made[0][0]}.yaml").write_text((work / "many" / f"{made[0][0]}.yaml").read_text())
    single, many = "1 agency", f"{n} agencies"
    folders = {single: one, many: work / "many"}
    tenants = {single: [made[0][2]], many: [m[2] for m in made]}
    texts = queries()
    print(f"{n} agency files generated; {len(texts)} distinct queries; {args.runs} runs per size")

    runs = measure_children(folders, args.runs, args.rounds)
    http = None if args.no_http else asyncio.run(http_latency(folders, tenants, texts, args, work))

    def median(key: str) -> dict[str, float]:
        return {k: statistics.median(r[key] for r in v) for k, v in runs.items()}

    load_s, rss0, rss, full_gc = median("load_s"), median("rss0"), median("rss"), median("full_gc")
    core = {k: [x for r in v for x in r["samples"]] for k, v in runs.items()}
    passes = {k: [x for r in v for x in r["gc_passes"]] for k, v in runs.items()}
    lines: list[tuple[str, dict[str, str]]] = [
        ("catalogue load (median)", {k: f"{v:.2f} s" for k, v in load_s.items()}),
        ("RSS after imports", {k: f"{v:.0f} MB" for k, v in rss0.items()}),
        ("RSS with the catalogue", {k: f"{v:.0f} MB" for k, v in rss.items()}),
        ("one full GC pass", {k: f"{v * 1e3:.0f} ms" for k, v in full_gc.items()}),
        (f"core reply p50 ({len(core[single])} each)", {k: f"{pct(v, 0.5):.3f} ms" for k, v in core.items()}),
        ("core reply p99", {k: f"{pct(v, 0.99):.3f} ms" for k, v in core.items()}),
        ("core reply max", {k: f"{max(v) * 1e3:.2f} ms" for k, v in core.items()}),
        ("full GC passes while asked (core)", {k: f"{len(v)}, {sum(v) * 1e3:.0f} ms" for k, v in passes.items()}),
    ]  # fmt: skip
    if http is not None:
        served, delivered = http
        count = len(served[single].latencies)
        lines += [
            ("server start to /healthz", {k: f"{v.start_s:.2f} s" for k, v in served.items()}),
            (f"Teams round trip p50 ({count} each)", {k: f"{pct(v.latencies, 0.5):.1f} ms" for k, v in served.items()}),
            ("Teams round trip p99", {k: f"{pct(v.latencies, 0.99):.1f} ms" for k, v in served.items()}),
            ("Teams round trip max", {k: f"{max(v.latencies) * 1e3:.1f} ms" for k, v in served.items()}),
            ("server CPU per message", {k: f"{v.cpu_s / len(v.latencies) * 1e3:.2f} ms" for k, v in served.items()}),
            ("server full GC passes while asked", {k: f"{len(v.gc_passes)}, max {max(v.gc_passes, default=0) * 1e3:.0f} ms" for k, v in served.items()}),
            ("server RSS after the run", {k: f"{v.rss:.0f} MB" for k, v in served.items()}),
        ]  # fmt: skip
    print(f"\n{'':36}{single:>18}{many:>18}")
    for label, cells in lines:
        print(f"{label:36}{cells[single]:>18}{cells[many]:>18}")
    if http is not None:
        print(f"answers delivered to the connector: {delivered} of {2 * count}")
    if n > 1:
        print(
            f"per extra agency: {(load_s[many] - load_s[single]) / (n - 1) * 1e3:.1f} ms to load, "
            f"{(rss[many] - rss[single]) / (n - 1) * 1024:.0f} KB resident"
        )
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )


if __name__ == "__main__":
    main()
