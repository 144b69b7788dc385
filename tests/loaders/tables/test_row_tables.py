"""A table's sessions as the rows stage reads them: title, speakers, organisations and links
from the cells, the kind hinted by a label or kind column."""

from __future__ import annotations

from datetime import date, time

from bot.cli.main import main
from bot.loaders.files import load_file
from bot.loaders.page.row_tables import table_rows
from tests.loaders.tables.build import frame, table


def test_a_title_cell_with_its_speaker_on_a_br_line() -> None:
    read = table_rows(table("<table><tr><th>Heure</th><th>Session</th></tr>\n"
                            "<tr><td>9h30</td><td><strong>Le SILL en 2025</strong><br>"
                            "Jeanne Dupont (DINUM)</td></tr></table>"), frame(date(2025, 3, 18)))
    ((row),) = read.rows
    talk = row.reading.talk
    assert (row.line, row.reading.start, talk.title) == (2, time(9, 30), "Le SILL en 2025")
    assert [s.name for s in talk.speakers] == ["Jeanne Dupont"]
    assert talk.organisations == ("DINUM",)


def test_speakers_organisation_and_material_columns() -> None:
    read = table_rows(table(
        "| Horaire | Titre | Intervenants | Organisation | Slides |\n|---|---|---|---|---|\n"
        "| 14h-14h20 | [Grist](https://getgrist.com) en pratique | V. Viers et R. Serdoun |"
        " DINUM | [PDF](https://x.org/grist) |\n"), frame(date(2025, 12, 4)))
    ((row),) = read.rows
    talk = row.reading.talk
    assert (row.reading.start, row.reading.end) == (time(14), time(14, 20))
    assert talk.title == "Grist en pratique"
    assert [s.name for s in talk.speakers] == ["V. Viers", "R. Serdoun"]
    assert talk.organisations == ("DINUM",)
    assert [link.url for link in talk.links] == ["https://getgrist.com", "https://x.org/grist"]


def test_a_credit_after_a_dash_in_a_grid_cell() -> None:
    event = frame(date(2018, 8, 27), date(2018, 8, 31))
    read = table_rows(table("| Horaire | Lundi | Mardi |\n|---|---|---|\n"
                            "| 8h30-9h30 | Bilan | Optimisation – J. Chiquet |\n"), event)
    assert [(r.reading.days, r.reading.talk.title, [s.name for s in r.reading.talk.speakers])
            for r in read.rows] == [
        ([date(2018, 8, 27)], "Bilan", []),
        ([date(2018, 8, 28)], "Optimisation", ["J. Chiquet"]),
    ]


def test_the_kind_hinted_by_a_kind_column_and_the_room_of_a_room_column() -> None:
    read = table_rows(table("| Heure | Titre | Format | Salle |\n|---|---|---|---|\n"
                            "| 14h | Installer Nextcloud | Atelier | Salle Turing |\n"),
                      frame(date(2025, 4, 2)))
    ((row),) = read.rows
    assert (row.kind, row.reading.room) == ("workshop", "Salle Turing")


def test_tracks_as_columns_whose_header_names_a_kind_and_a_credit_after_a_comma() -> None:
    read = table_rows(table("| Horaires | ATELIER 1 | ATELIER 2 |\n|---|---|---|\n"
                            "| 14h - 15h | Données ouvertes, Anne Roy - Etalab |"
                            " Accessibilité, Paul Martin - DINUM |\n"), frame(date(2025, 4, 2)))
    assert [(r.kind, r.reading.room, r.reading.talk.title,
             [(s.name, s.organisation) for s in r.reading.talk.speakers]) for r in read.rows] == [
        ("workshop", "ATELIER 1", "Données ouvertes", [("Anne Roy", "Etalab")]),
        ("workshop", "ATELIER 2", "Accessibilité", [("Paul Martin", "DINUM")]),
    ]


def test_a_pictograph_before_a_title_cell_is_not_part_of_it() -> None:
    read = table_rows(table("| Heure | Titre | Intervenants |\n|---|---|---|\n"
                            "| 9h | 🍜 Pause déjeuner | |\n"
                            "| 14h | 🎙 Les données ouvertes | Anne Roy |\n"),
                      frame(date(2025, 4, 2)))
    assert [(r.reading.talk.title, r.reading.talk.own_kind()) for r in read.rows] == [
        ("Pause déjeuner", "break"), ("Les données ouvertes", "talk")]


