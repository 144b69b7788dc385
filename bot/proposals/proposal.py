"""A talk proposal and the vocabulary around it: statuses, speakers, length limits."""

from __future__ import annotations

import re

from bot.programme.model import Speaker
from bot.proposals.repositories.proposals import (
    Proposal as Proposal,  # the stored proposal, re-exported
)
from bot.wording.folding import fold
from bot.wording.i18n import pick

STATUSES: dict[str, tuple[str, str]] = {
    "submitted": ("soumise", "submitted"),
    "accepted": ("acceptée", "accepted"),
    "waitlisted": ("en attente", "waitlisted"),
    "rejected": ("refusée", "rejected"),
    "withdrawn": ("retirée", "withdrawn"),
}
"""Every status, with its French and English names."""

_STATUS_WORDS = {
    "soumise": "submitted", "soumises": "submitted", "nouvelle": "submitted",
    "nouvelles": "submitted", "submitted": "submitted", "new": "submitted",
    "acceptee": "accepted", "acceptees": "accepted", "accepted": "accepted",
    "attente": "waitlisted", "waitlist": "waitlisted", "waitlisted": "waitlisted",
    "refusee": "rejected", "refusees": "rejected", "rejected": "rejected",
    "retiree": "withdrawn", "retirees": "withdrawn", "withdrawn": "withdrawn",
}

OPEN_STATUSES = ("submitted", "waitlisted")
"""Statuses still waiting for a decision."""


def status_label(status: str, lang: str) -> str:
    fr, en = STATUSES[status]
    return pick(lang, fr, en)


def parse_status(word: str) -> str | None:
    """The status a word names in French or English ('acceptées', 'waitlist'), or None."""
    return _STATUS_WORDS.get(fold(word.strip()))


_SPEAKER = re.compile(r"\s*([^,;()]+?)\s*(?:\(([^()]*)\))?\s*(?:[,;]|$)")


def parse_speakers(text: str, sender_name: str) -> tuple[Speaker, ...]:
    """'Alice Martin (DINUM), Bob (Etalab)' -> speakers; 'moi'/'me' is the sender."""
    speakers = []
    for found in _SPEAKER.finditer(text.strip()):
        name, organisation = found.group(1).strip(), (found.group(2) or "").strip()
        if not name:
            continue
        if fold(name) in ("moi", "me", "myself"):
            name = sender_name
        speakers.append(Speaker(name, organisation or None))
    return tuple(speakers)


def speakers_text(speakers: tuple[Speaker, ...]) -> str:
    """The inverse of `parse_speakers`: 'Alice Martin (DINUM), Bob'."""
    return ", ".join(f"{s.name} ({s.organisation})" if s.organisation else s.name
                     for s in speakers)


def one_line(text: str) -> str:
    """`text` with its white space collapsed (titles and names stay on one line)."""
    return " ".join(text.split())
