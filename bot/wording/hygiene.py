"""Text hygiene: what a person sees is what the bot reads and sends.

Unicode "format" characters (category Cf) are invisible: bidirectional controls (U+202A–E,
U+2066–9, U+200E/F, U+061C) can reorder what is shown, and zero-width ones (U+200B–D, U+2060,
U+FEFF, U+00AD) split or hide words, so `!qui gr\u200bist` would not find Grist and a name
could pretend to be another. They are removed from what comes in, before it is read, and
from every name and title before it is sent.

One exception: a zero-width joiner (U+200D) between two emoji is kept. It is what makes
👩‍💻 or 🏳️‍🌈 one picture, cannot hide or reorder text between emoji, and removing it would
change what people see. Emoji tag characters (U+E0020–E007F, subdivision flags) are removed:
they are also a known way to hide ASCII text, and the flag falls back to a plain 🏴.

A lone surrogate (U+D800–DFFF without its pair, which JSON's `\\ud800` escapes can carry) is
no character at all: it cannot be written as UTF-8, to the database or to the homeserver. It
becomes U+FFFD, the � a client shows for it.
"""

from __future__ import annotations

import unicodedata

ZWJ = "\u200d"
REPLACEMENT = "\ufffd"


def _emoji_side(char: str) -> bool:
    """A character that may sit on either side of a joiner inside an emoji sequence."""
    return unicodedata.category(char) in ("So", "Sk") or char == "\ufe0f"


_SHOWN: set[str] = set()
"""Characters met before that are not format characters (accented letters, « », –, ’):
a text made only of them is returned at once. Bounded by `_SHOWN_LIMIT`."""
_SHOWN_LIMIT = 4096


def visible(text: str) -> str:
    """`text` without invisible format characters (see the module docstring)."""
    if text.isascii() or _SHOWN.issuperset(text):
        return text
    if len(_SHOWN) < _SHOWN_LIMIT:
        _SHOWN.update(c for c in text if unicodedata.category(c) not in ("Cf", "Cs"))
    kept: list[str] = []
    for index, char in enumerate(text):
        category = unicodedata.category(char)
        if category == "Cs":
            kept.append(REPLACEMENT)
        elif category != "Cf" or (char == ZWJ and kept and _emoji_side(kept[-1])
                                  and index + 1 < len(text) and _emoji_side(text[index + 1])):
            kept.append(char)
    return "".join(kept)
