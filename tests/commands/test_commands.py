"""Every command, alias and plain phrase, in French and English, on the shipped programmes.

Clocks are fixed: 2024-12-04 14:10 (during the 2024 BlueHats day) and 2023-12-06 15:05.
Expected answers are written from the pages in data/.
"""

from datetime import date, time
from html.parser import HTMLParser
from pathlib import Path

import pytest

from bot.app import App
from bot.cli.assemble import command_table, new_app
from bot.commands.declaration import CommandTable
from bot.commands.declaration import command as declare
from bot.commands.dispatch import handle
from bot.commands.messages import Incoming
from bot.loaders.files import load_paths
from bot.programme.model import Event, Programme, Session, Speaker
from bot.settings.clock import FixedClock, parse_local
from bot.settings.config import Config
from bot.storage import Storage
from tests.support.paths import DATA

PROGRAMME = load_paths([DATA])


@pytest.fixture
async def app_at(tmp_path: Path):
    """Makes an App on the shipped programme (or another), its clock fixed at `when`, with
    a real SQLite database."""
    opened: list[Storage] = []

    async def make(when: str, programme: Programme = PROGRAMME) -> App:
        storage = await Storage.open(tmp_path / f"bot{len(opened)}.db")
        opened.append(storage)
        return new_app(Config(), programme, clock=FixedClock(parse_local(when)), storage=storage)

    yield make
    for storage in opened:
        await storage.close()


async def ask(app: App, text: str, **where) -> str | None:
    """The plain text of the bot's answer, or None when it says nothing."""
    where.setdefault("is_direct", False)
    out = await handle(
        app, Incoming(text=text, sender="@agent:example.gouv.fr", room="!room", **where)
    )
    assert len(out) <= 1
    return out[0].reply.plain if out else None


GRIST_FR = """« grist » :
• R. Serdoun (ANCT), V. Viers (DINUM) — Grist, votre compagnon open-source pour la donnée et pour réaliser des apps en low-code
mercredi 4 décembre 2024, 14 h 20 – 14 h 40, salle Ada Lovelace · Journées BlueHats au salon Open Source Experience 2024 · e37301
• V. Viers, A. Conception — Grist: the spreadsheet that goes beyond the grid!
mercredi 4 décembre 2024, 10 h – 12 h 30 (terminée), salle Ada Lovelace · Journées BlueHats au salon Open Source Experience 2024 · 11b5ba
• Ariane Rose (Agence Nationale de la Cohésion des Territoires), Florent Fayolle (Agence Nationale de la Cohésion des Territoires) — Contribuer plutôt que de développer : l’exemple du tableur collaboratif Grist
jeudi 7 décembre 2023, 16 h (terminée) · La DINUM à l'Open Source Experience · bf6ca4"""


async def test_who_speaks_about_grist_lists_2024_and_2023_talks(app_at) -> None:
    app = await app_at("2024-12-04 14:10")
    assert await ask(app, "!qui grist") == GRIST_FR


@pytest.mark.parametrize("query", ["GRIST", "grsit", "Grîst", "gri"])
async def test_who_forgives_case_accents_typos_and_prefixes(query: str, app_at) -> None:
    answer = await ask(await app_at("2024-12-04 14:10"), f"!qui {query}")
    assert answer.split("\n", 1)[1] == GRIST_FR.split("\n", 1)[1]


async def test_who_finds_people_and_organisations_in_english(app_at) -> None:
    app = await app_at("2024-12-04 14:10")
    answer = await ask(app, "!who Matthieu Faure")
    assert answer.splitlines()[0] == "“Matthieu Faure”:"
    titles = [line for line in answer.splitlines() if line.startswith("• ")]
    assert titles == [
        "• Matthieu Faure (Adullact) — 90000 noms de domaine du secteur public, 1 liste pour les "
        "gouverner tous",
        "• Matthieu Faure (ADULLACT) — Observatoire de l'accessibilité web, quel constat un an "
        "après ?",
    ]
    assert "Thursday 7 December 2023, 3 pm" in answer
    adullact = await ask(app, "!who adullact")
    assert adullact.count("• ") == 3  # two 2023 talks, one 2022 talk


