"""The grammar: which intent a message has, and its slots, in any word order.

A message is read (`reading`) as a bag of cues (words that say what is asked:
'programme', 'salle', 'gratuit', 'prochain'), slots (day, hour, room, track…, see
`slots`), filler ('qui', 'est', 'the') and what is left: the subject, a topic, a person or
an organisation. The rules (`rules.RULES`) are tried in order; the first that fits gives
the intent.
"""

from __future__ import annotations

from datetime import date

from bot.understanding.intent import Intent
from bot.understanding.knowledge import Knowledge
from bot.understanding.reading import read
from bot.understanding.rules import RULES, decide

INTENTS = tuple(dict.fromkeys(
    ("greet", "thanks", "remind", "remind_how", "reminders", "help", "materials", "facet",
     "events", "count", "now", "next", "programme", "search", "speakers", "breaks", "start",
     "end", "sessions", "room", "at_hour", "kind", "unknown")))
"""Every intent the rules give (bot.commands.intents answers each)."""


def understand(text: str, today: date, known: Knowledge, default_lang: str = "fr") -> Intent:
    """The intent of a plain message (or of a command's arguments)."""
    return decide(read(text, today, known, default_lang))[1]


__all__ = ["INTENTS", "RULES", "Intent", "Knowledge", "understand"]
