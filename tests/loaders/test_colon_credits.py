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


BOLD_NAMES_FIRST = """---
title: Journée simplification des textes
date: 2021-07-07
---

## Programme

* 9h00 - 9h30 : **Ouverture**
* 9h30 - 10h00 : **Claire Morel** (LIRIS) : "Lire les textes scientifiques"
* 10h00 - 10h30 : **Paul Girard** (Université de Lille) : « Terminologie et traduction »
* 10h30 - 11h00 : **Nadia Benali** (Grand Labo) [[présentation]](slides.pdf)
* 11h00 - 11h30 : **Hugo Lambert** : Bilan de la campagne 2021
* 11h30 - 12h00 : **Table ronde** : "Mesurer la difficulté d'un texte"
"""


def test_a_list_led_by_names_in_bold_credits_them_on_every_line(tmp_path: Path) -> None:
    """Most bold parts before a colon name persons, so '**Hugo Lambert** : Bilan' credits
    him too (without an organisation or quotes the line alone could be a title and its
    subtitle); a line with only a person is that person's talk; a bold format before a
    quoted title is part of it."""
    sessions = page_sessions(tmp_path, BOLD_NAMES_FIRST)
    assert [(s.start, s.title, list(s.speaker_names)) for s in sessions] == [
        (time(9), "Ouverture", []),
        (time(9, 30), "Lire les textes scientifiques", ["Claire Morel"]),
        (time(10), "Terminologie et traduction", ["Paul Girard"]),
        (time(10, 30), "Nadia Benali", ["Nadia Benali"]),
        (time(11), "Bilan de la campagne 2021", ["Hugo Lambert"]),
        (time(11, 30), "Table ronde : \"Mesurer la difficulté d'un texte\"", []),
    ]


def test_bold_words_before_a_colon_are_no_credit_when_few_name_persons(tmp_path: Path) -> None:
    """'**Transformers** (Saison 2) : une IA …': the bold names a project; a single bold
    name among them does not make the list one of speakers."""
    page = """---
title: Dix ans de projets
date: 2024-05-02
---

## Programme

* 10h : **Transformers** (Saison 2) : une IA pour l'analyse de texte
* 10h30 : **Datanonyme** (Saison 2) : un outil pour anonymiser
* 11h : **Open Source** : pourquoi et comment
"""
    sessions = page_sessions(tmp_path, page)
    assert [(s.title, list(s.speaker_names)) for s in sessions] == [
        ("Transformers", []), ("Datanonyme", []), ("Open Source", [])]
