"""Understanding people: a message becomes an intent with slots (no LLM, no network).

`tokens` folds and respells the words, `slots` reads days, hours, years, kinds and tense,
`knowledge` names the programme's rooms and tracks, `reading` puts a message's words in
their places, `rules` is the grammar (an ordered list of named rules) and `grammar`
applies it; `lexicon` holds every word they know. An `Intent` follows the one before it
in a conversation (`Intent.followed_by`).
"""

from bot.understanding.grammar import INTENTS, understand
from bot.understanding.intent import Intent
from bot.understanding.knowledge import Knowledge
from bot.understanding.slots import Slots

__all__ = ["INTENTS", "Intent", "Knowledge", "Slots", "understand"]
