"""A replay's chapters ('__03:30-46:30__: Title') give positions in a recording, not times
of day: such a list holds no session, while the programme written with clock times does."""

from datetime import time
from pathlib import Path

from tests.loaders.pages import page_sessions

REPLAY = """---
title: Journée du réseau
date: 2025-03-18
---

## Replay de la journée du 18 mars 2025

* __00:00-04:10__: Ouverture par Jeanne Martin

* __04:10-52:00__: _"Cartes et communs"_ (IGN)

* __52:00-118:30__: _"Données ouvertes en santé"_ (Drees)

* __A partir de 118:30__: Keynote de Paul Durand

## Rappel du programme

* __9h30-10h__: Accueil
* __10h-11h__: Cartes et communs
* __11h-12h__: Données ouvertes en santé
"""


def test_a_list_of_timecodes_gives_no_session(tmp_path: Path) -> None:
    sessions = page_sessions(tmp_path, REPLAY)
    assert [(s.start, s.end, s.title) for s in sessions] == [
        (time(9, 30), time(10), "Accueil"),
        (time(10), time(11), "Cartes et communs"),
        (time(11), time(12), "Données ouvertes en santé"),
    ]
