"""A session's kind from the words of its title, of its label or of the heading above it."""

from __future__ import annotations

import re

from bot.loaders.talks.gathering_words import (
    COURSE_MARKS,
    MEETING_AS_VERB,
    MEETINGS_ANYWHERE,
    SERVED,
    SOCIAL_ANYWHERE,
)
from bot.loaders.talks.refreshments import SHORT_WORDS, word_count
from bot.loaders.talks.words import (
    BREAKS_ANYWHERE,
    HOUSEKEEPING_ANYWHERE,
    KIND_LABELS,
    KIND_WORDS,
    SHORT_ITEMS,
    alternation,
)
from bot.wording.folding import fold, fold_once

_NAMED = tuple(
    (kind, re.compile(rf"\b(?:{alternation(KIND_WORDS[kind])})\d{{0,2}}\b"))
    for kind in ("panel", "workshop", "demo")
)
"""Kinds a title names wherever it says them ('Atelier contribuer', 'Table ronde …'), or
numbers ('TP1', 'Atelier2')."""
_PANEL = dict(_NAMED)["panel"]
_TALK = re.compile(rf"\b(?:{alternation(KIND_WORDS['talk'])})\b")
_SHORT = (
    ("break", re.compile(rf"\b(?:{alternation(BREAKS_ANYWHERE)})\b")),
    *((kind, re.compile(rf"^(?:{alternation(SHORT_ITEMS[kind])})\b")) for kind in SHORT_ITEMS),
)
_HOUSEKEEPING = re.compile(rf"\b(?:{alternation(HOUSEKEEPING_ANYWHERE)})\b")
_HOUSEKEEPING_WORDS = 8
"""A line that names the event's own course is short too, if not as short as a break
('Annonce des résultats, discours de clôture et remerciements')."""
_NUMBERING = re.compile(r"^(?:temps|partie|part|sequence|etape|step)\s*\d+\s*[-–—:.]\s*")
"""'Temps 1 – ', 'Partie 2 : ': the numbering of a part, not its words."""
_QUESTIONS = re.compile(r"^(?:questions?\s*/\s*reponses?|q\s*&\s*[ra]\b|echanges? avec (?:le|la) )")
"""Questions to the speakers are housekeeping, unless a panel answers them ('Questions/
réponses avec un panel de membres')."""
_LESSON = re.compile(
    r"^(?:introduction|einfuhrung|introduccion|introduzione|inleiding)\s+"
    r"(?:a|au|aux|to|into|in|tot|alla?|ai|agli)\b"
)
"""'Introduction à la reproductibilité', 'Introduction to Bioconductor': a lesson on a
subject, not the opening words of the day ('Introduction', 'Introduction de la journée')."""
_ASIDE = re.compile(r"\([^()]*\)")
"""A bracketed aside ('Conference dinner (ticket event)', 'Installs begin (event start)')
is not counted among the words that make a line short."""
_SOCIAL = re.compile(rf"(?<!third )(?<!3rd )(?<!-)\b(?:{alternation(SOCIAL_ANYWHERE)})\b")
_SERVED = re.compile(rf"\b(?:{alternation(SERVED)})\b")
_COURSE_MARK = re.compile(rf"\b(?:{alternation(COURSE_MARKS)})\W*$")
_GATHERED_WORDS = 6
"""A social event, food served or a marker of the event's course is a short line too, if
a little longer than a break ('Beer and pizza will be provided'); a 'third-party' is no
party."""
_MEETING = re.compile(
    rf"\b(?:{alternation(MEETINGS_ANYWHERE)})\b(?!\s+(?:{'|'.join(MEETING_AS_VERB)})\b)")
_ANSWERED_BY = re.compile(
    r"^(?!(?:open|final|closing|general|short|live|joint|session)\b)[\w.]+(?:\s+[\w.]+)?"
    r"\s+q\s*&\s*a\W*$")
"""'TSC Q&A': the questions a named body answers, a panel; a bare or a 'Closing Q&A' is
housekeeping."""
_BEFORE_JURY = re.compile(
    r"\b(?:presentations?|presentazion[ei]|presentacion(?:es)?|pitch\w*|demos?)\b.*"
    r"\b(?:jury|judges|judging|jurado|giuria)\b")
