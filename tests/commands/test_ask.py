"""Plain questions answered without a command, at fixed clocks, on the shipped programmes.

Expected answers are written from the pages in data/: the 2022 page's « 12h50-14h : Pause
déjeuner », the 2024 demos « 4/12 de 10h à 12h30 » in salle Ada Lovelace, the 2023 page's
« stand interministériel L57 » and « Horaires : 9h-18h », the 2019 venue in Aubervilliers.
"""

import re
from pathlib import PurePath

import pytest

from bot.cli.assemble import command_table, new_app
from bot.commands.dispatch import handle
from bot.commands.messages import Incoming
from bot.loaders.files import load_paths, load_text
from bot.programme.model import Programme
from bot.settings.clock import FixedClock, parse_local
from bot.settings.config import CommandsConfig, Config
from bot.storage import Storage
from tests.commands.test_commands import PROGRAMME
from tests.support.paths import CONSTRUCT_PAGES, DATA


async def ask(when: str, text: str, config: Config | None = None,
              programme: Programme = PROGRAMME) -> str:
    app = new_app(config or Config(), programme, clock=FixedClock(parse_local(when)))
    out = await handle(app, Incoming(text=text, sender="@a:example.org", room="!r",
                                     addressed=True))
    assert len(out) == 1
    return out[0].reply.plain


async def test_lunch_break() -> None:
    assert await ask("2022-11-08 11:00", "y a une pause déjeuner ?") == (
        "Journée BlueHats lors du salon Open Source Experience 2022 (en cours)\n"
        "• Mardi 8 novembre, 12 h 50 – 14 h · Pause déjeuner · salle 252B · 80c2ec")
    assert (await ask("2022-11-08 11:00", "when is lunch?")).endswith(
        "• Tuesday 8 November, 12:50 pm – 2 pm · Pause déjeuner · room 252B · 80c2ec")


async def test_start_and_end_of_the_day() -> None:
    assert await ask("2024-12-04 08:30", "à quelle heure ça commence ?") == (
        "Ça commence à 10 h, mercredi 4 décembre (Journées BlueHats au salon Open Source "
        "Experience 2024) :\n10 h – 12 h 30 · Et vous, ça Tchap ? — R. Allouche · salle Ada "
        "Lovelace · 5e349d")
    assert (await ask("2024-12-04 08:30", "what time does it end?")).startswith(
        "It ends at 5:20 pm, Wednesday 4 December (Journées BlueHats au salon Open Source "
        "Experience 2024):\n5 pm – 5:20 pm · Les nouveautés de code.gouv.fr")


async def test_what_is_on_at_an_hour() -> None:
    answer = await ask("2023-12-07 10:00", "il se passe quoi à 16h ?")
    assert answer.splitlines()[0] == "Jeudi 7 décembre à 16 h"
    assert "Interopérer les logiciels des SAMU" in answer.splitlines()[1]
    assert "Florent Fayolle" in answer.splitlines()[2]
    assert len(answer.splitlines()) == 3  # SWMB, at 14 h, is not on at 16 h


async def test_price_in_french_and_english() -> None:
    assert await ask("2024-12-03 10:00", "is it free?") == (
        "Journées BlueHats au salon Open Source Experience 2024\n"
        "Wednesday 4 December – Thursday 5 December 2024\n"
        "Yes, it is free.\n"
        "• Inscription: S'inscrire (gratuit) (https://www.opensource-experience.com/creer-mon-"
        "badge/?payment_promo_code=E-DINUMOSXP24&utm_source=email&utm_medium=email&utm_campaign"
        "=dinum)")
    assert "Oui, c'est gratuit." in await ask("2024-12-01 10:00", "c'est gratuit ?")


async def test_a_past_venue_says_it_is_past() -> None:
    answer = await ask("2026-06-01 10:00", "c'était où en 2019 ?")
    assert answer.splitlines()[:3] == [
        "Journée #BlueHats lors du Paris Open Source Summit 2019 (événement passé)",
        "Mercredi 11 décembre 2019",
        "Lieu : Paris Open Source Summit au dock Pullmann, 87, avenue des magasins généraux, "
        "93300 Aubervilliers",
    ]


