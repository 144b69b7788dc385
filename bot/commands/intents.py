"""Every intent the understanding layer gives, in one table: the slots its answer honours
and what answers it, a command or an answer function.

A slot a question gives that its answer does not honour is never dropped in silence: the
sessions listing (`listing.sessions`), which honours them all, answers instead when the
intent lists sessions; otherwise the answer says which slot it could not use. A new intent
is a rule of the grammar (bot.understanding.rules), a row here, and a test.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from bot.commands import ask
from bot.commands.listing import sessions
from bot.commands.materials import materials
from bot.commands.practical import facet
from bot.commands.request import Request
from bot.commands.selection import FILTERS
from bot.wording.replies import Reply

Answer = Callable[[Request], Awaitable[Reply]]
ALL = frozenset((*FILTERS, "count"))


@dataclass(frozen=True)
class IntentRow:
    """One intent: the slots its answer honours, and its answer — the command `command`
    (by key), else the function `answer`."""

    name: str
    slots: frozenset[str]
    command: str | None = None
    answer: Answer | None = None
    lists_sessions: bool = False
    """Its answer is a list of sessions: with a slot it does not honour, the sessions
    listing answers instead."""
    conversation: bool = True
    """A follow-up (« et demain ? ») may ask it again with other slots."""


def _row(name: str, slots: str = "", *, command: str | None = None,
         answer: Answer | None = None, lists: bool = False, talk: bool = True) -> IntentRow:
    every = ALL if slots == "*" else frozenset(slots.split())
    return IntentRow(name, every, command, answer, lists, talk)


TABLE: tuple[IntentRow, ...] = (
    _row("greet", answer=ask.greet, talk=False),
    _row("thanks", answer=ask.thanks, talk=False),
    _row("help", command="help", talk=False),
    _row("remind", command="remind", talk=False),
    _row("remind_how", answer=ask.remind_how, talk=False),
    _row("reminders", command="reminders", talk=False),
    _row("materials", "day year", answer=materials),
    _row("facet", "day year room", answer=facet),
    _row("events", command="events", talk=False),
    _row("count", "room track kind year day part hour tense", answer=ask.how_many),
    _row("now", "tense", command="now", lists=True),
    _row("next", "count tense", command="next", lists=True),
    _row("programme", "day part year", command="programme", lists=True),
    _row("search", "*", command="who"),
    _row("speakers", "room track kind year day part tense", command="speakers"),
    _row("breaks", "day part year", answer=ask.breaks),
    _row("start", "day part year", answer=ask.start),
    _row("end", "day part year", answer=ask.end),
    _row("sessions", "*", answer=sessions),
    _row("room", "room hour", command="room", lists=True),
    _row("at_hour", "hour day year", answer=ask.at_hour, lists=True),
    _row("kind", "kind day year", answer=ask.kind, lists=True),
    _row("unknown", answer=ask.unknown, talk=False),
)
"""The intents, in the grammar's order."""

ROWS = {row.name: row for row in TABLE}
BY_COMMAND = {row.command: row for row in TABLE if row.command}
"""The row of each command that answers an intent: a typed `!programme demain salle Ada`
honours its slots as « programme de demain en salle Ada » does."""


def row_for(name: str) -> IntentRow:
    return ROWS.get(name, ROWS["unknown"])


def unheard(row: IntentRow, given: tuple[str, ...]) -> tuple[str, ...]:
    """The slots given that `row`'s answer does not honour (a count is a detail)."""
    return tuple(name for name in given if name not in row.slots and name != "count")
