"""Linear time on any input: one pass over 50 kB of a repeated piece takes about as long as
eight passes over 6.25 kB of it, never eight times as long (what a quadratic search or
catastrophic backtracking would take).

Measured as ratios of two timings of the same length of text, never as a wall-clock limit:
a busy machine slows both alike.
"""

from collections.abc import Callable

import pytest

from bot.loaders.when import DateContext, find_days, find_times, parse_hour
from tests.support.hostile import fastest, settled

PIECES = [
    "9", ":", "9:", "9 ", "9h", "9.", "9-", "0845-", "12:34 ", "1:02:", "2019-", "1 à ",
    "9 am ", "de 9 ", "1, ", "1 et ", "12/", "1.2.", "1 juin ", "lundi ", "lundi 1 et ",
    "mars 1 - ", "Mo. ", "~", "a", " ", "\n", "**", "le 1er ", "1er au ", "from 9 to ",
    "dalle 9 alle ", "midi à ", "Weds ", "5 am Eingang ",
]  # fmt: skip
SMALL, LARGE = 6_250, 50_000
LIMIT = 4
RUNS = 3
"""1 is linear; 4 leaves room for a busy machine; a quadratic cost gives 8."""
PAGE = (
    "## Lundi 21 septembre\n\n- 9h30-10h : Accueil, café\n- 10h - 11h30 : Atelier « données »"
    " avec Marie Curie (Inria)\n\n### Tuesday, 22 September\n\n| 9:00 AM – 10:30 AM | Keynote |"
    " Ada Lovelace |\n| 1:30 – 2:30 | Lab: 3.12 release, 12.50 € |\n\n**30. Juni 2020, 17.00 Uhr**"
    " Webinar; dal 3 al 5 giugno 2024 ore 10.00-12.00; el miércoles 29 y jueves 30 de marzo.\n"
)
"""An ordinary programme, in the six languages."""


def growth(work: Callable[[str], object], piece: str) -> float:
    """One pass of `work` over LARGE characters of `piece`, against LARGE // SMALL passes
    over SMALL characters of it."""
    small = piece * (SMALL // len(piece))
    large = piece * (LARGE // len(piece))
    work(small)  # warm: tables and patterns

    def passes() -> None:
        for _ in range(LARGE // SMALL):
            work(small)

    return fastest(lambda: work(large), RUNS) / fastest(passes, RUNS)


CALLS = {
    "find_days": lambda text: find_days(text, DateContext(years=(2024,))),
    "find_times": find_times,
}


@pytest.mark.parametrize("piece", PIECES)
@pytest.mark.parametrize("call", list(CALLS))
def test_time_grows_linearly(call: str, piece: str) -> None:
    ratio = settled(lambda: growth(CALLS[call], piece), LIMIT)
    assert ratio < LIMIT, f"{call} on {piece!r}: one long text costs {ratio:.1f} times its parts"


def test_parse_hour_on_long_input_costs_no_more_than_an_ordinary_page() -> None:
    page = (PAGE * (LARGE // len(PAGE) + 1))[:LARGE]
    parse_hour(page)
    ratio = settled(lambda: fastest(lambda: parse_hour("9" * LARGE), RUNS)
                    / fastest(lambda: parse_hour(page), RUNS), 3)
    assert ratio < 3, f"one long number: {ratio:.1f} times an ordinary page of its size"
