"""The grammar of days: every way a page writes one, as mentions whose year may be missing.

Forms (any of fr, en, de, es, it, nl; weekday and year optional unless said):
  day first    'Lundi 21 septembre 2020', '1er décembre', '3. Juni 2024', '3 de junio de
               2024', 'Friday 26th of July 2019', '22 June, 2020', 'Samedi le 3 mars'
  month first  'Dec 4th', 'Sunday, October 27', 'June 16 and 17, 2025', 'March 12 (Thursday)'
  lists        'les 4, 5 et 6 décembre', 'lundi 7 et mardi 8 juillet', '29 y 30 de marzo'
  ranges       'du 1er au 14 décembre', '16th to 19th January 2017', '3.-5. Juni',
               'Tuesday Jul 10 through Friday Jul 13, 2018', 'du 30 novembre au 9 décembre'
  numbers      '2024-12-04', '4.12.2024', '12/4/2024' (day or month first: see `order`),
               '31/01/22'; without a year only after a weekday or a word such as 'le', 'du',
               'on', 'am' ('jeudi 01/10', 'le 23/06'), or as two two-digit numbers ('21/11')
  weekday, day 'Monday 13th', 'lundi 13' (full weekday name; no month: resolved later)
"""

from __future__ import annotations

import functools
import re
from datetime import date
from typing import NamedTuple

from bot.loaders.when.fold import near_digits, prepare
from bot.loaders.when.names import Names, names


class DayMention(NamedTuple):
    """A day as written; `year` (and `month`, for 'Monday 13th') may be missing."""

    day: int
    month: int | None
    year: int | None
    weekday: int | None
    span: tuple[int, int]
    link: str | None = None
    """How it joins the mention before it: 'to' (a range), 'and' (a list) or None."""


_AND = r"(?:\s*(?:,|&|\+|/)\s*(?:(?:et|and|y|e|und|en)\s+)?|\s+(?:et|and|y|e|und|en)\s+)"
_TO = (
    r"(?:\s*(?:-|–|—|−)\s*|\s+(?:au|to|through|thru|till|until|bis|bis zum|tot|tot en met|t/m"
    r"|al|a|hasta|jusqu'au)\s+)"
)
_LINK = re.compile(rf"(?:(?P<to>{_TO})|(?P<and>{_AND}))")
_ARTICLE = r"(?:(?:le|den|el|il|the|op|am|de)\s+)"
_NUMBER = (
    r"(?:3[01]|[12]\d|0?[1-9])(?!\d|\s?(?:h\b|h\d|:\d|[ap]\.?\s?m\b|uhr\b|uur\b)|[.,:]\d)"
    r"(?:er|re|eme|e|st|nd|rd|th|o|a)?\.?"
)
"""A day of the month: '4', '04', '1er', '3rd', '3.'; not an hour ('4h', '4:30', '4 pm')."""
_FIRST = r"(?<![0-9a-z.:/+-])"
_YEAR = r"(?:19|20)\d\d(?!\d|[:.]\d|\s?h\b|h\d)"
_PREPOSITION = re.compile(
    r"(?:\b(?:le|les|du|au|des|on|the|from|to|el|del|al|il|dal|am|vom|bis|zum|op|van|tot)"
    r"|\bavant le|\bjusqu'au)\s*$"
)
"""Words after which a number such as '23/06' is a day ('le 23/06 à 14h')."""
_WHEN_FOLLOWS = re.compile(r"\s*(?:[:,|\-–—]|(?:de|a|at|from|um|vom|dalle|van|desde)\s+\d|\d)")
"""What follows a day such as '4/12' that leads a line: its hours ('4/12 de 10h à 12h30 :',
'4/12 - 14h', '4/12 : démos'), not words ('3/4 des places', '1/2 journée')."""
_COUNTED = re.compile(
    r"\b(?:day|jour|journee|tag|dag|giorno|dia|session|seance|sesion|sessione|sitzung|week"
    r"|semaine|woche|semana|settimana|part|partie|teil|parte|deel|n°|no\.?|#)\s*$"
)
"""Words before a number that make it a count ('Day 3'), not a day of the month."""
_REACH = 48
"""The most characters a day's words reach beyond its digits ('Wednesday, September 3')."""
_PART = re.compile(r"(\d{1,2})(?:er|re|eme|e|st|nd|rd|th|o|a)?\.?")


