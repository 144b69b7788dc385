"""Programme tables (Markdown or HTML): a header row, then one session a row.

Columns are found by their header: time, title, speakers, organisation. An empty time cell
continues the time above (a slot shared by several rows); a row with no title is
reported with its line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import time

from bot.loaders.programme_line import read_line
from bot.loaders.talks import Talk, inline_text, parse_credit
from bot.loaders.when import DateContext, find_range, parse_hour
from bot.wording.folding import fold

_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
TableRow = tuple[int, time | None, time | None, Talk, list[str]]


def read_table(
    rows: list[tuple[int, list[str]]], warn: Callable[[int, str], None]
) -> Iterator[TableRow]:
    """(line, start, end, talk, why) for each session row of a table."""
    if len(rows) < 2:
        return
    number, first = rows[0]
    header = [fold(inline_text(cell)[0]) for cell in first]
    time_col = _column(header, r"horaire|heure|time|quand|when|^h$")
    title_col = _column(
        header, r"present|titre|title|sujet|session|talk|intervention|demo|programme"
    )
    credit_col = _column(header, r"intervenant|speaker|orat|qui|who|par\b|animat")
    org_col = _column(header, r"organi|structure|entit|administration|institution")
    if title_col is None:
        title_col = next(
            (i for i in range(len(header)) if i not in (time_col, credit_col, org_col)), None
        )
    if title_col is None:
        warn(
            number,
            "table with no title column: expected a header such as 'Présentation' or 'Titre'",
        )
        return
    start = end = None
    for line, cells in rows[1:]:
        cells = [cell.replace("\xa0", " ").strip() for cell in cells]
        if len(cells) <= title_col or not inline_text(cells[title_col])[0]:
            if any(cells):
                warn(line, f"table row with {len(cells)} cells and no title; skipped")
            continue
        why = []
        if time_col is not None and time_col < len(cells):
            raw = inline_text(cells[time_col])[0]
            if raw:
                span = find_range(raw)
                start, end = (span.start, span.end) if span else (parse_hour(raw), None)
                why.append(f"its time cell {raw!r}")
                if start is None:
                    warn(line, f"cannot read the time {raw!r}: expected e.g. '14h-14h20'")
            elif start is not None:
                why.append("an empty time cell: the time above goes on")
        title, links = inline_text(cells[title_col])
        speakers, organisations, credit_links = (
            parse_credit(cells[credit_col])
            if credit_col is not None and credit_col < len(cells)
            else ((), (), ())
        )
        lines = [part for part in _BREAK.split(cells[title_col]) if part.strip()]
        if len(lines) > 1 and not speakers:  # 'Title<br>Name (Org)' in one cell
            own = read_line(lines, DateContext()).talk
            title, speakers, organisations = own.title, own.speakers, own.organisations
        if org_col is not None and org_col < len(cells) and inline_text(cells[org_col])[0]:
            organisations = tuple(dict.fromkeys((*organisations, inline_text(cells[org_col])[0])))
        yield line, start, end, Talk(title, speakers, organisations, links + credit_links), why


def _column(header: list[str], pattern: str) -> int | None:
    return next((i for i, cell in enumerate(header) if re.search(pattern, cell)), None)
