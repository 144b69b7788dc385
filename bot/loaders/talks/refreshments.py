"""Whether a session offers coffee or a meal, the one thing about kinds that answers need
(`!pauses`): apart from `kinds`, whose many patterns only the readers use."""

from __future__ import annotations

import re

from bot.loaders.talks.words import BREAKS_ANYWHERE, REFRESHMENTS, alternation
from bot.wording.folding import fold

SHORT_WORDS = 4
"""A break or housekeeping item is a short line ('Pause repas'), not a title that starts
alike ('Ouverture de code de l'orchestrateur…'); its words are counted without the signs
between them ('Coffee Break & Poster Session', 'Special dinner - Cheese fondue')."""
_WORD = re.compile(r"\w+")
_REFRESHMENT = re.compile(rf"\b(?:{alternation(REFRESHMENTS)}|{alternation(BREAKS_ANYWHERE)})\b")


def word_count(folded: str) -> int:
    """How many words `folded` has (see `SHORT_WORDS`)."""
    return len(_WORD.findall(folded))


def offers_refreshment(session_title: str, kind: str) -> bool:
    """Whether a session is a break, or a short line that offers coffee or a meal under
    another kind ('Accueil café', the participants' arrival)."""
    folded = fold(session_title)
    return kind == "break" or (
        word_count(folded) <= SHORT_WORDS and bool(_REFRESHMENT.search(folded)))
