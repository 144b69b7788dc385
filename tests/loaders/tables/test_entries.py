"""Tables read row by row: one entry per session, with what gave its day, time and room."""

from __future__ import annotations

from datetime import date, time

import pytest

from bot.loaders.page.table_entries import TableEntry, TableReading, read_table
from tests.loaders.tables.build import frame, table


def _read(source: str, event=None) -> TableReading:
    return read_table(table(source), event or frame())


def _value(given):
    return given.value if given is not None else None


def _rows(reading: TableReading) -> list[tuple]:
    """(day, start, end, title lines joined, room) of each entry."""
    return [(_value(e.day), _value(e.start), _value(e.end),
             " / ".join(ln.text for ln in e.title), _value(e.room)) for e in reading.entries]


def test_an_empty_time_cell_continues_the_time_above() -> None:
    reading = _read("| Horaire | Démo | Intervenant |\n|---|---|---|\n"
                    "| 16h-17h | Grist | Jeanne Roux |\n| | Cartes avec uMap | Luc Petit |\n")
    assert _rows(reading) == [(None, time(16), time(17), "Grist", None),
                              (None, time(16), time(17), "Cartes avec uMap", None)]
    second = reading.entries[1]
    assert "an empty time cell: the time above goes on" in second.why
    assert [ln.text for ln in second.speakers] == ["Luc Petit"]
    assert (second.start.by, second.start.line) == ("column 'Horaire'", 3)  # where it was given


def test_a_date_column_whose_empty_cells_continue_the_day_above() -> None:
    event = frame(date(2020, 9, 21), date(2020, 9, 25))
    reading = _read("| Date | Horaires | Thématique | Public | Lieu |\n|---|---|---|---|---|\n"
                    "| Lundi 21 septembre | 9h - 17h | Accueil et premiers retours | | Lieu A |\n"
                    "| Mardi 22 septembre | 9h - 18h | Être EIG | | Zalthabar |\n"
                    "| | 18h - 20h | AfterWork (optionnel) | | Zalthabar |\n", event)
    assert _rows(reading) == [
        (date(2020, 9, 21), time(9), time(17), "Accueil et premiers retours", "Lieu A"),
        (date(2020, 9, 22), time(9), time(18), "Être EIG", "Zalthabar"),
        (date(2020, 9, 22), time(18), time(20), "AfterWork (optionnel)", "Zalthabar"),
    ]
    assert "an empty day cell: the day above goes on" in reading.entries[2].why


def test_one_column_per_weekday_with_the_dates_from_the_frame() -> None:
    event = frame(date(2018, 8, 27), date(2018, 8, 31))
    reading = _read("| Horaire | Lundi | Mardi | Mercredi |\n|---|---|---|---|\n"
                    "| 8h30-9h30 | | Optimisation – J. Chiquet | Package |\n"
                    "| 12h30-13h30 | Repas | Repas | Repas |\n", event)
    assert _rows(reading) == [
        (date(2018, 8, 28), time(8, 30), time(9, 30), "Optimisation – J. Chiquet", None),
        (date(2018, 8, 29), time(8, 30), time(9, 30), "Package", None),
        (date(2018, 8, 27), time(12, 30), time(13, 30), "Repas", None),
        (date(2018, 8, 28), time(12, 30), time(13, 30), "Repas", None),
        (date(2018, 8, 29), time(12, 30), time(13, 30), "Repas", None),
    ]
    assert reading.entries[0].day.by == "column 'Mardi'"


def test_weekday_columns_without_dates_keep_their_weekday() -> None:
    reading = _read("| Horaire | Montag | Dienstag |\n|---|---|---|\n"
                    "| 9-10 Uhr | Einführung | Workshop |\n")
    assert [(e.day, e.weekday) for e in reading.entries] == [(None, 0), (None, 1)]


def test_rooms_side_by_side_each_cell_a_session() -> None:
    reading = _read("| Horaires | Visio 1 | Visio 2 | Visio 3 |\n|---|---|---|---|\n"
                    "| 9h30 - 9h50 | API.gouv | | France Connect |\n"
                    "| 9h50 - 10h10 | Data.gouv | Cadre légal | Design.gouv |\n")
    assert _rows(reading) == [
        (None, time(9, 30), time(9, 50), "API.gouv", "Visio 1"),
        (None, time(9, 30), time(9, 50), "France Connect", "Visio 3"),
        (None, time(9, 50), time(10, 10), "Data.gouv", "Visio 1"),
        (None, time(9, 50), time(10, 10), "Cadre légal", "Visio 2"),
        (None, time(9, 50), time(10, 10), "Design.gouv", "Visio 3"),
    ]


