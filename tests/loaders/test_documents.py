"""Ordinary Markdown and HTML constructs, each on a small page written for its test.

The pages are in tests/construct_pages/ (not tests/pages/, whose events another test
counts). Expected values were written from reading each page.
"""

import gc
from datetime import date, time

from bot.cli.main import main
from bot.loaders.files import load_file
from bot.loaders.page.blocks import read_blocks
from bot.loaders.page.dom import parse_html
from bot.loaders.page.render import render
from bot.programme.model import Speaker
from tests.support.paths import CONSTRUCT_PAGES, DATA

PAGES = CONSTRUCT_PAGES


def read(name: str):
    events, problems, _ = load_file(PAGES / name)
    assert [p for p in problems if p.severity == "error"] == []
    (event,) = events
    return event, problems


def rows(name: str) -> list[tuple]:
    event, _ = read(name)
    return [(s.day, s.start, s.end, s.title, list(s.speaker_names), s.kind) for s in event.sessions]


def test_a_markdown_file_without_front_matter_and_setext_headings() -> None:
    event, _ = read("sans-front-matter.md")
    assert (event.title, event.start, event.end) == (
        "Rencontre BlueHats à Nantes",
        date(2025, 3, 12),
        date(2025, 3, 12),
    )
    day = date(2025, 3, 12)
    assert rows("sans-front-matter.md") == [
        (day, time(9, 30), None, "Accueil", [], "other"),
        (day, time(10), None, "Le libre à la Ville de Nantes", ["Anne Martin"], "talk"),
    ]
    assert event.sessions[1].organisations == ("Ville de Nantes",)


def written(tmp_path, title: str, day: str, body: str):
    """The one event of a page written for a test: a header with its title and day, then
    `body` (the header takes lines 1-4, the blank line 5: the body starts on line 6)."""
    page = tmp_path / "page.md"
    page.write_text(f"---\ntitle: {title}\nevent_start_date: {day}\n---\n\n{body}",
                    encoding="utf-8")
    (event,), _, _ = load_file(page)
    return event


def blocks_of(body: str):
    lines = body.split("\n")
    return read_blocks(parse_html(render(body).html), lines)


def test_setext_headings_are_headings_of_the_tree() -> None:
    blocks = blocks_of("\n" * 9 + "Programme\n=========\n\nTexte\n\nJour 1\n------\n")
    assert [(b.kind, b.level, b.text, b.line) for b in blocks] == [
        ("heading", 1, "Programme", 10),
        ("paragraph", 0, "Texte", 13),
        ("heading", 2, "Jour 1", 15),
    ]


def test_a_wrapped_bullet_is_one_line_and_a_url_may_hold_parentheses() -> None:
    event, _ = read("listes-et-tableaux.md")
    day = date(2025, 4, 2)
    first, second = event.sessions[:2]
    assert (first.day, first.start, first.title, first.speaker_names, first.organisations) == (
        day,
        time(9, 30),
        "Retour d'expérience sur la migration de la messagerie vers un logiciel libre",
        ("Paul Durand",),
        ("DINUM",),
    )
    assert (second.title, second.speaker_names) == (
        "Présentation de Lyon et de son socle libre",
        ("Marie Curie",),
    )
    assert [link.url for link in second.links] == ["https://fr.wikipedia.org/wiki/Lyon_(ville)"]


def test_a_table_without_leading_pipes_and_its_organisation_column() -> None:
    event, _ = read("listes-et-tableaux.md")
    nextcloud, tchap = event.sessions[2:4]
    assert (nextcloud.start, nextcloud.end, nextcloud.title, nextcloud.organisations) == (
        time(14),
        time(15),
        "Installer Nextcloud",
        ("DINUM",),
    )
    assert (tchap.start, tchap.title, tchap.organisations, tchap.kind) == (
        time(15),
        "Tchap en pratique",
        ("Etalab",),
        "workshop",
    )


def test_an_empty_time_cell_continues_the_time_above() -> None:
    event, _ = read("listes-et-tableaux.md")
    grist, umap = event.sessions[4:]
    assert (grist.start, grist.end, grist.title, grist.speaker_names) == (
        time(16),
        time(17),
        "Grist",
        ("Jeanne Roux",),
    )
    assert (umap.start, umap.end, umap.title, umap.speaker_names, umap.kind) == (
        time(16),
        time(17),
        "Cartes avec uMap",
        ("Luc Petit",),
        "demo",
    )


