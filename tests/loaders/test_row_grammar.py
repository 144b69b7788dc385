"""The hours a programme line starts with, and what is left for its title."""

from datetime import time

import pytest

from bot.loaders.page.row_grammar import leading_time


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("10:00 **Warm-up and Get-together**", (time(10), None, "**Warm-up and Get-together**")),
        ("**14h-15h30 : Exposition**", (time(14), time(15, 30), "**Exposition**")),
        ("**9h30 :** Accueil", (time(9, 30), None, "Accueil")),
        ("\\[9h–9h30\\] Accueil", (time(9), time(9, 30), "Accueil")),
        ("De 10h à 10h50 : Table ronde", (time(10), time(10, 50), "Table ronde")),
        ("0845-0900 Welcome", (time(8, 45), time(9), "Welcome")),
        ("dès 9h : café", (time(9), None, "café")),
    ],
)
def test_hours_that_lead_a_line(line: str, expected: tuple) -> None:
    assert leading_time(line) == expected


@pytest.mark.parametrize("line", ["9h30** Accueil", "### 18h00", "Salle 3 - 14h : atelier"])
def test_no_leading_hours(line: str) -> None:
    assert leading_time(line) is None
