"""Every slot honoured in combination, French and English, at fixed clocks, with the exact
answers the conference of `tests/commands/conference.py` calls for (its docstring is the
programme the expected answers are read from)."""

from __future__ import annotations

import pytest

from bot.cli.assemble import new_app
from bot.commands.dispatch import handle
from bot.commands.intents import BY_COMMAND, ROWS, TABLE
from bot.commands.messages import Incoming
from bot.settings.clock import FixedClock, parse_local
from bot.settings.config import Config
from bot.understanding import INTENTS
from tests.commands.conference import conference

PROGRAMME = conference()


async def ask(when: str, text: str) -> str:
    app = new_app(Config(), PROGRAMME, clock=FixedClock(parse_local(when)))
    out = await handle(app, Incoming(text=text, sender="@a:example.org", room="!r",
                                     addressed=True))
    return "\n\n".join(o.reply.plain for o in out)


CASES = [
    ("topic, kind, room", "2025-06-12 09:00", "des ateliers sur Grist en salle B ?",
     "« Grist » :\n"
     "• Bob Durand (DINUM) — Atelier Grist\n"
     "jeudi 12 juin 2025, 10 h – 11 h, Salle B · Rencontre Logiciels Libres 2025 · a00003\n"
     "• Anne Martin (ANCT) — Grist avancé\n"
     "jeudi 12 juin 2025, 15 h – 16 h, Salle B · Rencontre Logiciels Libres 2025 · a00006"),
    ("topic, room, day: the day let go and said", "2025-06-12 09:00",
     "Grist en Amphi A vendredi ?",
     "« Grist » :\n"
     "Rien sur « Grist » le vendredi 13 juin ; à un autre moment :\n"
     "• Anne Martin (ANCT) — Grist pour les collectivités\n"
     "jeudi 12 juin 2025, 10 h – 10 h 45, Amphi A · Rencontre Logiciels Libres 2025 · a00002"),
    ("room, hour, day", "2025-06-10 09:00", "what's in Salle B at 3:30 pm on Thursday?",
     "Programme — Salle B, Thursday 12 June, at 3:30 pm:\n"
     "Thursday 12 June\n3 pm – 4 pm\n"
     "• Grist avancé — Anne Martin (ANCT) · Salle B · a00006"),
    ("kind, next", "2025-06-12 10:30", "next demo?",
     "Coming next — demos:\nThursday 12 June\n11 am – 11:30 am\n"
     "• Démo de Tchap — Chloé Petit (DINUM) · Amphi A · a00004"),
    ("track, now", "2025-06-12 10:20", "il y a quoi en ce moment dans le track Données ?",
     "En ce moment — Données :\nJeudi 12 juin\n10 h – 10 h 45\n"
     "• Grist pour les collectivités — Anne Martin (ANCT) · Amphi A · a00002\n10 h – 11 h\n"
     "• Atelier Grist — Bob Durand (DINUM) · Salle B · a00003"),
    ("past, part of the day, room", "2025-06-12 12:00", "j'ai loupé quoi ce matin en Amphi A ?",
     "Déjà terminé — Amphi A, jeudi 12 juin, le matin :\nJeudi 12 juin\n9 h 30 – 10 h\n"
     "• Accueil café · Amphi A · a00001\n10 h – 10 h 45\n"
     "• Grist pour les collectivités — Anne Martin (ANCT) · Amphi A · a00002\n11 h – 11 h 30\n"
     "• Démo de Tchap — Chloé Petit (DINUM) · Amphi A · a00004"),
    ("person, day", "2025-06-10 09:00", "what is Anne Martin doing on Friday?",
     "“Anne Martin”:\n• Anne Martin (ANCT) — Grist et l'open data\n"
     "Friday 13 June 2025, 10 am – 10:45 am, Salle B · Rencontre Logiciels Libres 2025 · a00008"),
    ("kind, day", "2025-06-10 09:00", "les démos de vendredi ?",
     "Démos :\n• Eva Noor — Démo uMap\n"
     "vendredi 13 juin 2025, 14 h – 14 h 30, Salle B · Rencontre Logiciels Libres 2025 · a00010"),
    ("a kind named in the other language", "2025-06-10 09:00", "la plénière c'est quand ?",
     "Plénières :\n• David Leroy — Keynote : l'État plateforme\n"
     "jeudi 12 juin 2025, 14 h – 14 h 45, Amphi A · Rencontre Logiciels Libres 2025 · a00005"),
    ("topic, track, day", "2025-06-10 09:00",
     "qui parle de uMap dans le track Cartographie vendredi ?",
     "« uMap » :\n• Eva Noor — Démo uMap\n"
     "vendredi 13 juin 2025, 14 h – 14 h 30, Salle B · Rencontre Logiciels Libres 2025 · a00010"),
    ("count in a room", "2025-06-10 09:00", "how many sessions in Salle B?",
     "Rencontre Logiciels Libres 2025\n4 sessions over 2 days:\n"
     "• Thursday 12 June: 2 sessions\n• Friday 13 June: 2 sessions"),
    ("an hour of the afternoon without pm", "2025-06-10 09:00", "what's on at 2:15 on Thursday?",
     "Thursday 12 June at 2:15 pm\n"
     "• 2 pm – 2:45 pm · Keynote : l'État plateforme — David Leroy · Amphi A · a00005"),
    ("next, after the event: the tense let go and said", "2025-06-20 09:00",
     "next talk by Anne Martin?",
     "“Anne Martin”:\nNothing on “Anne Martin” still to come; at other times:\n"
     "• Anne Martin (ANCT) — Grist et l'open data\n"
     "Friday 13 June 2025, 10 am – 10:45 am (over), Salle B · Rencontre Logiciels Libres 2025 · "
     "a00008\n• Anne Martin (ANCT) — Grist avancé\n"
     "Thursday 12 June 2025, 3 pm – 4 pm (over), Salle B · Rencontre Logiciels Libres 2025 · "
     "a00006\n• Anne Martin (ANCT) — Grist pour les collectivités\n"
     "Thursday 12 June 2025, 10 am – 10:45 am (over), Amphi A · Rencontre Logiciels Libres "
     "2025 · a00002"),
    ("a slot the answer cannot use is said", "2025-06-10 09:00", "y a une pause en salle B ?",
     "(je n'ai pas pu tenir compte de : en Salle B)\nRencontre Logiciels Libres 2025\n"
     "• Jeudi 12 juin, 9 h 30 – 10 h · Accueil café · Amphi A · a00001"),
]