async def test_who_without_match_or_topic(app_at) -> None:
    app = await app_at("2024-12-04 14:10")
    assert await ask(app, "!qui blockchain") == (
        "Personne ne parle de « blockchain » dans les programmes connus. Essayez par exemple "
        "!qui grist."
    )
    assert await ask(app, "!who") == "About what? For example: !who grist"


async def test_next_groups_by_time_with_ids_and_rooms(app_at) -> None:
    app = await app_at("2024-12-04 14:10")
    assert await ask(app, "!prochains 2") == (
        "À suivre\n14 h 20\n• Grist, votre compagnon open-source pour la donnée et pour réaliser "
        "des apps en low-code — R. Serdoun (ANCT), V. Viers (DINUM) · salle Ada Lovelace · e37301\n"
        "15 h\n• Des logiciels libres utiles à tous conçus dans la forge des communs numériques de "
        "apps.education.fr — A. Kauffmann (DNE (MENJS)), B. Piedallu (DNE (MENJS)) · salle Ada "
        "Lovelace · 7f20ab"
    )
    english = await ask(app, "!next 1")
    assert english.startswith("Coming next\n2:20 pm\n• Grist, votre compagnon")
    assert english.endswith("· room Ada Lovelace · e37301")


async def test_next_count_ignores_characters_that_are_digits_but_not_numbers(app_at) -> None:
    app = await app_at("2024-12-04 14:10")
    assert (await ask(app, "!ensuite ²")).startswith("À suivre")  # '²'.isdigit() is True
    assert (await ask(app, "!next 2")).count("• ") == 2


async def test_next_keeps_a_whole_slot_together(app_at) -> None:
    # 2023-12-06 15:05: the 16 h slot has three talks; asking for one shows all three.
    answer = await ask(await app_at("2023-12-06 15:05"), "!prochains 1")
    assert answer.splitlines()[:2] == ["À suivre", "16 h"]
    assert answer.count("• ") == 3
    assert (
        "GnuCOBOL et autres alternatives libres pour COBOL — Fabrice Le Fessant (OcamlPro)"
        in answer
    )


async def test_now_uses_the_next_hour_heading_as_end(app_at) -> None:
    # Hour headings give only a start: the 15 h talks run until 16 h.
    answer = await ask(await app_at("2023-12-06 15:05"), "!maintenant")
    assert answer.splitlines()[:2] == ["En ce moment", "15 h"]
    assert answer.count("• ") == 3
    assert "Geotrek et GeoNature" in answer
    assert (await ask(await app_at("2023-12-06 15:59"), "!now")).startswith("Right now\n3 pm")
    later = await ask(await app_at("2023-12-06 16:00"), "!now")
    assert later.splitlines()[1] == "4 pm"


async def test_last_slot_lasts_until_its_block_ends(app_at) -> None:
    # 17 h is the last slot of « 7 décembre de 14h à 18h »: it runs until 18 h (issue 15),
    # not for the default 30 minutes.
    app = await app_at("2023-12-07 17:45")
    assert (await ask(app, "!maintenant")).splitlines()[1] == "17 h"
    after = await ask(await app_at("2023-12-07 18:01"), "!maintenant")
    assert after.startswith("Rien en cours. ")


async def test_now_when_nothing_runs_points_to_the_next_slot(app_at) -> None:
    answer = await ask(await app_at("2024-12-04 12:40"), "!maintenant")
    assert answer.startswith("Rien en cours. Prochain créneau : mercredi 4 décembre, 13 h 40.")


async def test_now_during_the_morning_demos_lists_the_block(app_at) -> None:
    # The page times the demos only by their heading, "4/12 de 10h à 12h30 : démos".
    answer = await ask(await app_at("2024-12-04 11:00"), "!maintenant")
    lines = answer.splitlines()
    assert lines[:2] == ["En ce moment", "10 h"]
    # In the page's order, not sorted by title.
    assert [line.split(" — ")[0] for line in lines[2:]] == [
        "• Et vous, ça Tchap ?",
        "• Grist: the spreadsheet that goes beyond the grid!",
        "• Docs : la prise de notes collaborative qui vous aide à rester concentré sur "
        "l'essentiel",
        "• Démarches Simplifiées : un commun numérique au service de la dématérialisation "
        "des démarches",
        "• OpenDesk & La Suite : how 2 countries contribute to the same digital common for "
        "collaborative work",
        "• Building the Next-Gen Visio: How LiveKit and AI Transform Collaboration",
        "• ProConnect: Redefining Government Interoperability with SSO",
    ]
    assert lines[2] == "• Et vous, ça Tchap ? — R. Allouche · salle Ada Lovelace · 5e349d"


