"""Calendars and schedule formats: round trips on every shipped programme, a real-format
frab schedule of 120 events, schema validation and bad input."""

import dataclasses
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import icalendar
import pytest
import xmlschema

from bot.app import App
from bot.catalog import Catalog
from bot.clock import PARIS, FixedClock, parse_local
from bot.commands import Incoming, handle
from bot.config import Config
from bot.formats import c3voc_json, frab_xml
from bot.formats.ics import calendar
from bot.loaders import load_file, load_paths
from bot.model import Programme
from bot.storage import Storage

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
FIXTURES = Path(__file__).resolve().parent / "data"
PROGRAMME = load_paths([DATA])
CATALOG = Catalog(PROGRAMME, Config().programme)
SCHEMA = xmlschema.XMLSchema(FIXTURES / "schedule-xml-rules.xsd")
STAMP = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def slots(event) -> list[tuple]:
    """What a schedule keeps of each timed session: start, end (worked out when the page
    gives only a start), title, speakers and room; sorted, repeated titles kept apart."""
    found = []
    for session in event.sessions:
        slot = CATALOG.agenda.slot(session)
        if slot:
            found.append(
                (
                    slot.start,
                    slot.end,
                    session.title,
                    list(session.speaker_names),
                    session.room or "",
                )
            )
    return sorted(found)


@pytest.mark.parametrize("event", PROGRAMME.events, ids=lambda e: e.id)
@pytest.mark.parametrize("module", [frab_xml, c3voc_json], ids=["schedule.xml", "schedule.json"])
def test_page_to_schedule_and_back_keeps_every_timed_session(event, module, tmp_path) -> None:
    data, untimed = module.export(event, CATALOG.agenda)
    path = tmp_path / ("schedule.xml" if module is frab_xml else "schedule.json")
    path.write_bytes(data)
    events, problems, _ = load_file(path)
    assert problems == []
    (back,) = events
    assert (back.title, back.start, back.end) == (event.title, event.start, event.end)
    again = sorted(
        (
            datetime.combine(s.day, s.start, PARIS),
            datetime.combine(s.day, s.end, PARIS),
            s.title,
            list(s.speaker_names),
            s.room or "",
        )
        for s in back.sessions
    )
    assert again == slots(event)
    assert len(back.sessions) + len(untimed) == len(event.sessions)
    assert all(s.start is None for s in untimed)


def test_every_shipped_session_has_a_time_and_goes_into_a_schedule() -> None:
    # (The 2024 morning demos have their block's hours, from their heading.)
    left_out = [frab_xml.export(e, CATALOG.agenda)[1] for e in PROGRAMME.events]
    assert left_out == [[], [], [], []]


def test_a_session_without_a_time_is_left_out_of_a_schedule_and_said() -> None:
    event = PROGRAMME.events[3]
    untimed = dataclasses.replace(event.sessions[0], start=None, end=None)
    changed = dataclasses.replace(event, sessions=(untimed, *event.sessions[1:]))
    catalog = Catalog(Programme((changed,)), Config().programme)
    data, left_out = frab_xml.export(changed, catalog.agenda)
    assert left_out == [untimed]
    assert untimed.title not in data.decode()


@pytest.mark.parametrize("event", PROGRAMME.events, ids=lambda e: e.id)
def test_exported_xml_is_valid_against_the_schedule_schema(event) -> None:
    data, _ = frab_xml.export(event, CATALOG.agenda)
    SCHEMA.validate(data.decode())


def test_the_schema_rejects_what_the_format_forbids() -> None:
    data, _ = frab_xml.export(PROGRAMME.events[0], CATALOG.agenda)
    broken = data.decode().replace(
        "<duration>00:30</duration>", "<duration>half an hour</duration>", 1
    )
    assert not SCHEMA.is_valid(broken)
    assert not SCHEMA.is_valid(
        data.decode().replace("<slug>", "<slugx>", 1).replace("</slug>", "</slugx>", 1)
    )


@pytest.mark.parametrize("event", PROGRAMME.events, ids=lambda e: e.id)
def test_page_to_ics_and_back_with_the_library(event) -> None:
    parsed = icalendar.Calendar.from_ical(calendar([event], CATALOG.agenda, STAMP))
    items = {str(c["uid"]).split(".")[0]: c for c in parsed.walk("VEVENT")}
    assert len(items) == len(event.sessions)
    for session in event.sessions:
        item = items[session.id]
        assert str(item["summary"]) == session.title
        slot = CATALOG.agenda.slot(session)
        if slot:
            assert (item.decoded("dtstart"), item.decoded("dtend")) == (slot.start, slot.end)
            assert str(item.decoded("dtstart").tzinfo) == "Europe/Paris"
        else:  # no time on the page: an all-day event of its day
            assert (item.decoded("dtstart"), item.decoded("dtend")) == (
                session.day,
                session.day + timedelta(days=1),
            )
        first_line = str(item["description"]).splitlines()[0]
        for name in session.speaker_names:
            assert name in first_line
        if session.room:
            assert str(item["location"]).split(" — ")[0] == session.room
    assert [tz["tzid"] for tz in parsed.walk("VTIMEZONE")] == ["Europe/Paris"]


