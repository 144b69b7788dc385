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

from bot.loaders.page.table_cells import CellFacts, cell_day, cell_items, cell_time, names_only
from bot.loaders.page.table_roles import Column, Layout, column_roles, is_lone
from bot.loaders.page.values import Block, Cell, EventFrame, Given, Line, Row
from bot.loaders.when import TimeLine, find_times
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


@dataclass(frozen=True)
class _RowWhen:
    """A body row's hours and day, continued from the rows above where its cells are
    empty, and its label row."""

    row: Row
    start: Given | None = None
    end: Given | None = None
    day: Given | None = None
    weekday: int | None = None
    section: str = ""
    lone: bool = False
    why: tuple[str, ...] = ()
    titled: bool = True
    """Its title cell holds text (or it is a row of a grid)."""
    credited: bool = False
    """Its speakers cell holds text."""


@dataclass
class _Reader:
    """Reads the body rows of one table (mutable while it reads, frozen values out)."""

    layout: Layout
    frame: EventFrame
    entries: list[TableEntry] = field(default_factory=list)
    notes: list[tuple[int, str]] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)
    open_cells: dict[tuple[int, int], int] = field(default_factory=dict)
    """(cell line, column) of a cell spanning rows → its entry, to stretch its end."""


def read_table(block: Block, frame: EventFrame) -> TableReading:
    """The sessions a table block gives, as entries for the rows stage."""
    layout = column_roles(block.rows, frame)
    reader = _Reader(layout, frame)
    if layout.find("title") is None and not layout.sessions:
        if any(c.text for r in layout.body for c in r.cells):
            reader.problems.append((block.line, "table with no title column: expected a "
                                    "header such as 'Présentation' or 'Titre'"))
        return TableReading(layout, (), (), tuple(reader.problems))
    whens = _whens(reader, layout.body)
    groups = _groups(whens)
    for index, when in enumerate(whens):
        if when.lone:
            continue
        if index in groups:
            reader.notes.append((when.row.line, f"its hours {_hours(when)} hold the "
                                 f"{groups[index]} rows after it: it groups them"))
            continue
        if layout.sessions:
            _grid_row(reader, when)
        else:
            _title_row(reader, when)
    return TableReading(layout, tuple(reader.entries), tuple(reader.notes),
                        tuple(reader.problems))


# --- hours and days, row by row ------------------------------------------------------------


def _whens(reader: _Reader, body: tuple[Row, ...]) -> list[_RowWhen]:
    layout, frame = reader.layout, reader.frame
    width = len(layout.columns)
    timeline = TimeLine()
    facts = layout.facts
    day = Given(facts.day, "the table's header", body[0].line if body else 0) \
        if facts.day else None
    weekday = facts.weekday
    start = end = None
    section = ""
    out: list[_RowWhen] = []
    for row in body:
        if _repeats_header(row, layout):
            reader.notes.append((row.line, "the header again"))
            out.append(_RowWhen(row, lone=True))
            continue
        if is_lone(row, width) and (row.header or not _in_title_column(row, layout)):
            text = next(c for c in row.cells if c.text).text
            found = cell_day(text, frame)
            if found.known:
                day = Given(found.day, f"the row {text!r}", row.line) if found.day else None
                weekday, start, end = found.weekday, None, None
                timeline.new_day()
                reader.notes.append((row.line, f"a row that gives the day: {text!r}"))
            elif len(text.split()) > _NOTE_WORDS:
                reader.notes.append((row.line, "a note about the row above, not a session"))
            else:
                section = text
                reader.notes.append((row.line, f"a label for the rows under it: {text!r}"))
            out.append(_RowWhen(row, lone=True))
            continue
        why: list[str] = []
        day, weekday = _row_day(row, layout, frame, day, weekday, why)
        if day is not None and out and out[-1].day != day:
            timeline.new_day()
        start, end = _row_hours(reader, row, timeline, start, end, why)
        titled = bool(layout.sessions) or bool(_text(row, layout.find("title")))
        credited = bool(_text(row, layout.find("speakers")))
        out.append(_RowWhen(row, start, end, day, weekday, section, False, tuple(why),
                            titled, credited))
    return out


def _repeats_header(row: Row, layout: Layout) -> bool:
    """The row says again what the header says ('Horaire | Titre' further down)."""
    headers = [c.header for c in layout.columns]
    texts = [c.text.strip(" *_") for c in row.cells]
    same = [t for t, h in zip(texts, headers, strict=False) if t and t == h]
    return len(same) >= min(2, sum(1 for h in headers if h)) and len(same) == sum(
        1 for t in texts if t)


def _in_title_column(row: Row, layout: Layout) -> bool:
    """The lone cell of a row is its title cell (beside empty cells): a session whose
    time continues the one above."""
    title = layout.find("title")
    if title is None or title.index >= len(row.cells):
        return False
    cell = row.cells[title.index]
    return bool(cell.text) and cell.colspan == 1 and not cell.spanned


