"""!verifier, !publier, !recharger (organisers): what the bot read of each programme source,
publishing a version it holds, and reading every source again now."""

from __future__ import annotations

from bot.commands.arguments import Text
from bot.commands.declaration import command
from bot.commands.messages import Outgoing
from bot.commands.request import HandlerResult, Request
from bot.programme.model import Programme
from bot.programme.queries import find_event
from bot.publishing.publisher import Publisher
from bot.publishing.report import Report, headline, reason_text, whole
from bot.wording.folding import fold
from bot.wording.i18n import count, pick
from bot.wording.replies import Doc, Reply, say

WHAT = Text("query", ("événement | source", "event | source"),
            ("l'événement ou la source", "the event or the source"), optional=True,
            explain=("facultatif ; un mot de l'événement, ou la source comme le rapport la "
                     "nomme (journee.md)", "optional: a word of the event, or the source as "
                     "the report names it (journee.md)"))
SOURCE = Text("source", ("source", "source"), ("la source", "the source"), optional=True,
              explain=("la source retenue, comme le rapport la nomme (journee.md), ou un mot "
                       "de son événement ; facultatif s'il n'y en a qu'une",
                       "the held source, as the report names it (journee.md), or a word of its "
                       "event; optional when only one is held"))


def _publisher(request: Request) -> Publisher | None:
    found = request.app.publishing
    return found if isinstance(found, Publisher) else None


def _not_following(lang: str) -> Reply:
    return say(pick(lang, "Je ne suis aucune source de programme ici.",
                    "I follow no programme source here."))


async def matching(publisher: Publisher, query: str, sources: list[str]) -> list[str]:
    """The sources `query` names: whole or by short name, by a part of it, else by a word
    of an event they give."""
    wanted = fold(query.strip())
    for test in (lambda s: wanted in (fold(s), fold(publisher.short(s))),
                 lambda s: wanted in fold(s)):
        found = [source for source in sources if test(source)]
        if found:
            return found
    named = []
    for source in sources:
        reading = await publisher.reading(publisher.version(source))
        if find_event(Programme(reading.events), query):
            named.append(source)
    return named


async def report_of(request: Request, publisher: Publisher, source: str) -> Report:
    """The report of a source as it stands: its held version against the published one,
    else the published version."""
    held, published = publisher.held.get(source), publisher.published.get(source)
    before = await publisher.reading(published) if published else None
    label = publisher.label(source)
    if held is None:
        assert before is not None
        return Report("current", label, before)
    return Report("held", label, await publisher.reading(held.version), before, held.reasons,
                  request.typed("publish", publisher.short(source)))


@command(
    "check",
    fr=("verifier", "vérifier"),
    en=("check",),
    args=(WHAT,),
    scope="organisers",
    summary=("ce que j'ai lu de chaque source du programme (organisateurs)",
             "what I read in each programme source (organisers)"),
    example=("journee.md", "journee.md"),
)
async def check(request: Request, query: str | None) -> HandlerResult:
    lang, publisher = request.lang, _publisher(request)
    if publisher is None:
        return _not_following(lang)
    sources = sorted({*publisher.published, *publisher.held})
    if not sources:
        return _not_following(lang)
    if not query:
        lines = [headline(await report_of(request, publisher, s), lang) for s in sources]
        return (Doc().bold(pick(lang, "Sources du programme", "Programme sources")).items(lines)
                .text(pick(lang, "Le détail d'une source : ", "One source in detail: "))
                .code(request.typed("check", "<source>")).reply())
    chosen = await matching(publisher, query, sources)
    if not chosen:
        return _none_matches(request, query, [publisher.short(s) for s in sources])
    doc = Doc()
    for source in chosen:
        doc.extend(whole(await report_of(request, publisher, source), lang))
    return doc.reply()


def _none_matches(request: Request, query: str, known: list[str]) -> Reply:
    lang = request.lang
    return (Doc().text(pick(lang, f"Aucune source ne correspond à « {query[:40]} ». ",
                            f"No source matches “{query[:40]}”. "))
            .text(pick(lang, "Sources : ", "Sources: ")).text(", ".join(known) + ".").reply())


@command(
    "publish",
    fr=("publier",),
    en=("publish",),
    args=(SOURCE,),
    scope="organisers",
    summary=("publier une version retenue (organisateurs)",
             "publish a held version (organisers)"),
    example=("journee.md", "journee.md"),
)
async def publish(request: Request, source: str | None) -> HandlerResult:
    lang, publisher = request.lang, _publisher(request)
    if publisher is None:
        return _not_following(lang)
    held = sorted(publisher.held)
    if not held:
        return say(pick(lang, "Aucune version n'est retenue : ce que j'ai lu est publié.",
                        "No version is held: what I read is published."))
    chosen = await matching(publisher, source, held) if source else held
    if len(chosen) != 1:
        doc = Doc()
        if not chosen:
            doc.text(pick(lang, f"Aucune version retenue ne correspond à « {source[:40]} ». ",
                          f"No held version matches “{(source or '')[:40]}”. "))
        doc.text(pick(lang, "Versions retenues :", "Held versions:"))
        doc.items([Doc().code(publisher.short(s)).text(" — ").text(
            pick(lang, " et ", " and ").join(reason_text(r, lang)
                                             for r in publisher.held[s].reasons))
            for s in chosen or held])
        return doc.text(pick(lang, "Précisez laquelle : ", "Say which: "))\
            .code(request.typed("publish", "<source>")).reply()
    return await _publish(request, publisher, chosen[0])


async def _publish(request: Request, publisher: Publisher, source: str) -> HandlerResult:
    lang, app = request.lang, request.app
    published = publisher.published.get(source)
    before = await publisher.reading(published) if published else None
    version = await publisher.publish(source)
    await app.reload(fetch=False)
    report = Report("published", publisher.label(source), await publisher.reading(version),
                    before)
    reply = headline(report, lang).reply()
    room = app.config.proposals.organisers_room
    if room and request.incoming.room != room:  # the other organisers saw it held
        return [Outgoing(reply), Outgoing(reply, to_room=room)]
    return reply


@command(
    "reload",
    fr=("recharger",),
    en=("reload",),
    summary=(
        "relire les fichiers du programme (organisateurs)",
        "read the programme files again (organisers)",
    ),
    scope="organisers",
)
async def reload(request: Request) -> Reply:
    lang, app = request.lang, request.app
    files = await app.reload()
    events = count(len(files.events), pick(lang, "événement", "event"), lang=lang)
    sessions = count(len(files.sessions), "session", lang=lang)
    doc = Doc().text(pick(lang, f"Programme rechargé : {events}, {sessions}.",
                          f"Programme reloaded: {events}, {sessions}."))
    entries = []
    publisher = _publisher(request)
    for source in sorted(publisher.held) if publisher else ():
        name = publisher.short(source)  # type: ignore[union-attr]
        entries.append(Doc().text("⚠️ ").code(name).text(
            pick(lang, " : version retenue, voir ", ": version held, see "))
            .code(request.typed("check", name)))
    entries += [Doc().text(str(p)) for p in files.problems if p.severity == "error"][:10]
    return doc.items(entries).reply()
