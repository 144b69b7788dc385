"""Organisers' review (never in a public room): !propositions, !proposition, !commenter,
!noter, !accepter, !refuser, !attente, !export."""

from __future__ import annotations

from bot.commands.arguments import Choice, Number, Text, quoted
from bot.commands.declaration import Handler, command
from bot.commands.messages import Outgoing
from bot.commands.request import HandlerResult, Request
from bot.proposals import export, review
from bot.proposals.calls import all_formats, event_title, find_event
from bot.proposals.commands.common import (
    CONFIRMED,
    MAX_COMMENT,
    MESSAGE,
    NUMBER,
    confirming,
    open_calls,
    proposal_or_reply,
    storage_of,
    unschedule,
)
from bot.proposals.proposal import parse_status, status_label
from bot.proposals.repositories.proposals import Proposals
from bot.proposals.repositories.reviews import Reviews
from bot.proposals.safety import reversal_warning
from bot.wording.folding import fold
from bot.wording.i18n import pick
from bot.wording.replies import Doc, Reply, say


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
    store = storage_of(app)
    proposals = store.repository(Proposals)
    found = await proposals.proposals(status=status, event_id=event, limit=review.LIST_LIMIT)
    total = await proposals.count_proposals(status=status, event_id=event)
    scores = await store.repository(Reviews).scores([p.id for p in found])
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
    proposal = await proposal_or_reply(request, number)
    if isinstance(proposal, Reply):
        return proposal
    app, store = request.app, storage_of(request.app)
    chosen = next((f for f in all_formats(app.config.proposals) if f.key == proposal.format), None)
    return review.full_view(
        proposal,
        event_title(app.programme, proposal.event_id),
        chosen.label(request.lang) if chosen else f"{proposal.format} ({proposal.minutes} min)",
        (await store.repository(Reviews).scores([proposal.id])).get(proposal.id, {}),
        await store.repository(Reviews).comments(proposal.id),
        await store.repository(Proposals).history(proposal.id),
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
    proposal = await proposal_or_reply(request, number)
    if isinstance(proposal, Reply):
        return proposal
    await storage_of(request.app).repository(Reviews).add_comment(
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
    proposal = await proposal_or_reply(request, number)
    if isinstance(proposal, Reply):
        return proposal
    store, sender = storage_of(request.app), request.incoming.sender
    await store.repository(Reviews).set_score(proposal.id, sender, score, request.now)
    if comment:
        await store.repository(Reviews).add_comment(proposal.id, sender, comment, request.now)
    given = (await store.repository(Reviews).scores([proposal.id])).get(proposal.id, {})
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
    proposal = await proposal_or_reply(request, number)
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
                               confirming(request, proposal.id, message), lang)
    if undoing and not confirmed:
        return say(undoing)
    await storage_of(app).repository(Proposals).set_proposal_status(
        proposal.id, status, request.incoming.sender, request.now, message
    )
    if status != "accepted":
        await unschedule(app, proposal.id, request.incoming.sender, request.now)
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
    store = storage_of(request.app)
    found = await store.repository(Proposals).proposals()
    file = export.attachment(
        found, await store.repository(Reviews).scores(), request.now.strftime("%Y%m%d-%H%M")
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
