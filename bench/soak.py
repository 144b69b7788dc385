"""Soak test: the bot under a steady mixed load for minutes, with a homeserver restart.

    /work/venv/bin/python bench/soak.py [--minutes 10] [--users 4] [--faults]

Starts a Synapse on 127.0.0.1 and the bot as a separate process (with its reminder
service), on a programme written for the run: one event today, a session every two minutes,
each announced in the room one minute before. Then, for `--minutes`:
- `--users` people in one room send mixed commands (programme, now, next, search, help,
  an unknown one, `!rappel`), each every 2–4 s;
- one proposer, in a direct chat, sends the one-message proposal form and confirms it,
  every ~30 s;
- at half time the homeserver is stopped and started again (senders pause meanwhile);
- or, with `--faults`, the bot talks to Synapse through bench/fault_proxy.py (random 429s
  with `retry_after_ms`, 502s, resets before and after the server handled a request,
  stalls), is SIGKILLed and restarted at 1/6 and 1/3 of the run, and is cut off from the
  homeserver for 30 s at half time (the people, on Synapse directly, go on talking).
At the end it waits for the last answers and prints: commands sent, answered, answered
twice (must be 0), lost (must be 0), latency median/p95, proposals confirmed vs stored,
room reminders due vs sent (each once, and how late), personal reminders received twice,
the faults injected, and the bot's RSS (growth after the warm-up of its last run). It stops
by itself; all traffic stays on 127.0.0.1.
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
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from anywhere

from bench.fault_proxy import FaultProxy, Faults
from bench.roundtrip import percentile
from bot.settings.clock import PARIS
from tests.support.synapse import Human, Synapse, bot_config, unique, write_config

EVENT = "soak-event"
ROOM_COMMANDS = ["!aide", "!programme", "!maintenant", "!prochains", "!qui soak",
                 "!evenements", "!infos", "!nimportequoi", "!next", "!who talk 03"]
REMINDER_START = "Rappel\u00a0: "  # a personal reminder falling due, not an answer
PARTITION_SECONDS = 30.0
WARM_UP_SECONDS = 120.0
"""RSS growth is measured from this long after the bot's last (re)start."""
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
        self.announced_at: dict[str, datetime] = {}  # first notice of each session
        self.personal_reminders: Counter[tuple[str, str]] = Counter()  # (user, session)
        # `!rappel` in the room gets a 📬 reaction there (counted as its answer, exactly)
        # and the answer in the sender's direct chat: per sender, as many direct answers
        # as 📬 reactions to their commands.
        self.sender_of: dict[str, str] = {}
        self.mailbox: set[str] = set()  # the commands that got a 📬
        self.direct_answers: Counter[str] = Counter()  # per sender
        self.online = asyncio.Event()
        self.online.set()

    def watch(self, human: Human) -> None:
        from nio import ReactionEvent, RoomMessageNotice, RoomMessageText

        async def seen(room: Any, event: Any) -> None:
            if event.sender != self.bot_id or event.event_id in self.seen_events:
                return  # several watchers share the public room: count each message once
            self.seen_events.add(event.event_id)
            relates = event.source.get("content", {}).get("m.relates_to", {})
            command = relates.get("m.in_reply_to", {}).get("event_id")
            if command:
                self._answered(command, event.body)
            elif room.room_id == self.room and "Soak talk" in event.body:
                title = _title(event.body)
                self.notices[title] += 1
                self.announced_at.setdefault(title, datetime.now(PARIS))
            elif room.room_id != self.room and event.body.startswith(REMINDER_START):
                self.personal_reminders[human.user_id, _title(event.body)] += 1
            elif room.room_id != self.room:
                self.direct_answers[human.user_id] += 1

        async def reacted(room: Any, event: Any) -> None:
            if event.sender != self.bot_id or event.event_id in self.seen_events:
                return
            self.seen_events.add(event.event_id)
            self._answered(event.reacts_to, event.key)
            if event.key == "📬":
                self.mailbox.add(event.reacts_to)

        human.client.add_event_callback(seen, (RoomMessageText, RoomMessageNotice))
        human.client.add_event_callback(reacted, ReactionEvent)

    def direct_mismatch(self) -> tuple[int, int]:
        """(direct answers missing, direct answers too many), summed over the senders."""
        expected = Counter(self.sender_of[command] for command in self.mailbox
                           if command in self.sender_of)
        users = set(expected) | set(self.direct_answers)
        return (sum(max(0, expected[u] - self.direct_answers[u]) for u in users),
                sum(max(0, self.direct_answers[u] - expected[u]) for u in users))

    def _answered(self, command: str, body: str) -> None:
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
        self.sender_of[event_id] = human.user_id
        return event_id


