"""An item that starts with a day ('Jeudi 3 octobre (Campus)') over nested timed items
groups them: they take its day, and it is no session. A project's address after a title
and 'Présentation invitée de Name' are not part of the title."""

from datetime import date, time
from pathlib import Path

from bot.loaders.page import read_page
from bot.settings.clock import PARIS

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
