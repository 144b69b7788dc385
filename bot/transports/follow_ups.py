"""Conversation for the transports: the question a message may follow, and the questions
answered kept for the next one.

A message follows the question whose answer it replies to (in a room or a direct chat), or
in a direct chat the last question asked within FOLLOW_UP_SECONDS; the command layer reads
it as that question with new slots when it only gives slots (« et demain ? »).
"""

from __future__ import annotations

import logging
import sqlite3

from bot.commands.dispatch import Parsed
from bot.commands.messages import Incoming
from bot.storage import Storage

log = logging.getLogger(__name__)

FOLLOW_UP_SECONDS = 5 * 60
"""In a direct chat, a message this soon after a question may follow it."""


async def previous_question(storage: Storage | None, incoming: Incoming,
                            now: float) -> str | None:
    """The question `incoming` may follow (as `Parsed.question` gave it): the one answered
    by the bot's message it replies to, else in a direct chat the sender's last one within
    FOLLOW_UP_SECONDS of `now`. None for a reply to anything but one of the bot's
    answers."""
    if storage is None or not (incoming.reply_to or incoming.is_direct):
        return None
    try:
        if incoming.reply_to:
            return await storage.conversations.answered_by(incoming.reply_to, incoming.room)
        return await storage.conversations.latest(incoming.room, incoming.sender,
                                                  now - FOLLOW_UP_SECONDS, now)
    except sqlite3.Error as error:  # a database that cannot be read: the message alone
        log.error("database not readable (%s): %s read without what came before", error,
                  incoming.text[:40])
        return None


async def remember(storage: Storage | None, incoming: Incoming, parsed: Parsed,
                   answers: list[str], now: float) -> None:
    """Keep the question `parsed` answered by `answers` (the event ids of the bot's
    messages): a reply to one of them is for the bot, and may follow that question."""
    if storage is not None and answers:
        await storage.conversations.remember(answers, incoming.room, incoming.sender,
                                             parsed.question, now)