def _title(body: str) -> str:
    return body[body.index("Soak talk"):][:12] if "Soak talk" in body else body[:30]


async def answered(load: Load, human: Human, event_id: str | None, timeout: float) -> bool:
    """Wait for the answer to `event_id`; False if none came in time (counted as lost)."""
    if event_id is None:
        return False
    try:
        await human.wait_until(lambda: load.answers[event_id] > 0, timeout=timeout)
    except TimeoutError:
        return False
    return True


async def room_user(load: Load, human: Human, room: str, until: float, sessions: list[str]
                    ) -> None:
    rng = random.Random(human.user_id)
    while time.monotonic() < until:
        text = rng.choice([*ROOM_COMMANDS, "!rappel " + rng.choice(sessions)])
        await load.send(human, room, text)
        await asyncio.sleep(rng.uniform(2, 4))


async def proposer(load: Load, human: Human, room: str, until: float, patience: float
                   ) -> int:
    """Proposals confirmed (the bot answered the 'oui' with the proposal's number)."""
    confirmed = 0
    n = 0
    while time.monotonic() < until - 20:
        n += 1
        form = await load.send(human, room, FORM.format(n=n))
        if await answered(load, human, form, patience):
            yes = await load.send(human, room, "oui")
            if await answered(load, human, yes, patience):
                confirmed += bool(re.search(r"#\d+", load.first_body[yes or ""]))
        await asyncio.sleep(30)
    return confirmed


class BotRun:
    """The bot as a child process (`--serve`), which can be SIGKILLed and started again."""

    def __init__(self, config_path: Path, log_path: Path) -> None:
        self.config_path, self.log_path = config_path, log_path
        self.process: subprocess.Popen[bytes] | None = None
        self.started = 0.0
        self.kills = 0

    def start(self) -> None:
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, __file__, "--serve", str(self.config_path)],
                stdout=log, stderr=subprocess.STDOUT)
        self.started = time.monotonic()

    def kill_and_restart(self) -> None:
        assert self.process is not None
        self.process.kill()
        self.process.wait()
        self.kills += 1
        self.start()

    def rss(self) -> tuple[float, int, int]:
        """(seconds since this run started, pid, RSS in KiB)."""
        assert self.process is not None
        pid = self.process.pid
        return time.monotonic() - self.started, pid, rss_kib(pid)

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()


