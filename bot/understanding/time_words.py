"""The words of time: today, tomorrow, parts of the day, weekdays and months, French and
English, folded (no accents, lower case)."""

from __future__ import annotations


def _w(text: str) -> list[str]:
    return text.split()


TODAY = frozenset(_w("aujourdhui aujourd today tonight"))
TOMORROW = frozenset(_w("demain tomorrow"))
YESTERDAY = frozenset(_w("hier yesterday"))
PARTS = {
    "matin": "morning",
    "matinee": "morning",
    "morning": "morning",
    "apresmidi": "afternoon",
    "afternoon": "afternoon",
    "soir": "evening",
    "soiree": "evening",
    "evening": "evening",
    "tonight": "evening",
    "midi": "noon",
    "noon": "noon",
}
WEEKDAYS = {
    **{d: i for i, d in enumerate(_w("lundi mardi mercredi jeudi vendredi samedi dimanche"))},
    **{d: i for i, d in enumerate(_w("monday tuesday wednesday thursday friday saturday sunday"))},
    **{d: i for i, d in enumerate(_w("mon tue wed thu fri sat sun"))},
}
MONTHS = {
    **{
        m: i + 1
        for i, m in enumerate(
            _w(
                "janvier fevrier mars avril mai juin juillet aout septembre octobre "
                "novembre decembre"
            )
        )
    },
    **{
        m: i + 1
        for i, m in enumerate(
            _w(
                "january february march april may june july august september october november "
                "december"
            )
        )
    },
    "janv": 1,
    "fev": 2,
    "fevr": 2,
    "avr": 4,
    "juil": 7,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
}