SPEAKERS = [
    ("speakers of the coming event", "2025-06-10 09:00", "qui sont les intervenants ?",
     "Rencontre Logiciels Libres 2025 (jeudi 12 juin – vendredi 13 juin 2025)\n"
     "Intervenants (5) :\n"
     "• Anne Martin (ANCT) — Grist pour les collectivités (jeudi 12 juin, 10 h) ; Grist avancé "
     "(jeudi 12 juin, 15 h) ; Grist et l'open data (vendredi 13 juin, 10 h)\n"
     "• Bob Durand (DINUM) — Atelier Grist (jeudi 12 juin, 10 h)\n"
     "• Chloé Petit (DINUM) — Démo de Tchap (jeudi 12 juin, 11 h)\n"
     "• David Leroy — Keynote : l'État plateforme (jeudi 12 juin, 14 h)\n"
     "• Eva Noor — uMap en 5 minutes (jeudi 12 juin, 16 h) ; Démo uMap (vendredi 13 juin, 14 h)"),
    ("how many speakers", "2025-06-12 12:00", "combien d'intervenants vendredi ?",
     "Rencontre Logiciels Libres 2025 (jeudi 12 juin – vendredi 13 juin 2025)\n"
     "Intervenants (2) — vendredi 13 juin :\n"
     "• Anne Martin (ANCT) — Grist et l'open data (vendredi 13 juin, 10 h)\n"
     "• Eva Noor — Démo uMap (vendredi 13 juin, 14 h)"),
    ("speakers of a day, in English", "2025-06-10 09:00", "who is speaking on Friday?",
     "Rencontre Logiciels Libres 2025 (Thursday 12 June – Friday 13 June 2025)\n"
     "Speakers (2) — Friday 13 June:\n"
     "• Anne Martin (ANCT) — Grist et l'open data (Friday 13 June, 10 am)\n"
     "• Eva Noor — Démo uMap (Friday 13 June, 2 pm)"),
    ("speakers of a kind", "2025-06-10 09:00", "les intervenants des ateliers ?",
     "Rencontre Logiciels Libres 2025 (jeudi 12 juin – vendredi 13 juin 2025)\n"
     "Intervenants (2) — ateliers :\n"
     "• Bob Durand (DINUM) — Atelier Grist (jeudi 12 juin, 10 h)\n"
     "• Anne Martin (ANCT) — Grist avancé (jeudi 12 juin, 15 h)"),
    ("sessions that name nobody", "2025-06-10 09:00", "qui intervient à la table ronde ?",
     "Rencontre Logiciels Libres 2025 (jeudi 12 juin – vendredi 13 juin 2025)\n"
     "Intervenants — tables rondes :\n"
     "Le programme ne nomme aucun intervenant."),
]


