"""Column roles from header words and from what the cells hold."""

from __future__ import annotations

from datetime import date, time

from bot.loaders.page.table_roles import Layout, column_roles
from tests.loaders.tables.build import frame, table


def _roles(source: str, event=None) -> Layout:
    return column_roles(table(source).rows, event or frame())


def _names(layout: Layout) -> list[str]:
    return [c.role for c in layout.columns]


def test_header_words_in_english() -> None:
    layout = _roles("| Time | Topic | Links | Instructor |\n|---|---|---|---|\n"
                    "| 09:00 | Welcome and Introduction | [Slides](s.pdf) | All |\n"
                    "| 10:00 | Morning Break | | |\n")
    assert _names(layout) == ["time", "title", "material", "speakers"]


def test_a_credit_label_heads_a_speakers_column() -> None:
    """A header word that labels a credit in a line ('Facilitators:') heads speakers too."""
    layout = _roles("| Hora | Tema | Presentadora |\n|---|---|---|\n"
                    "| 10:00 | Datos abiertos en la ciudad | Ana García |\n"
                    "| 11:00 | Software libre en la escuela | Lucía Pérez |\n")
    assert _names(layout) == ["time", "title", "speakers"]
    layout = _roles("| Time | Session | Facilitators |\n|---|---|---|\n"
                    "| 10:00 | Opening circle | all |\n"
                    "| 11:00 | Open data in the city | the data team |\n")
    assert _names(layout) == ["time", "title", "speakers"]


def test_presenter_is_not_the_title_column() -> None:
    layout = _roles("| TIME (PST) | TOPIC | PRESENTER |\n|---|---|---|\n"
                    "| 9:00 AM - 9:20 AM | 1.1. Welcome & Orientation | Mary Thomas |\n"
                    "| 9:20 AM – 9:50 AM | 1.2. Accounts, Login, Environment | Mary Thomas |\n")
    assert _names(layout) == ["time", "title", "speakers"]


def test_a_header_written_as_a_data_row_with_bold_words() -> None:
    layout = _roles("<table><tr><td>**Begin**</td><td>**Topic**</td><td>**Presenter**</td></tr>"
                    "<tr><td>10:00</td><td>Welcome & Introduction to Mozilla</td>"
                    "<td>Elio Qoshi & Michael Kohler</td></tr>"
                    "<tr><td>10:15</td><td>What's new in Firefox?</td><td>Michael Kohler</td></tr>"
                    "</table>")
    assert _names(layout) == ["start", "title", "speakers"]
    assert len(layout.header) == 1 and len(layout.body) == 2


def test_time_cells_make_the_time_column_whatever_the_header() -> None:
    layout = _roles("| Quoi | Créneau horaire du jour |\n|---|---|\n"
                    "| Accueil | 9h-9h30 |\n| Ouverture | 9h30-10h |\n| Pause | 10h-10h30 |\n")
    # 'Quoi' is a title word; 'Créneau' a time word; the cells agree
    assert _names(layout) == ["title", "time"]
    # headers swapped: the cells decide
    layout = _roles("| Session | Horaire |\n|---|---|\n| 9h-10h | Accueil et café |\n"
                    "| 10h-11h | Ouverture de la journée |\n")
    assert _names(layout) == ["time", "title"]


def test_a_headerless_table_time_label_and_title() -> None:
    layout = _roles("<table><tr><td>08:30–09:15</td><td><strong>Lecture 01</strong></td>"
                    "<td>Introduction to Bioconductor (Martin Morgan)</td></tr>"
                    "<tr><td>09:15–10:00</td><td><strong>Lecture 02</strong></td>"
                    "<td>PCA and other low-dimensional embeddings (Levi Waldron)</td></tr>"
                    "<tr><td>10:00–10:30</td><td colspan=2><em>Coffee break</em></td></tr>"
                    "</table>")
    assert _names(layout) == ["time", "label", "title"]
    assert layout.header == ()


def test_the_title_column_is_not_always_the_first_text_column() -> None:
    layout = _roles("| Date | | | Lieu | Orateur | Titre |\n|---|---|---|---|---|---|\n"
                    "| 31/01/22 | 14:00 – 17:00 | distanciel | Séance 0 | | Séance introductive |\n"
                    "| | 14:00 – 14:30 | | Ouverture | Organisateurs | Digit-BIO & IA |\n")
    assert layout.find("title").index == 5
    assert layout.find("day").index == 0 and layout.find("time").index == 1
    assert layout.find("speakers").index == 4


def test_names_make_the_speakers_column_and_long_text_the_title() -> None:
    layout = _roles("| | | |\n|---|---|---|\n"
                    "| 14h | Jeanne Roux | Grist, le tableur collaboratif dans les ministères |\n"
                    "| 15h | Luc Petit et Anne Martin | Cartes libres avec uMap et OSM |\n")
    assert _names(layout) == ["time", "speakers", "title"]


