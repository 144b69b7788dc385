"""Languages: French first, English too. Dates and times as people write them in each."""

from __future__ import annotations

from datetime import date, datetime, time

LANGS = ("fr", "en")

_FR_DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_FR_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
              "septembre", "octobre", "novembre", "décembre")
_EN_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")
WEEKDAYS = {"fr": _FR_DAYS, "en": _EN_DAYS}
"""The names of the days of the week in each language, Monday first."""


def format_time(t: time, lang: str) -> str:
    """'14 h 20' / '14 h' in French, '2:20 pm' / '2 pm' in English."""
    if lang == "fr":
        return f"{t.hour} h {t.minute:02d}" if t.minute else f"{t.hour} h"
    hour = t.hour % 12 or 12
    suffix = "am" if t.hour < 12 else "pm"
    return f"{hour}:{t.minute:02d} {suffix}" if t.minute else f"{hour} {suffix}"


def format_day(d: date, lang: str, with_year: bool = False) -> str:
    """'mercredi 4 décembre' / 'Wednesday 4 December', with the year when asked."""
    if lang == "fr":
        day = "1er" if d.day == 1 else str(d.day)
        text = f"{_FR_DAYS[d.weekday()]} {day} {_FR_MONTHS[d.month - 1]}"
    else:
        text = f"{_EN_DAYS[d.weekday()]} {d.day} {_EN_MONTHS[d.month - 1]}"
    return f"{text} {d.year}" if with_year else text


def format_datetime(at: datetime, lang: str, with_year: bool = False) -> str:
    """'mercredi 4 décembre, 14 h 20' / 'Wednesday 4 December, 2:20 pm'."""
    return f"{format_day(at.date(), lang, with_year)}, {format_time(at.time(), lang)}"


def format_span(start: time | None, end: time | None, lang: str) -> str:
    """'14 h – 14 h 20', '14 h', or '' for a session with no time."""
    if start is None:
        return ""
    if end is None:
        return format_time(start, lang)
    return f"{format_time(start, lang)} – {format_time(end, lang)}"


def sentence_case(text: str) -> str:
    """`text` with its first letter upper-cased and the rest untouched (unlike
    `str.capitalize`, which would lower-case "December")."""
    return text[:1].upper() + text[1:]


def count(number: int, singular: str, plural: str | None = None, lang: str = "en") -> str:
    """'1 error', '2 errors', '0 errors'; in French 0 and 1 are singular ('0 erreur',
    '1 autre', '2 autres')."""
    one = number in (0, 1) if lang == "fr" else number == 1
    return f"{number} {singular if one else plural or singular + 's'}"


KIND_NAMES = {
    "talk": (("présentation", "Présentations"), ("talk", "Talks")),
    "keynote": (("plénière", "Plénières"), ("keynote", "Keynotes")),
    "lightning": (("présentation éclair", "Présentations éclair"),
                  ("lightning talk", "Lightning talks")),
    "demo": (("démo", "Démos"), ("demo", "Demos")),
    "panel": (("table ronde", "Tables rondes"), ("panel", "Panels")),
    "bof": (("rencontre BoF", "Rencontres BoF"), ("BoF", "BoFs")),
    "workshop": (("atelier", "Ateliers"), ("workshop", "Workshops")),
    "break": (("pause", "Pauses"), ("break", "Breaks")),
    "other": (("autre", "Autres sessions"), ("other", "Other sessions")),
}
"""Each session kind (bot.programme.model.KINDS) as a word and as a heading, in French and
English."""


FEMININE_KINDS = frozenset({"talk", "keynote", "lightning", "demo", "panel", "bof", "break",
                            "other"})
"""Kinds whose French name is feminine (« une présentation », « une démo »)."""


def no_kind(kind: str, lang: str) -> str:
    """'Aucun atelier', 'Aucune démo', 'No workshop'."""
    if lang != "fr":
        return f"No {kind_name(kind, lang)}"
    return f"{'Aucune' if kind in FEMININE_KINDS else 'Aucun'} {kind_name(kind, lang)}"


def kind_name(kind: str, lang: str, heading: bool = False) -> str:
    """'démo' / 'Démos' / 'demo' / 'Demos'."""
    fr, en = KIND_NAMES.get(kind, KIND_NAMES["other"])
    return (fr if lang == "fr" else en)[1 if heading else 0]


def pick(lang: str, fr: str, en: str) -> str:
    """The French or the English text, by `lang`."""
    return fr if lang == "fr" else en
