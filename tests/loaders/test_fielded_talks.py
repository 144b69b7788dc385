"""A talk written as labelled fields: the timed line names the speaker, a 'Laboratoire :'
line gives the organisation and a 'Titre de la présentation :' line the title, inside
the item or in the paragraph after it."""

from datetime import time
from pathlib import Path

from bot.loaders.page import read_page
from bot.settings.clock import PARIS

PAGE = """---
title: Journée du groupe de travail
date: 2023-05-11
---

# Programme

* 9h30 : **DURAND Léa**
Laboratoire / Institution : LORIA / Université de Lorraine

Titre de la présentation : "Interaction tangible et cartes"

* 10h : **Marc Petit**
Laboratoire : IRISA

Titre de la présentation : Réalité mixte : un état de l'art
Résumé : Ce travail présente un panorama des dispositifs.

* 10h30 : **Nadia Kaci**
  Affiliation : Inria

  Title of the talk: Haptics for everyone
"""


def test_the_title_field_titles_the_talk_of_the_names_line(tmp_path: Path) -> None:
    path = tmp_path / "journee.md"
    path.write_text(PAGE, encoding="utf-8")
    events, _problems, _reading = read_page(path, PAGE, PARIS)
    assert [(s.start, s.title, list(s.speaker_names), list(s.organisations))
            for s in events[0].sessions] == [
        (time(9, 30), "Interaction tangible et cartes", ["DURAND Léa"],
         ["LORIA", "Université de Lorraine"]),
        (time(10), "Réalité mixte : un état de l'art", ["Marc Petit"], ["IRISA"]),
        (time(10, 30), "Haptics for everyone", ["Nadia Kaci"], ["Inria"]),
    ]
