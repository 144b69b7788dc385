"""The command layer: text in, reply (plain + HTML) out. Importing it registers every command."""

from bot.commands import (  # noqa: F401
    agenda,
    calendar,
    help,
    privacy,
    programme,
    proposals,
    reminders,
    sessions,
    who,
)
from bot.commands.base import TABLE, Incoming, Outgoing
from bot.commands.dispatch import handle

__all__ = ["TABLE", "Incoming", "Outgoing", "handle"]
