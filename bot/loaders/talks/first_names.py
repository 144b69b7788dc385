"""A talk credited by first names in brackets ('Hands-on (David, Paulo)', 'Cloud (Martin)'),
the persons being the page's speakers named in full elsewhere ('Davide Risso', 'Martin
Morgan')."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from bot.loaders.talks.titles import Talk, clean_title
from bot.programme.model import Speaker

_FIRST = r"[A-ZÀ-ÖØ-Þ][a-zà-ÿ'’\-]+"
_BRACKETED_FIRSTS = re.compile(
    rf"^(?P<title>.*\S)\s*\((?P<names>{_FIRST}(?:\s*(?:,|&|\s(?:and|et|und|y|e|en)\s)\s*{_FIRST})*)"
    r"\)\s*$"
)
_JOINS = re.compile(r"\s*(?:,|&|\s(?:and|et|und|y|e|en)\s)\s*")
_SHORTEST = 3
"""A first name written short ('Vince' for 'Vincent') keeps at least this many letters."""


def full_names(speakers: Iterable[Speaker]) -> tuple[str, ...]:
    """The names of `speakers` written in full (a first name and more), once each."""
    return tuple(dict.fromkeys(s.name for s in speakers if len(s.name.split()) > 1))


def first_name_credit(talk: Talk, known: tuple[str, ...]) -> Talk:
    """`talk` with a last bracket of first names read as its speakers, when each names
    one of the `known` full names: the same first name, else the one it starts ('David'
    → 'Davide Risso', 'Vince' → 'Vincent Carey'). A bracket of words that are not all
    speakers' first names ('(Python, Django)') stays in the title."""
    found = _BRACKETED_FIRSTS.match(talk.title) if not talk.speakers else None
    if not found:
        return talk
    persons = [_person(first, known) for first in _JOINS.split(found.group("names"))]
    if not all(persons):
        return talk
    speakers = tuple(Speaker(name) for name in dict.fromkeys(p for p in persons if p))
    return replace(talk, title=clean_title(found.group("title")), speakers=speakers)


def _person(first: str, known: tuple[str, ...]) -> str | None:
    """The one known full name whose first name is `first`, else the one it starts."""
    same = [name for name in known if name.split()[0] == first]
    if not same and len(first) >= _SHORTEST:
        same = [name for name in known if name.split()[0].startswith(first)]
    return same[0] if len(same) == 1 else None
