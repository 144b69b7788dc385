"""An item that starts with a day ('Jeudi 3 octobre (Campus)') over nested timed items
groups them: they take its day, and it is no session. A project's address after a title
and 'Présentation invitée de Name' are not part of the title."""

from datetime import date, time
from pathlib import Path

from bot.loaders.page import read_page
from bot.settings.clock import PARIS
from tests.loaders.pages import page_sessions

PAGE = """---
title: Journées Cartes et Territoires
date: 2024-10-03T10:00:00Z
date_end: 2024-10-04T17:00:00Z
---

*Programme :*

- Jeudi 3 octobre (Maison de la recherche)
    - 10h : Présentation invitée de Claire Morel (LIRIS, Université Lyon 2)
    - 11h : Visite du laboratoire
- Vendredi 4 octobre matin (Campus de la Doua)
    - 9h-12h : Atelier QGIS (https://qgis.org/)
"""


def test_a_day_item_gives_its_day_to_the_items_under_it(tmp_path: Path) -> None:
    path = tmp_path / "journees.md"
    path.write_text(PAGE, encoding="utf-8")
    events, _problems, _reading = read_page(path, PAGE, PARIS)
    assert [(s.day, s.start, s.title, list(s.speaker_names)) for s in events[0].sessions] == [
        (date(2024, 10, 3), time(10), "Présentation invitée", ["Claire Morel"]),
        (date(2024, 10, 3), time(11), "Visite du laboratoire", []),
        (date(2024, 10, 4), time(9), "Atelier QGIS", []),
    ]


SERIES = """---
title: Atelier BlueHats - Matomo
date: 2021-03-12
---

*Interventions de Ronan Chardonneau, formateur Matomo.*

## 17 juillet 2020 : Présentation de Matomo

<iframe src="https://video.example/x1"></iframe>

## 12 mars 2021 : Atelier de mise à jour RGPD pour Matomo

<iframe src="https://video.example/x2"></iframe>

## Jeudi 3 juin 2021 : programme

- 10h : Accueil
- 10h30 : Retour d'expérience
"""


def test_a_heading_led_by_its_day_names_a_session_unless_sessions_follow(tmp_path: Path) -> None:
    """A series page gives each workshop as '## day : title' over its video; a day heading
    over timed items only gives them its day."""
    path = tmp_path / "matomo.md"
    path.write_text(SERIES, encoding="utf-8")
    events, _problems, _reading = read_page(path, SERIES, PARIS)
    assert [(s.day, s.start, s.title) for s in events[0].sessions] == [
        (date(2020, 7, 17), None, "Présentation de Matomo"),
        (date(2021, 3, 12), None, "Atelier de mise à jour RGPD pour Matomo"),
        (date(2021, 6, 3), time(10), "Accueil"),
        (date(2021, 6, 3), time(10, 30), "Retour d'expérience"),
    ]


WHOLE_DAYS = """---
title: Journées de contribution
date: 2026-06-16
---

# Agenda

- 16 juin 2026 (9h30-17h30) :
  - Matinée :
    - 9h30 - 10h : accueil café
    - 10h : présentation de la journée
  - Après-midi : travail en groupes sur les projets
- 17 juin 2026 (9h-17h):
  - Matinée : contributions
  - **Afternoon:** contributions et clôture
"""


def test_a_day_item_gives_its_hours_to_the_items_that_have_none(tmp_path: Path) -> None:
    """'- 16 juin 2026 (9h30-17h30) :' over its items: the hours in brackets before the
    colon are the day's, for the items that give none; 'Matinée :' before a title says
    when, and is not part of it."""
    sessions = page_sessions(tmp_path, WHOLE_DAYS)
    assert [(s.day, s.start, s.end, s.title) for s in sessions] == [
        (date(2026, 6, 16), time(9, 30), time(10), "accueil café"),
        (date(2026, 6, 16), time(9, 30), time(17, 30), "travail en groupes sur les projets"),
        (date(2026, 6, 16), time(10), None, "présentation de la journée"),
        (date(2026, 6, 17), time(9), time(17), "contributions"),
        (date(2026, 6, 17), time(9), time(17), "contributions et clôture"),
    ]
