"""The hours and day of each body row of a programme table: from its time and day cells,
continued from the rows above where they are empty; rows across the table that give the
day or a label, or are notes; rows whose range only groups the rows after it.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.loaders.page.table_cells import cell_day, cell_time
from bot.loaders.page.table_roles import Layout, is_lone, text_at
from bot.loaders.page.values import EventFrame, Given, Row
from bot.loaders.when import TimeLine, find_times

_NOTE_WORDS = 12
"""A lone row of more words than this is a note (an abstract), not a label."""


@dataclass(frozen=True)
class RowWhen:
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


def row_timings(layout: Layout, frame: EventFrame, notes: list[tuple[int, str]],
                problems: list[tuple[int, str]]) -> list[RowWhen]:
    """Each body row with its hours and day; what other rows are read as goes to `notes`,
    unreadable times to `problems`."""
    body = layout.body
    width = len(layout.columns)
    timeline = TimeLine()
    facts = layout.facts
    day = Given(facts.day, "the table's header", body[0].line if body else 0) \
        if facts.day else None
    weekday = facts.weekday
    start = end = None
    section = ""
    out: list[RowWhen] = []
    for row in body:
        if _repeats_header(row, layout):
            notes.append((row.line, "the header again"))
            out.append(RowWhen(row, lone=True))
            continue
        if _column_labels(row, width):
            notes.append((row.line, "a header row of labels for the columns under it"))
            out.append(RowWhen(row, lone=True))
            continue
        if is_lone(row, width) and (row.header or not _in_title_column(row, layout)):
            text = next(c for c in row.cells if c.text).text
            found = cell_day(text, frame)
            if found.known:
                day = Given(found.day, f"the row {text!r}", row.line) if found.day else None
                weekday, start, end = found.weekday, None, None
                timeline.new_day()
                notes.append((row.line, f"a row that gives the day: {text!r}"))
            elif len(text.split()) > _NOTE_WORDS:
                notes.append((row.line, "a note about the row above, not a session"))
            else:
                section = text
                notes.append((row.line, f"a label for the rows under it: {text!r}"))
            out.append(RowWhen(row, lone=True))
            continue
        why: list[str] = []
        day, weekday = _row_day(row, layout, frame, day, weekday, why)
        if day is not None and out and out[-1].day != day:
            timeline.new_day()
        start, end = _row_hours(layout, row, timeline, (start, end), why, problems)
        titled = bool(layout.sessions) or bool(text_at(row, layout.find("title")))
        credited = bool(text_at(row, layout.find("speakers")))
        out.append(RowWhen(row, start, end, day, weekday, section, False, tuple(why),
                            titled, credited))
    return out


def _repeats_header(row: Row, layout: Layout) -> bool:
    """The row says again what the header says ('Horaire | Titre' further down)."""
    headers = [c.header for c in layout.columns]
    texts = [c.text.strip(" *_") for c in row.cells]
    same = [t for t, h in zip(texts, headers, strict=False) if t and t == h]
    return len(same) >= min(2, sum(1 for h in headers if h)) and len(same) == sum(
        1 for t in texts if t)


def _column_labels(row: Row, width: int) -> bool:
    """A row of header cells in the body, several and none a time ('<th>Track A</th>
    <th>Track B</th>' under a row across the table): labels of the columns, no session."""
    texts = [c.text for c in row.cells if c.text and not c.spanned]
    return (row.header and len(texts) > 1 and not is_lone(row, width)
            and all(cell_time(t) is None for t in texts))


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


def _row_hours(layout: Layout, row: Row, timeline: TimeLine,
               above: tuple[Given | None, Given | None], why: list[str],
               problems: list[tuple[int, str]]) -> tuple[Given | None, Given | None]:
    start, end = above
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
        problems.append((row.line, f"cannot read the time {text!r}: expected e.g. "
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


def hours_text(when: RowWhen) -> str:
    if when.start is None:
        return ""
    start = when.start.value.strftime("%H:%M")
    return f"{start}-{when.end.value.strftime('%H:%M')}" if when.end else start


def groups(whens: list[RowWhen]) -> dict[int, int]:
    """Rows whose range holds the ranges of the rows after it, one after the other, from
    its start to its end (« Séance 1, 14:00-17:00 » over 14:00-15:30 and 16:00-17:00),
    and that say less than they do (no title cell, or no speakers where they have some):
    index → how many rows it groups."""
    found: dict[int, int] = {}
    for index, when in enumerate(whens):
        if when.lone or when.start is None or when.end is None:
            continue
        first, last = when.start.value, when.end.value
        children: list[RowWhen] = []
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
