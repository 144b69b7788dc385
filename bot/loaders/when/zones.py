"""Time zones as programmes write them: 'PDT', 'Time (GMT-5)', 'UTC+02:00', 'Europe/Paris'."""

from __future__ import annotations

import functools
import re
from datetime import timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.loaders.when.fold import fold

ABBREVIATIONS = {
    "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles", "PT": "America/Los_Angeles",
    "MST": "America/Denver", "MDT": "America/Denver", "MT": "America/Denver",
    "CST": "America/Chicago", "CDT": "America/Chicago", "CT": "America/Chicago",
    "EST": "America/New_York", "EDT": "America/New_York", "ET": "America/New_York",
    "AKST": "America/Anchorage", "AKDT": "America/Anchorage", "HST": "Pacific/Honolulu",
    "WET": "Europe/Lisbon", "WEST": "Europe/Lisbon", "BST": "Europe/London",
    "CET": "Europe/Paris", "CEST": "Europe/Paris", "MEZ": "Europe/Berlin",
    "MESZ": "Europe/Berlin", "EET": "Europe/Athens", "EEST": "Europe/Athens",
    "MSK": "Europe/Moscow", "JST": "Asia/Tokyo", "AEST": "Australia/Sydney",
    "AEDT": "Australia/Sydney", "UTC": "UTC", "GMT": "UTC",
}  # fmt: skip
"""Abbreviations read only when written in capitals ('EST', not French 'est')."""
ZONE = (
    r"(?:(?P<base>utc|gmt)\s?(?P<offset>[+\-−]\s?\d{1,2}(?::?[0-5]\d)?)?(?![a-z])"
    r"|(?P<abbr>" + "|".join(sorted(ABBREVIATIONS, key=len, reverse=True)).lower() + r")"
    r"(?![a-z])"
    r"|(?P<iana>(?:europe|america|africa|asia|australia|pacific|atlantic)/[a-z_]+))"
)
"""A zone, matched on folded text; `zone_name` checks the capitals."""
_ZONE = re.compile(rf"(?<![a-z]){ZONE}")


def zone_name(found: re.Match[str], text: str) -> str | None:
    """The zone a match of `ZONE` names: an IANA name or 'UTC+05:30'; None for 'est'."""
    if found.group("iana"):
        start, end = found.span("iana")
        return text[start:end]
    if found.group("abbr"):
        start, end = found.span("abbr")
        written = text[start:end]
        return ABBREVIATIONS[written] if written.isupper() else None
    offset = found.group("offset")
    if not offset:
        start, end = found.span("base")
        return "UTC" if text[start:end].isupper() else None
    sign = -1 if offset[0] in "-−" else 1
    digits = re.sub(r"\D", "", offset)
    hours, minutes = (int(digits[:-2]), int(digits[-2:])) if len(digits) > 2 else (int(digits), 0)
    if hours > 14:
        return None
    return f"UTC{'+' if sign > 0 else '-'}{hours:02d}:{minutes:02d}"


def find_zone(text: str) -> str | None:
    """The first time zone named in `text` ('Time (GMT-5)' -> 'UTC-05:00')."""
    for found in _ZONE.finditer(fold(text)):
        name = zone_name(found, text)
        if name:
            return name
    return None


@functools.cache
def zone_info(name: str) -> tzinfo | None:
    """The `tzinfo` of a name given by `find_zone` or a `Slot`."""
    fixed = re.fullmatch(r"UTC([+-])(\d\d):(\d\d)", name)
    if fixed:
        delta = timedelta(hours=int(fixed.group(2)), minutes=int(fixed.group(3)))
        return timezone(delta if fixed.group(1) == "+" else -delta)
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None
