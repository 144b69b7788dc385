"""The page loader takes a time linear in its input, whatever the page is made of.

Each construct a hostile (or broken) page can repeat — a line of '<', 100,000 short lines
in one paragraph, nested '[' and '](', runs of marks, digits and colons, wide tables,
deep lists and quotes, many headings — is read at a size n and at 4n. Its time is taken
as a ratio to an ordinary programme page of the same size, read in the same conditions:
a construct whose time grows as the square of its size sees that ratio grow about four
times from n to 4n, a linear one keeps it. No wall-clock limit: the CPU time of this
process, medians of a few runs, and a generous bound, for a busy machine.

One thing is not linear, and is not here: raw HTML nested thousands deep (`<div>` after
`<div>`) makes the HTML5 tree builder check the scope of each start tag up the stack of
open elements, as the standard says; a page that does it is stopped by the reading budget
(`bot/loaders/worker.py`).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.loaders.page import load_page
from bot.settings.clock import PARIS
from tests.support.hostile import settled

SIZE = 8_000
GROWTH = 2.5
"""How much the ratio may grow from n to 4n (a quadratic construct: about 4)."""
FLOOR = 0.25
"""Ratios below this are taken as this: a construct far cheaper than an ordinary page is
no threat, and its few milliseconds are mostly noise."""
RUNS = 3

HEADER = "---\ntitle: Journée des communs\ndate: 2025-01-06\n---\n\n"


def ordinary(size: int) -> str:
    """A programme page of about `size` characters: a day heading, then timed items."""
    lines = [HEADER, "## Lundi 6 janvier 2025\n"]
    total, index = 0, 0
    while total < size:
        index += 1
        line = (f"- {9 + index % 9}h{index % 6}0 : Atelier {index} sur les logiciels "
                f"libres - Jeanne Dupont (DINUM)")
        lines.append(line)
        total += len(line) + 1
    return "\n".join(lines)


def _times(unit: str, size: int) -> str:
    return unit * (size // len(unit))


CONSTRUCTS: dict[str, Callable[[int], str]] = {
    "a line of '<'": lambda n: HEADER + "<" * n,
    "a line of '< ' and '<a '": lambda n: HEADER + _times("< <a ", n),
    "short lines in one paragraph": lambda n: HEADER + _times("a\n", n),
    "short timed lines in one paragraph": lambda n: HEADER + _times("9h a\n", n),
    "a bold line wrapped over many lines": lambda n: HEADER + "**a\n" + _times("b\n", n // 2)
    + _times("c*\n", n // 2),
    "an underlined line wrapped over many lines": lambda n: HEADER + "__a\n"
    + _times("b\n", n // 2) + _times("c_\n", n // 2),
    "nested '[' then '](' ": lambda n: HEADER + "[" * (n // 2) + _times("](", n // 2),
    "'[a ' then '](x'": lambda n: HEADER + _times("[a ", n) + "](x",
    "links with no end": lambda n: HEADER + _times('[a](b "', n),
    "a link target with no end": lambda n: HEADER + "[a](" + "b" * n,
    "a run of '*'": lambda n: HEADER + "*" * n,
    "a run of '_'": lambda n: HEADER + "_" * n,
    "marks between words": lambda n: HEADER + "- 9h " + _times("*a _b ", n),
    "a run of '|'": lambda n: HEADER + "|" * n,
    "a run of spaces": lambda n: HEADER + "a" + " " * n + "b",
    "a run of digits": lambda n: HEADER + "1" * n,
    "digits and colons": lambda n: HEADER + _times("1:", n),
    "hours one after another": lambda n: HEADER + "- " + _times("9h-", n),
    "dotted hours": lambda n: HEADER + _times("9.30 ", n),
    "parentheses": lambda n: HEADER + "- a " + "(" * (n // 2) + ")" * (n // 2),
    "a long table row": lambda n: HEADER + "| 9h | a |\n|---|---|\n|" + _times(" a |", n),
    "a table of many columns": lambda n: HEADER + "|" + _times(" h |", n // 2) + "\n|"
    + _times("---|", n // 2) + "\n",
    "an HTML row of many cells": lambda n: HEADER + "<table><tr>" + _times("<td>9h</td>", n)
    + "</tr></table>",
    "lists nested by indentation": lambda n: HEADER + "".join(
        "  " * i + "- a\n" for i in range(int(n**0.5))),
    "lists nested on one line": lambda n: HEADER + _times("- ", n) + "a",
    "quotes nested on one line": lambda n: HEADER + ">" * n + " a",
    "many headings": lambda n: HEADER + _times("## 9h a\n", n),
    "one long credit": lambda n: HEADER + "- 9h " + _times("Jeanne ", n),
    "commas": lambda n: HEADER + "- 9h a" + _times(", b", n),
    "hours after commas in an item": lambda n: HEADER + "- a" + _times(", 9h", n),
    "days after commas in a paragraph": lambda n: HEADER + "**a**" + _times(", 3 juin", n),
    "durations after dashes": lambda n: HEADER + "- a" + _times(" - 9h", n),
    "ranges of hours after a title": lambda n: HEADER + "- a " + _times("9 am - 5 pm ", n),
}


def _seconds(text: str) -> float:
    """The median CPU time of reading `text` as a page."""
    timings = []
    for _ in range(RUNS):
        began = time.process_time()
        load_page(Path("page.md"), text, PARIS)
        timings.append(time.process_time() - began)
    return statistics.median(timings)


def _ratio(make: Callable[[int], str], size: int) -> float:
    return max(FLOOR, _seconds(make(size)) / _seconds(ordinary(size)))


def _growth(make: Callable[[int], str]) -> float:
    return _ratio(make, 4 * SIZE) / _ratio(make, SIZE)


@pytest.mark.parametrize("name", CONSTRUCTS)
def test_time_grows_linearly_with_each_construct(name: str) -> None:
    make = CONSTRUCTS[name]
    growth = settled(lambda: _growth(make), GROWTH)
    assert growth <= GROWTH, f"{name}: ratio to an ordinary page grew x{growth:.1f} from n to 4n"


def test_a_page_nested_deeper_than_the_stages_read_still_loads() -> None:
    """Lists and quotes nested 10,000 deep give their text, not a RecursionError."""
    for text in ("- " * 10_000 + "9h Atelier", "> " * 10_000 + "9h Atelier",
                 "".join("  " * i + "- a\n" for i in range(300)) + "\n- 9h Atelier\n",
                 "<div>" * 2_000 + "9h Atelier"):
        events, problems = load_page(Path("page.md"), HEADER + "## Lundi 6 janvier 2025\n\n"
                                     + text, PARIS)
        assert events, problems