async def test_breaks_keep_the_day_and_the_part_of_the_day_asked() -> None:
    assert await ask("2025-06-10 09:00", "y a-t-il une pause jeudi matin ?") == (
        "Rencontre Logiciels Libres 2025\n"
        "• Jeudi 12 juin, 9 h 30 – 10 h · Accueil café · Amphi A · a00001")
    assert await ask("2025-06-10 09:00", "is there a break on Friday?") == (
        "Rencontre Logiciels Libres 2025\n"
        "Nothing on Friday 13 June; at other times:\n"
        "• Thursday 12 June, 9:30 am – 10 am · Accueil café · Amphi A · a00001")


@pytest.mark.parametrize(("when", "text", "answer"), [case[1:] for case in SPEAKERS],
                         ids=[case[0] for case in SPEAKERS])
async def test_who_speaks_lists_each_person_once_with_what_they_present(
        when: str, text: str, answer: str) -> None:
    assert await ask(when, text) == answer


@pytest.mark.parametrize(("when", "text", "answer"), [case[1:] for case in CASES],
                         ids=[case[0] for case in CASES])
async def test_slots_combine(when: str, text: str, answer: str) -> None:
    assert await ask(when, text) == answer


async def test_practical_questions_quote_the_page() -> None:
    assert await ask("2025-06-10 09:00", "c'est gratuit ?") == (
        "Rencontre Logiciels Libres 2025\nJeudi 12 juin – vendredi 13 juin 2025\n"
        "Oui, c'est gratuit.\n• L'entrée est gratuite, sur inscription avant le 5 juin.")
    assert await ask("2025-06-10 09:00", "how do I get there?") == (
        "Rencontre Logiciels Libres 2025\nThursday 12 June – Friday 13 June 2025\n"
        "Venue: Maison des associations, 10 rue des Lilas, 75012 Paris\n"
        "• Métro : Gare de Lyon (ligne 1).")
    assert await ask("2025-06-10 09:00", "is there wifi?") == (
        "Rencontre Logiciels Libres 2025\nThursday 12 June – Friday 13 June 2025\n"
        "• Le wifi est ouvert à tous.")
    assert (await ask("2025-06-10 09:00", "c'est quoi le site ?")).endswith(
        "• https://rll.example.org/2025")


async def test_something_else_entirely_gets_what_the_bot_answers_about() -> None:
    assert await ask("2025-06-10 09:00", "what's the weather like?") == (
        "I find nothing about “weather like” in the programmes. I answer questions about the "
        "events' programme: sessions, speakers, rooms, times, practical information. Ask me "
        "for instance: “tomorrow's program”, “who talks about Grist?”, “where is it?”, "
        "“next talks” — or type !help.")
    assert (await ask("2025-06-10 09:00", "qui parle de météo ?")).startswith(
        "Personne ne parle de « météo »")


async def test_words_no_session_has_but_the_page_has_are_quoted_from_it() -> None:
    # The conference's only mention of the Gare de Lyon is in its access passage.
    assert await ask("2025-06-10 09:00", "quelque chose sur la gare de Lyon ?") == (
        "Aucune session sur « gare de Lyon » ; la page de « Rencontre Logiciels Libres 2025 » "
        "en dit :\n• Métro : Gare de Lyon (ligne 1).")


def test_every_intent_has_one_row_and_every_command_row_a_command() -> None:
    assert [row.name for row in TABLE] == list(ROWS) and set(ROWS) == set(INTENTS)
    commands = new_app(Config(), PROGRAMME).commands.commands
    assert all(row.command in commands for row in BY_COMMAND.values())
    assert all((row.command is None) != (row.answer is None) for row in TABLE)
