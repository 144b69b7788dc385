"""Proposing a talk, in a direct chat: !proposer (a guided dialogue or a one-message form),
!annuler, !mes-propositions, !retirer."""

from __future__ import annotations

from bot.commands.arguments import Text
from bot.commands.declaration import command, intercepts
from bot.commands.messages import Outgoing
from bot.commands.request import HandlerResult, Request
from bot.proposals import dialogue, review
from bot.proposals.calls import Call
from bot.proposals.commands.common import NUMBER, open_calls, storage_of, unschedule
from bot.proposals.dialogue import Draft
from bot.proposals.proposal import OPEN_STATUSES, Proposal
from bot.proposals.repositories.drafts import Drafts
from bot.proposals.repositories.proposals import Proposals
from bot.wording.i18n import format_day, pick
from bot.wording.replies import Doc, Reply, say


async def _pending_limit(request: Request) -> Reply | None:
    limit = request.app.config.proposals.max_pending_per_user
    proposals = storage_of(request.app).repository(Proposals)
    mine = await proposals.proposals(proposer=request.incoming.sender)
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
    changes=True,
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
        drafts = storage_of(app).repository(Drafts)
        await drafts.save_draft(incoming.sender, outcome.draft.to_json(), request.now)
    return outcome.reply


@command(
    "cancel",
    fr=("annuler",),
    en=("cancel",),
    scope="direct",
    summary=("abandonner la proposition en cours", "drop the proposal being written"),
    changes=True,
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
    drafts = storage_of(app).repository(Drafts)
    stored = await drafts.draft(sender)
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
        await drafts.delete_draft(sender)
    else:
        await drafts.save_draft(sender, outcome.draft.to_json(), request.now)
    return outcome.reply



async def _submit(request: Request, draft: Draft, calls: tuple[Call, ...]) -> list[Outgoing]:
    """Store the confirmed proposal, then acknowledge it and tell the organisers."""
    app, lang = request.app, draft.lang
    call = next(c for c in calls if c.event_id == draft.event_id)
    chosen = call.format(draft.format)
    assert chosen is not None  # the dialogue only keeps formats the call offers
    proposal = await storage_of(app).repository(Proposals).add_proposal(
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
    proposals = storage_of(request.app).repository(Proposals)
    mine = await proposals.proposals(proposer=request.incoming.sender)
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
    changes=True,
)
async def withdraw(request: Request, number: int) -> HandlerResult:
    app, sender, lang = request.app, request.incoming.sender, request.lang
    proposals = storage_of(app).repository(Proposals)
    proposal = await proposals.proposal(number)
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
    await proposals.set_proposal_status(number, "withdrawn", sender, request.now)
    await unschedule(app, number, sender, request.now)
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
