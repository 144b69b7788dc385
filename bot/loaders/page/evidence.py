"""What a candidate block shows for or against being a programme, by name.

A candidate session is judged by what it looks like — hours, a day of its own, speakers,
links to slides or replays, short title-like text — and by where it stands: under a
heading that says 'Programme' or names sessions ('Les ateliers de l'après-midi'), under
a day, hour or room heading, after a lead-in line ending in ':'. Headings that introduce
something else ('Intervenants', 'Lauréats', 'Ce qu'on a fait') count against. Each
detector returns `Evidence` with a name and a reason; the weights are in `scoring.py`.
"""

from __future__ import annotations

import re

from bot.loaders.page.frame import DEADLINE
from bot.loaders.page.values import Evidence
from bot.loaders.talks.markup import inline_text
from bot.loaders.talks.names import INSTITUTION
from bot.programme.model import Link
from bot.wording.folding import fold, fold_once

PROGRAMME_WORDS = re.compile(
    r"\b(?:programme|agenda|planning|schedule|au menu|deroule|sommaire|ordre du jour|"
    r"au programme|programma|programm|programa|zeitplan|ablauf|tagesordnung|orario|horario)\b"
)
SESSION_WORDS = re.compile(
    r"\b(?:presentations?|ateliers?|conferences?|interventions?|demos?|talks?|webinaires?|"
    r"sessions?|tables? rondes?|keynotes?|matin|matinee|apres-midi|workshops?|"
    r"pitchs?|masterclasses?)\b"
)
DECOY_WORDS = re.compile(
    r"\b(?:intervenant|speakers?|instructors?|lecturers?|presenters?|organi[sz]ers?|"
    r"organisateurs|formateurs|appel a|call for|soumission|submissions?|partenaires?|"
    r"laureats?|participants?|objectifs?|public|"
    r"prerequis|modalites|pour qui|inscri|donnees\s*\?|qui sommes|contact|acces|"
    r"ce qu.on a fait|pour la suite|on prevoit|bilan|ressources|liens? utiles|comment|"
    r"telecharger|downloads?|herunterladen|scarica|descargas?|downloaden|"
    r"remerciements|acknowledge?ments|thanks|sponsors?|mecenes|danksagung|agradecimientos|"
    r"ringraziamenti|dankwoord)"
)
_ADDRESSED = re.compile(
    r"\b(?:vous|venez|rencontrez|renseignez|decouvrez|retrouvez|inscrivez|rejoignez|participez|"
    r"laissez|consultez|contactez|ecrivez|suivez|telechargez|cliquez|visit|register|join us|"
    r"telecharger|download|herunterladen|scarica|descargar|downloaden)\b"
)
_ADDRESS = re.compile(r"https?://|mailto:|www\.|@\w+\.\w")
_SENTENCE = re.compile(r"^(?:vous|nous|si|en tant|il|elle|on|je|ce|cette|ces)\b")
_BARE_LINK = re.compile(r"\s*\[[^\]]*\]\([^)]*\)\s*")
_ACRONYM_AFTER = re.compile(r"\([A-Z][A-Za-z]+\)$")
_LAST_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_LEADS_ON = re.compile(r"suivant|ci-dessous|below")
_KINDS_OVERVIEW = re.compile(
    r"^(?:des|de nombreu(?:x|ses)|plusieurs|quelques|some|several|various|many)\s+"
    r"(?:\S+\s+)?(?:conferences|ateliers|echanges|rencontres|tables rondes|demos|"
    r"demonstrations|presentations|interventions|entretiens|temps|espaces|talks|workshops|"
    r"sessions|meetings|panels|discussions)\b"
)
"""A line that names kinds of activity in the plural, not one session ('Des conférences
tech du 29 novembre au 2 décembre…', 'Several workshops on …'): an overview of the day."""
_FUTURE = re.compile(
    r"\b(?:sera|seront|aura|auront|pourr(?:a|ont|ez)|permettr(?:a|ont)|will|shall|wird|werden|"
    r"sara|saranno|seran)\b"
)
"""A sentence in the future tense announces what the day will hold; a title names it."""


