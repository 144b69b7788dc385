"""Programme tables and grids read row by row: one entry per session a table gives.

The columns' roles come from `table_roles`. A row is one session (its title cell, its
time, day, room, speakers…), unless its columns are columns of sessions (rooms, tracks,
days or hours side by side), where each non-empty cell is a session of its own. An empty
time or day cell continues the one above; a cell spanning rows is one session over all
of them; a cell holding items split by a rule (`<hr>`), a list, or lines that each start
with a time holds one session per item. A row with one cell across the table gives the
day (« Wednesday ») or a label for the rows under it, or is a note; a row whose range
holds the ranges of the rows after it, one after the other, only groups them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from bot.loaders.page.table_cells import CellFacts, cell_items, mended, names_only
from bot.loaders.page.table_roles import Column, Layout, cell_at, column_roles, text_at
from bot.loaders.page.table_timing import RowWhen, groups, hours_text, row_timings
from bot.loaders.page.values import Block, Cell, EventFrame, Given, Line, Row
from bot.loaders.talks.credits import label_credit
from bot.programme.model import Link

_NOTE_WORDS = 12
"""A lone row of more words than this is a note (an abstract), not a label."""


@dataclass(frozen=True)
class TableEntry:
    """One session a table gives: the lines of its title cell, and what its row, its
    columns and the rows above say, each with what gave it."""

    line: int
    title: tuple[Line, ...]
    start: Given | None = None
    end: Given | None = None
    day: Given | None = None
    weekday: int | None = None
    """A weekday the event's frame could not place on a date."""
    room: Given | None = None
    track: Given | None = None
    label: str = ""
    """The label column's text ('Lecture 01', 'Keynote: Name'): a hint of the kind."""
    kind: str = ""
    """The kind column's text ('Atelier', 'Talk')."""
    speakers: tuple[Line, ...] = ()
    organisations: tuple[Line, ...] = ()
    description: tuple[Line, ...] = ()
    """The description column's lines ('Détail', 'Abstract')."""
    links: tuple[Link, ...] = ()
    section: str = ""
    """A label row above it ('Session 2 : données ouvertes')."""
    why: tuple[str, ...] = ()


@dataclass(frozen=True)
class TableReading:
    """A table's layout, its entries, what its other rows were read as, and problems."""

    layout: Layout
    entries: tuple[TableEntry, ...]
    notes: tuple[tuple[int, str], ...] = ()
    problems: tuple[tuple[int, str], ...] = ()


@dataclass
class _Reader:
    """Reads the body rows of one table (mutable while it reads, frozen values out)."""

    layout: Layout
    entries: list[TableEntry] = field(default_factory=list)
    notes: list[tuple[int, str]] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)
    open_cells: dict[tuple[int, int], int] = field(default_factory=dict)
    """(cell line, column) of a cell spanning rows → its entry, to stretch its end."""


def read_table(block: Block, frame: EventFrame) -> TableReading:
    """The sessions a table block gives, as entries for the rows stage."""
    layout = column_roles(mended(block.rows), frame)
    reader = _Reader(layout)
    if layout.find("title") is None and not layout.sessions:
        if any(c.text for r in layout.body for c in r.cells):
            reader.problems.append((block.line, "table with no title column: expected a "
                                    "header such as 'Présentation' or 'Titre'"))
        return TableReading(layout, (), (), tuple(reader.problems))
    whens = row_timings(layout, frame, reader.notes, reader.problems)
    grouping = groups(whens)
    for index, when in enumerate(whens):
        if when.lone:
            continue
        if index in grouping:
            reader.notes.append((when.row.line, f"its hours {hours_text(when)} hold the "
                                 f"{grouping[index]} rows after it: it groups them"))
            continue
        if layout.sessions:
            _grid_row(reader, when)
        else:
            _title_row(reader, when)
    return TableReading(layout, tuple(reader.entries), tuple(reader.notes),
                        tuple(reader.problems))


# --- sessions ----------------------------------------------------------------------------


