"""Hugo event pages: a credit linked through a 'ref' shortcode names its speaker, and the
list of slides under a 'Télécharger …' heading holds no session."""

from datetime import time
from pathlib import Path

from bot.loaders.talks.markup import inline_text
from tests.loaders.pages import page_sessions

EVENING = """---
date: 2014-05-13T19:00:00
title: "Soirée Outils"
---

## Détails

### 19h30 - Gradle sans douleur

Un tour des plugins utiles.

Par [Julie Moreau]({{< ref "/speakers/julie-moreau.md" >}})

### 20h15 - Tests de charge avec Gatling

Par Marc Petit

### Télécharger la présentation

- [Gradle (format pdf)](gradle.pdf)
- [Gatling en pratique (format pdf)](gatling.pdf)
"""


def test_a_link_to_a_hugo_ref_shortcode_is_a_link_to_its_page() -> None:
    assert inline_text('par [Julie Moreau]({{< ref "/speakers/julie-moreau.md" >}})') == (
        "par Julie Moreau", inline_text("par [Julie Moreau](/speakers/julie-moreau.md)")[1])


def test_speakers_linked_by_shortcode_and_no_session_from_the_downloads(
        tmp_path: Path) -> None:
    sessions = page_sessions(tmp_path, EVENING)
    assert [(s.start, s.title, [p.name for p in s.speakers]) for s in sessions] == [
        (time(19, 30), "Gradle sans douleur", ["Julie Moreau"]),
        (time(20, 15), "Tests de charge avec Gatling", ["Marc Petit"]),
    ]
