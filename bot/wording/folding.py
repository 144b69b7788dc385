"""Folding: the one key every comparison of names, titles and words uses (lower case, no
accents), and the readable slugs made from it."""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache


def _ranges_class(codes: list[int]) -> str:
    """A regex character class of `codes` (sorted), written as ranges."""
    ranges: list[list[int]] = []
    for code in codes:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return "[" + "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in ranges) + "]+"


@cache
def _combining_bmp() -> re.Pattern[str]:
    """Combining marks of the Basic Multilingual Plane: a regex removes them in one C scan,
    several times faster than str.translate's per-character dictionary look-ups. Made for
    the first accented text, not at import: scanning the plane is a twentieth of the
    console's start, and an ASCII text never needs it."""
    return re.compile(
        _ranges_class([c for c in range(0x10000) if unicodedata.combining(chr(c))]))


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Lower-case `text` and strip accents: the key every comparison of names uses.

    Cached: a session's title is folded for its evidence, its kind, its id and its search
    entry, and a reload folds the same names again."""
    return fold_once(text)


def fold_once(text: str) -> str:
    """`fold`, not kept in its cache: for the many texts folded once (every title of a
    programme, for its search index), which would push out those folded again and again."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    if decomposed.isascii():
        return decomposed
    stripped = _combining_bmp().sub("", decomposed)
    if not _ASTRAL.search(stripped):
        return stripped
    return "".join(c for c in stripped if not unicodedata.combining(c))


def slugify(text: str, max_length: int = 60) -> str:
    """A readable ASCII slug: 'Journées BlueHats 2024' -> 'journees-bluehats-2024'."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
    if len(slug) <= max_length:
        return slug
    cut = slug[: max_length + 1].rsplit("-", 1)[0]  # whole words only
    return cut or slug[:max_length]