async def test_stand_and_rooms_from_the_event_text() -> None:
    assert (await ask("2023-12-06 10:00", "le stand c'est lequel ?")).endswith(
        "• Au programme, des conférences thématiques sur le stand interministériel L57, "
        "regroupant la DINUM, le ministère de l'Intérieur et des Outre-Mer et la DGSE.")
    assert await ask("2024-12-04 09:00", "c'était dans quelle salle en 2022 ?") == (
        "Journée BlueHats lors du salon Open Source Experience 2022 (événement passé)\n"
        "Mardi 8 novembre 2022\nSalle : 252B\n"
        "• Inscrivez-vous gratuitement au salon Open Source Experience "
        "(https://www.opensource-experience.com/creer-mon-badge/) et retrouvez-nous le "
        "8 novembre en salle 252B… ou en suivant les chapeaux bleus.")


async def test_hours_from_the_page_or_from_the_programme() -> None:
    assert (await ask("2023-12-06 08:00", "horaires ?")).endswith("• Horaires : 9h-18h")
    assert (await ask("2024-12-04 08:00", "horaires ?")).endswith(
        "• Mercredi 4 décembre : 10 h – 17 h 20")


async def test_sessions_of_a_kind() -> None:
    answer = await ask("2024-12-03 18:00", "les démos c'est quand ?")
    lines = answer.splitlines()
    assert lines[0] == "Démos :"
    assert lines[1] == "• R. Allouche — Et vous, ça Tchap ?"
    assert lines[2] == ("mercredi 4 décembre 2024, 10 h – 12 h 30, salle Ada Lovelace · "
                        "Journées BlueHats au salon Open Source Experience 2024 · 5e349d")
    assert len(lines) == 1 + 2 * 7  # the seven demos of La Suite


async def test_greetings_thanks_and_reminder_help_name_the_configured_prefix() -> None:
    question = Config(commands=CommandsConfig(prefix="?"))
    assert await ask("2024-12-04 09:00", "bonjour", question) == (
        "Bonjour ! Je connais le programme des événements BlueHats : sessions, intervenants, "
        "salles, horaires et infos pratiques. Demandez-moi par exemple : « programme de "
        "demain », « qui parle de Grist ? », « c'est où ? », « prochains talks » — ou tapez ?aide.")
    assert (await ask("2024-12-04 09:00", "thanks!")).startswith("You're welcome! Ask me")
    assert await ask("2024-12-04 10:00", "comment je fais pour avoir un rappel ?", question) == (
        "Pour un rappel en message privé avant une session : ?rappel <id de session | mots>, "
        "par exemple ?rappel grist. Je vous écris avant qu'elle commence.")


@pytest.mark.parametrize(("sentence", "command"), [
    ("programme de demain", "!programme demain"),
    ("quel est le programme de jeudi ?", "!programme jeudi"),
    ("programme 2023", "!programme 2023"),
    ("what's the programme for tomorrow?", "!program tomorrow"),
    ("le programme du 7 décembre", "!programme 7 décembre"),
    ("qui parle de grist ?", "!qui grist"),
    ("prochains talks", "!prochains"),
])
async def test_a_sentence_and_its_command_give_the_same_answer(sentence: str, command: str) -> None:
    assert await ask("2023-12-06 18:30", sentence) == await ask("2023-12-06 18:30", command)


async def test_a_typo_in_a_command_gets_a_suggestion() -> None:
    assert await ask("2024-12-04 09:00", "!progamme") == (
        "Commande inconnue : !progamme. Vouliez-vous dire !programme ? Sinon, essayez !aide.")
    assert await ask("2024-12-04 09:00", "!frobnicate") == (
        "Commande inconnue : !frobnicate. Essayez !aide.")


async def test_past_event_programme_points_to_the_next() -> None:
    assert (await ask("2024-12-04 09:00", "programme 2023")).endswith(
        "Cet événement est passé. Le prochain : Journées BlueHats au salon Open Source "
        "Experience 2024 (mercredi 4 décembre – jeudi 5 décembre 2024)")


