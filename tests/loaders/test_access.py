"""The ways there a page's header lists (`acces:`, as the numerique.gouv.fr pages write
them) are information lines, which practical questions quote (page written for this test)."""

from pathlib import Path

from bot.loaders.page import read_page
from bot.programme.model import InfoField
from bot.settings.clock import PARIS

PAGE = """---
title: Sommet
event_start_date: 2018-11-12
lieu: Salons de l'Hôtel de Ville
acces:
- type: Métro
  lignes:
  - nom: 'Lignes 1 et 11 – Hôtel de Ville '
- type: RER
  lignes:
  - nom: A et B – Châtelet-Les Halles
- type: Bus
  lignes:
  - nom: '38'
  - nom: '47'
---

Une journée d'échanges.
"""


def test_each_way_there_is_an_information_line() -> None:
    (event,), _problems, _reading = read_page(Path("sommet.md"), PAGE, PARIS)
    assert event.info == (InfoField("Métro", "Lignes 1 et 11 – Hôtel de Ville"),
                          InfoField("RER", "A et B – Châtelet-Les Halles"),
                          InfoField("Bus", "38, 47"))
