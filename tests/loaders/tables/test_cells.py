"""What one table cell says: hours, days, names of persons, and the items it holds."""

from __future__ import annotations

from datetime import date, time

import pytest

from bot.loaders.page.table_cells import (
    cell_day,
    cell_items,
    cell_time,
    is_day,
    looks_like_names,
    mended,
    names_only,
)
from tests.loaders.tables.build import frame, table


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("9h - 9h30", time(9), time(9, 30)),
        ("0900-1330 (all day)", time(9), time(13, 30)),
        ("12h00-12h30>", time(12), time(12, 30)),
        ("1:35 PM – 2:00 PM.", time(13, 35), time(14)),
        ("07:30 ", time(7, 30), None),
        ("17.00 Uhr", time(17), None),
        ("8:00 AM", time(8), None),
        ("14:00 – 17:00", time(14), time(17)),
    ],
)
def test_a_cell_that_is_a_time(text: str, start: time, end: time | None) -> None:
    slot = cell_time(text)
    assert slot is not None and (slot.start, slot.end) == (start, end)


@pytest.mark.parametrize("text", ["9h30 : Accueil des participants", "Lecture 01", "Slides",
                                  "2.1 Welcome", "Séance 0", "Time (GMT-5)", ""])
def test_a_cell_that_is_not_a_time(text: str) -> None:
    assert cell_time(text) is None


def test_a_header_that_holds_a_range_among_words() -> None:
    slot = cell_time("Morning (08:30 - 12:00)", whole=False)
    assert slot is not None and (slot.start, slot.end) == (time(8, 30), time(12))
    assert cell_time("Morning (08:30 - 12:00)") is None


def test_days_placed_in_the_event_frame() -> None:
    event = frame(date(2020, 9, 21), date(2020, 9, 25))
    assert cell_day("Lundi 21 septembre", event).day == date(2020, 9, 21)
    assert cell_day("Mercoledì 16 Marzo 2022", event).day == date(2022, 3, 16)
    assert cell_day("31/01/22", event).day == date(2022, 1, 31)
    assert cell_day("Jeudi", event).day == date(2020, 9, 24)
    assert cell_day("Wednesday", event).day == date(2020, 9, 23)
    assert cell_day("Day 1 (Monday 19.10.2020)", event).day == date(2020, 10, 19)


def test_a_weekday_the_frame_cannot_place_stays_a_weekday() -> None:
    facts = cell_day("Dienstag", frame())
    assert (facts.day, facts.weekday, facts.known) == (None, 1, True)


def test_a_day_without_a_year_from_the_frame_days() -> None:
    event = frame(date(2025, 12, 2), date(2025, 12, 4))
    assert cell_day("3 décembre", event).day == date(2025, 12, 3)
    assert cell_day("19 novembre", event).day == date(2025, 11, 19)  # its year: the event's


@pytest.mark.parametrize("text", ["Lundi 21 septembre", "19 novembre", "31/01/22", "Monday",
                                  "lunes", "Dienstag"])
def test_is_day(text: str) -> None:
    assert is_day(text)


@pytest.mark.parametrize("text", ["Pause café", "Date", "Atelier 2 : R Interface", "14h-15h",
                                  "Rencontre du lundi avec les équipes de la DINUM"])
def test_is_not_a_day(text: str) -> None:
    assert not is_day(text)
    assert not cell_day(text, frame()).known


@pytest.mark.parametrize("text", ["Jeanne Roux", "A. Robin", "Elio Qoshi & Michael Kohler",
                                  "Mitchell Baker, David Bryant, Axel Hecht",
                                  "Matteo Collina @mcollina", "V. Viers et A. Conception",
                                  "Mary Ellen Muckerman", "Roberto Di Cosmo",
                                  "*Jeanne Roux*", "**A. Robin**"])  # Markdown in raw HTML
def test_names_of_persons(text: str) -> None:
    assert looks_like_names(text)


@pytest.mark.parametrize("text", ["Pause café", "Slides", "Accueil des participants",
                                  "Atelier 2 : R Interface", "14h-15h", "TP1",
                                  "Introduction to Bioconductor (Martin Morgan)", "", "**"])
def test_not_names_of_persons(text: str) -> None:
    assert not looks_like_names(text)


def _cell(source: str, row: int = 1, column: int = 1):
    return table(source).rows[row].cells[column]


def test_two_items_split_by_a_rule() -> None:
    cell = _cell("<table><tr><th>Heures</th><th>Description</th></tr>\n"
                 "<tr><td>11:30-12:00</td><td><p><strong>Présentation de Valéry Masson</strong>,"
                 " chercheur</p><hr><p>Délibération du jury</p></td></tr></table>")
    items = cell_items(cell)
    assert [" / ".join(ln.text for ln in lines) for lines, _ in items] == [
        "Présentation de Valéry Masson, chercheur", "Délibération du jury"]
    assert [own for _, own in items] == [None, None]


def test_items_of_a_list_in_a_cell() -> None:
    cell = _cell("<table><tr><td>20:30–21:15</td><td>Demos</td><td><ul>"
                 "<li>Shiny (Vincent Carey)<li>GPUs (Nitesh Turaga)</ul></td></tr></table>",
                 row=0, column=2)
    assert [lines[0].text for lines, _ in cell_items(cell)] == [
        "Shiny (Vincent Carey)", "GPUs (Nitesh Turaga)"]
    assert not names_only(cell)


def test_a_list_of_persons_in_a_cell() -> None:
    cell = _cell("<table><tr><td>16:30–17:00</td><td>Flashlight talks</td><td><ul>"
                 "<li>Christian Scherhäufl</li><li>Kai Faehrmann</li></ul></td></tr></table>",
                 row=0, column=2)
    assert names_only(cell)


def test_lines_that_each_start_with_a_time_are_items() -> None:
    cell = _cell("<table><tr><th>Jour</th><th>Programme</th></tr>\n"
                 "<tr><td>Lundi</td><td>9h Accueil<br>9h30 Ouverture<br>par la DINUM</td></tr>"
                 "</table>")
    items = cell_items(cell)
    assert [(" / ".join(ln.text for ln in lines), own.start) for lines, own in items] == [
        ("9h Accueil", time(9)), ("9h30 Ouverture / par la DINUM", time(9, 30))]


def test_a_title_and_its_speaker_on_a_br_line_are_one_item() -> None:
    cell = _cell("<table><tr><th>Heure</th><th>Session</th></tr>\n<tr><td>9h30</td><td>"
                 "<strong>Le SILL en 2025</strong><br>Jeanne Dupont (DINUM)</td></tr></table>")
    ((lines, own),) = cell_items(cell)
    assert [ln.text for ln in lines] == ["Le SILL en 2025", "Jeanne Dupont (DINUM)"]
    assert own is None


def test_fragments_of_broken_table_tags_are_taken_out_of_cells() -> None:
    rows = mended(table("<table><tr><td>16:00</td><td>Opportunities to Contribute</td>"
                        "<td>George Roter & Michael Kohler/td></td></tr></table>").rows)
    assert rows[0].cells[2].text == "George Roter & Michael Kohler"
    assert rows[0].cells[1].text == "Opportunities to Contribute"
