"""The outline stage: headings and the lines that act as headings, as a tree, on pages
written for these tests."""

from datetime import date, time
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.loaders.page import read_page
from bot.loaders.page.outline import Section

_PAGE = """---
title: Journée d'essai
event_start_date: 2026-03-10
event_end_date: 2026-03-11
---
# Journée d'essai

Bienvenue à tous.

## Mardi 10 mars

**Salle Verte : ateliers**

- 9h : Atelier de reliure

**14h - 16h**

- Atelier de cuisine

> ### Citation
>
> Un texte cité.

Mercredi 11 mars : la suite

- 9h : Conclusion

**9h30 : Ouverture du jour**

Mercredi 11 mars en soirée, un apéritif.
"""


def _outline(text: str) -> Section:
    _, _, reading = read_page(Path("essai.md"), text, ZoneInfo("Europe/Paris"))
    assert reading.outline is not None
    return reading.outline


def _tree(section: Section) -> list:
    """(kind, line, words) of each section, nested; blocks as their kind."""
    return [(p.kind, p.line, p.facts.words, _tree(p)) if isinstance(p, Section) else p.kind
            for p in section.parts]


def test_headings_labels_and_day_labels_nest_by_rank() -> None:
    assert _tree(_outline(_PAGE)) == [
        ("heading", 6, "Journée d'essai", [
            "paragraph",
            ("heading", 10, "Mardi 10 mars", [
                ("label", 12, "Salle Verte : ateliers", [
                    "list",
                    # hours alone rank under the label: the room goes on
                    ("hours label", 16, "14h - 16h", [
                        "list",
                        ("quote", 20, "", [("heading", 20, "Citation", ["paragraph"])]),
                    ]),
                ]),
                # a one-line day over a list ends both labels
                ("day label", 24, "Mercredi 11 mars : la suite", [
                    "list",
                    # a bold line with hours and a title is a line, not a label; a day in
                    # a sentence over no list is prose
                    "paragraph",
                    "paragraph",
                ]),
            ]),
        ]),
    ]


def test_what_each_section_says_is_read_once() -> None:
    heading, = _outline(_PAGE).parts
    day = heading.parts[1]
    label = day.parts[0]
    hours = label.parts[1]
    assert (day.facts.day, day.facts.structured) == (date(2026, 3, 10), True)
    assert (label.facts.room, label.facts.kind) == ("Verte", "workshop")
    assert (hours.facts.start, hours.facts.end, hours.facts.day) == (time(14), time(16), None)
    assert day.parts[1].facts.day == date(2026, 3, 11)


def test_a_weekday_heading_is_the_event_day_with_that_weekday() -> None:
    page = _PAGE.replace("## Mardi 10 mars", "## Mercredi")
    assert _outline(page).parts[0].parts[1].facts.day == date(2026, 3, 11)


_DECIDED = """---
title: Rencontre d'essai
event_start_date: 2026-03-10
---
# Rencontre d'essai

## Programme

- 9h : Accueil
- 10h : Atelier de reliure

## Informations pratiques

- Venez nombreux, vous êtes les bienvenus.
- Consultez le site pour vous inscrire.
"""


def test_each_candidate_block_is_a_decision_with_its_score() -> None:
    _, _, reading = read_page(Path("essai.md"), _DECIDED, ZoneInfo("Europe/Paris"))
    taken, left = reading.decisions
    assert (taken.line, taken.where, taken.taken) == (9, "Rencontre d'essai › Programme", True)
    assert [(c.line, c.title) for c in taken.candidates] == [(9, "Accueil"),
                                                              (10, "Atelier de reliure")]
    assert all("has_time" in {e.name for e in c.evidence} for c in taken.candidates)
    assert (left.line, left.taken, left.close) == (14, False, False)
    assert left.score < taken.score
    assert [row.talk.title for row in reading.rows] == ["Accueil", "Atelier de reliure"]


def test_an_hour_heading_is_read_for_its_hour_alone(monkeypatch) -> None:
    """'#### 14h' says its hour and nothing else: no day or range is looked for in it
    (a long programme has one such heading an hour)."""
    from bot.loaders.page import outline

    looked: list[str] = []
    find_days = outline.find_days
    monkeypatch.setattr(outline, "find_days",
                        lambda text, dates: looked.append(text) or find_days(text, dates))
    hours = _outline(_DECIDED.replace("- 9h : Accueil", "#### 9h\n\n- Accueil"))
    heading = hours.parts[0].parts[0].parts[0]
    assert (heading.kind, heading.facts.start, heading.facts.only_time) == ("heading", time(9),
                                                                           True)
    assert "9h" not in looked
    assert "Programme" in looked


def test_an_hour_heading_is_not_read_again_for_a_title(monkeypatch) -> None:
    """'#### 9h' is an hour alone (its facts say so): the rows stage does not read it
    again as a line for a title before hours ('## Meet and Greet (~6:30pm)')."""
    from bot.loaders.page import rows

    read: list[list[str]] = []
    read_line = rows.read_line
    monkeypatch.setattr(rows, "read_line",
                        lambda lines, dates: read.append(lines) or read_line(lines, dates))
    _, _, reading = read_page(Path("essai.md"),
                              _DECIDED.replace("- 9h : Accueil", "#### 9h\n\n- Accueil"),
                              ZoneInfo("Europe/Paris"))
    assert [(r.start, r.talk.title) for r in reading.rows] == [(time(9), "Accueil"),
                                                               (time(10), "Atelier de reliure")]
    assert ["9h"] not in read
