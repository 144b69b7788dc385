"""Talk lines in every order: title, credit and kind, in the six languages pages use.

Each line was written for these tests; the expected values come from reading it."""

from datetime import date
from pathlib import Path

import pytest

from bot.loaders.files import load_file
from bot.loaders.page.row_grammar import read_title
from bot.loaders.talks import kinds, names
from bot.loaders.talks.credits import parse_credit
from bot.loaders.talks.kinds import infer_kind
from bot.loaders.talks.legend import read_legend, resolve
from bot.programme.model import Speaker
from tests.loaders.pages import page_sessions

TITLE = "Les communs numériques"
ORDERS = [
    "{title} - {name}",
    "{title} – {name}",
    "{title}, par {name}.",
    "{title}, by {name}",
    "{title} ({name}, {org})",
    "**{name}** ({org}) : « {title} »",
    "**{name}** ({org}) : \"{title}\"",
    "{name} ({org}) – {title}",
    "« {title} » par {name}",
    "{title} – von {name}",
    "{title}, mit {name}",
    "{title}, con {name}",
    "{title}, por {name}",
    "{title}, di {name}",
    "{title} door {name}",
    "{title}, met {name}",
    "{title}. Speaker(s): {name}",
    "{title}. Intervenant·e·s : {name}",
    "{title} — Ponente: {name}",
    "{title}. Referent: {name}",
    "**{title}** - *{name}, {org}*",
    "{name} ({org}) interviendra sur le thème « {title} ».",
    "{name} will talk about \"{title}\"",
]


@pytest.mark.parametrize("order", ORDERS)
def test_a_credit_in_each_order_is_read_back(order: str) -> None:
    talk = read_title(order.format(title=TITLE, name="Jeanne Dupont", org="Acme"))
    assert talk.title.strip("«» \"") == TITLE
    assert [s.name for s in talk.speakers] == ["Jeanne Dupont"]


@pytest.mark.parametrize(
    ("line", "names", "organisations"),
    [
        ("{t} avec Jeanne Dupont (DINUM) et Paul Martin (Etalab)",
         ["Jeanne Dupont", "Paul Martin"], ("DINUM", "Etalab")),
        ("{t} - Anne Roy et Paul Martin, [Acme](https://acme.example)",
         ["Anne Roy", "Paul Martin"], ("Acme",)),
        ("{t}. Speakers: Jane Doe, John Smith", ["Jane Doe", "John Smith"], ()),
        ("{t} (Ana García y Luis Pérez)", ["Ana García", "Luis Pérez"], ()),
        ("{t} (Chris Rackauckas)", ["Chris Rackauckas"], ()),
        ("{t} door Jan van der Berg en Els de Vries", ["Jan van der Berg", "Els de Vries"], ()),
        ("{t}, moderata da Annibale d’Elia", ["Annibale d’Elia"], ()),
        ("{t} -MP Etienne", ["MP Etienne"], ()),  # no space after the dash
        ("{t} (présentation Jeanne Dupont, LIRIS)", ["Jeanne Dupont"], ("LIRIS",)),
        ("{t} (Talk by Jane Doe)", ["Jane Doe"], ()),
        ("{t} (Jeanne DUPONT – LIRIS)", ["Jeanne DUPONT"], ("LIRIS",)),
        ("{t} (Anne Roy/Paul Martin)", ["Anne Roy", "Paul Martin"], ()),
        ("{t} (Sandrine Borel‐Dubourg, IRAA)", ["Sandrine Borel‐Dubourg"], ("IRAA",)),
        ("{t}, Anne Roy, Paul Martin et Léa Petit, Expression IRISA",
         ["Anne Roy", "Paul Martin", "Léa Petit"], ("Expression IRISA",)),
        ("**{t}**, Anne Roy, Paul Martin et Léa Petit, Expression IRISA",
         ["Anne Roy", "Paul Martin", "Léa Petit"], ("Expression IRISA",)),
    ],
)
def test_several_speakers_and_their_organisations(
    line: str, names: list, organisations: tuple
) -> None:
    talk = read_title(line.format(t=TITLE))
    assert talk.title == TITLE
    assert [s.name for s in talk.speakers] == names
    assert talk.organisations == organisations


