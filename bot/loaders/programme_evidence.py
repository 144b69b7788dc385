"""How much a block of a page looks like a programme, and why.

A candidate block (the items of a list, a run of timed paragraphs, the rows under a
heading) is scored by what its items look like — hours, a day of their own, speakers,
links to slides or replays, short title-like text — and by its context: a heading that
says 'Programme' or names sessions ('Les ateliers de l'après-midi'), a day or an hour
heading, a lead-in line ending in ':'. Headings that introduce something else
('Intervenants', 'Lauréats', 'Ce qu'on a fait') count against. Every point comes with
its reason, for `programme parse --explain`.
"""

from __future__ import annotations

import re

from bot.loaders.talks import INSTITUTION
from bot.programme.model import Link
from bot.wording.folding import fold

THRESHOLD = 1.5
"""A block is taken as programme from this score on."""

PROGRAMME_WORDS = re.compile(
    r"\b(?:programme|agenda|planning|schedule|au menu|deroule|sommaire|ordre du jour|"
    r"au programme)\b"
)
SESSION_WORDS = re.compile(
    r"\b(?:presentations?|ateliers?|conferences?|interventions?|demos?|talks?|webinaires?|"
    r"sessions?|tables? rondes?|keynotes?|matin|matinee|apres-midi|workshops?|"
    r"pitchs?|masterclasses?)\b"
)
DECOY_WORDS = re.compile(
    r"\b(?:intervenant|speakers?|partenaires?|laureats?|participants?|objectifs?|public|"
    r"prerequis|modalites|pour qui|inscri|donnees\s*\?|qui sommes|contact|acces|"
    r"ce qu.on a fait|pour la suite|on prevoit|bilan|ressources|liens? utiles|comment)"
)
_ADDRESSED = re.compile(
    r"\b(?:vous|venez|rencontrez|renseignez|decouvrez|retrouvez|inscrivez|rejoignez|participez|"
    r"laissez|consultez|contactez|ecrivez|suivez|telechargez|cliquez|visit|register|join us)\b"
)
_ADDRESS = re.compile(r"https?://|mailto:|www\.|@\w+\.\w")
_SENTENCE = re.compile(r"^(?:vous|nous|si|en tant|il|elle|on|je|ce|cette|ces)\b")


def item_evidence(
    title: str,
    raw_text: str,
    *,
    timed: bool,
    days: int,
    credited: bool,
    links: tuple[Link, ...],
) -> list[tuple[float, str]]:
    """The points one candidate session gets, each with its reason."""
    points: list[tuple[float, str]] = []
    if timed:
        points.append((2.0, "has its hours"))
    if days == 1 or days == 2:
        points.append((1.5, "has its own day"))
    elif days > 2:
        points.append((-2.5, "spans a period of days, not a session"))
    if credited:
        points.append((1.5, "credits speakers"))
    replay = any(link.material for link in links)
    if replay:
        points.append((1.0, "links to slides, a replay or notes"))
    words = len(title.split())
    folded = fold(title)
    if 0 < words <= 16:
        points.append((0.5, "title-like length"))
    elif words > 25:
        points.append((-1.5, f"{words} words: prose, not a title"))
    plain = raw_text.strip().rstrip("*_ ")
    if _SENTENCE.match(folded) or (plain.endswith(".") and words > 10):
        points.append((-1.0, "reads as a sentence"))
    if _ADDRESS.search(title):
        points.append((-1.0, "gives an address to write or go to"))
    if not replay and re.fullmatch(r"\s*\[[^\]]*\]\([^)]*\)\s*", raw_text):
        points.append((-1.0, "a bare link to another page"))
    body_like = ":" not in title and (words <= 6 or re.search(r"\([A-Z][A-Za-z]+\)$", title))
    if INSTITUTION.match(title) and body_like and not credited and not timed:
        points.append((-1.5, "names a public body, not a session"))
    if _ADDRESSED.search(folded):
        points.append((-1.5, "addresses the reader"))
    if title[:1].islower():
        points.append((-1.0, "starts in lower case"))
    return points


def context_evidence(titles: list[str], structured: bool) -> list[tuple[float, str]]:
    """Points from the headings a block sits under (innermost last)."""
    points: list[tuple[float, str]] = []
    folded = [fold(t) for t in titles if t]
    if any(PROGRAMME_WORDS.search(t) for t in folded):
        points.append((1.5, "under a heading that announces a programme"))
    inner = folded[-2:] if folded else []
    if any(SESSION_WORDS.search(t) for t in inner):
        points.append((1.0, "under a heading that names sessions"))
    if structured:
        points.append((1.5, "under a day, hour or room heading"))
    if inner and DECOY_WORDS.search(inner[-1]) and not PROGRAMME_WORDS.search(inner[-1]):
        points.append((-2.5, f"under {titles[-1]!r}, which introduces something else"))
    return points


def lead_in_evidence(text: str) -> list[tuple[float, str]]:
    """Points from the paragraph just before a list ('les sujets suivants :')."""
    folded = re.split(r"(?<=[.!?])\s+", fold(text).strip())[-1]  # its last sentence
    if not (folded.rstrip("*_ ").endswith(":") or re.search(r"suivant|ci-dessous|below", folded)):
        return []  # a description of what came before, not a lead-in
    points = [(0.5, "introduced by a lead-in line")]
    if DECOY_WORDS.search(folded) and not SESSION_WORDS.search(folded):
        points.append((-1.0, "the lead-in introduces something else"))
    return points


def total(points: list[tuple[float, str]]) -> float:
    return sum(value for value, _ in points)


def describe(points: list[tuple[float, str]]) -> str:
    return "; ".join(f"{value:+.1f} {reason}" for value, reason in points) or "no evidence"
