"""Slots read as people write them — rooms by code or bracketed name, tracks next to
« devroom », kinds in both languages, hours with pm and without, the past — and follow-ups:
which messages only give slots, and the question they make with the one before."""

from __future__ import annotations

from datetime import date, time

import pytest

from bot.understanding import Intent, Knowledge, Slots, understand

SATURDAY = date(2020, 2, 1)
ROOMS = ("Janson", "K.1.105 (La Fontaine)", "K.3.201 (Lovelace)", "UB2.252A (Lameere)",
         "Saal 1", "Saal GLITCH", "Call for Art (GAME)", "salon des Arcades de l'Hôtel de ville")
KNOWN = Knowledge.of(ROOMS, frozenset(), tracks=(
    "Python", "Go", "Rust", "Legal and Policy Issues", "Real Time Communications",
    "Internet of Things", "Hardware & Making"))


def read(text: str) -> Intent:
    return understand(text, SATURDAY, KNOWN)


@pytest.mark.parametrize(("text", "room"), [
    ("what's on in K.3.201?", "K.3.201 (Lovelace)"),
    ("il se passe quoi en salle Lovelace ?", "K.3.201 (Lovelace)"),
    ("Python talks in Lameere?", "UB2.252A (Lameere)"),
    ("salle la fontaine", "K.1.105 (La Fontaine)"),
    ("programme de la salle 1", "Saal 1"), ("qu'est-ce qui passe en GLITCH ?", "Saal GLITCH"),
    ("what's in the salon des Arcades at 4 pm?", "salon des Arcades de l'Hôtel de ville"),
    ("room ub2.252a", "UB2.252A (Lameere)"), ("k3201 à 15h", "K.3.201 (Lovelace)"),
])
def test_rooms_as_people_write_them(text: str, room: str) -> None:
    assert read(text).slots.room == room


@pytest.mark.parametrize("text", ["y a des game shows ?", "lovelace est née quand ?",
                                  "the 1 thing"])
def test_a_word_of_a_bracket_is_a_room_only_when_written_as_a_name(text: str) -> None:
    assert read(text).slots.room is None


@pytest.mark.parametrize(("text", "track"), [
    ("which room is the Python devroom in?", "Python"),
    ("la devroom Legal and Policy c'est quoi ?", "Legal and Policy Issues"),
    ("RTC devroom talks?", "Real Time Communications"),
    ("what did I miss in the Go devroom?", "Go"),
    ("next talk in the Hardware & Making track?", "Hardware & Making"),
    ("le track IoT demain", "Internet of Things"),
])
def test_tracks_next_to_a_word_saying_so(text: str, track: str) -> None:
    assert read(text).slots.track == track


def test_a_track_name_alone_is_a_topic() -> None:
    intent = read("Python talks?")
    assert (intent.slots.track, intent.subject) == (None, "Python")


@pytest.mark.parametrize(("text", "hour"), [
    ("what's in K.3.201 at 4:45 pm?", time(16, 45)), ("at 4h45 pm", time(16, 45)),
    ("what's in room B at 3?", time(15)), ("what's on at 2:15?", time(14, 15)),
    ("il se passe quoi à 2h ?", time(14)), ("à 1h du matin ?", time(1)),
    ("à 9:30 ?", time(9, 30)), ("quoi à 02:15 ?", time(2, 15)), ("à 16h ?", time(16)),
])
def test_hours_with_pm_and_without(text: str, hour: time) -> None:
    assert read(text).slots.hour == hour


@pytest.mark.parametrize(("text", "kind", "lang"), [
    ("les keynotes de dimanche ?", "keynote", "fr"), ("les plénières ?", "keynote", "fr"),
    ("any lightning talks?", "lightning", "en"), ("des présentations éclair ?", "lightning", "fr"),
    ("any BoFs?", "bof", "en"), ("y a une table ronde ?", "panel", "fr"),
    ("who is on the round table?", "panel", "en"), ("combien de TP ?", "workshop", "fr"),
])
def test_kinds_in_both_languages(text: str, kind: str, lang: str) -> None:
    intent = read(text)
    assert (intent.slots.kind, intent.lang) == (kind, lang)


@pytest.mark.parametrize("text", ["j'ai loupé quoi ?", "qu'est-ce que j'ai raté ce matin ?",
                                  "what did I miss?", "what have I missed in Janson?"])
def test_the_past(text: str) -> None:
    intent = read(text)
    assert (intent.slots.tense, intent.subject) == ("past", "")


@pytest.mark.parametrize(("text", "lang"), [
    ("Saturday?", "en"), ("samedi ?", "fr"), ("recordings?", "en"), ("Keynotes?", "en"),
    ("TC53 meetings?", "en"), ("Node.js sessions on Thursday?", "en"), ("démos ?", "fr"),
])
def test_short_messages_get_their_language(text: str, lang: str) -> None:
    assert read(text).lang == lang


@pytest.mark.parametrize("text", ["et demain ?", "and the afternoon?", "et en salle Janson ?",
                                  "demain ?", "l'après-midi ?", "salle Janson ?",
                                  "and at 3 pm?", "et maintenant ?", "what about Sunday?",
                                  "et les keynotes ?", "and in the Go devroom?"])
def test_messages_that_only_give_slots_follow(text: str) -> None:
    assert read(text).follows


@pytest.mark.parametrize("text", ["programme de demain", "il y a quoi demain ?",
                                  "qui parle de Grist demain ?", "les keynotes de dimanche ?",
                                  "merci", "bonjour", "c'est où ?", "what's on tomorrow?"])
def test_questions_of_their_own_do_not_follow(text: str) -> None:
    assert not read(text).follows


def test_a_follow_up_is_the_question_before_with_its_slots() -> None:
    grist = read("qui parle de Grist ?")
    tomorrow = grist.followed_by(read("et demain ?"))
    assert (tomorrow.name, tomorrow.subject, tomorrow.slots) == (
        "search", "Grist", Slots(day=date(2020, 2, 2)))
    in_janson = tomorrow.followed_by(read("and in Janson?"))
    assert (in_janson.lang, in_janson.slots) == ("en", Slots(day=date(2020, 2, 2),
                                                             room="Janson"))


def test_a_part_of_the_day_keeps_the_day_asked_before() -> None:
    sunday = read("programme de dimanche")
    afternoon = sunday.followed_by(read("et l'après-midi ?"))
    assert afternoon.slots == Slots(day=date(2020, 2, 2), part="afternoon")
    at_three = afternoon.followed_by(read("et à 15h ?"))
    assert at_three.slots == Slots(day=date(2020, 2, 2), hour=time(15))


def test_a_day_or_a_year_ends_what_is_on_now() -> None:
    now = read("qu'est-ce qui se passe en salle Janson maintenant ?")
    assert now.slots.tense == "now"
    assert now.followed_by(read("et demain ?")).slots == Slots(day=date(2020, 2, 2),
                                                               room="Janson")


def test_an_intent_is_kept_as_json_and_read_back() -> None:
    intent = read("j'ai loupé quoi ce matin en Janson à 11h ?")
    assert Intent.from_json(intent.to_json()) == intent
    assert Intent.from_json("not json") is None
    assert Intent.from_json('{"name": "search", "lang": "fr", "unknown": 1}') == Intent(
        "search", "fr")
