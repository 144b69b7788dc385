"""A timed heading whose parts are bold labels, each over the persons who speak in it: the
heading is one session, and every person listed under its labels speaks in it."""

from datetime import time
from pathlib import Path

from bot.loaders.page import read_page
from bot.settings.clock import PARIS

PAGE = """---
title: Journée des communs
date: 2024-06-12
---

#### **[9h–9h30] Accueil**

#### **[9h35–10h45] Séquence plénière : où en sont les communs ?**

*Grand amphithéâtre*

**Ouverture**

* **Jeanne Martin**, directrice du programme, Agence des communs

**Retours de terrain**

* **Paul Durand**, chef de projet, Ville de Lyon
* Pitch de **Amina Diallo**, Région Bretagne, lauréate pour le projet « Cartes »
* Pitch de **Luc Petit**, directeur, et **Sara Klein**, responsable data, lauréats pour « Données »

#### **[11h–11h30] Clôture**
"""


def test_a_timed_heading_over_labelled_speakers_is_one_session(tmp_path: Path) -> None:
    path = tmp_path / "communs.md"
    path.write_text(PAGE, encoding="utf-8")
    events, _problems, _reading = read_page(path, PAGE, PARIS)
    sessions = {s.title: s for s in events[0].sessions}
    assert list(sessions) == ["Accueil", "Séquence plénière : où en sont les communs ?",
                              "Clôture"]
    plenary = sessions["Séquence plénière : où en sont les communs ?"]
    assert (plenary.start, plenary.end) == (time(9, 35), time(10, 45))
    assert [s.name for s in plenary.speakers] == [
        "Jeanne Martin", "Paul Durand", "Amina Diallo", "Luc Petit", "Sara Klein"]
