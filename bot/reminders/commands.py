"""!rappel, !rappels, !oublier: personal reminders."""

from __future__ import annotations

from bot.commands.arguments import SessionId, Understood
from bot.commands.declaration import command
from bot.commands.messages import Outgoing
from bot.commands.render import session_line
from bot.commands.request import Request
from bot.programme.model import Session
from bot.reminders.feed import feed_path, feed_token
from bot.reminders.repository import Reminders
from bot.wording.i18n import format_datetime, pick
from bot.wording.replies import Doc, Reply, say


def _personal(request: Request, reply: Reply) -> Reply | list[Outgoing]:
    """Personal answers go to the sender's direct chat; asked in a room, the command gets a
    📬 reaction there (a line of text where reactions do not exist), not the answer."""
    if request.incoming.is_direct:
        return reply
    pointer = say(pick(request.lang, "📬 Réponse envoyée en message privé.",
                       "📬 Answered in a direct chat."))
    return [Outgoing(reply, to_user=request.incoming.sender), Outgoing(pointer, react="📬")]


def _upcoming(request: Request, session: Session) -> bool:
    at = session.starts_at(request.app.catalog.tz)
    return at is not None and at > request.now


@command(
    "remind",
    fr=("rappel", "rappelle"),
    en=("remind", "reminder"),
    args=(Understood(None, ("id de session | mots", "session id | words")),),
    summary=(
        "recevoir un message privé avant une session",
        "get a direct message before a session",
    ),
    example=("grist", "grist"),
    changes=True,
)
async def remind(request: Request) -> Reply | list[Outgoing]:
    lang, app = request.lang, request.app
    assert app.storage is not None
    query = request.args.strip()
    if not query:
        return (
            Doc()
            .text(pick(lang, "De quelle session ? Par exemple : ", "Which session? For example: "))
            .code(request.example("remind"))
            .reply()
        )
    found = app.programme.session(query)
    named = found
    if found is None:
        every = [h.session for h in app.catalog.search.search(query, limit=20)]
        named = next((s for s in every if s.start is not None), None)
        hits = [s for s in every if _upcoming(request, s)]
        if len(hits) > 1:
            doc = Doc().text(
                pick(
                    lang,
                    "Plusieurs sessions correspondent ; précisez l'identifiant :",
                    "Several sessions match; give the id:",
                )
            )
            doc.items([session_line(s, lang) for s in hits[:5]])
            return _personal(request, doc.reply())
        found = hits[0] if hits else None
    if (found is None or not _upcoming(request, found)) and named and named.start:
        at = format_datetime(named.starts_at(app.catalog.tz), lang, with_year=True)
        return (Doc().text("« " if lang == "fr" else "“").bold(named.title)
                .text(pick(lang, f" » est terminée ({at}) : trop tard pour un rappel.",
                           f"” is over ({at}): too late for a reminder.")).reply())
    if found is None or not _upcoming(request, found):
        return (
            Doc()
            .text(
                pick(
                    lang,
                    "Aucune session à venir ne correspond à « ",
                    "No upcoming session matches “",
                )
            )
            .text(query[:80])
            .text(
                pick(
                    lang,
                    " » (il faut une session avec un horaire).",
                    "” (it needs a session with a time).",
                )
            )
            .reply()
        )
    lead = app.config.reminders.personal_lead_minutes
    reminders = app.storage.repository(Reminders)
    added = await reminders.subscribe(request.incoming.sender, found.id, lead)
    app.schedule_changed()
    at = format_datetime(found.starts_at(app.catalog.tz), lang)
    doc = Doc().text(
        pick(
            lang,
            "C'est noté" if added else "C'était déjà noté",
            "Done" if added else "Already noted",
        )
    )
    doc.text(
        pick(
            lang,
            f" : je vous écrirai {lead} min avant « ",
            f": I will write to you {lead} min before “",
        )
    )
    doc.bold(found.title).text(pick(lang, f" » ({at}).", f"” ({at})."))
    return _personal(request, doc.reply())


@command(
    "reminders",
    fr=("rappels",),
    en=("reminders",),
    summary=("vos rappels", "your reminders"),
)
async def reminders(request: Request) -> Reply | list[Outgoing]:
    lang, app = request.lang, request.app
    assert app.storage is not None
    mine = await app.storage.repository(Reminders).subscriptions(request.incoming.sender)
    sessions = [app.programme.session(session_id) for _, session_id, _ in mine]
    tz = app.catalog.tz
    upcoming = sorted((s for s in sessions if s is not None and _upcoming(request, s)),
                      key=lambda s: s.starts_at(tz))  # type: ignore[arg-type, return-value]
    items = [session_line(s, lang) for s in upcoming]
    if not items:
        return _personal(
            request,
            Doc()
            .text(
                pick(
                    lang,
                    "Vous n'avez aucun rappel à venir. Ajoutez-en avec "
                    f"{request.typed('remind', '<id>')}.",
                    "You have no upcoming reminders. Add one with "
                    f"{request.typed('remind', '<id>')}.",
                )
            )
            .reply(),
        )
    doc = Doc().bold(pick(lang, "Vos rappels", "Your reminders")).items(items)
    public = app.config.web.public_url
    if public:
        url = public + feed_path(await feed_token(app.storage, request.incoming.sender))
        doc.text(pick(lang, "Dans votre agenda, abonnez-vous à ", "In your calendar, subscribe "
                            "to ")).link(url, url)
        doc.text(pick(lang, " : ce lien est personnel, ne le partagez pas.",
                      ": this link is yours, do not share it."))
    return _personal(request, doc.reply())


@command(
    "forget",
    fr=("oublier",),
    en=("forget",),
    args=(SessionId("session_id", ("id de session", "session id"),
                    ("l'identifiant de la session", "the session id")),),
    summary=("supprimer un de vos rappels", "remove one of your reminders"),
    example=("e37301", "e37301"),
    changes=True,
)
async def forget(request: Request, session_id: str) -> Reply | list[Outgoing]:
    lang, app = request.lang, request.app
    assert app.storage is not None
    reminders = app.storage.repository(Reminders)
    removed = await reminders.unsubscribe(request.incoming.sender, session_id)
    app.schedule_changed()
    if removed:
        reply = (
            Doc()
            .text(pick(lang, "Rappel supprimé : ", "Reminder removed: "))
            .code(session_id)
            .reply()
        )
    else:
        reply = (
            Doc()
            .text(pick(lang, "Vous n'avez pas de rappel pour « ", "You have no reminder for “"))
            .text(session_id[:40])
            .text(pick(lang, f" ». Voir {request.typed('reminders')}.",
                       f"”. See {request.typed('reminders')}."))
            .reply()
        )
    return _personal(request, reply)
