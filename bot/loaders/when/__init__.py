"""Dates and times of conference-programme pages, as one grammar (fr, en, de, es, it, nl).

Pure and standalone: no I/O; Babel's CLDR names are read once, on first use, into compiled
patterns. Every span is a span of the text as given.

    find_days(text, context)   -> [FoundDay(day, span)]     days, years inferred
    scan_days(text, lang)      -> [DayMention]              days as written, year maybe None
    infer_year(mentions, ctx)  -> int | None                the year the weekdays fix
    find_weekdays(text)        -> [(weekday, span)]         'Monday', 'Dienstag'
    on_weekday(weekday, days)  -> date | None               the event's day of a weekday
    find_ordinal(text)         -> int | None                'Jour 2', 'Day Three', '2e journée'
    day_order(page, lang)      -> 'dmy' | 'mdy'             how the page writes '4/12'
    find_times(text, lang)     -> [Slot]                    times and ranges, decoys left out
    find_range(text)           -> Slot | None               the first range with an end
    time_opening(text, digit)  -> int | None                where a time at that digit starts
    parse_hour(text)           -> time | None               a text that is one time
    TimeLine().read(slot)      -> (start, end)              12-hour times read forward
    Afternoons().read(k, s, e) -> (start, end)              the same, of times already read
    writes_24_hours(page)      -> bool                      '14h', '13:30': no 12-hour times
    find_zone(text)            -> str | None                'PDT' -> 'America/Los_Angeles'
    guess_language(text)       -> str | None                'fr', 'en', 'de', 'es', 'it', 'nl'
"""

from bot.loaders.when.calendar import (
    FoundDay,
    find_days,
    infer_year,
    on_weekday,
    resolve_days,
    unique,
)
from bot.loaders.when.clocks import Clock, Slot
from bot.loaders.when.context import DateContext, find_year, find_years
from bot.loaders.when.days import DayMention, day_order, find_weekdays, scan_days
from bot.loaders.when.decoys import timecodes
from bot.loaders.when.fold import fold
from bot.loaders.when.language import guess_language
from bot.loaders.when.names import LANGUAGES, names
from bot.loaders.when.ordinals import find_ordinal
from bot.loaders.when.timeline import Afternoons, TimeLine, resolve, writes_24_hours
from bot.loaders.when.times import find_range, find_times, parse_clock, parse_hour, time_opening
from bot.loaders.when.zones import find_zone, zone_info

__all__ = [
    "LANGUAGES",
    "Afternoons",
    "Clock",
    "DateContext",
    "DayMention",
    "FoundDay",
    "Slot",
    "TimeLine",
    "day_order",
    "find_days",
    "find_ordinal",
    "find_range",
    "find_times",
    "find_weekdays",
    "find_year",
    "find_years",
    "find_zone",
    "fold",
    "guess_language",
    "infer_year",
    "names",
    "on_weekday",
    "parse_clock",
    "parse_hour",
    "resolve",
    "resolve_days",
    "scan_days",
    "time_opening",
    "timecodes",
    "unique",
    "writes_24_hours",
    "zone_info",
]