async def test_with_prefix_question_mark_no_reply_names_a_command_with_a_bang(tmp_path) -> None:
    """Every command, with no argument and with a typical one, and a few sentences, in a room
    configured with prefix '?': no reply tells people to type '!…'."""
    names = sorted({n for c in command_table().commands.values()
                    for ns in c.names.values() for n in ns})
    known = "|".join(sorted(names, key=len, reverse=True))
    storage = await Storage.open(tmp_path / "bot.db")
    config = Config(commands=CommandsConfig(prefix="?"))
    app = new_app(config, PROGRAMME, clock=FixedClock(parse_local("2024-12-04 09:00")),
              storage=storage)
    bang = re.compile(rf"!(?:{known})\b")
    try:
        texts = [f"?{n}{a}" for n in names for a in ("", " grist", " 1")]
        texts += ["bonjour", "aide", "rappel ?", "c'est où ?", "?progamme", "?zzz"]
        for text in texts:
            for direct in (True, False):
                out = await handle(app, Incoming(text=text, sender="@a:example.org",
                                                 room="!r", is_direct=direct, addressed=True))
                for message in out:
                    assert not bang.search(message.reply.plain), (text, message.reply.plain)
    finally:
        await storage.close()


async def test_programme_of_an_event_named_by_words_or_acronym() -> None:
    for text in ("programme du paris open source summit", "programme POSS", "!programme poss"):
        assert (await ask("2024-12-04 09:00", text)).startswith(
            "Journée #BlueHats lors du Paris Open Source Summit 2019 (mercredi 11 décembre 2019)")
    assert (await ask("2024-12-04 09:00", "programme de Bastien Guerry")).startswith(
        "« Bastien Guerry » :\n• B. Guerry (code.gouv.fr (DINUM)) — Les nouveautés de "
        "code.gouv.fr")


async def test_when_is_an_event_and_where_is_an_event_named_by_words() -> None:
    assert await ask("2023-11-01 09:00", "c'est quelle date l'open source experience ?") == (
        "La DINUM à l'Open Source Experience\nMercredi 6 décembre – jeudi 7 décembre 2023")
    assert await ask("2025-06-01 09:00", "c'est quand la prochaine édition ?") == (
        "Journées BlueHats au salon Open Source Experience 2024 (événement passé)\n"
        "Mercredi 4 décembre – jeudi 5 décembre 2024\n"
        "Aucun événement à venir n'est annoncé pour l'instant.")
    assert (await ask("2024-12-04 09:00", "c'est où le POSS ?")).splitlines()[2] == (
        "Lieu : Paris Open Source Summit au dock Pullmann, 87, avenue des magasins généraux, "
        "93300 Aubervilliers")


async def test_an_exact_word_of_a_title_beats_the_start_of_a_name() -> None:
    answer = await ask("2023-12-07 09:00", "c'est quoi le talk sur le SAMU ?")
    assert answer.splitlines()[1].startswith("• Romain Fouilland (Agence du Numérique en Santé)")


async def test_a_day_with_no_event_names_the_next_one() -> None:
    assert await ask("2024-12-03 09:00", "qu'est-ce qu'il y a aujourd'hui ?") == (
        "Aucun événement le mardi 3 décembre 2024. Le prochain : Journées BlueHats au salon "
        "Open Source Experience 2024 (mercredi 4 décembre – jeudi 5 décembre 2024)")


async def test_a_year_picks_the_event_among_those_words_name() -> None:
    assert (await ask("2024-12-04 09:00", "Où a lieu la journée BlueHats 2023 ?")).startswith(
        "La DINUM à l'Open Source Experience (événement passé)\n"
        "Mercredi 6 décembre – jeudi 7 décembre 2023\n"
        "Lieu : Palais des Congrès, 2 Place de la Porte Maillot – 75017 Paris")
    assert await ask("2024-12-04 09:00", "c'est quand la journée bluehats 2022 ?") == (
        "Journée BlueHats lors du salon Open Source Experience 2022 (événement passé)\n"
        "Mardi 8 novembre 2022")


