"""Replays and slides: « y a un replay ? », « les slides du talk sur Grist », "recordings?".

The answer lists the sessions that left something online (their links to a recording,
slides or notes, `Link.material`): those found for the subject, else those of the event
named, else of the latest event that has some.
"""

from __future__ import annotations

from bot.commands.passages import said_of_facet
from bot.commands.practical import event_asked, no_event, said_items
from bot.commands.render import MAX_FOUND, more, when
from bot.commands.request import Request
from bot.programme.model import Event, Link, Session
from bot.wording.i18n import pick
from bot.wording.replies import Doc, Reply

_NAMES = {"recording": ("vidéo", "recording"), "slides": ("support", "slides"),
          "notes": ("notes", "notes")}


async def materials(request: Request) -> Reply:
    lang, intent = request.lang, request.intent
    subject = intent.subject.strip(" ?!.\"'«»")
    event: Event | None = None
    if subject:
        found = request.app.catalog.search.search(subject, limit=200)
        pool = [h.session for h in found if intent.slots.year in (None, h.session.day.year)]
        scope = pick(lang, f"« {subject[:80]} »", f"“{subject[:80]}”")
    else:
        event = _event_meant(request)
        if event is None:
            return no_event(request)
        pool, scope = list(event.sessions), event.title
    left = [(s, links) for s in pool if (links := [k for k in s.links if k.material])]
    if not left:
        doc = Doc().text(pick(lang, f"Pas encore de vidéo ni de support en ligne pour {scope}.",
                              f"No recording or slides online yet for {scope}."))
        return _page_on_recordings(doc, event, lang).reply()
    doc = Doc().bold(pick(lang, "Vidéos et supports", "Recordings and slides"))
    doc.text(f" — {scope}" + pick(lang, " :", ":"))
    items = [_line(session, links, lang) for session, links in left[:MAX_FOUND]]
    doc = more(doc.items(items), len(left) - MAX_FOUND, lang)
    if not any(k.material == "recording" for _s, links in left for k in links):
        doc = _page_on_recordings(doc, event, lang)  # slides here, the videos elsewhere
    return doc.reply()


def _page_on_recordings(doc: Doc, event: Event | None, lang: str) -> Doc:
    """`doc`, and what the event's page says of recordings (« Les présentations seront
    filmées », 'A link to the recorded sessions can be found here')."""
    told = said_of_facet(event, "recording") if event is not None else None
    if told:
        doc.br().text(pick(lang, "La page dit :", "The page says:")).items(said_items(told, lang))
    return doc


def _event_meant(request: Request) -> Event | None:
    """The event named or of the day or year asked; else the latest one so far that left
    something online (replays come after an event); else the current or next one."""
    intent, today = request.intent, request.now.date()
    if not (intent.event or intent.slots.day or intent.slots.year):
        held = sorted((e for e in request.app.programme.events if e.start <= today),
                      key=lambda e: e.start, reverse=True)
        with_some = (e for e in held if any(k.material for s in e.sessions for k in s.links))
        latest = next(with_some, None)
        if latest is not None:
            return latest
    return event_asked(request)[0]


def _line(session: Session, links: list[Link], lang: str) -> Doc:
    line = Doc().bold(session.title).text(f" — {when(session, lang)}" + pick(lang, " : ", ": "))
    for index, link in enumerate(links):
        if index:
            line.text(" · ")
        names = _NAMES[link.material or "notes"]
        line.link(pick(lang, *names), link.url)
    return line.text(" · ").code(session.id)
