"""Paragraphs 'Name (Org): title' under a timed line are the talks it holds: they take its
hours, and the timed line, which only groups them (with its moderator), is no session."""

from datetime import date, time
from pathlib import Path

import pytest

from bot.loaders.page import read_page
from bot.settings.clock import PARIS
from tests.loaders.pages import page_sessions

PAGE = """---
title: Giornata dei dati aperti
date: 2015-02-10
---
<p>Data: 21 Febbraio 2015.</p>
<p><b>PROGRAMMA</b></p>
<p><b>h. 9.30-11.00: sessione mattutina</b>, moderata da Carla Neri</p>
<p>Marco Bianchi (Comune di Torino): dati aperti e trasparenza</p>
<p>Lucia d’Amico (Regione Lazio): la mappa dei servizi pubblici</p>
<p><b>h. 11.00-11.30: Pausa caffè</b></p>
"""


def test_credited_paragraphs_under_a_timed_line_are_its_talks(tmp_path: Path) -> None:
    path = tmp_path / "giornata.md"
    path.write_text(PAGE, encoding="utf-8")
    events, _problems, _reading = read_page(path, PAGE, PARIS)
    assert [(s.start, s.end, s.title, list(s.speaker_names), list(s.organisations))
            for s in events[0].sessions] == [
        (time(9, 30), time(11), "dati aperti e trasparenza", ["Marco Bianchi"],
         ["Comune di Torino"]),
        (time(9, 30), time(11), "la mappa dei servizi pubblici", ["Lucia d’Amico"],
         ["Regione Lazio"]),
        (time(11), time(11, 30), "Pausa caffè", [], []),
    ]


OVER = """---
title: Giornata dei dati aperti
date: 2015-02-10
---
<p>Data: 21 Febbraio 2015.</p>
<p><b>PROGRAMMA</b></p>
<p><b>h. 9.30-11.00: sessione mattutina</b>, moderata da Carla Neri</p>
<p>Marco Bianchi (Comune di Torino): dati aperti e trasparenza</p>
<p>Anna Verdi (Dirigente del Servizio Cultura della Regione)<br />
I dati della cultura: le iniziative della Regione</p>
<p><b>h. 11.00-11.30: Pausa caffè</b></p>
"""


def test_a_credit_line_over_its_title_under_a_timed_line_is_a_talk(tmp_path: Path) -> None:
    path = tmp_path / "giornata.md"
    path.write_text(OVER, encoding="utf-8")
    events, _problems, _reading = read_page(path, OVER, PARIS)
    assert [(s.start, s.end, s.title, list(s.speaker_names)) for s in events[0].sessions] == [
        (time(9, 30), time(11), "dati aperti e trasparenza", ["Marco Bianchi"]),
        (time(9, 30), time(11), "I dati della cultura: le iniziative della Regione",
         ["Anna Verdi"]),
        (time(11), time(11, 30), "Pausa caffè", []),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The workshop will take place on _Sunday, October 27 from 9:00 AM to 12:30 PM_.",
        "La formation aura lieu le dimanche 27 octobre de 9h à 12h30.",
        "Der Workshop findet am Sonntag, 27. Oktober, von 9 bis 12:30 Uhr statt.",
    ],
)
def test_a_sentence_saying_when_the_event_takes_place_is_no_session(
        tmp_path: Path, sentence: str) -> None:
    """The event's day and hours said in a sentence above its agenda: the agenda's items
    are the sessions, the sentence is none."""
    page = f"""# Tutorial 2019

{sentence}

## Agenda

- 09:00 - 10:30: Part I
- 11:00 - 12:30: Part II
"""
    sessions = page_sessions(tmp_path, page)
    assert [(s.day, s.start, s.title) for s in sessions] == [
        (date(2019, 10, 27), time(9), "Part I"), (date(2019, 10, 27), time(11), "Part II")]
