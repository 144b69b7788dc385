"""!session: one session in full."""

from __future__ import annotations

from bot.commands.arguments import SessionId
from bot.commands.declaration import command
from bot.commands.render import room_label
from bot.commands.request import Request
from bot.programme.model import credit
from bot.wording.i18n import format_day, format_span, kind_name, pick, sentence_case
from bot.wording.replies import Doc, Reply


@command(
    "session",
    fr=("session",),
    en=("talk",),
    args=(SessionId("session_id", ("id", "id"), ("l'identifiant de la session",
                                                 "the session id")),),
    summary=(
        "le détail d'une session : horaire, salle, intervenants, liens",
        "one session in full: time, room, speakers, links",
    ),
    example=("e37301", "e37301"),
)
async def session(request: Request, session_id: str | None) -> Reply:
    lang = request.lang
    found = request.app.programme.session(session_id) if session_id else None
    if found is None:
        return (
            Doc()
            .text(
                pick(
                    lang,
                    "Session inconnue. Les identifiants (comme ",
                    "Unknown session. Ids (like ",
                )
            )
            .code("e37301")
            .text(
                pick(
                    lang,
                    f") figurent dans les réponses de {request.typed('programme')} et "
                    f"{request.typed('who')}.",
                    f") appear in the answers of {request.typed('programme')} and "
                    f"{request.typed('who')}.",
                )
            )
            .reply()
        )
    event = request.app.programme.event(found.event_id)
    doc = Doc().bold(found.title).br()
    when = sentence_case(format_day(found.day, lang, with_year=True))
    span = format_span(found.start, found.end, lang)
    doc.text(f"{when}, {span}" if span else when)
    slot = request.app.catalog.agenda.slot(found)
    if slot is not None and slot.end <= request.now:
        doc.italic(pick(lang, " (terminée)", " (over)"))
    if found.room:
        doc.text(f" · {room_label(found.room, lang)}")
    doc.br()
    who = credit(found)
    if who:
        doc.text(pick(lang, "Par ", "By ")).italic(who).br()
    doc.text(pick(lang, "Type : ", "Kind: ")).text(kind_name(found.kind, lang))
    if event:
        doc.text(" · ").text(event.title)
    if found.description:
        doc.br().text(found.description[:1000])
    if found.links:
        doc.items([Doc().link(link.text or link.url, link.url) for link in found.links])
    return doc.reply()