async def test_nothing_left_says_so(app_at) -> None:
    app = await app_at("2026-11-23 10:00")
    assert await ask(app, "!prochains") == "Plus rien au programme pour l'instant."
    assert await ask(app, "!next") == "Nothing more on the programme for now."


async def test_programme_of_the_current_event_and_of_a_day(app_at) -> None:
    app = await app_at("2024-12-04 14:10")
    answer = await ask(app, "!programme")
    lines = answer.splitlines()
    assert lines[0] == (
        "Journées BlueHats au salon Open Source Experience 2024 "
        "(mercredi 4 décembre – jeudi 5 décembre 2024)"
    )
    assert lines[2] == "Mercredi 4 décembre"
    assert lines[3:5] == [
        "10 h – 12 h 30",
        "• Et vous, ça Tchap ? — R. Allouche · salle Ada Lovelace · 5e349d",
    ]
    assert "13 h 40 – 14 h" in lines and "Horaire non précisé" not in lines
    assert answer.count("• ") == 15
    assert await ask(app, "!programme demain") == (
        "Journées BlueHats au salon Open Source Experience 2024 (mercredi 4 décembre – jeudi 5 "
        "décembre 2024)\nRien au programme le jeudi 5 décembre."
    )
    assert (await ask(app, "!program today")).count("• ") == 15
    assert (await ask(app, "!programme 7 décembre 2023")).count("• ") == 11


async def test_programme_of_a_named_event(app_at) -> None:
    answer = await ask(await app_at("2024-12-04 14:10"), "!programme 2019")
    assert answer.splitlines()[:5] == [
        "Journée #BlueHats lors du Paris Open Source Summit 2019 (mercredi 11 décembre 2019)",
        "",
        "Mercredi 11 décembre",
        "9 h – 9 h 30",
        "• Accueil · salle PLATEAU 1 · acfc0d",
    ]


async def test_programme_with_no_upcoming_event_offers_the_latest(app_at) -> None:
    assert await ask(await app_at("2026-11-23 10:00"), "!programme") == (
        "Aucun événement à venir pour l'instant. Le dernier en date : Journées BlueHats au salon "
        "Open Source Experience 2024 (mercredi 4 décembre – jeudi 5 décembre 2024) — tapez "
        "!programme 2024 pour le revoir."
    )


async def test_programme_unknown_argument(app_at) -> None:
    assert await ask(await app_at("2024-12-04 14:10"), "!programme zzz") == (
        "Je ne trouve ni événement ni jour « zzz ». Essayez !evenements."
    )


async def test_room_now_and_next(app_at) -> None:
    answer = await ask(await app_at("2019-12-11 10:00"), "!salle plateau 3")
    assert answer.splitlines()[:4] == [
        "Salle PLATEAU 3",
        "En ce moment :",
        "9 h 30",
        "• Un coin « datascience » et un autre « Géo » · salle PLATEAU 3 · 8f0733",
    ]
    assert "mercredi 11 décembre, 12 h 30" in answer
    assert (await ask(await app_at("2019-12-11 10:00"), "!room nowhere")) == (
        "Unknown room: nowhere. Known rooms: 252B, Ada Lovelace, PLATEAU 1, PLATEAU 3"
    )


def _room_day(room: str) -> Programme:
    """Five talks in `room` on 22 May 2030, one more on the 23rd."""
    first, second = date(2030, 5, 22), date(2030, 5, 23)
    talks = [Session(f"a{n}", "e", first, time(9 + n), time(9 + n, 45), f"Talk {n}",
                     room=room) for n in range(5)]
    talks.append(Session("b0", "e", second, time(9), time(9, 45), "Next day", room=room))
    return Programme((Event("e", "Day", first, second, sessions=tuple(talks)),))


def _bullets(answer: str) -> list[str]:
    return [line.split(" · ")[0] for line in answer.splitlines() if line.startswith("•")]


