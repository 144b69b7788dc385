"""Talk proposal commands: proposing in a direct chat, and organisers' review.

Proposers: !proposer (guided dialogue or one-message form), !mes-propositions, !retirer.
Organisers (scope "organisers": never in a public room): !propositions, !proposition,
!commenter, !noter, !accepter, !refuser, !attente, !export, !planifier, !cfp.
"""

from __future__ import annotations

from datetime import date, datetime, time

from bot.app import App
from bot.commands.arguments import (
    ArgumentError,
    Choice,
    Day,
    Hour,
    Keyword,
    Number,
    Text,
    When,
    Word,
    quoted,
)
from bot.commands.arguments import Arguments as Forms
from bot.commands.declaration import Handler, command, intercepts
from bot.commands.messages import Outgoing
from bot.commands.request import HandlerResult, Request
from bot.programme.days import DayRef
from bot.proposals import dialogue, export, review
from bot.proposals.calls import (
    Call,
    all_formats,
    call_from_config,
    call_from_json,
    event_title,
    find_event,
    merge,
    unknown_event,
)
from bot.proposals.dialogue import Draft
from bot.proposals.proposal import OPEN_STATUSES, Proposal, parse_status, status_label
from bot.proposals.safety import place, placement_warning, reversal_warning
from bot.proposals.schedule import scheduled_sessions
from bot.storage import Storage
from bot.wording.folding import fold
from bot.wording.i18n import format_datetime, format_day, pick
from bot.wording.replies import Doc, Reply, say

MAX_COMMENT = 1000
"""Longest comment an organiser may leave, in characters."""

NUMBER = Number("number", ("numéro", "number"), ("le numéro de la proposition",
                                                 "the proposal number"),
                explain=("le numéro de la proposition, comme 12 ou #12",
                         "the proposal's number, like 12 or #12"))
CONFIRMED = Keyword("confirmed", ("confirmer", "confirm"), ("le mot confirmer", "the word confirm"),
                    optional=True,
                    explain=("pour le faire malgré mon avertissement (un chevauchement, une "
                             "décision annulée)", "to do it in spite of my warning (an overlap, "
                             "a decision undone)"))
MESSAGE = Text("message", ("message", "message"), ("le message", "the message"), optional=True,
               max_length=MAX_COMMENT,
               explain=("facultatif ; envoyé à l'auteur avec la décision",
                        "optional; sent to the proposer with the decision"))


def _storage(app: App) -> Storage:
    if app.storage is None:
        raise RuntimeError("proposals need the database (App.storage)")
    return app.storage


async def open_calls(app: App) -> tuple[Call, ...]:
    """Every call for proposals: the configured ones, replaced by those set with !cfp."""
    config = app.config.proposals
    configured = [call_from_config(c, config, app.programme, app.clock.tz) for c in config.calls]
    stored = [
        call_from_json(event, data, config)
        for event, data in await _storage(app).calls.stored_calls()
    ]
    return merge(configured, stored)


def _again(request: Request, number: int, rest: str) -> str:
    """The command that confirms what `request` asked: the same one, `confirmer` after the
    proposal's number."""
    lang = request.lang
    name = request.app.config.commands.prefix + request.command.names[lang][0]
    return f"{name} {number} {pick(lang, 'confirmer', 'confirm')} {rest}".strip()


async def _proposal(request: Request, number: int) -> Proposal | Reply:
    """Proposal `number`, or the reply saying there is none."""
    proposal = await _storage(request.app).proposals.proposal(number)
    if proposal is None:
        return say(pick(request.lang, f"Pas de proposition n° {number}.",
                        f"No proposal #{number}."))
    return proposal


# --- proposing ----------------------------------------------------------------------------


async def _pending_limit(request: Request) -> Reply | None:
    limit = request.app.config.proposals.max_pending_per_user
    mine = await _storage(request.app).proposals.proposals(proposer=request.incoming.sender)
    if sum(p.status in OPEN_STATUSES for p in mine) >= limit:
        return say(
            pick(
                request.lang,
                f"Vous avez déjà {limit} propositions en attente de "
                "réponse ; attendez une décision ou retirez-en une.",
                f"You already have {limit} proposals waiting for an answer; wait "
                "for a decision or withdraw one.",
            )
        )
    return None


