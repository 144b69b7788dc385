"""Everything the bot keeps on disk, in one SQLite file, through aiosqlite.

The schema is versioned: `MIGRATIONS[i]` takes a database from version i to i + 1, and
`PRAGMA user_version` records where a file stands, so an older file upgrades in place.
WAL mode, and every write is committed before the caller goes on: what the bot said it
kept, it has kept.
"""

from __future__ import annotations

import json
import time
from dataclasses import replace
from datetime import date, datetime
from datetime import time as time_of_day
from pathlib import Path

import aiosqlite

from bot.model import Speaker
from bot.proposals.proposal import Proposal

MIGRATIONS: tuple[str, ...] = (
    # 1: key-value state (sync token, login) and the incoming events already handled.
    """
    CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE handled_events (
        event_id TEXT PRIMARY KEY,
        room_id TEXT NOT NULL,
        handled_at REAL NOT NULL
    );
    """,
    # 2: talk proposals: calls set by organisers, drafts of the guided dialogue, proposals,
    # their history (who changed what, when), scores, comments and schedule.
    """
    CREATE TABLE proposal_calls (
        event_id TEXT PRIMARY KEY,
        data TEXT NOT NULL,
        set_by TEXT NOT NULL,
        set_at TEXT NOT NULL
    );
    CREATE TABLE proposal_drafts (
        user_id TEXT PRIMARY KEY,
        data TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE proposals (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        event_id TEXT NOT NULL,
        title TEXT NOT NULL,
        format TEXT NOT NULL,
        minutes INTEGER NOT NULL,
        abstract TEXT NOT NULL,
        speakers TEXT NOT NULL,
        proposer TEXT NOT NULL,
        lang TEXT NOT NULL,
        status TEXT NOT NULL,
        submitted_at TEXT NOT NULL
    );
    CREATE INDEX proposals_by_proposer ON proposals (proposer);
    CREATE TABLE proposal_history (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        proposal_id INTEGER NOT NULL REFERENCES proposals (id),
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE proposal_scores (
        proposal_id INTEGER NOT NULL REFERENCES proposals (id),
        reviewer TEXT NOT NULL,
        score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
        at TEXT NOT NULL,
        PRIMARY KEY (proposal_id, reviewer)
    );
    CREATE TABLE proposal_comments (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        proposal_id INTEGER NOT NULL REFERENCES proposals (id),
        author TEXT NOT NULL,
        at TEXT NOT NULL,
        text TEXT NOT NULL
    );
    CREATE TABLE proposal_schedule (
        proposal_id INTEGER PRIMARY KEY REFERENCES proposals (id),
        day TEXT NOT NULL,
        start TEXT NOT NULL,
        room TEXT
    );
    """,
    # 3: reminders: who asked to be reminded of what, and every notice claimed, sent or
    # missed (its key makes sending idempotent across restarts).
    """
    CREATE TABLE subscriptions (
        user_id TEXT NOT NULL,
        session_id TEXT NOT NULL,
        lead_minutes INTEGER NOT NULL,
        created_at REAL NOT NULL,
        PRIMARY KEY (user_id, session_id)
    );
    CREATE TABLE reminder_log (
        key TEXT PRIMARY KEY,
        status TEXT NOT NULL CHECK (status IN ('sending', 'sent', 'missed')),
        due REAL NOT NULL,
        updated_at REAL NOT NULL
    );
    """,
    # 4: a command's source event is kept until its answer is sent, and the answer itself
    # once decided: a bot killed in between answers after its restart, once.
    """
    ALTER TABLE handled_events ADD COLUMN source TEXT;
    ALTER TABLE handled_events ADD COLUMN answer TEXT;
    """,
    # 5: programme sources fetched by URL: the last good answer of each, with its ETag and
    # Last-Modified (bot/sources/cache.py), so a restart without network still has it.
    """
    CREATE TABLE programme_sources (
        url TEXT PRIMARY KEY,
        body TEXT NOT NULL,
        etag TEXT,
        last_modified TEXT,
        content_type TEXT NOT NULL DEFAULT '',
        fetched_at REAL NOT NULL
    );
    """,
)