async def test_a_room_asked_before_its_day_lists_that_day(app_at) -> None:
    answer = await ask(await app_at("2030-05-20 10:00", _room_day("Hörsaal")), "!salle hörsaal")
    assert _bullets(answer) == ["• Talk 0", "• Talk 1", "• Talk 2", "• Talk 3", "• Talk 4"]


async def test_a_room_named_like_a_kind_is_the_room_after_the_room_command(app_at) -> None:
    answer = await ask(await app_at("2030-05-22 10:30", _room_day("Tutorials")),
                       "!salle tutorials")
    assert answer.splitlines()[:2] == ["Salle Tutorials", "En ce moment :"]
    assert _bullets(answer)[:2] == ["• Talk 1", "• Talk 2"]


async def test_session_in_full(app_at) -> None:
    assert await ask(await app_at("2024-12-04 14:10"), "!session e37301") == (
        "Grist, votre compagnon open-source pour la donnée et pour réaliser des apps en low-code\n"
        "Mercredi 4 décembre 2024, 14 h 20 – 14 h 40 · salle Ada Lovelace\n"
        "Par R. Serdoun (ANCT), V. Viers (DINUM)\n"
        "Type : présentation · Journées BlueHats au salon Open Source Experience 2024\n"
        "• ANCT (https://incubateur.anct.gouv.fr/)\n"
        "• DINUM (https://www.numerique.gouv.fr)"
    )
    assert (await ask(await app_at("2024-12-04 14:10"), "!talk nope")).startswith(
        "Unknown session."
    )
    over = await ask(await app_at("2024-12-04 15:00"), "!talk 5e349d")
    assert over.splitlines()[1:4] == [
        "Wednesday 4 December 2024, 10 am – 12:30 pm (over) · room Ada Lovelace",
        "By R. Allouche",
        "Kind: demo · Journées BlueHats au salon Open Source Experience 2024",
    ]


async def test_events_on_their_days_are_under_way(app_at) -> None:
    lines = (await ask(await app_at("2024-12-04 10:00"), "!evenements")).splitlines()
    assert lines[:3] == [
        "En cours",
        "• Journées BlueHats au salon Open Source Experience 2024 (mercredi 4 décembre – jeudi "
        "5 décembre 2024) · 15 sessions · 2024-journees-bluehats-au-salon-open-source",
        "Passés",
    ]


async def test_events_past_and_upcoming(app_at) -> None:
    answer = await ask(await app_at("2024-12-01 10:00"), "!evenements")
    lines = answer.splitlines()
    assert lines[0] == "À venir"
    assert lines[1].startswith("• Journées BlueHats au salon Open Source Experience 2024")
    assert lines[2] == "Passés"
    assert lines[-1] == (
        "• Journée #BlueHats lors du Paris Open Source Summit 2019 (mercredi 11 "
        "décembre 2019) · 13 sessions · 2019-journee-bluehats-lors-du-paris-open"
    )
    english = await ask(await app_at("2026-01-01 10:00"), "!events")
    assert english.splitlines()[0] == "Past" and english.endswith("No upcoming event for now.")


async def test_info_gives_venue_access_and_registration(app_at) -> None:
    answer = await ask(await app_at("2023-12-01 10:00"), "!infos")
    assert answer.splitlines()[:3] == [
        "La DINUM à l'Open Source Experience",
        "Mercredi 6 décembre – jeudi 7 décembre 2023",
        "Lieu : Palais des Congrès, 2 Place de la Porte Maillot – 75017 Paris",
    ]
    assert (
        "• Inscription : S'inscrire (https://www.opensource-experience.com/creer-mon-badge/)"
        in answer
    )
    english = await ask(await app_at("2023-12-01 10:00"), "!info 2019")
    assert "Venue: Paris Open Source Summit au dock Pullmann" in english


