"""Reminders with a fake clock and a real SQLite file: on time, once, across restarts."""

import asyncio
import os
import time as process_time
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.app import App
from bot.cli.assemble import new_app
from bot.commands.dispatch import handle
from bot.commands.messages import Incoming, Outgoing
from bot.programme.model import Event, Programme, Session, Speaker
from bot.reminders.repository import Reminders
from bot.reminders.scheduler import Scheduler
from bot.settings.clock import FixedClock
from bot.settings.config import Config
from bot.storage import Storage

PARIS = ZoneInfo("Europe/Paris")
ROOM = "!bluehats:tchap"
DAY = date(2024, 12, 4)


class Recorder:
    """A transport that keeps what it is asked to deliver (the Matrix one is tested
    against Synapse elsewhere)."""

    def __init__(self) -> None:
        self.sent: list[Outgoing] = []
        self.fail = False

    async def deliver(self, messages: list[Outgoing]) -> None:
        if self.fail:
            raise ConnectionError("homeserver unreachable")
        self.sent.extend(messages)

    def texts(self) -> list[str]:
        return [m.reply.plain for m in self.sent]


def session(
    ident: str,
    title: str,
    start: time | None,
    room: str | None = "Ada Lovelace",
    day: date = DAY,
    kind: str = "talk",
) -> Session:
    return Session(
        ident, "osxp", day, start, None, title, (Speaker("V. Viers", "DINUM"),), room, kind
    )


def programme(*sessions: Session, day: date = DAY) -> Programme:
    return Programme(
        (
            Event(
                "osxp",
                "Journée BlueHats",
                day,
                day,
                venue="Palais des congrès",
                sessions=tuple(sessions),
            ),
        )
    )


SEEDS = programme(
    session("grist1", "Grist pour tous", time(14)),
    session("tchap1", "Tchap en 2024", time(14), room="Turing"),
    session("pause1", "Pause café", time(15), kind="break"),
    session("docs01", "Docs et La Suite", time(15, 20)),
    session("nohour", "Démo sans horaire", None),
)


def config(**reminders) -> Config:
    settings = {"rooms": [{"room": ROOM, "lead_minutes": [10]}], "digest_time": None, **reminders}
    return Config.model_validate({"reminders": settings})


@dataclass
class Bot:
    app: App
    scheduler: Scheduler
    transport: Recorder
    clock: FixedClock

    @property
    def reminders(self) -> Reminders:
        return self.scheduler.reminders


@pytest.fixture
async def make(tmp_path: Path):
    """Build a Bot on one database file; call again to simulate a restart of the bot on
    the same file."""
    opened: list[Storage] = []

    async def build(at: datetime, prog: Programme = SEEDS, settings: Config | None = None):
        storage = await Storage.open(tmp_path / "bot.db")
        opened.append(storage)
        clock = FixedClock(at)
        app = new_app(settings or config(), prog, clock=clock, storage=storage)
        transport = Recorder()
        return Bot(app, Scheduler(app, transport), transport, clock)

    yield build
    for storage in opened:
        await storage.close()


def at(hour: int, minute: int = 0, day: date = DAY) -> datetime:
    return datetime.combine(day, time(hour, minute), PARIS)


async def test_a_slot_is_announced_lead_minutes_before_in_one_message(make) -> None:
    bot = await make(at(13, 0))
    assert await bot.scheduler.tick() == at(13, 50)  # it sleeps until then, no polling
    assert bot.transport.sent == []
    bot.clock.set(at(13, 50))
    await bot.scheduler.tick()
    (message,) = bot.transport.sent
    assert message.to_room == ROOM and message.key.startswith("rem-")
    assert message.reply.plain == (
        "Dans 10 min (14 h) :\n"
        "• Grist pour tous — V. Viers (DINUM) · salle Ada Lovelace · grist1\n"
        "• Tchap en 2024 — V. Viers (DINUM) · salle Turing · tchap1"
    )


async def test_several_lead_times_and_one_room_in_the_heading(make) -> None:
    settings = config(rooms=[{"room": ROOM, "lead_minutes": [30, 0]}])
    bot = await make(at(14, 30), settings=settings)
    assert await bot.scheduler.tick() == at(14, 50)
    bot.clock.set(at(14, 50))
    await bot.scheduler.tick()
    bot.clock.set(at(15, 20))
    await bot.scheduler.tick()
    assert bot.transport.texts() == [
        "Dans 30 min, salle Ada Lovelace (15 h 20) :\n• Docs et La Suite — V. Viers (DINUM) · "
        "docs01",
        "C'est maintenant, salle Ada Lovelace (15 h 20) :\n• Docs et La Suite — V. Viers (DINUM) · "
        "docs01",
    ]


