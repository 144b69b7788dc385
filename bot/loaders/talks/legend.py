"""Speakers a programme names short, resolved from the rest of its page: initials through
a legend ('(J)ulien Seiler', 'Jane Doe (JD)', 'JD : Jane Doe'), a first name alone through
a fuller mention of the same person ('Arend' → 'Arend Smit' when the page says it once)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from bot.loaders.talks.names import NAME
from bot.loaders.talks.words import NOBODY
from bot.programme.model import Speaker
from bot.wording.folding import fold

_KEY = r"[A-ZÀ-Ö][a-zà-ÿA-ZÀ-Ö]{0,3}"
_BRACKETED_START = re.compile(
    rf"\((?P<key>{_KEY})\)(?P<rest>[a-zà-ÿ'’\-]*(?:\s+(?:[a-z]{{1,3}}\s+)?[A-ZÀ-Ö][\wà-ÿ'’\-]*)+)"
)
"""'(Bé)rénice Batut', '(G)ildas Le Corguillé': the letters in brackets start the name."""
_KEY_AFTER = re.compile(r"\((?P<key>[A-ZÀ-Ö]{2,4})\)")
_NAME_BEFORE = re.compile(rf"(?P<name>{NAME})\s*$")
"""'Jane Doe (JD)': a name, then its initials in brackets."""
_KEY_FIRST = re.compile(
    rf"^[\s*\-+•|]*(?P<key>[A-ZÀ-Ö]{{1,4}})\s*(?:[:=]|\s[-–—]\s)\s*\**(?P<name>{NAME})", re.M
)
"""'JD : Jane Doe', '* **JD** = Jane Doe' at the start of a line."""
_PARTS = re.compile(r"\s*(?:[+/&,]|\bet\b|\band\b)\s*")
_NOBODY = re.compile(rf"^(?:{'|'.join(NOBODY)})$")
_FIRST_NAME = re.compile(r"[A-ZÀ-Ö][a-zà-ÿ'’\-]+")
_NAME_CHECK = re.compile(NAME)


@dataclass
class Legend:
    """What a page says of the persons it names: its initials legend, and its text, where
    a first name is looked up (once per name) when a speaker is named by it alone."""

    text: str
    initials: dict[str, str]
    _full: dict[str, str | None] = field(default_factory=dict)

    def full_name(self, first: str) -> str | None:
        """The one fuller name the page gives a first name ('Arend' → 'Arend Smit')."""
        if first not in self._full:
            pattern = re.compile(rf"(?<![\w-]){re.escape(first)}(?:[ \t]+[A-ZÀ-Ö][\wà-ÿ'’\-]+)+")
            found = {m.group() for m in pattern.finditer(self.text)
                     if _NAME_CHECK.fullmatch(m.group())}
            self._full[first] = found.pop() if len(found) == 1 else None
        return self._full[first]


def read_legend(text: str) -> Legend:
    """The initials the page explains, and its text."""
    initials: dict[str, str] = {}
    for found in _BRACKETED_START.finditer(text):
        name = found.group("key") + found.group("rest")
        if _NAME_CHECK.fullmatch(name):
            initials.setdefault(found.group("key"), name)
    for found in _KEY_AFTER.finditer(text):
        before = _NAME_BEFORE.search(text, max(0, found.start() - 80), found.start())
        if before:
            initials.setdefault(found.group("key"), before.group("name"))
    for found in _KEY_FIRST.finditer(text):
        initials.setdefault(found.group("key"), found.group("name"))
    return Legend(text, initials)


def resolve(speakers: tuple[Speaker, ...], legend: Legend) -> tuple[Speaker, ...]:
    """`speakers` with initials and lone first names written out in full, and a credit
    that names nobody ('All', 'Tous') dropped."""
    resolved: list[Speaker] = []
    for speaker in speakers:
        if _NOBODY.match(fold(speaker.name)):
            continue
        parts = [p for p in _PARTS.split(speaker.name) if p]
        if parts and all(p in legend.initials for p in parts):
            resolved.extend(replace(speaker, name=legend.initials[p]) for p in parts)
        elif _FIRST_NAME.fullmatch(speaker.name) and (full := legend.full_name(speaker.name)):
            resolved.append(replace(speaker, name=full))
        else:
            resolved.append(speaker)
    return tuple(dict.fromkeys(resolved))