async def test_help_lists_every_command_and_details_one(app_at) -> None:
    app = await app_at("2024-12-04 14:10")
    answer = await ask(app, "!aide")
    for entry in command_table().commands.values():
        if entry.scope != "organisers":
            assert f"!{entry.names['fr'][0]}" in answer
    assert await ask(app, "!help who") == (
        "!who <topic, person or organisation>\n"
        "Who speaks about a topic, what a person or an organisation presents.\n"
        "Also: !qui\nExample: !who grist"
    )
    assert await ask(app, "!aide qui") != await ask(app, "!aide")
    assert await ask(app, "!aide noter") == (
        "!noter <numéro> <note 1–5> [commentaire]\n"
        "Noter une proposition de 1 à 5.\n"
        "<numéro> : le numéro de la proposition, comme 12 ou #12\n"
        "<note 1–5> : de 1 (faible) à 5 (excellente) ; une nouvelle note remplace la vôtre\n"
        "[commentaire] : facultatif ; ajouté aux commentaires de la proposition\n"
        "Aussi : !score\n"
        "Exemple : !noter 12 4\n"
        "Réservée aux organisateurs.")
    assert await ask(app, "aide programme", is_direct=True) == (
        "!programme [événement | jour | aujourd'hui | demain]\n"
        "Le programme de l'événement en cours ou à venir.\nAussi : !program\n"
        "Exemple : !programme demain")


@pytest.mark.parametrize(
    ("alias", "name", "lang"),
    [
        ("!programme", "programme", "fr"),
        ("!program", "programme", "en"),
        ("!maintenant", "now", "fr"),
        ("!now", "now", "en"),
        ("!prochains", "next", "fr"),
        ("!prochain", "next", "fr"),
        ("!PROCHAINS", "next", "fr"),
        ("!next", "next", "en"),
        ("!qui", "who", "fr"),
        ("!who", "who", "en"),
        ("!salle", "room", "fr"),
        ("!room", "room", "en"),
        ("!session", "session", "fr"),
        ("!talk", "session", "en"),
        ("!evenements", "events", "fr"),
        ("!événements", "events", "fr"),
        ("!events", "events", "en"),
        ("!infos", "info", "fr"),
        ("!info", "info", "en"),
        ("!aide", "help", "fr"),
        ("!help", "help", "en"),
    ],
)
async def test_every_alias_reaches_its_command_in_its_language(
    alias: str, name: str, lang: str, app_at
) -> None:
    command, found_lang = command_table().lookup(alias[1:])
    assert (command.key, found_lang or "fr") == (name, lang)
    app = await app_at("2024-12-04 14:10")
    answer = await ask(app, alias + (" grist" if name == "who" else ""))
    assert answer and not answer.startswith(("Commande inconnue", "Désolé", "Sorry"))


@pytest.mark.parametrize(
    ("phrase", "expected_start"),
    [
        ("qui parle de Grist ?", "« Grist » :"),
        ("who speaks about Grist", "“Grist”:"),
        ("prochains talks", "À suivre"),
        ("next talks", "Coming next"),
        ("c'est où ?", "Journées BlueHats au salon Open Source Experience 2024"),
        ("quel est le programme ?", "Journées BlueHats au salon Open Source Experience 2024"),
        ("qu'est-ce qui se passe en ce moment ?", "En ce moment"),
    ],
)
async def test_plain_phrases_when_addressed(phrase: str, expected_start: str, app_at) -> None:
    app = await app_at("2024-12-04 14:10")
    assert (await ask(app, phrase, addressed=True)).startswith(expected_start)
    assert (await ask(app, phrase, is_direct=True)).startswith(expected_start)


async def test_a_question_with_a_topic_beats_keywords(app_at) -> None:
    app = await app_at("2024-12-04 14:10")
    answer = await ask(app, "qui parle du programme de la suite numérique ?", addressed=True)
    assert answer.startswith("« suite numérique » :")
    assert (await ask(app, "who talks about next steps", is_direct=True)).startswith("“next steps”")


async def test_chatter_not_addressed_gets_no_reply(app_at) -> None:
    app = await app_at("2024-12-04 14:10")
    for text in ("qui parle de Grist ?", "bonjour à tous", "!!!", "! pas une commande", ""):
        assert await ask(app, text) is None


async def test_unknown_command_and_not_understood_get_a_hint(app_at) -> None:
    app = await app_at("2024-12-04 14:10")
    assert await ask(app, "!frobnicate") == "Commande inconnue : !frobnicate. Essayez !aide."
    assert await ask(app, "frobnicate the quux", addressed=True) == (
        "I find nothing about “frobnicate the quux” in the programmes. I answer questions about "
        "the events' programme: sessions, speakers, rooms, times, practical information. Ask me "
        "for instance: “tomorrow's program”, “who talks about Grist?”, “where is it?”, “next "
        "talks” — or type !help.")
    assert await ask(app, "who talks about frobnication?", addressed=True) == (
        "Nobody speaks about “frobnication” in the known programmes. Try for example "
        "!who grist.")
    assert await ask(app, "?!", addressed=True) == (
        "Je n'ai pas compris. Demandez-moi par exemple : « programme de demain », « qui parle "
        "de Grist ? », « c'est où ? », « prochains talks » — ou tapez !aide.")