def test_ics_uids_are_stable_so_a_reimport_updates() -> None:
    event = PROGRAMME.events[2]
    first = icalendar.Calendar.from_ical(calendar([event], CATALOG.agenda, STAMP))
    later = icalendar.Calendar.from_ical(
        calendar(
            [event],
            Catalog(load_paths([DATA]), Config().programme).agenda,
            STAMP + timedelta(days=3),
        )
    )
    uids = [str(c["uid"]) for c in first.walk("VEVENT")]
    assert uids == [str(c["uid"]) for c in later.walk("VEVENT")]
    assert len(set(uids)) == len(uids) == 24


def fosdem_like():
    return load_paths([FIXTURES / "fosdem-like-schedule.xml"])


def test_a_real_format_frab_schedule_of_120_events_loads() -> None:
    programme = fosdem_like()
    assert programme.problems == ()
    (event,) = programme.events
    assert (event.title, event.start, event.end) == (
        "FOSDEM-like test conference 2025",
        date(2025, 2, 1),
        date(2025, 2, 2),
    )
    assert len(event.sessions) == 120
    assert len({s.room for s in event.sessions}) == 5
    assert {s.day for s in event.sessions} == {date(2025, 2, 1), date(2025, 2, 2)}
    tchap = next(s for s in event.sessions if s.title.startswith("Tchap"))
    assert tchap.speaker_names == ("Marie Bertrand", "Olivier Sinet")
    assert tchap.links[0].text == "Slides"


async def test_the_frab_schedule_answers_who_and_next(tmp_path) -> None:
    storage = await Storage.open(tmp_path / "bot.db")
    try:
        app = App(
            Config(),
            fosdem_like(),
            clock=FixedClock(parse_local("2025-02-01 09:10")),
            storage=storage,
        )
        who = await handle(app, Incoming("!qui grist", "@a:b", "!r"))
        assert who[0].reply.plain.splitlines()[:2] == [
            "« grist » :",
            "• Florent Fayolle — Grist for public administrations",
        ]
        coming = await handle(app, Incoming("!next", "@a:b", "!r"))
        lines = coming[0].reply.plain.splitlines()
        assert lines[0] == "Coming next"
        assert lines[1] in {"9:30 am", "9:35 am", "9:45 am", "9:55 am"}
    finally:
        await storage.close()


def test_bad_schedules_name_the_file_and_the_problem_and_the_rest_loads(tmp_path) -> None:
    (tmp_path / "broken.xml").write_text(
        "<?xml version='1.0'?>\n<schedule>\n<conference>\n", encoding="utf-8"
    )
    good = (FIXTURES / "fosdem-like-schedule.xml").read_text(encoding="utf-8")
    (tmp_path / "holes.xml").write_text(
        good.replace("<date>2025-02-01T09:00:00+01:00</date>", "", 1), encoding="utf-8"
    )
    (tmp_path / "broken.json").write_text('{"schedule": {\n "conference": [}', encoding="utf-8")
    programme = load_paths([tmp_path])
    problems = {Path(p.source.path).name: p for p in programme.problems}
    assert problems["broken.xml"].severity == "error"
    assert (
        problems["broken.xml"].source.line == 4
        and "not well-formed XML" in problems["broken.xml"].message
    )
    assert (
        problems["broken.json"].source.line == 2
        and "not valid JSON" in problems["broken.json"].message
    )
    assert "skipped: no <date>" in problems["holes.xml"].message
    (event,) = programme.events
    assert len(event.sessions) == 119


async def test_ics_command_sends_a_calendar_file(tmp_path) -> None:
    storage = await Storage.open(tmp_path / "bot.db")
    try:
        app = App(
            Config(), PROGRAMME, clock=FixedClock(parse_local("2024-12-04 09:00")), storage=storage
        )
        (whole,) = await handle(app, Incoming("!calendrier", "@a:b", "!r"))
        attachment = whole.reply.attachment
        assert (attachment.filename, attachment.mimetype) == (
            "bluehats-2024-journees-bluehats-au-salon-open-source.ics",
            "text/calendar",
        )
        assert len(icalendar.Calendar.from_ical(attachment.data).walk("VEVENT")) == 15
        (one,) = await handle(app, Incoming("!ics e37301", "@a:b", "!r"))
        (item,) = icalendar.Calendar.from_ical(one.reply.attachment.data).walk("VEVENT")
        assert str(item["summary"]).startswith("Grist, votre compagnon")
        assert one.reply.plain.startswith("Calendrier de « Grist, votre compagnon")
    finally:
        await storage.close()
