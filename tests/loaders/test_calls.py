"""A call for presentations lists what to send (title, authors, abstract, duration): under
its heading, that list is no programme."""

from datetime import time
from pathlib import Path

from bot.loaders.page import read_page
from bot.settings.clock import PARIS

PAGE = """---
title: Journée Animation 2025
date: 2025-07-07
---

## Programme

- **10h – 10h30** : Accueil
- **10h30 – 11h** : **Capture de mouvement**, Jeanne Roux (LIRIS)

## Appel à présentations

Pour proposer une présentation, envoyez un mail avec les informations suivantes :

- **Titre**
- **Auteurs & affiliations**
- **Mots-clés ou court résumé**
- **Durée souhaitée** (standard : 20 minutes)
"""


def test_what_a_call_asks_to_send_is_no_session(tmp_path: Path) -> None:
    path = tmp_path / "animation.md"
    path.write_text(PAGE, encoding="utf-8")
    events, _problems, _reading = read_page(path, PAGE, PARIS)
    assert [(s.start, s.title) for s in events[0].sessions] == [
        (time(10), "Accueil"),
        (time(10, 30), "Capture de mouvement"),
    ]