def _row_day(row: Row, layout: Layout, frame: EventFrame, day: Given | None,
             weekday: int | None, why: list[str]) -> tuple[Given | None, int | None]:
    column = layout.find("day")
    if column is None or column.index >= len(row.cells):
        return day, weekday
    text = row.cells[column.index].text
    if not text:
        if day is not None or weekday is not None:
            why.append("an empty day cell: the day above goes on")
        return day, weekday
    found = cell_day(text, frame)
    if not found.known:
        return day, weekday
    why.append(f"its day cell {text!r}")
    by = f"column {column.header!r}" if column.header else "the day column"
    return (Given(found.day, by, row.line) if found.day else None), found.weekday


def _row_hours(reader: _Reader, row: Row, timeline: TimeLine, start: Given | None,
               end: Given | None, why: list[str]) -> tuple[Given | None, Given | None]:
    layout = reader.layout
    column = layout.find("time") or layout.find("start")
    if column is None or column.index >= len(row.cells):
        return None, None
    text = row.cells[column.index].text
    by = f"column {column.header!r}" if column.header else "the time column"
    if not text:
        if start is not None:
            why.append("an empty time cell: the time above goes on")
        return start, end
    slot = next(iter(find_times(text)), None)
    if slot is None:
        reader.problems.append((row.line, f"cannot read the time {text!r}: expected e.g. "
                                "'14h-14h20'"))
        return None, None
    ends = layout.find("end")
    if slot.end is None and ends is not None and ends.index < len(row.cells):
        closing = cell_time(row.cells[ends.index].text)
        if closing is not None:
            slot = slot._replace(end=closing.start, last=closing.first)
    first, last = timeline.read(slot)
    why.append(f"its time cell {text!r}")
    return Given(first, by, row.line), (Given(last, by, row.line) if last else None)


def _hours(when: _RowWhen) -> str:
    if when.start is None:
        return ""
    start = when.start.value.strftime("%H:%M")
    return f"{start}-{when.end.value.strftime('%H:%M')}" if when.end else start


def _groups(whens: list[_RowWhen]) -> dict[int, int]:
    """Rows whose range holds the ranges of the rows after it, one after the other, from
    its start to its end (« Séance 1, 14:00-17:00 » over 14:00-15:30 and 16:00-17:00),
    and that say less than they do (no title cell, or no speakers where they have some):
    index → how many rows it groups."""
    found: dict[int, int] = {}
    for index, when in enumerate(whens):
        if when.lone or when.start is None or when.end is None:
            continue
        first, last = when.start.value, when.end.value
        children: list[_RowWhen] = []
        for after in whens[index + 1:]:
            if after.lone or after.start is None or after.end is None or after.day != when.day:
                break
            begin, finish = after.start.value, after.end.value
            inside = first <= begin < finish <= last and (begin, finish) != (first, last)
            follows = not children or begin >= children[-1].end.value
            if not (inside and follows):
                break
            children.append(after)
        lesser = not when.titled or (not when.credited and any(c.credited for c in children))
        if len(children) >= 2 and children[0].start.value == first \
                and children[-1].end.value == last and lesser:
            found[index] = len(children)
    return found


# --- sessions ----------------------------------------------------------------------------


def _title_row(reader: _Reader, when: _RowWhen) -> None:
    """A row that is one session (or one per item of its title cell)."""
    layout, row = reader.layout, when.row
    title_column = layout.find("title")
    assert title_column is not None
    cell = _cell(row, title_column)
    label_cell = _cell(row, layout.find("label"))
    label = label_cell.text if label_cell is not None else ""
    why = list(when.why)
    if cell is not None and cell.spanned:
        if not _spans_from_left(row, title_column.index):
            _stretch(reader, (cell.line, title_column.index), when)
            return
        label = ""  # a label cell spanning into the title column ('Coffee break')
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
        kind=_text(row, layout.find("kind")), speakers=speakers,
        organisations=_lines(row, layout.find("organisation")),
        links=tuple(link for line in _lines(row, layout.find("material"))
                    for link in line.links),
        section=when.section, why=tuple(why))
    _add_items(reader, base, cell, (cell.line, title_column.index))


def _grid_row(reader: _Reader, when: _RowWhen) -> None:
    """A row of a grid: each non-empty cell of a column of sessions is one, with what its
    column's header says (a room, a track, a day, hours)."""
    layout, row = reader.layout, when.row
    for column in layout.sessions:
        cell = _cell(row, column)
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


def _stretch(reader: _Reader, key: tuple[int, int], when: _RowWhen) -> None:
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


def _cell(row: Row, column: Column | None) -> Cell | None:
    if column is None or column.index >= len(row.cells):
        return None
    return row.cells[column.index]


def _text(row: Row, column: Column | None) -> str:
    cell = _cell(row, column)
    return cell.text if cell is not None else ""


def _lines(row: Row, column: Column | None) -> tuple[Line, ...]:
    cell = _cell(row, column)
    return cell.lines if cell is not None and cell.text else ()


def _index(column: Column | None) -> int:
    return column.index if column is not None else -1


def _given(row: Row, column: Column | None) -> Given | None:
    """The first line of a cell ('En physique : Hall' of a cell that goes on about the
    remote link), with its column."""
    cell = _cell(row, column)
    text = next((ln.text for ln in cell.lines if ln.text), "") if cell is not None else ""
    if not text or column is None:
        return None
    return Given(text, f"column {column.header!r}" if column.header else "its column",
                 row.line)