def test_a_bracketed_credit_wins_over_a_par_inside_the_title() -> None:
    talk = read_title("Sensibiliser par la réalité virtuelle (Présentation Jin-A Choi, AAU)")
    assert (talk.title, [s.name for s in talk.speakers], talk.organisations) == (
        "Sensibiliser par la réalité virtuelle", ["Jin-A Choi"], ("AAU",))


@pytest.mark.parametrize(
    "line",
    [
        "Migration von Linux Servern",  # 'von' inside a title
        "Hands-on with Docker Compose",  # 'with' inside a title
        "Open Source: why it matters",  # words before a colon, not a speaker
        "OpenBCI: An Open-Source Brain-Computer Interface",  # a title in capitals
        "March 12 (Thursday): Typelevel Summit",
        "Retour d'expérience (Salle Rouge)",  # a room in brackets
        "Retour d'expérience (Hôtel de Ville)",  # a building in brackets
        "Retour d'expérience (OpenStreetMap)",  # a product in brackets
        "Chiffrer par défaut",  # 'par' and a common noun
        "Atelier 2 : R Interface",  # a numbered label, then its title in capitals
        "Workshop 3: Data Pipelines",
        "Introduction of Open Data",  # capitals after a speech's word, not a name
    ],
)
def test_titles_that_look_like_credits_keep_their_words(line: str) -> None:
    talk = read_title(line)
    assert (talk.title, talk.speakers) == (line, ())


@pytest.mark.parametrize(
    ("line", "title", "kind"),
    [
        ("Lecture: Single cell basics", "Single cell basics", "talk"),
        ("Lab: [Clustering](lab.md)", "Clustering", "workshop"),
        ("**Keynote:** The state of open data", "The state of open data", "talk"),
        ("Atelier : contribuer à un logiciel libre", "contribuer à un logiciel libre",
         "workshop"),
        ("Table ronde : la souveraineté numérique", "Table ronde : la souveraineté numérique",
         "panel"),
        ("Workshop: Writing a Rust parser", "Writing a Rust parser", "workshop"),
        ("Taller: Introducción a Git", "Introducción a Git", "workshop"),
        ("Vortrag: Offene Daten", "Offene Daten", "talk"),
        ("Lezing: Open data bij de overheid", "Open data bij de overheid", "talk"),
        ("Tavola rotonda: software libero", "Tavola rotonda: software libero", "panel"),
        ("Demo: the new editor", "the new editor", "demo"),
        ("Atelier 2 : bonnes pratiques", "Atelier 2 : bonnes pratiques", "workshop"),
        ("[Lecture: Short read mapping](mapping.pdf)", "Short read mapping", "talk"),
        ("[Lecture:RNA-seq introduction](intro.pdf)", "RNA-seq introduction", "talk"),
        ("**[Lab: Read counting](lab.md)**", "Read counting", "workshop"),
    ],
)
def test_a_kind_label_gives_the_kind_and_is_not_the_title(line: str, title: str, kind: str) -> None:
    talk = read_title(line)
    assert (talk.title, talk.own_kind()) == (title, kind)


def test_a_line_with_no_label_before_its_first_colon_is_not_folded_whole(monkeypatch) -> None:
    """Only the words before the first colon can be a label's: a line whose words there are
    not ('Retour sur Grist' before a link's 'https:') is not folded whole, nor is its fold
    kept in the cache of folds asked again; a label still is read ('Présentation : …')."""
    def fold(text: str) -> str:
        raise AssertionError(f"folded whole: {text!r}")

    monkeypatch.setattr(kinds, "fold", fold)
    assert kinds.kind_label("Retour sur [Grist](https://grist.example) : Jeanne Dupont") is None
    monkeypatch.undo()
    assert kinds.kind_label("Présentation : les communs") == ("talk", "les communs", False)


def test_a_credit_without_brackets_is_not_walked_character_by_character() -> None:
    """Separators are hidden inside brackets only: a credit that has none is its own mask."""
    credit = "Jeanne Dupont et Paul Martin, DINUM"
    assert names._mask(credit) is credit
    assert names._mask("A (B, C et D)") == "A (B\x00\x01C\x01et\x01D)"


