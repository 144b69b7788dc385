"""Who is who: the other names of organisations and topics.

A group is every name of one thing ('DINUM', 'Direction interministérielle du numérique').
Groups come from the shipped, editable lists in bot/data/ (organisations.csv, topics.csv) and
from the programme itself: a name followed by its acronym ('… du numérique (DINUM)'), or a
speaker credited once with an acronym and once with the name it spells.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from bot.programme.model import Programme
from bot.settings.config import SHIPPED_DATA
from bot.wording.folding import fold

Words = tuple[str, ...]
_ACRONYM = re.compile(r"\(([A-Z][A-Za-z]{1,9})\)")
BEFORE = 120
"""How many characters before '(ACR)' its full name may take."""


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


def learned_groups(programme: Programme, words: Callable[[str], list[str]]) -> list[list[Words]]:
    """Acronyms the programme explains: 'Full Name (ACR)' in any text, or one speaker
    credited with both."""
    groups: list[list[Words]] = []
    texts = [e.description for e in programme.events]
    texts += [p.text for e in programme.events for p in e.passages]
    texts += [f"{s.title} {s.description} {' '.join(s.organisations)}" for s in programme.sessions]
    for text in texts:
        for match in _ACRONYM.finditer(text) if "(" in text else ():
            before = words(text[max(0, match.start() - BEFORE) : match.start()])[-10:]
            acronym = words(match.group(1))
            if len(acronym) != 1:
                continue
            for start in range(len(before)):
                if spells(acronym[0], tuple(before[start:])):
                    groups.append([tuple(acronym), tuple(before[start:])])
                    break
    groups += _track_acronyms(programme, words)
    by_speaker: dict[str, set[Words]] = {}
    read: dict[str, Words] = {}
    for session in programme.sessions:
        for speaker in session.speakers:
            org = speaker.organisation
            if org:
                if org not in read:
                    read[org] = tuple(words(org))
                by_speaker.setdefault(speaker.name, set()).add(read[org])
    pairs = dict.fromkeys(  # each pair tested once, however many speakers give both
        (short, long) for names in by_speaker.values() for short in names if len(short) == 1
        for long in names if long != short)
    return groups + [[short, long] for short, long in pairs if spells(short[0], long)]


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
