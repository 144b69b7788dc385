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
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property
from itertools import chain

from bot.programme.aliases import Concepts, expansions, learned_groups, shipped_groups
from bot.programme.collection import collection_paused
from bot.programme.model import Programme, Session
from bot.programme.postings import Postings, words
from bot.wording.folding import fold
from bot.wording.typos import Typos

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


class SearchIndex:
    """Built once per programme; `search` answers a query in well under a millisecond."""

    def __init__(self, programme: Programme) -> None:
        self.sessions: tuple[Session, ...] = programme.sessions
        self.expansions = expansions(programme, words)
        """What the programme says its acronyms stand for ('I2BC' -> 'Institut de …')."""
        self.concepts = Concepts(shipped_groups(words)
                                 + learned_groups(programme, words, self.expansions))
        self._postings = Postings(self.sessions, self.concepts)
        self.words = self._postings.words
        """Every indexed word."""
        self._vocabulary = sorted(self.words)

    # What only some searches need is made by the first that does: a programme is often
    # replaced before anyone has searched it with a typo.

    @cached_property
    def _order(self) -> list[int]:
        """Each session's rank among equal scores: the most recent first, then by title."""
        keys = [(-session.day.toordinal(), session.title) for session in self.sessions]
        order = [0] * len(self.sessions)
        for rank, number in enumerate(sorted(range(len(keys)), key=keys.__getitem__)):
            order[number] = rank
        return order

    @cached_property
    def _stems(self) -> dict[str, list[str]]:
        """Each stem -> the indexed words that have it, in alphabetical order."""
        stems: dict[str, list[str]] = defaultdict(list)
        with collection_paused():
            for word in self._vocabulary:
                if (root := stem(word)) is not None:
                    stems[root].append(word)
        return stems

    @cached_property
    def _typos(self) -> Typos:
        with collection_paused():
            return Typos(self._vocabulary, TYPO_MIN_LENGTH)

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
        found = [self._scores(term, spelled, whole) for term, spelled in terms]
        if len(found) == 1:
            scores, most = found[0], 1
        else:
            matched = Counter(chain.from_iterable(found))  # how many words each session has
            most = max(matched.values(), default=0)
            scores = {number: 0.0 for number, count in matched.items() if count == most}
            for term_scores in found:
                for number in scores.keys() & term_scores.keys():
                    scores[number] += term_scores[number]
        if not scores or (most < len(terms) and most < max(1, (len(terms) + 1) // 2)):
            return []
        # Two sorts on keys looked up in C, not one on a key made per session (a word of
        # half the programme): the most recent first, then the best, stable among equals.
        ranked = sorted(scores, key=self._order.__getitem__)
        ranked.sort(key=scores.__getitem__, reverse=True)
        partial = most < len(terms)
        return [Hit(self.sessions[n], scores[n], partial) for n in ranked[:limit]]

    def _scores(self, term: str, spelled: str, whole: frozenset[str]) -> dict[int, float]:
        """Each session `term` (or `spelled`, the word as typed) is found in -> how well:
        its best match's quality times the weight of the field, times the word's rarity."""
        found = self._matches(term, term in whole)
        if spelled:
            for candidate, quality in self._matches(spelled, spelled in whole).items():
                if candidate != spelled:  # the name itself: its concept is filed wherever it is
                    found[candidate] = max(found.get(candidate, 0.0), quality)
        best: dict[int, float] = {}
        for candidate, quality in found.items():
            postings = self._postings[candidate]
            if not best and quality == 1.0:
                best = dict(postings)  # the word itself: its postings as they are
                continue
            for number, weight in postings.items():
                if quality * weight > best.get(number, 0.0):
                    best[number] = quality * weight
        rarity = self._rarity(len(best))
        return {number: score * rarity for number, score in best.items()}

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
