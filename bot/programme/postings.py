"""The search index's postings: each word of the programme, and the sessions it is found
in with the weight of the heaviest field it is found in there.

Filed field by field, not session by session: every title of the programme (every
speaker, every organisation…) is joined into one text, folded and split into words by one
pass of a pattern, and each word filed with the numbers of the texts it is in. A word's
sessions and weights are put together when a search first asks for them, then kept.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import chain

from bot.programme.aliases import Concepts
from bot.programme.model import Session
from bot.wording.folding import fold, fold_once

FIELD_WEIGHTS = {
    "speaker": 3.0, "organisation": 2.0, "title": 2.0, "section": 1.5, "track": 1.5,
    "link": 1.0, "description": 0.5,
}
STOPWORDS = frozenset(
    [
        "a",
        "au",
        "aux",
        "de",
        "des",
        "du",
        "d",
        "l",
        "la",
        "le",
        "les",
        "un",
        "une",
        "et",
        "en",
        "sur",
        "pour",
        "par",
        "avec",
        "dans",
        "ou",
        "the",
        "of",
        "and",
        "on",
        "for",
        "in",
        "to",
        "by",
        "with",
        "about",
        "at",
        "an",
        "is",
    ]
)
_WORD = re.compile(r"[a-z0-9]+")
_LONGER_WORD = re.compile(r"[a-z0-9]{2,}")
"""The words of two letters or more: single letters are never searched."""
APART = "\x00"
"""Between the texts of a field joined into one: neither a letter nor a space, and left as
it is by folding, so each text keeps its own words."""
_LONGER_WORD_OR_APART = re.compile(rf"{APART}|{_LONGER_WORD.pattern}")


def words(text: str) -> list[str]:
    """The searchable words of `text`: folded, without stopwords and single letters."""
    return [w for w in _LONGER_WORD.findall(fold(text)) if w not in STOPWORDS]


@dataclass(frozen=True)
class _Field:
    """One searched field of every session (its title, its speakers…): the texts, and
    the numbers of the sessions each is of."""

    weight: float
    texts: list[str]
    sessions: list[list[int]] | None = None
    """None when text n is session n's (a field every session has once)."""

    def sessions_of(self, numbers: list[int]) -> Iterable[int]:
        """The sessions of the texts numbered `numbers`."""
        if self.sessions is None:
            return numbers
        return chain.from_iterable(map(self.sessions.__getitem__, numbers))


def _shared(weight: float, texts: Iterable[tuple[str, int]]) -> _Field:
    """A field a session may have several times and share with others (its speakers,
    its organisations): each distinct text once, with the numbers of its sessions."""
    sessions: dict[str, list[int]] = defaultdict(list)
    for text, number in texts:
        sessions[text].append(number)
    return _Field(weight, list(sessions), list(sessions.values()))


def _fields(sessions: tuple[Session, ...]) -> list[_Field]:
    """Every searched field of `sessions`, the lightest first."""
    numbered = list(enumerate(sessions))
    speakers = _shared(FIELD_WEIGHTS["speaker"],
                       ((speaker.name, n) for n, s in numbered for speaker in s.speakers))
    fields = [
        speakers,
        _shared(FIELD_WEIGHTS["organisation"],
                ((org, n) for n, s in numbered for org in s.organisations)),
        _Field(FIELD_WEIGHTS["title"], [s.title for s in sessions]),
        _Field(FIELD_WEIGHTS["section"], [s.section for s in sessions]),
        _Field(FIELD_WEIGHTS["track"], [s.track or "" for s in sessions]),
        _shared(FIELD_WEIGHTS["link"], ((link.text, n) for n, s in numbered for link in s.links)),
        _Field(FIELD_WEIGHTS["description"], [s.description for s in sessions]),
    ]
    people = _people(speakers.texts)
    if people:  # only a programme that writes some speaker with an initial has any
        initialled = [i for i, name in enumerate(speakers.texts) if name in people]
        fields.append(_Field(FIELD_WEIGHTS["speaker"],
                             [" ".join(people[speakers.texts[i]]) for i in initialled],
                             [speakers.sessions[i] for i in initialled]))  # type: ignore[index]
    return sorted(fields, key=lambda field: field.weight)


def _people(names: list[str]) -> dict[str, list[str]]:
    """'B. Guerry' -> ['bastien']: the first names the programme gives elsewhere to a
    speaker it also writes with an initial (`names`: each speaker's name, once)."""
    parts_of = {name: _WORD.findall(fold_once(name)) for name in names}
    full: dict[tuple[str, str], set[str]] = defaultdict(set)
    for parts in parts_of.values():
        if len(parts) >= 2 and len(parts[0]) > 1:
            full[(parts[0][0], " ".join(parts[1:]))].add(parts[0])
    found = {}
    for name, parts in parts_of.items():
        if len(parts) >= 2 and len(parts[0]) == 1:
            first = full.get((parts[0], " ".join(parts[1:])))
            if first:
                found[name] = sorted(first)
    return found


def _filed(texts: list[str], concepts: Concepts) -> dict[str, list[int]]:
    """Each word and concept term of `texts` -> the numbers of the texts it is in."""
    joined = APART.join(map(fold_once, texts))
    if joined.count(APART) > len(texts) - 1:  # some text holds it: there, it is a space
        joined = APART.join(fold_once(text).replace(APART, " ") for text in texts)
    filed: dict[str, list[int]] = defaultdict(list)
    number = 0
    for word in _LONGER_WORD_OR_APART.findall(joined):
        if word == APART:
            number += 1
        else:
            filed[word].append(number)
    for word in STOPWORDS & filed.keys():
        del filed[word]
    read: dict[str, list[str]] = {}
    """The concept terms of each distinct text that may name one, read once."""
    for number in {n for start in concepts.starts & filed.keys() for n in filed[start]}:
        text = texts[number]
        if text not in read:
            read[text] = concepts.every(words(text))
        for term in read[text]:
            filed[term].append(number)
    return dict(filed)


class Postings:
    """Each word and concept term of the sessions' searched fields -> {session number: the
    weight of the heaviest field of the session it is found in}."""

    def __init__(self, sessions: tuple[Session, ...], concepts: Concepts) -> None:
        self._filed = [(field, _filed(field.texts, concepts)) for field in _fields(sessions)]
        self.words: frozenset[str] = frozenset().union(*(filed for _, filed in self._filed))
        """Every word and concept term found."""
        self._made: dict[str, dict[int, float]] = {}

    def __contains__(self, word: str) -> bool:
        return word in self.words

    def __getitem__(self, word: str) -> dict[int, float]:
        made = self._made.get(word)
        if made is None:
            if word not in self.words:
                raise KeyError(word)
            made = {}
            for field, filed in self._filed:  # the lightest first: a heavier one overwrites
                numbers = filed.get(word)
                if numbers:
                    made.update(dict.fromkeys(field.sessions_of(numbers), field.weight))
            self._made[word] = made
        return made
