"""The event's n-th day, as a heading counts it: 'Jour 2', 'Day 3', 'Tag 1', 'Jour 2️⃣',
'Day One', '2e journée', 'Second day', 'Zweiter Tag'."""

from __future__ import annotations

import re

from bot.loaders.when.fold import fold

_DAY_WORDS = r"(?:jour|journee|day|tag|dia|giorno|giornata|dag)"
_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "un": 1, "deux": 2, "trois": 3,
    "quatre": 4, "cinq": 5, "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "funf": 5, "uno": 1,
    "dos": 2, "tres": 3, "due": 2, "tre": 3, "een": 1, "twee": 2, "drie": 3,
}  # fmt: skip
_RANKS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "premier": 1, "premiere": 1,
    "deuxieme": 2, "seconde": 2, "troisieme": 3, "quatrieme": 4, "cinquieme": 5,
    "erster": 1, "erste": 1, "zweiter": 2, "zweite": 2, "dritter": 3, "dritte": 3,
    "vierter": 4, "vierte": 4, "primer": 1, "primera": 1, "segundo": 2, "segunda": 2,
    "tercer": 3, "tercera": 3, "primo": 1, "prima": 1, "secondo": 2, "seconda": 2, "terzo": 3,
    "terza": 3, "eerste": 1, "tweede": 2, "derde": 3, "vierde": 4,
}  # fmt: skip
_KEYCAP = "(?:\ufe0f?\u20e3)?"
_COUNTED = re.compile(
    rf"(?<![a-z]){_DAY_WORDS}\s*(?:n[°o]\.?\s*|#\s*)?"
    rf"(?:(?P<n>\d{{1,2}}){_KEYCAP}(?!\d|[./:h])|(?P<word>{'|'.join(_NUMBERS)})(?![a-z]))"
)
"""'Jour 2', 'Day #3', 'Day One'."""
_RANKED = re.compile(
    rf"(?<![a-z])(?:(?P<n>\d{{1,2}})\s*(?:er|re|e|eme|st|nd|rd|th|\.|o|a)|"
    rf"(?P<word>{'|'.join(_RANKS)}))\s+{_DAY_WORDS}(?![a-z])"
)
"""'2e journée', '2nd day', 'Second day', 'Zweiter Tag', '2. Tag'."""
_LONGEST_EVENT = 31


def find_ordinal(text: str) -> int | None:
    """The n-th day of the event that `text` (a heading) names, or None."""
    folded = fold(text[:200])
    for pattern, words in ((_COUNTED, _NUMBERS), (_RANKED, _RANKS)):
        found = pattern.search(folded)
        if found:
            number = int(found["n"]) if found["n"] else words[found["word"]]
            return number if 0 < number <= _LONGEST_EVENT else None
    return None
