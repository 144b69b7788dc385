"""Header words of programme tables in six languages."""

from __future__ import annotations

import pytest

from bot.loaders.page.table_words import header_role


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("Horaire", "time"), ("Heures", "time"), ("Créneaux", "time"), ("Time (GMT-5)", "time"),
        ("TIME (PST)", "time"), ("When", "time"), ("Uhrzeit", "time"), ("Hora", "time"),
        ("Orario", "time"), ("Tijd", "time"),
        ("**Begin**", "start"), ("Début", "start"), ("Inizio", "start"),
        ("Fin", "end"), ("Ende", "end"),
        ("Date", "day"), ("Jour", "day"), ("Datum", "day"), ("Fecha", "day"), ("Giorno", "day"),
        ("Salle", "room"), ("Lieu", "room"), ("Où ?", "room"), ("Raum", "room"),
        ("Zaal", "room"), ("Track", "track"), ("Parcours", "track"),
        ("Intervenant·e·s", "speakers"), ("Intervenants", "speakers"), ("Orateur", "speakers"),
        ("Presenter", "speakers"), ("PRESENTER", "speakers"), ("Host(s)", "speakers"),
        ("Instructor", "speakers"), ("Who", "speakers"), ("Qui", "speakers"),
        ("Sprecher", "speakers"), ("Ponente", "speakers"), ("Relatore", "speakers"),
        ("Spreker", "speakers"),
        ("Organisation", "organisation"), ("Structure", "organisation"),
        ("Affiliation", "organisation"),
        ("Type", "kind"), ("Format", "kind"),
        ("Slides", "material"), ("Links", "material"), ("Vidéo", "material"),
        ("Issue #", "material"),
        ("Détail", "description"), ("Abstract", "description"),
        ("Public", "audience"),
    ],
)
def test_a_header_word_gives_its_role(header: str, role: str) -> None:
    found = header_role(header)
    assert found is not None and found[0] == role


@pytest.mark.parametrize(
    ("header", "strength"),
    [
        ("Titre", "title0"), ("TITLE", "title0"), ("Titel", "title0"), ("Titolo", "title0"),
        ("Título", "title0"),
        ("Sujet", "title1"), ("Topic", "title1"), ("Présentation / démo", "title1"),
        ("Présentation", "title1"), ("Session", "title1"), ("Thématique", "title1"),
        ("Atelier", "title1"), ("Vortrag", "title1"), ("Thema", "title1"),
        ("Ponencia", "title1"), ("Argomento", "title1"), ("Onderwerp", "title1"),
        ("Activité", "title2"), ("What", "title2"), ("Event", "title2"), ("Programme", "title2"),
    ],
)
def test_title_headers_have_a_strength(header: str, strength: str) -> None:
    found = header_role(header)
    assert found is not None and found[0] == strength


def test_presenter_is_a_speaker_and_presentation_a_title() -> None:
    # 'present' matched both once: the presenters were read as titles (c3/47, c3/20)
    assert header_role("Presenter")[0] == "speakers"
    assert header_role("Présentation")[0] == "title1"


def test_words_that_name_no_role() -> None:
    assert header_role("") is None
    assert header_role("Hopper") is None
    assert header_role("Visio 1") == ("room", "visio")  # a video room
    assert header_role("Lundi") is None
    assert header_role("07:30") is None
