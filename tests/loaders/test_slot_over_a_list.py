"""A timed heading over a list that holds no session (the stands of a forum, written for
this test) is a session itself, with the list as its description; a forum is of the
kind 'other', not a talk."""

from datetime import time
from pathlib import Path

from bot.loaders.page import read_page
from bot.settings.clock import PARIS

PAGE = """---
title: Journée des territoires
event_start_date: 2025-03-14
---

#### [14h–15h] Intervention de la directrice

*Auditorium*

#### [15h–16h30] Forum des collectivités

Les stands qui seront à votre disposition sont les suivants :
* Mission Cloud - DINUM
* FranceConnect - DINUM
* Mission Logiciels libres - DINUM
* Démarches Simplifiées - DINUM
"""


def test_a_timed_heading_over_a_list_of_stands_is_a_session() -> None:
    (event,), _problems, _reading = read_page(Path("territoires.md"), PAGE, PARIS)
    assert [(s.start, s.end, s.title, s.kind) for s in event.sessions] == [
        (time(14), time(15), "Intervention de la directrice", "talk"),
        (time(15), time(16, 30), "Forum des collectivités", "other")]  # a forum is no talk
    assert "FranceConnect - DINUM" in event.sessions[1].description
