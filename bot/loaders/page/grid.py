"""Tables laid on a grid: rows of cells, rowspan and colspan expanded.

A cell that spans rows or columns is repeated in every grid slot it covers, marked
`spanned` beyond its own, so that a column means the same thing in every row (a time
cell with rowspan=3 gives its time to the three rows it stands beside).
"""

from __future__ import annotations

from collections import deque
from dataclasses import replace

from selectolax.lexbor import LexborNode

from bot.loaders.page.inline import BLOCK_TAGS
from bot.loaders.page.values import Block, Cell, Line, Row

_SPAN_LIMIT = 64
"""A rowspan or colspan above this is a typo ('colspan=1000'): it is cut to this."""


def has_blocks(node: LexborNode) -> bool:
    """The element holds block elements (a list in a cell), not only inline content."""
    child = node.child
    while child is not None:
        if child.tag in BLOCK_TAGS:
            return True
        child = child.next
    return False


def lines_of(block: Block) -> list[Line]:
    """Every line of a block and of the blocks inside it, in order."""
    return list(block.lines) + [ln for child in block.children for ln in lines_of(child)]


def span_of(attrs: dict[str, str | None], name: str) -> int:
    value = (attrs.get(name) or "1").strip()
    return max(1, min(_SPAN_LIMIT, int(value))) if value.isdigit() else 1


def grid(raw: list[tuple[int, list[Cell], bool]]) -> tuple[Row, ...]:
    """Rows with rowspan and colspan expanded: each grid slot a cell covers holds it
    (marked `spanned` beyond its own slot), so columns line up as a reader sees them."""
    pending: dict[int, tuple[Cell, int]] = {}
    rows = []
    for line, cells, header in raw:
        out: list[Cell] = []
        below: dict[int, tuple[Cell, int]] = {}  # what this row's spans give the next
        queue = deque(cells)
        column = 0
        while queue or pending:
            if column in pending:
                cell, left = pending.pop(column)
                out.append(replace(cell, spanned=True))
                if left > 1:
                    below[column] = (cell, left - 1)
                column += 1
                continue
            if not queue:
                column = min(pending)  # a gap: the next spanned slot
                continue
            cell = queue.popleft()
            for offset in range(cell.colspan):
                out.append(cell if offset == 0 else replace(cell, spanned=True))
                if cell.rowspan > 1:
                    below[column + offset] = (cell, cell.rowspan - 1)
            column += cell.colspan
        pending = below
        is_header = header or (bool(out) and all(c.header for c in out if not c.spanned))
        rows.append(Row(line, tuple(out), is_header))
    return tuple(rows)
