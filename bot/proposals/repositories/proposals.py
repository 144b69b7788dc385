"""Talk proposals as stored: the proposals, their history (who changed what, when) and
their place in the programme. Scores and comments are in reviews.py."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date, datetime
from datetime import time as time_of_day

import aiosqlite

from bot.programme.model import Speaker
from bot.proposals.repositories.drafts import Drafts
from bot.storage.repository import Repository


@dataclass(frozen=True)
class Proposal:
    """A proposal as stored. `lang` is the proposer's, used for the answers they get."""

    id: int
    event_id: str
    title: str
    format: str
    minutes: int
    abstract: str
    speakers: tuple[Speaker, ...]
    proposer: str
    lang: str
    status: str
    submitted_at: datetime


OWN = "SELECT id FROM proposals WHERE proposer = ?"
"""The ids of a person's own proposals (one parameter: their id)."""


class Proposals(Repository):
    """The `proposals`, `proposal_history` and `proposal_schedule` tables."""

    tables = ("proposals", "proposal_history", "proposal_schedule")

    def __init__(self, db: aiosqlite.Connection) -> None:
        super().__init__(db)
        self.drafts = Drafts(db)

    async def add_proposal(self, proposal: Proposal) -> Proposal:
        """Store a new proposal (its `id` is ignored), record it in the history and drop the
        proposer's draft, in one transaction; the stored proposal with its id."""
        speakers = json.dumps([[s.name, s.organisation] for s in proposal.speakers],
                              ensure_ascii=False)
        cursor = await self.db.execute(
            "INSERT INTO proposals (event_id, title, format, minutes, abstract, speakers, "
            "proposer, lang, status, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (proposal.event_id, proposal.title, proposal.format, proposal.minutes,
             proposal.abstract, speakers, proposal.proposer, proposal.lang, proposal.status,
             proposal.submitted_at.isoformat()),
        )
        number = int(cursor.lastrowid or 0)
        await self.record(number, proposal.proposer, "submitted", "", proposal.submitted_at)
        await self.drafts.drop(proposal.proposer)
        await self._commit()
        return replace(proposal, id=number)

    async def proposal(self, number: int) -> Proposal | None:
        found = await self.proposals(number=number)
        return found[0] if found else None

    async def proposals(self, *, status: str | None = None, event_id: str | None = None,
                        proposer: str | None = None, number: int | None = None,
                        limit: int = -1) -> list[Proposal]:
        """Proposals matching every filter given, oldest first, at most `limit` (-1: all)."""
        where, values = _proposal_filter(status, event_id, proposer, number)
        async with self.db.execute(
            f"SELECT * FROM proposals WHERE {where} ORDER BY id LIMIT ?", (*values, limit)
        ) as cursor:
            return [_proposal(row) async for row in cursor]

    async def count_proposals(self, *, status: str | None = None,
                              event_id: str | None = None) -> int:
        where, values = _proposal_filter(status, event_id, None, None)
        return await self._count(f"SELECT count(*) FROM proposals WHERE {where}", values)

    async def set_proposal_status(self, number: int, status: str, actor: str, at: datetime,
                                  detail: str = "") -> None:
        """Change a proposal's status, kept in the history with who, when and the message."""
        await self.db.execute("UPDATE proposals SET status = ? WHERE id = ?", (status, number))
        await self.record(number, actor, status, detail, at)
        await self._commit()

    async def history(self, number: int) -> list[tuple[datetime, str, str, str]]:
        """(when, who, action, detail) of every change to a proposal, oldest first."""
        async with self.db.execute(
            "SELECT at, actor, action, detail FROM proposal_history WHERE proposal_id = ? "
            "ORDER BY id", (number,),
        ) as cursor:
            return [(datetime.fromisoformat(row[0]), row[1], row[2], row[3])
                    async for row in cursor]

    async def record(self, number: int, actor: str, action: str, detail: str,
                     at: datetime) -> None:
        """Add a line to a proposal's history, in the caller's transaction (uncommitted)."""
        await self.db.execute(
            "INSERT INTO proposal_history (proposal_id, at, actor, action, detail) "
            "VALUES (?, ?, ?, ?, ?)", (number, at.isoformat(), actor, action, detail),
        )

    async def schedule_proposal(self, number: int, day: date, start: time_of_day,
                                room: str | None, actor: str, at: datetime) -> None:
        """Place a proposal in the programme (or move it), kept in the history."""
        await self.db.execute(
            "INSERT INTO proposal_schedule (proposal_id, day, start, room) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (proposal_id) DO UPDATE SET day = excluded.day, "
            "start = excluded.start, room = excluded.room",
            (number, day.isoformat(), start.isoformat("minutes"), room),
        )
        detail = f"{day.isoformat()} {start.isoformat('minutes')} {room or ''}".strip()
        await self.record(number, actor, "scheduled", detail, at)
        await self._commit()

    async def unschedule_proposal(self, number: int, actor: str, at: datetime) -> bool:
        """Take a proposal out of the programme; False if it was not in it."""
        cursor = await self.db.execute("DELETE FROM proposal_schedule WHERE proposal_id = ?",
                                       (number,))
        if cursor.rowcount:
            await self.record(number, actor, "unscheduled", "", at)
        await self._commit()
        return cursor.rowcount > 0

    async def schedule(self) -> list[tuple[Proposal, date, time_of_day, str | None]]:
        """Every scheduled proposal with its day, start time and room."""
        async with self.db.execute(
            "SELECT p.*, s.day AS s_day, s.start AS s_start, s.room AS s_room "
            "FROM proposal_schedule s JOIN proposals p ON p.id = s.proposal_id ORDER BY p.id"
        ) as cursor:
            return [(_proposal(row), date.fromisoformat(row["s_day"]),
                     time_of_day.fromisoformat(row["s_start"]), row["s_room"])
                    async for row in cursor]

    async def personal_data(self, user_id: str) -> dict[str, int]:
        return {"proposals": await self._count(
            "SELECT count(*) FROM proposals WHERE proposer = ?", (user_id,))}

    async def forget(self, user_id: str, pseudonym: str) -> None:
        """Their proposals go, with their history and schedule (the reviews went first);
        what they did to other people's proposals stays in the history, pseudonymised."""
        for table in ("proposal_history", "proposal_schedule"):
            await self.db.execute(f"DELETE FROM {table} WHERE proposal_id IN ({OWN})",
                                  (user_id,))
        await self.db.execute("DELETE FROM proposals WHERE proposer = ?", (user_id,))
        await self.db.execute("UPDATE proposal_history SET actor = ? WHERE actor = ?",
                              (pseudonym, user_id))


def _proposal_filter(status: str | None, event_id: str | None, proposer: str | None,
                     number: int | None) -> tuple[str, tuple[object, ...]]:
    """The WHERE clause (column names are fixed here, values are parameters)."""
    filters = {"status": status, "event_id": event_id, "proposer": proposer, "id": number}
    used = {key: value for key, value in filters.items() if value is not None}
    return " AND ".join(f"{key} = ?" for key in used) or "1", tuple(used.values())


def _proposal(row: aiosqlite.Row) -> Proposal:
    return Proposal(
        id=row["id"], event_id=row["event_id"], title=row["title"], format=row["format"],
        minutes=row["minutes"], abstract=row["abstract"],
        speakers=tuple(Speaker(name, org) for name, org in json.loads(row["speakers"])),
        proposer=row["proposer"], lang=row["lang"], status=row["status"],
        submitted_at=datetime.fromisoformat(row["submitted_at"]),
    )
