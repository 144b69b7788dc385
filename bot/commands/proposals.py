"""Talk proposal commands: proposing in a direct chat, and organisers' review.

Proposers: !proposer (guided dialogue or one-message form), !mes-propositions, !retirer.
Organisers (scope "organisers": never in a public room): !propositions, !proposition,
!commenter, !noter, !accepter, !refuser, !attente, !export, !planifier, !cfp.
"""

from __future__ import annotations

import re
from datetime import datetime

from bot.app import App
from bot.clock import parse_local
from bot.commands.base import TABLE, Handler, HandlerResult, Outgoing, Request, command
from bot.i18n import format_datetime, format_day, pick
from bot.model import fold
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
from bot.proposals.safety import place, placement_warning, reversal_warning, split_confirmation
from bot.proposals.schedule import parse_day, parse_hour, scheduled_sessions
from bot.replies import Doc, Reply, say
from bot.storage import Storage

MAX_COMMENT = 1000
"""Longest comment an organiser may leave, in characters."""


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


def _usage(request: Request) -> Reply:
    prefix = request.app.config.commands.prefix
    doc = Doc().text(pick(request.lang, "Utilisation : ", "Usage: "))
    return doc.code(prefix + request.command.usage[request.lang]).reply()


def _again(request: Request, number: int, rest: str) -> str:
    """The command that confirms what `request` asked: the same one, `confirmer` after the
    proposal's number."""
    lang = request.lang
    name = request.app.config.commands.prefix + request.command.names[lang][0]
    return f"{name} {number} {pick(lang, 'confirmer', 'confirm')} {rest}".strip()


def _number(word: str) -> int | None:
    found = re.fullmatch(r"[#p]?(\d{1,9})", word.strip().lower())
    return int(found.group(1)) if found else None


async def _target(request: Request) -> tuple[Proposal | None, str, Reply | None]:
    """The proposal the first argument names, the rest of the arguments, or the reply
    explaining what is wrong."""
    first, _, rest = request.args.partition(" ")
    number = _number(first)
    if number is None:
        return None, "", _usage(request)
    proposal = await _storage(request.app).proposals.proposal(number)
    if proposal is None:
        return (
            None,
            "",
            say(pick(request.lang, f"Pas de proposition n° {number}.", f"No proposal #{number}.")),
        )
    return proposal, rest.strip(), None


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
    usage=("", ""),
    scope="direct",
    summary=("proposer une intervention (en message direct)", "propose a talk (in a direct chat)"),
)
async def propose(request: Request) -> HandlerResult:
    refusal = await _pending_limit(request)
    if refusal:
        return refusal
    app, incoming = request.app, request.incoming
    name = incoming.sender_name or incoming.sender
    outcome = dialogue.start(
        await open_calls(app), request.now, request.lang, name, request.args, app.config.proposals,
        app.config.commands.prefix,
    )
    if outcome.draft is not None:
        await _storage(app).drafts.save_draft(incoming.sender, outcome.draft.to_json(), request.now)
    return outcome.reply


@command(
    "cancel",
    fr=("annuler",),
    en=("cancel",),
    usage=("", ""),
    scope="direct",
    summary=("abandonner la proposition en cours", "drop the proposal being written"),
)
async def cancel(request: Request) -> HandlerResult:
    # Reached only when no draft is in progress: the dialogue handles it otherwise.
    return say(pick(request.lang, "Rien à annuler.", "Nothing to cancel."))


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


TABLE.interceptors.append(continue_dialogue)


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
    usage=("", ""),
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
    usage=("<n°>", "<id>"),
    scope="direct",
    summary=("retirer une de vos propositions", "withdraw one of your proposals"),
)
async def withdraw(request: Request) -> HandlerResult:
    number = _number(request.args)
    if number is None:
        return _usage(request)
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
    usage=("[statut] [événement]", "[status] [event]"),
    scope="organisers",
    summary=("lister les propositions", "list the proposals"),
)
async def list_proposals(request: Request) -> HandlerResult:
    app, words = request.app, request.args.split()
    status = parse_status(words[0]) if words else None
    rest = " ".join(words[1:] if status else words)
    event = None
    if rest and fold(rest) not in ("toutes", "all"):
        event = find_event(app.programme, await open_calls(app), rest)
        if event is None:
            return say(
                pick(
                    request.lang,
                    f"Ni statut ni événement connu : {rest}",
                    f"Neither a known status nor event: {rest}",
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
    usage=("<n°>", "<id>"),
    scope="organisers",
    summary=("une proposition en entier", "one proposal in full"),
)
async def show_proposal(request: Request) -> HandlerResult:
    proposal, _, problem = await _target(request)
    if proposal is None:
        return problem
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
    usage=("<n°> <texte>", "<id> <text>"),
    scope="organisers",
    summary=("commenter une proposition", "comment on a proposal"),
)
async def comment(request: Request) -> HandlerResult:
    proposal, text, problem = await _target(request)
    if proposal is None or not text:
        return problem or _usage(request)
    if len(text) > MAX_COMMENT:
        return say(
            pick(
                request.lang,
                f"Commentaire trop long ({MAX_COMMENT} caractères au plus).",
                f"Comment too long ({MAX_COMMENT} characters at most).",
            )
        )
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
    usage=("<n°> <1-5>", "<id> <1-5>"),
    scope="organisers",
    summary=("noter une proposition de 1 à 5", "score a proposal from 1 to 5"),
)
async def score(request: Request) -> HandlerResult:
    proposal, rest, problem = await _target(request)
    if proposal is None:
        return problem
    if rest not in ("1", "2", "3", "4", "5"):
        return _usage(request)
    store = _storage(request.app)
    await store.reviews.set_score(proposal.id, request.incoming.sender, int(rest), request.now)
    given = (await store.reviews.scores([proposal.id])).get(proposal.id, {})
    return say(
        pick(
            request.lang,
            f"Note enregistrée pour #{proposal.id} ; moyenne ",
            f"Score saved for #{proposal.id}; average ",
        )
        + review.average(given)
    )


