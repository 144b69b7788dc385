"""!qui: who speaks about a topic, and what a person or an organisation presents."""

from __future__ import annotations

from bot.commands.base import Request, command
from bot.commands.render import more
from bot.i18n import format_day, format_span, pick
from bot.model import Session, credit
from bot.replies import Doc, Reply

MAX_RESULTS = 10


def _when(session: Session, lang: str) -> str:
    """'mercredi 4 décembre 2024, 10 h – 12 h 30': the day, and the hours the page gives."""
    day = format_day(session.day, lang, with_year=True)
    span = format_span(session.start, session.end, lang)
    return f"{day}, {span}" if span else day


@command(
    "who",
    fr=("qui",),
    en=("who",),
    usage=("<sujet, personne ou organisation>", "<topic, person or organisation>"),
    summary=(
        "qui parle d'un sujet, ce que présente une personne ou une organisation",
        "who speaks about a topic, what a person or an organisation presents",
    ),
    phrases_fr=(
        r"\bqui (?:parle|presente|intervient|parlera|presentera)\w* "
        r"(?:de |d'|du |des |sur |a propos de )?(?P<args>.+)",
        r"\b(?:que|qu'est-ce que) presente (?P<args>.+)",
    ),
    phrases_en=(
        r"\bwho (?:speaks|talks|presents|is speaking|is talking|will speak)\w* "
        r"(?:about |on )?(?P<args>.+)",
        r"\bwhat (?:does|is) (?P<args>.+?) (?:present|presenting|talk about)\b",
    ),
)
async def who(request: Request) -> Reply:
    lang, query = request.lang, request.args.strip(" ?!.\"'«»")
    if not query:
        return (
            Doc()
            .text(pick(lang, "De quoi ? Par exemple : ", "About what? For example: "))
            .code(pick(lang, "!qui grist", "!who grist"))
            .reply()
        )
    catalog = request.app.catalog
    hits = catalog.search.search(query, limit=MAX_RESULTS + 1)
    if not hits:
        return (
            Doc()
            .text(pick(lang, "Personne ne parle de « ", "Nobody speaks about “"))
            .text(query[:80])
            .text(pick(lang, " » dans les programmes connus.", "” in the known programmes."))
            .reply()
        )
    doc = Doc().bold(pick(lang, f"« {query[:80]} » :", f"“{query[:80]}”:"))
    items = []
    for hit in hits[:MAX_RESULTS]:
        session = hit.session
        event = request.app.programme.event(session.event_id)
        line = Doc().italic(credit(session) or pick(lang, "intervenant à confirmer", "speaker TBA"))
        line.text(" — ").bold(session.title).br()
        line.text(_when(session, lang))
        if session.room:
            line.text(pick(lang, f", salle {session.room}", f", room {session.room}"))
        if event:
            line.text(f" · {event.title}")
        line.text(" · ").code(session.id)
        items.append(line)
    doc.items(items)
    return more(doc, len(hits) - MAX_RESULTS, lang).reply()