def test_explain_says_what_each_column_and_row_of_a_table_was_read_as(tmp_path, capsys) -> None:
    page = tmp_path / "programme.md"
    page.write_text("---\ntitle: Journée\nevent_start_date: 2018-07-11\n---\n\n## Programme\n\n"
                    "<table><tr><th>Time</th><th>Session</th><th>Title</th></tr>\n"
                    "<tr><th colspan=3>Wednesday</th></tr>\n"
                    "<tr><td>11:50</td><td>Lunch</td><td>Poster session</td></tr>\n"
                    "</table>\n", encoding="utf-8")
    assert main(["programme", "parse", str(page), "--explain"]) == 0
    out = capsys.readouterr().out
    assert ("line 8: a table whose columns are time 'Time' (its header word 'time'); "
            "label 'Session' (a weaker title word before the title column); title 'Title'") in out
    assert "line 9: a row that gives the day: 'Wednesday'" in out


def test_with_a_speakers_column_a_one_line_title_cell_is_only_a_title() -> None:
    read = table_rows(table("| Time | Topic | Instructor |\n|---|---|---|\n"
                            "| 12:30 | **Lunch**, *catered* | |\n"
                            "| 13:30 | Planemo Tool Wrapping | Anne Roux |\n"),
                      frame(date(2017, 1, 16)))
    assert [(r.reading.talk.title, [s.name for s in r.reading.talk.speakers])
            for r in read.rows] == [("Lunch, catered", []),
                                    ("Planemo Tool Wrapping", ["Anne Roux"])]


def test_a_label_row_of_a_table_is_the_innermost_section_of_the_sessions_under_it(
        tmp_path) -> None:
    page = tmp_path / "programme.md"
    page.write_text("---\ntitle: Journée\nevent_start_date: 2025-06-10\n---\n\n## Programme\n\n"
                    "| Heure | Titre |\n|---|---|\n| **Session 1 : données** | |\n"
                    "| 9h | Ouvrir ses données |\n| 10h | Publier son code |\n", encoding="utf-8")
    (event,), _, _ = load_file(page)
    assert [(s.title, s.section) for s in event.sessions] == [
        ("Ouvrir ses données", "Programme › Session 1 : données"),
        ("Publier son code", "Programme › Session 1 : données")]


def test_a_weekday_column_the_event_does_not_hold_is_said() -> None:
    event = frame(date(2018, 8, 27), date(2018, 8, 28))  # Monday and Tuesday
    read = table_rows(table("| Horaire | Lundi | Samedi |\n|---|---|---|\n"
                            "| 9h-10h | Bilan | Randonnée |\n"), event)
    assert [(r.reading.days, r.reading.talk.title) for r in read.rows] == [
        ([date(2018, 8, 27)], "Bilan"), ([], "Randonnée")]
    assert "a weekday (Saturday) that is none of the event's days" in read.rows[1].reading.why


def test_with_a_speakers_column_a_kind_label_and_links_to_parts_are_not_the_title() -> None:
    read = table_rows(table("| When | What | Who |\n|---|---|---|\n"
                            "|09:00-10:00 |Lecture: [Clustering](clustering.pdf) | Ann Smith |\n"
                            "|10:30-12:00 |Lab: [Clustering](lab.md) | TAs |\n"
                            "|13:00-14:00 |Lecture: Mapping reads ([part1](a.pdf)) "
                            "([part2](b.pdf)) | Ann Smith |\n"),
                      frame(date(2020, 10, 21)))
    assert [(r.reading.talk.title, r.reading.talk.own_kind()) for r in read.rows] == [
        ("Clustering", "talk"), ("Clustering", "workshop"), ("Mapping reads", "talk")]
    assert [link.url for link in read.rows[2].reading.talk.links] == ["a.pdf", "b.pdf"]


def test_a_label_that_names_the_speaker_after_its_colon() -> None:
    read = table_rows(table(
        "| Time | Session | Title |\n|---|---|---|\n"
        "| 9:05 | Keynote: Ada Lovelace Byron | Notes on the Analytical Engine |\n"
        "| 10:00 | Invited talk: Grace Hopper and Jean Sammet | Compilers for everyone |\n"
        "| 11:00 | Session 2: Compilers | Parsing at scale |\n"), frame(date(2025, 7, 9)))
    assert [(r.reading.talk.title, [s.name for s in r.reading.talk.speakers])
            for r in read.rows] == [
        ("Notes on the Analytical Engine", ["Ada Lovelace Byron"]),
        ("Compilers for everyone", ["Grace Hopper", "Jean Sammet"]),
        ("Parsing at scale", []),
    ]


