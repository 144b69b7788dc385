"""The hold rule at fixed inputs: ordinary edits are published with the default thresholds,
a version that looks misread is held, and the thresholds are the configuration's."""

from __future__ import annotations

from dataclasses import replace
from datetime import time

from bot.publishing.hold import HoldRule, Reason
from bot.publishing.readings import Reading
from bot.settings.config import PublishingConfig
from tests.publishing.kit import SOURCE, day_of, programme, reading, talk

RULE = HoldRule.from_config(PublishingConfig())
TEN = programme(10)


def test_a_first_version_has_nothing_to_lose() -> None:
    assert RULE.reasons(None, reading()) == ()
    assert RULE.reasons(None, Reading(SOURCE, gone=True)) == ()
    assert RULE.reasons(reading(events=0), reading(events=0)) == ()


def test_ordinary_edits_are_never_held_by_default() -> None:
    three = programme(3)
    edits = {
        "a talk added": (three, [*three, talk("Nouvelle présentation", "16:00")]),
        "a talk moved": (three, [three[0], replace(three[1], start=time(15, 30)), three[2]]),
        "a talk renamed": (three, [talk("Titre corrigé", "09:00"), *three[1:]]),
        "a talk cancelled": (three, three[:2]),
        "two of ten cancelled": (TEN, TEN[:8]),
        "half cancelled, but two": (programme(4), programme(4)[:2]),
    }
    for edit, (before, after) in edits.items():
        assert RULE.reasons(reading(*before), reading(*after)) == (), edit


def test_losing_most_sessions_is_held_with_the_counts() -> None:
    assert RULE.reasons(reading(*TEN), reading(*TEN[:4])) == (Reason("sessions", 10, 4),)
    assert RULE.reasons(reading(*TEN), reading(*TEN[:5])) == (Reason("sessions", 10, 5),)
    assert RULE.reasons(reading(*TEN), reading(*TEN[:6])) == ()  # 4 of 10 lost: published


def test_no_programme_where_there_was_one_is_held() -> None:
    published = reading(*TEN)
    assert RULE.reasons(published, reading()) == (Reason("no_sessions", 10),)
    assert RULE.reasons(published, reading(events=0)) == (Reason("no_programme", 10),)
    assert RULE.reasons(published, Reading(SOURCE, gone=True)) == (Reason("gone", 10),)
    not_yet = reading()  # an event announced, its programme not published yet
    assert RULE.reasons(not_yet, reading(events=0)) == (Reason("no_programme", 0),)
    one = reading(talk("La seule présentation"))
    assert RULE.reasons(one, reading()) == (Reason("no_sessions", 1),)


def test_sessions_piled_on_fewer_days_are_held() -> None:
    three_days = programme(12, days=3)
    on_one_day = [replace(s, day=day_of(1)) for s in three_days]
    assert RULE.reasons(reading(*three_days), reading(*on_one_day)) == (Reason("days", 3, 1),)


def test_a_day_emptied_of_one_talk_or_a_whole_event_moved_is_published() -> None:
    two_days = [*programme(5), talk("Clôture", "17:00", day_of(2))]
    one_day = [*programme(5), talk("Clôture", "17:00", day_of(1))]
    assert RULE.reasons(reading(*two_days), reading(*one_day)) == ()
    postponed = [replace(s, day=day_of(8)) for s in TEN]
    assert RULE.reasons(reading(*TEN), reading(*postponed)) == ()


def test_losing_a_whole_day_of_a_two_day_event_is_held_both_ways() -> None:
    two_days = programme(8, days=2)
    first_day = [s for s in two_days if s.day == day_of(1)]
    assert RULE.reasons(reading(*two_days), reading(*first_day)) == (
        Reason("sessions", 8, 4), Reason("days", 2, 1))


def test_the_thresholds_are_the_configuration_s() -> None:
    strict = HoldRule.from_config(PublishingConfig(hold_sessions_lost=0.3,
                                                   hold_min_sessions_lost=2))
    assert strict.reasons(reading(*TEN), reading(*TEN[:7])) == (Reason("sessions", 10, 7),)
    assert strict.reasons(reading(*TEN), reading(*TEN[:8])) == ()
    lenient = HoldRule.from_config(PublishingConfig(hold_sessions_lost=0.9))
    assert lenient.reasons(reading(*TEN), reading(*TEN[:2])) == ()
    assert lenient.reasons(reading(*TEN), reading(*TEN[:1])) == (Reason("sessions", 10, 1),)
    off = HoldRule.from_config(PublishingConfig(hold=False))
    assert off.reasons(reading(*TEN), reading(events=0)) == ()