@command(
    "propose",
    fr=("proposer", "proposition-nouvelle"),
    en=("propose",),
    args=(Text("form", ("formulaire", "form"), ("le formulaire", "the form"), optional=True,
               explain=("facultatif ; titre, format, résumé et intervenants en un seul message, "
                        "une ligne « Titre : … » chacun ; sans lui, je vous les demande un à "
                        "un", "optional: title, format, abstract and speakers in one message, "
                        "one “Title: …” line each; without it, I ask for them one by one")),),
    scope="direct",
    summary=("proposer une intervention (en message direct)", "propose a talk (in a direct chat)"),
)
async def propose(request: Request, form: str | None) -> HandlerResult:
    refusal = await _pending_limit(request)
    if refusal:
        return refusal
    app, incoming = request.app, request.incoming
    name = incoming.sender_name or incoming.sender
    outcome = dialogue.start(
        await open_calls(app), request.now, request.lang, name, form or "", app.config.proposals,
        app.config.commands.prefix,
    )
    if outcome.draft is not None:
        await _storage(app).drafts.save_draft(incoming.sender, outcome.draft.to_json(), request.now)
    return outcome.reply


@command(
    "cancel",
    fr=("annuler",),
    en=("cancel",),
    scope="direct",
    summary=("abandonner la proposition en cours", "drop the proposal being written"),
)
async def cancel(request: Request) -> HandlerResult:
    # Reached only when no draft is in progress: the dialogue handles it otherwise.
    return say(pick(request.lang, "Rien à annuler.", "Nothing to cancel."))


@intercepts
async def continue_dialogue(request: Request) -> HandlerResult | bool:
    """Interceptor: the next answer of a proposer who has a draft in progress."""
    typed = request.incoming.text.strip().startswith(request.app.config.commands.prefix)
    command_key = request.command.key if request.command and typed else None
    if command_key not in (None, "propose", "cancel"):
        return False
    app, sender = request.app, request.incoming.sender
    stored = await _storage(app).drafts.draft(sender)
    if stored is None:
        return False
    draft = Draft.from_json(stored)
    calls = await open_calls(app)
    if command_key == "propose":
        return (
            Doc()
            .text(
                pick(
                    draft.lang,
                    "Une proposition est déjà en cours (ou ",
                    "A proposal is already in progress (or ",
                )
            )
            .code(request.typed("cancel", lang=draft.lang))
            .text(") :")
            .br()
            .extend(dialogue.prompt(draft, calls))
            .reply()
        )
    text = "cancel" if command_key == "cancel" else request.incoming.text
    outcome = dialogue.answer(draft, text, calls, request.now, app.config.proposals)
    if outcome.confirmed:
        return await _submit(request, draft, calls)
    if outcome.draft is None:
        await _storage(app).drafts.delete_draft(sender)
    else:
        await _storage(app).drafts.save_draft(sender, outcome.draft.to_json(), request.now)
    return outcome.reply



async def _submit(request: Request, draft: Draft, calls: tuple[Call, ...]) -> list[Outgoing]:
    """Store the confirmed proposal, then acknowledge it and tell the organisers."""
    app, lang = request.app, draft.lang
    call = next(c for c in calls if c.event_id == draft.event_id)
    chosen = call.format(draft.format)
    assert chosen is not None  # the dialogue only keeps formats the call offers
    proposal = await _storage(app).proposals.add_proposal(
        Proposal(
            id=0,
            event_id=call.event_id,
            title=draft.title,
            format=chosen.key,
            minutes=chosen.minutes,
            abstract=draft.abstract,
            speakers=draft.speaker_list,
            proposer=request.incoming.sender,
            lang=lang,
            status="submitted",
            submitted_at=request.now,
        )
    )
    doc = Doc().text(pick(lang, "Merci ! Votre proposition ", "Thank you! Your proposal "))
    doc.code(f"#{proposal.id}").text(pick(lang, " est enregistrée.", " is saved."))
    if call.answers_on:
        doc.text(
            pick(lang, " Les organisateurs vous répondront le ", " The organisers will answer on ")
        )
        doc.text(format_day(call.answers_on, lang) + ".")
    doc.br().text(pick(lang, "Suivez-la avec ", "Follow it with ")).code(
        request.typed("my_proposals", lang=lang)
    ).text(".")
    sent = [Outgoing(doc.reply())]
    room = app.config.proposals.organisers_room
    if room:
        notice = review.new_proposal_notice(proposal, call.title).reply()
        sent.append(Outgoing(notice, to_room=room))
    return sent