def test_a_numbered_talk_keeps_its_label_and_a_first_name_after_its_last_dash() -> None:
    talk = read_title("Talk 2: Rust on a Pico - Simon")
    assert (talk.title, [s.name for s in talk.speakers], talk.own_kind()) == (
        "Talk 2: Rust on a Pico", ["Simon"], "talk")


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Pause", "break"), ("Déjeuner", "break"), ("Morning Break", "break"),
        ("Mittagessen", "break"),
        ("Almuerzo", "break"), ("Pranzo", "break"), ("Lunch", "break"), ("Koffiepauze", "break"),
        ("Accueil", "other"), ("Welcome", "other"), ("Begrüßung", "other"),
        ("Clausura", "other"), ("Chiusura", "other"), ("Afsluiting", "other"),
        ("Ouverture de code de l'orchestrateur de conteneurs", "talk"),
        ("Taller de Python", "workshop"), ("Mesa redonda sobre datos", "panel"),
    ],
)
def test_kinds_in_six_languages(title: str, kind: str) -> None:
    assert infer_kind(title) == kind


def test_initials_resolved_through_the_legend_of_the_page() -> None:
    legend = read_legend(
        "## Formateurs\n\n* (Ma)rie Curie\n* (P)aul Langevin\n* Irène Joliot (IJ)\n"
        "* FJ : Frédéric Joliot\n"
    )
    assert resolve((Speaker("Ma + P"),), legend) == (
        Speaker("Marie Curie"), Speaker("Paul Langevin"))
    assert resolve((Speaker("IJ"), Speaker("FJ")), legend) == (
        Speaker("Irène Joliot"), Speaker("Frédéric Joliot"))
    assert resolve((Speaker("All"), Speaker("Tous")), legend) == ()
    assert resolve((Speaker("Jeanne Dupont"),), legend) == (Speaker("Jeanne Dupont"),)


def test_a_first_name_resolved_from_a_fuller_mention_on_the_page(tmp_path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "---\ntitle: Rencontre du réseau\nevent_start_date: 2025-06-12\n---\n\n"
        "Nos invités : Arend Visser et Simon Boyer.\n\n"
        "## Programme\n\n"
        "* 18:30 - Accueil\n"
        "* 19:00 - Talk 1: Le libre dans les collectivités - Arend\n"
        "* 19:30 - Talk 2: Rust sur microcontrôleur - Simon\n"
        "* 20:00 - Talk 3: Des données ouvertes - Bruno\n",
        encoding="utf-8",
    )
    (event,), _, _ = load_file(page)
    assert [(s.day, s.title, [p.name for p in s.speakers], s.kind) for s in event.sessions] == [
        (date(2025, 6, 12), "Accueil", [], "other"),
        (date(2025, 6, 12), "Talk 1: Le libre dans les collectivités", ["Arend Visser"], "talk"),
        (date(2025, 6, 12), "Talk 2: Rust sur microcontrôleur", ["Simon Boyer"], "talk"),
        (date(2025, 6, 12), "Talk 3: Des données ouvertes", ["Bruno"], "talk"),
    ]


def test_a_programme_repeated_as_a_list_of_slides_gives_no_extra_session(tmp_path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "---\ntitle: Soirée du groupe\nevent_start_date: 2025-02-03\n---\n\n"
        "## Programme\n\n"
        "* 19h00 : Pause\n"
        "* 19h15 : Le logiciel libre à l'école, par Anne Roy\n"
        "* 19h45 : Cartographie collaborative, par Paul Martin\n\n"
        "## Les présentations\n\n"
        "* [Le logiciel libre à l'école - Anne Roy (format pdf)](ecole.pdf)\n"
        "* [Cartographie collaborative (slides)](carto.pdf)\n",
        encoding="utf-8",
    )
    (event,), _, _ = load_file(page)
    assert [(s.start.hour, s.title, [p.name for p in s.speakers]) for s in event.sessions] == [
        (19, "Pause", []),
        (19, "Le logiciel libre à l'école", ["Anne Roy"]),
        (19, "Cartographie collaborative", ["Paul Martin"]),
    ]


def test_handles_after_names_are_not_part_of_them() -> None:
    speakers = parse_credit("Nick Roe @nroe & Dave Conway-Smith (@dcs), Ann Lee @ann.lee")[0]
    assert [s.name for s in speakers] == ["Nick Roe", "Dave Conway-Smith", "Ann Lee"]
    speakers = parse_credit("Ann Lee @annlee Bob Stone @bstone Carl Weiss")[0]
    assert [s.name for s in speakers] == ["Ann Lee", "Bob Stone", "Carl Weiss"]


