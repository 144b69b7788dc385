"""The hours a programme line starts with, and what is left for its title."""

from datetime import date, time

import pytest

from bot.loaders.page import row_grammar
from bot.loaders.page.row_grammar import leading_time, read_line
from bot.loaders.when import DateContext


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("10:00 **Warm-up and Get-together**", (time(10), None, "**Warm-up and Get-together**")),
        ("**14h-15h30 : Exposition**", (time(14), time(15, 30), "**Exposition**")),
        ("**9h30 :** Accueil", (time(9, 30), None, "Accueil")),
        ("\\[9h–9h30\\] Accueil", (time(9), time(9, 30), "Accueil")),
        ("De 10h à 10h50 : Table ronde", (time(10), time(10, 50), "Table ronde")),
        ("0845-0900 Welcome", (time(8, 45), time(9), "Welcome")),
        ("dès 9h : café", (time(9), None, "café")),
        ("**Midi :** Déjeuner", (time(12), None, "Déjeuner")),
        ("11:OO Table ronde", (time(11), None, "Table ronde")),
        ("9:30 h. Bienvenida", (time(9, 30), None, "Bienvenida")),
        ("h. 10.00-12.00: sessione plenaria", (time(10), time(12), "sessione plenaria")),
        ("Um 14 Uhr: Führung", (time(14), None, "Führung")),
        ("ore 9.30 Saluti", (time(9, 30), None, "Saluti")),
    ],
)
def test_hours_that_lead_a_line(line: str, expected: tuple) -> None:
    assert leading_time(line) == expected


@pytest.mark.parametrize("line", ["9h30** Accueil", "### 18h00", "Salle 3 - 14h : atelier"])
def test_no_leading_hours(line: str) -> None:
    assert leading_time(line) is None


CONTEXT = DateContext(years=(2023,), lang="fr")


@pytest.mark.parametrize(
    ("line", "day", "hours", "title", "speakers"),
    [
        # the day and hours after the title and its credit, behind a dash or a comma
        ("Les communs numériques, Alice Martin — mardi 14 mars, 10h",
         date(2023, 3, 14), (time(10), None), "Les communs numériques", ["Alice Martin"]),
        ("Atelier Git – Bob Durand – Wednesday 15 March, 14:30-16:00",
         date(2023, 3, 15), (time(14, 30), time(16)), "Atelier Git", ["Bob Durand"]),
        # in parentheses that end the line
        ("**Les communs**, par Alice Martin (mardi 14 mars à 10h)",
         date(2023, 3, 14), (time(10), None), "Les communs", ["Alice Martin"]),
        # a day and hours in bold before the title, the colon inside the bold
        ("**Le 15 novembre - 9h30-9h55 :** Cloud souverain avec Vincent Roux",
         date(2023, 11, 15), (time(9, 30), time(9, 55)), "Cloud souverain", ["Vincent Roux"]),
    ],
)
def test_the_day_and_hours_of_a_line_before_or_after_its_title(
    line: str, day: date, hours: tuple, title: str, speakers: list[str]
) -> None:
    reading = read_line([line], CONTEXT)
    assert (reading.days, (reading.start, reading.end)) == ([day], hours)
    assert reading.talk.title == title
    assert [s.name for s in reading.talk.speakers] == speakers


@pytest.mark.parametrize(
    "line", ["Deux bourses pour le hackathon de Vienne (May 19-21).", "Atelier 2 - 3 ateliers"]
)
def test_a_sentence_that_ends_with_days_or_numbers_keeps_them(line: str) -> None:
    reading = read_line([line], CONTEXT)
    assert (reading.days, reading.start) == ([], None)


def test_a_range_of_hours_is_not_cut_at_its_dash() -> None:
    reading = read_line(["29th October | 10 am - 5 pm"], CONTEXT)
    assert (reading.start, reading.end) == (None, None)


def test_a_range_of_days_is_not_cut_at_its_dash() -> None:
    reading = read_line(["Call for papers: March 1-15. Registration: April 1 - May 30."], CONTEXT)
    assert (reading.days, reading.start) == ([], None)


@pytest.mark.parametrize(
    ("line", "title", "speakers"),
    [
        ("10 min: Shiny (Vincent Carey)", "Shiny", ["Vincent Carey"]),
        ("5 minutes – Open science in practice", "Open science in practice", []),
        ("90 min : Atelier Git", "Atelier Git", []),
    ],
)
def test_how_long_a_talk_lasts_before_its_title_is_not_part_of_it(
    line: str, title: str, speakers: list[str]
) -> None:
    talk = read_line([line], CONTEXT).talk
    assert (talk.title, [s.name for s in talk.speakers]) == (title, speakers)


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("Projets des hackathons *(Présentations en français et anglais)*",
         "Projets des hackathons"),
        ("Open data in cities (in English)", "Open data in cities"),
        ("Keynote (English / Deutsch)", "Keynote"),
        ("Cours d'anglais (niveau 2)", "Cours d'anglais (niveau 2)"),
    ],
)
def test_the_language_a_talk_is_given_in_is_not_part_of_its_title(line: str, title: str) -> None:
    assert read_line([line], CONTEXT).talk.title == title


def test_a_line_with_words_before_its_first_digit_is_not_read_for_hours(monkeypatch) -> None:
    """Nothing that may stand before leading hours holds a word such as 'Retour': the
    grammar of hours is not run on such a line (it is the costly part of a line's reading)."""
    def grammar(text: str) -> list:
        raise AssertionError(f"the grammar of hours read {text!r}")

    monkeypatch.setattr(row_grammar, "find_times", grammar)
    assert leading_time.__wrapped__("**Retour d'expérience 3-9-0 sur Grist** - *Jeanne*") is None
    assert leading_time.__wrapped__("Salle 3 - 14h : atelier") is None
