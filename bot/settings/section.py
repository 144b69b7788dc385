"""What every section of the configuration is: a frozen object whose keys say their type
and limits (`setting`), built from a mapping (a section of the YAML file) or from keywords,
refusing unknown keys (a typo is named, not ignored) and listing every problem.

Checked by hand rather than by a validation library: the schema is a dozen sections of
plain values, and importing the library (pydantic) took a third of the console's start.
The method names (`model_validate`, `model_copy`, `model_dump`) are those of the library
this replaced, which the code and tests reading a configuration use.
"""

from __future__ import annotations

import inspect
import re
import types
from collections.abc import Callable, Mapping
from datetime import date, time
from pathlib import Path
from typing import Any, ClassVar, Self, dataclass_transform, get_args, get_origin, get_type_hints

from bot.settings.validation import Limits, Problem, SettingsInvalid, plain

REQUIRED: Any = object()
"""The default of a key that has none: it must be given."""


def is_url(text: str) -> bool:
    return re.match(r"https?://", text.strip(), re.I) is not None


class Setting:
    """A key of a section: its default, or the `factory` making one (neither: the key is
    required), and the limits of a value given to it (see `Limits`). Defaults are trusted,
    given values checked."""

    __slots__ = ("default", "factory", "limits")

    def __init__(self, default: Any = REQUIRED, factory: Callable[[], Any] | None = None,
                 limits: Limits | None = None) -> None:
        self.default, self.factory, self.limits = default, factory, limits


def setting(default: Any = REQUIRED, *, factory: Callable[[], Any] | None = None,
            **limits: Any) -> Any:
    """A key with limits (`ge`, `gt`, `le`, `min_length`, `max_length`, `pattern`, `check`:
    see `Limits`), declared in a section's body as `name: type = setting(...)`."""
    return Setting(default, factory, Limits(**limits))


@dataclass_transform(frozen_default=True, field_specifiers=(setting,))
class Section:
    """A frozen section of the configuration: its keys are the attributes its body
    annotates, in order, each with a plain default, a `setting` or nothing (required).
    Not a dataclass, whose generated methods took longer to make than the checks take."""

    _keys: ClassVar[dict[str, Setting]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._keys = {}
        for name in inspect.get_annotations(cls):
            declared = cls.__dict__.get(name, REQUIRED)
            if isinstance(declared, Setting):
                delattr(cls, name)
            cls._keys[name] = declared if isinstance(declared, Setting) else Setting(declared)

    def __init__(self, **given: Any) -> None:
        problems: list[Problem] = []
        if not self._fill(given, (), problems):
            raise SettingsInvalid(problems)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen: use model_copy")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen: use model_copy")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        return hash((type(self), *self.__dict__.values()))

    def __repr__(self) -> str:
        keys = ", ".join(f"{name}={value!r}" for name, value in self.__dict__.items())
        return f"{type(self).__name__}({keys})"

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
        unknown = set(update or ()) - set(self._keys)
        if unknown:
            raise TypeError(f"{type(self).__name__} has no key {', '.join(sorted(unknown))}")
        copy = object.__new__(type(self))
        copy.__dict__.update({**self.__dict__, **(update or {})})
        return copy

    def model_dump(self, *, mode: str = "python") -> dict[str, Any]:
        """The section as a mapping that `model_validate` reads back; `mode="json"`: of
        plain text, numbers and lists only (dates, times and paths as text)."""
        return {name: _dumped(getattr(self, name), mode) for name in self._keys}

    def _settle(self, given: set[str]) -> None:
        """Rules between keys, once each is valid (`given`: the keys that were given);
        ValueError says what is wrong."""

    @classmethod
    def _read(cls, raw: object, loc: tuple[str | int, ...],
              problems: list[Problem]) -> Self | None:
        if not isinstance(raw, Mapping):
            problems.append(Problem(loc, "expected a section (key: value lines) with keys "
                                         f"{', '.join(cls._keys)}", raw))
            return None
        section = object.__new__(cls)
        return section if section._fill(raw, loc, problems) else None

    def _fill(self, given: Mapping[Any, Any], loc: tuple[str | int, ...],
              problems: list[Problem]) -> bool:
        """Set each key from `given` or its default; False when a problem was found."""
        found = len(problems)
        values = self.__dict__
        for name, key in self._keys.items():
            where = (*loc, name)
            if name in given:
                values[name] = _given(given[name], _hints(type(self))[name], key, where,
                                      problems)
            elif key.factory is not None:
                values[name] = key.factory()
            elif key.default is not REQUIRED:
                values[name] = key.default
            else:
                problems.append(Problem(where, "required key missing"))
        problems += [Problem((*loc, str(name)), "unknown key; expected one of: "
                                                f"{', '.join(self._keys)}")
                     for name in given if name not in self._keys]
        if len(problems) > found:
            return False
        try:
            self._settle({str(name) for name in given})
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


def _given(value: object, hint: Any, key: Setting, loc: tuple[str | int, ...],
           problems: list[Problem]) -> Any:
    """`value` given to `key` as its type `hint` says and within its limits; a problem
    appended when it is not."""
    found = len(problems)
    converted = _converted(value, hint, loc, problems)
    if len(problems) > found or converted is None or key.limits is None:
        return converted
    try:
        return key.limits.verify(converted)
    except ValueError as error:
        problems.append(Problem(loc, str(error), value))
        return None


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
