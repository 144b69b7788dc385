"""A synthetic programme of any size, shaped like the real ones, for the benchmarks.

Events of two days, rooms, 20-minute slots from 9 h to 18 h, titles drawn from a
vocabulary that grows with the programme (more talks, more topics), speakers with
organisations. Seeded: the same size always gives the same programme.
"""

from __future__ import annotations

import random
from datetime import date, time, timedelta

from bot.programme.model import Event, Programme, Session, Speaker, event_id, session_id

FIRST_NAMES = ["Anne", "Bastien", "Camille", "David", "Élise", "Florent", "Hélène", "Julien",
               "Léa", "Marc", "Nicolas", "Pauline", "Romain", "Sophie", "Thibault", "Virgile"]
ORGS = ["DINUM", "ANCT", "IGN", "Insee", "MENJ", "MESR", "Adullact", "Ville de Paris",
        "France Travail", "DGFiP", "ANSSI", "Etalab", "DNUM MI", "CNRS"]
TOPICS = ["Grist", "Tchap", "Docs", "Visio", "ProConnect", "GeoNature", "uMap", "Nextcloud",
          "PostgreSQL", "Kubernetes", "Debian", "Python", "accessibilité", "démocratie"]


def _word(rng: random.Random) -> str:
    syllables = ["ca", "li", "bre", "co", "de", "mu", "ni", "ta", "ou", "ver", "ges", "ti", "on",
                 "pla", "for", "me", "ser", "vi", "ce", "don", "nees", "lo", "gi", "ciel"]
    return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))


def build(sessions: int, events: int = 50, seed: int = 7) -> Programme:
    """A programme of `sessions` sessions spread over `events` events."""
    rng = random.Random(seed)
    vocabulary = [_word(rng) for _ in range(max(500, sessions // 2))] + TOPICS
    people = [f"{rng.choice(FIRST_NAMES)} {_word(rng).capitalize()}"
              for _ in range(max(200, sessions // 3))]
    per_event = sessions // events
    rooms = [f"Salle {n}" for n in range(1, max(2, per_event // 50) + 1)]
    built = []
    for number in range(events):
        start = date(2020, 1, 6) + timedelta(days=14 * number)
        title = f"Rencontre BlueHats n° {number + 1}"
        identifier = event_id(title, start)
        items = []
        for index in range(per_event):
            day = start + timedelta(days=index % 2)
            minutes = 9 * 60 + 20 * ((index // (2 * len(rooms))) % 27)
            talk = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(3, 7))).capitalize()
            speakers = tuple(Speaker(rng.choice(people), rng.choice(ORGS))
                             for _ in range(rng.randint(1, 3)))
            items.append(Session(
                id=session_id(identifier, f"{talk} {index}"), event_id=identifier, day=day,
                start=time(minutes // 60, minutes % 60), end=None, title=talk, speakers=speakers,
                room=rooms[(index // 2) % len(rooms)], kind="talk",
            ))
        built.append(Event(identifier, title, start, start + timedelta(days=1)).with_sessions(
            tuple(items)))
    return Programme(tuple(built))
