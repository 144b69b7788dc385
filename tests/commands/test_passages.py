"""What a page says, found by facet or by words and quoted: its information lines, its
description and its prose passages (`bot.commands.passages`)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import PurePath

from bot.cli.assemble import new_app
from bot.commands.dispatch import handle
from bot.commands.messages import Incoming
from bot.commands.passages import is_free, said_of_facet, said_of_words, sentences
from bot.loaders.files import load_text
from bot.programme.model import Event, InfoField, Link, Passage, Programme
from bot.settings.clock import FixedClock, parse_local
from bot.settings.config import Config

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


REGISTERING = """---
title: Collab Summit
date: 2020-06-22
---

### Registration

Attendees must register [here](https://tickets.example.org/summit?id=42). It is free.

## Agenda

| Time | Session |
|---|---|
| 0900-1000 | Welcome |
"""


def test_a_quoted_sentence_shows_where_its_links_go() -> None:
    events, _problems, _format = load_text(PurePath("summit.md"), REGISTERING)
    found = said_of_facet(events[0], "registration")
    assert found.sentences == ["Attendees must register here.", "It is free."]
    assert found.links_in("Attendees must register here.") == [
        Link("here", "https://tickets.example.org/summit?id=42")]


async def test_a_practical_answer_quotes_the_page_with_its_links() -> None:
    events, _problems, _format = load_text(PurePath("summit.md"), REGISTERING)
    app = new_app(Config(), Programme(tuple(events)),
                  clock=FixedClock(parse_local("2020-06-20 10:00")))
    out = await handle(app, Incoming(text="how do I register?", sender="@a:example.org",
                                     room="!r", addressed=True))
    reply = out[0].reply
    assert "• Attendees must register here (https://tickets.example.org/summit?id=42)." in (
        reply.plain)
    assert '<a href="https://tickets.example.org/summit?id=42">here</a>.' in reply.html


def test_a_heading_that_speaks_of_it_brings_what_is_under_it() -> None:
    page = """---
title: Formation
date: 2020-08-31
---

## Prérequis

Linux, programmation shell, notions de R et Python

## Organisateurs

- Hélène Chiapello
- Julien Seiler

## Programme

- 9h30 : Accueil
- 10h : Introduction à Snakemake
"""
    events, _problems, _format = load_text(PurePath("formation.md"), page)
    assert said_of_words(events[0], "what are the prerequisites?").sentences == [
        "Linux, programmation shell, notions de R et Python"]
    assert said_of_facet(events[0], "contact").sentences == [
        "Hélène Chiapello", "Julien Seiler"]


def test_a_heading_of_the_programme_is_no_topic() -> None:
    page = """---
title: Journées
date: 2024-12-04
---

### 4/12 de 10h à 12h30 : démos

La matinée est consacrée à des démonstrations.

- 10h : Démo
"""
    events, _problems, _format = load_text(PurePath("journees.md"), page)
    assert [p.section for p in events[0].passages] == [""]
    assert not said_of_facet(events[0], "hours")


def test_a_short_word_finds_itself_and_a_long_one_no_shorter_start_than_six_letters() -> None:
    page = Event("e", "Journée", date(2023, 1, 18), date(2023, 1, 18), passages=(
        Passage("Les stands qui seront à votre disposition sont les suivants :", 120),
        Passage("Direction interministérielle du numérique (DINUM)", 51),
        Passage("Les chiens sont acceptés en laisse.", 140)))
    assert said_of_words(page, "on peut venir avec son chien ?").sentences == [
        "Les chiens sont acceptés en laisse."]  # « son » is not « sont »
    assert not said_of_words(page, "y a du wifi ?")  # 'internet' is not « interministérielle »


def test_who_organises_is_the_sentence_of_the_bodies_that_invite() -> None:
    page = Event("e", "Journée", date(2023, 1, 18), date(2023, 1, 18),
                 description="La DINUM et l'ANCT vous convient à la première Journée. "
                             "Le nombre de places est limité.")
    assert said_of_facet(page, "contact").sentences == [
        "La DINUM et l'ANCT vous convient à la première Journée."]


async def test_a_session_found_by_its_description_quotes_the_line_that_says_it() -> None:
    page = """---
title: Journée des territoires
event_start_date: 2023-01-18
---

#### [9h–9h30] Accueil des participants

*Accueil café / petit-déjeuner*

#### [15h–16h30] Forum des collectivités

Les stands :
* Mission Cloud - DINUM
* Design de services numériques / Accessibilité numérique - DINUM
"""
    answer = _asker("territoires.md", page, "2023-01-16 10:00")
    breakfast = await answer("y a un petit-déj ?")
    assert "Accueil des participants" in breakfast
    assert "« Accueil café / petit-déjeuner »" in breakfast
    stand = await answer("is there an accessibility stand?")
    assert "“Design de services numériques / Accessibilité numérique - DINUM”" in stand
    assert "Mission Cloud" not in stand
    forum = await answer("qui parle du forum ?")  # the title says it: nothing quoted
    assert "Forum des collectivités" in forum and "«" not in forum.split("\n", 1)[1]


async def test_no_replay_yet_quotes_what_the_page_says_of_recording() -> None:
    page = ("---\ntitle: Meetup\ndate: 2022-04-12\n---\n\nCome join us for quality talks and "
            "yummy treats - vegan options provided. The talks will be recorded.\n\n"
            "* 19:00 - Welcome\n* 19:10 - Talk 1: WASM with fp-bindgen - Arend\n")
    answer = _asker("meetup.md", page, "2022-04-05 12:00")
    assert await answer("will the talks be recorded?") == (
        "No recording or slides online yet for Meetup.\nThe page says:\n"
        "• The talks will be recorded.")
    assert "vegan options provided" in await answer("is there food?")


async def test_slides_online_but_the_videos_elsewhere_quotes_the_page_on_them() -> None:
    page = ("---\ntitle: Meetup\ndate: 2022-04-12\n---\n\nA link to the recorded sessions "
            "can be found on our channel.\n\n* 19:00 - Welcome\n"
            "* 19:10 - WASM with fp-bindgen - Arend ([slides](https://example.org/wasm.pdf))\n")
    answer = await _asker("meetup.md", page, "2022-04-20 12:00")("is there a recording?")
    assert answer.startswith("Recordings and slides — Meetup:\n• WASM with fp-bindgen")
    assert answer.endswith("\nThe page says:\n"
                           "• A link to the recorded sessions can be found on our channel.")


def _asker(name: str, page: str, now: str) -> Callable[[str], Awaitable[str]]:
    """Questions to the bot that knows only `page` (saved as `name`), at `now` (Paris): each
    answered in plain text, as in a room."""
    events, _problems, _format = load_text(PurePath(name), page)
    app = new_app(Config(), Programme(tuple(events)), clock=FixedClock(parse_local(now)))

    async def answer(text: str) -> str:
        out = await handle(app, Incoming(text=text, sender="@a:example.org", room="!r",
                                         addressed=True))
        return out[0].reply.plain

    return answer