@pytest.mark.parametrize(
    "text",
    [
        "!qui <script>alert(1)</script>",
        "!qui **gras** _it_ [x](javascript:alert(1))",
        "!qui \x00\x1b[31m\x7f",
        "!qui " + "a" * 100_000,
        "!qui \"unbalanced 'quotes",
        "!salle <b>x</b>",
        "!programme </ul><li>",
        "!session '; DROP TABLE x; --",
    ],
)
async def test_hostile_text_gets_a_short_clear_answer(text: str, app_at) -> None:
    app = await app_at("2024-12-04 14:10")
    out = await handle(app, Incoming(text=text, sender="@a:b", room="!r"))
    (message,) = out
    assert len(message.reply.plain) < 400
    assert "<script" not in message.reply.html and "<b>x" not in message.reply.html
    assert 'href="javascript' not in message.reply.html
    assert "\x00" not in message.reply.plain


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.add(tag)


async def test_html_in_programme_data_is_escaped_in_replies(app_at) -> None:
    day = date(2030, 1, 10)
    evil = Session(
        "abc123",
        "e",
        day,
        time(10),
        None,
        "<img src=x onerror=alert(1)> Grist",
        speakers=(Speaker("<b>Mallory</b>", "<script>x</script>"),),
        room="<i>A</i>",
    )
    programme = Programme((Event("e", "<h1>Evil</h1> event", day, day, sessions=(evil,)),))
    app = await app_at("2030-01-10 09:00", programme)
    for command in (
        "!qui grist",
        "!prochains",
        "!programme",
        "!session abc123",
        "!salle <i>A</i>",
        "!infos",
        "!evenements",
    ):
        out = await handle(app, Incoming(text=command, sender="@a:b", room="!r"))
        parser = _Tags()
        parser.feed(out[0].reply.html)
        assert parser.tags <= {"b", "i", "code", "ul", "li", "br", "a"}, command
        assert "<img" not in out[0].reply.html and "<script>" not in out[0].reply.html


async def test_reply_html_and_plain_say_the_same(app_at) -> None:
    out = await handle(
        await app_at("2024-12-04 14:10"), Incoming(text="!qui grist", sender="@a:b", room="!r")
    )
    html = out[0].reply.html
    assert html.startswith("<b>« grist » :</b><ul><li><i>R. Serdoun (ANCT), V. Viers (DINUM)</i>")
    assert "<code>e37301</code>" in html


async def test_english_days_keep_their_capitals(app_at) -> None:
    app = await app_at("2024-12-04 14:10")
    answer = await ask(app, "!program 4/12")
    assert "December" in answer and "december" not in answer
    assert "Wednesday 4 December 2024" in await ask(app, "!talk e37301")


async def test_a_reminder_for_a_session_over_says_it_is_over(app_at) -> None:
    app = await app_at("2024-12-04 15:00")
    assert await ask(app, "!rappel 5e349d", is_direct=True) == (
        "« Et vous, ça Tchap ? » est terminée (mercredi 4 décembre 2024, 10 h) : trop tard "
        "pour un rappel.")
    assert await ask(app, "!remind tchap", is_direct=True) == (
        "“Et vous, ça Tchap ?” is over (Wednesday 4 December 2024, 10 am): too late for a "
        "reminder.")


def test_declaring_a_command_registers_nothing_the_table_is_built_explicitly() -> None:
    @declare("probe", fr=("sonde",), en=("probe",), summary=("une sonde", "a probe"))
    async def probe(request):
        return None

    assert command_table().lookup("sonde") is None
    assert probe.declared.key == "probe"
    assert {"accept", "reject", "waitlist", "who", "programme"} <= set(command_table().commands)
    table = CommandTable()
    table.add(probe.declared)
    assert table.lookup("PROBE")[0].key == "probe"
