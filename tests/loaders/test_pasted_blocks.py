"""Programmes pasted as HTML cards, definition lists and tab-separated lines, each on a
small page written for its test; expected values were written from reading the page."""

from datetime import date, time

from bot.loaders.page.values import Block
from tests.loaders.test_documents import blocks_of, written

DAY = date(2025, 6, 12)


def sessions(event) -> list[tuple]:
    return [(s.start, s.end, s.title, list(s.speaker_names), s.room) for s in event.sessions]


def test_div_cards_each_a_session_whatever_the_order_of_their_fields(tmp_path) -> None:
    body = """## Programme

<section class="agenda">
<div class="card">
  <div class="time">09:00 - 09:30</div>
  <div class="title">Ouverture de la journée</div>
  <div class="speaker">Anne Martin</div>
</div>
<div class="card">
  <h3>Les communs numériques</h3>
  <p class="when">09:30 - 10:15</p>
  <p class="who">Paul Durand</p>
</div>
<article>
  <div><span>10:15 - 11:00</span></div>
  <div><strong>Atelier de contribution</strong></div>
</article>
</section>
"""
    event = written(tmp_path, "Journée des communs", "2025-06-12", body)
    assert sessions(event) == [
        (time(9), time(9, 30), "Ouverture de la journée", ["Anne Martin"], None),
        (time(9, 30), time(10, 15), "Les communs numériques", ["Paul Durand"], None),
        (time(10, 15), time(11), "Atelier de contribution", [], None),
    ]
    assert {s.day for s in event.sessions} == {DAY}


def test_cards_without_hours_are_no_programme(tmp_path) -> None:
    body = """## L'équipe

<div class="person"><p>Anne Martin</p><p>Cheffe de projet</p></div>
<div class="person"><p>Paul Durand</p><p>Développeur</p></div>

- 09:00 Accueil
- 09:30 Ouverture
"""
    event = written(tmp_path, "Journée", "2025-06-12", body)
    assert [s.title for s in event.sessions] == ["Accueil", "Ouverture"]


def test_a_definition_list_of_hours_and_sessions(tmp_path) -> None:
    body = """## Programme

<dl>
<dt>09:00 - 09:30</dt>
<dd>Ouverture de la journée, Anne Martin</dd>
<dt>09:30 - 10:15</dt>
<dd>Les communs numériques</dd>
<dd>Paul Durand</dd>
<dt>Atelier de contribution</dt>
<dd>10:15 - 11:00</dd>
</dl>
"""
    event = written(tmp_path, "Journée", "2025-06-12", body)
    assert sessions(event) == [
        (time(9), time(9, 30), "Ouverture de la journée", ["Anne Martin"], None),
        (time(9, 30), time(10, 15), "Les communs numériques", ["Paul Durand"], None),
        (time(10, 15), time(11), "Atelier de contribution", [], None),
    ]


def test_a_glossary_is_no_programme(tmp_path) -> None:
    body = """## Glossaire

<dl>
<dt>Logiciel libre</dt><dd>Un logiciel que l'on peut étudier, modifier et partager.</dd>
<dt>Commun numérique</dt><dd>Une ressource partagée et gérée par une communauté.</dd>
</dl>

- 09:00 Accueil
"""
    event = written(tmp_path, "Journée", "2025-06-12", body)
    assert [s.title for s in event.sessions] == ["Accueil"]


def test_tab_separated_lines_are_a_table(tmp_path) -> None:
    body = ("## Programme\n\n09:00\tOuverture de la journée\tAnne Martin\n"
            "09:30\tLes communs numériques\tPaul Durand\n"
            "10:15\tAtelier de contribution\tLéa Petit\n")
    event = written(tmp_path, "Journée", "2025-06-12", body)
    assert sessions(event) == [
        (time(9), None, "Ouverture de la journée", ["Anne Martin"], None),
        (time(9, 30), None, "Les communs numériques", ["Paul Durand"], None),
        (time(10, 15), None, "Atelier de contribution", ["Léa Petit"], None),
    ]


def test_tab_separated_lines_with_a_header_and_an_empty_cell_in_a_code_block(tmp_path) -> None:
    body = ("## Programme\n\n    Salle\tHeure\tIntervenant\tTitre\n"
            "    B12\t09:00\t\tAccueil des participants\n"
            "    B14\t09:30\tPaul Durand\tLes communs numériques\n")
    event = written(tmp_path, "Journée", "2025-06-12", body)
    assert sessions(event) == [
        (time(9), None, "Accueil des participants", [], "B12"),
        (time(9, 30), None, "Les communs numériques", ["Paul Durand"], "B14"),
    ]


def test_tabs_keep_the_marks_of_each_cell_and_a_run_of_tabs_aligns() -> None:
    (table,) = blocks_of("**09:00**\t\tOuverture\n**09:30**\tLes *communs*\n")
    assert table.kind == "table"
    assert [[c.lines[0].markdown for c in row.cells] for row in table.rows] == [
        ["**09:00**", "Ouverture"], ["**09:30**", "Les *communs*"]]
    assert [row.line for row in table.rows] == [1, 2]


def test_a_paragraph_with_one_tab_is_no_table() -> None:
    blocks = blocks_of("Accueil\tà 9 heures\npuis ouverture de la journée\n"
                       "et déjeuner sur place\n")
    assert [b.kind for b in blocks] == ["paragraph"]
    assert isinstance(blocks[0], Block)