async def _decide(request: Request, status: str) -> HandlerResult:
    proposal, message, problem = await _target(request)
    if proposal is None:
        return problem
    lang, app = request.lang, request.app
    if proposal.status == "withdrawn":
        return say(
            pick(
                lang,
                "Cette proposition a été retirée par son auteur.",
                "That proposal was withdrawn by its author.",
            )
        )
    confirmed, message = split_confirmation(message)
    undoing = reversal_warning(proposal, status, app.scheduled, app.clock.tz,
                               _again(request, proposal.id, message), lang)
    if undoing and not confirmed:
        return say(undoing)
    if len(message) > MAX_COMMENT:
        return say(
            pick(
                lang,
                f"Message trop long ({MAX_COMMENT} caractères au plus).",
                f"Message too long ({MAX_COMMENT} characters at most).",
            )
        )
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

    async def decide(request: Request) -> HandlerResult:
        return await _decide(request, status)

    return command(key, fr=(fr,), en=(en,), usage=("<n°> [message]", "<id> [message]"),
                   scope="organisers", summary=summary)(decide)


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
    usage=("", ""),
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
    usage=("<n°> <jour> <heure> [salle]", "<id> <day> <time> [room]"),
    scope="organisers",
    summary=(
        "mettre une proposition acceptée au programme",
        "put an accepted proposal in the programme",
    ),
)
async def schedule(request: Request) -> HandlerResult:
    proposal, rest, problem = await _target(request)
    if proposal is None:
        return problem
    app, lang = request.app, request.lang
    confirmed, rest = split_confirmation(rest)
    words = rest.split(maxsplit=2)
    if len(words) < 2:
        return _usage(request)
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
    day, start = parse_day(words[0], event), parse_hour(words[1])
    if day is None or start is None:
        days = ", ".join(format_day(d, lang) for d in event.days)
        return say(
            pick(
                lang,
                f"Jour ou heure non reconnu ; jours de l'événement : {days}.",
                f"Day or time not understood; the event's days: {days}.",
            )
            + " "
            + _usage(request).plain
        )
    placement = place(proposal, day, start, words[2] if len(words) > 2 else None, event,
                      app.catalog.agenda, all_formats(app.config.proposals))
    session, room = placement.session, placement.session.room
    if placement.needs_confirmation and not confirmed:
        again = _again(request, proposal.id, f"{day.isoformat()} {start:%H:%M} {room or ''}")
        return say(placement_warning(placement, event, again, lang))
    await _storage(app).proposals.schedule_proposal(
        proposal.id, day, start, room, request.incoming.sender, request.now
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


@command(
    "cfp",
    fr=("cfp", "appel"),
    en=("cfp",),
    usage=(
        "[<événement> <ouverture> <clôture> [réponse] | <événement> fermer]",
        "[<event> <opens> <closes> [answers] | <event> close]",
    ),
    scope="organisers",
    summary=("voir ou régler les appels à propositions", "see or set the calls for proposals"),
)
async def cfp(request: Request) -> HandlerResult:
    app, lang, words = request.app, request.lang, request.args.split()
    calls = await open_calls(app)
    if not words:
        return _calls_list(calls, request.now, lang)
    if len(words) not in (2, 3, 4):
        return _usage(request)
    event = find_event(app.programme, calls, words[0])
    if event is None:
        return say(unknown_event(words[0], lang))
    current = next((c for c in calls if c.event_id == event), None)
    tz = app.clock.tz
    try:
        if fold(words[1]) in ("fermer", "close"):
            if current is None:
                return say(pick(lang, "Pas d'appel pour cet événement.", "No call for that event."))
            call = Call(
                event,
                current.title,
                current.opens,
                request.now,
                current.formats,
                current.answers_on,
            )
        else:
            opens, closes = (parse_local(w, tz) for w in words[1:3])
            answers = parse_local(words[3], tz).date() if len(words) == 4 else None
            if closes <= opens:
                return say(
                    pick(
                        lang,
                        "La clôture doit suivre l'ouverture.",
                        "The closing time must come after the opening.",
                    )
                )
            call = Call(
                event,
                current.title if current else event_title(app.programme, event),
                opens,
                closes,
                current.formats if current else all_formats(app.config.proposals),
                answers,
            )
    except ValueError:
        return say(
            pick(
                lang,
                "Dates au format 2026-11-20T23:59 (heure de Paris).",
                "Dates as 2026-11-20T23:59 (Paris time).",
            )
            + " "
            + _usage(request).plain
        )
    await _storage(app).calls.save_call(event, call.to_json(), request.incoming.sender, request.now)
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
