"""Soak test: the bot under a steady mixed load for minutes, with a homeserver restart.

    /work/venv/bin/python bench/soak.py [--minutes 10] [--users 4]

Starts a Synapse on 127.0.0.1 and the bot as a separate process (with its reminder
service), on a programme written for the run: one event today, a session every two minutes,
each announced in the room one minute before. Then, for `--minutes`:
- `--users` people in one room send mixed commands (programme, now, next, search, help,
  an unknown one, `!rappel`), each every 2–4 s;
- one proposer, in a direct chat, sends the one-message proposal form and confirms it,
  every ~30 s;
- at half time the homeserver is stopped and started again (senders pause meanwhile).
At the end it waits for the last answers and prints: commands sent, answered, answered
twice (must be 0), lost (must be 0), latency median/p95, proposals confirmed vs stored,
room reminders due vs sent (each once), and the bot's RSS at start and end. It stops by
itself; all traffic stays on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, deque
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from anywhere

from bench.roundtrip import percentile
from bot.clock import PARIS
from tests.synapse import Human, Synapse, bot_config, unique, write_config

EVENT = "soak-event"
ROOM_COMMANDS = ["!aide", "!programme", "!maintenant", "!prochains", "!qui soak",
                 "!evenements", "!infos", "!nimportequoi", "!next", "!who talk 03"]
REMINDER_START = "Rappel : "  # a personal reminder falling due, not an answer
FORM = ("!proposer Titre : Charge {n}\nFormat : talk\nRésumé : Une présentation écrite "
        "pendant l'essai de charge numéro {n}.\nIntervenants : Soak (DINUM)")


def programme(folder: Path, start: datetime, minutes: int) -> Path:
    """Today's event: a session every two minutes from `start` for `minutes`."""
    sessions = []
    for n in range(minutes // 2 + 2):
        at = start + timedelta(minutes=2 * n)
        sessions.append({"day": at.date().isoformat(), "start": at.strftime("%H:%M"),
                         "end": (at + timedelta(minutes=2)).strftime("%H:%M"),
                         "title": f"Soak talk {n:02d}", "speakers": ["A. Charge"],
                         "room": "A"})
    path = folder / "soak-programme.yaml"
    path.write_text(yaml.safe_dump({
        "event": {"id": EVENT, "title": "Essai de charge", "start": start.date().isoformat()},
        "sessions": sessions}, allow_unicode=True))
    return path


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


class Load:
    """What was sent and when, what came back and when."""

    def __init__(self, bot_id: str) -> None:
        self.bot_id = bot_id
        self.room = ""  # the public room, where room reminders go
        self.sent: dict[str, float] = {}
        self.answers: Counter[str] = Counter()
        self.first_answer: dict[str, float] = {}
        self.first_body: dict[str, str] = {}
        self.seen_events: set[str] = set()
        self.notices: Counter[str] = Counter()  # room reminder notices per session title
        # `!rappel` in the room is answered in the sender's direct chat, not as a reply
        # (unless it is refused): each such answer is matched to that sender's oldest
        # `!rappel` still unanswered. An answer may arrive before its command is recorded.
        self.personal: dict[str, deque[str]] = {}
        self.early: Counter[str] = Counter()  # per sender, answers not matched yet
        self.online = asyncio.Event()
        self.online.set()

    def watch(self, human: Human) -> None:
        from nio import RoomMessageNotice, RoomMessageText

        async def seen(room: Any, event: Any) -> None:
            if event.sender != self.bot_id or event.event_id in self.seen_events:
                return  # several watchers share the public room: count each message once
            self.seen_events.add(event.event_id)
            relates = event.source.get("content", {}).get("m.relates_to", {})
            command = relates.get("m.in_reply_to", {}).get("event_id")
            if command:
                self._answered(command, event.body)
            elif room.room_id == self.room and "Soak talk" in event.body:
                title = event.body[event.body.index("Soak talk"):][:12]
                self.notices[title] += 1
            elif room.room_id != self.room and not event.body.startswith(REMINDER_START):
                waiting = self.personal.get(human.user_id)
                if waiting:
                    self._answered(waiting.popleft(), event.body)
                else:
                    self.early[human.user_id] += 1

        human.client.add_event_callback(seen, (RoomMessageText, RoomMessageNotice))

    def _answered(self, command: str, body: str) -> None:
        for waiting in self.personal.values():  # a `!rappel` refused in the room
            if command in waiting:
                waiting.remove(command)
        self.answers[command] += 1
        self.first_answer.setdefault(command, time.perf_counter())
        self.first_body.setdefault(command, body)

    async def send(self, human: Human, room: str, text: str) -> str | None:
        await self.online.wait()
        try:
            started = time.perf_counter()
            event_id = await human.send(room, text)
        except (TimeoutError, AssertionError, OSError):
            return None  # the homeserver is down: not sent, not counted
        self.sent[event_id] = started
        if room == self.room and text.startswith("!rappel") and not self.answers[event_id]:
            if self.early[human.user_id]:
                self.early[human.user_id] -= 1
                self._answered(event_id, "")
            else:
                self.personal.setdefault(human.user_id, deque()).append(event_id)
        return event_id


async def room_user(load: Load, human: Human, room: str, until: float, sessions: list[str]
                    ) -> None:
    rng = random.Random(human.user_id)
    while time.monotonic() < until:
        text = rng.choice([*ROOM_COMMANDS, "!rappel " + rng.choice(sessions)])
        await load.send(human, room, text)
        await asyncio.sleep(rng.uniform(2, 4))


async def proposer(load: Load, human: Human, room: str, until: float) -> int:
    """Proposals confirmed (the bot answered the 'oui' with the proposal's number)."""
    confirmed = 0
    n = 0
    while time.monotonic() < until - 20:
        n += 1
        form = await load.send(human, room, FORM.format(n=n))
        if form is not None:
            await human.wait_until(lambda f=form: load.answers[f] > 0, timeout=60)
            yes = await load.send(human, room, "oui")
            if yes is not None:
                await human.wait_until(lambda y=yes: load.answers[y] > 0, timeout=60)
                confirmed += bool(re.search(r"#\d+", load.first_body[yes]))
        await asyncio.sleep(30)
    return confirmed


async def main(args: argparse.Namespace) -> None:
    folder = Path(tempfile.mkdtemp(prefix="bluehats-soak-"))
    synapse = Synapse(folder / "synapse")
    synapse.start()
    account = synapse.register(unique("bot"))
    now = datetime.now(PARIS)
    first_talk = (now + timedelta(minutes=3)).replace(second=0, microsecond=0)
    path = programme(folder, first_talk, int(args.minutes))
    sessions = [f"Soak talk {n:02d}" for n in range(int(args.minutes) // 2 + 2)]
    load = Load(account.user_id)
    process: subprocess.Popen[bytes] | None = None
    try:
        async with Human.connect(synapse, "room0") as host:
            room = await host.create_room(invite=[account.user_id])
            load.room = room
            config = bot_config(synapse, folder / "bot", account, pace_seconds=0.2,
                                allowed_servers=[synapse.server_name])
            config = config.model_validate({
                **config.model_dump(mode="json"),
                "programme": {"paths": [str(path)], "watch": False,
                              "timezone": "Europe/Paris"},
                "reminders": {"rooms": [{"room": room, "lead_minutes": [1]}],
                              "digest_time": None, "personal_lead_minutes": 1},
                "proposals": {"calls": [{"event": EVENT,
                                         "opens": _wall(now - timedelta(days=1)),
                                         "closes": _wall(now + timedelta(days=1))}],
                              "max_pending_per_user": 100},
                "limits": {"flood_control": True, "user_commands": 10, "user_seconds": 10,
                           "room_commands": 300, "room_seconds": 60},
            })
            write_config(config, folder / "bot.yaml")
            with (folder / "bot.log").open("ab") as log:
                process = subprocess.Popen(
                    [sys.executable, __file__, "--serve", str(folder / "bot.yaml")],
                    stdout=log, stderr=subprocess.STDOUT)
            await host.wait_joined(room, account.user_id, timeout=60)
            load.watch(host)
            warm = await load.send(host, room, "!aide")
            await host.wait_until(lambda: load.answers[warm or ""] > 0, timeout=60)
            pid = process.pid
            rss = [(0.0, rss_kib(pid))]
            print(f"Synapse {synapse.base_url}; bot pid {pid}; {args.minutes} min, "
                  f"{args.users} room users + 1 proposer; folder {folder}", flush=True)
            started = time.monotonic()
            window = [datetime.now(PARIS)]
            until = started + args.minutes * 60
            async with _humans(synapse, args.users, folder) as people, \
                    Human.connect(synapse, "proposer") as author:
                for person in people:
                    await host.invite(room, person.user_id)
                for person in people:
                    await person.wait_joined(room, person.user_id, timeout=60)
                    load.watch(person)  # for the `!rappel` answers in direct chats
                dm = await author.open_dm(account.user_id)
                await author.wait_joined(dm, account.user_id, timeout=60)
                load.watch(author)
                jobs = [asyncio.create_task(room_user(load, p, room, until, sessions))
                        for p in people]
                proposing = asyncio.create_task(proposer(load, author, dm, until))
                await asyncio.sleep((until - time.monotonic()) / 2)
                load.online.clear()
                outage = time.monotonic()
                await asyncio.to_thread(synapse.restart)
                load.online.set()
                print(f"homeserver restarted at {outage - started:.0f} s "
                      f"(down {time.monotonic() - outage:.1f} s)", flush=True)
                while time.monotonic() < until:
                    await asyncio.sleep(min(60.0, until - time.monotonic()))
                    rss.append((time.monotonic() - started, rss_kib(pid)))
                await asyncio.gather(*jobs)
                window.append(datetime.now(PARIS))
                confirmed = await proposing
                deadline = time.monotonic() + 90
                while time.monotonic() < deadline and any(load.answers[e] == 0
                                                          for e in load.sent):
                    await asyncio.sleep(0.5)
                await asyncio.sleep(3)  # late duplicates
                rss.append((time.monotonic() - started, rss_kib(pid)))
        due = [f"Soak talk {n:02d}" for n in range(len(sessions))
               if window[0] <= first_talk + timedelta(minutes=2 * n - 1) <= window[1]]
        _report(load, confirmed, folder / "bot" / "bot.db", rss, due)
    finally:
        if process is not None:
            process.terminate()
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                process.kill()
        synapse.stop()


def _wall(at: datetime) -> str:
    return at.strftime("%Y-%m-%d %H:%M")


class _humans:
    """`count` room users connected together."""

    def __init__(self, synapse: Synapse, count: int, folder: Path) -> None:
        self.synapse, self.count, self.folder = synapse, count, folder
        self._contexts: list[Any] = []

    async def __aenter__(self) -> list[Human]:
        # Encrypting clients: the bot's direct chats (the `!rappel` answers) are encrypted.
        self._contexts = [Human.connect(self.synapse, f"user{i}", encrypted=True,
                                        store=self.folder / f"user{i}")
                          for i in range(self.count)]
        return [await context.__aenter__() for context in self._contexts]

    async def __aexit__(self, *exc: object) -> None:
        for context in self._contexts:
            await context.__aexit__(None, None, None)


def _report(load: Load, confirmed: int, database: Path, rss: list[tuple[float, int]],
            due: list[str]) -> None:
    answered = [e for e in load.sent if load.answers[e] > 0]
    twice = [e for e in load.sent if load.answers[e] > 1]
    twice_count = len(twice) + sum(load.early.values())  # direct answers to nothing
    latencies = [load.first_answer[e] - load.sent[e] for e in answered]
    with sqlite3.connect(database) as db:
        stored = db.execute("SELECT count(*) FROM proposals").fetchone()[0]
    print(f"commands sent {len(load.sent)}, answered {len(answered)}, "
          f"answered twice {twice_count}, lost {len(load.sent) - len(answered)}")
    if latencies:
        print(f"latency median {statistics.median(latencies) * 1000:.0f} ms, "
              f"p95 {percentile(latencies, 0.95) * 1000:.0f} ms, "
              f"max {max(latencies) * 1000:.0f} ms")
    print(f"proposals confirmed {confirmed}, stored {stored}")
    twice_sent = sorted(title for title, n in load.notices.items() if n > 1)
    missing = sorted(set(due) - set(load.notices))
    print(f"room reminders due in the window {len(due)}, sessions announced "
          f"{len(load.notices)}, announced twice {len(twice_sent)} {twice_sent}, "
          f"missing {len(missing)} {missing}")
    print("bot RSS (KiB) by time: " + ", ".join(f"{t:.0f}s {kib}" for t, kib in rss))
    print(f"bot RSS start {rss[0][1] / 1024:.1f} MiB, end {rss[-1][1] / 1024:.1f} MiB")


def serve(config_path: Path) -> int:
    """The bot with its reminder service (what `bluehats-bot run` should start)."""
    import logging

    from bot.config import load_config
    from bot.reminders.scheduler import Scheduler
    from bot.transports.matrix.runner import MatrixBot

    logging.basicConfig(level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")

    async def reminders(app: Any, transport: Any) -> None:
        await Scheduler(app, transport).run()

    async def go() -> int:
        bot = await MatrixBot.create(load_config(config_path), services=(reminders,))
        return await bot.run()

    return asyncio.run(go())


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--users", type=int, default=4)
    parser.add_argument("--serve", type=Path, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.serve:
        sys.exit(serve(arguments.serve))
    asyncio.run(main(arguments))
