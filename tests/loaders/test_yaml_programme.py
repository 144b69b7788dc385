"""The organisers' YAML programme read safely: a bad value costs its session (or, for the
event's start, is replaced by the first session's day), each with its line; a lone
surrogate is replaced; an alias bomb is a problem naming the file, not a hang."""

from datetime import date, time
from pathlib import Path

from bot.loaders.yaml_programme import load_yaml_programme
from bot.settings.clock import PARIS
from tests.support.hostile import alias_bomb, fastest, plain_yaml

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
    ratio = fastest(lambda: load(bombed)) / fastest(lambda: load(plain))
    assert ratio < 5, f"the bomb took {ratio:.1f} times an ordinary programme of its size"
