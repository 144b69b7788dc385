"""'Name: Title' and 'Title: Name' lines of one list. A title in capitals reads as names
too ('Open Source: Jane Doe', 'Jane Doe: Open Source'), so one line cannot say which side
of its colon credits a person; the list can: the side that reads as names on most of its
colon lines, when the other side rarely does. So with names in bold before the title
('**Jane Doe** (Acme) : "Title"', '**John Roe** : Title'): a list whose bold parts mostly
name persons credits them on every line."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Literal

from bot.loaders.talks.markup import inline_text
from bot.loaders.talks.names import block_speakers, is_block, people
from bot.loaders.talks.titles import Talk, clean_title
from bot.programme.model import Speaker

Side = Literal["head", "tail", "bold"]

_COLON = re.compile(r"(?<=\S):\s+(?=\S)")
"""A colon that ends a word and is followed by a space: not '10:30', not 'a : b'."""
_LINES = 3
"""A list shows its layout from this many colon lines on ('Introduction Round: Presenting
the Team' and 'Brainstorming Session: Kick-off' alone do not)."""
_MOSTLY = 0.6
"""The names' side holds names on this share of the colon lines at least, and the other
side on less than half as many."""
_HANDLE = re.compile(r"[\w.\-]{2,30}")
"""A one-word name written as a handle ('failbaitr'): a credit only where the list's
layout says the side is names."""


def colon_side(texts: Sequence[str], known: Side | None = None) -> Side | None:
    """'head' when the part before the colon reads as names on most colon lines of a list
    and the part after on far fewer, 'tail' the other way round, None otherwise. A list of
    too few colon lines to tell keeps the side `known` from the page's earlier lists, if
    its lines agree."""
    lines = [text for text in texts if _COLON.search(text)]
    if not lines:
        return None
    heads = sum(1 for text in lines if is_block(_split(text, "head")[0]))
    tails = sum(1 for text in lines if _credited(_split(text, "tail")[1]))
    if len(lines) < _LINES:
        agree = (heads if known == "head" else tails) >= _MOSTLY * len(lines)
        return known if known and agree else None
    if heads >= _MOSTLY * len(lines) and tails < heads / 2:
        return "head"
    if tails >= _MOSTLY * len(lines) and heads < tails / 2:
        return "tail"
    return None


_BOLD_LEAD = re.compile(
    r"^\s*\*\*(?P<names>[^*]{3,120})\*\*\s*(?P<org>\((?:[^()]|\([^()]*\))*\))?\s*"
    r"(?::\s+(?P<title>\S.*)|(?P<notes>\[.*)?$)")
"""A line led by a bold part, maybe an organisation in brackets, then a colon and a title,
or nothing but links ('**Jane Doe** (Acme) [[slides]](…)')."""


def bold_names_lead(lines: Sequence[str]) -> bool:
    """Whether a list's lines (Markdown, without their hours) lead with persons in bold:
    most of the lines led by a bold part and a colon name persons in it, and a few do."""
    led = [found for line in lines if (found := _BOLD_LEAD.match(line)) and found["title"]]
    named = sum(1 for found in led if is_block(inline_text(found["names"])[0]))
    return named >= _LINES and named >= _MOSTLY * len(led)


def _bold_credit(talk: Talk, line: str) -> Talk:
    """The talk of a line in a list led by bold names: the persons in bold speak; the title
    is after the colon, or, when the line gives none, the names themselves."""
    found = _BOLD_LEAD.match(line)
    names = inline_text(found["names"])[0] if found else ""
    if not is_block(names):
        return talk
    speakers, organisations = block_speakers(f"{names} {found['org'] or ''}".strip())
    title = clean_title(inline_text(found["title"])[0]) if found["title"] else names
    return replace(talk, title=title, speakers=speakers,
                   organisations=talk.organisations or organisations)


def colon_credit(talk: Talk, side: Side | None, line: str = "") -> Talk:
    """`talk` with the names on `side` of its title's colon as its speakers, or with the
    persons in bold that lead its `line` (a talk that already credits someone, or has no
    colon, is left as it is)."""
    if side == "bold" and not talk.speakers:
        return _bold_credit(talk, line)
    if side in (None, "bold") or talk.speakers or not _COLON.search(talk.title):
        return talk
    head, tail = _split(talk.title, side)
    if side == "tail":
        found = _credited(tail)
        if not found:
            return talk
        return replace(talk, title=clean_title(head), speakers=found[0],
                       organisations=talk.organisations or found[1])
    if is_block(head):
        speakers, organisations = block_speakers(head)
    elif _HANDLE.fullmatch(head):
        speakers, organisations = (Speaker(head),), ()
    else:
        return talk
    return replace(talk, title=clean_title(tail), speakers=speakers,
                   organisations=talk.organisations or organisations)


def _split(text: str, side: Side) -> tuple[str, str]:
    """A line cut at its first colon when names lead it, at its last when names end it
    (a title keeps its own colons: 'Jon Doe: JPEG XL: a deep dive')."""
    colons = list(_COLON.finditer(text))
    colon = colons[0] if side == "head" else colons[-1]
    return text[: colon.start()].strip(), text[colon.end() :].strip().rstrip(".")


def _credited(text: str) -> tuple[tuple[Speaker, ...], tuple[str, ...]] | None:
    """The persons a tail credits: names first, then maybe their roles and bodies."""
    return people(text) if text[:1].isupper() else None
