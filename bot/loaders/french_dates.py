"""Dates and hours as French pages write them: '14h', '9h30-10h30', 'les 4 et 5 décembre 2024'."""

from __future__ import annotations

import re
from datetime import date, time

from bot.wording.folding import fold

MONTHS = {
    "janvier": 1,
    "fevrier": 2,
    "mars": 3,
    "avril": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "aout": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "decembre": 12,
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))

HOUR = (
    r"(?:(?:[01]?\d|2[0-3])\s?(?:h\s?(?:[0-5]\d)?|:[0-5]\d)(?:\s?[ap]\.?m\b\.?)?"
    r"|(?:1[0-2]|0?\d)\s?[ap]\.?m\b\.?)"
)
"""An hour: '9h', '14h30', '14 h 30', '9:30', '9:30 am', '2 pm' (not '2021 :')."""
RANGE = re.compile(rf"(?P<start>{HOUR})\s*(?:-|–|—|à|a)\s*(?P<end>{HOUR})")
_NTH = r"(?:1er|\d{1,2}(?:st|nd|rd|th)?)"
"""A day number: '4', '1er', '3rd'."""
_DAY_MONTH = re.compile(
    rf"\b(?:le\s+|les\s+|du\s+)?(?P<days>{_NTH}(?:\s*(?:,|et|au|and|to|-|–)\s*{_NTH})*)"
    rf"\s+(?:of\s+)?(?P<month>{_MONTH})(?:,?\s+(?P<year>(?:19|20)\d\d))?\b"
)
_MONTH_DAY = re.compile(
    rf"\b(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>(?:19|20)\d\d))?\b"
)
_NUMERIC = re.compile(r"\b(?P<day>[0-3]?\d)/(?P<month>[01]?\d)(?:/(?P<year>(?:19|20)?\d\d))?\b")
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")
_DIGIT = re.compile(r"\d")
_ANY_MONTH = re.compile(_MONTH)
_HOUR_PARTS = re.compile(
    r"\s*([01]?\d|2[0-3])\s?(?:(h)\s?([0-5]\d)?|(:)([0-5]\d))?\s*(?:([ap])\.?m\.?)?\s*", re.I
)
_TWO_DIGITS = re.compile(r"\d{1,2}")
_UP_TO = re.compile(r"\bau\b|\bto\b|-|–")


def parse_hour(text: str) -> time | None:
    """'14h' -> 14:00, '9h30' -> 09:30, '2:30 pm' -> 14:30; None if `text` is not an hour."""
    found = _HOUR_PARTS.fullmatch(text)
    if not found or not (found.group(2) or found.group(4) or found.group(6)):
        return None
    hour = int(found.group(1))
    meridian = (found.group(6) or "").lower()
    if meridian == "p" and hour < 12:
        hour += 12
    elif meridian == "a" and hour == 12:
        hour = 0
    return time(hour, int(found.group(3) or found.group(5) or 0))


def find_range(text: str) -> tuple[time, time, re.Match[str]] | None:
    """The first 'start-end' hour range in `text` ('9h30-10h30', 'de 14h à 18h')."""
    found = RANGE.search(fold(text))
    if not found:
        return None
    start, end = parse_hour(found.group("start")), parse_hour(found.group("end"))
    if start is None or end is None:
        return None
    return start, end, found


def find_days(text: str, default_year: int | None) -> list[date]:
    """Every day named in `text`, in order: 'les 4 et 5 décembre 2024' gives two days,
    'du 6 au 7 décembre' every day between; '4/12' and ISO dates too. Days without a year
    take `default_year`, and are skipped when there is none."""
    folded = fold(text)
    if not _DIGIT.search(folded):
        return []  # every form of a day has a number
    found: list[tuple[int, date]] = []
    named = _ANY_MONTH.search(folded) is not None  # the written forms need a month's name
    for match in _DAY_MONTH.finditer(folded) if named else ():
        year = int(match.group("year")) if match.group("year") else default_year
        if year is None:
            continue
        numbers = [int(n) for n in _TWO_DIGITS.findall(match.group("days"))]
        if _UP_TO.search(match.group("days")) and len(numbers) == 2:
            numbers = list(range(numbers[0], numbers[1] + 1))
        found.extend(
            (match.start(), d)
            for n in numbers
            if (d := _safe_date(year, MONTHS[match.group("month")], n))
        )
    for match in _MONTH_DAY.finditer(folded) if named else ():
        year = int(match.group("year")) if match.group("year") else default_year
        if year is not None and (
            d := _safe_date(year, MONTHS[match.group("month")], int(match.group("day")))
        ):
            found.append((match.start(), d))
    for pattern, sign in ((_NUMERIC, "/"), (_ISO, "-")):
        for match in pattern.finditer(folded) if sign in folded else ():
            raw_year = match.group("year")
            year = (
                2000 + int(raw_year)
                if raw_year and len(raw_year) == 2
                else int(raw_year)
                if raw_year
                else default_year
            )
            if year is not None and (
                d := _safe_date(year, int(match.group("month")), int(match.group("day")))
            ):
                found.append((match.start(), d))
    return list(dict.fromkeys(d for _, d in sorted(found, key=lambda pair: pair[0])))


def find_year(text: str) -> int | None:
    """The first plausible year in `text`."""
    found = re.search(r"\b(19[89]\d|20\d\d)\b", text)
    return int(found.group(1)) if found else None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
