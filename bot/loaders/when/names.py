"""Month and weekday names of fr, en, de, es, it and nl, from CLDR (as Babel ships it).

`names(lang)` builds, once per language, the tables and the regular expressions of every
form CLDR gives (wide, abbreviated and short, format and stand-alone), plus the prefixes of
at least three letters of a wide name that no other name shares ('sept', 'tues', 'janv').
A name two languages give different meanings ('ma': maandag, mardi) is kept in the meaning
of `lang`, and dropped when the language is not known. Names of one or two letters ('Di.',
'ma.') must be written with their full stop.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from bot.loaders.when.fold import fold

LANGUAGES = ("fr", "en", "de", "es", "it", "nl")
_WIDTHS = {"months": ("wide", "abbreviated"), "days": ("wide", "abbreviated", "short")}
_IN_USE = {("en", "days"): {2: {"weds"}}}
"""Abbreviations programmes write that CLDR does not give (and that are no prefix of a wide
name, which are read anyway): 'Weds' for Wednesday."""


@dataclass(frozen=True)
class Names:
    """The names one language reads, folded ('fevrier'), and the patterns that find them."""

    months: dict[str, int]
    """Name -> month (1-12)."""
    weekdays: dict[str, int]
    """Name -> weekday (Monday 0)."""
    wide_weekdays: dict[str, int]
    """Full weekday names only ('lundi', 'Dienstag'): what a heading of a weekday alone says."""
    month: str
    """Pattern of a month name, its full stop included ('sept.')."""
    weekday: str
    wide_weekday: str
    order: str
    """'dmy' or 'mdy': how the language writes numeric dates (CLDR's short date pattern)."""

    def month_of(self, token: str) -> int | None:
        return self.months.get(token.rstrip(".").strip())

    def weekday_of(self, token: str) -> int | None:
        return self.weekdays.get(token.rstrip(".").strip())


_Forms = dict[int, set[str]]
"""Index (month 1-12, weekday 0-6) -> folded names."""


@functools.cache
def _cldr() -> dict[str, dict[str, dict[str, _Forms]]]:
    """language -> 'months'/'days' -> 'wide'/'short' -> index -> folded names."""
    from babel import Locale  # imported on first use only

    tables: dict[str, dict[str, dict[str, _Forms]]] = {}
    for lang in LANGUAGES:
        locale = Locale.parse(lang)
        tables[lang] = {}
        for kind, widths in _WIDTHS.items():
            forms = getattr(locale, kind)
            wide: _Forms = {}
            short: _Forms = {}
            for context in ("format", "stand-alone"):
                for width in widths:
                    target = wide if width == "wide" else short
                    for index, name in forms[context][width].items():
                        target.setdefault(index, set()).add(fold(name).strip())
            for index, extra in _IN_USE.get((lang, kind), {}).items():
                short.setdefault(index, set()).update(extra)
            tables[lang][kind] = {"wide": wide, "short": short}
    return tables


@functools.cache
def _order(lang: str) -> str:
    from babel import Locale

    pattern = Locale.parse(lang).date_formats["short"].pattern
    return "dmy" if pattern.find("d") < pattern.find("M") else "mdy"


def _meanings(kind: str, lang: str | None) -> tuple[dict[str, int], dict[str, int]]:
    """All names of `kind` and the wide ones, each with its one meaning in `lang`."""
    cldr = _cldr()
    seen: dict[str, set[int]] = {}
    own: dict[str, int] = {}
    wide: dict[str, set[int]] = {}
    for language in LANGUAGES:
        for width in ("wide", "short"):
            for index, forms in cldr[language][kind][width].items():
                for form in forms:
                    name = form.rstrip(".")
                    seen.setdefault(name, set()).add(index)
                    if language == lang:
                        own.setdefault(name, index)
                    if width == "wide":
                        wide.setdefault(name, set()).add(index)
    prefixes: dict[str, set[int]] = {}
    for name, indexes in wide.items():
        for end in range(3, len(name)):
            prefixes.setdefault(name[:end], set()).update(indexes)
    for prefix, indexes in prefixes.items():
        if prefix not in seen and len(indexes) == 1:
            seen[prefix] = indexes
    table = {
        name: own[name] if name in own else next(iter(indexes))
        for name, indexes in seen.items()
        if name in own or len(indexes) == 1
    }
    wide_table = {name: table[name] for name in wide if name in table}
    return table, wide_table


def _pattern(table: dict[str, int]) -> str:
    """A name of `table` as a word, with its full stop ('sept.'; 'di.' needs one)."""
    long_names = [name for name in table if len(name) > 2]
    short_names = [name for name in table if len(name) <= 2]
    alternatives = [rf"{trie(long_names)}(?![a-z])\.?"]
    if short_names:
        alternatives.append(rf"{trie(short_names)}\.")
    return rf"(?<![a-z])(?:{'|'.join(alternatives)})"


def trie(words: list[str]) -> str:
    """A regular expression matching any of `words`, branching letter by letter.

    Python's `re` tries the branches of an alternation one after the other; a trie fails on
    the first letter that no word has, so a list of 300 names costs a few tests a position.
    """
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        branches = [_escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        if ends:
            return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"
        return body

    return emit(root)


def _escape(char: str) -> str:
    if char == " ":
        return r"\s+"
    return "\\" + char if char in r".^$*+?{}[]\|()" else char


class Endings:
    """Which group of words a text ends with ('vers ', 'à partir de '), in one anchored
    match of the reversed text: a few steps, where a search for `(words)\\s*$` tries every
    word at every position."""

    def __init__(self, groups: dict[str, list[str]]) -> None:
        alternatives = []
        for name, words in groups.items():
            letters = [w[::-1] for w in words if w[0].isalpha()]
            signs = [w[::-1] for w in words if not w[0].isalpha()]
            body = "|".join(
                ([rf"{trie(letters)}(?![a-z])"] if letters else [])
                + ([trie(signs)] if signs else [])
            )
            alternatives.append(rf"(?P<{name}>{body})")
        self._pattern = re.compile(rf"\s*(?:{'|'.join(alternatives)})")

    def __call__(self, before: str) -> re.Match[str] | None:
        """The match (`lastgroup` names the group) on `before` reversed, or None."""
        return self._pattern.match(before[::-1])


@functools.cache
def names(lang: str | None = None) -> Names:
    """The names `lang` reads (`None`: any of the six languages, ambiguous names left out)."""
    if lang is not None and lang not in LANGUAGES:
        lang = None
    months, _ = _meanings("months", lang)
    weekdays, wide_weekdays = _meanings("days", lang)
    months = {name: index for name, index in months.items() if name.isalpha()}
    return Names(
        months=months,
        weekdays={name: index for name, index in weekdays.items() if name.isalpha()},
        wide_weekdays=wide_weekdays,
        month=_pattern(months),
        weekday=_pattern({n: i for n, i in weekdays.items() if n.isalpha()}),
        wide_weekday=rf"(?<![a-z]){trie(list(wide_weekdays))}(?![a-z])",
        order=_order(lang) if lang else "dmy",
    )