def test_html_indented_with_tabs_is_no_table() -> None:
    """A button written on its own line, indented by tabs as HTML editors do, is a line of
    text with its link: tabs that start a line are indentation, not cells' edges."""
    blocks = blocks_of('<div class="fr-callout">\n    <p>Places limitées.</p>\n'
                       '    <a class="fr-btn" href="https://example.org/form">\n'
                       "\t\t\tFormulaire d'inscription\n    </a>\n</div>\n")
    assert [(b.kind, b.text) for b in blocks[0].children] == [
        ("paragraph", "Places limitées."), ("paragraph", "Formulaire d'inscription")]
    assert [link.url for link in blocks[0].children[1].lines[0].links] == [
        "https://example.org/form"]


def test_paragraphs_each_led_by_their_hours_alone_are_sessions(tmp_path) -> None:
    body = ("## Programme\n\n09:00 - 09:30<br>Ouverture de la journée<br>Anne Martin\n\n"
            "09:30 - 10:15  \nLes communs numériques  \nPaul Durand\n\n"
            "**10:15 - 11:00**<br>Atelier de contribution\n")
    event = written(tmp_path, "Journée", "2025-06-12", body)
    assert sessions(event) == [
        (time(9), time(9, 30), "Ouverture de la journée", ["Anne Martin"], None),
        (time(9, 30), time(10, 15), "Les communs numériques", ["Paul Durand"], None),
        (time(10, 15), time(11), "Atelier de contribution", [], None),
    ]


def test_one_paragraph_of_hours_under_a_heading_gives_the_heading_its_hours(tmp_path) -> None:
    body = "## Keynote d'ouverture\n\n*14h-15h*<br>**Intervenante :** Anne Martin\n"
    event = written(tmp_path, "Journée", "2025-06-12", body)
    assert [(s.start, s.end, s.title) for s in event.sessions] == [
        (time(14), time(15), "Keynote d'ouverture")]


def test_a_lone_timed_line_indented_as_code_is_read_and_a_lone_line_of_code_is_not(
        tmp_path) -> None:
    body = ("## Mardi 18 novembre\n\n    - 18h00 - 19h30 : Soirée des contributeurs\n\n"
            "## Installation\n\n    pip install bluehats-bot\n")
    event = written(tmp_path, "Rencontres", "2025-11-18", body)
    assert sessions(event) == [(time(18), time(19, 30), "Soirée des contributeurs", [], None)]


def test_markdown_between_blank_lines_in_an_indented_html_table_stays_in_its_cell(
        tmp_path) -> None:
    body = """<table>
  <tr>
    <td>09:00</td>
    <td>

**Ouverture de la journée**

    </td>
    <td>Anne Martin</td>
  </tr>
  <tr>
    <td>09:30</td>
    <td>

Les communs numériques

    </td>
    <td>Paul Durand</td>
  </tr>
</table>
"""
    event = written(tmp_path, "Journée", "2025-06-12", body)
    assert sessions(event) == [
        (time(9), None, "Ouverture de la journée", ["Anne Martin"], None),
        (time(9, 30), None, "Les communs numériques", ["Paul Durand"], None),
    ]
    assert [ln.number for ln in blocks_of(body)[0].rows[1].cells[2].lines] == [18]


def test_list_items_of_paragraphs_or_of_styled_spans_are_sessions(tmp_path) -> None:
    body = """## Programme

<ul>
<li><p>09:00 - 09:30</p><p>Ouverture de la journée</p><p>Anne Martin</p></li>
<li><p>09:30 - 10:15</p><p>Les communs numériques</p><p>Paul Durand</p></li>
</ul>

<ul>
<li><span class="time">10:15</span><span class="title">Atelier de contribution</span><span
class="who">Léa Petit</span></li>
<li><span class="time">11:00</span><span class="title">Clôture</span></li>
</ul>
"""
    event = written(tmp_path, "Journée", "2025-06-12", body)
    assert sessions(event) == [
        (time(9), time(9, 30), "Ouverture de la journée", ["Anne Martin"], None),
        (time(9, 30), time(10, 15), "Les communs numériques", ["Paul Durand"], None),
        (time(10, 15), None, "Atelier de contribution", ["Léa Petit"], None),
        (time(11), None, "Clôture", [], None),
    ]


def test_spans_without_a_class_or_marks_side_by_side_stay_one_line() -> None:
    (paragraph,) = blocks_of("<p><span>Ouverture</span><span> de la journée</span> "
                             "<b>Anne</b><i>Martin</i></p>\n")
    assert [line.text for line in paragraph.lines] == ["Ouverture de la journée AnneMartin"]


def test_badges_side_by_side_under_a_title_each_name_a_speaker(tmp_path) -> None:
    body = """## Programma

<table>
<tr>
<th>16:00</th>
<td>Archiviare il software <br /> <span class="badge bg-primary">Anna Rossi</span></td>
</tr>
<tr>
<th>17:00</th>
<td>Gli archivi digitali <br /> <span class="badge bg-primary">Anna Rossi</span> <span
class="badge bg-warning">Marco Bianchi</span></td>
</tr>
</table>
"""
    event = written(tmp_path, "Giornata", "2025-06-12", body)
    assert sessions(event) == [
        (time(16), None, "Archiviare il software", ["Anna Rossi"], None),
        (time(17), None, "Gli archivi digitali", ["Anna Rossi", "Marco Bianchi"], None),
    ]


def test_fields_of_two_kinds_with_a_space_between_stay_one_line() -> None:
    (paragraph,) = blocks_of('<p><span class="time">10:15</span> '
                             '<span class="title">Atelier</span></p>\n')
    assert [line.text for line in paragraph.lines] == ["10:15 Atelier"]
