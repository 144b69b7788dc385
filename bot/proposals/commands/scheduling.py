"""Organisers put an accepted proposal in the programme: !planifier."""

from __future__ import annotations

from datetime import time

from bot.commands.arguments import ArgumentError, Day, Hour, Text, quoted
from bot.commands.declaration import command
from bot.commands.messages import Outgoing
from bot.commands.request import HandlerResult, Request
from bot.programme.days import DayRef
from bot.proposals import review
from bot.proposals.calls import all_formats
from bot.proposals.commands.common import (
    CONFIRMED,
    NUMBER,
    confirming,
    proposal_or_reply,
    refresh_programme,
    storage_of,
)
from bot.proposals.repositories.proposals import Proposals
from bot.proposals.safety import place, placement_warning
from bot.wording.i18n import format_datetime, format_day, pick
from bot.wording.replies import Doc, Reply, say


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
    proposal = await proposal_or_reply(request, number)
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
        again = confirming(request, proposal.id, f"{on.isoformat()} {start:%H:%M} {room or ''}")
        return say(placement_warning(placement, event, again, lang))
    await storage_of(app).repository(Proposals).schedule_proposal(
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
