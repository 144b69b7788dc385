"""Calls for proposals: !cfp shows them, opens, moves or closes one (organisers only)."""

from __future__ import annotations

from datetime import date, datetime

from bot.commands.arguments import ArgumentError, Keyword, When, Word
from bot.commands.arguments import Arguments as Forms
from bot.commands.declaration import command
from bot.commands.request import HandlerResult, Request
from bot.proposals.calls import Call, all_formats, event_title, find_event, unknown_event
from bot.proposals.commands.common import open_calls, storage_of
from bot.proposals.repositories.calls import Calls
from bot.wording.i18n import format_datetime, format_day, pick
from bot.wording.replies import Doc, Reply, say

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
    calls_table = storage_of(app).repository(Calls)
    await calls_table.save_call(found, call.to_json(), request.incoming.sender, request.now)
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
