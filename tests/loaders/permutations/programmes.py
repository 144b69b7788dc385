"""The programmes the permutation tests write out in many layouts: a few built in (so the
tests run in a user's clone) and the truth of the corpus pages (where ../shared is here).

A programme is only what every layout can say: days, hours, titles and speakers. A corpus
truth gives the sessions that have a day or the event's day, a start and a title; its
other fields (organisations, rooms, kinds) are left out, as not every layout says them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from pathlib import Path

import yaml

from tests.support.paths import SHARED

CORPORA = ("corpus", "corpus2", "corpus3")
_MOST_SESSIONS = 12
"""A corpus programme is cut to its first sessions: enough to show a layout's rules."""


@dataclass(frozen=True)
class Talk:
    """One session: its day, hours, title and speakers."""

    day: date
    start: time
    end: time | None
    title: str
    speakers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Programme:
    """An event: its name (for the test ids), title and sessions in order."""

    name: str
    title: str
    talks: tuple[Talk, ...]

    @property
    def days(self) -> tuple[date, ...]:
        return tuple(sorted({talk.day for talk in self.talks}))


def _t(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def _talk(day: date, start: str, end: str | None, title: str, *speakers: str) -> Talk:
    return Talk(day, _t(start), _t(end) if end else None, title, speakers)


_ONE_DAY = date(2025, 6, 12)
_TWO_DAYS = (date(2026, 3, 9), date(2026, 3, 10))
_THREE_DAYS = (date(2025, 11, 18), date(2025, 11, 19), date(2025, 11, 20))

BUILT_IN = (
    Programme("une-journee", "Journée du logiciel libre", (
        _talk(_ONE_DAY, "09:00", "09:30", "Accueil des participants"),
        _talk(_ONE_DAY, "09:30", "10:15", "Les communs numériques dans l'administration",
              "Anne Martin"),
        _talk(_ONE_DAY, "10:30", "11:15", "Publier le code source d'une collectivité",
              "Paul Durand", "Léa Petit"),
        _talk(_ONE_DAY, "12:00", "13:30", "Déjeuner"),
        _talk(_ONE_DAY, "13:30", "15:00", "Atelier de contribution", "Marc Lefèvre"),
        _talk(_ONE_DAY, "16:00", None, "Clôture de la journée", "Claire Moreau"),
    )),
    Programme("deux-jours", "Open Source Days", (
        _talk(_TWO_DAYS[0], "09:00", "09:45", "Welcome and opening keynote", "Jane Smith"),
        _talk(_TWO_DAYS[0], "10:00", "11:00", "Maintaining a public sector library",
              "John Brown", "Maria Garcia"),
        _talk(_TWO_DAYS[0], "14:00", "15:30", "Hands-on workshop on accessibility"),
        _talk(_TWO_DAYS[1], "09:30", "10:30", "Open data in small towns", "Peter Jones"),
        _talk(_TWO_DAYS[1], "11:00", "12:00", "Closing panel", "Jane Smith", "Peter Jones"),
    )),
    Programme("trois-jours", "Rencontres des communs", (
        _talk(_THREE_DAYS[0], "12:30", "13:15", "Déjeuner sur place"),
        _talk(_THREE_DAYS[0], "13:15", "14:00", "Table ronde : le libre dans les territoires",
              "Anne Martin", "Paul Durand", "Léa Petit", "Marc Lefèvre"),
        _talk(_THREE_DAYS[1], "18:00", "19:30", "Soirée des contributeurs", "Camille Bernard"),
        _talk(_THREE_DAYS[2], "08:45", "09:00", "Café d'accueil"),
        _talk(_THREE_DAYS[2], "09:00", "10:00", "Données ouvertes et archives publiques",
              "Hélène Roux"),
    )),
    Programme("un-prenom", "Soirée Rust", (
        _talk(_ONE_DAY, "19:00", "19:30", "Écrire un pilote en Rust", "Camille"),
        _talk(_ONE_DAY, "19:30", "20:00", "Rust à l'école", "Yann Le Gall"),
    )),
)
"""The speaker known by a first name alone ('Camille') is read today only from a
speakers column: `FIRST_NAME_ONLY` says where it is not."""
FIRST_NAME_ONLY = "un-prenom"


def corpus_programmes() -> list[Programme]:
    """The programmes of the corpus truths with two sessions or more that every layout can
    write (none where ../shared is absent)."""
    out = []
    for corpus in CORPORA:
        folder = SHARED / corpus / "truth"
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.yaml")):
            programme = from_truth(path, f"{corpus}/{path.stem}")
            if programme is not None:
                out.append(programme)
    return out


def from_truth(path: Path, name: str) -> Programme | None:
    """The programme a truth file holds, or None when it has fewer than two sessions
    with a start and a title."""
    truth = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    event = truth.get("event") or {}
    first = _day(event.get("start"))
    talks = []
    for item in truth.get("sessions") or []:
        day = _day(item.get("day")) or first
        start = item.get("start")
        title = " ".join(str(item.get("title") or "").split())
        if day is None or not start or not title:
            continue
        end = item.get("end")
        talks.append(Talk(day, _t(str(start)), _t(str(end)) if end else None, title,
                          tuple(str(name) for name in item.get("speakers") or ())))
    if len(talks) < 2:
        return None
    talks = sorted(talks[:_MOST_SESSIONS], key=lambda t: (t.day, t.start))
    return Programme(name, str(event.get("title") or name), tuple(talks))


def _day(value: object) -> date | None:
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)) if value else None
