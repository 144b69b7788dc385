"""Who speaks about what: an inverted index over titles, speakers, organisations, links,
the heading a session sits under and its description.

Accents and case are folded away; a word matches exactly, as a prefix ('démocrat'), by
its stem ('sécurité' -> 'sécuriser', 'contributing' -> 'contribution'), or with one typo
('grsit' -> 'grist': a letter missing, added, changed or two swapped).
Typos are found through a deletion index (`bot.wording.typos`, as SymSpell does), so a
lookup costs the same whatever the size of the programme.

Who is who: every name of an organisation or a topic (`bot.programme.aliases`) is filed under one
concept term, so 'DINUM' finds 'Direction interministérielle du numérique' and 'IA' finds
'LLM'; a speaker written with an initial ('B. Guerry') is also filed under the first name
the programme gives elsewhere ('Bastien Guerry'). A word found in many sessions counts
less than a rare one.
"""

from __future__ import annotations

import bisect
import heapq
import math
import re
from collections import defaultdict
from dataclasses import dataclass

from bot.programme.aliases import Words, expansions, learned_groups, shipped_groups
from bot.programme.model import Programme, Session
from bot.wording.folding import fold
from bot.wording.typos import Typos

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
PREFIX_QUALITY = 0.6
TYPO_QUALITY = 0.5
"""A word found as the start of another, or with a typo, counts less than found as it is:
'samu' is the SAMU of a title before the Samuel of a speaker."""
TYPO_MIN_LENGTH = 4
"""Shorter words are too easily another word with one letter changed."""
STEM_QUALITY = 0.55
_SUFFIXES = tuple(sorted((
    "isations", "isation", "issements", "issement", "ations", "ation", "ements", "ement",
    "ites", "ite", "iser", "isee", "ises", "ise", "euses", "euse", "eurs", "eur", "ives", "ive",
    "ifs", "if", "ables", "able", "ments", "ment", "ions", "ion", "ees", "ee", "es", "er", "e",
    "s", "ities", "ity", "ings", "ing", "ers", "ed", "ies",
), key=len, reverse=True))
"""French and English endings, longest first: 'securisation' loses 'isation', not 's'."""
_SUFFIXES_BY_LENGTH = tuple(
    (length, frozenset(s for s in _SUFFIXES if len(s) == length))
    for length in sorted({len(s) for s in _SUFFIXES}, reverse=True))
"""The endings grouped by length, longest first: a word's ending of each length is looked
up once, not compared with every ending (the index stems every word it holds)."""
STEM_MIN_LENGTH = 5
"""A stem shorter than this joins unrelated words ('donn': données, donner)."""
COGNATE_MIN_LENGTH = 6
"""From this length, a French word ending in a consonant and 're' has the stem of its
English form in 'er' ('ministre', 'centre', 'octobre'); shorter ones are small words
(« votre », « entre »)."""


def stem(word: str) -> str | None:
    """The word without its longest French or English ending ('securite', 'securiser',
    'securisation' -> 'secur'), or None when what is left would be too short to mean one
    thing."""
    single = word[:-1] if word.endswith("res") else word
    if len(single) >= COGNATE_MIN_LENGTH and single.endswith("re") and single[-3] not in "aeiouy":
        word = single[:-2] + "er"  # « ministres », 'minister'; « membre », 'member'
    for length, suffixes in _SUFFIXES_BY_LENGTH:
        if len(word) - length >= STEM_MIN_LENGTH and word[-length:] in suffixes:
            return word[:-length]
    return word if len(word) >= STEM_MIN_LENGTH and word.isalpha() else None


def words(text: str) -> list[str]:
    """The searchable words of `text`: folded, without stopwords and single letters."""
    return [w for w in _LONGER_WORD.findall(fold(text)) if w not in STOPWORDS]


@dataclass(frozen=True)
class Hit:
    """A session that matches a query, and how well; `partial` when it matches only some
    of the query's words (no session matches them all)."""

    session: Session
    score: float
    partial: bool = False


WHOLE_WORD_LENGTH = 2
"""A query word this short, or with a capital after its first letter ('IoT', 'CNIL'), is an
acronym: it matches whole words only, never the start or the inside of a longer one."""


def whole_words(query: str) -> frozenset[str]:
    """The words of `query` that match only as themselves (see WHOLE_WORD_LENGTH)."""
    return frozenset(fold(w) for w in re.findall(r"[^\W_]+", query)
                     if len(w) <= WHOLE_WORD_LENGTH or any(c.isupper() for c in w[1:]))


