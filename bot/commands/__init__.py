"""The command layer: text in, reply (plain + HTML) out.

The command table is built here, explicitly, from the modules below, in the order the help
lists them.
"""

from bot.commands import (
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

TABLE.add_all((agenda, calendar, help, privacy, programme, proposals, reminders, sessions, who))

__all__ = ["TABLE", "Incoming", "Outgoing", "handle"]
