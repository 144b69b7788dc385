"""Which of the six languages a text is written in, from its most frequent small words.

A page rarely says its language (`lang:` in its front matter, when it does); its articles,
prepositions and conjunctions do. The language decides what the grammar cannot from the
text alone: 'ma.' is Monday in Dutch and Tuesday in French, '4/12' is the 12th of April in
English and the 4th of December elsewhere, '5 am Eingang' is no time in German.
"""

from __future__ import annotations

import re
from collections import Counter

_WORDS = {
    "fr": "le les des du et est pour avec dans une sur au aux nous vous sera sont",
    "en": "the and of to for with this that from at by will be our are",
    "de": "der die das und mit für von zu im am ist dem ein eine auf zum zur wir uhr",
    "es": "el los las y para por como este esta sobre pero",
    "it": "il di e per della che nel alle sono gli dei delle degli questo",
    "nl": "het een van voor op zijn bij wij ons naar om uur",
}
"""Frequent small words of each language that the other five do not use ('de', 'la', 'en',
'in', 'con', shared, are left out)."""
_LANGUAGE_OF = {word: lang for lang, words in _WORDS.items() for word in words.split()}
_WORD = re.compile(r"[^\W\d_]+")
_SAMPLE = 20_000
"""Characters read: enough for any page's language, and a bounded cost."""
_LEAD = 2
"""Words more than the next language a text needs to be said in one."""


def guess_language(text: str) -> str | None:
    """'fr', 'en', 'de', 'es', 'it' or 'nl' when the text's small words say so clearly;
    None for a text too short or too mixed to tell."""
    counts = Counter(
        lang
        for word in _WORD.findall(text[:_SAMPLE].lower())
        if (lang := _LANGUAGE_OF.get(word)) is not None
    )
    ranked = counts.most_common(2)
    if not ranked:
        return None
    first, count = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    return first if count - second >= _LEAD else None