async def test_each_tick_plans_a_few_hours_ahead_only(make) -> None:
    bot = await make(at(6, 0))
    assert await bot.scheduler.tick() == at(12, 0)  # nothing before 12:00: look again then
    bot.clock.set(at(12, 0))
    assert await bot.scheduler.tick() == at(13, 50)


async def test_breaks_are_announced_only_when_configured(make) -> None:
    bot = await make(at(14, 30))
    assert await bot.scheduler.tick() == at(15, 10)  # the 15 h break is skipped
    bot2 = await make(at(14, 30), settings=config(announce_breaks=True))
    assert await bot2.scheduler.tick() == at(14, 50)


async def test_morning_digest_and_day_before(make) -> None:
    settings = config(digest_time="08:30", day_before_time="18:00")
    bot = await make(at(17, 0, DAY - timedelta(days=1)), settings=settings)
    assert await bot.scheduler.tick() == at(18, 0, DAY - timedelta(days=1))
    bot.clock.set(at(18, 0, DAY - timedelta(days=1)))
    await bot.scheduler.tick()
    bot.clock.set(at(8, 30))
    await bot.scheduler.tick()
    eve, digest = bot.transport.texts()
    assert eve == (
        "Demain : Journée BlueHats (mercredi 4 décembre 2024), Palais des congrès. "
        "Le programme : !programme"
    )
    assert digest.splitlines() == [
        "Programme du jour — Journée BlueHats",
        "• 14 h · Grist pour tous — V. Viers (DINUM) · salle Ada Lovelace · grist1",
        "• 14 h · Tchap en 2024 — V. Viers (DINUM) · salle Turing · tchap1",
        "• 15 h · Pause café — V. Viers (DINUM) · salle Ada Lovelace · pause1",
        "• 15 h 20 · Docs et La Suite — V. Viers (DINUM) · salle Ada Lovelace · docs01",
        "• Démo sans horaire — V. Viers (DINUM) · salle Ada Lovelace · nohour",
    ]


async def test_the_day_before_names_the_programme_command_with_the_configured_prefix(
        make) -> None:
    settings = config(day_before_time="18:00")
    settings = settings.model_copy(
        update={"commands": settings.commands.model_copy(update={"prefix": "?"})})
    bot = await make(at(18, 0, DAY - timedelta(days=1)), settings=settings)
    await bot.scheduler.tick()
    assert bot.transport.texts() == [
        "Demain : Journée BlueHats (mercredi 4 décembre 2024), Palais des congrès. "
        "Le programme : ?programme"
    ]


async def test_personal_reminder_by_direct_message(make) -> None:
    bot = await make(at(12, 0))
    answer = await handle(bot.app, Incoming("!rappel docs01", "@anne:agent.tchap.gouv.fr", ROOM))
    # Asked in the public room: the confirmation goes to a direct chat, and the command
    # gets a 📬 reaction in the room (a line of text where reactions do not exist).
    assert [(m.to_user, m.react) for m in answer] == [("@anne:agent.tchap.gouv.fr", None),
                                                     (None, "📬")]
    assert answer[0].reply.plain.startswith("C'est noté : je vous écrirai 10 min avant")
    assert answer[1].reply.plain == "📬 Réponse envoyée en message privé."
    direct = await handle(bot.app, Incoming("!rappel docs01", "@anne:agent.tchap.gouv.fr",
                                            "!dm", is_direct=True))
    assert [(m.to_user, m.react) for m in direct] == [(None, None)]  # just the answer
    assert direct[0].reply.plain.startswith("C'était déjà noté")
    bot.clock.set(at(15, 10))
    await bot.scheduler.tick()
    personal = [m for m in bot.transport.sent if m.to_user]
    assert [(m.to_user, m.reply.plain) for m in personal] == [
        (
            "@anne:agent.tchap.gouv.fr",
            "Rappel : dans 10 min, Docs et La Suite, salle Ada Lovelace (mercredi 4 décembre, "
            "15 h 20).",
        )
    ]
    listing = await handle(
        bot.app, Incoming("!rappels", "@anne:agent.tchap.gouv.fr", "!dm", is_direct=True)
    )
    assert listing[0].reply.plain.startswith("Vos rappels\n• 15 h 20 · Docs et La Suite")
    forgot = await handle(
        bot.app, Incoming("!forget docs01", "@anne:agent.tchap.gouv.fr", "!dm", is_direct=True)
    )
    assert forgot[0].reply.plain == "Reminder removed: docs01"