class StorageError(Exception):
    """The database cannot be opened or written (read-only file, full disk...)."""


class Storage:
    """The bot's database. Open with `await Storage.open(path)`, close with `close()`."""

    def __init__(self, db: aiosqlite.Connection, path: Path | str) -> None:
        self.db = db
        self.path = path

    @classmethod
    async def open(cls, path: Path | str) -> Storage:
        """Open (or create) the database at `path` and bring its schema up to date."""
        try:
            db = await aiosqlite.connect(path)
            db.row_factory = aiosqlite.Row
            await db.execute("PRAGMA journal_mode=WAL")
            await db.execute("PRAGMA foreign_keys=ON")
            await db.execute("PRAGMA busy_timeout=5000")
            storage = cls(db, path)
            await storage.migrate()
        except aiosqlite.Error as error:
            raise StorageError(f"cannot open the database {path}: {error}") from error
        return storage

    async def close(self) -> None:
        await self.db.close()

    async def version(self) -> int:
        async with self.db.execute("PRAGMA user_version") as cursor:
            row = await cursor.fetchone()
        return int(row[0]) if row else 0

    async def migrate(self, target: int = len(MIGRATIONS)) -> None:
        """Apply the migrations from the file's version up to `target`, each in one transaction."""
        current = await self.version()
        for number in range(current, target):
            await self.db.executescript(
                f"BEGIN; {MIGRATIONS[number]} PRAGMA user_version = {number + 1}; COMMIT;"
            )

    # --- state -----------------------------------------------------------------------

    async def get_state(self, key: str) -> str | None:
        async with self.db.execute("SELECT value FROM state WHERE key = ?", (key,)) as cursor:
            row = await cursor.fetchone()
        return row[0] if row else None

    async def set_state(self, key: str, value: str) -> None:
        await self.db.execute(
            "INSERT INTO state (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )
        await self.db.commit()

    # --- handled incoming events ------------------------------------------------------

    async def claim_event(self, event_id: str, room_id: str, source: str) -> bool:
        """Record that `event_id` is being answered; False if it was already.

        `source` (the event, serialised) is kept until `event_answered`, for
        `unanswered_events` to find it again after a crash."""
        cursor = await self.db.execute(
            "INSERT OR IGNORE INTO handled_events (event_id, room_id, handled_at, source) "
            "VALUES (?, ?, ?, ?)",
            (event_id, room_id, time.time(), source),
        )
        await self.db.commit()
        return cursor.rowcount == 1

    async def save_answer(self, event_id: str, answer: str) -> None:
        """Keep the answer decided for a claimed event until it is sent."""
        await self.db.execute("UPDATE handled_events SET answer = ? WHERE event_id = ?",
                              (answer, event_id))
        await self.db.commit()

    async def event_answered(self, event_id: str) -> None:
        """The answer to `event_id` is sent: only its id stays, to refuse it if seen again."""
        await self.db.execute(
            "UPDATE handled_events SET source = NULL, answer = NULL WHERE event_id = ?",
            (event_id,))
        await self.db.commit()

    async def unanswered_events(self, since: float) -> list[tuple[str, str, str, str | None]]:
        """Events claimed since `since` (epoch seconds) whose answer was not sent, oldest
        first: (event id, room id, source, answer or None if it was never decided)."""
        cursor = await self.db.execute(
            "SELECT event_id, room_id, source, answer FROM handled_events "
            "WHERE source IS NOT NULL AND handled_at >= ? ORDER BY handled_at", (since,))
        return [tuple(row) for row in await cursor.fetchall()]  # type: ignore[misc]

    async def forget_events_before(self, timestamp: float) -> None:
        """Drop records of events handled before `timestamp` (seconds since the epoch)."""
        await self.db.execute("DELETE FROM handled_events WHERE handled_at < ?", (timestamp,))
        await self.db.commit()

    # --- matrix -------------------------------------------------------------------------

    async def states_with_prefix(self, prefix: str) -> dict[str, str]:
        """Every state entry whose key starts with `prefix`, by key."""
        async with self.db.execute(
            "SELECT key, value FROM state WHERE substr(key, 1, ?) = ?", (len(prefix), prefix)
        ) as cursor:
            return {row[0]: row[1] async for row in cursor}

    # --- proposals ------------------------------------------------------------------------

    async def save_call(self, event_id: str, data: str, actor: str, at: datetime) -> None:
        """Store (or replace) the call for proposals of `event_id`, as JSON."""
        await self.db.execute(
            "INSERT INTO proposal_calls (event_id, data, set_by, set_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (event_id) DO UPDATE SET data = excluded.data, "
            "set_by = excluded.set_by, set_at = excluded.set_at",
            (event_id, data, actor, at.isoformat()),
        )
        await self.db.commit()

    async def stored_calls(self) -> list[tuple[str, str]]:
        """(event id, JSON) of every call organisers set."""
        async with self.db.execute("SELECT event_id, data FROM proposal_calls") as cursor:
            return [(row[0], row[1]) async for row in cursor]

    async def draft(self, user_id: str) -> str | None:
        async with self.db.execute(
            "SELECT data FROM proposal_drafts WHERE user_id = ?", (user_id,)
        ) as cursor:
            row = await cursor.fetchone()
        return row[0] if row else None

    async def save_draft(self, user_id: str, data: str, at: datetime) -> None:
        await self.db.execute(
            "INSERT INTO proposal_drafts (user_id, data, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT (user_id) DO UPDATE SET data = excluded.data, "
            "updated_at = excluded.updated_at",
            (user_id, data, at.isoformat()),
        )
        await self.db.commit()

    async def delete_draft(self, user_id: str) -> bool:
        cursor = await self.db.execute("DELETE FROM proposal_drafts WHERE user_id = ?",
                                       (user_id,))
        await self.db.commit()
        return cursor.rowcount > 0

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
        await self._history(number, proposal.proposer, "submitted", "", proposal.submitted_at)
        await self.db.execute("DELETE FROM proposal_drafts WHERE user_id = ?",
                              (proposal.proposer,))
        await self.db.commit()
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
        async with self.db.execute(f"SELECT count(*) FROM proposals WHERE {where}",
                                   values) as cursor:
            row = await cursor.fetchone()
        return int(row[0]) if row else 0

    async def set_proposal_status(self, number: int, status: str, actor: str, at: datetime,
                                  detail: str = "") -> None:
        """Change a proposal's status, kept in the history with who, when and the message."""
        await self.db.execute("UPDATE proposals SET status = ? WHERE id = ?", (status, number))
        await self._history(number, actor, status, detail, at)
        await self.db.commit()

    async def set_score(self, number: int, reviewer: str, score: int, at: datetime) -> None:
        """Record `reviewer`'s score (1-5), replacing theirs if they had scored already."""
        await self.db.execute(
            "INSERT INTO proposal_scores (proposal_id, reviewer, score, at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (proposal_id, reviewer) DO UPDATE SET score = excluded.score, "
            "at = excluded.at",
            (number, reviewer, score, at.isoformat()),
        )
        await self._history(number, reviewer, "scored", str(score), at)
        await self.db.commit()

    async def scores(self, numbers: list[int] | None = None) -> dict[int, dict[str, int]]:
        """The scores of these proposals (default: all), by proposal and reviewer."""
        found: dict[int, dict[str, int]] = {}
        where = "1" if numbers is None else \
            f"proposal_id IN ({', '.join('?' * len(numbers))})"
        async with self.db.execute(
            f"SELECT proposal_id, reviewer, score FROM proposal_scores WHERE {where}",
            tuple(numbers or ()),
        ) as cursor:
            async for row in cursor:
                found.setdefault(row[0], {})[row[1]] = row[2]
        return found

    async def add_comment(self, number: int, author: str, text: str, at: datetime) -> None:
        await self.db.execute(
            "INSERT INTO proposal_comments (proposal_id, author, at, text) VALUES (?, ?, ?, ?)",
            (number, author, at.isoformat(), text),
        )
        await self._history(number, author, "commented", "", at)
        await self.db.commit()

    async def comments(self, number: int) -> list[tuple[str, datetime, str]]:
        """(author, when, text) of each comment on a proposal, oldest first."""
        async with self.db.execute(
            "SELECT author, at, text FROM proposal_comments WHERE proposal_id = ? ORDER BY id",
            (number,),
        ) as cursor:
            return [(row[0], datetime.fromisoformat(row[1]), row[2]) async for row in cursor]

    async def history(self, number: int) -> list[tuple[datetime, str, str, str]]:
        """(when, who, action, detail) of every change to a proposal, oldest first."""
        async with self.db.execute(
            "SELECT at, actor, action, detail FROM proposal_history WHERE proposal_id = ? "
            "ORDER BY id", (number,),
        ) as cursor:
            return [(datetime.fromisoformat(row[0]), row[1], row[2], row[3])
                    async for row in cursor]

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
        await self._history(number, actor, "scheduled", detail, at)
        await self.db.commit()

    async def unschedule_proposal(self, number: int, actor: str, at: datetime) -> bool:
        """Take a proposal out of the programme; False if it was not in it."""
        cursor = await self.db.execute("DELETE FROM proposal_schedule WHERE proposal_id = ?",
                                       (number,))
        if cursor.rowcount:
            await self._history(number, actor, "unscheduled", "", at)
        await self.db.commit()
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

    async def _history(self, number: int, actor: str, action: str, detail: str,
                       at: datetime) -> None:
        await self.db.execute(
            "INSERT INTO proposal_history (proposal_id, at, actor, action, detail) "
            "VALUES (?, ?, ?, ?, ?)", (number, at.isoformat(), actor, action, detail),
        )


    # --- reminders ------------------------------------------------------------------------

    async def subscribe(self, user_id: str, session_id: str, lead_minutes: int) -> bool:
        """Remember that `user_id` wants a reminder; False if they had asked already."""
        cursor = await self.db.execute(
            "INSERT OR IGNORE INTO subscriptions VALUES (?, ?, ?, ?)",
            (user_id, session_id, lead_minutes, time.time()),
        )
        await self.db.commit()
        return cursor.rowcount == 1

    async def unsubscribe(self, user_id: str, session_id: str) -> bool:
        cursor = await self.db.execute(
            "DELETE FROM subscriptions WHERE user_id = ? AND session_id = ?",
            (user_id, session_id),
        )
        await self.db.commit()
        return cursor.rowcount == 1

    async def subscriptions(self, user_id: str | None = None) -> list[tuple[str, str, int]]:
        """(user id, session id, lead minutes) of one person, or of everyone."""
        query = "SELECT user_id, session_id, lead_minutes FROM subscriptions"
        args: tuple = ()
        if user_id is not None:
            query, args = query + " WHERE user_id = ?", (user_id,)
        async with self.db.execute(query + " ORDER BY created_at", args) as cursor:
            return [(row[0], row[1], row[2]) async for row in cursor]

    async def reminder_log(self, since: float) -> dict[str, str]:
        """Status ('sending', 'sent', 'missed') of every notice due since `since`."""
        async with self.db.execute(
            "SELECT key, status FROM reminder_log WHERE due >= ?", (since,)
        ) as cursor:
            return {row[0]: row[1] async for row in cursor}

    async def mark_reminders(self, keys: list[str], status: str, due: float) -> None:
        """Record `status` for notices `keys`, committed before the caller goes on."""
        now = time.time()
        await self.db.executemany(
            "INSERT INTO reminder_log VALUES (?, ?, ?, ?) "
            "ON CONFLICT (key) DO UPDATE SET status = excluded.status, "
            "updated_at = excluded.updated_at",
            [(key, status, due, now) for key in keys],
        )
        await self.db.commit()


    # --- privacy --------------------------------------------------------------------------

    async def personal_data(self, user_id: str) -> dict[str, int]:
        """How many records of each kind hold `user_id` (what `forget_person` removes)."""
        counts = {}
        for kind, query in _PERSONAL_COUNTS.items():
            async with self.db.execute(query, _personal_args(user_id, query)) as cursor:
                row = await cursor.fetchone()
                counts[kind] = row[0] if row else 0
        return counts

    async def forget_person(self, user_id: str, pseudonym: str) -> dict[str, int]:
        """Delete everything `user_id` gave the bot, in one transaction: their proposals
        (with their history, scores, comments, schedule), draft, reminder requests and
        reminders sent, and the state keyed by their id. What they wrote as an organiser
        on other people's proposals (scores, comments, decisions) stays, signed
        `pseudonym` instead of their id. Returns the records touched per kind."""
        counts = await self.personal_data(user_id)
        try:
            for query in _FORGET:
                await self.db.execute(query, _personal_args(user_id, query, pseudonym))
            await self.db.commit()
        except BaseException:
            await self.db.rollback()
            raise
        return counts


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


_OWN = "SELECT id FROM proposals WHERE proposer = :user"
_PERSONAL_COUNTS = {
    "proposals": "SELECT count(*) FROM proposals WHERE proposer = :user",
    "drafts": "SELECT count(*) FROM proposal_drafts WHERE user_id = :user",
    "reminders": "SELECT count(*) FROM subscriptions WHERE user_id = :user",
    "reminders_sent": "SELECT count(*) FROM reminder_log "
                      "WHERE substr(key, 1, length(:personal)) = :personal",
    "reviews": "SELECT (SELECT count(*) FROM proposal_scores WHERE reviewer = :user "
               f"AND proposal_id NOT IN ({_OWN})) + (SELECT count(*) FROM proposal_comments "
               f"WHERE author = :user AND proposal_id NOT IN ({_OWN}))",
    "state": "SELECT count(*) FROM state WHERE key IN (:dm, :undecryptable)",
}
_FORGET = (
    *(f"DELETE FROM {table} WHERE proposal_id IN ({_OWN})" for table in (
        "proposal_history", "proposal_scores", "proposal_comments", "proposal_schedule")),
    "DELETE FROM proposals WHERE proposer = :user",
    "DELETE FROM proposal_drafts WHERE user_id = :user",
    "DELETE FROM subscriptions WHERE user_id = :user",
    "DELETE FROM reminder_log WHERE substr(key, 1, length(:personal)) = :personal",
    "DELETE FROM state WHERE key IN (:dm, :undecryptable)",
    # Commands of theirs not answered yet keep their text until answered: drop it.
    "UPDATE handled_events SET source = NULL, answer = NULL "
    "WHERE json_extract(source, '$.sender') = :user",
    "UPDATE proposal_scores SET reviewer = :pseudonym WHERE reviewer = :user",
    "UPDATE proposal_comments SET author = :pseudonym WHERE author = :user",
    "UPDATE proposal_history SET actor = :pseudonym WHERE actor = :user",
    "UPDATE proposal_calls SET set_by = :pseudonym WHERE set_by = :user",
)
"""Order matters: a person's own proposals go with everything attached to them first."""


def _personal_args(user_id: str, query: str, pseudonym: str = "") -> dict[str, str]:
    """The named parameters `query` uses, for `user_id`. The state keys are the Matrix
    transport's (`matrix.dm.<id>`, `matrix.told_undecryptable.<id>`); reminder log keys of
    personal reminders start with `personal|<id>|` (bot.reminders.planner)."""
    values = {"user": user_id, "pseudonym": pseudonym, "personal": f"personal|{user_id}|",
              "dm": f"matrix.dm.{user_id}", "undecryptable": f"matrix.told_undecryptable.{user_id}"}
    return {name: value for name, value in values.items() if f":{name}" in query}
