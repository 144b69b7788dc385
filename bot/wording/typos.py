"""Words one typo away, found through a deletion index: each word is filed under itself and
under every way to write it with one letter left out, so a word with one letter wrong,
missing, added or two letters swapped meets its neighbours without being compared with
every word of the vocabulary."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable


class Typos:
    """The words of a vocabulary of at least `min_length` letters, found one typo away."""

    def __init__(self, words: Iterable[str], min_length: int) -> None:
        index: dict[str, list[str]] = defaultdict(list)
        for word in words:
            if len(word) >= min_length:
                for key in _deletions(word):
                    index[key].append(word)
        self._index = index

    def near(self, word: str) -> set[str]:
        """The filed words at most one typo (Damerau-Levenshtein) away from `word`."""
        candidates = {c for key in _deletions(word) for c in self._index.get(key, ())}
        return {c for c in candidates if typo_distance(word, c, cutoff=1) <= 1}


def typo_distance(typed: str, known: str, cutoff: int | None = None) -> int:
    """How many typos (letters wrong, missing or added, two letters swapped: the
    Damerau-Levenshtein distance) make `known` into `typed`; past `cutoff`, `cutoff` + 1."""
    # Imported on first use, by a word that was not found: rapidfuzz is a twentieth of
    # the console's start, and most sessions never mistype.
    from rapidfuzz.distance import DamerauLevenshtein

    return DamerauLevenshtein.distance(typed, known, score_cutoff=cutoff)


def _deletions(word: str) -> set[str]:
    """The word and every way to write it with one letter left out."""
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}
