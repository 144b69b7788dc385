"""The numbered parts an item holds in its own lines: '* **15h – 17h : Plénière**' then
'**1. Title**', 'Invité : Name (Org)', '**2. Title**'… Each part is a session in the item's
hours; the item only groups them."""

from __future__ import annotations

import re

from bot.loaders.talks.credits import CREDIT_LABEL, find_credit
from bot.loaders.talks.markup import inline_text
from bot.loaders.talks.titles import Talk
from bot.programme.model import Speaker

_PART = re.compile(r"\*\*\s*(?P<number>\d{1,2})[.)]\s+(?P<title>[^*]+?)\s*\*\*")
"""A numbered part's title in bold: '**1. Engager une mutation …**'."""


def numbered_parts(lines: list[str]) -> list[Talk]:
    """The talks of the bold parts numbered 1, 2, 3… that follow an item's first line,
    each credited by the labelled lines under it ('Invité : Name (Org)'); [] unless there
    are two or more, numbered in order from 1."""
    text = "\n".join(lines)
    found = list(_PART.finditer(text))
    if len(found) < 2 or [int(p.group("number")) for p in found] != list(
        range(1, len(found) + 1)
    ):
        return []
    ends = [p.start() for p in found[1:]] + [len(text)]
    return [_part(part.group("title"), text[part.end() : end])
            for part, end in zip(found, ends, strict=True)]


def _part(title: str, under: str) -> Talk:
    speakers: dict[str, Speaker] = {}
    organisations: list[str] = []
    for line in under.split("\n"):
        text = inline_text(line)[0].strip()
        labelled = CREDIT_LABEL.match(text)
        found = find_credit(text[labelled.end() :], at_start=True) if labelled else None
        if found:
            for speaker in found[0]:
                speakers.setdefault(speaker.name, speaker)
            organisations.extend(found[1])
    return Talk(inline_text(title)[0].strip(), tuple(speakers.values()),
                tuple(dict.fromkeys(organisations)))
