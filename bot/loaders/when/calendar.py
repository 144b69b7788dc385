"""Days as dates: the year of a day written without one, and ranges spelled out.

A day without a year takes, in this order: the year written after it in its list or range
('du 30 novembre au 9 décembre 2020'); the year its weekday fixes, for all the page's days
(« Lundi 21 septembre » -> the year closest to the publication date, or among the known
years and their neighbours, in which 21 September is a Monday); the first known year; the
year that puts it closest to the publication date. With none of these, the day is left out
of `find_days` (`scan_days` still gives it, year None): a guess would be worse than a warning.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import NamedTuple

from bot.loaders.when.context import DateContext
from bot.loaders.when.days import DayMention, scan_days

_LONGEST_RANGE = 62
"""Days of a range spelled out one by one; a longer one gives its two ends only."""
_SEARCH = 11
"""Years on either side of the reference searched for a weekday match (each pair of a day
and a weekday comes back within 11 years)."""


class FoundDay(NamedTuple):
    """A day of the text, and the span of the words that give it."""

    day: date
    span: tuple[int, int]


def find_days(text: str, context: DateContext | None = None) -> list[FoundDay]:
    """Every day written in `text`, in order, a range spelled out day by day."""
    context = context or DateContext()
    return resolve_days(scan_days(text, context.lang, context.order), context)


def resolve_days(mentions: Sequence[DayMention], context: DateContext) -> list[FoundDay]:
    """The dates of `mentions` (from `scan_days`), years inferred as the module says."""
    context = context.with_year(infer_year(mentions, context))
    mentions = _carry_years(mentions)
    found: list[FoundDay] = []
    previous: date | None = None
    anchor: date | None = None
    for mention in mentions:
        day = _date(mention, context, anchor)
        if day is None:
            previous = None
            continue
        if mention.month is None:
            anchor = day  # 'Monday 13th, Tuesday 14th': the same month as the first
        if mention.link == "to" and previous and 1 < (day - previous).days <= _LONGEST_RANGE:
            found.extend(
                FoundDay(previous + timedelta(days=n), mention.span)
                for n in range(1, (day - previous).days)
            )
        found.append(FoundDay(day, mention.span))
        previous = day
    return found


def infer_year(mentions: Iterable[DayMention], context: DateContext) -> int | None:
    """The year in which most weekdays written beside a day without year match that day.

    Candidates are the known years and their neighbours, or, with no known year, the years
    around the publication date; ties go to a known year, then to the closest to the
    reference date. None when no weekday is written or none matches."""
    paired = [m for m in mentions if m.year is None and m.month and m.weekday is not None]
    reference = context.reference
    if not paired or reference is None:
        return None
    if context.years:
        candidates = {y + d for y in context.years for d in (-1, 0, 1)}
    else:
        candidates = set(range(reference.year - _SEARCH, reference.year + _SEARCH + 1))

    def score(year: int) -> tuple[int, bool, int]:
        matches = sum(1 for m in paired if _weekday(year, m.month, m.day) == m.weekday)
        first = _safe(year, paired[0].month, paired[0].day) or date(year, 7, 1)
        return matches, year in context.years, -abs((first - reference).days)

    best = max(sorted(candidates), key=score)
    return best if score(best)[0] else None


def _carry_years(mentions: Sequence[DayMention]) -> list[DayMention]:
    """'du 30 novembre au 9 décembre 2020', '27 mai et 28 mai 2024': the year written last
    is the year of the days before it in the list (one less across a new year)."""
    carried = list(mentions)
    for index in range(len(carried) - 2, -1, -1):
        mention, after = carried[index], carried[index + 1]
        if mention.year is None and after.link and after.year and mention.month:
            year = after.year - (1 if after.month and mention.month > after.month else 0)
            carried[index] = mention._replace(year=year)
    return carried


def _date(mention: DayMention, context: DateContext, anchor: date | None) -> date | None:
    if mention.month is None:
        return _day_only(mention, context, anchor)
    if mention.year is not None:
        return _safe(mention.year, mention.month, mention.day)
    if context.years:
        year = context.years[0]
        if mention.weekday is not None and _weekday(year, mention.month, mention.day) != (
            mention.weekday
        ):
            year = next(
                (
                    y
                    for y in (*context.years, year - 1, year + 1)
                    if _weekday(y, mention.month, mention.day) == mention.weekday
                ),
                year,  # no year matches: the weekday is a slip
            )
        return _safe(year, mention.month, mention.day)
    if context.published is None:
        return None
    published = context.published
    around = range(published.year - _SEARCH, published.year + _SEARCH + 1)
    if mention.weekday is not None:
        years = [y for y in around if _weekday(y, mention.month, mention.day) == mention.weekday]
    else:
        years = [published.year - 1, published.year, published.year + 1]
    days = [d for y in years if (d := _safe(y, mention.month, mention.day))]
    return min(days, key=lambda d: (abs((d - published).days), d), default=None)


def _day_only(mention: DayMention, context: DateContext, anchor: date | None) -> date | None:
    """'Monday 13th': the Monday the 13th closest to the day before it or to the reference;
    with a known year alone, only when that year has one such day."""
    reference = anchor or context.published
    if reference is None:
        if not context.years:
            return None
        year = context.years[0]
        days = [d for month in range(1, 13) if (d := _safe(year, month, mention.day))]
        days = [d for d in days if d.weekday() == mention.weekday]
        return days[0] if len(days) == 1 else None
    days = []
    for shift in range(-12, 13):
        month = reference.month + shift
        year, month = reference.year + (month - 1) // 12, (month - 1) % 12 + 1
        day = _safe(year, month, mention.day)
        if day and day.weekday() == mention.weekday:
            days.append(day)
    return min(days, key=lambda d: (abs((d - reference).days), d), default=None)


def _safe(year: int, month: int | None, day: int) -> date | None:
    try:
        return date(year, month or 0, day)
    except ValueError:
        return None


def _weekday(year: int, month: int | None, day: int) -> int | None:
    found = _safe(year, month, day)
    return found.weekday() if found else None


def unique(found: Iterable[FoundDay]) -> list[date]:
    """The days of `found`, once each, in order (what the old `find_days` returned)."""
    return list(dict.fromkeys(f.day for f in found))


def on_weekday(weekday: int, days: Iterable[date]) -> date | None:
    """The first of `days` (the event's, given once elsewhere) that is a `weekday`: what a
    heading of a weekday alone ('Monday', 'Dienstag', from `find_weekdays`) stands for."""
    return next((day for day in sorted(days) if day.weekday() == weekday), None)