class _Grammar(NamedTuple):
    pattern: re.Pattern[str]
    weekday: re.Pattern[str]
    month: re.Pattern[str]
    table: Names


@functools.cache
def _grammar(lang: str | None) -> _Grammar:
    """The pattern of every form of a day in `lang`, and those of a weekday and a month."""
    table = names(lang)
    weekday, month = table.weekday, table.month

    inner = rf"(?:(?:{_TO}|{_AND})(?:{weekday},?\s+{_ARTICLE}?)?"

    def after(name: str) -> str:  # 'March 12 (Thursday)'
        return rf"(?:\s*\(\s*(?P<{name}>{weekday})\s*\))?"

    initials = "".join(sorted({name[0] for name in (*table.months, *table.weekdays)}))
    pattern = rf"""
    (?=[\d{initials}])(?<![a-z](?=[a-z]))  # a digit or a word's first letter: a fast test
    (?:(?P<w>(?P<ww>{table.wide_weekday})|{weekday}),?\s+{_ARTICLE}?)?  # a weekday before any form
    (?:(?P<df>{_FIRST}{_NUMBER}{inner}{_NUMBER}){{0,8}})
        \s*,?\s*(?:(?:of|de|del|di)\s+)?(?P<dfm>{month}){after("dfa")}
        (?:\s*,?\s*(?:(?:de|del|of)\s+)?(?P<dfy>{_YEAR}))?
    |(?P<mf>(?P<mfm>{month})\s*{_NUMBER}{inner}(?:{month}\s*)?{_NUMBER}){{0,8}})
        {after("mfa")}(?:\s*,?\s*(?P<mfy>{_YEAR}))?
    |{_FIRST}(?P<iy>(?:19|20)\d\d)(?P<isep>[-/.])(?P<im>0?[1-9]|1[0-2])(?P=isep)
        (?P<id>0?[1-9]|[12]\d|3[01])(?!\d)
    |{_FIRST}(?P<na>\d{{1,2}})(?P<nsep>[/.-])(?P<nb>\d{{1,2}})
        (?:(?P=nsep)(?P<ny>\d{{4}}|\d{{2}})(?!\d|[./-]\d)|(?P<ndot>\.)?(?!\d|[./:,-]\d))
    |(?(ww)(?P<xn>{_NUMBER})|(?!)))  # 'Monday 13th': a full weekday, a number, no month
    """
    return _Grammar(re.compile(pattern, re.VERBOSE), re.compile(weekday), re.compile(month), table)


def scan_days(text: str, lang: str | None = None, order: str | None = None) -> list[DayMention]:
    """Every day written in `text`, in order, as written (no year is inferred here).

    `order` ('dmy' or 'mdy') reads numbers such as '4/12'; by default a number above 12 in
    `text` decides it ('25/12' is day first everywhere on the page), then the language."""
    folded = prepare(text)
    if not any(map(str.isdigit, folded)):
        return []  # every form of a day holds a number
    grammar = _grammar(lang)
    matches = [
        match
        for start, end in near_digits(folded, _REACH)
        for match in grammar.pattern.finditer(folded, start, end)
    ]
    order = order or _page_order(matches) or grammar.table.order
    found: list[DayMention] = []
    last_end = -1
    for match in matches:
        mentions = _read(match, grammar, order, folded)
        if not mentions:
            continue
        if found and last_end >= 0:
            link = _LINK.fullmatch(folded, last_end, match.start())
            if link:
                mentions[0] = mentions[0]._replace(link="to" if link.group("to") else "and")
        found.extend(mentions)
        last_end = match.end()
    return found


