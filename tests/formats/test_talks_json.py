"""A conference tool's own JSON of talks (bot/formats/talks_json.py): pretalx submissions
grouped by day, minute and room as a site's data file has them, Sessionize's sessions, and
bad values that cost their talk only. Each file was written for these tests; the expected
values come from reading it."""

from datetime import date, time
from pathlib import Path

from bot.loaders.files import load_file

PRETALX_GROUPED = """{"schedule": {"2024-11-02": {
  "540": {"1": {"code": "JDQLRV",
                "speakers": [{"code": "MNMGGN", "name": "Lucie Anglade", "biography": ""}],
                "title": "Accueil / Welcome",
                "submission_type": {"en": "Short plenary", "fr": "Pléniaire courte"},
                "description": "Session d'ouverture.", "duration": 30,
                "slot": {"room_id": 1, "room": {"en": "GAM", "fr": "GAM"},
                         "start": "2024-11-02T09:00:00+01:00",
                         "end": "2024-11-02T09:30:00+01:00"}}},
  "630": {"5": {"code": "GRRZX9",
                "speakers": [{"code": "M37Z9Y", "name": "Adrien Montagu"}],
                "title": "Apprendre à utiliser Open Telemetry",
                "submission_type": {"en": "Workshop", "fr": "Atelier"}, "duration": 145,
                "resources": [{"resource": "https://cfp.example.org/otel.pptx",
                               "description": "slide"}],
                "slot": {"room": {"en": "C01", "fr": "C01"},
                         "start": "2024-11-02T10:30:00+01:00"}}}},
 "2024-11-03": {"600": {"1": {"code": "8XMBS3", "title": "Nouveautés de Python 3.13",
                "speakers": [{"name": "Victor Stinner"}, {"name": "Jane Roe"}],
                "submission_type": {"en": "Short talk", "fr": "Conférence courte"},
                "duration": 25,
                "slot": {"room": {"en": "GAM"}, "start": "2024-11-03T10:00:00+01:00"}}}}}}
"""

SESSIONIZE = """[{"groupId": 1, "groupName": "All", "sessions": [
  {"id": "101", "title": "Keynote: the state of open source",
   "startsAt": "2025-03-20T09:00:00", "endsAt": "2025-03-20T09:45:00",
   "speakers": [{"id": "a", "name": "Ada Martin"}], "room": "Main hall"},
  {"id": "102", "title": "Lunch", "startsAt": "2025-03-20T12:00:00",
   "endsAt": "2025-03-20T13:00:00", "speakers": [], "room": "Foyer"},
  {"id": "103", "title": "Broken slot", "startsAt": "2025-03-20T25:00:00", "speakers": []}
]}]
"""


def _read(tmp_path: Path, name: str, text: str) -> tuple[list, list]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    events, problems, _as = load_file(path)
    return events, problems


def test_pretalx_submissions_grouped_by_day_minute_and_room(tmp_path: Path) -> None:
    events, problems = _read(tmp_path, "pyconfr-2024.json", PRETALX_GROUPED)
    assert problems == []
    [event] = events
    assert (event.title, event.start, event.end) == ("pyconfr 2024", date(2024, 11, 2),
                                                    date(2024, 11, 3))
    assert [(s.day, s.start, s.end, s.title, s.speaker_names, s.room, s.kind)
            for s in event.sessions] == [
        (date(2024, 11, 2), time(9), time(9, 30), "Accueil / Welcome", ("Lucie Anglade",),
         "GAM", "keynote"),
        (date(2024, 11, 2), time(10, 30), time(12, 55), "Apprendre à utiliser Open Telemetry",
         ("Adrien Montagu",), "C01", "workshop"),
        (date(2024, 11, 3), time(10), time(10, 25), "Nouveautés de Python 3.13",
         ("Victor Stinner", "Jane Roe"), "GAM", "talk"),
    ]
    assert [(k.text, k.url) for k in event.sessions[1].links] == [
        ("slide", "https://cfp.example.org/otel.pptx")]


def test_sessionize_sessions_and_a_bad_start_costs_its_talk_only(tmp_path: Path) -> None:
    events, problems = _read(tmp_path, "devday.json", SESSIONIZE)
    [event] = events
    assert [(s.start, s.end, s.title, s.room, s.kind) for s in event.sessions] == [
        (time(9), time(9, 45), "Keynote: the state of open source", "Main hall", "keynote"),
        (time(12), time(13), "Lunch", "Foyer", "break"),
    ]
    [problem] = problems
    assert problem.source.line == 7 and "Broken slot" in problem.message


PRETALX_SLOTS = """{"schedule": {"2025-10-30": {"600": {"3": {"code": "SPR1NT",
  "title": "Sprint Django", "speakers": [{"name": "Jeanne Dupont"}],
  "submission_type": {"id": 7, "name": {"en": "Sprint", "fr": "Sprint"}},
  "slots": [{"id": 1, "room": {"id": 3, "name": {"en": "B003", "fr": "B003"}},
             "start": "2025-10-30T10:00:00+01:00", "end": "2025-10-30T17:00:00+01:00"},
            {"id": 2, "room": {"id": 4, "name": {"en": "B421"}},
             "start": "2025-10-31T10:00:00+01:00", "end": "2025-10-31T12:00:00+01:00"}]}}}}}
"""


def test_a_talk_in_two_slots_is_held_twice(tmp_path: Path) -> None:
    # pretalx's API since 2025: `slots`, and types and rooms as objects with a name
    [event], problems = _read(tmp_path, "pyconfr-2025.json", PRETALX_SLOTS)
    assert problems == []
    assert [(s.day, s.start, s.end, s.room, s.kind, s.speaker_names) for s in event.sessions] == [
        (date(2025, 10, 30), time(10), time(17), "B003", "workshop", ("Jeanne Dupont",)),
        (date(2025, 10, 31), time(10), time(12), "B421", "workshop", ("Jeanne Dupont",)),
    ]


def test_a_json_file_with_no_talk_says_what_it_expected(tmp_path: Path) -> None:
    events, problems = _read(tmp_path, "menu.json", '{"title": "Menu", "items": []}')
    assert events == []
    assert "no talk found" in problems[-1].message and problems[-1].severity == "error"
