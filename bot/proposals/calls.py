"""Calls for proposals: which events accept proposals, until when, in which formats.

A call comes from the configuration or from an organiser's `!cfp`; a stored call replaces
the configured one for the same event.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.programme.model import Programme
from bot.proposals.proposal import one_line
from bot.settings.config import CallConfig, FormatConfig, ProposalsConfig
from bot.wording.folding import fold
from bot.wording.i18n import pick


@dataclass(frozen=True)
class Format:
    """A format proposers may choose: key, labels, duration and the session kind it gives."""

    key: str
    label_fr: str
    label_en: str
    minutes: int
    kind: str = "talk"

    def label(self, lang: str) -> str:
        return f"{pick(lang, self.label_fr, self.label_en)} ({self.minutes} min)"

    @classmethod
    def from_config(cls, item: FormatConfig) -> Format:
        return cls(item.key, item.label_fr, item.label_en, item.minutes, item.kind)


CALL_STATES = {
    "upcoming": ("pas encore ouvert", "not open yet"),
    "open": ("ouvert", "open"),
    "closed": ("fermé", "closed"),
}
"""A call's states, with their French and English names."""


@dataclass(frozen=True)
class Call:
    """A call for proposals for one event; `opens` and `closes` are aware datetimes."""

    event_id: str
    title: str
    opens: datetime
    closes: datetime
    formats: tuple[Format, ...]
    answers_on: date | None = None

    def is_open(self, now: datetime) -> bool:
        return self.opens <= now < self.closes

    def state(self, now: datetime) -> str:
        """'upcoming' before it opens, 'open', then 'closed'."""
        if now < self.opens:
            return "upcoming"
        return "open" if now < self.closes else "closed"

    def state_label(self, now: datetime, lang: str) -> str:
        """« pas encore ouvert », « ouvert » or « fermé » (in English: not open yet...)."""
        return pick(lang, *CALL_STATES[self.state(now)])

    def format(self, answer: str) -> Format | None:
        """The format an answer names: its number in the list, its key or its label."""
        text = fold(answer.strip())
        if text.isdigit() and 1 <= int(text) <= len(self.formats):
            return self.formats[int(text) - 1]
        for item in self.formats:
            if text in (item.key, fold(item.label_fr), fold(item.label_en)):
                return item
        return None

    def to_json(self) -> str:
        return json.dumps({
            "title": self.title, "opens": self.opens.isoformat(),
            "closes": self.closes.isoformat(), "formats": [f.key for f in self.formats],
            "answers_on": self.answers_on.isoformat() if self.answers_on else None,
        })


def all_formats(config: ProposalsConfig) -> tuple[Format, ...]:
    return tuple(Format.from_config(item) for item in config.formats)


def _chosen(formats: tuple[Format, ...], keys: list[str]) -> tuple[Format, ...]:
    return tuple(f for f in formats if f.key in keys) if keys else formats


def event_title(programme: Programme, event_id: str) -> str:
    event = programme.event(event_id)
    return event.title if event else event_id


def call_from_config(item: CallConfig, config: ProposalsConfig, programme: Programme,
                     tz: ZoneInfo) -> Call:
    def aware(at: datetime) -> datetime:
        return at if at.tzinfo else at.replace(tzinfo=tz)

    return Call(item.event, item.title or event_title(programme, item.event), aware(item.opens),
                aware(item.closes), _chosen(all_formats(config), item.formats), item.answers_on)


def call_from_json(event_id: str, data: str, config: ProposalsConfig) -> Call:
    raw = json.loads(data)
    return Call(event_id, raw["title"], datetime.fromisoformat(raw["opens"]),
                datetime.fromisoformat(raw["closes"]),
                _chosen(all_formats(config), raw["formats"]),
                date.fromisoformat(raw["answers_on"]) if raw["answers_on"] else None)


def merge(configured: list[Call], stored: list[Call]) -> tuple[Call, ...]:
    """Every call, the stored one winning over the configured one for the same event,
    ordered by deadline."""
    by_event = {call.event_id: call for call in configured}
    by_event.update({call.event_id: call for call in stored})
    return tuple(sorted(by_event.values(), key=lambda call: call.closes))


def find_event(programme: Programme, calls: tuple[Call, ...], text: str) -> str | None:
    """The event id `text` names: an id, or a unique piece of an event's title."""
    wanted = fold(text.strip())
    if not wanted:
        return None
    known = {e.id: e.title for e in programme.events} | {c.event_id: c.title for c in calls}
    if wanted in known:
        return wanted
    found = [key for key, title in known.items() if wanted in fold(title) or wanted in key]
    return found[0] if len(found) == 1 else None


def unknown_event(text: str, lang: str) -> str:
    """The answer to an event `find_event` does not know (or cannot tell apart)."""
    shown = one_line(text)[:60]
    return pick(lang, f"Événement inconnu : « {shown} ». Donnez l'identifiant d'un événement "
                      "du programme ou d'un appel existant.",
                f"Unknown event: “{shown}”. Give the id of an event in the programme or of "
                "an existing call.")
