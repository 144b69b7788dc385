"""How long planning reminders takes, and how late real-clock reminders fire.

    python bench/reminders.py [--live-seconds 20]

1. Planning: the plan over the 10,000-session synthetic programme (50 events, three
   reminder rooms with two lead times each, 200 personal subscriptions), for the whole
   programme and for the few hours a scheduler tick plans: median and p95.
2. Live: a programme whose sessions start every second from now on, one room with a
   zero lead, the real clock and the real scheduler loop (it sleeps until each notice is
   due). Prints how late each notice reached the transport after its due time: median
   and max.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import tempfile
import time
from datetime import datetime, timedelta
from datetime import time as dtime
from pathlib import Path

from synthetic import build  # bench/ is on the path when this script runs

from bot.cli.assemble import new_app
from bot.commands.messages import Outgoing
from bot.programme.model import Event, Programme, Session
from bot.reminders.planner import Subscription, plan
from bot.reminders.repository import personal_notice_key
from bot.reminders.scheduler import HORIZON, Scheduler
from bot.settings.clock import PARIS, FixedClock, SystemClock
from bot.settings.config import Config
from bot.storage import Storage


def planning(runs: int, horizon: timedelta | None) -> tuple[float, float, int]:
    """Plan the 10,000-session programme from its first day, for `horizon` ahead (None:
    the whole programme)."""
    programme = build(10_000)
    config = Config.model_validate(
        {
            "reminders": {
                "rooms": [{"room": f"!room{n}:local", "lead_minutes": [10, 0]} for n in range(3)]
            }
        }
    )
    app = new_app(config, programme)
    subscriptions = [
        Subscription(f"@u{n}:local", s.id, 10) for n, s in enumerate(programme.sessions[::50])
    ]
    since = datetime.combine(programme.events[0].start, dtime(8, 0), PARIS)
    app.catalog  # noqa: B018 - the agenda is built once per programme, not per plan
    timings = []
    for _ in range(runs):
        began = time.perf_counter()
        until = None if horizon is None else since + horizon
        notices = plan(programme, app.catalog.agenda, config.reminders, subscriptions, since, until)
        timings.append((time.perf_counter() - began) * 1000)
    timings.sort()
    return statistics.median(timings), timings[int(0.95 * (len(timings) - 1))], len(notices)


class Stopwatch:
    """A transport that notes when each notice arrives."""

    def __init__(self, due: dict[str, datetime]) -> None:
        self.due = due
        self.late: list[float] = []

    async def deliver(self, messages: list[Outgoing]) -> None:
        arrived = datetime.now(PARIS)
        for message in messages:
            first_id = message.reply.plain.rsplit("· ", 1)[-1]
            self.late.append((arrived - self.due[first_id]).total_seconds() * 1000)


async def live(count: int, spacing: float) -> list[float]:
    """`count` sessions starting `spacing` seconds apart from 3 s from now, announced
    with a zero lead by the real scheduler loop; returns how late each one arrived (ms)."""
    first = datetime.now(PARIS).replace(microsecond=0) + timedelta(seconds=3)
    sessions, due = [], {}
    for n in range(count):
        at = first + timedelta(seconds=round(n * spacing))
        ident = f"live{n:03d}"
        sessions.append(
            Session(ident, "live", at.date(), at.time(), None, f"Talk {n}", room="Live")
        )
        due[ident] = at
    programme = Programme(
        (Event("live", "Live", first.date(), first.date(), sessions=tuple(sessions)),)
    )
    config = Config.model_validate(
        {"reminders": {"rooms": [{"room": "!live", "lead_minutes": [0]}], "digest_time": None}}
    )
    with tempfile.TemporaryDirectory() as folder:
        storage = await Storage.open(Path(folder) / "bench.db")
        app = new_app(config, programme, clock=SystemClock(PARIS), storage=storage)
        watch = Stopwatch(due)
        task = asyncio.create_task(Scheduler(app, watch).run())
        await asyncio.sleep(3 + count * spacing + 1)
        task.cancel()
        await storage.close()
    return watch.late


class Quiet:
    """A transport that takes every message and says nothing."""

    async def deliver(self, messages: list[Outgoing]) -> None:
        pass


async def tick_among(count: int, runs: int) -> tuple[float, float, int]:
    """(median processor seconds, median wall seconds, subscriptions planned) of a
    scheduler tick with `count` subscriptions, nearly all to past sessions."""
    programme = build(10_000)
    now = datetime.combine(programme.events[-1].start, dtime(9, 0), PARIS)
    config = Config.model_validate({"reminders": {"digest_time": None}})
    rng = random.Random(3)
    sessions = programme.sessions
    with tempfile.TemporaryDirectory() as folder:
        storage = await Storage.open(Path(folder) / "bench.db")
        app = new_app(config, programme, clock=FixedClock(now, PARIS), storage=storage)
        subscriptions, log = [], []
        for number in range(count):
            session = rng.choice(sessions)
            user = f"@u{number}:local"
            subscriptions.append((user, session.id, 10, 0.0))
            slot = app.catalog.agenda.slot(session)
            if slot is not None and slot.start < now:
                due = slot.start - timedelta(minutes=10)
                log.append((personal_notice_key(user, session.id, slot.start.isoformat(), 10),
                            "sent", due.timestamp(), due.timestamp()))
        await storage.db.executemany("INSERT OR IGNORE INTO subscriptions VALUES (?, ?, ?, ?)",
                                     subscriptions)
        await storage.db.executemany("INSERT OR IGNORE INTO reminder_log VALUES (?, ?, ?, ?)",
                                     log)
        await storage.db.commit()
        scheduler = Scheduler(app, Quiet())
        await scheduler.tick()  # the first: what falls due now is sent
        planned = len([n for n in await scheduler.upcoming(now - timedelta(minutes=5),
                                                           now + HORIZON)
                       if n.kind == "personal"])
        cpu, wall = [], []
        for _ in range(runs):
            began, began_cpu = time.perf_counter(), time.process_time()
            await scheduler.tick()
            cpu.append(time.process_time() - began_cpu)
            wall.append(time.perf_counter() - began)
        await storage.close()
    return statistics.median(cpu), statistics.median(wall), planned


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--live-seconds", type=int, default=20)
    parser.add_argument("--subscriptions", type=int, default=100_000)
    parser.add_argument("--tick-only", action="store_true", help="only the tick (3.)")
    args = parser.parse_args()
    if args.tick_only:
        return tick(args.subscriptions, args.runs)
    for label, horizon in (
        ("the whole programme", None),
        ("one scheduler tick, 6 h ahead", HORIZON),
    ):
        median, p95, count = planning(args.runs, horizon)
        print(
            f"planning 10,000 sessions, {label} ({count} notices): median {median:.2f} ms, "
            f"p95 {p95:.2f} ms"
        )
    late = asyncio.run(live(args.live_seconds // 2, 2.0))
    print(
        f"live: {len(late)} notices on the real clock, late by median "
        f"{statistics.median(late):.1f} ms, max {max(late):.1f} ms"
    )
    tick(args.subscriptions, args.runs)


def tick(count: int, runs: int) -> None:
    cpu, wall, planned = asyncio.run(tick_among(count, runs))
    print(f"a tick among {count:,} subscriptions, nearly all past: median {cpu * 1000:.1f} ms "
          f"of processor time, {wall * 1000:.1f} ms on the wall clock ({runs} ticks); "
          f"{planned} personal notices in its 6 h")


if __name__ == "__main__":
    main()
