"""What the proposal commands share: the proposal number and confirmation arguments, the
database, the calls for proposals, and putting the stored schedule into the programme."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from bot.commands.arguments import Keyword, Number, Text
from bot.commands.request import Request
from bot.proposals.calls import Call, all_formats, call_from_config, call_from_json, merge
from bot.proposals.proposal import Proposal
from bot.proposals.repositories.calls import Calls
from bot.proposals.repositories.proposals import Proposals
from bot.proposals.schedule import scheduled_sessions
from bot.storage import Storage
from bot.wording.i18n import pick
from bot.wording.replies import Reply, say

if TYPE_CHECKING:
    from bot.app import App

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


def storage_of(app: App) -> Storage:
    if app.storage is None:
        raise RuntimeError("proposals need the database (App.storage)")
    return app.storage


async def open_calls(app: App) -> tuple[Call, ...]:
    """Every call for proposals: the configured ones, replaced by those set with !cfp."""
    config = app.config.proposals
    configured = [call_from_config(c, config, app.programme, app.clock.tz) for c in config.calls]
    stored = [
        call_from_json(event, data, config)
        for event, data in await storage_of(app).repository(Calls).stored_calls()
    ]
    return merge(configured, stored)


def confirming(request: Request, number: int, rest: str) -> str:
    """The command that confirms what `request` asked: the same one, `confirmer` after the
    proposal's number."""
    lang = request.lang
    name = request.app.config.commands.prefix + request.command.names[lang][0]
    return f"{name} {number} {pick(lang, 'confirmer', 'confirm')} {rest}".strip()


async def proposal_or_reply(request: Request, number: int) -> Proposal | Reply:
    """Proposal `number`, or the reply saying there is none."""
    proposal = await storage_of(request.app).repository(Proposals).proposal(number)
    if proposal is None:
        return say(pick(request.lang, f"Pas de proposition n° {number}.",
                        f"No proposal #{number}."))
    return proposal




async def refresh_programme(app: App) -> None:
    """Put the stored schedule of proposals into the programme everyone sees."""
    formats = all_formats(app.config.proposals)
    app.update_programme(scheduled=await scheduled_sessions(storage_of(app), formats))


async def unschedule(app: App, number: int, actor: str, now: datetime) -> None:
    if await storage_of(app).repository(Proposals).unschedule_proposal(number, actor, now):
        await refresh_programme(app)