def test_a_name_that_starts_like_a_credit_word_is_a_name() -> None:
    assert parse_credit("Pär Engström")[0] == (Speaker("Pär Engström"),)
    assert parse_credit("Par Jeanne Dupont")[0] == (Speaker("Jeanne Dupont"),)


@pytest.mark.parametrize(
    ("line", "title", "organisations"),
    [
        ("Retour d'expérience sur la GED par ACMEDOC", "Retour d'expérience sur la GED",
         ("ACMEDOC",)),
        ("L'hébergement des archives par le CINES", "L'hébergement des archives", ("CINES",)),
        ("Questions et échanges animés par OpenArchiv", "Questions et échanges",
         ("OpenArchiv",)),
        ("Présentation générale par le projet Zéphyr", "Présentation générale",
         ("projet Zéphyr",)),
        ("Le retour d'expérience : par l'université de Lille",
         "Le retour d'expérience", ("université de Lille",)),
    ],
)
def test_an_organisation_credited_in_place_of_a_person(
    line: str, title: str, organisations: tuple
) -> None:
    talk = read_title(line)
    assert (talk.title, talk.speakers, talk.organisations) == (title, (), organisations)


@pytest.mark.parametrize(
    ("line", "title", "names"),
    [
        ("*optionnel* Verre de fin de journée", "Verre de fin de journée", []),
        ("***facultatif* Visite du datacenter**", "Visite du datacenter", []),
        ("***optionnel*** **Apéro-talk : Jeanne Dupont** - Les archives ouvertes",
         "Apéro-talk : Les archives ouvertes", ["Jeanne Dupont"]),
        ("Retours sur la semaine ( lieu à définir)", "Retours sur la semaine", []),
        ("Dîner (*salle à confirmer*), offert par ACME", "Dîner", []),
        ("Pizza time! (sponsored by pizzeria.example)", "Pizza time!", []),
        ("Apéritif (offert par la Ville de Lyon)", "Apéritif", []),
        ("Venue Closes. Projects Can Be Submitted Until Noon on Monday.", "Venue Closes", []),
        ("Dr. Who and the history of the TARDIS in five acts.",
         "Dr. Who and the history of the TARDIS in five acts", []),
        ("Open access in libraries. Jane Doe, Director of the University Library.",
         "Open access in libraries", ["Jane Doe"]),
        ("Data frames in Julia (Bogumił Kamiński)", "Data frames in Julia", ["Bogumił Kamiński"]),
        ("Mot de bienvenue de Jeanne Dupont, directrice", "Mot de bienvenue", ["Jeanne Dupont"]),
        ("Mot d'accueil de Paul Martin (DINUM)", "Mot d'accueil", ["Paul Martin"]),
        ("Saluto del Prof. Marco Rossi, Presidente del CINECA", "Saluto", ["Marco Rossi"]),
        ("Saluto della Prof.ssa Anna Bianchi, Prorettrice per la ricerca", "Saluto",
         ["Anna Bianchi"]),
        ("Saluto dell'Ing. Luca Verdi, direttore del Dipartimento", "Saluto", ["Luca Verdi"]),
        ("Grußwort von Prof. Dr. Erika Mustermann", "Grußwort", ["Erika Mustermann"]),
        ("Discours du Pr Jean Martin, président de l'université", "Discours", ["Jean Martin"]),
        ("Welcome by Dr. Jane Doe", "Welcome", ["Jane Doe"]),
        ("Virtualización – Lic. Marta Ruiz", "Virtualización", ["Marta Ruiz"]),
        ("Mapas libres – Lic. Ana Pérez y Arq. Juan Gómez", "Mapas libres",
         ["Ana Pérez", "Juan Gómez"]),
        # a bold title, then names with no mark between: a person's title says who they are
        ("**Software libre en la escuela** Ing. Marta Ruiz", "Software libre en la escuela",
         ["Marta Ruiz"]),
        ("**Notación musical** Prof. Pablo Soto, Ana Gil", "Notación musical",
         ["Pablo Soto", "Ana Gil"]),
        ("**Atelier** Python Avancé", "Atelier Python Avancé", []),  # no title: a theme
        ("**Keynote** Dr. Who returns", "Keynote Dr. Who returns", []),
    ],
)
def test_notes_around_a_title_and_a_welcome_by_a_person(line: str, title: str,
                                                         names: list) -> None:
    talk = read_title(line)
    assert (talk.title, [s.name for s in talk.speakers]) == (title, names)