async def test_now_said_la_and_the_next_talk_of_an_organisation() -> None:
    assert (await ask("2024-12-04 14:30", "c'est qui qui parle là ?")).startswith(
        "En ce moment\n14 h 20\n• Grist, votre compagnon open-source")
    answer = await ask("2024-12-04 14:30", "le prochain talk de la DINUM")
    assert answer.splitlines()[1] == (
        "• B. Guerry (code.gouv.fr (DINUM)) — Les nouveautés de code.gouv.fr")  # 17 h, to come


async def test_a_search_narrowed_to_nothing_shows_the_rest_and_says_so() -> None:
    lines = (await ask("2024-12-04 09:00", "qui parle de grist en 2019 ?")).splitlines()
    assert lines[:3] == ["« grist » :", "Rien sur « grist » en 2019 ; à un autre moment :",
                         "• R. Serdoun (ANCT), V. Viers (DINUM) — Grist, votre compagnon "
                         "open-source pour la donnée et pour réaliser des apps en low-code"]
    in_2023 = (await ask("2024-12-04 09:00", "qui parlait de grist en 2023 ?")).splitlines()
    assert in_2023[1].startswith("• Ariane Rose")
    assert len(in_2023) == 3  # the 2023 talk only


async def test_a_room_in_a_part_of_the_day() -> None:
    # The afternoon's sessions of the room, not what is on at noon (the morning's demos).
    answer = await ask("2024-12-04 09:00", "y a quoi dans la salle Ada Lovelace cet après-midi ?")
    lines = answer.splitlines()
    assert lines[:4] == [
        "Programme — salle Ada Lovelace, mercredi 4 décembre, l'après-midi :",
        "Mercredi 4 décembre", "13 h 40 – 14 h",
        "• OpenNebula: un hyperviseur alternatif libre, 10 années d'usage au PCLL — G. "
        "Grandgérard (PCLL (MENJS)), D. Dehennin (PCLL (MENJS)) · salle Ada Lovelace · 77bbc4",
    ]
    assert lines[-1] == ("• Les nouveautés de code.gouv.fr — B. Guerry (code.gouv.fr (DINUM)) · "
                         "salle Ada Lovelace · 64b73f")
    assert len(lines) == 18  # 8 sessions, each under its time


@pytest.mark.parametrize("text", ["y a une pause ?", "à 16h ?", "ça commence quand ?",
                                  "c'est où ?", "les démos ?", "horaires ?"])
async def test_with_no_event_at_all_the_answer_says_so(text: str) -> None:
    app = new_app(Config(), Programme(), clock=FixedClock(parse_local("2030-01-01 09:00")))
    out = await handle(app, Incoming(text=text, sender="@a:example.org", room="!r",
                                     addressed=True))
    assert out[0].reply.plain in (
        "Je ne trouve pas d'événement pour cela. Essayez !evenements.",
        "Aucune session de ce type dans les programmes connus.")


async def test_a_room_command_reads_an_hour_among_its_arguments() -> None:
    assert (await ask("2024-12-04 09:00", "!salle ada 15h")).splitlines()[:3] == [
        "Salle Ada Lovelace, mercredi 4 décembre à 15 h", "À 15 h :", "15 h"]
    assert (await ask("2024-12-04 09:00", "!salle ada 15h")) == (
        await ask("2024-12-04 09:00", "qu'est-ce qu'il y a en salle Ada Lovelace à 15h ?"))


async def test_how_many_sessions_on_a_day_and_how_many_are_to_come() -> None:
    # 2024 page: 7 demos in the morning and 8 talks from 13 h 40 to 17 h, all on 4 December;
    # at 14 h 05, those at 14 h 20, 15 h, 15 h 20, 15 h 40, 16 h 20 and 17 h are to come.
    assert await ask("2024-12-04 14:05", "combien de sessions aujourd'hui ?") == (
        "Journées BlueHats au salon Open Source Experience 2024 (en cours)\n"
        "Mercredi 4 décembre : 15 sessions, dont 6 à venir.")
    # 'talks' are the 8 talks, not the demos
    assert await ask("2024-12-04 14:05", "how many talks today?") == (
        "Journées BlueHats au salon Open Source Experience 2024 (on now)\n"
        "Wednesday 4 December: 8 talks, 6 still to come.")
    assert await ask("2024-12-04 14:05", "y a combien de talks demain ?") == (
        "Journées BlueHats au salon Open Source Experience 2024 (en cours)\n"
        "Jeudi 5 décembre : 0 présentation.")