class Concepts:
    """Names (word sequences) of the same organisation or topic -> one concept term."""

    def __init__(self, groups: list[list[Words]]) -> None:
        self._term: dict[Words, str] = {}
        for group in groups:
            term = next((self._term[n] for n in group if n in self._term), None)
            term = term or "=" + " ".join(group[0])
            for name in group:
                self._term.setdefault(name, term)
        self._by_first: dict[str, list[Words]] = defaultdict(list)
        for name in sorted(self._term, key=len, reverse=True):
            self._by_first[name[0]].append(name)

    def find(self, text: list[str]) -> list[tuple[int, int, str]]:
        """(start, end, term) of each name in `text`, longest first, not overlapping."""
        found, i = [], 0
        while i < len(text):
            for name in self._by_first.get(text[i], ()):
                if tuple(text[i : i + len(name)]) == name:
                    found.append((i, i + len(name), self._term[name]))
                    i += len(name)
                    break
            else:
                i += 1
        return found

    def every(self, text: list[str]) -> list[str]:
        """The term of each name in `text`, those inside a longer name too: a track
        'Continuous Integration and Continuous Deployment', a concept of its own, also
        speaks of 'continuous integration'."""
        if self._by_first.keys().isdisjoint(text):
            return []  # most texts: no word starts a name
        return list(dict.fromkeys(
            self._term[name] for i in range(len(text)) for name in self._by_first.get(text[i], ())
            if tuple(text[i : i + len(name)]) == name))


def _people(sessions: tuple[Session, ...]) -> dict[str, list[str]]:
    """'B. Guerry' -> ['bastien']: the first names the programme gives elsewhere to a
    speaker it also writes with an initial (each name as written, read once)."""
    named = {speaker.name for session in sessions for speaker in session.speakers}
    parts_of = {name: _WORD.findall(fold(name)) for name in named}
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


def _fields(session: Session, people: dict[str, list[str]]) -> list[tuple[float, str]]:
    """(weight, text) of each field of `session` that is searched, the heaviest first."""
    names = [speaker.name for speaker in session.speakers]
    fields = [(FIELD_WEIGHTS["speaker"], name) for name in names]
    if people:  # only a programme that writes some speaker with an initial has any
        fields += [(FIELD_WEIGHTS["speaker"], " ".join(people[name]))
                   for name in names if name in people]
    fields += [(FIELD_WEIGHTS["organisation"], org) for org in session.organisations]
    fields += [(FIELD_WEIGHTS["title"], session.title), (FIELD_WEIGHTS["section"],
               session.section), (FIELD_WEIGHTS["track"], session.track or "")]
    if session.links:
        fields += [(FIELD_WEIGHTS["link"], link.text) for link in session.links]
    fields.append((FIELD_WEIGHTS["description"], session.description))
    return fields


def _postings(sessions: tuple[Session, ...], concepts: Concepts) -> dict[str, dict[int, float]]:
    """Each word and concept term -> {session number: the weight of the heaviest field of
    the session it is found in}. Each distinct field is read and filed once for all the
    sessions it comes back in (a speaker, an organisation, a section)."""
    people = _people(sessions)
    found_in: dict[tuple[float, str], list[int]] = defaultdict(list)
    for number, session in enumerate(sessions):
        for field in _fields(session, people):
            if field[1]:
                found_in[field].append(number)
    read: dict[str, list[str]] = {}
    """Each distinct text's words and concept terms, read once whatever its weights."""
    postings: dict[str, dict[int, float]] = defaultdict(dict)
    # The lightest fields first: a heavier field of the same session overwrites its weight.
    for weight, text in sorted(found_in, key=lambda field: field[0]):
        terms = read.get(text)
        if terms is None:
            found = words(text)
            terms = read[text] = found + concepts.every(found)
        numbers = found_in[weight, text]
        if len(numbers) == 1:  # most fields (a title, a description): one session's own
            for word in terms:
                postings[word][numbers[0]] = weight
            continue
        weights = dict.fromkeys(numbers, weight)
        for word in terms:
            postings[word].update(weights)
    return dict(postings)


