"""Typed command arguments, declared once on each command.

A command declares its parameters (a proposal number, a score from 1 to 5, a day, an hour,
a keyword such as `confirmer`, free text); the dispatcher parses the words once, the
handler receives typed values as keyword arguments, and the usage line, the help of each
argument and the error messages all come from the same declaration.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any, ClassVar
from zoneinfo import ZoneInfo

from bot.programme.days import DayRef, read_day
from bot.settings.clock import PARIS, parse_local
from bot.wording.folding import fold
from bot.wording.i18n import pick, sentence_case

Pair = tuple[str, str]
"""A text in French, then in English."""

SHOWN = 40
"""Longest piece of what a person typed that an error message repeats."""


class ArgumentError(ValueError):
    """What is wrong with a command's arguments, said in French and in English. `at` is the
    index of the word at fault: of a command's forms, the one that came furthest speaks."""

    def __init__(self, fr: str, en: str, at: int = 0) -> None:
        super().__init__(en)
        self.fr, self.en, self.at = fr, en, at

    def text(self, lang: str) -> str:
        return pick(lang, self.fr, self.en)


@dataclass(frozen=True)
class Context:
    """What parsing needs to know of the configuration."""

    prefix: str = "!"
    tz: ZoneInfo = PARIS


def quoted(word: str, lang: str) -> str:
    """What a person typed, cut and quoted for an error message: « abc » / “abc”."""
    shown = word if len(word) <= SHOWN else word[: SHOWN - 1] + "…"
    return pick(lang, f"« {shown} »", f"“{shown}”")


@dataclass(frozen=True)
class Param:
    """One parameter: the keyword the handler receives it as (`key`; None for text the
    understanding layer reads from the request), its label in the usage line, the noun
    phrase error messages name it with (`the`), and an optional line for `!aide <commande>`."""

    key: str | None
    label: Pair
    the: Pair = ("", "")
    optional: bool = False
    explain: Pair | None = None

    takes_rest: ClassVar[bool] = False
    """Whether it takes the rest of the text (free text: the last parameter)."""
    skippable: ClassVar[bool] = False
    """Whether, optional, a word it does not match is left to the next parameter."""
    answers_missing: ClassVar[bool] = False
    """Whether the handler itself answers when it is missing (with the rooms it knows...)."""
    default: ClassVar[Any] = None
    """Its value when it is optional and not given."""
    required: ClassVar[str] = "<{}>"
    """How the usage line shows it when it is required."""

    def shown(self, lang: str) -> str:
        label = pick(lang, *self.label)
        return f"[{label}]" if self.optional else self.required.format(label)

    def match(self, word: str, context: Context) -> Any:
        """The value `word` gives, or None when it is not one."""
        raise NotImplementedError

    def invalid(self, word: str) -> Pair:
        """Why `word` is not a value of this parameter (French, English)."""
        return self.rule("n'est pas valable", "is not valid", word)

    def rule(self, fr: str, en: str, word: str, shown: str | None = None) -> Pair:
        """'Le jour doit être … : « x ».': the parameter, the rule `word` breaks, `word`."""
        return (f"{sentence_case(self.the[0])} {fr} : {shown or quoted(word, 'fr')}.",
                f"{sentence_case(self.the[1])} {en}: {shown or quoted(word, 'en')}.")


@dataclass(frozen=True)
class Number(Param):
    """A whole number, maybe between `low` and `high`; `#12` and `p12` are 12."""

    low: int | None = None
    high: int | None = None

    def match(self, word: str, context: Context) -> int | None:
        found = re.fullmatch(r"[#p]?(\d{1,9})", word.lower())
        if not found:
            return None
        value = int(found.group(1))
        inside = (self.low is None or value >= self.low) and (self.high is None
                                                              or value <= self.high)
        return value if inside else None

    def invalid(self, word: str) -> Pair:
        if self.low is not None and self.high is not None:
            return self.rule(f"doit être entre {self.low} et {self.high}",
                             f"must be between {self.low} and {self.high}", word, word[:SHOWN])
        return self.rule("doit être un nombre", "must be a number", word)


@dataclass(frozen=True)
class Word(Param):
    """One word, as typed (an event's id or a word of its title)."""

    def match(self, word: str, context: Context) -> str:
        return word


@dataclass(frozen=True)
class SessionId(Param):
    """A session id as the answers show it (`e37301`, also typed `<e37301>`)."""

    def match(self, word: str, context: Context) -> str | None:
        return word.strip("<>`").lower() or None


@dataclass(frozen=True)
class CommandName(Param):
    """The name of a command, with or without the prefix."""

    def match(self, word: str, context: Context) -> str | None:
        return word.removeprefix(context.prefix) or None


@dataclass(frozen=True)
class Keyword(Param):
    """A fixed word (`confirmer`, `fermer`), in either language, or one of `also`; its value
    is True."""

    also: tuple[str, ...] = ()
    skippable: ClassVar[bool] = True
    default: ClassVar[bool] = False
    required: ClassVar[str] = "{}"

    def match(self, word: str, context: Context) -> bool | None:
        return True if fold(word) in {fold(w) for w in (*self.label, *self.also)} else None

    def invalid(self, word: str) -> Pair:
        return (f"J'attendais « {self.label[0]} » : {quoted(word, 'fr')}.",
                f"Expected “{self.label[1]}”: {quoted(word, 'en')}.")


@dataclass(frozen=True)
class Choice(Param):
    """One word of a vocabulary (a proposal status), read as the value `read` gives it."""

    read: Callable[[str], Any] = lambda word: None

    skippable: ClassVar[bool] = True

    def match(self, word: str, context: Context) -> Any:
        return self.read(word)


