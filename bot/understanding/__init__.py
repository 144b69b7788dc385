"""Understanding people: a message becomes an intent with slots (no LLM, no network).

`text` folds and respells the words, `slots` reads days, hours, years and kinds,
`grammar` finds the intent; `lexicon` holds every word they know.
"""

from bot.understanding.grammar import INTENTS, Intent, Knowledge, understand
from bot.understanding.slots import Slots

__all__ = ["INTENTS", "Intent", "Knowledge", "Slots", "understand"]