def test_a_multi_line_html_table_with_two_bodies_and_nbsp_cells() -> None:
    day = date(2025, 6, 10)
    assert rows("tableau-html.md") == [
        (day, time(9), time(9, 30), "Accueil", [], "other"),
        (day, time(9, 30), time(10, 30), "Grist dans les ministères", ["Jeanne Roux"], "talk"),
        (day, time(9, 30), time(10, 30), "Les communs numériques", ["Luc Petit"], "talk"),
        (day, time(11), time(12), "Table ronde sur la souveraineté", [], "panel"),
    ]
    event, _ = read("tableau-html.md")
    assert event.sessions[1].links[0].url == "https://example.org/grist"


def test_br_lines_and_items_with_their_own_day() -> None:
    assert rows("continuations.md") == [
        (
            date(2025, 11, 24),
            time(17),
            time(17, 30),
            "La Green tech dans les services publics",
            [],
            "talk",
        ),
        (date(2025, 11, 25), time(17), time(17, 30), "Les API au service des citoyens", [], "talk"),
        (date(2025, 11, 26), time(17), time(18), "La culture d'innovation", [], "talk"),
    ]


def test_headings_inside_bullets_and_credits_on_the_line_below() -> None:
    day = date(2025, 3, 13)
    assert rows("titres-dans-puces.md") == [
        (day, time(9), None, "Accueil des participants", [], "other"),
        (day, time(9, 30), None, "Introduction de la journée", ["Stéphanie Schaer"], "other"),
        (day, time(10), time(10, 50), "Table ronde 1", [], "panel"),
        (day, None, None, "Atelier 1", [], "workshop"),
    ]


def test_bold_lead_in_times_and_bracket_times() -> None:
    day = date(2025, 11, 28)
    assert rows("heures-en-tete.md") == [
        (day, time(14), None, "Accueil café", [], "other"),  # the arrival, as the truths count it
        (day, time(14, 30), None, "Mots d'ouverture", ["Jeanne Dupont"], "other"),
        (day, time(15), None, "Présentation des projets de la saison", [], "talk"),
        (
            day,
            time(16),
            time(16, 20),
            "Les résultats de l'appel à projets et les critères de sélection",
            [],
            "talk",
        ),
        (day, time(16, 20), time(16, 30), "Questions", [], "other"),
    ]


def test_slot_containers_give_their_hours_and_are_not_sessions() -> None:
    day = date(2025, 4, 10)
    assert rows("creneaux.md") == [
        (day, time(10, 15), time(12), "Retour d'expérience de l'accélérateur", [], "talk"),
        (day, time(10, 15), time(12), "Projection d'un documentaire", [], "talk"),
        (day, time(12), time(13), "Pause déjeuner", [], "break"),
        (day, time(14), time(16), "Prédisauvetage, prévenir les accidents maritimes", [], "demo"),
        (day, time(14), time(16), "FranceConnect, simplifier l'accès aux services", [], "demo"),
        (day, time(16), time(18), "OpenFisca, simuler l'impact de la loi", [], "demo"),
    ]
    event, _ = read("creneaux.md")
    # The room follows the hours: « Démos, de 14h à 18h, salon des Arcades ».
    assert [s.room for s in event.sessions] == [None] * 3 + ["salon des Arcades"] * 3


def test_decoy_lists_are_not_sessions_and_panellists_credit_their_panel() -> None:
    day = date(2025, 5, 20)
    assert rows("leurres.md") == [
        (
            day,
            time(10),
            None,
            "Table ronde sur l'ouverture des données",
            ["Claire Martin", "Laure Lucchesi", "Anna Huppert"],
            "panel",
        ),
        (day, time(11), None, "Présentation du guichet data", [], "talk"),
    ]


