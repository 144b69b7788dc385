"""Who speaks, written apart from the session's line: the cards of a round table's guests
under it ('**Name**' over their role), and a heading over 'Intervenants :' and a list of
persons, which is a session of its own (a replay page names no hours).

Each page was written for these tests; the expected values come from reading it."""

from datetime import date, time
from pathlib import Path

from tests.loaders.pages import page_sessions

GUESTS = """# Soirées du design public

## Mardi 6 avril 2021

### 18h00
Ouverture de la soirée par Jeanne Dupont, directrice.

### 18h30
Table ronde animée par Paul Martin, designer.

Autour de la table :
<div class="guests">
<div>

![Léa Moreau](./moreau.jpeg)

**Léa Moreau**<br>
Chercheuse en design de services

</div>
<div>

**Karim Benali**<br>
Chef de la mission Accessibilité

</div>
</div>

## Mercredi 7 avril 2021

### 18h00
Introduction par Jeanne Dupont.

**Merci à nos partenaires**<br>
Le lieu est prêté par la mairie.
"""


def test_the_cards_of_guests_credit_the_session_above_them(tmp_path: Path) -> None:
    assert [(s.day, s.start, s.title, list(s.speaker_names))
            for s in page_sessions(tmp_path, GUESTS)] == [
        (date(2021, 4, 6), time(18), "Ouverture de la soirée", ["Jeanne Dupont"]),
        (date(2021, 4, 6), time(18, 30), "Table ronde",
         ["Paul Martin", "Léa Moreau", "Karim Benali"]),
        (date(2021, 4, 7), time(18), "Introduction", ["Jeanne Dupont"]),
    ]


REPLAYS = """---
title: Vidéos de la journée sobriété
date: 2021-10-01
---

Le 9 février 2021 s'est tenue une journée sur la sobriété numérique.

## Présentation de la sobriété numérique : enjeux

Intervenants (dans l'ordre) :

* Jeanne Dupont, cheffe de service à l'ADEME
* Paul Martin, chargé de mission numérique responsable (DINUM)

## Retour d'expérience d'un ministère

Intervenante :

* Léa Moreau, directrice du numérique

## Nos partenaires

* Association Point de M.I.R
* Institut du Numérique Responsable
"""


def test_a_heading_over_the_list_of_who_speaks_is_a_session(tmp_path: Path) -> None:
    assert [(s.day, s.start, s.title, list(s.speaker_names))
            for s in page_sessions(tmp_path, REPLAYS)] == [
        (date(2021, 2, 9), None, "Présentation de la sobriété numérique : enjeux",
         ["Jeanne Dupont", "Paul Martin"]),
        (date(2021, 2, 9), None, "Retour d'expérience d'un ministère", ["Léa Moreau"]),
    ]


ONE_WEBINAR = """---
title: "Wébinaire : des forges moins connues"
date: 2024-09-13
---

- Intervenants : Jeanne Dupont (École d'architecture de Nancy) et Paul Martin (DINUM)

Les forges sont aujourd'hui les places centrales de la fabrique du numérique.
"""

ONE_WEBINAR_LISTED = """---
title: "Wébinaire : la gouvernance territoriale des données"
date: 2025-09-05
---
Intervenants :

- Jeanne Dupont - Directrice du pôle numérique - Agglomération de La Rochelle
- Paul Martin - Administrateur des données - Agglomération de La Rochelle

Cet outil est conçu comme un commun numérique.
"""


def test_the_speakers_of_a_one_webinar_page_are_no_sessions(tmp_path: Path) -> None:
    # A replay page of one webinar names who spoke, and no programme: nothing to list.
    assert page_sessions(tmp_path, ONE_WEBINAR) == []
    assert page_sessions(tmp_path, ONE_WEBINAR_LISTED) == []


def test_a_programme_after_the_list_of_speakers_is_still_read(tmp_path: Path) -> None:
    page = ONE_WEBINAR + "\n## Programme\n\n- 10h : Forgejo\n- 10h30 : SourceHut\n"
    assert [(s.start, s.title) for s in page_sessions(tmp_path, page)] == [
        (time(10), "Forgejo"), (time(10, 30), "SourceHut")]


TALKS = """---
title: Festival du libre
---

Le festival aura lieu le dimanche 15 avril 2018.

## Programme
* ***16:10 - 16:30 :*** Talks inspirants

  * **Marie & Pierre Lenoir**, Atelier Lenoir
  * **Lina Bai**, Tsinghua x-lab

* ***16:30 - 17:00 :*** Conclusion
"""


def test_two_first_names_before_one_surname_are_two_speakers(tmp_path: Path) -> None:
    assert [(s.start, s.title, list(s.speaker_names))
            for s in page_sessions(tmp_path, TALKS)] == [
        (time(16, 10), "Talks inspirants", ["Marie Lenoir", "Pierre Lenoir", "Lina Bai"]),
        (time(16, 30), "Conclusion", []),
    ]
