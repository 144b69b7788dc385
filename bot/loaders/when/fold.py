"""Text as the grammars read it: folded one character for one, with addresses blanked.

Every grammar runs on `prepare(text)`, which has the length of `text`, so each span it
finds is a span of the text as written.
"""

from __future__ import annotations

import re
import unicodedata


class _FoldTable(dict[int, str]):
    """Each character's lower-case letter without accents, filled as characters are met."""

    def __missing__(self, key: int) -> str:
        char = chr(key)
        if char.isspace():
            folded = " "  # no-break and narrow no-break spaces ('14\u202fh')
        else:
            base = "".join(
                c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
            )
            folded = base.casefold() if base else char
            if len(folded) != 1:  # 'ß', 'ﬁ': kept, so that offsets stay those of the text
                folded = char.lower() if len(char.lower()) == 1 else char
        self[key] = folded
        return folded


_TABLE = _FoldTable()
_ADDRESSES = re.compile(
    r"(?:https?://|www\.)[^\s<>\"')\]]*"  # URLs
    r"|\]\([^)\s]*"  # Markdown link targets: '](/ressources/2019/10/15'
    r"|(?:href|src)\s*=\s*(?:\"[^\"]*|'[^']*)"  # HTML attributes
)
"""On folded text; each branch starts with a letter or a sign, which `re` looks for fast."""


def fold(text: str) -> str:
    """`text` lower-cased and without accents, one character for each of `text`."""
    return text.lower() if text.isascii() else text.translate(_TABLE)


def prepare(text: str) -> str:
    """`fold(text)` with URLs, link targets and `href`/`src` values blanked out."""
    folded = fold(text)
    if "/" not in folded and "](" not in folded:
        return folded
    return _ADDRESSES.sub(lambda found: " " * len(found.group()), folded)


_DIGITS = re.compile(r"\d+")


def near_digits(folded: str, margin: int) -> list[tuple[int, int]]:
    """The stretches of `folded` within `margin` characters of a digit, merged: where days
    can be (each holds a number), so that the day grammar reads a few stretches, not all."""
    stretches: list[tuple[int, int]] = []
    for found in _DIGITS.finditer(folded):
        start, end = max(0, found.start() - margin), min(len(folded), found.end() + margin)
        if stretches and start <= stretches[-1][1]:
            stretches[-1] = (stretches[-1][0], end)
        else:
            stretches.append((start, end))
    return stretches
