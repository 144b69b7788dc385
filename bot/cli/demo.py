"""A demo event happening today, so that trying the bot shows a live programme (what is
on now, what comes next, a reminder that arrives) whatever the date: a structured YAML
programme (the organisers' format) with a session every 20 minutes from an hour ago to
three hours from now."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import yaml

TALKS = (
    ("Accueil et café", [], "Hall"),
    ("Grist dans l'administration : retours d'expérience", ["V. Viers (DINUM)"], "Ada Lovelace"),
    ("Tchap : les nouveautés de l'année", ["R. Allouche"], "Ada Lovelace"),
    ("Atelier : contribuer à un logiciel libre", ["Équipe BlueHats"], "Grace Hopper"),
    ("France Transfert : partager de gros fichiers", ["A. Conception (DINUM)"], "Ada Lovelace"),
    ("Table ronde : les communs numériques", ["M. Durand", "L. Martin (ANCT)"], "Ada Lovelace"),
    ("Démo : un bot Matrix pour les BlueHats", ["Équipe BlueHats"], "Grace Hopper"),
    ("Logiciels libres et achats publics", ["C. Petit (DAE)"], "Ada Lovelace"),
    ("Pause", [], "Hall"),
    ("Les outils libres de la suite numérique", ["S. Bernard (DINUM)"], "Ada Lovelace"),
    ("Clôture", ["Équipe BlueHats"], "Ada Lovelace"),
    ("Apéro libre", [], "Hall"),
)
TITLE = "Journée de démonstration BlueHats"


def demo_programme(now: datetime) -> str:
    """The YAML text of the demo event around `now` (wall clock of the programme)."""
    first = now.replace(minute=(now.minute // 20) * 20, second=0, microsecond=0) \
        - timedelta(hours=1)
    sessions = []
    for index, (title, speakers, room) in enumerate(TALKS):
        start = first + timedelta(minutes=20 * index)
        sessions.append({"day": start.date().isoformat(), "start": f"{start:%H:%M}",
                         "end": f"{start + timedelta(minutes=20):%H:%M}", "title": title,
                         "speakers": speakers, "room": room})
    last = first + timedelta(minutes=20 * len(TALKS))
    event = {"title": TITLE, "start": first.date().isoformat(),
             "end": last.date().isoformat(), "venue": "Salle de démonstration"}
    return yaml.safe_dump({"event": event, "sessions": sessions}, allow_unicode=True,
                          sort_keys=False)


def write_demo(folder: Path, now: datetime) -> Path:
    """Write the demo programme into `folder`; its path."""
    path = folder / "demo-programme.yaml"
    path.write_text(demo_programme(now), encoding="utf-8")
    return path
