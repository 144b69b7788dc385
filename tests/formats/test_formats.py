"""Calendars and schedule formats: round trips on every shipped programme and on real-format
frab and pretalx schedules, validation by the official c3voc validators, and bad input."""

import dataclasses
import json
import re
import uuid
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime, timedelta
from functools import cache
from pathlib import Path

import icalendar
import jsonschema
import pytest
import xmlschema

from bot.app import App
from bot.cli.assemble import new_app
from bot.commands.catalog import Catalog
from bot.commands.dispatch import handle
from bot.commands.messages import Incoming
from bot.formats import c3voc_json, frab_xml
from bot.formats.ics import calendar
from bot.loaders.files import load_file, load_paths
from bot.programme.model import Event, Link, Programme, Speaker
from bot.proposals.calls import all_formats
from bot.proposals.proposal import Proposal
from bot.proposals.schedule import session_for
from bot.settings.clock import PARIS, FixedClock, parse_local
from bot.settings.config import Config
from bot.storage import Storage
from tests.support.paths import DATA, ROOT, SCHEDULES

FIXTURES = SCHEDULES
REFERENCE = ROOT.parent / "shared" / "reference" / "c3voc"
PROGRAMME = load_paths([DATA])
CATALOG = Catalog(PROGRAMME, Config().programme)
STAMP = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
official = pytest.mark.skipif(
    not REFERENCE.is_dir(), reason="the official validators (../shared/reference/c3voc) are absent"
)

# The formats the c3voc schemas use, checked as check-jsonschema does (jsonschema alone
# checks none of them without extra packages).
FORMATS = jsonschema.FormatChecker()


@FORMATS.checks("date-time", raises=ValueError)
def _date_time(value: object) -> bool:
    return not isinstance(value, str) or datetime.fromisoformat(value).tzinfo is not None


@FORMATS.checks("date", raises=ValueError)
def _date(value: object) -> bool:
    return not isinstance(value, str) or (bool(date.fromisoformat(value)) and len(value) == 10)


@FORMATS.checks("uuid", raises=ValueError)
def _uuid(value: object) -> bool:
    return not isinstance(value, str) or str(uuid.UUID(value)) == value.lower()


@FORMATS.checks("uri")
def _uri(value: object) -> bool:
    absolute_ascii = r"[a-zA-Z][a-zA-Z0-9+.-]*:[!-~]+"
    return not isinstance(value, str) or bool(re.fullmatch(absolute_ascii, value))


@cache
def xml_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(REFERENCE / "schedule.xml.xsd")


@cache
def json_schema(name: str = "schema.json") -> jsonschema.Draft6Validator:
    schema = json.loads((REFERENCE / name).read_text(encoding="utf-8"))
    return jsonschema.Draft6Validator(schema, format_checker=FORMATS)


def xml_errors(data: bytes) -> list[str]:
    return [f"{e.path}: {e.reason}" for e in xml_schema().iter_errors(data.decode())]


