"""Dates and times written as people write them in France, and in English."""

from datetime import date, datetime, time

from bot.proposals.review import action_label
from bot.wording.i18n import count, format_datetime, format_day, format_span, format_time


def test_french_style() -> None:
    assert format_datetime(datetime(2024, 12, 4, 14, 20), "fr") == "mercredi 4 décembre, 14 h 20"
    assert format_time(time(9), "fr") == "9 h"
    assert format_day(date(2024, 11, 1), "fr", with_year=True) == "vendredi 1er novembre 2024"
    assert format_span(time(14), time(14, 20), "fr") == "14 h – 14 h 20"


def test_english_style() -> None:
    assert format_datetime(datetime(2024, 12, 4, 14, 20), "en") == "Wednesday 4 December, 2:20 pm"
    assert format_time(time(0, 5), "en") == "12:05 am"
    assert format_time(time(12), "en") == "12 pm"
    assert format_span(time(9), None, "en") == "9 am"
    assert format_span(None, None, "en") == ""


def test_counts_agree_in_french_and_english() -> None:
    assert [count(n, "warning") for n in (0, 1, 2)] == ["0 warnings", "1 warning", "2 warnings"]
    assert [count(n, "autre", lang="fr") for n in (0, 1, 2)] == ["0 autre", "1 autre", "2 autres"]
    assert count(3, "notice") == "3 notices"


def test_proposal_history_reads_in_french() -> None:
    assert [action_label(a, "fr") for a in ("submitted", "accepted", "scored", "commented")] == [
        "soumise", "acceptée", "notée", "commentée"]
    assert action_label("accepted", "en") == "accepted"
