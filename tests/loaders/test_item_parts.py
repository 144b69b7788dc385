"""An item whose own lines hold parts in bold numbered 1, 2, 3… ('**1. Title**', each
with 'Invité : Name (role)' under it) groups them: each part is a session in its hours.

The page was written for these tests; the expected values come from reading it."""

from datetime import time
from pathlib import Path

from tests.loaders.pages import page_sessions

PAGE = """---
title: Lancement de la stratégie
event_start_date: 2023-06-01 14:00:00 +02:00
---

### Programme
* **14h00 – 15h00 : Accueil café**
* **15h00 – 17h00 : Plénière**
  <br>(grand amphithéâtre)
**1. Ouvrir les données publiques**
  <br>Invitée : Jeanne Dupont (directrice des données)
**2. Former les agents au numérique**
  <br>Intervenant : Paul Martin (DINUM)
  <br>Invités : Léa Moreau (Pix)
* **17h00 – 18h00 : Cocktail**
"""


def test_the_numbered_parts_of_an_item_are_its_sessions(tmp_path: Path) -> None:
    assert [(s.start, s.end, s.title, list(s.speaker_names))
            for s in page_sessions(tmp_path, PAGE)] == [
        (time(14), time(15), "Accueil café", []),
        (time(15), time(17), "Ouvrir les données publiques", ["Jeanne Dupont"]),
        (time(15), time(17), "Former les agents au numérique", ["Paul Martin", "Léa Moreau"]),
        (time(17), time(18), "Cocktail", []),
    ]


def test_one_numbered_line_is_no_list_of_parts(tmp_path: Path) -> None:
    page = PAGE.replace("**2. Former les agents au numérique**", "Former les agents.")
    assert [s.title for s in page_sessions(tmp_path, page)] == [
        "Accueil café", "Plénière", "Cocktail"]