@dataclass(frozen=True)
class Text(Param):
    """Free text: the rest of the message, `max_length` characters at most."""

    max_length: int | None = None

    takes_rest: ClassVar[bool] = True

    def match(self, word: str, context: Context) -> str | None:
        return word if self.max_length is None or len(word) <= self.max_length else None

    def invalid(self, word: str) -> Pair:
        fr, en = self.the
        return (f"Trop long : {fr} fait {len(word)} caractères, {self.max_length} au plus.",
                f"Too long: {en} is {len(word)} characters, {self.max_length} at most.")


@dataclass(frozen=True)
class Understood(Param):
    """Free text the understanding layer reads (a day, a topic, an event): the handler finds
    it typed in `request.intent`, not as an argument."""

    cue: Pair | None = None
    """The word a sentence puts before this text (« salle » for a room): the understanding
    reads the text after it, so that `!salle tutorials` is the room, not the workshops."""

    takes_rest: ClassVar[bool] = True
    answers_missing: ClassVar[bool] = True

    def match(self, word: str, context: Context) -> str:
        return word


@dataclass(frozen=True)
class Day(Param):
    """A day as organisers type it: 2026-12-10, 10/12, 10/12/2026 or a weekday."""

    def match(self, word: str, context: Context) -> DayRef | None:
        return read_day(word)

    def invalid(self, word: str) -> Pair:
        return self.rule("doit être une date (2026-12-10 ou 10/12) ou un jour de la semaine "
                         "(jeudi)", "must be a date (2026-12-10 or 10/12) or a weekday "
                         "(Thursday)", word)


@dataclass(frozen=True)
class Hour(Param):
    """An hour: 14h20, 14h, 14:20, 2:20 pm, 2pm (read as the programme pages are)."""

    def match(self, word: str, context: Context) -> time | None:
        # The pages' grammar of times, imported on first use: few commands take an hour,
        # and the console answers the others without it.
        from bot.loaders.when import parse_hour

        return parse_hour(word)

    def invalid(self, word: str) -> Pair:
        return self.rule("doit s'écrire 14h20, 14h ou 14:20", "must be written 14:20, 2:20 pm or "
                         "2pm", word)


@dataclass(frozen=True)
class When(Param):
    """A date and time in the bot's time zone (2026-11-20T23:59), or a date alone."""

    date_only: bool = False

    def match(self, word: str, context: Context) -> datetime | date | None:
        try:
            at = parse_local(word, context.tz)
        except ValueError:
            return None
        return at.date() if self.date_only else at

    def invalid(self, word: str) -> Pair:
        like = "2026-11-27" if self.date_only else "2026-11-20T23:59"
        return self.rule(f"doit s'écrire {like}", f"must be written {like}", word)


Form = tuple[Param, ...]


@dataclass(frozen=True)
class Arguments:
    """A command's parameters: one form, or several (`!cfp`: none, an event and its dates,
    or an event and `fermer`)."""

    forms: tuple[Form, ...] = ((),)

    def usage(self, lang: str) -> str:
        """The usage line's arguments: '<numéro> <note 1–5> [commentaire]'."""
        shown = [" ".join(p.shown(lang) for p in form) for form in self.forms if form]
        inner = " | ".join(shown)
        return inner if len(shown) == len(self.forms) or not inner else f"[{inner}]"

    def explained(self) -> list[Param]:
        """The parameters with a line of help, each once, in order."""
        seen: dict[str | None, Param] = {}
        for form in self.forms:
            for param in form:
                if param.explain and param.key not in seen:
                    seen[param.key] = param
        return list(seen.values())

    def sentence(self, text: str, lang: str) -> str:
        """`text` as the understanding layer reads it: after the cue of the free text it
        is, if that has one ('tutorials' for `!salle` reads as « salle tutorials »)."""
        cues = [p.cue for form in self.forms for p in form if isinstance(p, Understood) and p.cue]
        return f"{pick(lang, *cues[0])} {text}" if cues and text else text

    def defaults(self) -> dict[str, Any]:
        """Every parameter at its default value (what an empty command would give)."""
        return {p.key: p.default for form in self.forms for p in form if p.key}

    def parse(self, text: str, context: Context) -> dict[str, Any]:
        """The typed values of `text`, by parameter key; raises `ArgumentError` (the error
        of the form that read furthest, the first declared among equals). A command with
        no parameter ignores what follows it (« !maintenant ? »)."""
        if self.forms == ((),):
            return {}
        errors = []
        for form in self.forms:
            try:
                return self.defaults() | _parse_form(form, text, context)
            except ArgumentError as error:
                errors.append(error)
        raise max(errors, key=lambda e: e.at)


_WORD = re.compile(r"\S+")


def _parse_form(form: Form, text: str, context: Context) -> dict[str, Any]:
    words = list(_WORD.finditer(text))
    values: dict[str, Any] = {}
    index = 0
    for param in form:
        if index >= len(words):
            if not (param.optional or param.answers_missing):
                fr, en = param.the
                raise ArgumentError(f"Il manque {fr}.", f"{sentence_case(en)} is missing.",
                                    index)
            continue
        word = text[words[index].start():].strip() if param.takes_rest else words[index][0]
        value = param.match(word, context)
        if value is None:
            if param.optional and param.skippable:
                continue
            raise ArgumentError(*param.invalid(word), at=index)
        if param.key:
            values[param.key] = value
        index = len(words) if param.takes_rest else index + 1
    if index < len(words):
        extra = text[words[index].start():].strip()
        raise ArgumentError(f"Trop d'arguments : {quoted(extra, 'fr')}.",
                            f"Too many arguments: {quoted(extra, 'en')}.", index)
    return values
