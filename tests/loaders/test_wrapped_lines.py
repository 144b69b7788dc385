"""A programme line hard-wrapped in the source: a line that ends with ':' ends a logical
line, unless the next goes on in lower case.

The page was written for this test; the expected values come from reading it."""

from datetime import time
from pathlib import Path

from tests.loaders.pages import page_sessions

WRAPPED = """Rencontre autour du Libre

Jean Dupont anime ce samedi 8 juin 2013 une mini-conférence et des ateliers :

09h30 — 11h30 : Conférence « Logiciels libres et Éducation »
13h00 — 15h00 : Sage, logiciel libre pour les mathématiques :
atelier « calculatrice scientifique et graphique »
15h15 — 17h15 : Programme de l'après-midi :
Ateliers libres
"""


def test_a_line_cut_after_its_colon_goes_on_in_lower_case(tmp_path: Path) -> None:
    assert [(s.start, s.title) for s in page_sessions(tmp_path, WRAPPED)] == [
        (time(9, 30), "Conférence « Logiciels libres et Éducation »"),
        (time(13), "Sage, logiciel libre pour les mathématiques : atelier « calculatrice "
                   "scientifique et graphique »"),
        (time(15, 15), "Programme de l'après-midi"),
    ]
