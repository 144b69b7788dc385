"""A title in quotes between a credit and notes: 'exposé “Title”, A et B, Org - 45’',
'Name - Org - “Title” - 45’ + 15’ questions', 'TP « Title », par Name'."""

from __future__ import annotations

import re

from bot.loaders.talks.credits import find_credit, parse_credit
from bot.loaders.talks.kinds import format_kind
from bot.loaders.talks.names import is_block
from bot.loaders.talks.titles import Talk

_QUOTED = re.compile(
    r"“\s*(?P<curly>[^“”«»]{3,}?)\s*”|«\s*(?P<angle>[^“”«»]{3,}?)\s*»"
    r"|\"\s*(?P<straight>[^\"“”«»]{3,}?)\s*\""
)
_FORMAT_WORDS = 1
"""A line may name the format of what it quotes before the quote ('exposé', 'TP'): one
word ('Le projet « Foo » par A' is titled as written)."""
_NOTES = re.compile(r"\s[-–—]\s")
"""What follows a credit after a dash is a note ('- 45’ + 15’ questions')."""
_NOTE_START = re.compile(r"^(?:$|[\d(\[])")
"""A note after a title: a duration ('45’ + 15’ questions'), a bracket ('(example video)')."""


def quoted_talk(text: str) -> Talk | None:
    """The quoted title of a line that credits someone outside the quotes: names (and their
    organisations) before it, then only notes ('Name - Org - “Title” - 45’', 'Name "Title"'),
    or a format word at most before it and the credit after it ('exposé “Title”, A et B,
    Org', 'TP « Title », par Name'). None if the line quotes no title, or more than one, or
    says anything else around it."""
    quotes = list(_QUOTED.finditer(text))
    if len(quotes) != 1:
        return None
    quote = quotes[0]
    title = next(group for group in quote.groups() if group)
    lead = text[: quote.start()].strip(" -–—:,")
    tail = text[quote.end() :].strip(" -–—:,.")
    if lead and _NOTE_START.match(tail):
        speakers, organisations, _links = parse_credit(lead)
        if speakers and all(is_block(speaker.name) for speaker in speakers):
            return Talk(title, speakers, organisations)
    if len(lead.split()) > _FORMAT_WORDS:
        return None
    credit = _NOTES.split(tail, maxsplit=1)[0].strip(" .")
    if credit.count(")") > credit.count("("):
        credit = credit.rstrip(")")  # 'A et B, CNES) - 45’': a bracket the page left unopened
    credited = find_credit(credit, at_start=True) if credit else None
    if credited is None or credited[2] != 0:
        return None
    return Talk(title, credited[0], credited[1], kind=format_kind(lead) if lead else None)
