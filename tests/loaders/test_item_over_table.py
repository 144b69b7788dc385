"""A timed item right above a table, whose hours hold every row's, only groups the table's
sessions ('* **14h - 17h : Ateliers thématiques**' over a table of workshops): it is no
session itself. An item whose hours the rows leave is one.

The pages were written for these tests; the expected values come from reading them."""

from datetime import time
from pathlib import Path

from tests.loaders.pages import page_sessions

PAGE = """# Semaine d'intégration

### Mercredi 23 septembre 2020

* **11h - 12h : Présentation du laboratoire** - Jeanne Dupont
* **14h - 16h : Ateliers thématiques**

| Horaires | ATELIER 1 | ATELIER 2 |
| -------- | -------- | -------- |
| 14h - 15h | Open Data | Accessibilité |
| 15h - 16h | Open Source | Design system |
"""


def test_an_item_whose_hours_hold_the_table_below_groups_it(tmp_path: Path) -> None:
    assert [(s.start, s.end, s.title) for s in page_sessions(tmp_path, PAGE)] == [
        (time(11), time(12), "Présentation du laboratoire"),
        (time(14), time(15), "Open Data"),
        (time(14), time(15), "Accessibilité"),
        (time(15), time(16), "Open Source"),
        (time(15), time(16), "Design system"),
    ]


def test_an_item_before_a_table_of_later_hours_is_a_session(tmp_path: Path) -> None:
    page = PAGE.replace("14h - 16h : Ateliers", "12h - 14h : Déjeuner et ateliers")
    assert [(s.start, s.title) for s in page_sessions(tmp_path, page)][1] == (
        time(12), "Déjeuner et ateliers thématiques")
