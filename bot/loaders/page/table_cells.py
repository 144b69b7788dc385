"""What one table cell says on its own: an hour or a range, a day or a weekday, names of
persons, and the items it holds. The column roles count these over a column; the rows
read them row by row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, time

from bot.loaders.page.grid import lines_of
from bot.loaders.page.values import Cell, EventFrame, Line, Row, Span
from bot.loaders.when import (
    Slot,
    find_days,
    find_ordinal,
    find_times,
    find_weekdays,
    scan_days,
)

_OPENING = re.compile(r"[\s~≈<>(\[*_:.,à-]*")
_PARENTHESES = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_LETTERS = re.compile(r"[^\W\d_]{2,}")
_NAME_JOIN = re.compile(r"\s*(?:[,;&+/]|\bet\b|\band\b|\bund\b|\by\b|\be\b|\ben\b)\s*")
_NAME_PART = re.compile(
    r"(?:[A-ZÀ-ÖØ-Þ](?:[\w'’-]+|\.)(?:-[A-ZÀ-ÖØ-Þ][\w'’]*)?\s*){1,4}", re.UNICODE)
_PARTICLES = re.compile(r"\b(?:de|du|des|d'|le|la|van|von|der|den|da|di|del|ten|ter|el)\s+")
_HANDLE = re.compile(r"@[\w.-]+")
_DIGIT = re.compile(r"\d")
_STRAY_TAG = re.compile(r"<?/?\b(?:td|th|tr|tbody|thead|tfoot|table)\s*>", re.IGNORECASE)
"""What is left of a table tag written broken ('Per Guth/td>'): the HTML parser mends the
table, the fragment stays in the text."""
_SHORT = 8
"""A cell that is only a time or a day has at most this many spaces: longer ones are not
read by the grammars (a title column's cells are long)."""


@dataclass(frozen=True)
class CellFacts:
    """What a header or a lone row says about the sessions under or beside it."""

    day: date | None = None
    weekday: int | None = None
    """A weekday named without a date that the event's frame cannot place."""
    ordinal: int | None = None
    """The event's n-th day ('Jour 2', 'Day Three') that the frame cannot place."""
    start: time | None = None
    end: time | None = None
    room: str | None = None
    track: str | None = None

    @property
    def known(self) -> bool:
        """It names a day, placed or not."""
        return self.day is not None or self.weekday is not None or self.ordinal is not None


def mended(rows: tuple[Row, ...]) -> tuple[Row, ...]:
    """The rows with the fragments of broken table tags taken out of their cells' text."""
    if not any(">" in c.text for r in rows for c in r.cells):
        return rows
    return tuple(replace(r, cells=tuple(_mended(c) for c in r.cells)) for r in rows)


def _mended(cell: Cell) -> Cell:
    if ">" not in cell.text:
        return cell
    lines = tuple(replace(ln, spans=tuple(Span(_STRAY_TAG.sub("", s.text), s.marks, s.href)
                                          for s in ln.spans)) for ln in cell.lines)
    return replace(cell, lines=lines)


def cell_time(text: str, whole: bool = True) -> Slot | None:
    """The hour or range a cell holds. `whole`: the cell is that time and a note at most
    ('0900-1330 (all day)', '17.00 Uhr', '12h00-12h30>'), not '9h30 : Accueil'."""
    if whole and text.count(" ") > _SHORT:
        return None
    slots = find_times(text)
    if not slots:
        return None
    slot = slots[0]
    if not whole:
        return slot
    before, after = text[: slot.span[0]], text[slot.span[1]:]
    if not _OPENING.fullmatch(before):
        return None
    rest = _LETTERS.findall(_PARENTHESES.sub(" ", after))
    return slot if len(rest) <= 1 and all(len(w) <= 4 for w in rest) else None


def cell_day(text: str, frame: EventFrame) -> CellFacts:
    """The day a cell or header holds and little else ('Lundi 21 septembre', '31/01/22',
    'Wednesday', 'Mercoledì 16 Marzo 2022', 'Jour 2'), placed in the event's frame."""
    if not text or (not _LETTERS.search(text) and not _DIGIT.search(text)):
        return CellFacts()
    found = find_days(text, frame.dates)
    if found and _little_else(text, found[0].span):
        return CellFacts(day=found[0].day)
    mentions = scan_days(text, None, None)
    if mentions and mentions[0].month and _little_else(text, mentions[0].span):
        mention = mentions[0]
        same = [d for d in frame.days if (d.month, d.day) == (mention.month, mention.day)]
        if same:
            return CellFacts(day=same[0])
    weekdays = find_weekdays(text, None)
    if weekdays and _little_else(text, weekdays[0][1]):
        weekday = weekdays[0][0]
        placed = frame.weekdays.get(weekday)
        return CellFacts(day=placed) if placed else CellFacts(weekday=weekday)
    ordinal = _ordinal(text)
    if ordinal is not None:
        placed = frame.day_of(ordinal=ordinal)
        return CellFacts(day=placed) if placed else CellFacts(ordinal=ordinal)
    return CellFacts()


def is_day(text: str) -> bool:
    """The cell is a day and little else, with or without a year ('19 novembre',
    'Monday', '31/01/22')."""
    if text.count(" ") > _SHORT or (not _LETTERS.search(text) and not _DIGIT.search(text)):
        return False
    mentions = scan_days(text, None, None)
    if mentions and _little_else(text, mentions[0].span):
        return True
    weekdays = find_weekdays(text, None)
    return (bool(weekdays) and _little_else(text, weekdays[0][1])) or _ordinal(text) is not None


def _ordinal(text: str) -> int | None:
    """The rank of a day a short cell gives ('Jour 2', 'Day Three', '2e journée')."""
    return find_ordinal(text) if text.count(" ") < 4 else None


def _little_else(text: str, span: tuple[int, int]) -> bool:
    """Beside the span, the text holds at most two words ('Day 1 (Monday 19.10.2020)')."""
    rest = text[: span[0]] + " " + text[span[1]:]
    return len(_LETTERS.findall(rest)) <= 2


def looks_like_names(text: str) -> bool:
    """The cell names persons and nothing else: 'Jeanne Roux', 'A. Robin', 'Elio Qoshi &
    Michael Kohler', 'Matteo Collina @mcollina', '*Jeanne Roux*' (Markdown marks written
    inside an HTML table, which show as they are); not 'Pause café' nor 'Slides'."""
    plain = _PARTICLES.sub("", _HANDLE.sub(" ", _PARENTHESES.sub(" ", text))).strip(" .*_")
    if not plain or _DIGIT.search(plain):
        return False
    parts = [p for p in _NAME_JOIN.split(plain) if p.strip()]
    if not parts or len(parts) > 12:
        return False
    for part in parts:
        words = part.split()
        if (len(words) < 2 and not (len(words) == 1 and part.endswith("."))) or len(words) > 4:
            return False
        if not _NAME_PART.fullmatch(part.strip() + " "):
            return False
    return True


def names_only(cell: Cell) -> bool:
    """The cell is a list of persons (`<li>Name</li>`…), not of sessions."""
    lists = [b for b in cell.blocks if b.kind == "list"]
    if len(lists) != 1 or len(cell.blocks) != 1:
        return False
    items = [" ".join(ln.text for ln in lines_of(i)) for i in lists[0].children]
    return bool(items) and all(looks_like_names(i) for i in items if i)


def cell_items(cell: Cell) -> list[tuple[tuple[Line, ...], Slot | None]]:
    """The items a cell holds: parts split by rules, items of a list, lines that each
    start with a time."""
    parts: list[tuple[Line, ...]] = []
    if cell.blocks:
        current: list[Line] = []
        for block in cell.blocks:
            if block.kind == "rule":
                parts.append(tuple(current))
                current = []
            elif block.kind == "list":
                parts.append(tuple(current))
                current = []
                parts.extend(tuple(lines_of(item)) for item in block.children)
            else:
                current.extend(lines_of(block))
        parts.append(tuple(current))
    else:
        parts.append(cell.lines)
    out: list[tuple[tuple[Line, ...], Slot | None]] = []
    for part in (p for p in parts if any(ln.text for ln in p)):
        out.extend(_timed_lines(part))
    return out


def _timed_lines(lines: tuple[Line, ...]) -> list[tuple[tuple[Line, ...], Slot | None]]:
    """Lines of a cell that each start with a time are items of their own ('9h Accueil'
    / '9h30 Ouverture'); other lines go with the item above."""
    if len(lines) < 2:
        return [(lines, None)]
    leads = [_leading_time(line) for line in lines]
    if sum(1 for slot in leads if slot is not None) < 2:
        return [(lines, None)]
    out: list[tuple[tuple[Line, ...], Slot | None]] = []
    for line, slot in zip(lines, leads, strict=True):
        if slot is not None or not out:
            out.append(((line,), slot))
        else:
            out[-1] = ((*out[-1][0], line), out[-1][1])
    return out


def _leading_time(line: Line) -> Slot | None:
    slots = find_times(line.text)
    return slots[0] if slots and not line.text[: slots[0].span[0]].strip(" *_[(") else None