async def test_how_many_of_a_kind_and_over_the_days_of_an_event() -> None:
    assert await ask("2024-12-03 10:00", "y a combien de démos ?") == (
        "Journées BlueHats au salon Open Source Experience 2024\n7 démos, mercredi 4 décembre.")
    # 2023 page: 13 talks on 6 December (14 h, 15 h, 16 h: 3 each; 17 h: 4), 11 on the 7th.
    assert await ask("2024-12-04 14:05", "combien de talks en 2023 ?") == (
        "La DINUM à l'Open Source Experience (événement passé)\n"
        "24 présentations sur 2 jours :\n"
        "• Mercredi 6 décembre : 13 présentations\n"
        "• Jeudi 7 décembre : 11 présentations")
    # 2022 page: 20 items, one of them the lunch break, which is not counted as a session.
    assert await ask("2022-11-01 10:00", "how many sessions?") == (
        "Journée BlueHats lors du salon Open Source Experience 2022\n"
        "19 sessions, Tuesday 8 November.")


SERIES = load_paths([CONSTRUCT_PAGES / "serie.md", DATA])
GRIST, NEXTCLOUD = (next(s.id for s in SERIES.sessions if s.title == title)
                    for title in ("Présentation de Grist", "Retour d'expérience sur Nextcloud"))


async def test_replays_of_a_subject_and_of_the_latest_event_that_has_some() -> None:
    # serie.md: « 12 mars 2024 : Présentation de Grist ([revoir](https://video.example/grist)) »
    # and « 5 mars 2024 : Retour d'expérience sur Nextcloud ([revoir](…/nc)) »; the visio
    # link of 20 February is where to watch it live, not a replay. data/ has no replay.
    # In time order.
    app_config = Config()
    asked = await ask("2024-04-02 10:00", "je peux revoir la présentation sur Grist ?",
                      app_config, SERIES)
    assert asked == ("Vidéos et supports — « Grist » :\n"
                     "• Présentation de Grist — mardi 12 mars 2024 : vidéo "
                     f"(https://video.example/grist) · {GRIST}")
    assert await ask("2024-04-02 10:00", "any recordings?", app_config, SERIES) == (
        "Recordings and slides — Les ateliers du mardi:\n"
        "• Retour d'expérience sur Nextcloud — Tuesday 5 March 2024: recording "
        f"(https://video.example/nc) · {NEXTCLOUD}\n"
        "• Présentation de Grist — Tuesday 12 March 2024: recording "
        f"(https://video.example/grist) · {GRIST}")


async def test_no_replay_is_said_and_au_revoir_is_not_a_replay() -> None:
    assert await ask("2024-12-05 10:00", "y a des replays ?") == (
        "Pas encore de vidéo ni de support en ligne pour Journées BlueHats au salon Open "
        "Source Experience 2024.")
    assert (await ask("2024-12-05 10:00", "au revoir")).startswith("Avec plaisir !")
    assert (await ask("2024-12-05 10:00", "qui parle de vidéo ?")).startswith("« vidéo » :")