@command(
    "my_proposals",
    fr=("mes-propositions",),
    en=("my-proposals",),
    scope="direct",
    summary=("vos propositions et leur statut", "your proposals and their status"),
)
async def my_proposals(request: Request) -> HandlerResult:
    mine = await _storage(request.app).proposals.proposals(proposer=request.incoming.sender)
    if not mine:
        return say(
            pick(request.lang, "Vous n'avez fait aucune proposition.", "You have made no proposal.")
        )
    return (
        Doc()
        .text(pick(request.lang, "Vos propositions :", "Your proposals:"))
        .items([review.list_line(p, {}, request.lang) for p in mine])
        .reply()
    )


@command(
    "withdraw",
    fr=("retirer",),
    en=("withdraw",),
    args=(NUMBER,),
    scope="direct",
    summary=("retirer une de vos propositions", "withdraw one of your proposals"),
    example=("3", "3"),
)
async def withdraw(request: Request, number: int) -> HandlerResult:
    app, sender, lang = request.app, request.incoming.sender, request.lang
    proposal = await _storage(app).proposals.proposal(number)
    if proposal is None or proposal.proposer != sender:  # others' proposals do not exist
        return say(
            pick(
                lang,
                f"Vous n'avez pas de proposition n° {number}.",
                f"You have no proposal #{number}.",
            )
        )
    if proposal.status == "withdrawn":
        return say(
            pick(lang, "Cette proposition est déjà retirée.", "That proposal is already withdrawn.")
        )
    await _storage(app).proposals.set_proposal_status(number, "withdrawn", sender, request.now)
    await _unschedule(app, number, sender, request.now)
    sent = [
        Outgoing(
            Doc()
            .text(pick(lang, "Proposition ", "Proposal "))
            .code(f"#{number}")
            .text(pick(lang, " retirée.", " withdrawn."))
            .reply()
        )
    ]
    room = app.config.proposals.organisers_room
    if room:
        sent.append(
            Outgoing(
                Doc()
                .text("Proposition retirée / Proposal withdrawn ")
                .code(f"#{number}")
                .text(" : ")
                .bold(proposal.title)
                .reply(),
                to_room=room,
            )
        )
    return sent


# --- review (organisers only) -------------------------------------------------------------


@command(
    "proposals",
    fr=("propositions",),
    en=("proposals",),
    args=(Choice("status", ("statut", "status"), ("le statut", "the status"), optional=True,
                 read=parse_status,
                 explain=("soumises, acceptées, attente, refusées ou retirées",
                          "submitted, accepted, waitlisted, rejected or withdrawn")),
          Text("event", ("événement", "event"), ("l'événement", "the event"), optional=True,
               explain=("son identifiant ou un mot de son titre ; toutes par défaut",
                        "its id or a word of its title; all by default"))),
    scope="organisers",
    summary=("lister les propositions", "list the proposals"),
    example=("soumises journées", "submitted journées"),
)
async def list_proposals(request: Request, status: str | None,
                         event: str | None) -> HandlerResult:
    app, named = request.app, event
    event = None
    if named and fold(named) not in ("toutes", "all"):
        event = find_event(app.programme, await open_calls(app), named)
        if event is None:
            return say(
                pick(
                    request.lang,
                    f"Ni statut ni événement connu : {quoted(named, 'fr')}.",
                    f"Neither a known status nor event: {quoted(named, 'en')}.",
                )
            )
    store = _storage(app)
    found = await store.proposals.proposals(status=status, event_id=event, limit=review.LIST_LIMIT)
    total = await store.proposals.count_proposals(status=status, event_id=event)
    scores = await store.reviews.scores([p.id for p in found])
    return review.proposal_list(found, total, scores, request.lang).reply()


@command(
    "proposal",
    fr=("proposition",),
    en=("proposal",),
    args=(NUMBER,),
    scope="organisers",
    summary=("une proposition en entier", "one proposal in full"),
    example=("12", "12"),
)
async def show_proposal(request: Request, number: int) -> HandlerResult:
    proposal = await _proposal(request, number)
    if isinstance(proposal, Reply):
        return proposal
    app, store = request.app, _storage(request.app)
    chosen = next((f for f in all_formats(app.config.proposals) if f.key == proposal.format), None)
    return review.full_view(
        proposal,
        event_title(app.programme, proposal.event_id),
        chosen.label(request.lang) if chosen else f"{proposal.format} ({proposal.minutes} min)",
        (await store.reviews.scores([proposal.id])).get(proposal.id, {}),
        await store.reviews.comments(proposal.id),
        await store.proposals.history(proposal.id),
        request.lang,
    ).reply()


