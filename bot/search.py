"""Who speaks about what: an inverted index over titles, speakers, organisations and links.

Accents and case are folded away; a word matches exactly, as a prefix ('démocrat'), or
with one typo ('grsit' -> 'grist': a letter missing, added, changed or two swapped).
Typos are found through a deletion index (each word filed under itself with one letter
removed, as SymSpell does), so a lookup costs the same whatever the size of the programme;
rapidfuzz checks the candidates' true distance.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz.distance import DamerauLevenshtein

from bot.model import Programme, Session, fold

FIELD_WEIGHTS = {"speaker": 3.0, "organisation": 2.0, "title": 2.0, "link": 1.0}
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
TYPO_MIN_LENGTH = 4
"""Shorter words are too easily another word with one letter changed."""


def _deletions(word: str) -> set[str]:
    """The word and every way to write it with one letter left out."""
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def words(text: str) -> list[str]:
    """The searchable words of `text`: folded, without stopwords and single letters."""
    return [w for w in _WORD.findall(fold(text)) if len(w) > 1 and w not in STOPWORDS]


@dataclass(frozen=True)
class Hit:
    """A session that matches a query, and how well."""

    session: Session
    score: float


class SearchIndex:
    """Built once per programme; `search` answers a query in well under a millisecond."""

    def __init__(self, programme: Programme) -> None:
        self.sessions: tuple[Session, ...] = programme.sessions
        postings: dict[str, dict[int, float]] = defaultdict(dict)
        for number, session in enumerate(self.sessions):
            fields = [("title", session.title)]
            fields += [("speaker", name) for name in session.speaker_names]
            fields += [("organisation", org) for org in session.organisations]
            fields += [("link", link.text) for link in session.links]
            for field, text in fields:
                weight = FIELD_WEIGHTS[field]
                for word in words(text):
                    if postings[word].get(number, 0) < weight:
                        postings[word][number] = weight
        self._postings = dict(postings)
        self._vocabulary = sorted(self._postings)
        self.words = frozenset(self._vocabulary)
        """Every indexed word."""
        self._deletions: dict[str, list[str]] = defaultdict(list)
        for word in self._vocabulary:
            if len(word) >= TYPO_MIN_LENGTH:
                for key in _deletions(word):
                    self._deletions[key].append(word)

    def _matches(self, word: str) -> dict[str, float]:
        """Index words that `word` stands for, with the quality of the match."""
        found = {word: 1.0} if word in self._postings else {}
        if len(word) >= 3:
            start = bisect.bisect_left(self._vocabulary, word)
            for candidate in self._vocabulary[start:]:
                if not candidate.startswith(word):
                    break
                found.setdefault(candidate, 0.8)
        if not found and len(word) >= TYPO_MIN_LENGTH:
            candidates = {c for key in _deletions(word) for c in self._deletions.get(key, ())}
            for candidate in candidates:
                if DamerauLevenshtein.distance(word, candidate, score_cutoff=1) <= 1:
                    found[candidate] = 0.5
        return found

    def search(self, query: str, limit: int = 10) -> list[Hit]:
        """Sessions matching every word of `query` (or, failing that, most of them), best
        first, then most recent first."""
        terms = words(query)
        if not terms:
            return []
        scores: dict[int, float] = defaultdict(float)
        matched: dict[int, int] = defaultdict(int)
        for term in terms:
            best: dict[int, float] = {}
            for candidate, quality in self._matches(term).items():
                for number, weight in self._postings[candidate].items():
                    best[number] = max(best.get(number, 0.0), quality * weight)
            for number, score in best.items():
                scores[number] += score
                matched[number] += 1
        if not scores:
            return []
        most = max(matched.values())
        if most < len(terms) and most < max(1, (len(terms) + 1) // 2):
            return []
        ranked = sorted(
            (n for n in scores if matched[n] == most),
            key=lambda n: (-scores[n], -self.sessions[n].day.toordinal(), self.sessions[n].title),
        )
        return [Hit(self.sessions[n], scores[n]) for n in ranked[:limit]]