def test_a_cell_spanning_rows_is_one_session_over_them() -> None:
    reading = _read("<table><tr><th>Heure</th><th>Salle A</th><th>Salle B</th></tr>\n"
                    "<tr><td>14h-15h</td><td rowspan=2>Atelier Nextcloud</td><td>Tchap</td></tr>\n"
                    "<tr><td>15h-16h</td><td>Grist</td></tr>\n"
                    "<tr><td>16h-16h30</td><td colspan=2>Clôture</td></tr>\n</table>")
    assert _rows(reading) == [
        (None, time(14), time(16), "Atelier Nextcloud", "Salle A"),
        (None, time(14), time(15), "Tchap", "Salle B"),
        (None, time(15), time(16), "Grist", "Salle B"),
        (None, time(16), time(16, 30), "Clôture", None),  # across both rooms: in neither
    ]
    assert reading.entries[0].end.by == "the rows it spans"


def test_hours_in_the_header_and_a_cell_spanning_every_row() -> None:
    reading = _read("<table><thead><tr><th>07:30</th><th>Morning (08:30 - 12:00)</th>"
                    "<th>Afternoon (13:30 - 17:00)</th></tr></thead><tbody>\n"
                    "<tr><td rowspan='2'>Breakfast</td><td>Solving Differential Equations</td>"
                    "<td>Nonlinear Mixed Effects Modeling</td></tr>\n"
                    "<tr><td>Machine Learning with Julia</td><td>Parallel Computing</td></tr>\n"
                    "</tbody></table>")
    assert _rows(reading) == [
        (None, time(7, 30), None, "Breakfast", None),
        (None, time(8, 30), time(12), "Solving Differential Equations", None),
        (None, time(13, 30), time(17), "Nonlinear Mixed Effects Modeling", None),
        (None, time(8, 30), time(12), "Machine Learning with Julia", None),
        (None, time(13, 30), time(17), "Parallel Computing", None),
    ]


def test_rows_across_the_table_give_the_day_and_notes_are_no_sessions() -> None:
    event = frame(date(2018, 7, 10), date(2018, 7, 13))
    reading = _read(
        "<table><thead><tr><th>Time</th><th>Session</th><th>Title</th></tr></thead>\n"
        "<tr><th colspan=3>Wednesday</th></tr>\n"
        "<tr><td>11:50</td><td>Lunch (provided)</td><td>Poster session 2</td></tr>\n"
        "<tr><td>1:00</td><td>Keynote: Bill Venables</td><td>Adventures with R</td></tr>\n"
        "<tr><td colspan=3>I will discuss two recent analyses, one of them about fish, and a "
        "new perspective on the teaching of statistics with R.</td></tr>\n"
        "<tr><th colspan=3>Thursday</th></tr>\n"
        "<tr><td>8:30</td><td>Gather and mingle</td><td>Coffee, tea provided</td></tr>\n"
        "</table>", event)
    assert [(e.day.value, e.start.value, e.label) for e in reading.entries] == [
        (date(2018, 7, 11), time(11, 50), "Lunch (provided)"),
        (date(2018, 7, 11), time(13), "Keynote: Bill Venables"),  # 1:00 after noon
        (date(2018, 7, 12), time(8, 30), "Gather and mingle"),
    ]
    assert reading.entries[0].day.by == "the row 'Wednesday'"
    assert (5, "a note about the row above, not a session") in reading.notes


def test_a_label_row_names_the_rows_under_it() -> None:
    reading = _read("| Heure | Titre |\n|---|---|\n| **Session 1 : données** | |\n"
                    "| 9h | Ouvrir ses données |\n")
    assert [(e.section, e.title[0].text) for e in reading.entries] == [
        ("Session 1 : données", "Ouvrir ses données")]


def test_a_row_whose_hours_hold_the_rows_after_it_groups_them() -> None:
    reading = _read(
        "| Date | | Orateur | Titre |\n|---|---|---|---|\n"
        "| 07/04/22 | 14:00 – 17:00 | | Machine learning pour la classification |\n"
        "| | 14:00 – 15:30 | Blaise Hanczar | De la régression logistique aux réseaux |\n"
        "| | 16:00 – 17:00 | Fadwa Fatmaoui | Le deep learning et la cryo-tomographie |\n",
        frame(date(2022, 1, 31)))
    assert _rows(reading) == [
        (date(2022, 4, 7), time(14), time(15, 30), "De la régression logistique aux réseaux",
         None),
        (date(2022, 4, 7), time(16), time(17), "Le deep learning et la cryo-tomographie", None),
    ]
    assert (3, "its hours 14:00-17:00 hold the 2 rows after it: it groups them") in reading.notes


