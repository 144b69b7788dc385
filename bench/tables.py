"""How long reading programme tables takes (the rows stage's tables, `row_tables.py`).

    python bench/tables.py [--runs 7]

The tables of the 1 MB page of `bench/load.py` and, when ../shared is here, of every
corpus page are read (column roles, rows, cells read by the line grammar) once the
earlier stages have built them: median CPU time over the runs (process time, so that a
busy machine does not inflate it), and the share of the 1 s budget of a 1 MB page.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Iterator
from pathlib import Path

from load import big_page  # bench/load.py, beside this script

from bot.loaders.page.blocks import read_blocks
from bot.loaders.page.dom import parse_html
from bot.loaders.page.metadata import read_metadata
from bot.loaders.page.render import render
from bot.loaders.page.row_tables import table_rows
from bot.loaders.page.values import Block, EventFrame

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def tables_of(text: str) -> list[Block]:
    """The table blocks of a page, as the blocks stage gives them."""
    body = read_metadata(text).body
    return list(_tables(read_blocks(parse_html(render(body).html), body.split("\n"))))


def _tables(blocks: tuple[Block, ...]) -> Iterator[Block]:
    for block in blocks:
        if block.kind == "table":
            yield block
        yield from _tables(block.children)


def median_ms(tables: list[Block], runs: int) -> float:
    frame = EventFrame(year=2025)
    times = []
    for _ in range(runs):
        start = time.process_time()
        for block in tables:
            table_rows(block, frame)
        times.append(time.process_time() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    big = tables_of(big_page(1_000_000))
    spent = median_ms(big, args.runs)
    print(f"1 MB page: {len(big)} tables, median {spent:.0f} ms CPU "
          f"({spent / 10:.1f} % of the 1 s budget)")
    pages = sorted(SHARED.glob("corpus*/pages/*"))
    if pages:
        corpus = [t for page in pages for t in tables_of(page.read_text(encoding="utf-8"))]
        rows = sum(len(t.rows) for t in corpus)
        print(f"corpora: {len(corpus)} tables, {rows} rows, median "
              f"{median_ms(corpus, args.runs):.0f} ms CPU")


if __name__ == "__main__":
    main()