def json_errors(data: bytes, name: str = "schema.json") -> list[str]:
    return [f"{list(e.path)}: {e.message}" for e in json_schema(name).iter_errors(json.loads(data))]


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
        app = new_app(
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
    holes = good.replace("<duration>00:30</duration>", "<duration>half an hour</duration>", 1)
    (tmp_path / "holes.xml").write_text(holes, encoding="utf-8")
    bad_line = holes[: holes.index("half an hour")].rfind("<event ")
    bad_line = holes[:bad_line].count("\n") + 1
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
    assert "skipped: duration 'half an hour': expected HH:MM" in problems["holes.xml"].message
    assert problems["holes.xml"].source.line == bad_line
    (event,) = programme.events
    assert len(event.sessions) == 119


async def test_ics_command_sends_a_calendar_file(tmp_path) -> None:
    storage = await Storage.open(tmp_path / "bot.db")
    try:
        app = new_app(
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


# --- the official validators ------------------------------------------------------------


def pretalx_like() -> Programme:
    return load_paths([FIXTURES / "pretalx-like-schedule.xml"])


def hub_like_v2() -> Programme:
    return load_paths([FIXTURES / "hub-like-schedule-v2.json"])


def scheduled_proposal() -> App:
    """The 2024 programme with a talk an organiser scheduled in chat from a proposal."""
    event = PROGRAMME.events[-1]
    proposal = Proposal(12, event.id, "Nos outils libres & vous", "talk", 20, "Un résumé.",
                        (Speaker("Alice Martin", "DINUM"),), "@alice:example.org", "fr",
                        "accepted", datetime(2024, 11, 1, tzinfo=UTC))
    session = session_for(proposal, event.start, datetime(2024, 1, 1, 17, 30).time(), "Salle 1",
                          all_formats(Config().proposals))
    return new_app(Config(), PROGRAMME, scheduled=(session,))


def every_export_case() -> list[tuple[str, Event, Catalog]]:
    cases = [(event.id, event, CATALOG) for event in PROGRAMME.events]
    for name, programme in (("fosdem-like", load_paths([FIXTURES / "fosdem-like-schedule.xml"])),
                            ("pretalx-like", pretalx_like()), ("hub-like-v2", hub_like_v2())):
        cases.append((name, programme.events[0], Catalog(programme, Config().programme)))
    app = scheduled_proposal()
    cases.append(("proposal-scheduled", app.programme.events[-1], app.catalog))
    return cases


EXPORT_CASES = every_export_case()


@official
@pytest.mark.parametrize(("name", "event", "catalog"), EXPORT_CASES,
                         ids=[case[0] for case in EXPORT_CASES])
def test_every_export_is_valid_by_the_official_xsd_and_json_schema(name, event, catalog) -> None:
    xml_data, untimed = frab_xml.export(event, catalog.agenda)
    json_data, _ = c3voc_json.export(event, catalog.agenda)
    assert xml_errors(xml_data) == []
    assert json_errors(json_data) == []
    assert untimed == []


def test_the_big_imported_schedules_have_more_than_100_sessions() -> None:
    sizes = {name: len(event.sessions) for name, event, _ in EXPORT_CASES[-4:-1]}
    assert sizes == {"fosdem-like": 120, "pretalx-like": 128, "hub-like-v2": 128}
    assert "p12" in {s.id for s in EXPORT_CASES[-1][1].sessions}


@official
def test_the_test_schedules_themselves_are_valid_where_their_format_is() -> None:
    assert xml_errors((FIXTURES / "pretalx-like-schedule.xml").read_bytes()) == []
    assert json_errors((FIXTURES / "hub-like-schedule-v2.json").read_bytes(), "schema2.json") == []


@official
def test_the_official_validators_reject_what_the_format_forbids() -> None:
    data, _ = frab_xml.export(PROGRAMME.events[0], CATALOG.agenda)
    text = data.decode()
    assert xml_errors(text.replace("<duration>", "<duration>half an hour", 1).encode())
    assert xml_errors(re.sub(r' guid="[^"]+"', ' guid="not-a-uuid"', text, count=1).encode())
    document = json.loads(c3voc_json.export(PROGRAMME.events[0], CATALOG.agenda)[0])
    document["schedule"]["conference"]["acronym"] = "2019-journee-bluehats"
    assert json_errors(json.dumps(document).encode())
    del document["schedule"]["conference"]["days"][0]["day_start"]
    assert len(json_errors(json.dumps(document).encode())) == 2


def test_a_day_without_sessions_still_has_its_start_and_end() -> None:
    event = PROGRAMME.events[-1]  # 2024: 4 and 5 December
    kept = tuple(s for s in event.sessions if s.day == event.start)
    longer = dataclasses.replace(event, end=event.end + timedelta(days=1), sessions=kept)
    catalog = Catalog(Programme((longer,)), Config().programme)
    document = json.loads(c3voc_json.export(longer, catalog.agenda)[0])
    last = document["schedule"]["conference"]["days"][-1]
    assert (last["date"], last["day_start"], last["day_end"]) == (
        "2024-12-06", "2024-12-06T00:00:00+01:00", "2024-12-06T23:59:00+01:00")
    assert all(items == [] for items in last["rooms"].values())
    root = ET.fromstring(frab_xml.export(longer, catalog.agenda)[0])
    assert [(d.get("date"), d.get("start")) for d in root.findall("day")][1:] == [
        ("2024-12-05", "2024-12-05T00:00:00+01:00"), ("2024-12-06", "2024-12-06T00:00:00+01:00")]


def test_a_calendar_of_an_event_with_no_session_is_still_a_valid_calendar() -> None:
    empty = dataclasses.replace(PROGRAMME.events[-1], sessions=())
    data = calendar([empty], Catalog(Programme((empty,)), Config().programme).agenda, STAMP)
    parsed = icalendar.Calendar.from_ical(data)
    (item,) = parsed.walk("VEVENT")  # RFC 5545: a calendar carries at least one component
    assert str(item["summary"]) == empty.title
    assert (item.decoded("dtstart"), item.decoded("dtend")) == (
        empty.start, empty.end + timedelta(days=1))


# --- lossless round trips -----------------------------------------------------------------

SESSION_FIELDS = ("id", "guid", "number", "slug", "url", "title", "subtitle", "track",
                  "language", "abstract", "description", "speakers", "links", "room", "kind",
                  "day", "start", "end")


def fields(programme: Programme) -> tuple[tuple, list[dict]]:
    (event,) = programme.events
    head = (event.id, event.title, event.start, event.end, event.short_name, event.time_zone,
            event.url)
    return head, [{name: getattr(s, name) for name in SESSION_FIELDS} for s in event.sessions]


@pytest.mark.parametrize("source", ["pretalx-like-schedule.xml", "fosdem-like-schedule.xml",
                                    "hub-like-schedule-v2.json"])
@pytest.mark.parametrize("module", [frab_xml, c3voc_json], ids=["schedule.xml", "schedule.json"])
def test_read_export_read_keeps_every_field(source, module, tmp_path) -> None:
    first = load_paths([FIXTURES / source])
    data, _ = module.export(first.events[0], Catalog(first, Config().programme).agenda)
    path = tmp_path / ("again.xml" if module is frab_xml else "again.json")
    path.write_bytes(data)
    again = load_paths([path])
    assert again.problems == ()
    head, sessions = fields(first)
    if head[5] is None:  # a file that names no zone is written with the bot's
        head = (*head[:5], "Europe/Paris", head[6])
    assert fields(again) == (head, sessions)


def test_what_a_pretalx_file_says_is_read_as_it_says() -> None:
    (event,) = pretalx_like().events
    assert (event.short_name, event.time_zone, event.start, event.end) == (
        "ptc2025", "Europe/Berlin", date(2025, 12, 27), date(2025, 12, 31))
    first = next(s for s in event.sessions if s.number == 2001)
    assert (first.guid, first.slug, first.url, first.track, first.language, first.abstract) == (
        "80f8140b-36f0-5732-a985-9d2e30c2f950", "ptc2025-2001-accessibility-for-everyone",
        "https://events.example.org/ptc2025/talk/X02001/", "Hardware", "en",
        "On accessibility for everyone.")
    assert first.speaker_names == ("Greta Nowak", "Ben Wagner")
    assert first.description == ("First paragraph about accessibility for everyone.\n\n"
                                 "Second paragraph,\n  with an indented line.")
    # 11:00 in Berlin is 11:00 in Paris in December; 00:30 the next night stays the next day
    assert (first.day, first.start, first.end) == (date(2025, 12, 27), *map(
        lambda h: datetime.strptime(h, "%H:%M").time(), ("11:00", "12:00")))
    night = [s for s in event.sessions if s.title == "Lightning talks"]
    assert len(night) == 16 and len({s.id for s in night}) == 16
    assert {s.day for s in night} == {date(2025, 12, d) for d in (28, 29, 30, 31)}


def test_a_version_2_schedule_loads_whole() -> None:
    programme = hub_like_v2()
    assert programme.problems == ()
    (event,) = programme.events
    xml_event = pretalx_like().events[0]
    assert len(event.sessions) == 128
    by_guid = {s.guid: s for s in xml_event.sessions}
    for session in event.sessions:
        twin = by_guid[session.guid]
        assert (session.id, session.title, session.day, session.start, session.end,
                session.room, session.speaker_names, session.track) == (
            twin.id, twin.title, twin.day, twin.start, twin.end, twin.room,
            twin.speaker_names, twin.track)


def test_reordering_a_schedule_keeps_every_session_id(tmp_path) -> None:
    text = (FIXTURES / "pretalx-like-schedule.xml").read_text(encoding="utf-8")
    events = re.findall(r"      <event .*?</event>\n", text, flags=re.S)
    reordered = text
    for one, other in zip(events[::2], events[1::2], strict=False):  # swap neighbours
        reordered = reordered.replace(one + other, other + one)
    assert reordered != text
    (tmp_path / "reordered.xml").write_text(reordered, encoding="utf-8")
    before = {s.guid: s.id for s in pretalx_like().sessions}
    after = {s.guid: s.id for s in load_paths([tmp_path / "reordered.xml"]).sessions}
    assert after == before and len(set(after.values())) == 128


# --- robust reading -----------------------------------------------------------------------


def test_kinds_are_read_by_what_they_mean() -> None:
    from bot.formats.reading import kind_of

    said = {"lecture": "talk", "Talk 30 min + 10min Q&A": "talk", "lightningtalk": "lightning",
            "LIGHTNING_TALK": "lightning", "devroom": "talk", "Keynote": "keynote", "": "talk",
            "bof": "bof", "Birds of a feather": "bof",
            "Hands-On": "workshop", "Atelier pratique": "workshop", "Podium discussion": "panel",
            "Table ronde": "panel", "Démo": "demo", "Lunch break": "break", "Pause café": "break",
            "Breakout session": "talk", "concert": "other", "Meeting": "other",
            "maintrack": "talk", "Plénière": "keynote", "Conférence": "talk"}
    assert {text: kind_of(text) for text in said} == said


def test_an_acronym_names_the_event_in_commands() -> None:
    from bot.programme.queries import find_event

    programme = Programme((*PROGRAMME.events, *pretalx_like().events))
    assert find_event(programme, "ptc2025").short_name == "ptc2025"
    assert find_event(programme, "PTC2025").title == "Pretalx-like test congress"


def test_sessions_outside_the_declared_days_are_kept_and_said(tmp_path) -> None:
    text = (FIXTURES / "fosdem-like-schedule.xml").read_text(encoding="utf-8")
    short = text.replace("<end>2025-02-02</end>", "<end>2025-02-01</end>")
    short = short.replace('<day index="2" date="2025-02-02">', '<day index="2">')
    (tmp_path / "short.xml").write_text(short, encoding="utf-8")
    programme = load_paths([tmp_path / "short.xml"])
    (event,) = programme.events
    assert len(event.sessions) == 120 and event.end == date(2025, 2, 2)
    (problem,) = programme.problems
    assert "sessions on 2025-02-02, outside the declared days 2025-02-01 – 2025-02-01" in str(
        problem)


def test_an_xml_bomb_is_refused_and_named(tmp_path) -> None:
    (tmp_path / "bomb.xml").write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE schedule [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<schedule>&b;</schedule>\n',
        encoding="utf-8")
    (problem,) = load_paths([tmp_path]).problems
    assert problem.severity == "error" and "refused" in problem.message
    assert problem.source.path.endswith("bomb.xml")


def test_malformed_ends_in_xml_and_json_are_problems_with_their_line(tmp_path) -> None:
    xml_text = (FIXTURES / "pretalx-like-schedule.xml").read_text(encoding="utf-8")
    xml_text = xml_text.replace("<duration>01:00</duration>", "<end>tomorrow</end>", 1)
    (tmp_path / "end.xml").write_text(xml_text, encoding="utf-8")
    document = json.loads((FIXTURES / "hub-like-schedule-v2.json").read_text(encoding="utf-8"))
    document["schedule"]["events"][3]["end"] = "soon"
    json_text = json.dumps(document, indent=2)
    (tmp_path / "end.json").write_text(json_text, encoding="utf-8")
    loaded = {name: load_file(tmp_path / name) for name in ("end.xml", "end.json")}
    problems = {name: found[1][0] for name, found in loaded.items() if len(found[1]) == 1}
    guid = document["schedule"]["events"][3]["guid"]
    assert problems["end.json"].source.line == json_text[: json_text.index(guid)].count("\n") + 1
    assert "'soon'" in problems["end.json"].message
    at = xml_text[: xml_text.index("<end>tomorrow")].rfind("<event ")
    assert problems["end.xml"].source.line == xml_text[:at].count("\n") + 1
    assert [len(found[0][0].sessions) for found in loaded.values()] == [127, 127]


def test_bad_values_in_a_schedule_json_cost_their_line(tmp_path) -> None:
    """30 February and 25 h cost their session, with its line; a lone surrogate (the escape
    "\\ud800", which no text can be written with) becomes U+FFFD, said with its line."""
    document = json.loads((FIXTURES / "hub-like-schedule-v2.json").read_text(encoding="utf-8"))
    events = document["schedule"]["events"]
    events[1]["start"] = "2025-02-30T11:00:00+01:00"
    events[2]["start"] = "2025-12-27T25:00:00+01:00"
    events[3]["title"] = "Grist ?"
    text = json.dumps(document, indent=2).replace('"Grist ?"', '"Grist \\ud800 ?"')
    (tmp_path / "bad.json").write_text(text, encoding="utf-8")

    def line_of(value: str) -> int:
        return text[: text.index(value)].count("\n") + 1

    (event,), problems, _ = load_file(tmp_path / "bad.json")
    assert len(event.sessions) == 128 - 2
    assert {(p.source.line, p.message) for p in problems} == {
        (line_of(events[1]["guid"]), f"event {events[1]['guid']!r} skipped: "
                                     "ValueError: day is out of range for month"),
        (line_of(events[2]["guid"]), f"event {events[2]['guid']!r} skipped: "
                                     "ValueError: hour must be in 0..23"),
        (line_of("Grist \\ud800"), "a lone surrogate (an escape such as \\ud800 that is no "
                                    "character) was replaced by U+FFFD"),
    }
    assert "Grist \ufffd ?" in {session.title for session in event.sessions}


def test_bad_values_in_a_schedule_xml_cost_their_line(tmp_path) -> None:
    """30 February and 25 h in an event's <date> cost that event, with its line."""
    text = (FIXTURES / "fosdem-like-schedule.xml").read_text(encoding="utf-8")
    dates = re.findall(r"<date>[^<]*</date>", text)
    text = text.replace(dates[1], "<date>2025-02-30T09:30:00+01:00</date>", 1)
    text = text.replace(dates[2], "<date>2025-02-01T25:00:00+01:00</date>", 1)
    (tmp_path / "bad.xml").write_text(text, encoding="utf-8")

    def event_line(value: str) -> int:
        return text[: text[: text.index(value)].rfind("<event ")].count("\n") + 1

    (event,), problems, _ = load_file(tmp_path / "bad.xml")
    assert len(event.sessions) == 120 - 2
    assert [(p.source.line, p.message.split(" skipped: ")[1]) for p in problems] == [
        (event_line("2025-02-30T09:30"), "day is out of range for month"),
        (event_line("2025-02-01T25:00"), "hour must be in 0..23"),
    ]


def test_a_file_whose_reader_fails_is_an_error_and_the_others_load(tmp_path, monkeypatch) -> None:
    import bot.loaders.files as loaders

    def crash(path, text, tz):
        raise RecursionError("a reader bug")

    broken = loaders.FileFormat("crashing", lambda path, text: path.suffix == ".crash", crash)
    monkeypatch.setattr(loaders, "FORMATS", [broken, *loaders.FORMATS])
    (tmp_path / "a.crash").write_text("anything", encoding="utf-8")
    (tmp_path / "b.xml").write_bytes((FIXTURES / "pretalx-like-schedule.xml").read_bytes())
    programme = load_paths([tmp_path])
    (problem,) = programme.problems
    assert (problem.severity, Path(problem.source.path).name) == ("error", "a.crash")
    assert "RecursionError: a reader bug" in problem.message
    assert len(programme.sessions) == 128


async def test_a_malformed_schedule_in_data_leaves_the_bot_answering_from_the_rest(
        tmp_path, capsys, caplog) -> None:
    import shutil

    import yaml

    from bot.cli.assemble import build_app
    from bot.cli.main import main

    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    (folder / "broken.xml").write_text("<?xml version='1.0'?>\n<schedule>\n<conference>\n",
                                       encoding="utf-8")
    bad_end = (FIXTURES / "pretalx-like-schedule.xml").read_text(encoding="utf-8").replace(
        "<duration>01:00</duration>", "<end>tomorrow</end>", 1)
    (folder / "congress.xml").write_text(bad_end, encoding="utf-8")
    settings = {"programme": {"paths": [str(folder)], "watch": False},
                "storage": {"database": str(tmp_path / "bot.db")}}
    app = await build_app(Config.model_validate(settings),
                          FixedClock(parse_local("2024-12-04 09:00")))
    try:
        assert len(app.programme.events) == 5
        (answer,) = await handle(app, Incoming("!programme 2024", "@a:b", "!r"))
        assert "Journées BlueHats au salon Open Source Experience 2024" in answer.reply.plain
        (answer,) = await handle(app, Incoming("!programme ptc2025", "@a:b", "!r"))
        assert "Pretalx-like test congress" in answer.reply.plain
    finally:
        await app.storage.close()
    logged = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert any("broken.xml:4: error: not well-formed XML" in line for line in logged)

    config_file = tmp_path / "config.yaml"
    config_file.write_text(yaml.safe_dump(settings), encoding="utf-8")
    capsys.readouterr()
    assert main(["programme", "check", "--config", str(config_file)]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines()[0] == f"5 events, {len(PROGRAMME.sessions) + 127} sessions"
    assert f"{folder / 'broken.xml'}:4: error: not well-formed XML" in err
    assert "congress.xml" in err and "skipped: " in err


@official
def test_values_the_schemas_forbid_are_written_so_that_the_exports_stay_valid() -> None:
    programme = pretalx_like()
    (event,) = programme.events
    odd = dataclasses.replace(
        event.sessions[0], url="https://example.org/talks/café noël", slug="Not A Slug",
        links=(Link("Slides", "/media/slides.pdf"), Link("Vidéo", "https://v.example.org/a b")),
        description="vertical\x0btab and form\x0cfeed", title="Title\x08 with a backspace")
    changed = dataclasses.replace(event, short_name="fosdem-2025", url="https://example.org/ptc",
                                  sessions=(odd, *event.sessions[1:]))
    catalog = Catalog(Programme((changed,)), Config().programme)
    xml_data, _ = frab_xml.export(changed, catalog.agenda)
    json_data, _ = c3voc_json.export(changed, catalog.agenda)
    assert xml_errors(xml_data) == [] and json_errors(json_data) == []
    conference = json.loads(json_data)["schedule"]["conference"]
    assert conference["acronym"] == "fosdem_2025"  # the JSON schema allows no hyphen there
    assert ET.fromstring(xml_data).findtext("conference/acronym") == "fosdem-2025"
    (item,) = [i for d in conference["days"] for r in d["rooms"].values() for i in r
               if i["guid"] == odd.guid]
    assert item["url"] == "https://example.org/talks/caf%C3%A9%20no%C3%ABl"
    assert item["links"] == [{"url": "https://v.example.org/a%20b", "title": "Vidéo"}]
    assert item["description"] == "vertical\x0btab and form\x0cfeed"  # JSON can carry them


def test_a_schedule_in_another_time_zone_loads_without_false_warnings(tmp_path) -> None:
    text = (FIXTURES / "pretalx-like-schedule.xml").read_text(encoding="utf-8")
    text = text.replace("Europe/Berlin", "America/New_York").replace("+01:00", "-05:00")
    (tmp_path / "ny.xml").write_text(text, encoding="utf-8")
    programme = load_paths([tmp_path / "ny.xml"])
    assert programme.problems == ()
    (event,) = programme.events
    first = next(s for s in event.sessions if s.number == 2001)  # 11:00 in New York
    assert (first.day, first.start.isoformat()) == (date(2025, 12, 27), "17:00:00")  # Paris
    catalog = Catalog(programme, Config().programme)
    document = json.loads(c3voc_json.export(event, catalog.agenda)[0])
    assert document["schedule"]["conference"]["time_zone_name"] == "America/New_York"
    (item,) = [i for d in document["schedule"]["conference"]["days"]
               for r in d["rooms"].values() for i in r if i["id"] == 2001]
    assert item["date"] == "2025-12-27T11:00:00-05:00"


def test_export_and_ics_take_the_same_default_event_and_write_to_stdout(capsys) -> None:
    from bot.cli.main import main

    latest = PROGRAMME.events[-1]
    assert main(["programme", "export", "--format", "xml", "-o", "-"]) == 0
    out, err = capsys.readouterr()
    assert ET.fromstring(out.encode()).findtext("conference/title") == latest.title
    assert err == f"-: {len(latest.sessions)} sessions of {latest.title}\n"
    assert main(["programme", "ics", "-o", "-"]) == 0
    out, err = capsys.readouterr()
    assert str(icalendar.Calendar.from_ical(out)["x-wr-calname"]) == latest.title
    assert err == f"-: {len(latest.sessions)} sessions of {latest.title}\n"


def test_older_variants_with_only_a_day_and_a_start_hour(tmp_path) -> None:
    (tmp_path / "pentabarf.xml").write_text("""<?xml version="1.0" encoding="UTF-8"?>
<schedule>
  <conference><title>Old Camp</title><start>2011-08-10</start><end>2011-08-11</end>
  </conference>
  <day date="2011-08-10" index="1" start="2011-08-10T10:00:00+02:00">
    <room name="Tent A">
      <event id="17">
        <start>23:30</start><duration>01:00</duration><title>Night owls</title>
        <type>Vortrag</type><persons><person id="3">Max Muster</person></persons>
      </event>
      <event id="18">
        <start>01:30</start><duration>00:30</duration><title>After midnight</title>
        <type>lecture</type>
      </event>
    </room>
  </day>
</schedule>
""", encoding="utf-8")
    (tmp_path / "frab.json").write_text(json.dumps({"schedule": {"version": "x", "conference": {
        "acronym": "oc11", "title": "Old Camp JSON", "start": "2011-08-10", "end": "2011-08-10",
        "days": [{"index": 1, "date": "2011-08-10", "rooms": {"Tent A": [
            {"id": 5, "title": "Hour only", "start": "9:15", "duration": "0:45",
             "type": "workshop", "persons": [{"public_name": "Erika Muster"}]}]}}]}}}),
        encoding="utf-8")
    programme = load_paths([tmp_path])
    assert programme.problems == ()
    found = {s.title: (s.day.isoformat(), s.start.isoformat(), s.end.isoformat(), s.kind,
                       s.speaker_names) for s in programme.sessions}
    assert found == {  # Paris and the files' +02:00 agree in August
        "Night owls": ("2011-08-10", "23:30:00", "00:30:00", "talk", ("Max Muster",)),
        "After midnight": ("2011-08-11", "01:30:00", "02:00:00", "talk", ()),
        "Hour only": ("2011-08-10", "09:15:00", "10:00:00", "workshop", ("Erika Muster",)),
    }


def test_a_start_hour_written_with_one_digit(tmp_path) -> None:
    """'9:30' in an XML <start>, '7:05:00' in a JSON start: hours as older exports write
    them, each on its day; in JSON as in XML, an hour before its day's start is the night
    after it."""
    (tmp_path / "old.xml").write_text("""<?xml version="1.0" encoding="UTF-8"?>
<schedule>
  <conference><title>Old Camp</title><start>2011-08-10</start><end>2011-08-10</end>
  </conference>
  <day date="2011-08-10" index="1">
    <room name="Tent A">
      <event id="17"><start>9:30</start><duration>0:45</duration><title>Breakfast talk</title>
      </event>
    </room>
  </day>
</schedule>
""", encoding="utf-8")
    (tmp_path / "old.json").write_text(json.dumps({"schedule": {"version": "x", "conference": {
        "acronym": "oc11", "title": "Old Camp JSON", "start": "2011-08-11", "end": "2011-08-12",
        "days": [{"index": 1, "date": "2011-08-11", "rooms": {"Tent A": [
            {"id": 5, "title": "Early bird", "start": "7:05:00", "duration": "0:25"}]}},
            {"index": 2, "date": "2011-08-12", "day_start": "2011-08-12T10:00:00+02:00",
             "day_end": "2011-08-13T04:00:00+02:00", "rooms": {"Tent A": [
                 {"id": 6, "title": "Night owls", "start": "1:30", "duration": "0:30"}]}}]}}}),
        encoding="utf-8")
    programme = load_paths([tmp_path])
    assert programme.problems == ()
    assert {s.title: (s.day.isoformat(), s.start.isoformat(), s.end.isoformat())
            for s in programme.sessions} == {
        "Breakfast talk": ("2011-08-10", "09:30:00", "10:15:00"),
        "Early bird": ("2011-08-11", "07:05:00", "07:30:00"),
        "Night owls": ("2011-08-13", "01:30:00", "02:00:00"),
    }


def test_a_harmless_doctype_does_not_stop_a_schedule(tmp_path) -> None:
    text = (FIXTURES / "pretalx-like-schedule.xml").read_text(encoding="utf-8")
    text = text.replace("<schedule>", "<!DOCTYPE schedule>\n<schedule>", 1)
    (tmp_path / "doctype.xml").write_text(text, encoding="utf-8")
    programme = load_paths([tmp_path])
    assert programme.problems == () and len(programme.sessions) == 128


def test_a_guid_given_twice_keeps_the_first_and_every_session_loads(tmp_path) -> None:
    text = (FIXTURES / "pretalx-like-schedule.xml").read_text(encoding="utf-8")
    first, second = re.findall(r'<event guid="([^"]+)"', text)[:2]
    (tmp_path / "twice.xml").write_text(text.replace(second, first), encoding="utf-8")
    sessions = load_paths([tmp_path / "twice.xml"]).sessions
    assert len(sessions) == len({s.id for s in sessions}) == 128
    assert [s.number for s in sessions if s.guid == first] == [2001]


def test_two_guids_that_give_one_short_id_both_keep_their_guid(tmp_path) -> None:
    from bot.formats.reading import id_from_guid

    seen: dict[str, str] = {}
    for number in range(200_000):  # two guids whose 6-hex-digit ids collide
        guid = str(uuid.uuid5(uuid.NAMESPACE_URL, f"https://example.org/{number}"))
        if id_from_guid(guid) in seen:
            pair = (seen[id_from_guid(guid)], guid)
            break
        seen[id_from_guid(guid)] = guid
    text = (FIXTURES / "pretalx-like-schedule.xml").read_text(encoding="utf-8")
    old = re.findall(r'<event guid="([^"]+)"', text)[:2]
    text = text.replace(old[0], pair[0]).replace(old[1], pair[1])
    (tmp_path / "collide.xml").write_text(text, encoding="utf-8")
    sessions = load_paths([tmp_path / "collide.xml"]).sessions
    kept = {s.guid: s.id for s in sessions if s.guid in pair}
    assert set(kept) == set(pair) and len(set(kept.values())) == 2
    assert kept[pair[0]] == id_from_guid(pair[0])


def test_a_schedule_says_its_venue_links_types_and_slides(tmp_path) -> None:
    """frab's <venue>, <city>, <description> and <url> of the conference; each event's
    <attachment> as a link, its own <type> searched, a bare 'Talk' titled as a finer kind."""
    from bot.programme.search import SearchIndex

    path = tmp_path / "schedule.xml"
    path.write_text("""<?xml version="1.0" encoding="UTF-8"?>
<schedule><conference><title>Libre Days</title><venue>ULB (Université Libre de Bruxelles)
</venue><city>Brussels</city><start>2020-02-01</start><end>2020-02-01</end>
<url>https://libre.example.org/</url><description>Free entry, no registration.</description>
</conference><day index="1" date="2020-02-01"><room name="Janson">
<event id="1"><date>2020-02-01T10:00:00+01:00</date><start>10:00</start><duration>00:30</duration>
<room>Janson</room><title>Lightning Talks Day 1</title><type>Talk</type><persons/>
<attachments><attachment type="slides" href="https://libre.example.org/a.pdf">Slides</attachment>
</attachments></event>
<event id="2"><date>2020-02-01T11:00:00+01:00</date><start>11:00</start><duration>01:00</duration>
<room>Janson</room><title>Hacker Quiz</title><type>Game show</type><persons/></event>
<event id="3"><date>2020-02-01T12:00:00+01:00</date><start>12:00</start><duration>01:00</duration>
<room>Janson</room><title>Forum of the young</title>
<type>YOC - Forum (Lightning Talks, Quizze..)</type><persons/></event>
</room></day></schedule>""", encoding="utf-8")
    programme = load_paths([path])
    [event] = programme.events
    assert (event.venue, event.address, event.description) == (
        "ULB (Université Libre de Bruxelles)", "Brussels", "Free entry, no registration.")
    assert [link.url for link in event.links] == ["https://libre.example.org/"]
    lightning, quiz, forum = event.sessions
    assert (lightning.kind, [(k.url, k.material) for k in lightning.links]) == (
        "lightning", [("https://libre.example.org/a.pdf", "slides")])
    assert (quiz.kind, quiz.section, forum.kind) == ("other", "Game show", "other")
    assert [h.session.title for h in SearchIndex(programme).search("game shows")] == [
        "Hacker Quiz"]