@pytest.mark.parametrize("title", ["Mot de bienvenue", "AfterWork", "After work", "Get-together"])
def test_a_welcome_and_an_after_work_are_housekeeping(title: str) -> None:
    assert infer_kind(title) == "other"


@pytest.mark.parametrize(
    ("line", "title", "kind"),
    [
        ("☕️ Accueil des participants", "Accueil des participants", "other"),
        ("**🎤 Mot d'ouverture**", "Mot d'ouverture", "other"),
        ("✍️ [Bilan de la journée](https://example.org/bilan)", "Bilan de la journée", "talk"),
        ("Pause ☕️", "Pause ☕️", "break"),  # only what leads the title is a decoration
    ],
)
def test_pictographs_leading_a_title_are_not_part_of_it(line: str, title: str,
                                                        kind: str) -> None:
    talk = read_title(line)
    assert (talk.title, talk.own_kind()) == (title, kind)


@pytest.mark.parametrize(
    ("line", "title", "names"),
    [
        ("Retour sur le projet Cantine avec Léa Martin, Paul Roux et Inès Blanc.",
         "Retour sur le projet Cantine", ["Léa Martin", "Paul Roux", "Inès Blanc"]),
        ("Retour d'expérience avec Léa Martin et Paul Roux.", "Retour d'expérience",
         ["Léa Martin", "Paul Roux"]),
    ],
)
def test_a_credit_after_avec_holds_every_name_of_its_list(line: str, title: str,
                                                          names: list) -> None:
    talk = read_title(line)
    assert (talk.title, [s.name for s in talk.speakers]) == (title, names)


@pytest.mark.parametrize(
    ("line", "title", "names"),
    [
        ("**Forum** – Voici les stands qui seront présents", "Forum", []),
        ("**Village associatif** - ouvert à toutes et à tous", "Village associatif", []),
        ("**Les communs numériques** - Jeanne Dupont, DINUM", "Les communs numériques",
         ["Jeanne Dupont"]),
        ("**Atelier cartographie** – Simon", "Atelier cartographie", ["Simon"]),
    ],
)
def test_a_description_after_a_bold_title_names_no_one(line: str, title: str,
                                                       names: list) -> None:
    talk = read_title(line)
    assert (talk.title, [s.name for s in talk.speakers]) == (title, names)


@pytest.mark.parametrize(
    ("line", "title", "names"),
    [
        ("**Intervention de la directrice du numérique (DINUM), Jeanne Dupont**",
         "Intervention de la directrice du numérique (DINUM)", ["Jeanne Dupont"]),
        ("**Mot du président de l'association, Paul Martin**", "Mot du président de l'association",
         ["Paul Martin"]),
        ("**Présentation du projet, Salle Rouge**", "Présentation du projet, Salle Rouge", []),
        ("**Histoire du logiciel libre, Richard Stallman**",
         "Histoire du logiciel libre, Richard Stallman", []),
    ],
)
def test_a_role_in_a_bold_title_then_the_name_of_who_holds_it(line: str, title: str,
                                                              names: list) -> None:
    talk = read_title(line)
    assert (talk.title, [s.name for s in talk.speakers]) == (title, names)


@pytest.mark.parametrize(
    ("line", "title", "names", "kind"),
    [
        ("exposé “Les nuages de points”, Anne Roy et Paul Martin, IGN) - 45’ + 15’ questions",
         "Les nuages de points", ["Anne Roy", "Paul Martin"], "talk"),
        ("TP « Segmenter un nuage de points », par Anne Roy, IGN.",
         "Segmenter un nuage de points", ["Anne Roy"], "workshop"),
        ("Paul Martin - LASTIG, IGN - “Cartes anciennes en 3D” - 45’ + 15’ questions -",
         "Cartes anciennes en 3D", ["Paul Martin"], "talk"),
        ('Jane Doe "Fast parsers, slow parsers" (video)', "Fast parsers, slow parsers",
         ["Jane Doe"], "talk"),
        # no credit outside the quotes, or more than a format word before them: as written
        ("Conférence « Logiciels libres et éducation »",
         "Conférence « Logiciels libres et éducation »", [], "talk"),
        ("Le projet « Panoramax » par Anne Roy", "Le projet « Panoramax »", ["Anne Roy"], "talk"),
    ],
)
def test_a_quoted_title_between_a_format_word_a_credit_and_notes(
        line: str, title: str, names: list, kind: str) -> None:
    talk = read_title(line)
    assert (talk.title, [s.name for s in talk.speakers], talk.own_kind()) == (title, names, kind)


