"""!ics / !calendrier: the programme as an .ics file to import into a calendar."""

from __future__ import annotations

from urllib.parse import quote

from bot.commands.arguments import Understood
from bot.commands.declaration import command
from bot.commands.render import unknown_event
from bot.commands.request import Request
from bot.formats.ics import calendar
from bot.programme.queries import event_at, find_event
from bot.wording.folding import slugify
from bot.wording.i18n import pick
from bot.wording.replies import Attachment, Doc, Reply


@command(
    "ics",
    fr=("calendrier", "ics"),
    en=("calendar",),
    args=(Understood(None, ("événement | id de session", "event | session id"),
                     optional=True),),
    summary=(
        "le programme (ou une session) en fichier .ics pour votre agenda",
        "the programme (or one session) as an .ics file for your calendar",
    ),
    example=("2024", "2024"),
)
async def ics(request: Request) -> Reply:
    lang, app, args = request.lang, request.app, request.args.strip()
    session = app.programme.session(args) if args else None
    event = (
        app.programme.event(session.event_id)
        if session
        else find_event(app.programme, args)
        if args
        else event_at(app.programme, request.now.date())[0]
    )
    if event is None:
        return unknown_event(lang, request.typed("events"))
    only = {session.id} if session else None
    data = calendar([event], app.catalog.agenda, request.now, only=only)
    name = f"bluehats-{session.id if session else slugify(event.id, 50)}.ics"
    what = session.title if session else event.title
    doc = Doc().text(pick(lang, "Calendrier de « ", "Calendar for “")).bold(what)
    doc.text(
        pick(
            lang,
            " » : ouvrez le fichier joint avec votre agenda.",
            "”: open the attached file with your calendar.",
        )
    )
    public = app.config.web.public_url
    if public and session is None:
        doc.text(pick(lang, " Pour vous y abonner (votre agenda suivra alors les changements "
                            "du programme) : ",
                      " To subscribe instead (your calendar then follows the programme's "
                      "changes): "))
        url = f"{public}{event_feed_path(event.id)}"
        doc.link(url, url)
    return doc.reply(Attachment(name, "text/calendar", data))


def event_feed_path(event_id: str) -> str:
    """Where the web listener serves the programme of `event_id` (bot.web)."""
    return f"/calendar/{quote(event_id)}.ics"
