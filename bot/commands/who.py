"""!qui: who speaks about a topic, and what a person or an organisation presents."""

from __future__ import annotations

from datetime import timedelta

from bot.commands.arguments import Understood
from bot.commands.declaration import command
from bot.commands.passages import said_of_words, words_pattern
from bot.commands.practical import event_asked, mentions, page_says, said_items
from bot.commands.render import found_lines, slot_groups
from bot.commands.request import Request
from bot.commands.selection import let_go, narrow
from bot.programme.queries import Slot
from bot.programme.search import Hit
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
    intent, agenda = request.intent, request.app.catalog.agenda
    hits = request.app.catalog.search.search(query, limit=200)
    if not request.is_command and _elsewhere(request, hits):
        return page_says(request, request.incoming.text) or off_programme(request, query)
    if not request.is_command and intent.practical and hits and hits[0].partial:
        return mentions(request, query)  # 'can you recommend a restaurant?': the page may say
    narrowed = narrow(request, [h.session for h in hits])
    found = narrowed.sessions
    if intent.after and found and (slot := agenda.slot(found[0])):
        return _after(request, slot)
    if intent.slots.tense == "next" and "tense" not in narrowed.dropped:  # all timed then
        found = sorted(found, key=lambda s: agenda.slot(s).start)  # type: ignore[union-attr]
    if not found and not request.is_command and intent.practical:
        return mentions(request, query)  # « y a du wifi ? »: perhaps the page says
    if not found:
        return (_page_instead(request, query) or Doc()
                .text(pick(lang, "Personne ne parle de « ", "Nobody speaks about “"))
                .text(query[:80])
                .text(pick(lang, " » dans les programmes connus. Essayez par exemple ",
                           "” in the known programmes. Try for example "))
                .code(request.example("who"))
                .text(".")).reply()
    spelled = f" ({spelled})" if (spelled := _spelled_out(request, query)) else ""
    doc = Doc().bold(pick(lang, f"« {query[:80]} »{spelled} :", f"“{query[:80]}”{spelled}:"))
    if narrowed.dropped:
        doc.br().extend(let_go(request, narrowed.dropped, query[:80]))
    return found_lines(doc, request.app, found, request.now, lang,
                       asked=words_pattern(query)).reply()


def _page_instead(request: Request, query: str) -> Doc | None:
    """What the event's page says of the words asked, when no session has them (« faut-il
    installer quelque chose ? » — « … rien à installer »); None when it says nothing."""
    event, _state = event_asked(request)
    if request.is_command or event is None:
        return None
    found = said_of_words(event, request.incoming.text)
    if not found:
        return None
    lang = request.lang
    return Doc().text(pick(lang, f"Aucune session sur « {query[:80]} » ; la page de "
                                 f"« {event.title} » en dit :",
                           f"No session on “{query[:80]}”; the page of “{event.title}” "
                           "says:")).items(said_items(found, lang))


def _spelled_out(request: Request, query: str) -> str:
    """What the acronyms of `query` stand for, as the programme writes it ('I2BC :
    Institut de Biologie Intégrative de la Cellule')."""
    explained = request.app.catalog.search.expansions
    said = [(word, explained[word]) for word in dict.fromkeys(query.split()) if word in explained]
    if len(said) == 1:
        return said[0][1]
    return "; ".join(pick(request.lang, f"{word} : {name}", f"{word}: {name}")
                     for word, name in said)


def _elsewhere(request: Request, hits: list[Hit]) -> bool:
    """A sentence about something else than sessions: no word asks for sessions or
    speakers, it is not practical, and no session has all its words ('what's the weather
    like in Brussels?')."""
    intent = request.intent
    if intent.asks_sessions:  # « qui parle de météo ? » is about sessions
        return False
    if intent.elsewhere:
        return True
    return not intent.practical and (not hits or hits[0].partial)


def off_programme(request: Request, about: str) -> Reply:
    """What the bot answers about, for a question about something else."""
    lang = request.lang
    doc = Doc().text(pick(lang, f"Je ne trouve rien sur « {about[:80]} » dans les programmes. ",
                          f"I find nothing about “{about[:80]}” in the programmes. "))
    doc.text(pick(lang, "Je réponds aux questions sur le programme des événements : sessions, "
                        "intervenants, salles, horaires, infos pratiques. ",
                  "I answer questions about the events' programme: sessions, speakers, "
                  "rooms, times, practical information. "))
    return doc.extend(request.examples()).reply()


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