async def test_remind_by_words_and_refusals(make) -> None:
    bot = await make(at(12, 0))
    by_words = await handle(bot.app, Incoming("!remind grist", "@a:b", "!dm", is_direct=True))
    assert "Grist pour tous" in by_words[0].reply.plain
    untimed = await handle(bot.app, Incoming("!rappel nohour", "@a:b", "!dm", is_direct=True))
    assert untimed[0].reply.plain.startswith("Aucune session à venir ne correspond")
    assert await bot.reminders.subscriptions("@a:b") == [("@a:b", "grist1", 10)]


async def test_a_restart_never_sends_twice(make) -> None:
    bot = await make(at(13, 50))
    await bot.scheduler.tick()
    assert len(bot.transport.sent) == 1
    # The bot restarts: a new bot.app and bot.scheduler on the same database, same minute.
    bot2 = await make(at(13, 51))
    assert await bot2.scheduler.tick() == at(15, 10)
    assert bot2.transport.sent == []


async def test_a_crash_between_send_and_record_resends_with_the_same_key(make) -> None:
    bot = await make(at(13, 50))
    await bot.scheduler.tick()
    (first,) = bot.transport.sent
    keys = [
        f"slot|{ROOM}|10|grist1|{at(14).isoformat()}",
        f"slot|{ROOM}|10|tchap1|{at(14).isoformat()}",
    ]
    # as if killed while sending
    await bot.reminders.mark_reminders(keys, "sending", at(13, 50).timestamp())
    bot2 = await make(at(13, 51))
    await bot2.scheduler.tick()
    (again,) = bot2.transport.sent
    assert again.key == first.key  # the homeserver deduplicates the transaction


async def test_grace_window_after_downtime(make, caplog) -> None:
    bot = await make(at(13, 0))
    await bot.scheduler.tick()
    bot.clock.set(at(13, 54))  # down from 13:00 to 13:54: 4 min late, within the 5 min grace
    await bot.scheduler.tick()
    assert len(bot.transport.sent) == 1
    bot.clock.set(at(15, 17))  # down again: the 15:10 notice is 7 min late
    await bot.scheduler.tick()
    assert len(bot.transport.sent) == 1
    assert "reminder missed" in caplog.text and "docs01" in caplog.text
    log = await bot.reminders.reminder_log(0)
    assert log[f"slot|{ROOM}|10|docs01|{at(15, 20).isoformat()}"] == "missed"


async def test_a_failed_send_is_retried(make) -> None:
    bot = await make(at(13, 50))
    bot.transport.fail = True
    assert await bot.scheduler.tick() == at(13, 50) + timedelta(seconds=30)
    bot.transport.fail = False
    bot.clock.set(at(13, 50) + timedelta(seconds=30))
    await bot.scheduler.tick()
    assert len(bot.transport.sent) == 1