def test_a_label_column_that_names_the_sessions_its_title_column_describes() -> None:
    read = table_rows(table(
        "| Time | Session | Title |\n|---|---|---|\n"
        "| 9:00 | Registration | Badges and coffee provided |\n"
        "| 9:30 | Keynote: Ada Lovelace Byron | Notes on the Analytical Engine |\n"
        "| 10:30 | Morning break | Badges and coffee provided |\n"
        "| 11:00 | Talks | Parallel sessions (4) |\n"
        "| 12:30 | Lunch | Poster session |\n"
        "| 14:00 | Talks | Parallel sessions (4) |\n"
        "| 15:30 | Closing | |\n"), frame(date(2025, 7, 9)))
    assert [(r.reading.start, r.reading.talk.title,
             [s.name for s in r.reading.talk.speakers]) for r in read.rows] == [
        (time(9), "Registration", []),
        (time(9, 30), "Notes on the Analytical Engine", ["Ada Lovelace Byron"]),
        (time(10, 30), "Morning break", []),
        (time(11), "Talks", []),
        (time(12, 30), "Lunch", []),
        (time(14), "Talks", []),
        (time(15, 30), "Closing", []),
    ]


def test_a_label_column_of_kinds_beside_titles_of_their_own_stays_a_label() -> None:
    read = table_rows(table(
        "| Time | Session | Title |\n|---|---|---|\n"
        "| 9:00 | Lecture | Sequencing basics |\n"
        "| 10:00 | Lab | Aligning reads |\n"
        "| 11:00 | Lecture | Variant calling |\n"
        "| 14:00 | Lab | Annotating variants |\n"), frame(date(2025, 7, 9)))
    assert [r.reading.talk.title for r in read.rows] == [
        "Sequencing basics", "Aligning reads", "Variant calling", "Annotating variants"]


def test_a_label_cell_gives_the_kind_of_the_title_beside_it() -> None:
    read = table_rows(table(
        "| Time | Session | Title |\n|---|---|---|\n"
        "| 9:00 | **Lecture 01** | Linear models for microarrays |\n"
        "| 13:30 | **Lab 3** | End-to-end RNA-Seq workflow |\n"
        "| 16:30 | Tutorium 2 | Statistik mit R |\n"), frame(date(2022, 6, 13)))
    assert [(r.reading.talk.title, r.kind) for r in read.rows] == [
        ("Linear models for microarrays", "talk"),
        ("End-to-end RNA-Seq workflow", "workshop"),
        ("Statistik mit R", "workshop"),
    ]


def test_a_list_of_names_in_the_title_cell_is_one_speaker_each() -> None:
    read = table_rows(table(
        "<table><tr><td>16:30–17:00</td><td><strong>Lightning talks</strong></td><td><ul>"
        "<li>Ana Lopes</li><li>Luis Manuel Cervera Seco</li><li>Tom Baker</li></ul></td></tr>"
        "</table>"), frame(date(2022, 6, 20)))
    ((row),) = read.rows
    assert row.reading.talk.title == "Lightning talks"
    assert [s.name for s in row.reading.talk.speakers] == [
        "Ana Lopes", "Luis Manuel Cervera Seco", "Tom Baker"]


def test_a_speakers_cell_joined_over_two_lines_is_read_as_written() -> None:
    read = table_rows(table(
        "| Time | Session | Speakers |\n|---|---|---|\n"
        "| 9:30 AM – 10:00 AM | Spark Hands-on | [Mai Nguyen](#nguyen) &<br> "
        "[Paul Rodriguez](#rodriguez) |\n"), frame(date(2021, 6, 24)))
    ((row),) = read.rows
    assert [s.name for s in row.reading.talk.speakers] == ["Mai Nguyen", "Paul Rodriguez"]


def test_two_credited_talks_joined_by_a_semicolon_are_two_sessions() -> None:
    read = table_rows(table(
        "<table><tr><td>20:30–21:15</td><td>Demos</td><td><ul>"
        "<li>Containers for R (Ana Lopes, Tom Baker); bulker.io (Levi Stone)</li>"
        "<li>Plots; tables and maps (Ana Lopes)</li></ul></td></tr></table>"),
        frame(date(2022, 6, 20)))
    assert [(r.reading.start, r.reading.talk.title, [s.name for s in r.reading.talk.speakers])
            for r in read.rows] == [
        (time(20, 30), "Containers for R", ["Ana Lopes", "Tom Baker"]),
        (time(20, 30), "bulker.io", ["Levi Stone"]),
        (time(20, 30), "Plots; tables and maps", ["Ana Lopes"]),
    ]
