"""Sending reminders on time, once, across restarts.

The scheduler sleeps until the next notice is due (or until the programme or the
subscriptions change), then sends what is due. Each notice's keys go through three states
in SQLite: 'sending' (committed before the send), 'sent' (after the transport confirmed)
and 'missed' (its time passed more than the grace period ago, e.g. while the bot was down).

Why 'sending' first: if the process dies between the send and the 'sent' record, the
notice is sent again on restart — with the same idempotency key, which the Matrix
transport uses as the transaction id, so the homeserver shows it once. Never twice, never
lost within the grace period.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import sqlite3
from datetime import datetime, timedelta

from bot.app import App
from bot.commands.messages import Outgoing, Transport
from bot.monitoring.metrics import REMINDER_DELAY, REMINDERS
from bot.programme.model import Programme
from bot.reminders.changes import Change, changes
from bot.reminders.messages import render, render_changes
from bot.reminders.planner import Notice, Subscription, plan
from bot.reminders.repository import Reminders
from bot.settings.config import LONGEST_LEAD_MINUTES

log = logging.getLogger(__name__)

RETRY_AFTER = timedelta(seconds=30)
"""When a send fails, the notice is tried again after this long (while within grace)."""
LAST_TICK = "reminders.last_tick"
HORIZON = timedelta(hours=6)
"""Each tick plans this far ahead only (cheap at any programme size), and wakes up again
at the horizon at the latest."""


class Scheduler:
    """Plans and sends the notices of an app through a transport."""

    def __init__(self, app: App, transport: Transport) -> None:
        assert app.storage is not None, "reminders need the database"
        self.app = app
        self.storage = app.storage
        self.reminders = app.storage.repository(Reminders)
        self.transport = transport
        self._wake = asyncio.Event()
        self._diffs: list[tuple[Programme, Programme]] = []
        self._changes: list[Outgoing] = []  # change notices waiting for the transport
        app.on_programme_change(self._programme_changed)
        app.on_schedule_change(self._wake.set)

    @property
    def lang(self) -> str:
        return self.app.config.commands.language

    async def upcoming(self, since: datetime, until: datetime | None = None) -> list[Notice]:
        """Every notice due from `since` to `until` (default: no end), as planned now.

        Until a time, only the subscriptions to sessions starting by then (and a longest
        lead later) are read: a notice is due before its session starts, never after."""
        catalog = self.app.catalog
        if until is None:
            rows = await self.reminders.subscriptions()
        else:
            soon = catalog.agenda.starting_between(
                since, until + timedelta(minutes=LONGEST_LEAD_MINUTES))
            rows = await self.reminders.subscribed_to(slot.session.id for slot in soon)
        return plan(
            self.app.programme,
            catalog.agenda,
            self.app.config.reminders,
            [Subscription(*row) for row in rows],
            since,
            until,
        )

    async def tick(self) -> datetime:
        """Send what is due now (and change notices); return when to look again: when the
        next notice is due, or at the planning horizon."""
        self._wake.clear()
        now = self.app.clock.now()
        settings = self.app.config.reminders
        grace = timedelta(minutes=settings.grace_minutes)
        await self._send_changes()
        last = await self.storage.state.get_state(LAST_TICK)
        since = datetime.fromisoformat(last) if last else now - grace
        horizon = now + HORIZON
        notices = await self.upcoming(min(since, now - grace), horizon)
        done = await self.reminders.reminder_log(min(since, now - grace).timestamp())
        next_due = None
        for notice in notices:
            todo = [key for key in notice.keys if done.get(key) in (None, "sending")]
            if not todo:
                continue
            if notice.due > now:
                next_due = notice.due if next_due is None else min(next_due, notice.due)
                continue
            if now - notice.due > grace:
                await self.reminders.mark_reminders(todo, "missed", notice.due.timestamp())
                REMINDERS.labels(notice.kind, "missed").inc()
                log.warning(
                    "reminder missed (due %s, %s late): %s",
                    notice.due.isoformat(),
                    now - notice.due,
                    ", ".join(todo),
                )
                continue
            if not await self._send(notice, todo):
                retry = now + RETRY_AFTER
                next_due = retry if next_due is None else min(next_due, retry)
        await self.storage.state.set_state(LAST_TICK, now.isoformat())
        return horizon if next_due is None else next_due

    async def _send(self, notice: Notice, todo: list[str]) -> bool:
        """Send the part of `notice` not sent yet; True once the transport has it."""
        due = notice.due.timestamp()
        sessions = (
            tuple(s for s, key in zip(notice.sessions, notice.keys, strict=False) if key in todo)
            if notice.kind == "slot"
            else notice.sessions
        )
        shown = Notice(
            notice.kind,
            notice.due,
            tuple(todo),
            sessions,
            notice.to_room,
            notice.to_user,
            notice.lead,
            notice.event,
            notice.day,
        )
        reply = render(shown, self.lang, self.app.catalog.tz, self.app.clock.now(),
                       self.app.config.commands.prefix)
        key = hashlib.blake2s("\n".join(todo).encode(), digest_size=12).hexdigest()
        await self.reminders.mark_reminders(todo, "sending", due)
        try:
            await self.transport.deliver(
                [Outgoing(reply, to_user=notice.to_user, to_room=notice.to_room, key=f"rem-{key}")]
            )
        except Exception:
            log.exception("reminder not delivered, will retry: %s", ", ".join(todo))
            return False
        await self.reminders.mark_reminders(todo, "sent", due)
        REMINDERS.labels(notice.kind, "sent").inc()
        REMINDER_DELAY.observe(max(0.0, self.app.clock.now().timestamp() - due))
        log.info(
            "reminder sent (%s, due %s): %s", notice.kind, notice.due.isoformat(), ", ".join(todo)
        )
        return True

    def _programme_changed(self, old: Programme, new: Programme) -> None:
        """Note the change; the next tick tells the rooms and the subscribers."""
        if self.app.config.reminders.change_notices:
            self._diffs.append((old, new))
        self._wake.set()

    async def _change_messages(self, found: list[Change]) -> list[Outgoing]:
        """One notice per reminder room, and one per subscriber of a changed session."""
        tz = self.app.catalog.tz
        reply = render_changes(found, self.lang, tz)
        digest = hashlib.blake2s(reply.plain.encode(), digest_size=12).hexdigest()
        messages = [
            Outgoing(reply, to_room=room.room, key=f"chg-{room.room}-{digest}")
            for room in self.app.config.reminders.rooms
        ]
        ids = {change.session_id for change in found}
        for user, session_id, _ in await self.reminders.subscribed_to(sorted(ids)):
            mine = [c for c in found if c.session_id == session_id]
            messages.append(
                Outgoing(
                    render_changes(mine, self.lang, tz),
                    to_user=user,
                    key=f"chg-{user}-{session_id}-{digest}",
                )
            )
        return messages

    async def _send_changes(self) -> None:
        diffs, self._diffs = self._diffs, []
        now = self.app.clock.now()
        for old, new in diffs:
            found = changes(old, new, now, self.app.catalog.tz)
            if found:
                self._changes.extend(await self._change_messages(found))
        pending, self._changes = self._changes, []
        if not pending:
            return
        try:
            await self.transport.deliver(pending)
        except Exception:
            log.exception("change notices not delivered, will retry")
            self._changes = pending + self._changes

    async def run(self) -> None:
        """Send notices as they fall due, until cancelled."""
        while True:
            try:
                next_due = await self.tick()
            except sqlite3.Error as error:
                # Nothing is sent unless 'sending' was recorded first, so waiting is safe.
                log.error("database not writable (%s): reminders wait %d s and try again",
                          error, RETRY_AFTER.total_seconds())
                next_due = self.app.clock.now() + RETRY_AFTER
            timeout = max(0.0, (next_due - self.app.clock.now()).total_seconds())
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout)
