"""A programme written as plain lines ending with ';' under a line that gives only a day
and hours: each line is a session of that day and those hours. A link to download the
poster is no session."""

from datetime import date, time
from pathlib import Path

from bot.loaders.page import read_page
from bot.settings.clock import PARIS

PAGE = """Rencontres du logiciel libre
* [Télécharger l'affiche](https://example.org/affiche.pdf).

Le club organise les 6 et 7 juin 2014 deux journées.

Au programme :

Vendredi 6 juin 2014 de 14h à 18h :

Atelier Inkscape;
Découvrir OpenStreetMap;
Install Party;

Samedi 7 juin 2014 de 9h à 12h :

Le libre dans les écoles;
Le libre dans les mairies;
Le libre dans les entreprises
"""


def test_lines_ending_with_semicolons_under_a_day_line(tmp_path: Path) -> None:
    path = tmp_path / "rencontres.md"
    path.write_text(PAGE, encoding="utf-8")
    events, _problems, _reading = read_page(path, PAGE, PARIS)
    friday, saturday = date(2014, 6, 6), date(2014, 6, 7)
    assert [(s.day, s.start, s.end, s.title) for s in events[0].sessions] == [
        (friday, time(14), time(18), "Atelier Inkscape"),
        (friday, time(14), time(18), "Découvrir OpenStreetMap"),
        (friday, time(14), time(18), "Install Party"),
        (saturday, time(9), time(12), "Le libre dans les écoles"),
        (saturday, time(9), time(12), "Le libre dans les mairies"),
        (saturday, time(9), time(12), "Le libre dans les entreprises"),
    ]