def test_an_english_page() -> None:
    event, _ = read("english.md")
    assert (event.start, event.end) == (date(2024, 6, 3), date(2024, 6, 4))
    day = date(2024, 6, 3)
    assert rows("english.md") == [
        (day, time(9, 30), time(10), "Welcome coffee", [], "other"),  # the arrival
        (day, time(10), None, "Sharing public code", ["Jane Doe"], "talk"),
        (day, time(14), time(15), "Workshop on packaging", [], "workshop"),
        (day, time(16, 30), None, "Closing remarks", ["John Smith"], "other"),
        (date(2024, 6, 4), time(9), None, "Registration", [], "other"),
    ]


def test_event_days_from_the_strongest_evidence_and_a_corrupt_date_reported() -> None:
    event, problems = read("jours.md")
    # The registration deadline (20 May) and the publication date are not event days;
    # the day heading has no year, the body gives it.
    assert (event.start, event.end) == (date(2025, 6, 4), date(2025, 6, 4))
    assert [s.day for s in event.sessions] == [date(2025, 6, 4)] * 2
    (corrupt,) = problems
    assert corrupt.source.line == 4 and "event_start_date" in corrupt.message  # its own line


def test_explain_says_what_was_taken_and_why(capsys) -> None:
    assert main(["programme", "parse", str(PAGES / "leurres.md"), "--explain"]) == 0
    out = capsys.readouterr().out
    assert "not a programme" in out and "taken as programme" in out
    assert 'under "Ce qu\'on a fait", which introduces something else' in out
    assert "a bare link to another page" in out
    assert 'line 13: 10:00 "Table ronde sur l\'ouverture des données" (panel)' in out
    assert "time: starts with its hours" in out


def test_a_block_s_last_start_only_talks_end_at_the_block_s_end() -> None:
    """« 6 décembre de 14h à 18h »: the 17h talks run until 18:00, not 17:30."""
    from datetime import datetime, timedelta

    from bot.loaders.files import load_paths
    from bot.programme.queries import Agenda
    from bot.settings.clock import PARIS

    data = DATA / "000_e68f776c91cd8b0e.txt"
    programme = load_paths([data])
    umap = next(s for s in programme.sessions if s.title.startswith("uMap"))
    assert (umap.start, umap.end, umap.block_end) == (time(17), None, time(18))
    assert "6 décembre de 14h à 18h" in umap.section
    agenda = Agenda(programme, PARIS, timedelta(minutes=30))
    assert agenda.slot(umap).end == datetime(2023, 12, 6, 18, tzinfo=PARIS)
    at = datetime(2023, 12, 6, 17, 45, tzinfo=PARIS)
    assert umap.id in {slot.session.id for slot in agenda.running(at)}
    # A 14h talk still ends when the 15h ones begin, not at the block's end.
    eole = next(s for s in programme.sessions if s.title.startswith("EOLE"))
    assert agenda.slot(eole).end == datetime(2023, 12, 6, 15, tzinfo=PARIS)


def test_headings_with_hours_and_a_title_are_sessions_unless_items_follow() -> None:
    day = date(2025, 9, 18)
    assert rows("titres-horaires.md") == [
        (day, time(9, 30), time(10), "Accueil café", [], "other"),  # the arrival
        (day, time(10), time(10, 45), "Keynote d'ouverture", ["Jeanne Dupont"], "talk"),
        (day, time(11), time(12, 30), "Grist pour les collectivités", [], "workshop"),
        (day, time(11), time(12, 30), "Contribuer à la documentation de Tchap", [], "workshop"),
    ]


def test_a_series_of_dated_webinars_gives_its_own_days() -> None:
    event, _ = read("serie.md")
    assert (event.start, event.end) == (date(2024, 2, 20), date(2024, 3, 12))
    assert rows("serie.md") == [
        (
            date(2024, 2, 20),
            time(11),
            None,
            "Présentation de Tchap",
            ["Jeanne Dupont", "Paul Martin"],
            "talk",
        ),
        (date(2024, 3, 5), None, None, "Retour d'expérience sur Nextcloud", [], "talk"),
        (date(2024, 3, 12), None, None, "Présentation de Grist", [], "talk"),
    ]
    # « Liste des ateliers » names the series: its webinars are talks, not workshops.
    assert event.sessions[2].links[0].url == "https://video.example/grist"