async def disrupt(load: Load, synapse: Synapse, bot: BotRun, proxy: FaultProxy | None,
                  started: float, until: float) -> None:
    """The ordinary soak restarts the homeserver at half time; with faults, the bot is
    SIGKILLed at 1/6 and 1/3 of the run and partitioned from the homeserver at 1/2."""
    async def at(fraction: float) -> float:
        await asyncio.sleep(max(0.0, started + (until - started) * fraction - time.monotonic()))
        return time.monotonic() - started

    if proxy is None:
        await at(0.5)
        load.online.clear()
        outage = time.monotonic()
        await asyncio.to_thread(synapse.restart)
        load.online.set()
        print(f"homeserver restarted at {outage - started:.0f} s "
              f"(down {time.monotonic() - outage:.1f} s)", flush=True)
        return
    for fraction in (1 / 6, 1 / 3):
        moment = await at(fraction)
        bot.kill_and_restart()
        print(f"bot SIGKILLed and restarted at {moment:.0f} s", flush=True)
    moment = await at(0.5)
    print(f"partition of {PARTITION_SECONDS:.0f} s at {moment:.0f} s", flush=True)
    await proxy.partition(PARTITION_SECONDS)


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
    proxy = FaultProxy(synapse.base_url, Faults(), seed=7) if args.faults else None
    bot = BotRun(folder / "bot.yaml", folder / "bot.log")
    patience = 150.0 if args.faults else 60.0  # a partition, then the back-off of its syncs
    try:
        homeserver = await proxy.start() if proxy else synapse.base_url
        async with Human.connect(synapse, "room0") as host:
            room = await host.create_room(invite=[account.user_id])
            load.room = room
            config = bot_config(synapse, folder / "bot", account, pace_seconds=0.2,
                                allowed_servers=[synapse.server_name], homeserver=homeserver)
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
            bot.start()
            await host.wait_joined(room, account.user_id, timeout=60)
            load.watch(host)
            warm = await load.send(host, room, "!aide")
            await host.wait_until(lambda: load.answers[warm or ""] > 0, timeout=patience)
            rss = [bot.rss()]
            print(f"Synapse {synapse.base_url}; bot pid {rss[0][1]}"
                  f"{'; faults through ' + homeserver if proxy else ''}; {args.minutes} min, "
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
                proposing = asyncio.create_task(proposer(load, author, dm, until, patience))
                disrupting = asyncio.create_task(
                    disrupt(load, synapse, bot, proxy, started, until))
                while time.monotonic() < until:
                    await asyncio.sleep(min(60.0, until - time.monotonic()))
                    rss.append(bot.rss())
                await asyncio.gather(*jobs, disrupting)
                window.append(datetime.now(PARIS))
                confirmed = await proposing
                deadline = time.monotonic() + patience
                while time.monotonic() < deadline and any(load.answers[e] == 0
                                                          for e in load.sent):
                    await asyncio.sleep(0.5)
                await asyncio.sleep(3)  # late duplicates
                rss.append(bot.rss())
        due = [f"Soak talk {n:02d}" for n in range(len(sessions))
               if window[0] <= first_talk + timedelta(minutes=2 * n - 1) <= window[1]]
        _report(load, confirmed, folder / "bot" / "bot.db", rss,
                {title: first_talk + timedelta(minutes=2 * int(title[-2:]) - 1)
                 for title in due})
        if proxy is not None:
            print(f"faults injected: {dict(sorted(proxy.counts.items()))}; "
                  f"bot SIGKILLed {bot.kills} time(s)")
    finally:
        bot.stop()
        if proxy is not None:
            await proxy.stop()
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


def _report(load: Load, confirmed: int, database: Path, rss: list[tuple[float, int, int]],
            due: dict[str, datetime]) -> None:
    answered = [e for e in load.sent if load.answers[e] > 0]
    twice = [e for e in load.sent if load.answers[e] > 1]
    direct_missing, direct_extra = load.direct_mismatch()
    latencies = [load.first_answer[e] - load.sent[e] for e in answered]
    with sqlite3.connect(database) as db:
        stored = db.execute("SELECT count(*) FROM proposals").fetchone()[0]
    print(f"commands sent {len(load.sent)}, answered {len(answered)}, "
          f"answered twice {len(twice)}, lost {len(load.sent) - len(answered)}; "
          f"direct-chat answers to a 📬 `!rappel`: {sum(load.direct_answers.values())} for "
          f"{len(load.mailbox)}, missing {direct_missing}, extra {direct_extra}")
    if latencies:
        print(f"latency median {statistics.median(latencies) * 1000:.0f} ms, "
              f"p95 {percentile(latencies, 0.95) * 1000:.0f} ms, "
              f"max {max(latencies) * 1000:.0f} ms")
    print(f"proposals confirmed {confirmed}, stored {stored}")
    twice_sent = sorted(title for title, n in load.notices.items() if n > 1)
    missing = sorted(set(due) - set(load.notices))
    late = [(load.announced_at[title] - at).total_seconds() for title, at in due.items()
            if title in load.announced_at]
    print(f"room reminders due in the window {len(due)}, sessions announced "
          f"{len(load.notices)}, announced twice {len(twice_sent)} {twice_sent}, "
          f"missing {len(missing)} {missing}"
          + (f", lateness median {statistics.median(late):.1f} s, max {max(late):.1f} s"
             if late else ""))
    personal_twice = sorted(key for key, n in load.personal_reminders.items() if n > 1)
    print(f"personal reminders received {len(load.personal_reminders)}, "
          f"twice {len(personal_twice)} {personal_twice}")
    print("bot RSS (KiB) by time since its last start: "
          + ", ".join(f"{t:.0f}s {kib}" for t, _, kib in rss))
    last_run = [kib for t, pid, kib in rss if pid == rss[-1][1] and t >= WARM_UP_SECONDS]
    growth = (f", growth after warm-up {100 * (last_run[-1] / last_run[0] - 1):+.1f} % "
              f"({len(last_run)} samples of the last run)" if len(last_run) > 1
              else ", too few samples after warm-up for a growth figure")
    print(f"bot RSS start {rss[0][2] / 1024:.1f} MiB, end {rss[-1][2] / 1024:.1f} MiB{growth}")


def serve(config_path: Path) -> int:
    """The bot with its reminder service (what `bluehats-bot run` should start)."""
    import logging

    from bot.cli.run import matrix_bot
    from bot.reminders.scheduler import Scheduler
    from bot.settings.config import load_config

    logging.basicConfig(level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")

    async def reminders(app: Any, transport: Any) -> None:
        await Scheduler(app, transport).run()

    async def go() -> int:
        bot = await matrix_bot(load_config(config_path), services=(reminders,))
        return await bot.run()

    return asyncio.run(go())


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--users", type=int, default=4)
    parser.add_argument("--faults", action="store_true",
                        help="through a fault-injecting proxy, with SIGKILLs and a partition")
    parser.add_argument("--serve", type=Path, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.serve:
        sys.exit(serve(arguments.serve))
    asyncio.run(main(arguments))