def test_a_column_per_weekday() -> None:
    event = frame(date(2018, 8, 27), date(2018, 8, 31))
    layout = _roles("| Horaire | Lundi | Mardi | Mercredi |\n|---|---|---|---|\n"
                    "| 8h30-9h30 | | Optimisation | Package |\n", event)
    assert _names(layout) == ["time", "sessions", "sessions", "sessions"]
    assert [c.facts.day for c in layout.sessions] == [
        date(2018, 8, 27), date(2018, 8, 28), date(2018, 8, 29)]


def test_rooms_side_by_side() -> None:
    layout = _roles("| Horaires | Visio 1 | Visio 2 | Visio 3 |\n|---|---|---|---|\n"
                    "| 9h30 - 9h50 | API.gouv | | France Connect |\n")
    assert _names(layout) == ["time", "sessions", "sessions", "sessions"]
    assert [c.facts.room for c in layout.sessions] == ["Visio 1", "Visio 2", "Visio 3"]
    layout = _roles("| Horaires | ATELIER 1 | ATELIER 2 |\n|---|---|---|\n"
                    "| 14h - 15h | Open Data | Numérique responsable |\n")
    assert [c.facts.room for c in layout.sessions] == ["ATELIER 1", "ATELIER 2"]
    layout = _roles("| Heure | Salle Turing | Amphi Lovelace |\n|---|---|---|\n"
                    "| 14h | Données ouvertes | Logiciels libres |\n")
    assert [c.facts.room for c in layout.sessions] == ["Salle Turing", "Amphi Lovelace"]
    layout = _roles("| Heure | Track A | Track B |\n|---|---|---|\n| 14h | Données | Code |\n")
    assert [c.facts.track for c in layout.sessions] == ["Track A", "Track B"]


def test_a_one_word_room_beside_numbered_rooms_is_a_room_too() -> None:
    layout = _roles("| Heure | Amphi | Salle 2 | Salle 3 |\n|---|---|---|---|\n"
                    "| 9h | Ouverture | Atelier données | Atelier code |\n")
    assert _names(layout) == ["time", "sessions", "sessions", "sessions"]
    assert [c.facts.room for c in layout.sessions] == ["Amphi", "Salle 2", "Salle 3"]
    layout = _roles("| Salle | Heure | Track 1 | Track 2 |\n|---|---|---|---|\n"
                    "| B12 | 9h | Données | Code |\n")  # not beside them: a column of rooms
    assert _names(layout) == ["room", "time", "sessions", "sessions"]


def test_one_atelier_column_is_the_title_not_a_room() -> None:
    layout = _roles("Horaire | Atelier | Organisation\n--- | --- | ---\n"
                    "14h-15h | Installer Nextcloud | DINUM\n")
    assert _names(layout) == ["time", "title", "organisation"]


def test_hours_in_the_header_make_columns_of_sessions() -> None:
    layout = _roles("<table><thead><tr><th>07:30</th><th>Morning (08:30 - 12:00)</th>"
                    "<th>Afternoon (13:30 - 17:00)</th></tr></thead><tbody>"
                    "<tr><td rowspan='2'>Breakfast</td><td>Solving Differential Equations</td>"
                    "<td>Nonlinear Mixed Effects Modeling</td></tr>"
                    "<tr><td>Machine Learning with Julia</td><td>Parallel Computing</td></tr>"
                    "</tbody></table>")
    assert _names(layout) == ["sessions", "sessions", "sessions"]
    assert [(c.facts.start, c.facts.end) for c in layout.sessions] == [
        (time(7, 30), None), (time(8, 30), time(12)), (time(13, 30), time(17))]


def test_a_day_over_the_only_column_of_titles_is_the_tables_day() -> None:
    layout = _roles("<table><thead><tr><th></th><th>Mercoledì 16 Marzo 2022</th></tr></thead>"
                    "<tbody><tr><th scope=row>15:00</th><td>Saluto del Prof. Ubertini</td></tr>"
                    "<tr><th scope=row>15:15</th><td>What is a computer program?</td></tr>"
                    "</tbody></table>")
    assert _names(layout) == ["time", "title"]


def test_a_date_column_by_header_and_by_content() -> None:
    layout = _roles("| Jour | Heures | Description | Lieu |\n|---|---|---|---|\n"
                    "| 19 novembre | 10:00-11:00 | Session de formation | Salon |\n")
    assert _names(layout) == ["day", "time", "title", "room"]
    layout = _roles("| | | |\n|---|---|---|\n"
                    "| Lundi 21 septembre | 9h - 17h | Accueil et premiers retours |\n"
                    "| Mardi 22 septembre | 9h - 18h | Être EIG |\n")
    assert _names(layout) == ["day", "time", "title"]


def test_a_tag_column_whose_cells_are_no_days_is_not_a_day_column() -> None:
    layout = _roles("| Heure | Titre | Tag |\n|---|---|---|\n"
                    "| 9h | Accueil | café |\n| 10h | Grist | données |\n")
    assert layout.find("day") is None