class SearchIndex:
    """Built once per programme; `search` answers a query in well under a millisecond."""

    def __init__(self, programme: Programme) -> None:
        self.sessions: tuple[Session, ...] = programme.sessions
        self.expansions = expansions(programme, words)
        """What the programme says its acronyms stand for ('I2BC' -> 'Institut de …')."""
        self.concepts = Concepts(shipped_groups(words)
                                 + learned_groups(programme, words, self.expansions))
        self._postings = _postings(self.sessions, self.concepts)
        # Each session's rank among equal scores: the most recent first, then by title.
        by_recency = sorted(range(len(self.sessions)), key=lambda n: (
            -self.sessions[n].day.toordinal(), self.sessions[n].title))
        self._order = [0] * len(self.sessions)
        for rank, number in enumerate(by_recency):
            self._order[number] = rank

        self._vocabulary = sorted(self._postings)
        self.words = frozenset(self._vocabulary)
        """Every indexed word."""
        self._stems: dict[str, list[str]] = defaultdict(list)
        for word in self._vocabulary:
            if (root := stem(word)) is not None:
                self._stems[root].append(word)
        self._typos = Typos(self._vocabulary, TYPO_MIN_LENGTH)

    def _matches(self, word: str, whole: bool = False) -> dict[str, float]:
        """Index words that `word` stands for, with the quality of the match (itself only
        when `whole`)."""
        found = {word: 1.0} if word in self._postings else {}
        if whole and len(word) > 3 and word.endswith("s") and word[:-1] in self._postings:
            found.setdefault(word[:-1], 1.0)  # an acronym's plural: 'APIs', 'LLMs'
        if word.startswith("=") or whole:
            return found
        if len(word) >= 3:
            start = bisect.bisect_left(self._vocabulary, word)
            for candidate in self._vocabulary[start:]:
                if not candidate.startswith(word):
                    break
                found.setdefault(candidate, PREFIX_QUALITY)
        if word.endswith(("s", "x")) and len(word) > 3 and word[:-1] in self._postings:
            found.setdefault(word[:-1], STEM_QUALITY)  # 'shows': 'show', too short to stem
        roots = {stem(word)}
        if word.endswith("ies") and len(word) > 5:  # 'ceremonies': 'ceremony'
            roots.add(stem(word[:-3] + "y"))
        for root in roots - {None}:
            for candidate in self._stems.get(root, ()):  # type: ignore[arg-type]
                found.setdefault(candidate, STEM_QUALITY)
        if not found and len(word) >= TYPO_MIN_LENGTH:
            for candidate in self._typos.near(word):
                found[candidate] = TYPO_QUALITY
        return found

    def search(self, query: str, limit: int = 10) -> list[Hit]:
        """Sessions matching every word of `query` (or, failing that, most of them), best
        first, then most recent first."""
        terms = self._terms(words(query))
        if not terms:
            return []
        whole = whole_words(query)
        scores: dict[int, float] = defaultdict(float)
        matched: dict[int, int] = defaultdict(int)
        for term, spelled in terms:
            best: dict[int, float] = {}
            found = self._matches(term, term in whole)
            if spelled:
                for candidate, quality in self._matches(spelled, spelled in whole).items():
                    found[candidate] = max(found.get(candidate, 0.0), quality)
            for candidate, quality in found.items():
                postings = self._postings[candidate]
                if not best and quality == 1.0:
                    best = dict(postings)  # the word itself: its postings as they are
                    continue
                for number, weight in postings.items():
                    if quality * weight > best.get(number, 0.0):
                        best[number] = quality * weight
            rarity = self._rarity(len(best))
            for number, score in best.items():
                scores[number] += score * rarity
                matched[number] += 1
        if not scores:
            return []
        most = max(matched.values())
        if most < len(terms) and most < max(1, (len(terms) + 1) // 2):
            return []
        ranked = heapq.nsmallest(  # the best `limit` only: a word of half the programme
            limit, (n for n in scores if matched[n] == most),
            key=lambda n: (-scores[n], self._order[n]),
        )
        partial = most < len(terms)
        return [Hit(self.sessions[n], scores[n], partial) for n in ranked]

    def _rarity(self, found: int) -> float:
        """How much a query word found in `found` sessions counts: 1 for a word of one
        session, little for a word of half the programme."""
        total = len(self.sessions) + 1
        return max(0.1, math.log(total / max(found, 1)) / math.log(total)) if found else 0.0

    def _terms(self, query: list[str]) -> list[tuple[str, str]]:
        """The query's words, each name of a concept replaced by the concept's term, with
        the word as typed when the name is one word (it still matches as itself:
        'sécurité' also finds 'sécuriser')."""
        terms: list[tuple[str, str]] = []
        at = 0
        for start, end, term in self.concepts.find(query):
            terms += [(word, "") for word in query[at:start]]
            terms.append((term, query[start] if end - start == 1 else ""))
            at = end
        return terms + [(word, "") for word in query[at:]]