@command(
    "comment",
    fr=("commenter",),
    en=("comment",),
    args=(NUMBER, Text("text", ("texte", "text"), ("le texte du commentaire", "the comment's text"),
                       max_length=MAX_COMMENT)),
    scope="organisers",
    summary=("commenter une proposition (seuls les organisateurs le voient)",
             "comment on a proposal (only organisers see it)"),
    example=("12 Clair et utile, à garder", "12 Clear and useful, keep it"),
)
async def comment(request: Request, number: int, text: str) -> HandlerResult:
    proposal = await _proposal(request, number)
    if isinstance(proposal, Reply):
        return proposal
    await _storage(request.app).reviews.add_comment(
        proposal.id, request.incoming.sender, text, request.now
    )
    return say(
        pick(
            request.lang,
            f"Commentaire ajouté à #{proposal.id}.",
            f"Comment added to #{proposal.id}.",
        )
    )


@command(
    "score",
    fr=("noter",),
    en=("score",),
    args=(NUMBER,
          Number("score", ("note 1–5", "score 1–5"), ("la note", "the score"), low=1, high=5,
                 explain=("de 1 (faible) à 5 (excellente) ; une nouvelle note remplace la vôtre",
                          "from 1 (weak) to 5 (excellent); a new score replaces yours")),
          Text("comment", ("commentaire", "comment"), ("le commentaire", "the comment"),
               optional=True, max_length=MAX_COMMENT,
               explain=("facultatif ; ajouté aux commentaires de la proposition",
                        "optional; added to the proposal's comments"))),
    scope="organisers",
    summary=("noter une proposition de 1 à 5", "score a proposal from 1 to 5"),
    example=("12 4", "12 4"),
)
async def score(request: Request, number: int, score: int, comment: str | None) -> HandlerResult:
    proposal = await _proposal(request, number)
    if isinstance(proposal, Reply):
        return proposal
    store, sender = _storage(request.app), request.incoming.sender
    await store.reviews.set_score(proposal.id, sender, score, request.now)
    if comment:
        await store.reviews.add_comment(proposal.id, sender, comment, request.now)
    given = (await store.reviews.scores([proposal.id])).get(proposal.id, {})
    return say(
        pick(
            request.lang,
            f"Note enregistrée pour #{proposal.id} ; moyenne ",
            f"Score saved for #{proposal.id}; average ",
        )
        + review.average(given)
    )


async def _decide(request: Request, status: str, number: int, confirmed: bool,
                  message: str | None) -> HandlerResult:
    proposal = await _proposal(request, number)
    if isinstance(proposal, Reply):
        return proposal
    message = message or ""
    lang, app = request.lang, request.app
    if proposal.status == "withdrawn":
        return say(
            pick(
                lang,
                "Cette proposition a été retirée par son auteur.",
                "That proposal was withdrawn by its author.",
            )
        )
    undoing = reversal_warning(proposal, status, app.scheduled, app.clock.tz,
                               _again(request, proposal.id, message), lang)
    if undoing and not confirmed:
        return say(undoing)
    await _storage(app).proposals.set_proposal_status(
        proposal.id, status, request.incoming.sender, request.now, message
    )
    if status != "accepted":
        await _unschedule(app, proposal.id, request.incoming.sender, request.now)
    done = Doc().code(f"#{proposal.id}").text(" : " if lang == "fr" else ": ")
    done.text(status_label(status, lang)).text(
        pick(lang, " ; l'auteur est prévenu.", "; the proposer is told.")
    )
    notice = review.decision_notice(proposal, status, message).reply()
    return [Outgoing(done.reply()), Outgoing(notice, to_user=proposal.proposer)]


def _decision_command(key: str, fr: str, en: str, status: str, summary: tuple[str, str]) -> Handler:
    """Declare one of the three decisions, which differ only by name and status."""

    async def decide(request: Request, number: int, confirmed: bool,
                     message: str | None) -> HandlerResult:
        return await _decide(request, status, number, confirmed, message)

    return command(key, fr=(fr,), en=(en,), args=(NUMBER, CONFIRMED, MESSAGE),
                   scope="organisers", summary=summary,
                   example=("12 Merci, à bientôt !", "12 Thank you, see you soon!"))(decide)


