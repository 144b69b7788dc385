"""Every rule of the grammar, by name, in French and in English: the rule that fits a
message, the intent it gives, and what the message leaves for the slots. Pure: the
programme's rooms and tracks are given as the catalog would give them."""

from __future__ import annotations

from datetime import date, time

import pytest

from bot.understanding import INTENTS, Intent, Knowledge, understand
from bot.understanding.reading import read
from bot.understanding.rules import RULES, decide

SATURDAY = date(2020, 2, 1)
KNOWN = Knowledge.of(
    ("Janson", "K.1.105 (La Fontaine)", "UB2.252A (Lameere)", "Saal 1", "Ada Lovelace"),
    frozenset({"grist", "tchap", "matrix"}),
    tracks=("Python", "Go", "Legal and Policy Issues", "Real Time Communications"))

EXAMPLES: dict[str, list[tuple[str, str]]] = {
    "courtesy": [("bonjour", "greet"), ("thank you!", "thanks")],
    "small talk": [("comment ça va ?", "greet"), ("Good evening all", "greet"),
                   ("bonne soirée", "thanks"), ("how are you?", "greet")],
    "reminders": [("rappelle-moi le talk sur Grist", "remind"), ("my reminders", "reminders"),
                  ("comment avoir un rappel ?", "remind_how")],
    "help": [("tu peux me donner un coup de main ?", "help"), ("can you give me a hand?", "help"),
             ("what can you do?", "help")],
    "replays and slides": [("je peux revoir la conf sur Grist ?", "materials"),
                           ("any recordings?", "materials")],
    "practical information": [("c'est gratuit ?", "facet"), ("c'est combien ?", "facet"),
                              ("where is it?", "facet"), ("can I attend remotely?", "facet")],
    "events and counts": [("combien de démos ?", "count"), ("how many events?", "events"),
                          ("les événements", "events")],
    "now": [("il y a quoi en ce moment ?", "now"), ("what's on right now?", "now")],
    "next": [("les 3 prochaines sessions", "next"), ("what's next?", "next"),
             ("c'est quoi la suite ?", "next")],
    "programme of someone": [("programme de Bastien Guerry", "programme"),
                             ("Lennart Poettering's schedule", "programme")],
    "search": [("des démos de Grist en salle Ada ?", "search"),
               ("what is Matthias Kirschner doing on Sunday?", "search")],
    "speakers": [("qui sont les intervenants ?", "speakers"), ("who are the speakers?", "speakers"),
                 ("qui intervient demain ?", "speakers"),
                 ("combien d'intervenants ?", "speakers"), ("qui anime ?", "speakers")],
    "breaks, start and end": [("y a une pause déjeuner ?", "breaks"),
                              ("when does it start?", "start"), ("ça finit quand ?", "end")],
    "sessions by track or over": [("j'ai loupé quoi ce matin en Janson ?", "sessions"),
                                  ("what did I miss in the Go devroom?", "sessions"),
                                  ("programme de la devroom Python", "sessions")],
    "room": [("il se passe quoi en salle La Fontaine ?", "room"),
             ("what's in K.1.105 at 4:45 pm?", "room")],
    "at an hour": [("il se passe quoi à 16h ?", "at_hour"), ("what's on at 2:15?", "at_hour")],
    "kind": [("les keynotes de dimanche ?", "kind"), ("any BoFs?", "kind"),
             ("y a des présentations éclair ?", "kind")],
    "dates": [("c'est quand ?", "facet"), ("when is it?", "facet")],
    "programme": [("programme de demain", "programme"), ("what's on tomorrow afternoon?",
                                                         "programme")],
    "greeting with more": [("bonjour, 3 ?", "greet"), ("hi there, 12", "greet")],
    "unknown": [("?!", "unknown"), ("…", "unknown")],
}
"""For each rule, messages it decides (French and English where words matter)."""


def _fired(text: str) -> tuple[str, Intent]:
    rule, intent = decide(read(text, SATURDAY, KNOWN, "fr"))
    return rule.name, intent


def test_every_rule_has_examples_and_every_intent_a_rule() -> None:
    assert list(EXAMPLES) == [rule.name for rule in RULES]
    assert {name for cases in EXAMPLES.values() for _text, name in cases} == set(INTENTS)


@pytest.mark.parametrize(("rule", "text", "name"), [
    (rule, text, name) for rule, cases in EXAMPLES.items() for text, name in cases])
def test_each_rule_decides_its_messages(rule: str, text: str, name: str) -> None:
    assert _fired(text) == (rule, _fired(text)[1])
    assert _fired(text)[1].name == name


def test_a_search_keeps_every_slot_it_is_given() -> None:
    intent = understand("des démos de Grist en salle Ada ?", SATURDAY, KNOWN)
    assert (intent.subject, intent.slots.kind, intent.slots.room) == ("Grist", "demo",
                                                                      "Ada Lovelace")
    intent = understand("what is Matthias Kirschner doing on Sunday?", SATURDAY, KNOWN)
    assert (intent.subject, intent.slots.day, intent.lang) == ("Matthias Kirschner",
                                                               date(2020, 2, 2), "en")
    intent = understand("Python talks in Lameere?", SATURDAY, KNOWN)
    assert (intent.subject, intent.slots.room) == ("Python", "UB2.252A (Lameere)")


def test_the_past_and_its_places() -> None:
    intent = understand("j'ai loupé quoi ce matin en Janson ?", SATURDAY, KNOWN)
    assert (intent.slots.tense, intent.slots.part, intent.slots.room, intent.subject) == (
        "past", "morning", "Janson", "")
    intent = understand("what did I miss in the Go devroom?", SATURDAY, KNOWN)
    assert (intent.slots.tense, intent.slots.track, intent.lang) == ("past", "Go", "en")


def test_a_room_at_an_hour_of_a_day() -> None:
    intent = understand("what's in K.1.105 at 4:45 pm on Saturday?", SATURDAY, KNOWN)
    assert (intent.name, intent.slots.room, intent.slots.hour, intent.slots.day) == (
        "room", "K.1.105 (La Fontaine)", time(16, 45), SATURDAY)


def test_a_question_about_something_else_is_marked() -> None:
    assert understand("il fait quel temps à Bruxelles ?", SATURDAY, KNOWN).elsewhere
    assert understand("can you recommend a good restaurant?", SATURDAY, KNOWN).elsewhere
    assert not understand("qui parle de Bruxelles ?", SATURDAY, KNOWN).elsewhere


def test_words_asking_for_sessions() -> None:
    assert understand("des trucs sur les bases de données ?", SATURDAY, KNOWN).asks_sessions
    assert understand("anything about Tor?", SATURDAY, KNOWN).asks_sessions
    assert understand("qui anime la table ronde ?", SATURDAY, KNOWN).asks_sessions
    assert not understand("who won the game last night?", SATURDAY, KNOWN).asks_sessions