def test_bullets_describing_an_item_and_labelled_credits() -> None:
    day = date(2025, 10, 2)
    assert rows("descriptions.md") == [
        (day, time(9, 30), None, "Accueil", [], "other"),
        (day, time(10), None, "Le RGAA en pratique", [], "talk"),
        (
            day,
            time(11),
            None,
            "Table ronde des référents",
            ["Jeanne Dupont", "Paul Martin"],
            "panel",
        ),
        (day, time(14), time(15), "Outils libres pour l'audit", ["Luc Petit"], "workshop"),
    ]


def test_markdown_right_under_an_html_block_and_a_list_of_public_bodies() -> None:
    day = date(2025, 12, 16)
    assert rows("html-puis-markdown.md") == [
        (day, time(9), None, "Ouverture du forum", [], "other"),
        (day, time(10), time(10, 45), "Atelier CV et entretien", ["Jeanne Dupont"], "workshop"),
    ]


def test_the_prose_gives_the_morning_and_the_afternoon_their_kind() -> None:
    day = date(2025, 12, 4)
    assert rows("matinee.md") == [
        (day, time(10), time(12, 30), "Et vous, ça Tchap ?", ["R. Allouche"], "demo"),
        (day, time(13, 40), time(14), "OpenNebula au PCLL", ["G. Grandgerard"], "talk"),
    ]


def test_a_report_lead_in_gives_the_day_but_no_hours() -> None:
    # « le 9 novembre 2021 : » is a day then a colon, not 21:00.
    day = date(2021, 11, 9)
    assert rows("compte-rendu.md") == [
        (day, None, None, "Présentation d’Esup-Pod", ["Nicolas Can"], "talk"),
        (day, None, None, "La démarche open source du Health Data Hub", ["Lorien Benda"], "talk"),
    ]


def test_a_programme_heading_over_unreadable_items_is_a_warning_with_its_line(tmp_path) -> None:
    page = tmp_path / "activites.md"
    page.write_text(
        "---\ntitle: Hackathon\nevent_start_date: 2025-04-08\n---\n\n## Au programme\n\n"
        "* La création et la présentation d'un projet en réponse à des défis liés au climat.\n"
        "* Le développement de nouveaux services, la création d'outils de visualisation, etc.\n",
        encoding="utf-8",
    )
    (event,), problems, _ = load_file(page)
    assert event.sessions == ()
    (warning,) = problems
    assert (warning.source.line, warning.severity) == (8, "warning")
    assert "'Au programme'" in warning.message and "--explain" in warning.message


def test_a_workshop_held_several_times_and_a_day_line_under_its_heading() -> None:
    pitch = "Se présenter avec « l'elevator pitch »"
    day = date(2025, 12, 16)
    assert rows("ateliers-repetes.md") == [
        (date(2025, 12, 1), time(17), time(17, 30), "Le virage cloud dans l'État", [], "talk"),
        (day, time(10), time(11), pitch, [], "workshop"),
        (day, time(14), time(15), pitch, [], "workshop"),
        (day, time(16), time(17), pitch, [], "workshop"),
    ]
    event, _ = read("ateliers-repetes.md")
    assert len({s.id for s in event.sessions}) == 4  # each repeat can be reminded apart


def test_a_separate_list_of_speakers_credits_the_only_session_of_the_page() -> None:
    assert rows("intervenants.md") == [
        (
            date(2025, 6, 12),
            time(11),
            time(12),
            "Le référentiel d'écoconception en pratique",
            ["Jeanne Dupont", "Paul Martin"],
            "talk",
        )
    ]


def test_numbered_parts_with_durations_and_no_clock_time() -> None:
    day = date(2025, 4, 25)
    assert rows("temps.md") == [
        (day, None, None, "Temps 1 – Propos liminaires", ["Patrick Martin"], "other"),
        (day, None, None, "Temps 2 – Table ronde", [], "panel"),
        (day, None, None, "Temps 3 – Questions/Réponses et échanges avec le public", [], "other"),
    ]


def test_a_session_s_section_holds_the_words_of_its_heading_and_slot() -> None:
    event, _ = read("creneaux.md")
    assert event.sessions[0].section == "Au programme › Plénière : les communs numériques"
    assert event.sessions[3].section.endswith("Démos › 14h - 16h")


