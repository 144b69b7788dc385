"""Tab-separated lines (a spreadsheet's rows pasted into a page) read as a table.

A paragraph, or the lines of a code block, whose lines are cut by tabs into the same
columns is what a reader sees as a table, so the blocks stage makes it one: each tab ends
a cell (an empty cell between two tabs stays, so that the columns line up); where the lines
do not agree on a number of cells, a run of tabs is one separator (tabs used to align).
"""

from __future__ import annotations

import re

from bot.loaders.page.grid import grid
from bot.loaders.page.values import Block, Cell, Line, Span

_MOSTLY = 0.6
_TAB = re.compile("\t")
_TABS = re.compile(r"\t+")
INNER_TAB = re.compile(r"\S\t+\S")
"""A tab between two words: one that starts or ends a line is indentation (HTML written with
tabs), not a cell's edge."""
_LONE_ROW_CELLS = 3


def tabbed_table(block: Block) -> Block | None:
    """The table a paragraph of tab-separated lines is, or None when it is none: most
    lines without a tab, or a lone line cut into fewer than three cells ('Adresse :<tab>
    12 rue…' is a line, 'Hours<tab>Title<tab>Name' a row)."""
    tabbed = [line for line in block.lines
              if INNER_TAB.search("".join(span.text for span in line.spans))]
    if not tabbed:
        return None
    lines = [line for line in block.lines if line.text]
    if not lines or len(tabbed) < _MOSTLY * len(lines):
        return None
    rows = [_cells(line, _TAB) for line in lines]
    if len({len(cells) for cells in rows}) > 1:
        rows = [_cells(line, _TABS) for line in lines]
    if len(rows) == 1 and len(rows[0]) < _LONE_ROW_CELLS:
        return None
    raw = [(line.number, cells, False) for line, cells in zip(lines, rows, strict=True)]
    return Block("table", block.line, block.end_line, rows=grid(raw), origin=block.origin)


def _cells(line: Line, separator: re.Pattern[str]) -> list[Cell]:
    """The cells of one line cut at `separator`, each keeping its spans' marks and links."""
    cells: list[list[Span]] = [[]]
    for span in line.spans:
        parts = separator.split(span.text)
        for index, part in enumerate(parts):
            if index:
                cells.append([])
            if part.strip():
                cells[-1].append(Span(part, span.marks, span.href))
    return [Cell(line.number, (Line(line.number, tuple(spans)),) if spans else ())
            for spans in cells]
