"""What comes in and goes out of the command layer, with no transport types: a Matrix event
or a console line becomes an `Incoming`, and the answer is a list of `Outgoing` messages the
transport delivers."""

from __future__ import annotations

from dataclasses import dataclass

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
