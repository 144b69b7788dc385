"""What a page says, found by facet or by words and quoted: its information lines, its
description and its prose passages (`bot.commands.passages`)."""

from __future__ import annotations

from datetime import date

from bot.commands.passages import is_free, said_of_facet, said_of_words, sentences
from bot.programme.model import Event, InfoField, Passage

EVENT = Event(
    "e", "Training", date(2020, 8, 31), date(2020, 9, 2),
    description="L'Institut organise une formation. A welcome session will be held at "
                "8:45 a.m. GMT-5 each day. Attendees must register.",
    info=(InfoField("Modalités", "Entrée libre, inscription obligatoire",
                    "https://tickets.example.org/"),),
    passages=(Passage("Académique : 120 € pour 2 jours. Non-académique : 600 €.", 22),
              Passage("Métros : Olympiades (L14) ou Nationale (L6)", 267),
              Passage("Hôtel ibis : 25 avenue Stephen Pichon, Paris 13e", 275),
              Passage("Vous devrez vous munir de votre ordinateur portable.", 29)))


def test_sentences_of_the_description_and_the_passages_in_page_order() -> None:
    assert sentences(EVENT)[:3] == [
        "L'Institut organise une formation.",
        "A welcome session will be held at 8:45 a.m. GMT-5 each day.",
        "Attendees must register."]
    assert sentences(EVENT)[3] == "Académique : 120 € pour 2 jours."


def test_a_facet_finds_its_lines_and_sentences_in_both_languages() -> None:
    price = said_of_facet(EVENT, "price")
    assert [i.text for i in price.lines] == ["Entrée libre, inscription obligatoire"]
    assert price.sentences == ["Académique : 120 € pour 2 jours.", "Non-académique : 600 €."]
    assert said_of_facet(EVENT, "access").sentences == [
        "Métros : Olympiades (L14) ou Nationale (L6)"]
    assert said_of_facet(EVENT, "registration").sentences == ["Attendees must register."]
    assert said_of_facet(EVENT, "contact").sentences == ["L'Institut organise une formation."]
    assert not said_of_facet(EVENT, "stand")


def test_free_is_said_in_words_not_in_a_price() -> None:
    assert is_free(said_of_facet(EVENT, "price"))  # « Entrée libre »
    paying = Event("p", "P", date(2020, 1, 1), date(2020, 1, 1),
                   passages=(Passage("Free software, 120 € the day.", 1),))
    assert not is_free(said_of_facet(paying, "price"))


def test_words_find_their_twins_in_the_other_language() -> None:
    assert said_of_words(EVENT, "any hotel nearby?").sentences == [
        "Hôtel ibis : 25 avenue Stephen Pichon, Paris 13e"]
    assert said_of_words(EVENT, "what should I bring?").sentences == [
        "Vous devrez vous munir de votre ordinateur portable."]
    assert not said_of_words(EVENT, "is there a Slack?")


def test_a_sentence_that_introduces_a_list_comes_with_it() -> None:
    stands = Event("s", "S", date(2023, 1, 18), date(2023, 1, 18), passages=(
        Passage("Les stands qui seront à votre disposition sont les suivants :", 120),
        Passage("Mission Cloud - DINUM", 121), Passage("FranceConnect - DINUM", 122),
        Passage("S'inscrire", 133),
        Passage("Merci de confirmer votre présence avant le 6 janvier 2023.", 134)))
    assert said_of_facet(stands, "stand").sentences == [
        "Les stands qui seront à votre disposition sont les suivants :",
        "Mission Cloud - DINUM", "FranceConnect - DINUM"]
    assert said_of_facet(stands, "registration").sentences == [
        "S'inscrire", "Merci de confirmer votre présence avant le 6 janvier 2023."]
    assert said_of_words(stands, "is there an accessibility stand?").sentences[:1] == [
        "Les stands qui seront à votre disposition sont les suivants :"]
