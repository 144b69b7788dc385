"""Hours that only group the items after them in the same flat list ('11h30-12h30 :
Présentations', then the talks of that hour) are no session; sessions of the very same
hours side by side, or a lone item inside another's hours, stay sessions. The pages were
written for these tests."""

from datetime import time
from pathlib import Path

from tests.loaders.pages import page_sessions

GROUPED = """---
title: Journée du groupe de travail
date: 2022-03-08
---

# Programme

* 10h50-11h10 : pause
* 11h10-12h10 : **Présentations**
* 11h10 : **Jeanne Dupont**

Titre de la présentation : Les jumeaux numériques des villes

* 11h40 : **Paul Martin et Anne Roy**

Titre de la présentation : Les cartes sensibles

* 12h10-14h : pause midi
* 14h-16h : **atelier réalité virtuelle**

Un atelier co-organisé avec la commission du groupe.

* 14h : **Présentation du rapport par Jeanne Dupont**
* 14h30-15h30 : **discussion**
* 15h30-16h : pause café
* 16h-17h : **Atelier prospective**
"""


def test_hours_filled_by_the_items_after_them_only_group_them(tmp_path: Path) -> None:
    sessions = page_sessions(tmp_path, GROUPED)
    assert [(s.start, s.title) for s in sessions] == [
        (time(10, 50), "pause"),
        (time(11, 10), "Les jumeaux numériques des villes"),
        (time(11, 40), "Les cartes sensibles"),
        (time(12, 10), "pause midi"),
        (time(14), "Présentation du rapport"),
        (time(14, 30), "discussion"),
        (time(15, 30), "pause café"),
        (time(16), "Atelier prospective"),
    ]


SIDE_BY_SIDE = """---
title: Journée des ateliers
date: 2022-03-08
---

# Programme

* 14h-16h : Atelier cartographie
* 14h-16h : Atelier données ouvertes
* 15h : Visite du laboratoire
* 16h-16h30 : Clôture
"""


def test_sessions_of_the_same_hours_side_by_side_stay_sessions(tmp_path: Path) -> None:
    sessions = page_sessions(tmp_path, SIDE_BY_SIDE)
    assert [s.title for s in sessions] == [
        "Atelier cartographie", "Atelier données ouvertes", "Visite du laboratoire", "Clôture"]


ONE_INSIDE = """---
title: Journée du hackathon
date: 2022-03-08
---

# Programme

* 9h-17h : Hackathon
* 12h : Déjeuner
* 17h-17h30 : Remise des prix
"""


def test_one_item_inside_anothers_hours_leaves_it_a_session(tmp_path: Path) -> None:
    sessions = page_sessions(tmp_path, ONE_INSIDE)
    assert [s.title for s in sessions] == ["Hackathon", "Déjeuner", "Remise des prix"]


ROOMS = """---
title: Journée des contributeurs
date: 2022-03-08
---

# Programme

| Heure | Session |
| --- | --- |
| 0900-1600 | Salle libre 1 |
| 0900-1100 | Réunion des mainteneurs |
| 0900-1000 | Réunion de la documentation |
| 1500-1600 | Réunion des traducteurs |
"""


def test_an_all_day_room_beside_meetings_that_overlap_stays_a_session(tmp_path: Path) -> None:
    sessions = page_sessions(tmp_path, ROOMS)
    assert [s.title for s in sessions] == [
        "Salle libre 1", "Réunion des mainteneurs", "Réunion de la documentation",
        "Réunion des traducteurs"]
