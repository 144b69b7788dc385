"""Search that knows who is who, on the shipped programmes (data/) and on small ones.

Expected sessions are read from the pages: the 2023 page credits « Direction
interministérielle du numérique » and « Agence Nationale de la Cohésion des Territoires »
in full, the 2024 page writes « DINUM », « ANCT » and « B. Guerry ».
"""

from dataclasses import replace
from datetime import date

import pytest

from bot.loaders.files import load_paths
from bot.programme.aliases import learned_groups, spells
from bot.programme.model import Event, Programme, Session, Speaker
from bot.programme.search import SearchIndex, stem, words
from tests.support.paths import DATA

INDEX = SearchIndex(load_paths([DATA]))


def titles(query: str, limit: int = 20) -> list[str]:
    return [hit.session.title for hit in INDEX.search(query, limit)]


def test_an_acronym_finds_the_organisation_written_in_full_and_back() -> None:
    anct = titles("ANCT")
    assert anct[0].startswith("Grist, votre compagnon open-source")  # R. Serdoun (ANCT), 2024
    assert anct[1].startswith("Contribuer plutôt que de développer")  # 2023, written in full
    assert len(anct) == 2
    assert titles("Agence nationale de la cohésion des territoires") == anct


def test_dinum_finds_every_talk_credited_to_it_most_recent_first() -> None:
    found = titles("DINUM")
    assert found[:2] == [
        "Grist, votre compagnon open-source pour la donnée et pour réaliser des apps en "
        "low-code",
        "Les nouveautés de code.gouv.fr",
    ]
    assert "La stratégie Open Source derrière Albert" in found  # 'Direction interministérielle…'
    assert len(found) == 11


def test_a_person_by_full_name_and_by_initial() -> None:
    expected = {"Les nouveautés de code.gouv.fr",
                "Présentation des actualités de la mission logiciels libres"}
    assert set(titles("Bastien Guerry")) == expected
    assert set(titles("B. Guerry")) == expected


def test_topic_synonyms_from_the_shipped_list() -> None:
    ia = titles("IA")
    assert len(ia) == 2
    assert ia[0].startswith("Building the Next-Gen Visio: How LiveKit and AI")  # 2024
    assert ia[1].startswith("LLaMandement : Grands modèles de langue")  # 2023
    visio = titles("visio")
    assert visio[0].startswith("Building the Next-Gen Visio")
    assert visio[1].startswith("Pour de la visioconférence à grande échelle avec BigBlueButton")
    assert set(titles("accessibilité")) == set(titles("RGAA")) | {
        "Observatoire de l'accessibilité web, quel constat un an après ?"}


def _session(number: int, title: str, section: str = "", org: str | None = None) -> Session:
    return Session(id=f"s{number}", event_id="e", day=date(2025, 3, 1), start=None, end=None,
                   title=title, section=section,
                   speakers=(Speaker(f"Person {number}", org),) if org else ())


def _index(*sessions: Session, description: str = "") -> SearchIndex:
    event = Event("e", "Journée", date(2025, 3, 1), date(2025, 3, 1), description=description,
                  sessions=sessions)
    return SearchIndex(Programme((event,)))


def test_the_heading_a_session_sits_under_counts_for_it() -> None:
    index = _index(_session(1, "Et vous, ça Tchap ?", section="démos de La Suite"),
                   _session(2, "Un numérique responsable"))
    assert [h.session.id for h in index.search("la suite")] == ["s1"]


def test_a_word_in_two_fields_of_a_session_counts_with_the_heavier() -> None:
    # 'Grist' is the organisation (2.0) of s1 and s3, and in the descriptions (0.5) of s1
    # and s2: s1 counts it as an organisation, four times s2.
    one = replace(_session(1, "Tableurs partagés", org="Grist"), description="Grist pour tous")
    two = replace(_session(2, "Autre chose"), description="grist aussi")
    index = _index(one, two, _session(3, "Données", org="Grist"))
    scores = {hit.session.id: hit.score for hit in index.search("grist")}
    assert scores["s1"] == pytest.approx(4 * scores["s2"])
    assert scores["s3"] == pytest.approx(scores["s1"])


def test_a_title_holding_a_null_character_keeps_its_words_and_the_next_title_its_own() -> None:
    # The index reads every title of the programme in one text, a null character between
    # two: one inside a title is read as a space, not as the start of the next title.
    index = _index(_session(1, "Grist\x00Tchap"), _session(2, "Nextcloud"),
                   _session(3, "Visio"))
    assert [h.session.id for h in index.search("tchap")] == ["s1"]
    assert [h.session.id for h in index.search("nextcloud")] == ["s2"]
    assert [h.session.id for h in index.search("visio")] == ["s3"]


def test_sessions_with_every_word_come_first_and_a_common_word_counts_little() -> None:
    common = [_session(i, f"Le numérique pour tous, épisode {i}") for i in range(1, 8)]
    index = _index(*common, _session(8, "Numérique et suite bureautique"),
                   _session(9, "La suite logicielle"))
    assert [h.session.id for h in index.search("suite numérique")][:1] == ["s8"]
    assert {h.session.id for h in index.search("suite")} == {"s8", "s9"}
    # 'numérique' is in 8 of 9 sessions, 'suite' in 2: the rare word decides.
    assert INDEX._rarity(1) == 1.0


