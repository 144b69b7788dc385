"""A list that says what kinds of activity a day holds, or announces in the future tense
what will be offered, is an overview, not a programme: the sessions are in the detailed
programme further down. Pages written from the layout of a ministry's job-fair page."""

from pathlib import Path

from tests.loaders.pages import page_sessions

OVERVIEW = """---
title: Journées de l'emploi numérique 2024
event_start_date: 2024-03-04 09:00:00 +01:00
event_end_date: 2024-03-14 18:00:00 +01:00
---

## Programme

### Les journées en ligne du 4 au 8 mars 2024

Au programme :

* Des **conférences métiers** du 4 au 6 mars, pour découvrir les équipes qui recrutent.

* Des **rencontres individuelles** avec les recruteurs en visio.

#### **Conférences**

* **Le cloud dans les ministères**
<br>Lundi 4 mars 2024, 17h-17h30

* **Sécurité des systèmes d'information : un métier d'avenir**
<br>Mardi 5 mars 2024, 17h-17h30

### La journée à Lyon le 14 mars 2024

* Des **stands** seront installés pour prolonger votre discussion avec un recruteur.

* Au cours de la journée seront aussi proposés des ateliers pratiques (sur inscription).

#### **Ateliers**

* **Réussir son entretien**
<br>de 10h à 11h ou de 14h à 15h
"""


def test_overview_bullets_are_not_sessions(tmp_path: Path) -> None:
    sessions = page_sessions(tmp_path, OVERVIEW)
    assert sorted((s.title, str(s.day), s.start.strftime("%H:%M")) for s in sessions) == [
        ("Le cloud dans les ministères", "2024-03-04", "17:00"),
        ("Réussir son entretien", "2024-03-14", "10:00"),
        ("Réussir son entretien", "2024-03-14", "14:00"),
        ("Sécurité des systèmes d'information : un métier d'avenir", "2024-03-05", "17:00"),
    ]


def test_a_talk_whose_title_starts_with_a_plural_is_kept(tmp_path: Path) -> None:
    page = OVERVIEW.split("Au programme :")[0] + (
        "* 10h — **Des ateliers pour tous : retour d'expérience**, Jeanne Dupont (Insee)\n"
        "* 11h — **Le logiciel libre à l'école**, Paul Martin (DNE)\n")
    titles = [s.title for s in page_sessions(tmp_path, page)]
    assert titles == ["Des ateliers pour tous : retour d'expérience",
                      "Le logiciel libre à l'école"]