async def test_programme_changes_are_announced_and_reminders_follow(make) -> None:
    bot = await make(at(13, 0))
    await handle(bot.app, Incoming("!rappel docs01", "@anne:b", "!dm", is_direct=True))
    await handle(bot.app, Incoming("!rappel tchap1", "@bob:b", "!dm", is_direct=True))
    moved = programme(
        session("grist1", "Grist pour tous", time(14)),
        session("pause1", "Pause café", time(15), kind="break"),
        session("docs01", "Docs et La Suite", time(16, 0), room="Turing"),  # moved
        session("newone", "Nouveau talk", time(16, 30)),  # new; tchap1 cancelled
    )
    bot.app.update_programme(files=moved)
    await bot.scheduler.tick()
    room_notice = [m for m in bot.transport.sent if m.to_room]
    assert [m.reply.plain for m in room_notice] == [
        "Changements au programme\n"
        "• Annulé : « Tchap en 2024 » (prévu mercredi 4 décembre, 14 h) · tchap1\n"
        "• Changement : « Docs et La Suite » passe à mercredi 4 décembre, 16 h, salle Turing · "
        "docs01\n"
        "• Nouveau : « Nouveau talk » à mercredi 4 décembre, 16 h 30, salle Ada Lovelace · newone"
    ]
    direct = {m.to_user: m.reply.plain for m in bot.transport.sent if m.to_user}
    assert direct == {
        "@anne:b": "Changement : « Docs et La Suite » passe à mercredi 4 décembre, 16 h, salle "
        "Turing · docs01",
        "@bob:b": "Annulé : « Tchap en 2024 » (prévu mercredi 4 décembre, 14 h) · tchap1",
    }
    bot.transport.sent.clear()
    for hour, minute in ((13, 50), (15, 10), (15, 50)):
        bot.clock.set(at(hour, minute))
        await bot.scheduler.tick()
    texts = bot.transport.texts()
    assert any("Grist pour tous" in t for t in texts)
    assert not any("Tchap en 2024" in t for t in texts)  # cancelled: no reminder
    assert not [t for t in texts if "Docs" in t and "15 h 20" in t]  # old time: nothing
    # 15:50, ten minutes before its new time: the room and Anne are told.
    assert sorted(str(m.to_user) for m in bot.transport.sent if "Docs" in m.reply.plain) == [
        "@anne:b",
        "None",
    ]


async def test_the_scheduler_wakes_when_subscriptions_change(make) -> None:
    bot = await make(at(9, 0))
    task = asyncio.create_task(bot.scheduler.run())
    await asyncio.sleep(0.05)
    bot.clock.set(at(15, 10))  # nothing woke it yet: it sleeps until 13:50 in real seconds
    await handle(bot.app, Incoming("!rappel docs01", "@anne:b", "!dm", is_direct=True))
    for _ in range(50):
        await asyncio.sleep(0.02)
        if any(m.to_user == "@anne:b" for m in bot.transport.sent):
            break
    task.cancel()
    assert [m.to_user for m in bot.transport.sent if m.to_user] == ["@anne:b"]