def day_order(text: str, lang: str | None = None) -> str:
    """'dmy' or 'mdy': how `text` (a whole page) writes numeric days such as '4/12' — a
    number above 12 decides ('25/12/2024'), then the language (CLDR), then day first.
    Give it to `DateContext(order=...)` when the page is read line by line."""
    folded = prepare(text)
    grammar = _grammar(lang)
    matches = [
        match
        for start, end in near_digits(folded, _REACH)
        for match in grammar.pattern.finditer(folded, start, end)
    ]
    return _page_order(matches) or grammar.table.order


def _page_order(matches: list[re.Match[str]]) -> str | None:
    """'dmy' or 'mdy' when a numeric day of the text can only be read one way, or when the
    days read one way fall in one month and read the other way in months apart
    ('08/07/2024' to '12/07/2024': five days of July, not the 7th of five months)."""
    pairs = []
    for match in matches:
        if match.group("na") and match.group("nsep") == "/":
            first, second = int(match.group("na")), int(match.group("nb"))
            if first > 12 >= second:
                return "dmy"
            if second > 12 >= first:
                return "mdy"
            pairs.append((first, second))
    months_if_dmy, months_if_mdy = {b for _, b in pairs}, {a for a, _ in pairs}
    if len(months_if_dmy) == 1 and len(months_if_mdy) >= _MONTHS_APART:
        return "dmy"
    if len(months_if_mdy) == 1 and len(months_if_dmy) >= _MONTHS_APART:
        return "mdy"
    return None


_MONTHS_APART = 3
"""Days of one number in this many months are less likely than days of one month."""


def _read(match: re.Match[str], grammar: _Grammar, order: str, folded: str) -> list[DayMention]:
    """The mentions of one match of the grammar (none for a decoy)."""
    span, table = match.span(), grammar.table
    if match.group("df") is not None:
        month = table.month_of(match.group("dfm"))
        return _parts(match, "df", month, grammar, folded)
    if match.group("mf") is not None:
        return _parts(match, "mf", None, grammar, folded)
    named = table.weekday_of(match.group("w")) if match.group("w") else None
    if match.group("iy"):
        day, month, year = int(match.group("id")), int(match.group("im")), int(match.group("iy"))
        return [DayMention(day, month, year, named, span)]
    if match.group("na"):
        return _numeric(match, table, order, folded, named)
    named = table.wide_weekdays[match.group("ww")]
    day = int(_PART.match(match.group("xn")).group(1))  # type: ignore[union-attr]
    return [DayMention(day, None, None, named, span)]


def _parts(
    match: re.Match[str], group: str, month: int | None, grammar: _Grammar, folded: str
) -> list[DayMention]:
    """The days of one day-first or month-first group, with their weekdays and links."""
    table, (start, end) = grammar.table, match.span()
    text = match.string[start : match.end(group)]  # the weekday before it included
    year = _year(match.group(group + "y"))
    parts: list[tuple[int, DayMention]] = []
    position, current_month, current_day, named_at = 0, month, None, None
    link: str | None = None
    while position < len(text):
        named = grammar.month.match(text, position) if month is None else None
        if named:
            current_month = table.month_of(named.group())
            named_at = position if named_at is None else named_at
            position = named.end()
            continue
        named = grammar.weekday.match(text, position)
        if named:
            current_day, named_at = table.weekday_of(named.group()), position
            position = named.end()
            continue
        number = _PART.match(text, position)
        if number:
            day = DayMention(int(number.group(1)), current_month, year, current_day, (0, 0), link)
            parts.append((position if named_at is None else named_at, day))
            current_day, named_at, link = None, None, None
            position = number.end()
            joined = _LINK.match(text, position)
            if joined and joined.end() > position:
                link = "to" if joined.group("to") else "and"
            continue
        position += 1
    if match.group(group + "a") and parts:
        parts[-1] = (
            parts[-1][0],
            parts[-1][1]._replace(weekday=table.weekday_of(match.group(group + "a"))),
        )
    kept = _drop_counts(parts, folded[max(0, start - 16) : start])
    if not kept or kept[0][1].month is None:  # 'Jul 10 through Friday Jul 13': months given
        return []
    first = start if len(kept) == len(parts) else start + kept[0][0]
    parts = kept
    mentions = [day._replace(span=(first, end)) for _, day in parts]
    return [mentions[0]._replace(link=None), *mentions[1:]]