def test_each_list_is_judged_on_its_own_and_addresses_are_not_sessions() -> None:
    day = date(2022, 2, 3)
    assert rows("deroule.md") == [
        (
            day,
            time(13, 45),
            time(14, 5),
            "présentation du programme et de l’appel à projets",
            [],
            "talk",
        ),
        (
            day,
            time(14, 20),
            time(14, 40),
            "témoignage",
            ["Alexandre Thomas", "Antoine Mazières"],
            "talk",
        ),
    ]


def test_a_table_cell_with_the_title_then_the_speaker_on_a_br_line() -> None:
    day = date(2025, 3, 18)
    assert rows("tableau-br.md") == [
        (day, time(9, 30), None, "Le SILL en 2025", ["Jeanne Dupont"], "talk"),
        (day, time(10), None, "Pause", [], "break"),
    ]


def test_a_markdown_file_that_is_no_event_is_a_warning_not_an_error(tmp_path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(
        "# Pages du site\n\nCe dossier contient les pages publiées.\n", encoding="utf-8"
    )
    events, problems, _ = load_file(readme)
    assert events == []
    (problem,) = problems
    assert (problem.severity, problem.source.line) == ("warning", 1)
    assert "no event date" in problem.message


def test_reading_a_page_leaves_the_garbage_collector_as_it_found_it() -> None:
    # The loader pauses cyclic collection while it reads a page (it makes no cycles).
    read("sans-front-matter.md")
    assert gc.isenabled()
    gc.disable()
    try:
        read("sans-front-matter.md")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_duration_in_parentheses_or_brackets_is_not_part_of_the_title() -> None:
    day = date(2025, 10, 14)
    assert rows("durees.md") == [
        (day, time(14), None, "Questions / réponses", [], "other"),  # when, not how long
        (day, None, None, "Introduction", ["Équipe ANCT"], "other"),
        (day, None, None, "Démonstration de Grist : créer un tableau de suivi",
         ["Florent Fayolle"], "demo"),
        (day, None, None, "Retours d'expérience de la DGFiP", ["Claire Petit"], "talk"),
        (day, None, None, "Atelier pratique", ["Claire Petit"], "workshop"),
    ]


def test_a_room_in_parentheses_after_a_title_is_the_room() -> None:
    event, _ = read("salles.md")
    day = date(2025, 3, 27)
    assert [(s.day, s.start, s.title, s.room) for s in event.sessions] == [
        (day, time(12, 30), "Déjeuner", None),
        # at one time, sessions are in room order (the one with no room first)
        (day, time(14), "Atelier 3 : Les licences libres (et leurs pièges)", None),
        (day, time(14), "Atelier 1 : Contribuer à un logiciel libre", "A"),
        (day, time(14), "Atelier 2 : Publier son code sur code.gouv.fr", "amphi Turing"),
        (day, time(16), "Clôture", None),
    ]


def test_a_role_that_ends_with_an_acronym_gives_the_organisation() -> None:
    event, _ = read("salles.md")
    closing = event.sessions[-1]
    assert closing.speakers == (Speaker("Marie Durand", "DINUM"), Speaker("Paul Martin", "ANCT"))
    assert closing.organisations == ("DINUM", "ANCT")


def test_a_page_the_fast_renderer_cannot_render_is_rendered_by_the_other(tmp_path) -> None:
    # markdown-it-pyrs 0.4 panics on '[' followed by an unclosed '`'
    event = written(tmp_path, "Atelier", "2025-05-20",
                    "Voir [`config.\n\n## Programme\n\n* 9h30 : Accueil\n* 10h : Installer Grist\n")
    assert [(s.start, s.title) for s in event.sessions] == [
        (time(9, 30), "Accueil"), (time(10), "Installer Grist")]


def test_the_prose_that_is_not_programme_is_kept_as_passages_with_their_lines(tmp_path) -> None:
    event = written(tmp_path, "Journée Grist", "2025-05-20",
                    "L'entrée est libre, sur inscription.\n\n"  # line 6
                    "## Programme\n\n"  # 8
                    "* 9h30 : Accueil\n* 10h : Installer Grist, par Jeanne Roux\n\n"  # 10, 11
                    "## Infos pratiques\n\n"  # 13
                    "* Accès : métro Bercy\n* Contact : grist@example.org\n\n"  # 15, 16
                    "{% include footer.html %}\n")  # 18
    assert [(p.line, p.text) for p in event.passages] == [
        (6, "L'entrée est libre, sur inscription."),
        (15, "Accès : métro Bercy"),
        (16, "Contact : grist@example.org"),
    ]


def test_timed_lines_joined_by_line_breaks_are_one_item_each(tmp_path) -> None:
    event = written(tmp_path, "Atelier", "2025-05-20",
                    "## Programme\n\n**Mardi**\\\n9h30 - 10h : Accueil\\\n"
                    "10h - 11h : Installer Grist\\\navec Jeanne Roux\\\n11h - 12h : Questions\n")
    assert [(s.start, s.end, s.title, s.speaker_names, s.source.line)
            for s in event.sessions] == [
        (time(9, 30), time(10), "Accueil", (), 9),
        (time(10), time(11), "Installer Grist", ("Jeanne Roux",), 10),
        (time(11), time(12), "Questions", (), 12),
    ]


def test_day_labels_in_the_paragraph_of_timed_lines_give_their_day(tmp_path) -> None:
    event = written(tmp_path, "Cours", "2017-03-13",
                    "## Schedule\n\n**Monday 13 March**  \nRoom:  \n"
                    "**09.00-09.15** Introduction  \n**09.15-10.15** Mapping\n\n"
                    "**Tuesday 14 March**  \n**09.00-10.00** Quality control  \n"
                    "**10.15-11.00** Lunch\n")
    assert [(s.day, s.start, s.title) for s in event.sessions] == [
        (date(2017, 3, 13), time(9), "Introduction"),
        (date(2017, 3, 13), time(9, 15), "Mapping"),
        (date(2017, 3, 14), time(9), "Quality control"),
        (date(2017, 3, 14), time(10, 15), "Lunch"),
    ]


def test_a_programme_indented_or_fenced_as_code_is_read_and_real_code_is_not(tmp_path) -> None:
    event = written(tmp_path, "Hackathon", "2016-05-14",
                    "## Programme\n\n```\n09:00–09:30 Registrations\n09:30–10:00 Welcome\n"
                    "10:00–13:30 Hacking\n```\n\n## Installer\n\n```yaml\n- 10:00 name: x\n"
                    "- 11:00 name: y\n```\n")
    assert [(s.start, s.end, s.title) for s in event.sessions] == [
        (time(9), time(9, 30), "Registrations"),
        (time(9, 30), time(10), "Welcome"),
        (time(10), time(13, 30), "Hacking"),
    ]


def test_an_evening_that_goes_past_midnight_ends_on_the_next_day(tmp_path) -> None:
    event = written(tmp_path, "Anniversaire", "2011-02-28",
                    "## Programme\n\n**20h00 à 22h30 : Buffet**\n\n**22h30 à 00h00 : Surprise**\n\n"
                    "**00h00 à 02h30 : Restaurant**\n\n**02h30 à 05h00 : Café**\n")
    night = date(2011, 3, 1)
    assert [(s.day, s.start, s.title) for s in event.sessions] == [
        (date(2011, 2, 28), time(20), "Buffet"),
        (date(2011, 2, 28), time(22, 30), "Surprise"),
        (night, time(0), "Restaurant"),
        (night, time(2, 30), "Café"),
    ]
    assert event.end == night


def test_a_heading_that_holds_only_a_time_gives_it_to_the_paragraph_under_it(tmp_path) -> None:
    event = written(tmp_path, "Soirées", "2021-04-06",
                    "## Mardi 6 avril 2021\n\n"
                    "### 18h00\nOuverture de l'événement par Jeanne Dupont\n\n"
                    "### 18h10\nRetour sur le Commando avec Lola Martin et Manon Petit.\n\n"
                    "Un second paragraphe qui décrit ce retour.\n")
    assert [(s.start, s.title, s.speaker_names, s.source.line) for s in event.sessions] == [
        (time(18), "Ouverture de l'événement", ("Jeanne Dupont",), 9),
        (time(18, 10), "Retour sur le Commando", ("Lola Martin", "Manon Petit"), 12),
    ]


def test_a_timed_container_over_talks_timed_in_italics(tmp_path) -> None:
    event = written(tmp_path, "Journées", "2025-07-07",
                    "## Programme\n\n- **15h00 – 15h45** : **Session 1**\n"
                    "  - *15h00 – 15h20* : **Open-source framework for interactive mechanical "
                    "simulation in medicine and robotics, a catalyst of innovation**, Hugo Talbot "
                    "(Inria)\n  - *15h25 – 15h45* : **Analytical Geometry for fluid simulations "
                    "based on Partial Optimal Transport**, Bruno Lévy (Inria)\n\n"
                    "- **15h50 – 16h10** : Pause café\n")
    assert [(s.start, s.end, s.title[:30], s.speaker_names) for s in event.sessions] == [
        (time(15), time(15, 20), "Open-source framework for inte", ("Hugo Talbot",)),
        (time(15, 25), time(15, 45), "Analytical Geometry for fluid ", ("Bruno Lévy",)),
        (time(15, 50), time(16, 10), "Pause café", ()),
    ]


def test_an_item_whose_day_and_hours_stand_on_the_line_above_its_title(tmp_path) -> None:
    page = tmp_path / "seminaires.md"
    page.write_text(
        "---\ntitle: Séminaires en ligne 2020\n---\n\nAu programme :\n\n"
        "- vendredi 25/09 à 10h  \n  **Actualités du programme**  \n"
        "  Par Emmanuel Laborde, directeur\n\n"
        "- lundi 28/09 à 14h  \n  **Présentation de l'offre en service**  \n"
        "  Par Joris Bricout, chef de projet\n",
        encoding="utf-8")
    (event,), _, _ = load_file(page)
    assert [(s.day, s.start, s.title, s.speaker_names) for s in event.sessions] == [
        (date(2020, 9, 25), time(10), "Actualités du programme", ("Emmanuel Laborde",)),
        (date(2020, 9, 28), time(14), "Présentation de l'offre en service", ("Joris Bricout",)),
    ]


def test_a_paragraph_that_starts_with_a_day_over_lists_is_a_day_label(tmp_path) -> None:
    event = written(tmp_path, "Journées 3D", "2021-11-24",
                    "## Programme\n\n"
                    "Mercredi 24 novembre : de l'acquisition à la représentation\n\n"
                    "Matin :\n- 9h45-10h : Accueil des participants\n\n"
                    "Jeudi 25 novembre : traiter et visualiser\n\n"
                    "Matin :\n- 9h-9h15 : Introduction de la journée\n")
    assert [(s.day, s.start, s.title) for s in event.sessions] == [
        (date(2021, 11, 24), time(9, 45), "Accueil des participants"),
        (date(2021, 11, 25), time(9), "Introduction de la journée"),
    ]


def test_a_page_markdown_it_pyrs_cannot_render_is_rendered_by_markdown_it_py() -> None:
    # markdown-it-pyrs 0.4 panics on a '[' then an unclosed '`' on the next line; the
    # fallback, imported only then, renders the same paragraph stamped with its lines.
    rendered = render("[a\n`b")
    assert rendered.renderer == "markdown-it-py"
    assert rendered.html == '<p data-sourcepos="1:1-2:0">[a\n`b</p>\n'


def test_a_heading_that_announces_a_list_leads_it_and_a_colon_alone_does_not(tmp_path) -> None:
    # Untimed topics credited to organisations, under a heading that says a list follows.
    event = written(
        tmp_path, "Journée d'études sur l'archivage", "2024-03-14",
        "## Au cours de la journée seront présentés les thèmes suivants\n\n"
        "- Les enjeux de la conservation par ACMEDOC\n"
        "- Retour d'expérience du CINES par le CINES\n"
        "- La normalisation des métadonnées\n"
        "- Conclusion par ACMEDOC\n\n"
        "## Date et lieu :\n\n"  # many sites end every heading with a colon
        "- Salle Pasteur, 8 avenue Pasteur, 75015 Paris\n"
        "- Métro Volontaires, ligne 12\n"
        "- De 9h à 17h\n",
    )
    day = date(2024, 3, 14)
    assert [(s.day, s.start, s.title, s.organisations) for s in event.sessions] == [
        (day, None, "Les enjeux de la conservation", ("ACMEDOC",)),
        (day, None, "Retour d'expérience du CINES", ("CINES",)),
        (day, None, "La normalisation des métadonnées", ()),
        (day, None, "Conclusion", ("ACMEDOC",)),
    ]
