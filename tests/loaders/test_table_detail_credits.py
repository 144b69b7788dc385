"""A table's description column that credits the session (« Ouverture par Name (Org) »):
the page was written for this test; the expected values come from reading it."""

from datetime import time
from pathlib import Path

from tests.loaders.pages import page_sessions

PAGE = """---
title: Journées data et logiciels libres
---

## Mardi 16 juin 2026

| Horaire       | Activité          | Détail                                              |
|---------------|-------------------|-----------------------------------------------------|
| 9h30 – 10h00  | Accueil & café    | Accueil des participants, installation, badges      |
| 10h00 – 10h30 | Ouverture         | Ouverture par Jeanne Dupont (directrice, DINUM)     |
| 10h30 – 10h45 | Pitch des sujets  | Chaque sponsor présente son projet en 5 min         |
| 10h45 – 12h30 | Atelier           | Travail en groupes, avec l'aide des référents        |
"""


def test_a_description_cell_that_credits_gives_the_speakers(tmp_path: Path) -> None:
    assert [(s.start, s.title, s.speaker_names) for s in page_sessions(tmp_path, PAGE)] == [
        (time(9, 30), "Accueil & café", ()),
        (time(10), "Ouverture", ("Jeanne Dupont",)),
        (time(10, 30), "Pitch des sujets", ()),
        (time(10, 45), "Atelier", ()),
    ]
