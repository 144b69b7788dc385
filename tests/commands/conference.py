"""A small two-day conference for the tests of slots and follow-ups: rooms, tracks, every
kind, speakers with their organisations, and prose that says the practical things.

Thursday 12 and Friday 13 June 2025, « Rencontre Logiciels Libres 2025 »:

    Thu  9:30–10:00 Amphi A break     Accueil café
        10:00–10:45 Amphi A talk      Grist pour les collectivités  Anne Martin (ANCT)  Données
        10:00–11:00 Salle B workshop  Atelier Grist                 Bob Durand (DINUM)  Données
        11:00–11:30 Amphi A demo      Démo de Tchap                 Chloé Petit (DINUM) Messagerie
        14:00–14:45 Amphi A keynote   Keynote : l'État plateforme   David Leroy
        15:00–16:00 Salle B workshop  Grist avancé                  Anne Martin (ANCT)  Données
        16:00–16:20 Amphi A lightning uMap en 5 minutes             Eva Noor        Cartographie
    Fri 10:00–10:45 Salle B talk      Grist et l'open data          Anne Martin (ANCT)  Données
        11:00–12:00 Amphi A panel     Table ronde : communs numériques
        14:00–14:30 Salle B demo      Démo uMap                     Eva Noor        Cartographie

Free on registration; métro Gare de Lyon; wifi (its two passages), site rll.example.org.
"""

from __future__ import annotations

from datetime import date, time

from bot.programme.model import Event, Passage, Programme, Session, Speaker

EVENT = "2025-rencontre-logiciels-libres"
THURSDAY, FRIDAY = date(2025, 6, 12), date(2025, 6, 13)

_SESSIONS = (
    ("a00001", THURSDAY, (9, 30), (10, 0), "Accueil café", (), "Amphi A", "break", None),
    ("a00002", THURSDAY, (10, 0), (10, 45), "Grist pour les collectivités",
     (("Anne Martin", "ANCT"),), "Amphi A", "talk", "Données"),
    ("a00003", THURSDAY, (10, 0), (11, 0), "Atelier Grist", (("Bob Durand", "DINUM"),),
     "Salle B", "workshop", "Données"),
    ("a00004", THURSDAY, (11, 0), (11, 30), "Démo de Tchap", (("Chloé Petit", "DINUM"),),
     "Amphi A", "demo", "Messagerie"),
    ("a00005", THURSDAY, (14, 0), (14, 45), "Keynote : l'État plateforme",
     (("David Leroy", None),), "Amphi A", "keynote", None),
    ("a00006", THURSDAY, (15, 0), (16, 0), "Grist avancé", (("Anne Martin", "ANCT"),),
     "Salle B", "workshop", "Données"),
    ("a00007", THURSDAY, (16, 0), (16, 20), "uMap en 5 minutes", (("Eva Noor", None),),
     "Amphi A", "lightning", "Cartographie"),
    ("a00008", FRIDAY, (10, 0), (10, 45), "Grist et l'open data", (("Anne Martin", "ANCT"),),
     "Salle B", "talk", "Données"),
    ("a00009", FRIDAY, (11, 0), (12, 0), "Table ronde : communs numériques", (), "Amphi A",
     "panel", None),
    ("a00010", FRIDAY, (14, 0), (14, 30), "Démo uMap", (("Eva Noor", None),), "Salle B",
     "demo", "Cartographie"),
)


def conference() -> Programme:
    sessions = tuple(
        Session(id=sid, event_id=EVENT, day=day, start=time(*start), end=time(*end),
                title=title, speakers=tuple(Speaker(n, o) for n, o in people), room=room,
                kind=kind, track=track)
        for sid, day, start, end, title, people, room, kind, track in _SESSIONS)
    event = Event(EVENT, "Rencontre Logiciels Libres 2025", THURSDAY, FRIDAY,
                  venue="Maison des associations", address="10 rue des Lilas, 75012 Paris",
                  url="https://rll.example.org/2025", passages=(
                      Passage("L'entrée est gratuite, sur inscription avant le 5 juin.", 30),
                      Passage("Métro : Gare de Lyon (ligne 1). Le wifi est ouvert à tous.", 32),
                  )).with_sessions(sessions)
    return Programme((event,))
