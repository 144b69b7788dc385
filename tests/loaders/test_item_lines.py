"""Each item of a list is written back as its first line once, for every reading of the
list (who it credits, which side of a colon names persons, the item's own reading)."""

from collections import Counter
from datetime import time
from pathlib import Path

from bot.loaders.page import rows
from tests.loaders.pages import page_sessions

PAGE = """# Journée des communs, 4 mars 2025

* 9h30 : **Accueil**
* 10h : **Les communs numériques** - Jeanne Dupont (DINUM)
* 11h : **Cartes ouvertes** - Paul Martin (IGN)
"""


def test_each_items_first_line_is_written_once(tmp_path: Path, monkeypatch) -> None:
    written: Counter[int] = Counter()
    first_line = rows._item_markdown

    def counted(item):
        written[item.line] += 1
        return first_line(item)

    monkeypatch.setattr(rows, "_item_markdown", counted)
    sessions = page_sessions(tmp_path, PAGE)
    assert [(s.start, s.title, [p.name for p in s.speakers]) for s in sessions] == [
        (time(9, 30), "Accueil", []),
        (time(10), "Les communs numériques", ["Jeanne Dupont"]),
        (time(11), "Cartes ouvertes", ["Paul Martin"]),
    ]
    assert written == {3: 1, 4: 1, 5: 1}
