"""The kind of a session from its own words: practical work is a workshop, a meal is a
break, the event's own course (welcome, jury, prizes, teams) is housekeeping, and a
hackathon's name over its programme says nothing of the kind of each line."""

from pathlib import Path

import pytest

from bot.loaders.talks.kinds import infer_kind, kind_hint
from tests.loaders.pages import page_sessions


@pytest.mark.parametrize(
    "title",
    [
        "TP1", "TP Markdown", "TP iTowns", "Travaux pratiques sur R",
        "Popcorn Linux Tutorial part I", "Spark Hands-on", "Exercise",
        "Session de travail", "Session de formation aux données",
        "Übungen zur Statistik", "Tutorium Lineare Algebra", "Ejercicios con pandas",
        "Esercitazione di gruppo", "Oefeningen met Git", "Practicum databanken",
    ],
)
def test_practical_work_is_a_workshop(title: str) -> None:
    assert infer_kind(title) == "workshop"


@pytest.mark.parametrize(
    "title",
    [
        "Continental Breakfast Served", "Course dinner", "Special dinner - Cheese fondue",
        "Coffee Break & Poster Session", "Grand déjeuner", "Gemeinsames Mittagessen",
        "Tiempo de almuerzo", "Aperitivo e pranzo", "Gezamenlijk ontbijt",
        "INTERVALO", "Receso", "Breve intervallo",  # the interval of a Spanish or Italian day
    ],
)
def test_a_meal_is_a_break_wherever_it_stands_in_a_short_line(title: str) -> None:
    assert infer_kind(title) == "break"


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Accueil café", "other"),  # the participants' arrival
        ("Accueil petit-déjeuner", "break"),  # a meal
        ("Introduction", "other"),
        ("Introduction de la journée", "other"),
        ("Introduction à la reproductibilité", "talk"),
        ("Introduction to Bioconductor", "talk"),
        ("Einführung in Python", "talk"),
        ("Questions / réponses", "other"),
        ("Questions/réponses avec un panel d'experts", "panel"),
    ],
)
def test_an_arrival_and_an_opening_are_housekeeping_a_lesson_is_a_talk(title: str,
                                                                       kind: str) -> None:
    assert infer_kind(title) == kind


@pytest.mark.parametrize(
    "title",
    [
        "Délibération des membres du jury", "Remise des prix",
        "Annonce des résultats, discours de clôture et remerciements",
        "Constitution des équipes", "Tour de table", "Project Submission Deadline",
        "Prizes and Awards", "Doors open, time for snacks and networking", "Team Formation",
        "Free time / spa", "Preisverleihung", "Entrega de premios", "Despedida y cierre",
        "Premiazione dei vincitori", "Prijsuitreiking",
    ],
)
def test_the_course_of_the_event_is_housekeeping(title: str) -> None:
    assert infer_kind(title) == "other"


def test_a_long_title_on_a_jury_is_a_talk() -> None:
    title = "Comment le jury d'un concours d'innovation publique évalue les projets libres"
    assert infer_kind(title) == "talk"


def test_a_hackathon_is_an_event_not_a_kind() -> None:
    assert kind_hint("Pendant le hackathon") is None


HACKATHON = """---
title: Hackathon données ouvertes
---

## Pendant le hackathon

### Mardi 2 décembre 2025

| Horaire | Programme |
|---|---|
| 9:00-9:15 | Accueil café |
| 9:15-9:45 | Présentation des données |
| 9:45-12:30 | Session de travail |
| 12:30-13:30 | Pause déjeuner |
| 13:30-17:00 | Session de travail |
| 17:00-17:30 | Délibération du jury |
"""


def test_the_lines_of_a_hackathon_keep_their_own_kinds(tmp_path: Path) -> None:
    assert [(s.title, s.kind) for s in page_sessions(tmp_path, HACKATHON)] == [
        ("Accueil café", "other"),
        ("Présentation des données", "talk"),
        ("Session de travail", "workshop"),
        ("Pause déjeuner", "break"),
        ("Session de travail", "workshop"),
        ("Délibération du jury", "other"),
    ]


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Sprint", "workshop"), ("Code sprint", "workshop"), ("Hackathon", "workshop"),
        ("Discussions prospectives", "other"), ("Diskussion", "other"),
        ("Design sprint sur le projet DataJust", "talk"),
        ("Panel discussion with the keynote speakers", "panel"),
    ],
)
def test_a_line_that_is_only_the_hours_of_work_or_of_discussion(title: str, kind: str) -> None:
    assert infer_kind(title) == kind


@pytest.mark.parametrize(
    "title",
    [
        "Conference dinner (ticket event)", "Welcome reception", "Dinner and Cruise",
        "After party", "Soirée de gala", "Cocktail dînatoire", "Empfang im Rathaus",
        "Fiesta de clausura", "Festa di fine anno", "Borrel",
    ],
)
def test_the_evening_spent_together_is_a_social_event_not_a_break(title: str) -> None:
    assert infer_kind(title) == "other"


@pytest.mark.parametrize(
    "title",
    [
        "Sandwiches Served", "Soup and salad will be provided", "Lunch Served: Thai curry",
        "Morning tea", "Afternoon tea", "Pizza!", "Petit-déjeuner offert",
        "Kaffee und Kuchen serviert",
    ],
)
def test_food_served_is_a_break(title: str) -> None:
    assert infer_kind(title) == "break"


@pytest.mark.parametrize(
    "title",
    [
        "Registration Opens", "Day Pass Ends", "Venue closes", "Let the games begin!",
        "Les inscriptions commencent", "Der Hackathon beginnt", "Il contest inizia",
    ],
)
def test_a_marker_of_the_course_of_the_event_is_housekeeping(title: str) -> None:
    assert infer_kind(title) == "other"


@pytest.mark.parametrize(
    "title",
    [
        "Python Core Developers Meeting", "Documentation WG meeting - Day 2",
        "Packaging Breakout", "Ad Hoc Room 3", "Community Happy Hour",
        "Security team discussion", "Réunions des groupes locaux", "Vergadering van de raad",
        "Welcoming Remarks", "Annonces", "Saluti istituzionali", "Visite du fab lab",
        "Pitch des idées", "Restitution des équipes",
        "Hacking", "Registrations",
    ],
)
def test_a_meeting_of_those_present_is_no_talk(title: str) -> None:
    assert infer_kind(title) == "other"


@pytest.mark.parametrize(
    "title",
    [
        "Meeting the needs of users with open data", "Third-party cookies",
        "Le numérique à La Réunion", "Why Open Source Matters",
    ],
)
def test_a_talk_that_only_uses_those_words_stays_a_talk(title: str) -> None:
    assert infer_kind(title) == "talk"


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Steering Committee Q&A", "panel"), ("Ask me anything", "panel"),
        ("Q&A", "other"), ("Closing Q&A", "other"),
        ("Final Team Pitches", "demo"), ("Project presentations to the judges", "demo"),
        ("Présentation des 12 projets devant le jury", "demo"),
        ("Presentazione dei progetti alla giuria", "demo"),
    ],
)
def test_who_answers_and_what_teams_show(title: str, kind: str) -> None:
    assert infer_kind(title) == kind
