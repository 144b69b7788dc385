"""The agenda and search index grow with the programme, not faster: one build of sixteen
times the sessions takes about as long as sixteen builds of the smaller programme, never
sixteen times as long (what a scan of every session for each session would take).

Measured as a ratio of two timings, never as a wall-clock limit: a busy machine slows both
alike.
"""

from __future__ import annotations

import random
from datetime import date, time, timedelta

from bot.commands.catalog import Catalog
from bot.programme.model import Event, Programme, Session, Speaker
from bot.settings.config import Config
from tests.support.hostile import fastest, settled

SMALL, LARGE = 500, 8_000
LIMIT = 3
"""1 is linear; 3 leaves room for a busy machine and larger tables; a quadratic cost gives
16."""
SYLLABLES = ["da", "ta", "gri", "st", "cha", "pou", "li", "ti", "que", "lo", "gi", "ciel"]
ORGANISATIONS = ["DINUM", "ANCT", "Direction interministérielle du numérique", "IGN", "CNRS"]


def programme(size: int) -> Programme:
    """`size` sessions over two events of two days, in two rooms or none, every five
    minutes: as many sessions a day as the size gives (a page without rooms is one list),
    titles from words that grow with the programme, speakers who come back."""
    rng = random.Random(size)
    vocabulary = ["".join(rng.choices(SYLLABLES, k=3)) for _ in range(size // 2)]
    people = [f"{rng.choice('ABCDEFGH')}. {word.capitalize()}" for word in vocabulary[::3]]
    events = []
    for number in range(2):
        first = date(2024, 3, 4) + timedelta(days=30 * number)
        sessions = []
        for index in range(size // 2):
            minutes = 8 * 60 + 5 * (index // 4 % 150)
            sessions.append(Session(
                f"e{number}s{index}", f"event{number}", first + timedelta(days=index % 2),
                time(minutes // 60, minutes % 60), None,
                " ".join(rng.choices(vocabulary, k=5)),
                (Speaker(rng.choice(people), rng.choice(ORGANISATIONS)),),
                room=("Ada", "Turing", None)[index % 3]))
        events.append(Event(f"event{number}", f"Journée {number}", first,
                            first + timedelta(days=1), sessions=tuple(sessions)))
    return Programme(tuple(events))


def test_the_agenda_and_index_are_built_in_linear_time() -> None:
    settings = Config().programme
    small, large = programme(SMALL), programme(LARGE)
    Catalog(small, settings)  # warm: the shipped name lists, patterns

    def ratio() -> float:
        smalls = fastest(lambda: [Catalog(small, settings) for _ in range(LARGE // SMALL)], 3)
        return fastest(lambda: Catalog(large, settings), 3) / smalls

    assert settled(ratio, LIMIT) < LIMIT
