"""How much a candidate block looks like a programme: the one table of weights.

Detectors (`evidence.py`) name what they see; the weight of each name is here and
nowhere else, so `--explain` prints `+2.0 has_time — '9h30-10h' (line 31)` from this
table and a weight has one definition. A block is taken as programme when the mean
score of its candidates reaches `THRESHOLD`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType

from bot.loaders.page.values import Evidence

THRESHOLD = 1.5
"""A block is taken as programme from this mean score on."""

WEIGHTS: Mapping[str, float] = MappingProxyType({
    # what one candidate says
    "has_time": 2.0,
    "own_day": 1.5,
    "span_of_days": -2.5,
    "deadline": -2.5,
    "credits_person": 1.5,
    "credits_organisation": 1.0,
    "material_link": 1.0,
    "title_length": 0.5,
    "prose_length": -1.5,
    "sentence": -1.0,
    "announces": -1.5,
    "kinds_overview": -2.0,
    "gives_address": -1.0,
    "bare_link": -1.0,
    "names_public_body": -1.5,
    "addresses_reader": -1.5,
    "starts_lower_case": -1.0,
    "table_title_column": 1.0,
    # where it stands
    "under_programme_heading": 1.5,
    "under_session_heading": 1.0,
    "under_day_time_room": 1.5,
    "under_decoy_heading": -2.5,
    "lead_in": 0.5,
    "lead_in_decoy": -1.0,
})


def weight(item: Evidence) -> float:
    return WEIGHTS[item.name]


def score(evidence: Iterable[Evidence]) -> float:
    """The sum of the weights of `evidence`."""
    return sum(WEIGHTS[item.name] for item in evidence)


def taken(scores: Iterable[float]) -> tuple[bool, float]:
    """Whether a block whose candidates score `scores` is a programme, and its mean."""
    values = list(scores)
    mean = sum(values) / len(values) if values else 0.0
    return mean >= THRESHOLD, mean


def describe(evidence: Iterable[Evidence]) -> str:
    """'+2.0 has_time (has its hours); -1.0 sentence (…)', for --explain."""
    return "; ".join(f"{WEIGHTS[item.name]:+.1f} {item.name} ({item.because})"
                     for item in evidence) or "no evidence"
