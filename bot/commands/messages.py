"""What comes in and goes out of the command layer, with no transport types: a Matrix event
or a console line becomes an `Incoming`, the answer is a list of `Outgoing` messages, and a
`Transport` is what delivers them (and the messages nobody asked for: reminders, notices)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from bot.wording.replies import Reply


@dataclass(frozen=True)
class Incoming:
    """A message to the bot, as the transport saw it."""

    text: str
    sender: str
    room: str
    is_direct: bool = False
    addressed: bool = False  # the bot was mentioned (pill, m.mentions or display name)
    sender_name: str | None = None
    sent_at: float | None = None
    """When it was sent (seconds since the epoch, the homeserver's stamp), if known: flood
    control counts by it, so commands read late (after an outage) are not a flood."""
    reply_to: str | None = None
    """The id of the message it replies to, if it is a reply (a follow-up to one of the
    bot's answers: « et demain ? »)."""


@dataclass(frozen=True)
class Outgoing:
    """A message to send. With neither `to_user` nor `to_room` it answers the incoming one."""

    reply: Reply
    to_user: str | None = None  # a direct chat with this user, opened if needed
    to_room: str | None = None  # this room, as a new message
    key: str | None = None
    """An idempotency key: delivering the same key twice must show one message (Matrix
    transports use it as the transaction id, which the homeserver deduplicates)."""
    react: str | None = None
    """On an answer in place: a transport that can react to the incoming message with this
    emoji does so instead of sending `reply`; the others send `reply`."""
    thread: str | None = None
    """The key of an earlier message of the same delivery: this one goes in that message's
    thread (details under a short message); a transport without threads sends it after."""


class Transport(Protocol):
    """Delivers messages addressed with `to_room` or `to_user` (reminders, notices, decisions).

    `deliver` returns once every message is sent, retrying as the transport sees fit; it
    raises only when a message definitively could not be delivered.
    """

    async def deliver(self, messages: list[Outgoing]) -> None: ...
