"""A plenary written at the top of each track's table is one session; its room, written
in brackets after its title, is its room."""

from datetime import date, time
from pathlib import Path

from bot.loaders.page import sessions
from bot.loaders.page.candidates import Row
from bot.loaders.page.sessions import _without_repeats, sessions_of
from bot.loaders.talks.legend import read_legend
from bot.loaders.talks.titles import Talk
from tests.loaders.pages import page_sessions
from tests.support.hostile import fastest, settled

TRACKS = """# Community Summit 2025 - June 12

## Day One, 12 June, 2025

### Agenda - Web Track
| Time | Session | Host(s) |
|------|---------|---------|
| 0845-0900 | Opening Words (in Main Hall) | Event Organizers |
| 0900-1000 | Web Components Today | Jane Doe |

### Agenda - Tooling Track
| Time | Session | Host(s) |
|------|---------|---------|
| 0845-0900 | Opening Words (in Main Hall) | Event Organizers |
| 0900-1000 | Bundlers Compared | John Smith |
"""


def test_a_plenary_repeated_in_each_track_table_is_one_session(tmp_path: Path) -> None:
    sessions = page_sessions(tmp_path, TRACKS)
    assert [(s.start, s.title, s.room) for s in sessions] == [
        (time(8, 45), "Opening Words", "Main Hall"),
        (time(9), "Web Components Today", None),
        (time(9), "Bundlers Compared", None),
    ]


def test_a_room_after_in_within_brackets_in_a_list(tmp_path: Path) -> None:
    sessions = page_sessions(tmp_path, "# Atelier du 3 mars 2025\n\n## Programme\n\n"
                                       "* 9h : Accueil (dans la salle Turing)\n"
                                       "* 10h : Cartes ouvertes (Amphi B)\n")
    assert [(s.title, s.room) for s in sessions] == [("Accueil", "Turing"),
                                                     ("Cartes ouvertes", "Amphi B")]


def _row(title: str, start: time | None) -> Row:
    return Row(line=1, day=None, start=start, end=None, talk=Talk(title), room=None,
               kind="talk")


def test_an_untimed_row_that_repeats_a_timed_title_with_its_credit_is_left_out() -> None:
    rows = [_row("Données ouvertes", time(9)), _row("Cartes, etc", time(10)),
            _row("Données ouvertes - Jeanne Dupont", None), _row("Cartes, etc (pdf)", None),
            _row("Cartes", None), _row("Données ouvertes et cartes", None)]
    assert [r.talk.title for r, _ in _without_repeats(rows)] == [
        "Données ouvertes", "Cartes, etc", "Cartes", "Données ouvertes et cartes"]


def test_the_time_to_find_repeats_grows_linearly_with_the_rows() -> None:
    def rows(count: int) -> list[Row]:
        timed = [_row(f"Atelier numéro {n}", time(9)) for n in range(count)]
        return timed + [_row(f"Support numéro {n} - Jeanne Dupont", None) for n in range(count)]

    small, large = rows(250), rows(2_000)

    def ratio() -> float:
        return (fastest(lambda: _without_repeats(large), 3)
                / fastest(lambda: [_without_repeats(small) for _ in range(8)], 3))

    assert settled(ratio, 4) < 4  # a search of every title said for each row gives 8


def test_each_title_is_folded_once(monkeypatch) -> None:
    """A long programme has more titles than the folding cache keeps: folding each again
    for its occurrence number would fold every title twice."""
    folded: list[str] = []

    def counted(text: str) -> str:
        folded.append(text)
        return text.lower()

    monkeypatch.setattr(sessions, "fold", counted)
    rows = [_row(f"Atelier numéro {n}", time(9 + n % 8)) for n in range(40)]
    found, _ = sessions_of(rows, "page.md", "event", date(2025, 1, 6), date(2025, 1, 6),
                           read_legend(""))
    assert len(found) == 40
    assert len(folded) == 40