@pytest.fixture(params=["UTC", "America/New_York"])
def process_tz(request):
    """Run the test with the process's own time zone set to something else than Paris."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = request.param
    process_time.tzset()
    yield request.param
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    process_time.tzset()


@pytest.mark.parametrize(
    ("day", "utc_due"),
    [
        (date(2024, 10, 27), datetime(2024, 10, 27, 7, 50, tzinfo=ZoneInfo("UTC"))),  # CET, UTC+1
        (date(2025, 3, 30), datetime(2025, 3, 30, 6, 50, tzinfo=ZoneInfo("UTC"))),  # CEST, UTC+2
    ],
)
async def test_daylight_saving_days_whatever_the_process_zone(
    make, process_tz, day: date, utc_due: datetime
) -> None:
    prog = programme(session("dst001", "Talk du matin", time(9), day=day), day=day)
    bot = await make(datetime.combine(day, time(4, 0), PARIS), prog)
    due = await bot.scheduler.tick()
    assert due == utc_due
    assert due.astimezone(PARIS).time() == time(8, 50)
    bot.clock.set(utc_due)
    await bot.scheduler.tick()
    assert bot.transport.texts() == [
        "Dans 10 min, salle Ada Lovelace (9 h) :\n• Talk du matin — V. Viers (DINUM) · dst001"
    ]


async def test_a_read_only_database_pauses_reminders_without_sending_or_dying(make) -> None:
    bot = await make(at(13, 50))
    await bot.app.storage.db.execute("PRAGMA query_only = ON")  # as a read-only file would
    running = asyncio.create_task(bot.scheduler.run())
    await asyncio.sleep(0.3)
    assert not running.done()  # logged and waiting, not crashed
    assert bot.transport.sent == []  # 'sending' could not be recorded: nothing sent
    await bot.app.storage.db.execute("PRAGMA query_only = OFF")
    bot.app.schedule_changed()  # instead of waiting the 30 s retry
    for _ in range(50):
        if bot.transport.sent:
            break
        await asyncio.sleep(0.05)
    running.cancel()
    assert [m.to_room for m in bot.transport.sent] == [ROOM]


async def test_a_late_reminder_says_what_is_true_when_sent(make) -> None:
    bot = await make(at(13, 0))
    await bot.scheduler.tick()
    bot.clock.set(at(13, 54))  # the bot was down: the 13:50 notice goes 4 min late
    await bot.scheduler.tick()
    assert bot.transport.texts() == [
        "Dans 6 min (14 h) :\n"
        "• Grist pour tous — V. Viers (DINUM) · salle Ada Lovelace · grist1\n"
        "• Tchap en 2024 — V. Viers (DINUM) · salle Turing · tchap1"
    ]


async def test_seconds_and_started_are_said_when_that_late(make) -> None:
    settings = config(grace_minutes=15)
    bot = await make(at(13, 59) + timedelta(seconds=30), settings=settings)
    await bot.scheduler.tick()
    assert bot.transport.texts() == [
        "Dans 30 s (14 h) :\n"
        "• Grist pour tous — V. Viers (DINUM) · salle Ada Lovelace · grist1\n"
        "• Tchap en 2024 — V. Viers (DINUM) · salle Turing · tchap1"
    ]
    await handle(bot.app, Incoming("!rappel docs01", "@anne:b", "!dm", is_direct=True))
    bot.clock.set(at(15, 23))  # both 15:10 notices, sent after the 15:20 start
    await bot.scheduler.tick()
    assert sorted(bot.transport.texts()[1:]) == [
        "A commencé il y a 3 min, salle Ada Lovelace (15 h 20) :\n"
        "• Docs et La Suite — V. Viers (DINUM) · docs01",
        "Rappel : a commencé il y a 3 min, Docs et La Suite, salle Ada Lovelace (mercredi "
        "4 décembre, 15 h 20).",
    ]


async def test_a_reminder_sent_at_the_start_says_now(make) -> None:
    bot = await make(at(13, 59) + timedelta(seconds=55), settings=config(grace_minutes=15))
    await bot.scheduler.tick()
    assert bot.transport.texts()[0].startswith("C'est maintenant (14 h) :\n")


async def test_my_reminders_are_listed_in_time_order(make) -> None:
    bot = await make(at(12, 0))
    for session_id in ("docs01", "grist1", "tchap1"):  # asked in that order
        await handle(bot.app, Incoming(f"!rappel {session_id}", "@a:b", "!dm", is_direct=True))
    listing = await handle(bot.app, Incoming("!rappels", "@a:b", "!dm", is_direct=True))
    times = [line.split(" · ")[0] for line in listing[0].reply.plain.splitlines()[1:]]
    assert times == ["• 14 h", "• 14 h", "• 15 h 20"]


async def test_a_tick_reads_the_subscriptions_and_the_log_by_index_only(make) -> None:
    """Past subscriptions and notices are not read again at every tick: each query of a
    tick on either table searches an index (a SCAN would read every row since the first)."""
    bot = await make(at(15, 10))
    for user, ident in (("@a:b", "grist1"), ("@a:b", "docs01"), ("@c:d", "tchap1")):
        await bot.reminders.subscribe(user, ident, 10)
    await bot.reminders.mark_reminders(["old|key"], "sent", at(9, 0).timestamp())
    statements: list[str] = []
    await bot.app.storage.db.set_trace_callback(statements.append)
    await bot.scheduler.tick()
    await bot.app.storage.db.set_trace_callback(None)
    assert [m.to_user for m in bot.transport.sent if m.to_user] == ["@a:b"]  # docs01, 15 h 20
    reads = [s for s in statements if s.lstrip().upper().startswith("SELECT")
             and ("subscriptions" in s or "reminder_log" in s)]
    assert len(reads) == 2
    for read in reads:
        plan = await bot.app.storage.db.execute_fetchall(f"EXPLAIN QUERY PLAN {read}")
        steps = [row[3] for row in plan]
        assert not [step for step in steps
                    if step.startswith(("SCAN subscriptions", "SCAN reminder_log"))], steps


async def test_a_reminder_asked_a_day_ahead_is_sent_though_a_tick_plans_hours_ahead(
        make) -> None:
    tomorrow = DAY + timedelta(days=1)
    bot = await make(at(9, 0), programme(session("early1", "Ouverture", time(9), day=tomorrow),
                                         day=tomorrow))
    await bot.reminders.subscribe("@a:b", "early1", 24 * 60)
    await bot.scheduler.tick()
    assert [(m.to_user, m.reply.plain.split(",")[0]) for m in bot.transport.sent] == [
        ("@a:b", "Rappel : dans 24 h")]
