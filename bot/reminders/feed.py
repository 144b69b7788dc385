"""A person's reminders as a calendar feed: the sessions they asked `!rappel` for, at an
address only they know (a random token, kept in the state table and deleted with the rest
of their data by `!oublier-moi`), which their calendar application follows."""

from __future__ import annotations

import secrets
from datetime import datetime
from urllib.parse import quote

from bot.app import App
from bot.formats.ics import calendar
from bot.reminders.repository import Reminders
from bot.storage import Storage
from bot.storage.state import reminders_feed_key
from bot.wording.i18n import pick

PREFIX = reminders_feed_key("")


def feed_path(token: str) -> str:
    """Where the web listener serves the feed with this token."""
    return f"/calendar/reminders/{quote(token)}.ics"


async def feed_token(storage: Storage, user_id: str) -> str:
    """The token of `user_id`'s feed, made the first time (192 random bits)."""
    key = reminders_feed_key(user_id)
    token = await storage.state.get_state(key)
    if token is None:
        token = secrets.token_urlsafe(24)
        await storage.state.set_state(key, token)
    return token


async def feed_owner(storage: Storage, token: str) -> str | None:
    """Whose feed `token` opens, or None."""
    key = await storage.state.key_with_value(PREFIX, token) if token else None
    return None if key is None else key.removeprefix(PREFIX)


async def reminders_calendar(app: App, user_id: str, stamp: datetime) -> bytes:
    """The .ics file of the sessions `user_id` asked to be reminded of."""
    assert app.storage is not None
    wanted = {session for _, session, _ in
              await app.storage.repository(Reminders).subscriptions(user_id)}
    events = [event for event in app.programme.events
              if any(session.id in wanted for session in event.sessions)]
    name = pick(app.config.commands.language, "Mes rappels BlueHats", "My BlueHats reminders")
    return calendar(events, app.catalog.agenda, stamp, only=wanted, name=name)
