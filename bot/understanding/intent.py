"""What a message asks: an intent, its language and its slots; kept as JSON between the
messages of a conversation (a follow-up is the previous question with new slots)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date, time
from typing import Any

from bot.understanding.slots import Slots


@dataclass(frozen=True)
class Intent:
    """What a message asks, in which language, with its slots."""

    name: str
    lang: str
    slots: Slots = field(default_factory=Slots)
    subject: str = ""
    """A topic, a person or an organisation, in the user's spelling."""
    facet: str | None = None
    """For a practical question: what is asked (venue, price, registration…)."""
    plural: bool | None = None
    """For 'next': True when several are asked ('prochains talks'), False for one."""
    event: str | None = None
    """The id of the event the message names, if it names one."""
    after: bool = False
    """For a search, what comes after the session found (« après le talk Grist ? »)."""
    practical: bool = False
    """For a search, a question that may be practical ('y a du wifi ?'): when no session
    matches, the event's information may say."""
    asks_sessions: bool = False
    """The message has a word asking for sessions or speakers ('talk', « qui parle »): a
    search that finds nothing says so, where another message gets what the bot does."""
    elsewhere: bool = False
    """The message asks about something else than the programme (« il fait quel temps ? »)."""
    follows: bool = False
    """The message only gives slots (« et demain ? », 'and in room B?'): after a question,
    it is that question with these slots."""
    implied: tuple[str, ...] = ()
    """Slots taken for granted, not said: the day of « cet après-midi » is today's (a
    follow-up « et l'après-midi ? » keeps the day asked before)."""

    @property
    def room(self) -> str | None:
        return self.slots.room

    def followed_by(self, newer: Intent) -> Intent:
        """This question asked again with the slots of `newer` (« et demain ? »), in the
        language of `newer`."""
        slots = self.slots.updated(newer.slots.without(*newer.implied))
        return replace(self, lang=newer.lang, slots=slots,
                       event=newer.event or (None if newer.slots.year else self.event),
                       follows=False, implied=())

    def to_json(self) -> str:
        """This intent as JSON (dates and times in ISO 8601)."""
        data = asdict(self)
        data["slots"] = {k: v.isoformat() if isinstance(v, (date, time)) else v
                         for k, v in data["slots"].items() if v is not None}
        return json.dumps(data, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Intent | None:
        """The intent `to_json` wrote, or None when the text is not one (an older bot's)."""
        try:
            data: dict[str, Any] = json.loads(text)
            slots = data.pop("slots", {})
            data["implied"] = tuple(data.get("implied", ()))
            for name, kind in (("day", date), ("hour", time)):
                if name in slots:
                    slots[name] = kind.fromisoformat(slots[name])
            known = {f.name for f in fields(cls)}
            return cls(**{k: v for k, v in data.items() if k in known},
                       slots=Slots(**slots))
        except (ValueError, TypeError, AttributeError):
            return None
