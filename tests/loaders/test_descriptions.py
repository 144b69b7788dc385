"""A session's description is the prose its page writes under it (page written for this
test): the paragraphs and lists under a heading that is a session, the paragraphs a list
item nests; not what follows its list, nor what is under a heading that is no session."""

from pathlib import Path

from bot.loaders.page import load_page, read_page
from bot.programme.model import Session
from bot.settings.clock import PARIS
from tests.support.paths import CONSTRUCT_PAGES

PAGE = """---
title: Journée des communs
event_start_date: 2025-03-14
---

## Matin

#### [9h–10h] Plénière d'ouverture

*Auditorium*

**Intervenants**

* Jeanne Dupont, cheffe de projet, Agence du numérique (ADN)

**Animation**

* Paul Martin, Mission logiciels libres

#### [10h–11h] Démonstrations

* #### Atelier 1
*Interfacer un service avec son API*

* #### Atelier 2
*Un formulaire accessible*

Merci de vous inscrire avant le 1er mars.

## Après-midi

Le forum ouvre ses portes.
"""


def _sessions() -> dict[str, Session]:
    (event,), _problems, _reading = read_page(Path("communs.md"), PAGE, PARIS)
    return {s.title: s for s in event.sessions}


def _descriptions() -> dict[str, str]:
    return {title: s.description for title, s in _sessions().items()}


def test_a_heading_session_is_described_by_the_prose_under_it() -> None:
    found = _descriptions()
    assert found["Plénière d'ouverture"] == (
        "Auditorium\nIntervenants\n"
        "Jeanne Dupont, cheffe de projet, Agence du numérique (ADN)\nAnimation\n"
        "Paul Martin, Mission logiciels libres")


def test_an_item_is_described_by_what_it_nests_not_by_what_follows_its_list() -> None:
    found = _descriptions()
    assert found["Atelier 1"] == "Interfacer un service avec son API"
    assert found["Atelier 2"] == "Un formulaire accessible"
    assert not any("inscrire" in text or "forum" in text for text in found.values())


def test_a_short_first_line_naming_a_place_is_the_room() -> None:
    rooms = {title: s.room for title, s in _sessions().items()}
    assert rooms == {"Plénière d'ouverture": "Auditorium", "Atelier 1": None, "Atelier 2": None}


def test_a_bold_label_ends_what_a_timed_line_opened() -> None:
    # creneaux.md: « [12h - 13h] Pause déjeuner », then the label « **Démos, de 14h à 18h,
    # salon des Arcades** » and its prose: the afternoon's, not the lunch's.
    (event,), _problems = load_page(CONSTRUCT_PAGES / "creneaux.md",
                                    (CONSTRUCT_PAGES / "creneaux.md").read_text(), PARIS)
    lunch = next(s for s in event.sessions if s.title == "Pause déjeuner")
    assert (lunch.description, lunch.room) == ("", None)
