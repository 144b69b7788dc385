"""A plenary written at the top of each track's table is one session; its room, written
in brackets after its title, is its room."""

from datetime import time
from pathlib import Path

from tests.loaders.pages import page_sessions

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