@pytest.mark.parametrize(
    ("line", "title", "names"),
    [
        ("Los datos abiertos en la universidad. Ana Ruiz, Directora de la Biblioteca de la UCM.",
         "Los datos abiertos en la universidad", ["Ana Ruiz"]),
        ("Ouvrir les données. Jeanne Dupont, directrice de la DINUM",
         "Ouvrir les données", ["Jeanne Dupont"]),
        ("Introduction. Open Data, what else", "Introduction. Open Data, what else", []),
    ],
)
def test_a_person_and_their_role_after_the_full_stop_that_ends_a_title(
        line: str, title: str, names: list) -> None:
    talk = read_title(line)
    assert (talk.title, [s.name for s in talk.speakers]) == (title, names)


@pytest.mark.parametrize(
    ("line", "title", "names"),
    [
        ("Stand Alone **Cloud souverain** avec Jeanne Dupont, cheffe de projet.",
         "Cloud souverain", ["Jeanne Dupont"]),
        ("Keynote Salle Europe - Cross Show sur le partage d’expérience **\"Recruter et garder "
         "les talents\"** avec Paul Martin, directeur du programme",
         "Recruter et garder les talents", ["Paul Martin"]),
        ("Atelier **Cartographie** : découverte des outils", "Atelier Cartographie", []),
    ],
)
def test_the_bold_title_after_the_words_that_say_its_format(line: str, title: str,
                                                           names: list) -> None:
    talk = read_title(line)
    assert (talk.title, [s.name for s in talk.speakers]) == (title, names)


def test_every_person_of_a_panel_credited_after_avec_and_once_each() -> None:
    talk = read_title("Table ronde « Les archives », animée par Jeanne Dupont, directrice – "
                      "DINUM, avec Paul Martin, chef de projet – Ministère de la Culture, et "
                      "Léa Moreau, Léa Moreau, designer – mairie de Lyon")
    assert (talk.title, [s.name for s in talk.speakers]) == (
        "Table ronde « Les archives »", ["Jeanne Dupont", "Paul Martin", "Léa Moreau"])


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Introduction par Jeanne Dupont, CEO de [Acme](https://acme.example)", ["Jeanne Dupont"]),
        ("Keynote, by Jane Doe, CTO of Acme", ["Jane Doe"]),
        ("Mot d'accueil par Paul Martin, Vice-président de la Région", ["Paul Martin"]),
    ],
)
def test_a_role_written_in_capitals_after_a_name_is_no_second_person(
        line: str, names: list) -> None:
    assert [s.name for s in read_title(line).speakers] == names


def test_a_format_word_alone_over_name_dash_title_gives_that_talk(tmp_path: Path) -> None:
    page = """---
title: Journées animation
date: 2025-07-07
---

## Programme

- **14h00 – 15h00** : **Keynote**\\
  *Jeanne Dupont* — *La simulation des fluides*, Télécom Paris
- **15h00 – 15h30** : **Pause café**
"""
    first = page_sessions(tmp_path, page)[0]
    assert (first.title, list(first.speaker_names), first.organisations, first.kind) == (
        "La simulation des fluides", ["Jeanne Dupont"], ("Télécom Paris",), "talk")


def test_a_title_in_two_parts_each_with_its_credit_keeps_both_parts_and_all_speakers() -> None:
    talk = read_title("L'outil de collecte par Jeanne Dupont, cheffe de projet - Programme Atlas "
                      "et retour d'usage dans les ministères par Paul Martin et Anne Roy, "
                      "mission des archives")
    assert (talk.title, [s.name for s in talk.speakers]) == (
        "L'outil de collecte et retour d'usage dans les ministères",
        ["Jeanne Dupont", "Paul Martin", "Anne Roy"])
