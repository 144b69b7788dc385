"""!intervenants: who speaks at an event — « qui sont les intervenants ? », 'who are the
speakers?', « qui intervient demain ? », « les intervenants de la table ronde », « combien
d'intervenants ? » — each person once, with what they present, in programme order."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from bot.commands.arguments import Understood
from bot.commands.declaration import command
from bot.commands.listing import heading, scope
from bot.commands.render import event_title
from bot.commands.request import Request
from bot.commands.selection import let_go, narrow
from bot.programme.model import Session, session_order
from bot.wording.folding import fold
from bot.wording.i18n import format_datetime, format_day, pick
from bot.wording.replies import Doc, Reply

MAX_PERSONS = 25
MAX_TALKS = 3
"""A person's sessions shown on their line; more are counted."""


@dataclass
class _Person:
    name: str
    organisation: str | None
    sessions: list[Session] = field(default_factory=list)


@command(
    "speakers",
    fr=("intervenants",),
    en=("speakers",),
    args=(Understood(None, ("jour | salle | type de session", "day | room | session kind"),
                     optional=True),),
    summary=("qui intervient, et ce que chacun présente",
             "who speaks, and what each one presents"),
    example=("demain", "tomorrow"),
)
async def speakers(request: Request) -> Reply:
    lang, slots = request.lang, request.intent.slots
    narrowed = narrow(request, scope(request, slots))
    people = persons(sorted(narrowed.sessions, key=session_order))
    doc = Doc()
    events = {s.event_id for s in narrowed.sessions}
    if len(events) == 1 and (event := request.app.programme.event(events.pop())):
        doc.extend(event_title(event, lang)).br()
    listed = pick(lang, "Intervenants", "Speakers") + (f" ({len(people)})" if people else "")
    title = heading(request, slots, listed)  # « combien d'intervenants ? » is answered too
    doc.bold(title + pick(lang, " :", ":"))
    if narrowed.dropped:
        doc.br().extend(let_go(request, narrowed.dropped, request.intent.subject))
    if not people:
        return doc.br().text(pick(lang, "Le programme ne nomme aucun intervenant.",
                                  "The programme names no speaker.")).reply()
    doc.items([_line(person, lang) for person in people[:MAX_PERSONS]])
    if len(people) > MAX_PERSONS:
        doc.italic(pick(lang, f"… et {len(people) - MAX_PERSONS} autres : demandez « qui parle "
                              "de … ? » ou précisez un jour ou une salle.",
                        f"…and {len(people) - MAX_PERSONS} more: ask “who speaks about …?” "
                        "or give a day or a room."))
    return doc.reply()


def persons(sessions: list[Session]) -> list[_Person]:
    """Each person credited in `sessions`, once (by their folded name), with their sessions,
    in the order they first appear; organisations credited alone count as speakers."""
    found: dict[str, _Person] = {}
    for session in sessions:
        credited = [(s.name, s.organisation) for s in session.speakers] or [
            (org, None) for org in session.organisations]
        for name, organisation in credited:
            person = found.setdefault(fold(name), _Person(name, organisation))
            person.organisation = person.organisation or organisation
            person.sessions.append(session)
    return list(found.values())


def _line(person: _Person, lang: str) -> Doc:
    line = Doc().italic(person.name)
    if person.organisation:
        line.text(f" ({person.organisation})")
    line.text(" — ")
    for index, session in enumerate(person.sessions[:MAX_TALKS]):
        if index:
            line.text(" ; ")
        line.bold(session.title)
        when = (format_datetime(datetime.combine(session.day, session.start), lang)
                if session.start is not None else format_day(session.day, lang))
        line.text(f" ({when})")
    if len(person.sessions) > MAX_TALKS:
        line.text(pick(lang, f" et {len(person.sessions) - MAX_TALKS} autres",
                       f" and {len(person.sessions) - MAX_TALKS} more"))
    return line