async def test_a_practical_word_no_session_has_is_looked_for_in_the_event_page() -> None:
    # 2024 page front matter: « Où nous trouver : … « village du secteur public », stands
    # A12-A14, les 4 et 5 décembre »; no session speaks of a village.
    assert await ask("2024-12-04 10:00", "y a un village ?") == (
        "Journées BlueHats au salon Open Source Experience 2024 (en cours)\n"
        "Mercredi 4 décembre – jeudi 5 décembre 2024\n"
        "• Où nous trouver : Présentations en salle Ada Lovelace (mezzanine) le 4 décembre ; "
        "« village du secteur public », stands A12-A14, les 4 et 5 décembre\n"
        "• Les 4 et 5 décembre, retrouvez ces organismes publics au « village du secteur "
        "public » stands A12-A14 :\n"
        # the list under the heading « Les administrations à retrouver au « village du
        # secteur public » », each with the address its acronym links to
        "• Agence nationale de la sécurité des systèmes d'information (ANSSI "
        "(https://cyber.gouv.fr/))\n"
        "• Direction générale des Finances publiques (DGFiP "
        "(https://www.economie.gouv.fr/dgfip), Nubo)\n"
        "• Direction interministérielle du numérique (DINUM (https://www.numerique.gouv.fr/), "
        "La Suite, code.gouv.fr)\n"
        "• France Travail (francetravail.io)\n"
        "• Institut national de l'information géographique et forestière (IGN "
        "(https://www.ign.fr/))\n"
        "• Ministère de l'Intérieur (MI (https://www.interieur.gouv.fr), Cloud PI)\n"
        "• Ministère de l'enseignement supérieur et de la recherche (MESR "
        "(https://www.enseignementsup-recherche.gouv.fr/fr))\n"
        "• Ministère de l'Éducation nationale (MENJ (https://www.education.gouv.fr/))\n"
        "• Ville de Paris (OSPO (https://opensource.paris.fr))")
    # Nothing says « vestiaire » in the 2019 page: it says so, then what it does say.
    cloakroom = (await ask("2019-12-11 10:00", "il y a un vestiaire ?")).splitlines()
    assert cloakroom[:3] == [
        "Journée #BlueHats lors du Paris Open Source Summit 2019 (en cours)",
        "Mercredi 11 décembre 2019",
        "Ni le programme ni la page ne parlent de « vestiaire » ; voici ses informations "
        "pratiques :"]
    assert cloakroom[3].startswith("Lieu : Paris Open Source Summit au dock Pullmann")


async def test_a_question_for_speakers_or_a_command_still_says_nobody_speaks_of_it() -> None:
    nobody = ("Personne ne parle de « wifi » dans les programmes connus. Essayez par exemple "
              "!qui grist.")
    assert await ask("2024-12-04 10:00", "qui parle de wifi ?") == nobody
    assert await ask("2024-12-04 10:00", "!qui wifi") == nobody


async def test_start_and_end_of_a_part_of_the_day() -> None:
    # 2024 page: demos « 4/12 de 10h à 12h30 », then talks from « 13h40-14h » to « 17h-17h20 »
    assert (await ask("2024-12-04 11:00", "quand commence l'après-midi ?")).startswith(
        "Ça commence à 13 h 40, mercredi 4 décembre (Journées BlueHats au salon Open Source "
        "Experience 2024) :\n13 h 40 – 14 h · OpenNebula")
    assert (await ask("2024-12-04 11:00", "what time does the morning end?")).startswith(
        "It ends at 12:30 pm, Wednesday 4 December")


async def test_what_comes_after_a_session() -> None:
    # 2024 page: « 14h20-14h40 | Grist, votre compagnon … », then 15h-15h20, 15h20-15h40 and
    # 15h40-16h; 2023 page: the Albert talk is one of the three at 17h, the last of its day.
    after = (await ask("2024-12-04 11:00", "qu'est-ce qu'il y a après le talk Grist ?"))
    assert after.splitlines() == [
        "Après « Grist, votre compagnon open-source pour la donnée et pour réaliser des apps en "
        "low-code » (14 h 20) :",
        "15 h",
        "• Des logiciels libres utiles à tous conçus dans la forge des communs numériques de "
        "apps.education.fr — A. Kauffmann (DNE (MENJS)), B. Piedallu (DNE (MENJS)) · salle Ada "
        "Lovelace · 7f20ab",
        "15 h 20",
        "• De Lutece à CiteLibre, l'engagement de la Ville de Paris continue — P. Bareille (OSPO "
        "de la Ville de Paris) · salle Ada Lovelace · 36e34f",
        "15 h 40",
        "• Usage de la chaîne éditoriale scenari pour produire un document académique — "
        "J.-S. Barboteu (DRANE IDF, site de Versailles) · salle Ada Lovelace · 869de0",
    ]
    assert await ask("2023-12-04 11:00", "et après la conf sur Albert ?") == (
        "« La stratégie Open Source derrière Albert » (17 h) est la dernière session du jour.")


