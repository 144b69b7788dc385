"""A list of dated steps before an event (opening of submissions, deadline, notification,
registration) is no programme: a day without hours, named for a deadline, is a decoy."""

from datetime import date, time
from pathlib import Path

from tests.loaders.pages import page_sessions

ANNOUNCEMENT = """---
title: Journée Cartographie 2026
---

La journée aura lieu le 9 octobre 2026 à Nantes.

Dates clés

* 2 mars 2026 : Ouverture des soumissions
* 15 mai 2026 : Date limite d'envoi des résumés
* 10 juin 2026 : Notification aux auteurs
* 9 octobre 2026 : Journée Cartographie à Nantes

Key dates

* March 2, 2026: Submissions open
* May 15, 2026: Abstract deadline
* June 10, 2026: Notification to authors
* October 9, 2026: Mapping Day in Nantes
"""

PROGRAMME = """---
title: Journée Cartographie 2026
---

* 9 octobre 2026 à 9h : Accueil et inscriptions
* 9 octobre 2026 à 10h : Cartes et communs
"""


def test_a_list_of_deadlines_gives_no_session(tmp_path: Path) -> None:
    assert page_sessions(tmp_path, ANNOUNCEMENT) == []


def test_a_timed_registration_stays_a_session(tmp_path: Path) -> None:
    sessions = page_sessions(tmp_path, PROGRAMME)
    assert [(s.day, s.start, s.title) for s in sessions] == [
        (date(2026, 10, 9), time(9), "Accueil et inscriptions"),
        (date(2026, 10, 9), time(10), "Cartes et communs"),
    ]