def test_parallel_sessions_inside_a_long_one_are_not_grouped_by_it() -> None:
    reading = _read("| Time | Session | Host(s) |\n|---|---|---|\n"
                    "| 0900-1330 (all day) | Introductions & Info Desk | Event Organizers |\n"
                    "| 0900-1100 | Introduction to Fastify | Matteo Collina |\n"
                    "| 0900-1200 | Building Nodes for Node-RED | Nick O'Leary |\n"
                    "| 1100-1300 | Introduction to Dojo 7 | Dylan Schiemann |\n"
                    "| 1100-1200 | Contributing to Express | Wes Todd |\n"
                    "| 1200-1300 | Contributing to npm | Darcy Clarke |\n")
    assert [e.title[0].text for e in reading.entries] == [
        "Introductions & Info Desk", "Introduction to Fastify", "Building Nodes for Node-RED",
        "Introduction to Dojo 7", "Contributing to Express", "Contributing to npm"]
    assert reading.entries[0].end.value == time(13, 30)


def test_two_items_in_one_cell_split_by_a_rule() -> None:
    reading = _read("<table><tr><th>Heures</th><th>Description</th><th>Lieu</th></tr>\n"
                    "<tr><td>11:30-12:00</td><td><p>Présentation de Valéry Masson</p><hr>"
                    "<p>Délibération des membres du jury</p></td><td>Amphithéâtre</td></tr>"
                    "</table>")
    assert _rows(reading) == [
        (None, time(11, 30), time(12), "Présentation de Valéry Masson", "Amphithéâtre"),
        (None, time(11, 30), time(12), "Délibération des membres du jury", "Amphithéâtre"),
    ]


def test_the_label_is_the_title_where_the_title_cell_is_empty() -> None:
    reading = _read("<table><tr><td>10:00–10:30</td><td colspan=2><em>Coffee break</em></td></tr>"
                    "<tr><td>10:30–11:15</td><td><strong>Lecture 03</strong></td>"
                    "<td>Statistical tests I (Wolfgang Huber)</td></tr>"
                    "<tr><td>13:00–13:30</td><td>&nbsp;</td><td>Installation help desk</td></tr>"
                    "<tr><td>16:30–17:00</td><td><strong>Flashlight talks</strong></td><td><ul>"
                    "<li>Christian Scherhäufl</li><li>Kai Faehrmann</li></ul></td></tr>"
                    "</table>")
    assert [(e.title[0].text, e.label, [ln.text for ln in e.speakers])
            for e in reading.entries] == [
        ("Coffee break", "", []),
        ("Statistical tests I (Wolfgang Huber)", "Lecture 03", []),
        ("Installation help desk", "", []),
        ("Flashlight talks", "", ["Christian Scherhäufl", "Kai Faehrmann"]),
    ]


def test_a_row_with_no_title_is_reported_with_its_line() -> None:
    reading = _read("| Horaire | Sujet | Qui |\n|---|---|---|\n| 9h-9h45 | Ouvrir ses données | "
                    "S. Roux |\n| 10h-11h | | personne |\n")
    assert len(reading.entries) == 1
    assert reading.problems == ((4, "table row with 3 cells and no title; skipped"),)


def test_an_unreadable_time_is_reported() -> None:
    reading = _read("| Horaire | Titre |\n|---|---|\n| 9h | Accueil |\n| plus tard | Clôture |\n")
    assert reading.problems == (
        (4, "cannot read the time 'plus tard': expected e.g. '14h-14h20'"),)
    assert [(e.title[0].text, e.start) for e in reading.entries][1] == ("Clôture", None)


def test_the_header_repeated_further_down_is_no_session() -> None:
    reading = _read("| Horaire | Titre |\n|---|---|\n| 9h | Accueil |\n| Horaire | Titre |\n"
                    "| 10h | Ouverture |\n")
    assert [e.title[0].text for e in reading.entries] == ["Accueil", "Ouverture"]


def test_start_and_end_columns() -> None:
    reading = _read("| Début | Fin | Intitulé |\n|---|---|---|\n| 9h | 9h30 | Accueil |\n"
                    "| 9h30 | 10h15 | Ouverture |\n")
    assert _rows(reading) == [(None, time(9), time(9, 30), "Accueil", None),
                              (None, time(9, 30), time(10, 15), "Ouverture", None)]


