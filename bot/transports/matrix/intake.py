"""Commands in: which events are commands, claimed in the journal, answered once, in order.

An event is looked up in the journal first (a read), its answer decided, then written
down with it in one commit before it is sent, and the claim closed once every message is
sent (with the question kept for a follow-up: one more commit): a bot killed in between
sends that answer after its restart, under the same transaction ids. The commands a
previous run left unanswered are answered before any new one, and an event is never
answered twice by the same run.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
import time
from collections.abc import Awaitable
from dataclasses import replace
from typing import Any

from nio import AsyncClient, MatrixRoom, MegolmEvent, RoomMessageText

from bot.app import App
from bot.commands.dispatch import Handled, Parsed, handle, intent_of, parse
from bot.commands.messages import Incoming, Outgoing
from bot.monitoring.metrics import ANSWER_SECONDS, COMMANDS
from bot.storage import Storage
from bot.storage.state import told_undecryptable_key
from bot.transports.follow_ups import previous_question, remember
from bot.transports.matrix.addressing import Mentions, address, is_courtesy, is_reply
from bot.transports.matrix.delivery import Delivery
from bot.transports.matrix.directs import DirectChats
from bot.transports.matrix.edits import Edits, in_place
from bot.transports.matrix.journal import decode_answer, encode_answer
from bot.transports.matrix.messages import CommandEvent, notice, read_event
from bot.transports.matrix.typing_notice import typing_while_building
from bot.wording.hygiene import visible
from bot.wording.i18n import pick
from bot.wording.replies import say

log = logging.getLogger(__name__)


async def record(work: Awaitable[None], consequence: str) -> None:
    """Write to the database; if it cannot (read-only, disk full), log why and go on."""
    try:
        await work
    except sqlite3.Error as error:
        log.error("database not writable (%s): %s", error, consequence)


class Intake:
    """Turns room events into answers, through the journal."""

    def __init__(self, client: AsyncClient, app: App, storage: Storage,
                 directs: DirectChats, delivery: Delivery) -> None:
        self.client = client
        self.app = app
        self.storage = storage
        self.directs = directs
        self.delivery = delivery
        self._taken: set[str] = set()  # event ids this run is answering, or failed to
        self._sending: set[asyncio.Task[None]] = set()
        self.edits = Edits(client)

    async def on_event(self, room: MatrixRoom, event: Any) -> None:
        """Answer `event` if it is a command nobody answered yet."""
        if event.sender == self.client.user_id:
            return
        if isinstance(event, MegolmEvent):
            await self._undecryptable(room, event)
            return
        if not isinstance(event, RoomMessageText):
            return  # notices (other bots), emotes, files, state
        command = read_event(room.room_id, event.source)
        if command.is_edit:
            await self._edited(room, event.source)  # not a new command
            return
        if command.event_id in self._taken:
            return  # a sync given again after a network error: already being answered
        incoming = self.incoming(room, command, event.source)
        previous = await previous_question(self.storage, incoming, self._now())
        if incoming.reply_to and previous is not None and not incoming.addressed \
                and not is_courtesy(incoming.text):
            incoming = replace(incoming, addressed=True)  # a reply to one of its answers
        parsed = parse(self.app, incoming, previous)
        if parsed is None:
            return  # ordinary conversation: nothing to remember
        try:
            if await self.storage.journal.is_claimed(command.event_id):
                return  # answered before a restart, or by this run before a sync repeated
        except sqlite3.Error as error:
            log.error("database not readable (%s): answering %s without knowing if it was",
                      error, command.event_id)
        await self._answer(command, incoming, parsed=parsed, source=json.dumps(event.source))

    async def _edited(self, room: MatrixRoom, edit: dict[str, Any]) -> None:
        """An edit of a command the bot answered: the new text answered by editing the
        answer (edits.py). Sent under transaction ids of the edit: never twice."""
        edit_id = edit.get("event_id", "")
        found = None if edit_id in self._taken else await self.edits.edited_command(
            room.room_id, edit)
        if found is None:
            return
        now, answer = found
        command = read_event(room.room_id, now)
        incoming = self.incoming(room, command, now)
        parsed = parse(self.app, incoming)
        if parsed is not None:  # else no longer a command: answer kept
            await self._answer(replace(command, event_id=edit_id), incoming, replacing=answer,
                               parsed=parsed)

    def incoming(self, room: MatrixRoom, command: CommandEvent,
                 source: dict[str, Any]) -> Incoming:
        """What the command layer needs to know of `command`."""
        is_direct = self.directs.is_direct(room)
        me = Mentions(self.client.user_id, room.user_name(self.client.user_id))
        meant = address(source.get("content") or {}, command.text, me)
        if meant is not None and not is_direct and is_courtesy(meant):
            meant = None  # « BlueHats : merci ! » in a room deserves no answer
        name = room.user_name(command.sender)
        content = source.get("content") or {}
        replied = (content.get("m.relates_to") or {}).get("m.in_reply_to") or {}
        return Incoming(meant if meant is not None else command.text, command.sender,
                        room.room_id, is_direct=is_direct, addressed=meant is not None,
                        sender_name=None if name is None else visible(name),
                        sent_at=source["origin_server_ts"] / 1000
                        if "origin_server_ts" in source else None,
                        reply_to=replied.get("event_id") if is_reply(content) else None)

    def _now(self) -> float:
        return self.app.clock.now().timestamp()

    async def answer_unanswered(self, since_ms: float) -> None:
        """Answer the commands a previous run claimed but was stopped before answering (a
        crash, SIGKILL): with the answer it had decided if any, under the same transaction
        ids, so what did reach the room is not shown twice."""
        for event_id, room_id, source, answer in \
                await self.storage.journal.unanswered_events(since_ms / 1000):
            room = self.client.rooms.get(room_id)
            if event_id in self._taken:
                continue
            if room is None:  # the bot left that room meanwhile
                await self.storage.journal.event_answered(event_id)
                continue
            event = json.loads(source)
            command = read_event(room_id, event)
            log.info("answering %s, claimed before a restart%s", event_id,
                     "" if answer is None else " (answer already decided)")
            await self._answer(command, self.incoming(room, command, event),
                               None if answer is None else decode_answer(answer),
                               source=source)

    async def finish(self, timeout: float) -> None:
        """Wait for the answers under way to be sent (or to fail), `timeout` seconds at most:
        one still waiting then (a direct chat the stopped sync will never show) stays
        claimed, and is answered after the restart."""
        if not self._sending:
            return
        _, late = await asyncio.wait(self._sending, timeout=timeout)
        for task in late:
            task.cancel()
        await asyncio.gather(*late, return_exceptions=True)
        if late:
            log.warning("stopping with %d answer(s) not sent: sent after the restart",
                        len(late))

    async def _answer(self, command: CommandEvent, incoming: Incoming,
                      decided: list[Outgoing] | None = None, replacing: str | None = None,
                      parsed: Parsed | None = None, source: str | None = None) -> None:
        """Decide the answer (unless `decided` before a restart), write it down with
        `source` (the command event as JSON) in the journal, send it; the event counts as
        answered once every message is sent, and what it answered is kept for a follow-up.
        `replacing`: the bot's answer that the first notice in place edits (the command
        was edited: not journaled, its transaction ids keep it from being sent twice)."""
        self._taken.add(command.event_id)
        started = time.monotonic()
        outgoing = decided
        handled = Handled()
        if outgoing is None:
            async with typing_while_building(self.client, command.room):
                outgoing = await handle(self.app, incoming, handled, parsed=parsed)
            if source is not None and not await self._write_down(command, source, outgoing):
                return
        else:
            parsed = parse(self.app, incoming)
            handled = Handled(intent_of(parsed) if parsed else "none", "answered")
        first = next((index for index, message in enumerate(outgoing) if in_place(message)),
                     None)
        sent = [self.delivery.replace(message, command, replacing)
                if replacing and index == first else
                await self.delivery.answer(message, command, index)
                for index, message in enumerate(outgoing)]
        task = asyncio.create_task(self._close_when_sent(
            command, sent, started, handled, None if replacing else first, incoming, parsed))
        self._sending.add(task)
        task.add_done_callback(self._sending.discard)

    async def _write_down(self, command: CommandEvent, source: str,
                          outgoing: list[Outgoing]) -> bool:
        """The command and its answer in the journal, one commit before the send; False if
        it was answered already."""
        try:
            return await self.storage.journal.decide(command.event_id, command.room, source,
                                                     encode_answer(outgoing))
        except sqlite3.Error as error:
            # Answering unrecorded beats falling silent: a restart may answer it again.
            log.error("database not writable (%s): answering %s without recording it",
                      error, command.event_id)
            return True

    async def _close_when_sent(self, command: CommandEvent, sent: list[asyncio.Future[str]],
                               started: float, handled: Handled, answer_at: int | None,
                               incoming: Incoming, parsed: Parsed | None) -> None:
        results = await asyncio.gather(*sent, return_exceptions=True)
        failed = sum(1 for result in results if isinstance(result, BaseException))
        if answer_at is not None and isinstance(results[answer_at], str):
            self.edits.remember(command.event_id, results[answer_at])  # for an edit to come
        await record(self._after_sending(command, results, incoming, parsed, failed),
                     f"{command.event_id}: its question is not kept for a follow-up, and "
                     "it may be answered again after a restart")
        if not failed:
            self._taken.discard(command.event_id)  # the journal has it now
        latency = time.monotonic() - started
        COMMANDS.labels(handled.intent, handled.outcome).inc()
        if sent and not failed:
            ANSWER_SECONDS.observe(latency)
        log.info("command room=%s sender=%s intent=%s outcome=%s latency_ms=%.0f sent=%d%s",
                 command.room, command.sender, handled.intent, handled.outcome,
                 latency * 1000, len(sent) - failed, f" failed={failed}" if failed else "",
                 extra={"room": command.room, "sender": command.sender,
                        "intent": handled.intent, "outcome": handled.outcome,
                        "latency_ms": round(latency * 1000), "failed": failed})

    async def _after_sending(self, command: CommandEvent, results: list[Any],
                             incoming: Incoming, parsed: Parsed | None, failed: int) -> None:
        """In one commit: the question kept for a follow-up, and the command closed in the
        journal if every message went (else kept: the next start tries again)."""
        async with self.storage.one_commit():
            if parsed is not None:
                answers = [result for result in results if isinstance(result, str)]
                await remember(self.storage, incoming, parsed, answers, self._now())
            if not failed:
                await self.storage.journal.event_answered(command.event_id)

    async def _undecryptable(self, room: MatrixRoom, event: MegolmEvent) -> None:
        log.warning("cannot decrypt %s from %s in %s (session %s)", event.event_id,
                    event.sender, room.room_id, event.session_id)
        key = told_undecryptable_key(event.sender)
        if await self.storage.state.get_state(key):
            return
        await self.storage.state.set_state(key, event.event_id)
        lang = self.app.config.commands.language
        reply = say(pick(lang, "Je n'ai pas pu déchiffrer votre message. Écrivez-moi dans un "
                               "salon public, ou réessayez plus tard.",
                         "I could not decrypt your message. Write to me in a public room, "
                         "or try again later."))
        answering = CommandEvent(room.room_id, event.event_id, event.sender, "", None, False)
        self.delivery.sender.enqueue(room.room_id, notice(reply, answering),
                                     f"bh-{event.event_id}-undec")
