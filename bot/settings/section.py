"""What every section of the configuration is: a frozen dataclass whose fields say their
type and limits (`setting`), built from a mapping (a section of the YAML file) or from
keywords, refusing unknown keys (a typo is named, not ignored) and listing every problem.

Checked by hand rather than by a validation library: the schema is a dozen sections of
plain values, and importing the library (pydantic) took a third of the console's start.
The method names (`model_validate`, `model_copy`, `model_dump`) are those of the library
this replaced, which the code and tests reading a configuration use.
"""

from __future__ import annotations

import re
import types
from collections.abc import Callable, Mapping
from dataclasses import MISSING, Field, dataclass, field, fields
from datetime import date, time
from pathlib import Path
from typing import Any, Self, dataclass_transform, get_args, get_origin, get_type_hints

from bot.settings.validation import Limits, Problem, SettingsInvalid, plain


def is_url(text: str) -> bool:
    return re.match(r"https?://", text.strip(), re.I) is not None


def setting(default: Any = MISSING, *, factory: Callable[[], Any] | None = None,
            ge: float | None = None, gt: float | None = None, le: float | None = None,
            min_length: int | None = None, max_length: int | None = None,
            pattern: str | None = None, check: Callable[[Any], Any] | None = None) -> Any:
    """A key of a section: its default (or `factory`; neither: required) and its limits
    (see `Limits`). Defaults are trusted, given values checked."""
    limits = Limits(ge, gt, le, min_length, max_length, pattern, check)
    return field(default=default, default_factory=MISSING if factory is None else factory,
                 metadata={"limits": limits})


@dataclass_transform(frozen_default=True, field_specifiers=(setting,))
class Section:
    """A frozen section of the configuration; subclasses are made dataclasses."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        dataclass(frozen=True, init=False)(cls)

    def __init__(self, **given: Any) -> None:
        problems: list[Problem] = []
        if not self._fill(given, (), problems):
            raise SettingsInvalid(problems)

    @classmethod
    def model_validate(cls, raw: object) -> Self:
        """The section `raw` (a mapping, as YAML gives it) says; SettingsInvalid lists
        every problem."""
        problems: list[Problem] = []
        section = cls._read(raw, (), problems)
        if section is None:
            raise SettingsInvalid(problems)
        return section

    def model_copy(self, *, update: Mapping[str, Any] | None = None) -> Self:
        """This section with the keys of `update` replaced, as they are (not checked)."""
        unknown = set(update or ()) - {item.name for item in fields(self)}
        if unknown:
            raise TypeError(f"{type(self).__name__} has no key {', '.join(sorted(unknown))}")
        copy = object.__new__(type(self))
        copy.__dict__.update({**self.__dict__, **(update or {})})
        return copy

    def model_dump(self, *, mode: str = "python") -> dict[str, Any]:
        """The section as a mapping that `model_validate` reads back; `mode="json"`: of
        plain text, numbers and lists only (dates, times and paths as text)."""
        return {item.name: _dumped(getattr(self, item.name), mode) for item in fields(self)}

    def _settle(self, given: set[str]) -> None:
        """Rules between keys, once each is valid (`given`: the keys that were given);
        ValueError says what is wrong."""

    @classmethod
    def _read(cls, raw: object, loc: tuple[str | int, ...],
              problems: list[Problem]) -> Self | None:
        if not isinstance(raw, Mapping):
            known = ", ".join(item.name for item in fields(cls))
            problems.append(Problem(loc, "expected a section (key: value lines) with keys "
                                         f"{known}", raw))
            return None
        section = object.__new__(cls)
        return section if section._fill(raw, loc, problems) else None

    def _fill(self, given: Mapping[Any, Any], loc: tuple[str | int, ...],
              problems: list[Problem]) -> bool:
        """Set each key from `given` or its default; False when a problem was found."""
        found = len(problems)
        hints = _hints(type(self))
        for item in fields(self):
            where = (*loc, item.name)
            if item.name in given:
                before = len(problems)
                value = _converted(given[item.name], hints[item.name], where, problems)
                if len(problems) == before:
                    value = _limited(value, given[item.name], item, where, problems)
            elif item.default is not MISSING:
                value = item.default
            elif item.default_factory is not MISSING:
                value = item.default_factory()
            else:
                problems.append(Problem(where, "required key missing"))
                continue
            object.__setattr__(self, item.name, value)
        known = [item.name for item in fields(self)]
        problems += [Problem((*loc, str(key)), f"unknown key; expected one of: {', '.join(known)}")
                     for key in given if key not in known]
        if len(problems) > found:
            return False
        try:
            self._settle({str(key) for key in given})
        except ValueError as error:
            problems.append(Problem(loc, str(error)))
            return False
        return True


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    """The types of the keys of `cls` (their annotations are text until asked)."""
    if cls not in _HINTS:
        _HINTS[cls] = get_type_hints(cls)
    return _HINTS[cls]


def _converted(value: object, hint: Any, loc: tuple[str | int, ...],
               problems: list[Problem]) -> Any:
    """`value` as the type `hint` says (a section, a list, optional, a plain value); a
    problem appended when it cannot be."""
    if isinstance(hint, type) and issubclass(hint, Section):
        return value if isinstance(value, hint) else hint._read(value, loc, problems)
    if get_origin(hint) is types.UnionType:  # `X | None`
        kind = next(arg for arg in get_args(hint) if arg is not type(None))
        return None if value is None else _converted(value, kind, loc, problems)
    if get_origin(hint) is list:
        if not isinstance(value, list | tuple):
            problems.append(Problem(loc, "Input should be a valid list", value))
            return None
        (kind,) = get_args(hint)
        return [_converted(item, kind, (*loc, index), problems)
                for index, item in enumerate(value)]
    try:
        return plain(value, hint)
    except ValueError as error:
        problems.append(Problem(loc, str(error), value))
        return None


def _limited(value: Any, given: object, item: Field[Any], loc: tuple[str | int, ...],
             problems: list[Problem]) -> Any:
    """`value` (read from `given`) within the limits of the key `item`; a problem appended
    when not."""
    limits: Limits | None = item.metadata.get("limits")
    if value is None or limits is None:
        return value
    try:
        return limits.verify(value)
    except ValueError as error:
        problems.append(Problem(loc, str(error), given))
        return None


def _dumped(value: Any, mode: str) -> Any:
    if isinstance(value, Section):
        return value.model_dump(mode=mode)
    if isinstance(value, list):
        return [_dumped(item, mode) for item in value]
    if mode == "json" and isinstance(value, Path):
        return str(value)
    if mode == "json" and isinstance(value, date | time):  # datetime is a date
        return value.isoformat()
    return value