def test_a_table_without_a_title_column_is_a_problem() -> None:
    reading = _read("| Horaire |\n|---|\n| 9h |\n| 10h |\n")
    assert reading.entries == ()
    assert reading.problems == ((1, "table with no title column: expected a header such as "
                                 "'Présentation' or 'Titre'"),)


def test_material_links_and_organisation_and_kind_columns() -> None:
    reading = _read("| Heure | Titre | Type | Organisation | Supports |\n"
                    "|---|---|---|---|---|\n"
                    "| 14h | Installer Nextcloud | Atelier | DINUM | [PDF](https://x.org/a) |\n")
    (entry,) = reading.entries
    assert isinstance(entry, TableEntry)
    assert (entry.kind, [ln.text for ln in entry.organisations]) == ("Atelier", ["DINUM"])
    assert [link.url for link in entry.links] == ["https://x.org/a"]


@pytest.mark.parametrize("source", [
    "| Uhrzeit | Thema | Referent |\n|---|---|---|\n| 9.00 Uhr | Begrüßung | Max Müller |\n"
    "| 9.30 Uhr | Offene Daten | Anna Schmidt |\n",
    "| Hora | Ponencia | Ponente |\n|---|---|---|\n| 9:00 | Bienvenida | Max Müller |\n"
    "| 9:30 | Datos abiertos | Anna Schmidt |\n",
    "| Orario | Titolo | Relatore |\n|---|---|---|\n| 9:00 | Saluti | Max Müller |\n"
    "| 9:30 | Dati aperti | Anna Schmidt |\n",
    "| Tijd | Onderwerp | Spreker |\n|---|---|---|\n| 9:00 | Welkom | Max Müller |\n"
    "| 9:30 | Open data | Anna Schmidt |\n",
])
def test_headers_in_other_languages(source: str) -> None:
    reading = _read(source)
    assert [c.role for c in reading.layout.columns] == ["time", "title", "speakers"]
    assert [(e.start.value, [ln.text for ln in e.speakers]) for e in reading.entries] == [
        (time(9), ["Max Müller"]), (time(9, 30), ["Anna Schmidt"])]


def test_a_weekday_column_continued_by_empty_cells() -> None:
    event = frame(date(2024, 6, 3), date(2024, 6, 5))  # Monday to Wednesday
    reading = _read("| Day | Time | Session |\n|---|---|---|\n| Monday | 9:00 | Welcome |\n"
                    "| | 10:00 | Keynote |\n| Tuesday | 9:00 | Hackathon |\n", event)
    assert [(e.day.value, e.start.value) for e in reading.entries] == [
        (date(2024, 6, 3), time(9)), (date(2024, 6, 3), time(10)),
        (date(2024, 6, 4), time(9))]


def test_rooms_in_spanish_and_a_plenary_across_them() -> None:
    reading = _read("<table><tr><th>Hora</th><th>Sala A</th><th>Sala B</th></tr>\n"
                    "<tr><td>10:00</td><td colspan=2>Plenaria de apertura</td></tr>\n"
                    "<tr><td>11:00</td><td>Datos abiertos</td><td>Software libre</td></tr>\n"
                    "</table>")
    assert _rows(reading) == [
        (None, time(10), None, "Plenaria de apertura", None),
        (None, time(11), None, "Datos abiertos", "Sala A"),
        (None, time(11), None, "Software libre", "Sala B"),
    ]


def test_a_first_session_written_as_the_markdown_header_row() -> None:
    reading = _read("| 9h-9h30 | Accueil des participants |\n|---|---|\n"
                    "| 9h30-10h | Ouverture de la journée |\n| 10h-11h | Table ronde |\n")
    assert reading.layout.header == ()
    assert [(e.start.value, e.title[0].text) for e in reading.entries] == [
        (time(9), "Accueil des participants"), (time(9, 30), "Ouverture de la journée"),
        (time(10), "Table ronde")]


def test_columns_of_ranked_days() -> None:
    event = frame(date(2024, 10, 14), date(2024, 10, 15))
    reading = _read("| Heure | Jour 1 | Jour 2 |\n|---|---|---|\n"
                    "| 9h-12h | Cours | Travaux pratiques |\n", event)
    assert [c.role for c in reading.layout.columns] == ["time", "sessions", "sessions"]
    assert [(e.day.value, e.room) for e in reading.entries] == [
        (date(2024, 10, 14), None), (date(2024, 10, 15), None)]
