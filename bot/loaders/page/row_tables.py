"""Programme tables for the rows stage: each entry of `table_entries` read by the line
grammar into the title, speakers, organisations and links of one session.

A title cell of several lines, or any title cell of a table with no speakers column, is
read as a programme line ('Title' over 'Name (Org)', 'Title - Name'); a speakers cell as a
credit ('A, B et C - Org'); an organisation column adds its organisation; the label or
kind column hints the kind ('Lecture 01', 'Atelier'), and a label that names persons after
its colon ('Keynote: Name') credits them.
"""

from __future__ import annotations

import re
from calendar import day_name
from dataclasses import dataclass, replace

from bot.loaders.page.row_grammar import (
    LineReading,
    read_line,
    trailing_room,
    without_trailing_notes,
)
from bot.loaders.page.table_entries import TableEntry, TableReading, read_table
from bot.loaders.page.values import Block, EventFrame, Line
from bot.loaders.talks.credits import find_credit, label_credit, parse_credit
from bot.loaders.talks.kinds import cell_label_kind, kind_hint
from bot.loaders.talks.markup import inline_text
from bot.loaders.talks.names import NAME
from bot.loaders.talks.titles import (
    Talk,
    clean_title,
    joined_talks,
    without_kind_label,
    without_pictographs,
)
from bot.loaders.when import DateContext

_NAME = re.compile(NAME)


@dataclass(frozen=True)
class TableRow:
    """One session of a table, read: its line, what its cells say, the kind its label or
    kind column hints, and the label row above it."""

    line: int
    reading: LineReading
    kind: str | None = None
    section: str = ""


@dataclass(frozen=True)
class TableRows:
    """A table's sessions, what its other rows were read as, and its problems."""

    table: TableReading
    rows: tuple[TableRow, ...]


def table_rows(block: Block, frame: EventFrame) -> TableRows:
    """The sessions of a table block, each read as a programme line."""
    table = read_table(block, frame)
    credited = table.layout.find("speakers") is not None
    return TableRows(table, tuple(part for entry in table.entries
                                  for part in _joined(_row(entry, frame.dates, credited))))


def _joined(row: TableRow) -> tuple[TableRow, ...]:
    """A title cell that joins two credited talks with ';' ('Docker (A, B); bulker.io (C)')
    holds two sessions at the row's hours."""
    talks = joined_talks(row.reading.talk)
    if len(talks) == 1:
        return (row,)
    return tuple(replace(row, reading=replace(row.reading, talk=talk)) for talk in talks)


def _row(entry: TableEntry, dates: DateContext, credited: bool) -> TableRow:
    """`credited`: the table has a speakers column; a title cell of one line is then only
    a title, else it may credit them itself ('Title - Name', 'Title (Name)')."""
    title_lines = [ln.markdown for ln in entry.title if ln.text]
    links: tuple = ()
    speakers: tuple = ()
    organisations: tuple[str, ...] = ()
    description: list[str] = []
    if entry.speakers:
        speakers, organisations, links = parse_credit(_speakers_cell(entry.speakers))
    if not speakers and (len(title_lines) > 1 or not credited):
        own = read_line(title_lines, dates)
        talk, description = own.talk, own.description
        speakers = talk.speakers or speakers
        organisations = tuple(dict.fromkeys((*talk.organisations, *organisations)))
        links = (*talk.links, *links)
        start, end = (own.start, own.end) if own.start and entry.start is None else (
            _value(entry.start), _value(entry.end))
        title, label_kind = talk.title, talk.kind
    else:
        # 'Lecture: [Title](…)': the label gives the kind and is not part of the title
        label_kind, first = (without_kind_label(without_pictographs(title_lines[0]))
                             if title_lines else (None, ""))
        title = clean_title(inline_text(without_trailing_notes(first))[0])
        own_links = inline_text(first)[1]  # the notes' links too ('([part1](…))')
        links = (*own_links, *links)
        description = title_lines[1:]
        start, end = _value(entry.start), _value(entry.end)
    detail = [ln.markdown for ln in entry.description if ln.text]
    if not speakers and (credit := _credit_beside(entry.label, detail)):
        speakers, organisations = credit[0], tuple(dict.fromkeys((*organisations, *credit[1])))
    description = [*description, *detail]
    if entry.organisations:
        organisations = tuple(dict.fromkeys((*organisations,
                                             inline_text(_cell(entry.organisations))[0])))
    reading = LineReading(
        start=start, end=end, days=[entry.day.value] if entry.day else [],
        talk=Talk(title, tuple(speakers), organisations, (*links, *entry.links), label_kind),
        description=description, why=[*entry.why, *_unplaced(entry)],
        raw=" ".join(ln.text for ln in entry.title),
        room=str(entry.room.value) if entry.room else None)
    trailing_room(reading)
    # the kind column, else the label, else the room or track ('ATELIER 1' holds workshops)
    hints = (hint(text) for hint, text in ((kind_hint, entry.kind), (cell_label_kind, entry.label),
                                           (kind_hint, reading.room)) if text)
    return TableRow(entry.line, reading, next((h for h in hints if h), None), entry.section)


def _credit_beside(label: str, detail: list[str]) -> tuple | None:
    """Who the row credits outside its title and speakers cells: its label ('Keynote:
    Name'), else its description cell (« Ouverture par Name (Org) »)."""
    credit = label_credit(label)
    if not credit and detail:
        credit = find_credit(inline_text(detail[0])[0])
    return credit


def _unplaced(entry: TableEntry) -> list[str]:
    """A weekday the event's days do not hold: said, the session keeps the event's day."""
    if entry.weekday is None or entry.day is not None:
        return []
    return [f"a weekday ({day_name[entry.weekday]}) that is none of the event's days"]


def _cell(lines: tuple[Line, ...]) -> str:
    return "<br>".join(line.markdown for line in lines)


def _speakers_cell(lines: tuple[Line, ...]) -> str:
    """A speakers cell as one credit: lines that each name one person (a list of names)
    are joined as a list is ('A, B, C'), other lines ('A &' over 'B', 'Name' over 'Org')
    as they are written."""
    if len(lines) > 1 and all(_NAME.fullmatch(inline_text(ln.markdown)[0]) for ln in lines):
        return ", ".join(line.markdown for line in lines)
    return _cell(lines)


def _value(given):
    return given.value if given is not None else None