def _drop_counts(parts: list[tuple[int, DayMention]], before: str) -> list[tuple[int, DayMention]]:
    """'Day 3 - Wednesday, 27 March', 'Jour 2 - 12 juillet': the first number counts days."""
    named = [i for i, (_, day) in enumerate(parts) if day.weekday is not None]
    if named and parts[0][1].weekday is None:
        return parts[named[0] :]
    if len(parts) > 1 and _COUNTED.search(before):
        return parts[1:]
    return parts


def _numeric(
    match: re.Match[str], table: Names, order: str, folded: str, named: int | None
) -> list[DayMention]:
    """'4.12.2024', '12/4/2024', '31/01/22', 'jeudi 01/10', 'le 23/06'; not '1/2', '3.12'."""
    first, second = int(match.group("na")), int(match.group("nb"))
    sep, raw_year = match.group("nsep"), match.group("ny")
    if raw_year is None and not (named is not None or _day_without_year(match, folded)):
        return []  # '1/2', '24/7', '3.12', '9-10': not days
    if (
        raw_year is not None
        and len(raw_year) == 2
        and sep != "/"
        and not (len(match.group("na")) == len(match.group("nb")) == 2 or named is not None)
    ):
        return []  # '1.2.24' is a version; '21.09.24' a day
    if first > 12 and second > 12:
        return []
    year = _year(raw_year)
    day, month = (second, first) if order == "mdy" and sep == "/" else (first, second)
    if month > 12:
        day, month = month, day
    if named is not None and year and first <= 12 and second <= 12:
        day, month = _by_weekday(year, named, (day, month))
    return [DayMention(day, month, year, named, match.span())]


def _day_without_year(match: re.Match[str], folded: str) -> bool:
    """'le 23/06', 'am 3.6.', '21/11', '4/12 de 10h à 12h30' leading a line: numbers that
    are a day without a year ('1/2', '24/7', '3.12', '9-10' are not)."""
    sep, start = match.group("nsep"), match.start()
    before = folded[max(0, start - 12) : start]
    if sep == ".":
        return bool(match.group("ndot") and _PREPOSITION.search(before))
    return sep == "/" and bool(
        _PREPOSITION.search(before)
        or len(match.group("na")) == len(match.group("nb")) == 2
        or (_leads_line(folded, start) and _WHEN_FOLLOWS.match(folded, match.end()))
    )


def _leads_line(folded: str, position: int) -> bool:
    """Only list, heading, table or emphasis marks stand before `position` on its line (a
    look back of a few characters, so that many numbers on one long line stay linear)."""
    start = folded.rfind("\n", max(0, position - _MARKS_REACH), position) + 1
    if start == 0 and position > _MARKS_REACH:
        return False
    return not folded[start:position].strip(" \t*_>#|-+[(")


_MARKS_REACH = 24


def _by_weekday(year: int, weekday: int, default: tuple[int, int]) -> tuple[int, int]:
    """Day and month of 'Friday, 06/07/24' as the weekday written beside it says."""
    for day, month in (default, (default[1], default[0])):
        try:
            if date(year, month, day).weekday() == weekday:
                return day, month
        except ValueError:
            continue
    return default


def _year(raw: str | None) -> int | None:
    if not raw:
        return None
    year = int(raw)
    if len(raw) == 2:
        year += 2000 if year < 70 else 1900
    return year


def find_weekdays(text: str, lang: str | None = None) -> list[tuple[int, tuple[int, int]]]:
    """Full weekday names in `text` ('Monday', 'Dienstag', « lunes »): (weekday, span)."""
    table = names(lang)
    folded = prepare(text)
    return [
        (table.wide_weekdays[found.group()], found.span()) for found in _wide(lang).finditer(folded)
    ]


@functools.cache
def _wide(lang: str | None) -> re.Pattern[str]:
    return re.compile(names(lang).wide_weekday)