accept = _decision_command("accept", "accepter", "accept", "accepted",
                           ("accepter une proposition", "accept a proposal"))
reject = _decision_command("reject", "refuser", "reject", "rejected",
                           ("refuser une proposition", "reject a proposal"))
waitlist = _decision_command("waitlist", "attente", "waitlist", "waitlisted",
                             ("mettre une proposition en liste d'attente",
                              "put a proposal on the waiting list"))


@command(
    "export",
    fr=("export", "exporter"),
    en=("export",),
    scope="organisers",
    summary=("toutes les propositions en CSV", "every proposal as a CSV file"),
)
async def export_csv(request: Request) -> HandlerResult:
    store = _storage(request.app)
    found = await store.proposals.proposals()
    file = export.attachment(
        found, await store.reviews.scores(), request.now.strftime("%Y%m%d-%H%M")
    )
    return (
        Doc()
        .text(
            pick(
                request.lang,
                f"{len(found)} proposition(s) en CSV.",
                f"{len(found)} proposal(s) as CSV.",
            )
        )
        .reply(file)
    )


@command(
    "schedule",
    fr=("planifier",),
    en=("schedule-talk", "place"),
    args=(NUMBER, CONFIRMED,
          Day("day", ("jour", "day"), ("le jour", "the day"),
              explain=("2026-12-10, 10/12 ou un jour de la semaine de l'événement (jeudi)",
                       "2026-12-10, 10/12 or a weekday of the event (Thursday)")),
          Hour("start", ("heure", "time"), ("l'heure", "the time"),
               explain=("le début : 14h20, 14h ou 14:20", "the start: 14:20, 2:20 pm or 2pm")),
          Text("room", ("salle", "room"), ("la salle", "the room"), optional=True,
               explain=("facultative ; « ada » suffit pour « Ada Lovelace »",
                        "optional; “ada” is enough for “Ada Lovelace”"))),
    scope="organisers",
    summary=(
        "mettre une proposition acceptée au programme",
        "put an accepted proposal in the programme",
    ),
    example=("12 jeudi 14h20 Turing", "12 thursday 14:20 Turing"),
)
async def schedule(request: Request, number: int, confirmed: bool, day: DayRef, start: time,
                   room: str | None) -> HandlerResult:
    proposal = await _proposal(request, number)
    if isinstance(proposal, Reply):
        return proposal
    app, lang = request.app, request.lang
    if proposal.status != "accepted":
        return say(
            pick(
                lang,
                "Seule une proposition acceptée peut être planifiée.",
                "Only an accepted proposal can be scheduled.",
            )
        )
    event = app.programme.event(proposal.event_id)
    if event is None:
        return say(
            pick(
                lang,
                f"L'événement {proposal.event_id} n'est pas dans le programme.",
                f"Event {proposal.event_id} is not in the programme.",
            )
        )
    on = day.on(event)
    if on is None:
        days = ", ".join(format_day(d, lang) for d in event.days)
        return request.malformed(ArgumentError(
            f"Le jour doit être un jour de l'événement ({days}) : {quoted(day.typed, 'fr')}.",
            f"The day must be one of the event's days ({days}): {quoted(day.typed, 'en')}."))
    placement = place(proposal, on, start, room, event, app.catalog.agenda,
                      all_formats(app.config.proposals))
    session, room = placement.session, placement.session.room
    if placement.needs_confirmation and not confirmed:
        again = _again(request, proposal.id, f"{on.isoformat()} {start:%H:%M} {room or ''}")
        return say(placement_warning(placement, event, again, lang))
    await _storage(app).proposals.schedule_proposal(
        proposal.id, on, start, room, request.incoming.sender, request.now
    )
    await refresh_programme(app)
    when = session.starts_at(app.clock.tz)
    assert when is not None
    done = Doc().code(f"#{proposal.id}").text(pick(lang, " planifiée : ", " scheduled: "))
    done.text(format_datetime(when, lang))
    done.text(pick(lang, f", salle {room}", f", room {room}") if room else "")
    done.text(f" (id {session.id}).")
    notice = review.schedule_notice(proposal, when, room).reply()
    return [Outgoing(done.reply()), Outgoing(notice, to_user=proposal.proposer)]


