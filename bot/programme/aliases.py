"""Who is who: the other names of organisations and topics.

A group is every name of one thing ('DINUM', 'Direction interministérielle du numérique').
Groups come from the shipped, editable lists in bot/data/ (organisations.csv, topics.csv) and
from the programme itself: a name followed by its acronym ('… du numérique (DINUM)'), or a
speaker credited once with an acronym and once with the name it spells.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from bot.programme.model import Programme
from bot.settings.shipped import SHIPPED_DATA
from bot.wording.folding import fold

Words = tuple[str, ...]
_ACRONYM = re.compile(r"\(([A-Z][A-Za-z0-9]{1,9})\)")
_LETTER_WORDS = re.compile(r"\b([A-Z][A-Z0-9]{1,9})\b[\"»”]?\s*\(([^()]{3,160})\)")
"""'FAIR (Facile à trouver, Accessible, …)': an acronym and what its letters stand for."""
_WRITTEN_ACRONYM = re.compile(r"[A-Z](?<!\w[A-Z])[A-Z]{1,5}\b")
"""Two to six capitals as a word ('DINUM'): r'\b[A-Z]{2,6}\b', its first boundary checked
behind its first letter, so that the pattern starts with a letter, which the engine skips
to (twice as fast over all the texts of a programme)."""
_CAPITAL = "A-ZÀ-ÖØ-Þ"
_CAPITALISED_RUN = re.compile(
    rf"[{_CAPITAL}](?<!\w.)[a-zß-ÿ]+(?:\s+(?:(?:of|and|for|the|de|du|des|la|le|l'|et|pour)\s+)"
    rf"{{0,2}}[{_CAPITAL}][a-zß-ÿ]+){{1,6}}")
"""Capitalised words in a row, small words between them allowed ('Board of Directors');
starting with a capital, as _WRITTEN_ACRONYM does, not a word boundary."""
_WORD_SPAN = re.compile(r"[^\W_]+")
_APART = "\x00"
"""Between texts scanned as one: neither a letter nor a space, so no acronym or run of
capitalised words reaches from one text into the next, and each text's ends are word
boundaries as they are alone."""
BEFORE = 120
"""How many characters before '(ACR)' its full name may take."""


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
        self.starts = frozenset(self._by_first)
        """The words that start a name: a text with none of them names nothing."""

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
        if self.starts.isdisjoint(text):
            return []  # most texts: no word starts a name
        return list(dict.fromkeys(
            self._term[name] for i in range(len(text)) for name in self._by_first.get(text[i], ())
            if tuple(text[i : i + len(name)]) == name))


def read_groups(path: Path, words: Callable[[str], list[str]]) -> list[list[Words]]:
    """The groups of a list file: one per line, names separated by ';', '#' comments."""
    if not path.is_file():
        return []
    groups = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            names = [tuple(words(name)) for name in line.split(";")]
            groups.append([n for n in names if n])
    return [g for g in groups if len(g) > 1]


def spells(acronym: str, name: Words) -> bool:
    """Whether the words of `name`, each giving the start of itself, in order, spell
    `acronym` ('direction interministerielle numerique' spells 'dinum')."""
    if not name or len(name) > len(acronym) or name[0][:1] != acronym[:1]:
        return False
    reached = {0}  # how much of the acronym the words so far can spell
    for word in name:
        reached = {at + k for at in reached
                   for k in range(1, min(len(word), len(acronym) - at) + 1)
                   if word[:k] == acronym[at : at + k]}
        if not reached:
            return False
    return len(acronym) in reached


def learned_groups(programme: Programme, words: Callable[[str], list[str]],
                   explained: dict[str, str]) -> list[list[Words]]:
    """Acronyms the programme explains (`explained`, from `expansions`), or one speaker
    credited with both."""
    named = ((tuple(words(acronym)), tuple(words(name))) for acronym, name in explained.items())
    groups = [[short, long] for short, long in named if len(short) == 1 and long]
    groups += _track_acronyms(programme, words)
    by_speaker: dict[str, set[Words]] = defaultdict(set)
    read: dict[str, Words] = {}
    for session in programme.sessions:
        for speaker in session.speakers:
            org = speaker.organisation
            if org:
                if org not in read:
                    read[org] = tuple(words(org))
                by_speaker[speaker.name].add(read[org])
    credited: dict[frozenset[Words], set[Words]] = {}
    """Each set of organisations some speaker is credited with, once: speakers who give
    the same ones give the same pairs."""
    for names in by_speaker.values():
        if len(names) > 1:
            credited.setdefault(frozenset(names), names)
    pairs = dict.fromkeys(  # each pair tested once, however many speakers give both
        (short, long) for names in credited.values() for short in names if len(short) == 1
        for long in names if long != short)
    return groups + [[short, long] for short, long in pairs if spells(short[0], long)]


def expansions(programme: Programme, words: Callable[[str], list[str]]) -> dict[str, str]:
    """What the programme's texts say its acronyms stand for, as they write it: a name
    followed by its acronym ('Institut de Biologie Intégrative de la Cellule (I2BC)'), an
    acronym followed by a list of its letters' words ('FAIR (Facile à trouver, Accessible,
    Interopérable, Réutilisable)'), or capitalised words whose initials spell an acronym
    written elsewhere ('Technical Steering Committee' and 'TSC'). The first found wins."""
    texts = [e.description for e in programme.events]
    texts += [p.text for e in programme.events for p in e.passages]
    texts += [f"{s.title} {s.description} {' '.join(s.organisations)}" for s in programme.sessions]
    found: dict[str, str] = {}
    for text in texts:
        if "(" in text:
            for match in _ACRONYM.finditer(text):
                _named_before(text, match, words, found)
            for match in _LETTER_WORDS.finditer(text):
                items = [item.strip() for item in match.group(2).split(",")]
                initials = "".join(item[:1] for item in items).upper()
                if len(items) > 1 and initials == match.group(1).upper():
                    found.setdefault(match.group(1), match.group(2).strip())
    every = _APART.join(texts)  # one scan of all the texts per pattern, not one per text
    written = set(_WRITTEN_ACRONYM.findall(every))
    for name in dict.fromkeys(_CAPITALISED_RUN.findall(every)):  # each run once, in order
        initials = "".join(w[0] for w in name.split() if w[0].isupper())
        if initials in written:
            found.setdefault(initials, name)
    return found


def _named_before(text: str, match: re.Match[str], words: Callable[[str], list[str]],
                  found: dict[str, str]) -> None:
    """'… Intégrative de la Cellule (I2BC)': the shortest run of words before it that
    spells it, as written."""
    acronym = words(match.group(1))
    if len(acronym) != 1:
        return
    before_text = text[max(0, match.start() - BEFORE) : match.start()]
    spans = [m for m in _WORD_SPAN.finditer(before_text) if words(m.group(0))]
    folded = [words(m.group(0))[0] for m in spans][-10:]
    spans = spans[-10:]
    for start in range(len(folded)):
        if spells(acronym[0], tuple(folded[start:])):
            found.setdefault(match.group(1), before_text[spans[start].start():].strip(" ,:"))
            return
    # 'Institut de Biologie Intégrative de la Cellule (I2BC)' spells it only loosely:
    # capitalised words right before it, starting with its first letter
    runs = list(_CAPITALISED_RUN.finditer(before_text))
    if runs and not before_text[runs[-1].end():].strip() and (
            runs[-1].group(0)[0] == match.group(1)[0]):
        found.setdefault(match.group(1), runs[-1].group(0))
def _track_acronyms(programme: Programme,
                    words: Callable[[str], list[str]]) -> list[list[Words]]:
    """A track of several words is also named by its initials ('Real Time Communications'
    is RTC, 'Internet of Things' IoT), with or without those of its small words."""
    groups = []
    for track in sorted({s.track for s in programme.sessions if s.track}):
        every = re.findall(r"[a-z0-9]+", fold(track))
        significant = tuple(words(track))
        initials = {"".join(w[0] for w in every), "".join(w[0] for w in significant)}
        found = [(initial,) for initial in sorted(initials) if len(initial) >= 3]
        if len(significant) > 1 and found:
            groups.append([significant, *found])
    return groups


def shipped_groups(words: Callable[[str], list[str]]) -> list[list[Words]]:
    """The organisations and topics of the shipped lists."""
    return read_groups(SHIPPED_DATA / "organisations.csv", words) + read_groups(
        SHIPPED_DATA / "topics.csv", words
    )