def test_acronyms_are_learned_from_the_pages() -> None:
    assert spells("dinum", ("direction", "interministerielle", "numerique"))
    assert not spells("dinum", ("agence", "numerique"))
    assert not spells("anct", ("agence", "nationale"))
    index = _index(
        _session(1, "Un talk", org="Office national des forêts"),
        _session(2, "Un autre", org="ONF"),
        description="Avec l'Office national des forêts (ONF).",
    )
    assert {h.session.id for h in index.search("ONF")} == {"s1", "s2"}
    assert {h.session.id for h in index.search("office national des forets")} == {"s1", "s2"}


def test_a_speaker_credited_with_an_acronym_and_its_name_teaches_it() -> None:
    one = Session(id="a", event_id="e", day=date(2025, 3, 1), start=None, end=None, title="A",
                  speakers=(Speaker("Jeanne Dupont", "Caisse des dépôts et consignations"),))
    two = Session(id="b", event_id="e", day=date(2025, 3, 1), start=None, end=None, title="B",
                  speakers=(Speaker("Jeanne Dupont", "CDC"),))
    event = Event("e", "J", date(2025, 3, 1), date(2025, 3, 1), sessions=(one, two))
    groups = learned_groups(Programme((event,)), words, {})
    assert [("cdc",), ("caisse", "depots", "consignations")] in groups


def test_a_word_finds_the_other_forms_of_its_stem() -> None:
    # 2023: « SWMB, un logiciel libre et modulaire pour sécuriser votre parc Windows »
    swmb = "SWMB, un logiciel libre et modulaire pour sécuriser votre parc Windows"
    assert swmb in titles("sécurité") and swmb in titles("sécurisation")
    # 2022: « … les contributions des étudiants », 2024: « how 2 countries contribute … »
    contributing = titles("contributing")
    assert any(t.startswith("BlueHats Semester Of Code : les contributions") for t in contributing)
    assert any(t.startswith("OpenDesk & La Suite : how 2 countries") for t in contributing)


def test_a_stem_too_short_to_mean_one_thing_joins_nothing() -> None:
    assert stem("securite") == stem("securiser") == stem("securisation") == "secur"
    assert stem("donnees") == stem("donnee") != stem("donner")
    assert stem("cartes") == stem("carte") == "carte"  # not 'cart': carton, cartouche…
    assert stem("mise") is None


def _programme(*titles_and_tracks: tuple[str, str | None]) -> Programme:
    sessions = tuple(Session(id=f"s{n}", event_id="e", day=date(2020, 2, 1), start=None,
                             end=None, title=title, track=track)
                     for n, (title, track) in enumerate(titles_and_tracks))
    return Programme((Event("e", "E", date(2020, 2, 1), date(2020, 2, 1), sessions=sessions),))


def test_an_acronym_matches_whole_words_only_and_a_track_by_its_initials() -> None:
    index = SearchIndex(_programme(
        ("The Ethics Behind Your IoT", None), ("IOTA ledgers", None),
        ("How many engineers does it take", "Internet of Things"),
        ("Janus gateway", "Real Time Communications")))
    assert [h.session.title for h in index.search("IoT")] == [
        "The Ethics Behind Your IoT", "How many engineers does it take"]
    assert [h.session.title for h in index.search("RTC")] == ["Janus gateway"]
    assert [h.session.title for h in index.search("iot")][:1] != ["IOTA ledgers"]


def test_plurals_find_the_singular() -> None:
    index = SearchIndex(_programme(("Opening Ceremony", None), ("Game show", None)))
    assert [h.session.title for h in index.search("ceremonies")] == ["Opening Ceremony"]
    assert [h.session.title for h in index.search("shows")] == ["Game show"]


def test_a_hit_says_when_it_matches_only_part_of_the_words() -> None:
    index = SearchIndex(_programme(("Brussels by night", None)))
    assert [h.partial for h in index.search("weather Brussels")] == [True]
    assert [h.partial for h in index.search("Brussels night")] == [False]


def test_an_acronym_written_in_the_plural_finds_the_acronym() -> None:
    index = SearchIndex(_programme(("Interfacer DS avec l'API", None),
                                   ("Capistrano deployments", None)))
    assert [h.session.title for h in index.search("APIs")] == ["Interfacer DS avec l'API"]


def test_a_name_inside_a_longer_name_still_finds_its_concept() -> None:
    # The track is a concept of its own (its initials, CICD); 'continuous deployment' in
    # it is still the shipped topic « intégration continue » that 'CI/CD' names.
    index = SearchIndex(_programme(
        ("Continuous Delivery starts with Continuous Infrastructure",
         "Continuous Integration and Continuous Deployment"),
        ("Kernel news", "Kernel")))
    assert [h.session.title for h in index.search("CI/CD")] == [
        "Continuous Delivery starts with Continuous Infrastructure"]


def test_a_french_word_in_re_finds_its_english_form_in_er() -> None:
    index = SearchIndex(_programme(("Intervention du Ministre de la Fonction publique", None),
                                   ("Les membres du centre", None), ("Votre entrée", None)))
    assert [h.session.title for h in index.search("minister")] == [
        "Intervention du Ministre de la Fonction publique"]
    assert [h.session.title for h in index.search("center members")] == [
        "Les membres du centre"]
    assert stem("votre") == "votre" and stem("entre") == "entre"  # too short to be cognates
