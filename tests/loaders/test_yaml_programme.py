"""The organisers' YAML programme read safely: a bad value costs its session (or, for the
event's start, is replaced by the first session's day), each with its line; a lone
surrogate is replaced; an alias bomb is a problem naming the file, not a hang."""

from datetime import date, time
from pathlib import Path

from bot.loaders.yaml_programme import load_yaml_programme
from bot.settings.clock import PARIS
from tests.support.hostile import alias_bomb, fastest, plain_yaml, settled

PATH = Path("programme.yaml")
SESSIONS = """sessions:
  - day: 2025-03-03
    start: "9:00"
    title: Ouverture
  - day: 2025-03-04
    start: "10:00"
    title: Atelier Grist
"""


def load(text: str):
    return load_yaml_programme(PATH, text, PARIS)


def test_an_invalid_session_day_costs_that_session_with_its_line() -> None:
    text = ("event:\n  title: Journée\n  start: 2025-03-03\n  end: 2025-03-04\n" + SESSIONS
            + "  - day: 2025-02-30\n    title: Jour impossible\n")
    (event,), problems = load(text)
    assert [s.title for s in event.sessions] == ["Ouverture", "Atelier Grist"]
    [problem] = problems
    assert problem.source.line == 12 and "2025-02-30 is not a date" in problem.message


def test_an_invalid_event_start_is_reported_and_the_sessions_still_load() -> None:
    text = "event:\n  title: Journée\n  start: 2025-02-30\n" + SESSIONS
    (event,), problems = load(text)
    assert event.start == date(2025, 3, 3) and len(event.sessions) == 2
    [problem] = problems
    assert (problem.source.line, problem.severity) == (2, "error")
    assert "event.start: 2025-02-30 is not a date" in problem.message


def test_an_hour_out_of_range_costs_its_session_with_its_line() -> None:
    text = ("event:\n  title: Journée\n  start: 2025-03-03\n" + SESSIONS
            + "  - day: 2025-03-03\n    start: 25:00\n    title: Trop tard\n")
    (event,), problems = load(text)
    assert [(s.title, s.start) for s in event.sessions] == [("Ouverture", time(9)),
                                                            ("Atelier Grist", time(10))]
    [problem] = problems
    assert problem.source.line == 11 and "25:00 is not a time of day" in problem.message


def test_a_lone_surrogate_is_replaced_with_its_line_and_the_rest_loads() -> None:
    text = 'event:\n  title: "Journée \\ud800 BlueHats"\n  start: 2025-03-03\n' + SESSIONS
    (event,), problems = load(text)
    assert event.title == "Journée \ufffd BlueHats" and len(event.sessions) == 2
    [problem] = problems
    assert problem.source.line == 2 and "surrogate" in problem.message
    event.title.encode("utf-8")


def test_an_alias_bomb_is_a_problem_naming_the_file_not_a_hang() -> None:
    event = "event:\n  title: Journée\n  start: 2025-03-03\n  venue: {}\n" + SESSIONS
    bombed = alias_bomb() + event.format("*i")  # a value the loader turns into text
    plain = plain_yaml() + event.format("Palais des congrès")
    events, problems = load(bombed)
    assert events == []
    [problem] = problems
    assert problem.source.path == "programme.yaml" and "alias bomb" in problem.message
    ratio = settled(lambda: fastest(lambda: load(bombed)) / fastest(lambda: load(plain)), 5)
    assert ratio < 5, f"the bomb took {ratio:.1f} times an ordinary programme of its size"


def test_a_range_as_start_a_duration_and_several_names_in_one_text() -> None:
    text = """event:
  title: Journée
  start: 2025-03-03
sessions:
  - start: "10:00 - 10:20"
    title: Grist en 2025
    speakers: V. Viers, R. Serdoun et A. Rose
  - start: "10h30"
    duration: 1h30
    title: Atelier Tchap
  - start: 14:00
    duration: 45
    title: Table ronde
  - start: "23:30"
    duration: 60 min
    title: Nuit du code
"""
    (event,), problems = load(text)
    assert problems == []
    assert [(s.title, s.start, s.end, s.speaker_names) for s in event.sessions] == [
        ("Grist en 2025", time(10), time(10, 20), ("V. Viers", "R. Serdoun", "A. Rose")),
        ("Atelier Tchap", time(10, 30), time(12), ()),
        ("Table ronde", time(14), time(14, 45), ()),
        ("Nuit du code", time(23, 30), time(0, 30), ()),
    ]


def test_an_unknown_key_is_a_warning_with_its_line_not_a_guess() -> None:
    text = """event:
  title: Journée
  start: 2025-03-03
  date: 2025-03-03
programme: []
sessions:
  - start: "9:00"
    time: "9:00 - 9:30"
    title: Ouverture
"""
    (event,), problems = load(text)
    assert [(s.title, s.start, s.end) for s in event.sessions] == [("Ouverture", time(9), None)]
    assert [(p.source.line, p.severity, p.message.split(" (")[0]) for p in problems] == [
        (5, "warning", "unknown key 'programme' ignored"),
        (4, "warning", "event: unknown key 'date' ignored"),
        (8, "warning", "session: unknown key 'time' ignored"),
    ]
    assert problems[2].message.endswith("(the keys here: day, start, end, duration, title, "
                                        "speakers, room, kind, links, description, id)")


def test_a_duration_that_is_none_costs_its_session_with_its_line() -> None:
    text = ("event:\n  title: Journée\n  start: 2025-03-03\n" + SESSIONS
            + "  - day: 2025-03-03\n    start: '11:00'\n    duration: longtemps\n"
            "    title: Sans fin\n")
    (event,), problems = load(text)
    assert [s.title for s in event.sessions] == ["Ouverture", "Atelier Grist"]
    [problem] = problems
    assert problem.source.line == 11
    assert "duration: expected minutes (45) or hours (1h30), got 'longtemps'" in problem.message