async def refresh_programme(app: App) -> None:
    """Put the stored schedule of proposals into the programme everyone sees."""
    formats = all_formats(app.config.proposals)
    app.update_programme(scheduled=await scheduled_sessions(_storage(app), formats))


async def _unschedule(app: App, number: int, actor: str, now: datetime) -> None:
    if await _storage(app).proposals.unschedule_proposal(number, actor, now):
        await refresh_programme(app)


CALL_EVENT = Word("event", ("événement", "event"), ("l'événement", "the event"),
                  explain=("son identifiant ou un mot de son titre",
                           "its id or a word of its title"))
OPENS = When("opens", ("ouverture", "opens"), ("la date d'ouverture", "the opening date"),
             explain=("date et heure, comme 2026-10-01T00:00", "date and time, like "
                      "2026-10-01T00:00"))
CLOSES = When("closes", ("clôture", "closes"), ("la date de clôture", "the closing date"),
              explain=("date et heure de la fin de l'appel, comme 2026-11-20T23:59",
                       "date and time the call ends, like 2026-11-20T23:59"))
CLOSE_NOW = Keyword("close", ("fermer", "close"), ("le mot fermer", "the word close"),
                    explain=("clore l'appel maintenant", "end the call now"))
ANSWERS = When("answers", ("réponse", "answers"), ("la date de réponse", "the answer date"),
               optional=True, date_only=True,
               explain=("facultative ; le jour où les auteurs auront une réponse, comme "
                        "2026-11-27", "optional: the day proposers get an answer, like "
                        "2026-11-27"))


@command(
    "cfp",
    fr=("cfp", "appel"),
    en=("cfp",),
    args=Forms(((), (CALL_EVENT, OPENS, CLOSES, ANSWERS), (CALL_EVENT, CLOSE_NOW))),
    scope="organisers",
    summary=("voir ou régler les appels à propositions", "see or set the calls for proposals"),
    example=("journées 2026-10-01T00:00 2026-11-20T23:59 2026-11-27",
             "journées 2026-10-01T00:00 2026-11-20T23:59 2026-11-27"),
)
async def cfp(request: Request, event: str | None, opens: datetime | None,
              closes: datetime | None, answers: date | None, close: bool) -> HandlerResult:
    app, lang = request.app, request.lang
    calls = await open_calls(app)
    if event is None:
        return _calls_list(calls, request.now, lang)
    found = find_event(app.programme, calls, event)
    if found is None:
        return say(unknown_event(event, lang))
    current = next((c for c in calls if c.event_id == found), None)
    if close:
        if current is None:
            return say(pick(lang, "Pas d'appel pour cet événement.", "No call for that event."))
        call = Call(found, current.title, current.opens, request.now, current.formats,
                    current.answers_on)
    else:
        assert opens is not None and closes is not None  # the form with dates has them
        if closes <= opens:
            return request.malformed(ArgumentError(
                "La clôture doit suivre l'ouverture.",
                "The closing time must come after the opening."))
        call = Call(found, current.title if current else event_title(app.programme, found),
                    opens, closes,
                    current.formats if current else all_formats(app.config.proposals), answers)
    await _storage(app).calls.save_call(found, call.to_json(), request.incoming.sender,
                                        request.now)
    return _calls_list((call,), request.now, lang)


def _calls_list(calls: tuple[Call, ...], now: datetime, lang: str) -> Reply:
    if not calls:
        return say(pick(lang, "Aucun appel à propositions.", "No call for proposals."))
    entries = []
    for call in calls:
        state = call.state_label(now, lang)
        entry = (
            Doc()
            .bold(call.title)
            .text(
                f" ({call.event_id}, {state}) : "
                if lang == "fr"
                else f" ({call.event_id}, {state}): "
            )
        )
        entry.text(
            format_datetime(call.opens, lang, True)
            + " → "
            + format_datetime(call.closes, lang, True)
        )
        entry.text(" · " + ", ".join(f.label(lang) for f in call.formats))
        if call.answers_on:
            entry.text(
                pick(lang, " · réponse le ", " · answers on ") + format_day(call.answers_on, lang)
            )
        entries.append(entry)
    return (
        Doc()
        .text(pick(lang, "Appels à propositions :", "Calls for proposals:"))
        .items(entries)
        .reply()
    )
