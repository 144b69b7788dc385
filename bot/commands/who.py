"""!qui: who speaks about a topic, and what a person or an organisation presents."""

from __future__ import annotations

from datetime import timedelta

from bot.commands.arguments import Understood
from bot.commands.declaration import command
from bot.commands.practical import mentions
from bot.commands.render import found_lines, slot_groups
from bot.commands.request import Request
from bot.programme.queries import Slot
from bot.wording.i18n import format_time, pick
from bot.wording.replies import Doc, Reply


@command(
    "who",
    fr=("qui",),
    en=("who",),
    args=(Understood(None, ("sujet, personne ou organisation",
                            "topic, person or organisation")),),
    summary=(
        "qui parle d'un sujet, ce que présente une personne ou une organisation",
        "who speaks about a topic, what a person or an organisation presents",
    ),
    example=("grist", "grist"),
)
async def who(request: Request) -> Reply:
    lang, query = request.lang, request.args.strip(" ?!.\"'«»")
    if not query:
        return (
            Doc()
            .text(pick(lang, "De quoi ? Par exemple : ", "About what? For example: "))
            .code(request.example("who"))
            .reply()
        )
    slots = request.intent.slots
    found = [h.session for h in request.app.catalog.search.search(query, limit=200)]
    hits = [
        s for s in found
        if (slots.year is None or s.day.year == slots.year)
        and (slots.kind is None or s.kind == slots.kind)
        and (slots.day is None or s.day == slots.day)
    ]
    note = Doc()
    if found and not hits:  # « des talks sur l'IA demain ? »: none then, but here they are
        note.italic(pick(lang, "Rien à ce moment-là ; ailleurs dans les programmes :",
                         "Nothing then; elsewhere in the programmes:"))
        hits = found
    if request.intent.after and hits and (slot := request.app.catalog.agenda.slot(hits[0])):
        return _after(request, slot)
    if request.intent.upcoming:
        agenda = request.app.catalog.agenda
        coming = [s for s in hits if (slot := agenda.slot(s)) and slot.start > request.now]
        hits = sorted(coming, key=lambda s: agenda.slot(s).start) or hits  # type: ignore[union-attr]
    if not hits and not request.is_command and request.intent.practical:
        return mentions(request, query)  # « y a du wifi ? »: perhaps the page says
    if not hits:
        return (
            Doc()
            .text(pick(lang, "Personne ne parle de « ", "Nobody speaks about “"))
            .text(query[:80])
            .text(pick(lang, " » dans les programmes connus. Essayez par exemple ",
                       "” in the known programmes. Try for example "))
            .code(request.example("who"))
            .text(".")
            .reply()
        )
    doc = Doc().bold(pick(lang, f"« {query[:80]} » :", f"“{query[:80]}”:"))
    if note.plain:
        doc.br().extend(note)
    return found_lines(doc, request.app, hits, request.now, lang).reply()


AFTER_COUNT = 3
"""How many sessions « et après … ? » shows (more at the same time as the last)."""


def _after(request: Request, slot: Slot) -> Reply:
    """What follows the session of `slot` on its day, in its event."""
    lang, session = request.lang, slot.session
    agenda = request.app.catalog.agenda
    following = [s for s in agenda.upcoming(slot.end - timedelta(seconds=1), AFTER_COUNT)
                 if s.session.event_id == session.event_id and s.start.date() == slot.start.date()]
    title, at = session.title, format_time(slot.start.time(), lang)
    if not following:
        return Doc().text(pick(lang, f"« {title} » ({at}) est la dernière session du jour.",
                               f"“{title}” ({at}) is the last session of the day.")).reply()
    doc = Doc().bold(pick(lang, f"Après « {title} » ({at}) :", f"After “{title}” ({at}):"))
    return doc.br().extend(slot_groups(following, lang)).reply()