"""Projects shown to a jury ('Présentation des 8 projets devant le jury', 'Team
Presentations and Judging') are demos."""
_GATHERING = re.compile(r"\bforums?\b(?! ouverts?)")
"""A forum (of stands, of exchanges) is no talk: the kind 'other', unless its section
says what its sessions are (an open forum, « forum ouvert », is a workshop's format)."""
_LABEL_WORDS = "|".join(alternation(words) for words in KIND_LABELS.values())
_LABEL_NUMBER = r"\s+(?:n[°o]\s*)?\d{1,3}[a-z]?"
_LABEL = re.compile(
    rf"^\s*(?:{_LABEL_WORDS})(?P<number>{_LABEL_NUMBER})?(?P<close>[*_]{{0,3}})\s*:"
    r"(?P<after>[*_]{0,3})(?:\s+|(?=[^\W\d_]))",
    re.IGNORECASE,
)
_LABEL_START = re.compile(rf"\s*(?:{_LABEL_WORDS})", re.IGNORECASE)
"""How a label starts, read on the text before the first colon (a label's words hold none):
a line without it is not folded whole, and its fold not kept among those asked again."""
_CELL_LABEL = re.compile(rf"^(?:{_LABEL_WORDS})(?:{_LABEL_NUMBER})?\s*(?::|$)")
"""A label alone in its cell ('Lab 3', 'Lecture 01', 'Keynote: Jane Doe')."""
_LABEL_KINDS = tuple(
    (kind, re.compile(rf"^\s*(?:{alternation(words)})\b", re.IGNORECASE))
    for kind, words in KIND_LABELS.items()
)


def infer_kind(title: str, hint: str | None = None) -> str:
    """The session's kind from words of its title, else the section's hint, else 'talk'."""
    folded = _NUMBERING.sub("", fold(title))
    if _QUESTIONS.match(folded):
        return "panel" if _PANEL.search(folded) else "other"
    bare = " ".join(_ASIDE.sub(" ", folded).split())
    words = word_count(bare)
    if short := _short_kind(bare, words):
        return short
    if _BEFORE_JURY.search(folded):
        return "demo"
    if words <= _HOUSEKEEPING_WORDS and _HOUSEKEEPING.search(folded):
        return "other"
    for kind, pattern in _NAMED:
        if pattern.search(folded):
            return kind
    if words <= _HOUSEKEEPING_WORDS and _MEETING.search(bare):
        return "other"
    return hint or ("other" if _GATHERING.search(folded) else "talk")


def _short_kind(bare: str, words: int) -> str | None:
    """The kind a short line's words give it (`bare`: folded, without its asides): a
    named body's Q&A, a social event, a break or a housekeeping item; None if none."""
    if words <= SHORT_WORDS and _ANSWERED_BY.match(bare):
        return "panel"
    if words <= _GATHERED_WORDS and _SOCIAL.search(bare):
        return "other"
    if words <= SHORT_WORDS and not _LESSON.match(bare):
        for kind, pattern in _SHORT:
            if pattern.search(bare):
                return kind
    if words <= _GATHERED_WORDS and _SERVED.search(bare):
        return "break"
    if words <= _GATHERED_WORDS and _COURSE_MARK.search(bare):
        return "other"
    return None


def kind_hint(text: str) -> str | None:
    """The kind of every session under a heading or in a room ('démos de La Suite'), when
    the text names exactly one kind."""
    folded = fold(text)
    kinds = {kind for kind, pattern in _NAMED if pattern.search(folded)}
    if _TALK.search(folded):
        kinds.add("talk")
    return kinds.pop() if len(kinds) == 1 else None


def kind_label(text: str) -> tuple[str, str | None, bool] | None:
    """A kind written as a label before a colon ('Lecture: Title', '**Atelier :** Title',
    'Taller: Title'): the kind, the rest of `text` and whether the label's emphasis was
    closed; None if there is none. A numbered label ('Atelier 2 : R', 'Talk 3: …') names
    one of a series, and a round table's label ('Table ronde : mutualiser …') names it:
    they give the kind and stay in the title (the rest is None)."""
    colon = text.find(":")
    if colon < 0 or not _LABEL_START.match(fold_once(text[:colon])):
        return None  # most lines: no label's word before their first colon
    label = _LABEL.match(fold(text))
    if label is None or len(label.group()) >= len(text):
        return None
    kind = next(kind for kind, pattern in _LABEL_KINDS if pattern.match(label.group()))
    if label.group("number") or kind == "panel":
        return kind, None, True
    return kind, text[label.end() :], bool(label.group("close") or label.group("after"))


def cell_label_kind(text: str) -> str | None:
    """The kind a table's label cell gives the session beside it when the cell is a label
    ('**Lab 3**' a workshop, 'Lecture 01' a talk), else what its words name."""
    folded = fold(text).strip(" *_")
    if _CELL_LABEL.match(folded):
        return next(kind for kind, pattern in _LABEL_KINDS if pattern.match(folded))
    return kind_hint(text)


def numbered_label(text: str) -> int:
    """How long the numbered label leading `text` is ('Atelier 2 : ', 'Talk 3: '), 0 if
    none: the colon after it opens the title, it does not end one before a credit."""
    label = _LABEL.match(fold(text)) if ":" in text else None
    return label.end() if label is not None and label.group("number") else 0


def format_kind(word: str) -> str | None:
    """The kind a format word names when it stands alone before a title ('TP', 'exposé',
    'Lecture'), as a label would; None if it names none."""
    folded = fold(word)
    return next((kind for kind, pattern in _LABEL_KINDS if pattern.fullmatch(folded)), None)
