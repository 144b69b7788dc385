"""The schema, step by step: `MIGRATIONS[i]` takes a database from version i to i + 1.

A step, once released, never changes: a new table or column is a new step at the end.
The repository that owns a table says so in its `tables` (bot.storage.repository).
"""

from __future__ import annotations

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
    # Last-Modified (bot.sources.repository), so a restart without network still has it.
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
    # 6: what is published of each programme source (file or URL), and a new version held
    # because it looks misread (bot.publishing.repository), so a restart serves the same
    # programme; and the reading reports not yet delivered to the organisers' room.
    """
    CREATE TABLE programme_versions (
        source TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('published', 'held')),
        digest TEXT NOT NULL,
        body TEXT,
        content_type TEXT NOT NULL DEFAULT '',
        reasons TEXT NOT NULL DEFAULT '[]',
        at REAL NOT NULL,
        PRIMARY KEY (source, state)
    );
    CREATE TABLE programme_reports (
        key TEXT PRIMARY KEY,
        data TEXT NOT NULL,
        created_at REAL NOT NULL
    );
    """,
    # 7: the questions the bot answered, by the event id of its answer, for a follow-up
    # (« et demain ? ») in reply to it or just after it in a direct chat
    # (bot.storage.conversations). Kept a day.
    """
    CREATE TABLE conversation_turns (
        answer_event_id TEXT PRIMARY KEY,
        room_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        question TEXT NOT NULL,
        asked_at REAL NOT NULL
    );
    CREATE INDEX conversation_turns_by_person ON conversation_turns (room_id, user_id, asked_at);
    CREATE INDEX conversation_turns_by_age ON conversation_turns (asked_at);
    """,
    # 8: a reminders tick reads only what may fall due: the subscriptions to the sessions
    # starting soon (by session) and the notices logged since its last tick (by due time),
    # not every one since the first (bot.reminders.scheduler).
    """
    CREATE INDEX subscriptions_by_session ON subscriptions (session_id);
    CREATE INDEX reminder_log_by_due ON reminder_log (due);
    """,
)
