"""Typed command arguments: the declaration gives the parsing, the usage line and the error
messages; every malformed review command gets an exact answer naming the problem, then the
usage and an example, in French or in English, with the configured prefix."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from pathlib import Path

import pytest

from bot.cli.assemble import command_table
from bot.commands import arguments
from bot.commands.arguments import ArgumentError, Arguments, Context, Keyword, Number, Word
from bot.commands.dispatch import handle
from bot.commands.messages import Incoming
from bot.programme.days import DayRef
from bot.proposals.repositories.reviews import Reviews
from bot.settings.clock import PARIS
from bot.settings.config import CommandsConfig
from tests.support.proposals_kit import ALICE, EVENT, EVENT_ID, ORG_ROOM, ORGANISER, Opener, World

NUMBER = Number("number", ("numéro", "number"), ("le numéro", "the number"))
SCORE = Number("score", ("note 1–5", "score 1–5"), ("la note", "the score"), low=1, high=5)
CONFIRM = Keyword("confirmed", ("confirmer", "confirm"), ("le mot confirmer", "the word confirm"),
                  optional=True)
NOTE = arguments.Text("note", ("note", "note"), ("la note écrite", "the written note"),
                      optional=True, max_length=10)


def parse(arguments: Arguments, text: str) -> dict:
    return arguments.parse(text, Context("!", PARIS))


def test_the_usage_line_comes_from_the_declaration() -> None:
    assert Arguments(((NUMBER, SCORE, NOTE),)).usage("fr") == "<numéro> <note 1–5> [note]"
    assert Arguments(((NUMBER, CONFIRM, NOTE),)).usage("en") == "<number> [confirm] [note]"
    close = Keyword("close", ("fermer", "close"), ("le mot fermer", "the word close"))
    forms = Arguments(((), (Word("event", ("événement", "event")), NUMBER),
                       (Word("event", ("événement", "event")), close)))
    assert forms.usage("fr") == "[<événement> <numéro> | <événement> fermer]"
    assert Arguments(((NUMBER,), (close,))).usage("en") == "<number> | close"
    assert Arguments(((), (NUMBER,))).usage("fr") == "[<numéro>]"


def test_values_are_typed_and_optional_ones_default() -> None:
    form = Arguments(((NUMBER, CONFIRM, SCORE, NOTE),))
    assert parse(form, "#12 4") == {"number": 12, "confirmed": False, "score": 4, "note": None}
    assert parse(form, "p3 Confirmer 5 deux  mots") == {
        "number": 3, "confirmed": True, "score": 5, "note": "deux  mots"}
    moment = Arguments(((arguments.Day("day", ("jour", "day")),
                         arguments.Hour("at", ("heure", "time")),
                         arguments.When("until", ("fin", "end"), date_only=True)),))
    assert parse(moment, "jeudi 9:05 2026-11-27") == {
        "day": DayRef("jeudi", weekday=3), "at": time(9, 5), "until": date(2026, 11, 27)}
    assert parse(moment, "friday 2pm 2026-11-27")["at"] == time(14)  # as English pages write it
    assert parse(Arguments(((arguments.When("at", ("à", "at")),),)), "2026-11-20T23:59") == {
        "at": datetime(2026, 11, 20, 23, 59, tzinfo=PARIS)}


@pytest.mark.parametrize(("text", "fr", "en", "at"), [
    ("", "Il manque le numéro.", "The number is missing.", 0),
    ("12", "Il manque la note.", "The score is missing.", 1),
    ("douze 4", "Le numéro doit être un nombre : « douze ».",
     "The number must be a number: “douze”.", 0),
    ("12 0", "La note doit être entre 1 et 5 : 0.", "The score must be between 1 and 5: 0.", 1),
    ("12 4 onze lettres", "Trop long : la note écrite fait 12 caractères, 10 au plus.",
     "Too long: the written note is 12 characters, 10 at most.", 2),
])
def test_each_problem_is_named(text: str, fr: str, en: str, at: int) -> None:
    with pytest.raises(ArgumentError) as raised:
        parse(Arguments(((NUMBER, SCORE, NOTE),)), text)
    assert (raised.value.fr, raised.value.en, raised.value.at) == (fr, en, at)


def test_extra_words_are_refused_unless_the_command_takes_none() -> None:
    with pytest.raises(ArgumentError) as raised:
        parse(Arguments(((NUMBER,),)), "12 et 13")
    assert raised.value.fr == "Trop d'arguments : « et 13 »."
    assert parse(Arguments(), "? merci") == {}


def test_of_several_forms_the_one_that_read_furthest_speaks() -> None:
    close = Keyword("close", ("fermer", "close"), ("le mot fermer", "the word close"))
    dated = arguments.When("opens", ("ouverture", "opens"), ("l'ouverture", "the opening"))
    forms = Arguments(((), (Word("event", ("événement", "event")), dated, dated),
                       (Word("event", ("événement", "event")), close)))
    assert parse(forms, "") == {"event": None, "opens": None, "close": False}
    assert parse(forms, "x fermer")["close"] is True
    with pytest.raises(ArgumentError) as raised:
        parse(forms, "x demain")  # both forms fail at word 1: the first declared speaks
    assert raised.value.fr == "L'ouverture doit s'écrire 2026-11-20T23:59 : « demain »."
    with pytest.raises(ArgumentError) as raised:
        parse(forms, "x 2026-11-01T00:00")
    assert raised.value.fr == "Il manque l'ouverture."


async def org_text(world: World, text: str) -> str:
    return "\n".join(o.reply.plain for o in await handle(world.app, Incoming(text, ORGANISER,
                                                                            ORG_ROOM))
                     if o.to_user is None and o.to_room is None)


@pytest.mark.parametrize(("text", "expected"), [
    ("!noter 12 9", "La note doit être entre 1 et 5 : 9.\n"
     "Usage : !noter <numéro> <note 1–5> [commentaire] — ex. : !noter 12 4"),
    ("!noter abc", "Le numéro de la proposition doit être un nombre : « abc ».\n"
     "Usage : !noter <numéro> <note 1–5> [commentaire] — ex. : !noter 12 4"),
    ("!noter 1", "Il manque la note.\n"
     "Usage : !noter <numéro> <note 1–5> [commentaire] — ex. : !noter 12 4"),
    ("!score 1 x", "The score must be between 1 and 5: x.\n"
     "Usage: !score <number> <score 1–5> [comment] — e.g. !score 12 4"),
    ("!commenter 1", "Il manque le texte du commentaire.\n"
     "Usage : !commenter <numéro> <texte> — ex. : !commenter 12 Clair et utile, à garder"),
    ("!commenter 1 " + "x" * 1001, "Trop long : le texte du commentaire fait 1001 caractères, "
     "1000 au plus.\n"
     "Usage : !commenter <numéro> <texte> — ex. : !commenter 12 Clair et utile, à garder"),
    ("!accepter", "Il manque le numéro de la proposition.\n"
     "Usage : !accepter <numéro> [confirmer] [message] — ex. : !accepter 12 Merci, à bientôt !"),
    ("!refuser n°1", "Le numéro de la proposition doit être un nombre : « n°1 ».\n"
     "Usage : !refuser <numéro> [confirmer] [message] — ex. : !refuser 12 Merci, à bientôt !"),
    ("!attente 1 " + "y" * 1001, "Trop long : le message fait 1001 caractères, 1000 au plus.\n"
     "Usage : !attente <numéro> [confirmer] [message] — ex. : !attente 12 Merci, à bientôt !"),
    ("!waitlist", "The proposal number is missing.\n"
     "Usage: !waitlist <number> [confirm] [message] — e.g. !waitlist 12 Thank you, see you soon!"),
    ("!proposition 1 2", "Trop d'arguments : « 2 ».\n"
     "Usage : !proposition <numéro> — ex. : !proposition 12"),
    ("!propositions n'importe quoi", "Ni statut ni événement connu : « n'importe quoi »."),
    ("!planifier 1 32/13 14h", "Le jour doit être une date (2026-12-10 ou 10/12) ou un jour de "
     "la semaine (jeudi) : « 32/13 ».\n"
     "Usage : !planifier <numéro> [confirmer] <jour> <heure> [salle] — ex. : "
     "!planifier 12 jeudi 14h20 Turing"),
    ("!planifier 1 confirmer jeudi", "Il manque l'heure.\n"
     "Usage : !planifier <numéro> [confirmer] <jour> <heure> [salle] — ex. : "
     "!planifier 12 jeudi 14h20 Turing"),
    ("!schedule-talk 1 friday 2 pm", "The time must be written 14:20, 2:20 pm or 2pm: “2”.\n"
     "Usage: !schedule-talk <number> [confirm] <day> <time> [room] — e.g. "
     "!schedule-talk 12 thursday 14:20 Turing"),
    ("!cfp journées 2026-11-01T00:00", "Il manque la date de clôture.\n"
     "Usage : !cfp [<événement> <ouverture> <clôture> [réponse] | <événement> fermer] — ex. : "
     "!cfp journées 2026-10-01T00:00 2026-11-20T23:59 2026-11-27"),
    ("!cfp journées 2026-11-01T00:00 2026-11-30T18:00 bientôt", "La date de réponse doit "
     "s'écrire 2026-11-27 : « bientôt ».\n"
     "Usage : !cfp [<événement> <ouverture> <clôture> [réponse] | <événement> fermer] — ex. : "
     "!cfp journées 2026-10-01T00:00 2026-11-20T23:59 2026-11-27"),
    ("!aide zzz", "Commande inconnue : !zzz.\nUsage : !aide [commande] — ex. : !aide qui"),
])
async def test_a_malformed_command_gets_the_problem_usage_and_an_example(
        tmp_path: Path, open_world: Opener, text: str, expected: str) -> None:
    world = await open_world(tmp_path / "bot.db")
    await world.propose(ALICE)
    assert await org_text(world, text) == expected
    assert (await world.proposals.proposal(1)).status == "submitted"  # nothing done
    assert await world.storage.repository(Reviews).comments(1) == []


async def test_proposers_and_everyone_get_the_same_kind_of_answer(
        tmp_path: Path, open_world: Opener) -> None:
    world = await open_world(tmp_path / "bot.db")
    assert await world.text(ALICE, "!retirer trois") == (
        "Le numéro de la proposition doit être un nombre : « trois ».\n"
        "Usage : !retirer <numéro> — ex. : !retirer 3")
    assert await world.text(ALICE, "!oublier") == (
        "Il manque l'identifiant de la session.\n"
        "Usage : !oublier <id de session> — ex. : !oublier e37301")
    assert await world.text(ALICE, "!oublier-moi peut-être") == (
        "Trop d'arguments : « peut-être ».\nUsage : !oublier-moi [oui]")
    assert await world.text(ALICE, "!forget-me yes") == "I keep no data under your name."


async def test_a_score_may_come_with_a_comment(tmp_path: Path, open_world: Opener) -> None:
    world = await open_world(tmp_path / "bot.db")
    number = await world.propose(ALICE)
    assert await org_text(world, f"!noter #{number} 4 Clair, bien construit") == (
        f"Note enregistrée pour #{number} ; moyenne 4.0/5 (1)")
    [(who, _, text)] = await world.storage.repository(Reviews).comments(number)
    assert (who, text) == (ORGANISER, "Clair, bien construit")


async def test_the_day_is_read_against_the_event(tmp_path: Path, open_world: Opener) -> None:
    world = await open_world(tmp_path / "bot.db")
    number = await world.propose(ALICE)
    await org_text(world, f"!accepter {number}")
    assert (await org_text(world, f"!planifier {number} jeudi 9h30 Turing")).startswith(
        f"#{number} planifiée : jeudi 10 décembre, 9 h 30, salle Turing")
    assert DayRef("10/12", 10, 12).on(EVENT) == date(2026, 12, 10)
    assert DayRef("lundi", weekday=0).on(EVENT) is None
    assert world.app.programme.session(f"p{number}").event_id == EVENT_ID


async def test_with_prefix_question_mark_no_usage_names_a_command_with_a_bang(
        tmp_path: Path, open_world: Opener) -> None:
    """Every command, as an organiser, with arguments that are wrong for most: the usage
    lines and examples name commands with '?'."""
    world = await open_world(tmp_path / "bot.db")
    await world.propose(ALICE)
    world.app.config = world.app.config.model_copy(
        update={"commands": CommandsConfig(prefix="?")})
    names = sorted({n for c in command_table().commands.values()
                    for ns in c.names.values() for n in ns})
    bang = re.compile(r"!(?:{})\b".format("|".join(sorted(names, key=len, reverse=True))))
    usages = 0
    for name in names:
        for args in ("", " x", " 1 9", " 1 " + "z" * 1001, " 1 2 3 4 5 6"):
            answer = await org_text(world, f"?{name}{args}")
            assert not bang.search(answer), (name, args, answer)
            usages += "Usage" in answer
    assert usages > 40
    assert await org_text(world, "?noter 1 9") == (
        "La note doit être entre 1 et 5 : 9.\n"
        "Usage : ?noter <numéro> <note 1–5> [commentaire] — ex. : ?noter 12 4")