def item_evidence(
    title: str,
    raw_text: str,
    *,
    timed: bool,
    days: int,
    credited: bool,
    links: tuple[Link, ...],
    line: int = 0,
    bodies: bool = False,
) -> list[Evidence]:
    """What one candidate session shows; `bodies`: it credits organisations, not persons."""
    found: list[Evidence] = []

    def add(name: str, because: str) -> None:
        found.append(Evidence(name, because, line))

    if timed:
        add("has_time", "has its hours")
    if days in (1, 2):
        add("own_day", "has its own day")
    elif days > 2:
        add("span_of_days", "spans a period of days, not a session")
    folded = fold(title)
    if days and not timed and DEADLINE.search(folded):
        add("deadline", "a day without hours for a deadline or a registration")
    if credited:
        add("credits_person", "credits speakers")
    elif bodies:
        add("credits_organisation", "credits an organisation ('par XDEMAT')")
    replay = any(link.material for link in links)
    if replay:
        add("material_link", "links to slides, a replay or notes")
    words = len(title.split())
    if 0 < words <= 16:
        add("title_length", "title-like length")
    elif words > 25:
        add("prose_length", f"{words} words: prose, not a title")
    plain = raw_text.strip().rstrip("*_ ")
    sentence = _SENTENCE.match(folded) or (plain.endswith(".") and words > 10)
    if sentence:
        add("sentence", "reads as a sentence")
    if sentence and _FUTURE.search(folded):
        add("announces", "a sentence in the future tense: it announces, it is no title")
    if _KINDS_OVERVIEW.match(fold_once(inline_text(raw_text)[0])):  # a whole line: not cached
        add("kinds_overview", "names kinds of activity in the plural: an overview")
    if _ADDRESS.search(title):
        add("gives_address", "gives an address to write or go to")
    if not replay and _BARE_LINK.fullmatch(raw_text):
        add("bare_link", "a bare link to another page")
    body_like = ":" not in title and (words <= 6 or _ACRONYM_AFTER.search(title))
    if INSTITUTION.match(title) and body_like and not credited and not timed:
        add("names_public_body", "names a public body, not a session")
    if _ADDRESSED.search(folded):
        add("addresses_reader", "addresses the reader")
    if title[:1].islower() and not credited:  # 'Name (Org): la città …' is a talk
        add("starts_lower_case", "starts in lower case")
    return found


def context_evidence(titles: list[str], structured: bool) -> list[Evidence]:
    """What the headings a block sits under show (innermost last)."""
    found: list[Evidence] = []
    folded = [fold(t) for t in titles if t]
    if any(PROGRAMME_WORDS.search(t) for t in folded):
        found.append(Evidence("under_programme_heading",
                              "under a heading that announces a programme"))
    inner = folded[-2:]
    if any(SESSION_WORDS.search(t) for t in inner):
        found.append(Evidence("under_session_heading", "under a heading that names sessions"))
    if structured:
        found.append(Evidence("under_day_time_room", "under a day, hour or room heading"))
    if inner and DECOY_WORDS.search(inner[-1]) and not PROGRAMME_WORDS.search(inner[-1]):
        found.append(Evidence("under_decoy_heading",
                              f"under {titles[-1]!r}, which introduces something else"))
    return found


def lead_in_evidence(text: str, line: int = 0, heading: bool = False) -> list[Evidence]:
    """What the paragraph (or `heading`) just before a list shows ('les sujets suivants :').
    A heading must say that a list follows: many sites end every heading with a colon."""
    folded = _LAST_SENTENCE.split(fold(text).strip())[-1]
    colon = folded.rstrip("*_ ").endswith(":") and not heading
    if not (colon or _LEADS_ON.search(folded)):
        return []  # a description of what came before, not a lead-in
    found = [Evidence("lead_in", "introduced by a lead-in line", line)]
    if DECOY_WORDS.search(folded) and not SESSION_WORDS.search(folded):
        found.append(Evidence("lead_in_decoy", "the lead-in introduces something else", line))
    return found
