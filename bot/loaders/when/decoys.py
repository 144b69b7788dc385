"""Numbers written like times that are not: time codes, prices, phone numbers, durations."""

from __future__ import annotations

import bisect
import re

_COLON = re.compile(r"(\d{1,3}):([0-5]\d)(?::([0-5]\d))?(?![\d:])")
_VIDEO = re.compile(r"youtu|vimeo|dailymotion|t=\d|timestamp|chapter")
_CODE = re.compile(
    r"\d(?::[0-5]\d:[0-5]\d|\d\d:[0-5]\d|(?<=[3-9])\d:[0-5]\d|(?<=2)[5-9]:[0-5]\d"
    r"|(?<=0):00|(?<=0)0:00)"
)
"""A number no clock can be ('1:02:33', '46:30', '123:00') or a '0:00': a list may start
here. It begins with a digit, which `re` looks for fast."""
_PRICE_BEFORE = re.compile(r"[$€£¥]\s?$")
_PRICE_AFTER = re.compile(r"\s?(?:€|\$|£|%|eur\b|euros?\b|usd\b|chf\b|gbp\b|dollars?\b)")
_DURATION_BEFORE = re.compile(
    r"(?:\(|\b(?:duree|duration|pendant|during|for|de|en|dauer|durata|duracion|duur|lasts?"
    r"|toutes les|every|alle|ogni|cada|elke))\s*[~≈]?\s*$"
)
_DURATION_AFTER = re.compile(r"\s?(?:\)|de\s|d'|of\s|von\s|di\s)")
_LINE_START = re.compile(r"(?:^|\n)[\s>*_#+|\-\[(]*(?:\d{1,2}[.)]\s+)?$")
"""What may stand between the start of a line and a time that opens it: list and quote
marks, emphasis, a table pipe, a bracket."""
_PHONE_AFTER = re.compile(r"[\s.\-]?\d")


def timecodes(folded: str, unmasked: str | None = None) -> list[tuple[int, int]]:
    """Spans of lists of video time codes ('0:00 Intro', '12:34', '1:02:33', '46:30').

    Colon numbers are read in order as runs that go forward (as a list of time codes does);
    a run is time codes when one of its numbers cannot be a clock ('1:02:33', '83:00'), when
    the text's first run starts at '0:00' and has three numbers or more, or when a line of it
    names a video ('youtu', 't=754'), or the line above it does. `unmasked`: `folded` with
    its URLs (which `prepare` blanks), where a video is named."""
    unmasked = unmasked or folded
    if not (_CODE.search(folded) or _VIDEO.search(unmasked)):
        return []  # no number a clock cannot be, no list from 0:00, no video named
    runs: list[list[re.Match[str]]] = []
    last = -1
    for found in _COLON.finditer(folded):
        if found.start() and folded[found.start() - 1] in "0123456789:.":
            continue
        value = _seconds(found)
        if runs and value >= last:
            runs[-1].append(found)
        else:
            runs.append([found])
        last = value
    return [
        (_line_start(folded, run[0].start()), run[-1].end())
        for index, run in enumerate(runs)
        if _is_timecodes(run, index == 0, unmasked)
    ]


def _seconds(found: re.Match[str]) -> int:
    first, second, third = found.group(1), found.group(2), found.group(3)
    if third is not None:
        return int(first) * 3600 + int(second) * 60 + int(third)
    return int(first) * 60 + int(second)


def _is_timecodes(run: list[re.Match[str]], first: bool, folded: str) -> bool:
    if any(found.group(3) is not None or int(found.group(1)) > 24 for found in run):
        return True
    if first and _seconds(run[0]) == 0 and len(run) >= 3:
        return True
    head = _line_start(folded, max(0, _line_start(folded, run[0].start()) - 1))
    tail = _line_end(folded, run[-1].end())
    if len(run) < 2 or "\n" not in folded[run[0].end() : run[-1].start()]:
        return False
    return bool(_VIDEO.search(folded, head, tail))


def outside(spans: list[tuple[int, int]], items: list, key) -> list:
    """The `items` whose `key` position is in none of the sorted, disjoint `spans`."""
    if not spans:
        return items
    starts = [a for a, _ in spans]
    kept = []
    for item in items:
        position = key(item)
        index = bisect.bisect_right(starts, position) - 1
        if index < 0 or position >= spans[index][1]:
            kept.append(item)
    return kept


def _line_start(folded: str, position: int) -> int:
    return folded.rfind("\n", 0, position) + 1


def _line_end(folded: str, position: int) -> int:
    end = folded.find("\n", position)
    return len(folded) if end < 0 else end


def price(found: re.Match[str], folded: str) -> bool:
    """'9.30 €', '$12.00', '5.50%'."""
    before = folded[max(0, found.start() - 3) : found.start()]
    return bool(_PRICE_BEFORE.search(before) or _PRICE_AFTER.match(folded, found.end()))


def duration(found: re.Match[str], folded: str, before: str) -> bool:
    """'(1h)', 'de 2h', 'pendant 1h30', 'every 2h': a length of time, not a time of day."""
    if int(found.group("sh")) > 4:
        return False
    return bool(_DURATION_BEFORE.search(before) or _DURATION_AFTER.match(folded, found.end()))


def line_start(before: str) -> bool:
    """Whether only list marks, emphasis or a pipe stand between a line's start and here."""
    return bool(_LINE_START.search(before)) or not before.strip(" \t*_>#|-[(")


def compact_pair_ok(found: re.Match[str], folded: str) -> bool:
    """'0845-0900', '1400-1500' are ranges; '2019-2020' years; '0845 123 4567' a phone."""
    if not found.group("sk"):
        return True
    if _PHONE_AFTER.match(folded, found.end()):
        return False
    if found.start() >= 2 and folded[found.start() - 2].isdigit():
        return False
    start, end = (
        found.group("sk") + found.group("skm"),
        (found.group("ek") or "") + (found.group("ekm") or ""),
    )
    years = all(raw and 1900 <= int(raw) <= 2099 for raw in (start, end))
    quarters = all(raw[2:] in ("00", "15", "30", "45") for raw in (start, end) if raw)
    return not years or quarters
