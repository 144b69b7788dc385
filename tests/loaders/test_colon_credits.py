"""'Name: Title' and 'Title: Name' lists: the side of the colon that reads as names on most
lines of the list credits the speakers, on every line of it (a title in capitals alone
could be either)."""

from datetime import time
from pathlib import Path

from bot.loaders.talks.colon_credits import colon_side
from tests.loaders.pages import page_sessions

NAMES_FIRST = """---
title: Voorjaarsdag 2026
event_start: 2026-04-16T09:00:00+02:00
---

### Programma

* Anna de Wit: Open Source in de Gemeente
* Pieter Jansen: Kubernetes: lessen uit vijf jaar beheer
* zwartekat: fuzzing met weinig middelen
* Sanne Bakker en Tom Visser: Digitale Soevereiniteit in de Praktijk
"""

TITLES_FIRST = """---
title: Winter School 2025
---

### Monday 10.02.2025

- **9:00 - 10:00** Opening lecture: Maria Lopez
- **10:00 - 11:00** Data Cleaning: Tools and Habits: Jonas Berg
- **11:00 - 11:30** Coffee break
- **11:30 - 12:30** Graph methods overview: Chen Wei & Ana Souza

### Tuesday 11.02.2025

- **9:00 - 10:00** Sampling design: Ola Nordmann
- **10:00 - 10:30** Coffee break
- **10:30 - 11:30** Closing lecture: Maria Lopez
"""

TWO_TITLES = """---
title: Hack Weekend 2019
---

### Saturday 14.09.2019

- 10:00 **Introduction Round: Presenting the Team**
- 11:00 **Brainstorming Session: Kick-off**
- 12:00 Lunch
"""


def test_names_before_the_colon_credit_every_line(tmp_path: Path) -> None:
    assert [(s.title, list(s.speaker_names)) for s in page_sessions(tmp_path, NAMES_FIRST)] == [
        ("Open Source in de Gemeente", ["Anna de Wit"]),
        ("Kubernetes: lessen uit vijf jaar beheer", ["Pieter Jansen"]),
        ("fuzzing met weinig middelen", ["zwartekat"]),
        ("Digitale Soevereiniteit in de Praktijk", ["Sanne Bakker", "Tom Visser"]),
    ]


def test_names_after_the_colon_credit_every_line(tmp_path: Path) -> None:
    sessions = page_sessions(tmp_path, TITLES_FIRST)
    assert [(s.start, s.title, list(s.speaker_names)) for s in sessions] == [
        (time(9), "Opening lecture", ["Maria Lopez"]),
        (time(10), "Data Cleaning: Tools and Habits", ["Jonas Berg"]),
        (time(11), "Coffee break", []),
        (time(11, 30), "Graph methods overview", ["Chen Wei", "Ana Souza"]),
        (time(9), "Sampling design", ["Ola Nordmann"]),  # two colon lines: the page's layout
        (time(10), "Coffee break", []),
        (time(10, 30), "Closing lecture", ["Maria Lopez"]),
    ]


def test_two_title_case_lines_alone_keep_their_titles(tmp_path: Path) -> None:
    assert [(s.title, list(s.speaker_names)) for s in page_sessions(tmp_path, TWO_TITLES)] == [
        ("Introduction Round: Presenting the Team", []),
        ("Brainstorming Session: Kick-off", []),
        ("Lunch", []),
    ]


def test_labels_before_a_colon_are_no_names() -> None:
    assert colon_side(["Lieu: Salle Jean Moulin", "Date: 12 mars", "Accès: Tram Ligne 2"]) is None