async def test_my_reminders_in_a_sentence_lists_them_like_the_command(tmp_path) -> None:
    storage = await Storage.open(tmp_path / "bot.db")
    app = new_app(Config(), PROGRAMME, clock=FixedClock(parse_local("2024-12-04 09:00")),
              storage=storage)

    async def said(text: str) -> str:
        out = await handle(app, Incoming(text=text, sender="@a:example.org", room="!r",
                                         is_direct=True))
        return out[0].reply.plain

    try:
        await said("!rappel e37301")  # the 2024 Grist talk, at 14 h 20
        listed = await said("!rappels")
        assert listed.startswith("Vos rappels")
        assert await said("mes rappels ?") == listed
        assert await said("what are my reminders?") == await said("!reminders")
    finally:
        await storage.close()


async def test_sessions_of_a_kind_the_event_has_not_say_so_before_the_others() -> None:
    # The 2024 event has demos and talks, no workshop; the 2019 page has two « coins ».
    answer = (await ask("2024-12-04 09:00", "y a des ateliers aujourd'hui ?")).splitlines()
    assert answer[:3] == [
        "Ateliers :",
        "Aucun atelier dans « Journées BlueHats au salon Open Source Experience 2024 » ce "
        "jour-là ; dans les autres programmes :",
        "• intervenant à confirmer — Un coin DEV (back/front) et un autre OPS"]
    assert (await ask("2024-12-04 09:00", "des tables rondes ?")).splitlines()[1] == (
        "Aucune table ronde dans « Journées BlueHats au salon Open Source Experience 2024 » ; "
        "dans les autres programmes :")
    assert (await ask("2024-12-04 09:00", "any demos?")).splitlines()[:2] == [
        "Demos:", "• R. Allouche — Et vous, ça Tchap ?"]


TWO_DAYS = """---
title: Formation
event_start_date: 2020-08-31
---

### Lundi 31 août

- 9h30-10h : Accueil café
- 17h-17h30 : TP2

### Mercredi 2 septembre

- 9h-10h : Évaluations
- 15h-16h : Restitution et conclusion
"""


async def test_when_it_ends_asked_before_it_is_its_last_day_and_during_it_today() -> None:
    events, _problems, _format = load_text(PurePath("formation.md"), TWO_DAYS)
    programme = Programme(tuple(events))
    assert (await ask("2020-08-28 10:00", "when does it end?", programme=programme)).startswith(
        "It ends at 4 pm, Wednesday 2 September (Formation):\n3 pm – 4 pm · Restitution et "
        "conclusion")
    assert (await ask("2020-08-31 10:00", "ça finit quand ?", programme=programme)).startswith(
        "Ça se termine à 17 h 30, lundi 31 août (Formation) :")
    assert (await ask("2020-08-28 10:00", "when does it start?", programme=programme)).startswith(
        "It starts at 9:30 am, Monday 31 August (Formation):")


WELCOME_COFFEE = """---
title: Journée sobriété
---

## Programme du 17 mars 2026

- 9h30 - 10h : Accueil café
- 10h - 11h : Le numérique résilient
- 12h30 - 13h30 : Déjeuner
"""


async def test_a_welcome_coffee_is_found_among_the_breaks() -> None:
    events, _problems, _format = load_text(PurePath("sobriete.md"), WELCOME_COFFEE)
    programme = Programme(tuple(events))
    assert [s.kind for s in programme.events[0].sessions] == ["other", "talk", "break"]
    answer = await ask("2026-03-10 10:00", "il y a un café ?", programme=programme)
    assert [line.split(" · ")[1] for line in answer.splitlines()[1:]] == [
        "Accueil café", "Déjeuner"]
