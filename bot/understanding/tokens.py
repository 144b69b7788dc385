"""From a chat message to the words the grammar reads: folded, split, respelled.

People type on phones: no accents, SMS spelling ('koi', 'c', 'dem1'), typos. Every word
is folded (lower case, no accents) and respelled to the word it stands for, keeping where
it was in the message so the user's own spelling can be given back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from bot.wording.folding import fold
from bot.wording.typos import Typos

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})
_TOKEN = re.compile(
    r"\d{1,2}\s?[h:]\s?\d{0,2}(?![a-z0-9])"  # 16h, 16 h 30, 9:30
    r"|\d{1,2}/\d{1,2}(?:/\d{2,4})?"  # 4/12, 4/12/2024
    r"|[a-z0-9]+(?:[.@][a-z0-9]+)*"  # words, code.gouv.fr, e-mail addresses
)

_TYPO_MIN_LENGTH = 5
"""Shorter words of a message are too easily another word with one letter changed."""

SMS = {
    "koi": "quoi", "kwa": "quoi", "koa": "quoi", "quoa": "quoi",
    "ki": "qui", "kan": "quand", "qd": "quand", "kand": "quand", "ke": "que",
    "kesk": "que", "keske": "que", "kes": "que", "kel": "quel", "kelle": "quelle",
    "qqch": "chose", "qqc": "chose", "qqn": "quelqu", "qq": "quelque",
    "prog": "programme", "progr": "programme", "prgm": "programme", "pgm": "programme",
    "programm": "programme", "prgramme": "programme",
    "auj": "aujourdhui", "ajd": "aujourdhui", "aujd": "aujourdhui", "aujourdhui": "aujourdhui",
    "dem1": "demain", "2main": "demain", "dmain": "demain", "2m1": "demain", "dm1": "demain",
    "aprem": "apresmidi", "apm": "apresmidi", "aprm": "apresmidi",
    "cest": "c", "ces": "c", "sa": "ca", "ya": "y",
    "slt": "salut", "bjr": "bonjour", "bsr": "bonsoir", "cc": "coucou",
    "mci": "merci", "mrc": "merci", "thx": "thanks", "ty": "thanks",
    "stp": "svp", "pls": "please", "plz": "please",
    "ds": "dans", "pr": "pour", "tt": "tout", "bcp": "beaucoup",
    "conf": "conference", "confs": "conference", "conferences": "conference",
    "pres": "presentation", "prez": "presentation", "presentations": "presentation",
    "talks": "talk", "sessions": "session", "interventions": "intervention",
    "demos": "demo", "ateliers": "atelier", "workshops": "workshop",
    "whats": "what", "wats": "what", "wat": "what", "u": "you", "r": "are",
    "tmrw": "tomorrow", "tmr": "tomorrow", "2moro": "tomorrow", "tomorow": "tomorrow",
}
"""SMS spelling and plurals -> the word the lexicon knows."""


@dataclass(frozen=True)
class Token:
    """A word of the message: as the lexicon knows it, and where it was."""

    word: str
    raw: str
    """The folded word as typed, before respelling ('confs' for 'conference')."""
    start: int
    end: int
    marked: bool = False
    """Typed with a capital or a digit ('Lameere', 'K.1.105'): a name rather than a word."""


def tokens(
    text: str, vocabulary: frozenset[str] = frozenset(), *keep: frozenset[str]
) -> list[Token]:
    """The message's words, folded and respelled; a word one typo away from a word of
    `vocabulary` (5 letters or more) becomes that word, unless it is in one of the `keep`
    sets (the programme's own words: 'Albert' is a name, not a typo for 'alert')."""
    folded = fold(text.translate(_APOSTROPHES))
    found = []
    for match in _TOKEN.finditer(folded):
        raw = re.sub(r"\s", "", match.group())
        word = SMS.get(raw, raw)
        if (vocabulary and word not in vocabulary and len(word) >= _TYPO_MIN_LENGTH
                and word.isalpha() and not any(word in kept for kept in keep)):
            word = _nearest(word, vocabulary) or word
        typed = original(text, match.start(), match.end())
        marked = any(c.isupper() or c.isdigit() for c in typed)
        found.append(Token(word, raw, match.start(), match.end(), marked))
    if found and found[-1].word == "la" and text[found[-1].start : found[-1].end] == "là":
        last = found[-1]  # « c'est qui qui parle là ? »: là, at the end, is now
        found[-1] = Token("maintenant", last.raw, last.start, last.end, last.marked)
    return found


def _nearest(word: str, vocabulary: frozenset[str]) -> str | None:
    """The word of `vocabulary` one typo away from `word` (the first in alphabetical order
    when several are), found through their one-letter deletions."""
    close = _typos(vocabulary).near(word)
    return min(close) if close else None


@cache
def _typos(vocabulary: frozenset[str]) -> Typos:
    return Typos(vocabulary, _TYPO_MIN_LENGTH)


def original(text: str, start: int, end: int) -> str:
    """The user's own spelling of the folded span [start, end), when folding kept lengths."""
    folded = fold(text.translate(_APOSTROPHES))
    return text[start:end] if len(folded) == len(text) else folded[start:end]
