"""Validation problems said as an operator needs them (the key, what is wrong, what was
expected), and the plain values of the configuration read from what YAML gives: a number
written as text is a number, a date-time a `datetime`, anything else a problem."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import date, datetime, time
from os import PathLike
from pathlib import Path
from typing import Any

ABSENT: Any = object()
"""No value to show in a problem (a missing key, a rule between keys)."""


class Problem:
    """What is wrong at `loc` (section, key, list index…) with the value `got`."""

    __slots__ = ("got", "loc", "message")

    def __init__(self, loc: tuple[str | int, ...], message: str, got: Any = ABSENT) -> None:
        self.loc, self.message, self.got = loc, message, got

    def __str__(self) -> str:
        key = "".join(f"[{part}]" if isinstance(part, int) else f".{part}"
                      for part in self.loc)[1:]
        seen = "" if self.got is ABSENT else f" (got {self.got!r})"
        return f"{key}: {self.message}{seen}"


class SettingsInvalid(ValueError):
    """A section could not be built: every problem found, in the order of the keys."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


class Limits:
    """What a value must also be, beyond its type; `check` returns the value (possibly
    normalised) or raises ValueError with what was expected."""

    __slots__ = ("check", "ge", "gt", "le", "max_length", "min_length", "pattern")

    def __init__(self, *, ge: float | None = None, gt: float | None = None,
                 le: float | None = None, min_length: int | None = None,
                 max_length: int | None = None, pattern: str | None = None,
                 check: Callable[[Any], Any] | None = None) -> None:
        self.ge, self.gt, self.le, self.check = ge, gt, le, check
        self.min_length, self.max_length, self.pattern = min_length, max_length, pattern

    def verify(self, value: Any) -> Any:
        """`value` if it keeps within the limits; ValueError saying which it breaks."""
        if self.gt is not None and not value > self.gt:
            raise ValueError(f"Input should be greater than {self.gt}")
        if self.ge is not None and not value >= self.ge:
            raise ValueError(f"Input should be greater than or equal to {self.ge}")
        if self.le is not None and not value <= self.le:
            raise ValueError(f"Input should be less than or equal to {self.le}")
        if self.min_length is not None and len(value) < self.min_length:
            raise ValueError(f"String should have at least {_characters(self.min_length)}")
        if self.max_length is not None and len(value) > self.max_length:
            raise ValueError(f"String should have at most {_characters(self.max_length)}")
        if self.pattern is not None and not re.search(self.pattern, value):
            raise ValueError(f"String should match pattern '{self.pattern}'")
        return value if self.check is None else self.check(value)


def _characters(count: int) -> str:
    return f"{count} character{'s' if count > 1 else ''}"


def plain(value: object, kind: type) -> Any:
    """`value` as a `kind` (str, int, float, bool, Path, datetime, date or time);
    ValueError saying what was expected."""
    return _READERS[kind](value)


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise ValueError("Input should be a valid string")
    return value


def _integer(value: object) -> int:
    if isinstance(value, float) and math.isfinite(value):
        if not value.is_integer():
            raise ValueError("Input should be a valid integer, got a number with a "
                             "fractional part")
        return int(value)
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            raise ValueError("Input should be a valid integer, unable to parse string as "
                             "an integer") from None
    if not isinstance(value, int):
        raise ValueError("Input should be a valid integer")
    return int(value)


def _number(value: object) -> float:
    if isinstance(value, str):
        try:
            return float(value.strip())
        except ValueError:
            raise ValueError("Input should be a valid number, unable to parse string as "
                             "a number") from None
    if not isinstance(value, int | float):
        raise ValueError("Input should be a valid number")
    return float(value)


TRUE = {"1", "on", "t", "true", "y", "yes"}
FALSE = {"0", "off", "f", "false", "n", "no"}


def _boolean(value: object) -> bool:
    if isinstance(value, bool):
        return value
    if value in (0, 1) and isinstance(value, int):
        return bool(value)
    word = value.strip().lower() if isinstance(value, str) else None
    if word in TRUE or word in FALSE:
        return word in TRUE
    raise ValueError("Input should be a valid boolean, unable to interpret input")


def _path(value: object) -> Path:
    if not isinstance(value, str | PathLike):
        raise ValueError("Input is not a valid path")
    return Path(value)


def _date_time(value: object) -> datetime:
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime.combine(value, time())
    return _iso(value, datetime.fromisoformat, "a date and time, e.g. '2026-11-20 23:59'")


def _date(value: object) -> date:
    if isinstance(value, str):  # '2026-12-01', or the same with a time of 00:00
        value = _iso(value, datetime.fromisoformat, "a date, e.g. '2026-12-01'")
    if isinstance(value, datetime):
        if value.time() != time():
            raise ValueError("Input should be a date, e.g. '2026-12-01'")
        return value.date()
    if not isinstance(value, date):
        raise ValueError("Input should be a date, e.g. '2026-12-01'")
    return value


def _time(value: object) -> time:
    if isinstance(value, time):
        return value
    # `8:30` unquoted is a number of minutes to YAML: refused, not taken as 00:08:30
    return _iso(value, time.fromisoformat, "a time of day, e.g. '08:30'")


def _iso(value: object, parse: Callable[[str], Any], expected: str) -> Any:
    if isinstance(value, str):
        try:
            return parse(value.strip())
        except ValueError:
            pass
    raise ValueError(f"Input should be {expected}")


_READERS: dict[type, Callable[[object], Any]] = {
    str: _text, int: _integer, float: _number, bool: _boolean, Path: _path,
    datetime: _date_time, date: _date, time: _time,
}