def _title_row(reader: _Reader, when: RowWhen) -> None:
    """A row that is one session (or one per item of its title cell)."""
    layout, row = reader.layout, when.row
    title_column = layout.find("title")
    assert title_column is not None
    cell = cell_at(row, title_column)
    label_cell = cell_at(row, layout.find("label"))
    label = label_cell.text if label_cell is not None else ""
    why = list(when.why)
    if cell is not None and cell.spanned:
        if not _spans_from_left(row, title_column.index):
            _stretch(reader, (cell.line, title_column.index), when)
            return
        label = ""  # a label cell spanning into the title column ('Coffee break')
    if layout.label_titles and label and not label_credit(label):
        cell, label = label_cell, ""
        why.append("its label names it, its title cell describes it")
    speakers = _lines(row, layout.find("speakers"))
    if cell is not None and cell.text and names_only(cell):
        speakers, cell = (*speakers, *cell.lines), None
        why.append("its title cell lists persons: they are its speakers")
    if cell is None or not cell.text:
        if not label:
            others = [c for i, c in enumerate(row.cells) if c.text and i not in
                      (_index(layout.find("time")), _index(layout.find("day")))]
            if others:
                reader.problems.append((row.line, f"table row with {len(row.cells)} cells "
                                        "and no title; skipped"))
            return
        cell, label = label_cell, ""
        why.append("no title cell: its label is the title")
    assert cell is not None
    base = TableEntry(
        line=row.line, title=(), start=when.start, end=when.end, day=when.day,
        weekday=when.weekday, room=_given(row, layout.find("room")),
        track=_given(row, layout.find("track")), label=label,
        kind=text_at(row, layout.find("kind")), speakers=speakers,
        organisations=_lines(row, layout.find("organisation")),
        description=_lines(row, layout.find("description")),
        links=tuple(link for line in _lines(row, layout.find("material"))
                    for link in line.links),
        section=when.section, why=tuple(why))
    _add_items(reader, base, cell, (cell.line, title_column.index))


def _grid_row(reader: _Reader, when: RowWhen) -> None:
    """A row of a grid: each non-empty cell of a column of sessions is one, with what its
    column's header says (a room, a track, a day, hours)."""
    layout, row = reader.layout, when.row
    for column in layout.sessions:
        cell = cell_at(row, column)
        if cell is None or not cell.text:
            continue
        if cell.spanned:
            if not _spans_from_left(row, column.index):
                _stretch(reader, (cell.line, column.index), when)
            continue
        across = cell.colspan > 1
        base = _with_facts(TableEntry(
            line=cell.line or row.line, title=(), start=when.start, end=when.end,
            day=when.day, weekday=when.weekday, section=when.section, why=when.why),
            column, row.line, across)
        _add_items(reader, base, cell, (cell.line, column.index))


def _with_facts(entry: TableEntry, column: Column, line: int, across: bool) -> TableEntry:
    """What a column of sessions' header says, for a cell under it; a cell across several
    columns of rooms is in none of them."""
    facts: CellFacts = column.facts
    by = f"column {column.header!r}"
    changes: dict[str, object] = {}
    if facts.day is not None:
        changes["day"] = Given(facts.day, by, line)
    elif facts.weekday is not None:
        changes["day"], changes["weekday"] = None, facts.weekday
    if facts.start is not None:
        changes["start"] = Given(facts.start, by, line)
        changes["end"] = Given(facts.end, by, line) if facts.end else None
    if facts.room and not across:
        changes["room"] = Given(facts.room, by, line)
    if facts.track and not across:
        changes["track"] = Given(facts.track, by, line)
    why = f"a cell of column {column.header!r} ({column.because})"
    return replace(entry, why=(*entry.why, why), **changes)


def _add_items(reader: _Reader, base: TableEntry, cell: Cell, key: tuple[int, int]) -> None:
    """One entry per item of the cell; a cell that spans rows stays open to stretch."""
    items = cell_items(cell)
    for lines, own in items:
        entry = replace(base, title=lines)
        if own is not None:
            entry = replace(entry, start=Given(own.start, "its own text", lines[0].number),
                            end=Given(own.end, "its own text", lines[0].number)
                            if own.end else None)
        reader.entries.append(entry)
    if cell.rowspan > 1 and len(items) == 1:
        reader.open_cells[key] = len(reader.entries) - 1


def _stretch(reader: _Reader, key: tuple[int, int], when: RowWhen) -> None:
    """A cell spanning this row from above: its session lasts to this row's end."""
    index = reader.open_cells.get(key)
    if index is None or when.start is None:
        return
    entry = reader.entries[index]
    last = when.end or when.start
    if entry.start is not None and last.value > entry.start.value and \
            (entry.end is None or last.value > entry.end.value):
        reader.entries[index] = replace(entry, end=replace(last, by="the rows it spans"))


def _spans_from_left(row: Row, index: int) -> bool:
    """A grid copy that comes from the cell on its left (colspan), not from above."""
    if index == 0:
        return False
    cell, left = row.cells[index], row.cells[index - 1]
    return left.colspan > 1 and (left.line, left.lines) == (cell.line, cell.lines)


def _lines(row: Row, column: Column | None) -> tuple[Line, ...]:
    cell = cell_at(row, column)
    return cell.lines if cell is not None and cell.text else ()


def _index(column: Column | None) -> int:
    return column.index if column is not None else -1


def _given(row: Row, column: Column | None) -> Given | None:
    """The first line of a cell ('En physique : Hall' of a cell that goes on about the
    remote link), with its column."""
    cell = cell_at(row, column)
    text = next((ln.text for ln in cell.lines if ln.text), "") if cell is not None else ""
    if not text or column is None:
        return None
    return Given(text, f"column {column.header!r}" if column.header else "its column",
                 row.line)
