"""French typography for everything the bot sends: the space before « : », « ; », « ! »,
« ? » and inside « » is a non-breaking one, so a reply never wraps with a colon or a
closing guillemet at the start of a line.

It is applied where text leaves for Matrix (`transports.matrix.messages.notice`, the reason
of a declined invitation), where clients wrap lines; replies are built, tested and shown in
the console with ordinary spaces. Applied to English too: a correct English sentence has no
space before those signs, so it is left as it was. A command written with a prefix of one of
those signs (`?aide`) is left too: the sign is then followed by a letter, not a pause.
"""

from __future__ import annotations

import re

NBSP = "\u00a0"
"""Before « : » and inside guillemets (Imprimerie nationale)."""
NARROW_NBSP = "\u202f"
"""Before « ; », « ! » and « ? »."""

_BEFORE_COLON = re.compile(r" (?=[:»])")
_AFTER_OPENING = re.compile(r"« ")
_BEFORE_PAUSE = re.compile(r" (?=[;!?](?:\s|$|[»).,;!?]))")
_TAG = re.compile(r"(<[^>]*>)")


def french_spaces(text: str) -> str:
    """`text` with the spaces around two-part punctuation and guillemets made
    non-breaking."""
    if " " not in text:
        return text
    text = _BEFORE_COLON.sub(NBSP, text)
    text = _AFTER_OPENING.sub("«" + NBSP, text)
    return _BEFORE_PAUSE.sub(NARROW_NBSP, text)


def french_spaces_html(markup: str) -> str:
    """The same, on the text of `markup` only, never inside a tag."""
    return "".join(part if part.startswith("<") else french_spaces(part)
                   for part in _TAG.split(markup))
