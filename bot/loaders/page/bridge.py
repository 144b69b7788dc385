"""The rendered blocks written back as inline Markdown, for the line grammar of the rows
stage (`row_grammar`, `talks`), which reads marks as `**bold**` and `[text](url)`.

A `Line` is written back with its spans' marks; lines cut by a hard break (a `<br>`, two
trailing spaces, a backslash) are joined by `<br>`, lines cut by a soft break (a newline
of the source) by a newline, which `MarkdownBlock.lines` joins again unless the line
before is complete (all bold, or ending with ':').

A *card* — a `<div>` of a few short lines one of which starts with hours, a list item of
such lines, paragraphs each led by their hours alone — is written as a list item, and a
run of cards as a list; so is a definition list of hours.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from bot.loaders.page.row_grammar import leading_time
from bot.loaders.page.values import Block, Line
from bot.loaders.talks.fields import starts_field
from bot.loaders.talks.markup import inline_text
from bot.loaders.when import find_times

_ENDS_A_LINE = re.compile(r"^(?:\*\*[^*]+\*\*|__[^_]+__|\*[^*]+\*)\s*[:.]?$|.*[:]$")
"""A line all in bold (or italics), or ending with ':', is complete: the next is another line."""
_BR = re.compile(r"<br\s*/?>", re.I)
_CARD_LINES = 8
"""A card holds a few lines (hours, title, names, a room, a short description)."""
_MOSTLY = 0.6
_ENUMERATED = 3
"""An enumeration written as lines holds this many at least."""
_ITEM_WORDS = 16
"""The words of a title at most: longer lines ending with ';' are clauses of prose."""
_WORDS = re.compile(r"\w")
_STARTS_A_LINE = re.compile(r"^(?:Avec|Par|With|By|Speakers?|Intervenant)\b|^[*_][^*_]")
"""A line that starts a credit or an emphasis is a line of its own, not a wrapped one."""


@dataclass
class MarkdownBlock:
    """One block with its text as inline Markdown. `kind` is heading, paragraph, list,
    item, table or quote; `rows` the cells of a table, each row with its line."""

    kind: str
    line: int
    text: str = ""
    level: int = 0
    ordered: bool = False
    children: list[MarkdownBlock] = field(default_factory=list)
    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    source: Block | None = None
    """The rendered block it is written from (a table's cells, with their lines)."""

    def lines(self) -> list[str]:
        """The text's logical lines: a `<br>` ends a line, and so does a soft line break
        after a line that is all bold (a title over its description) or ends with ':',
        unless the next goes on in lower case ('… les mathématiques :' over 'atelier
        « … »'); any other soft break only wraps a long line."""
        return list(self._logical_lines)

    @cached_property
    def _logical_lines(self) -> tuple[str, ...]:
        """`lines`, worked out once: the rows stage asks them of an item's first
        paragraph several times (its hours, its text, its reading)."""
        if "\n" not in self.text and "<" not in self.text:  # one line (most items): as is
            return (head,) if (head := self.text.strip()) else ()
        lines: list[_LogicalLine] = []
        for raw in self.text.split("\n"):
            parts = [p.strip() for p in _BR.split(raw)]
            head, rest = parts[0], parts[1:]
            wraps = bool(lines) and (not lines[-1].complete
                               or (lines[-1].parts[-1].endswith(":") and head[:1].islower()))
            if (head and wraps and not _STARTS_A_LINE.match(head)
                    and not starts_field(head)):
                lines[-1].add(head)
            elif head:
                lines.append(_LogicalLine(head))
            lines.extend(_LogicalLine(p) for p in rest if p)
        return tuple(line.text() for line in lines)


class _LogicalLine:
    """A logical line made of the source lines it wraps, and whether it is complete (as
    `_ENDS_A_LINE` says of their text), kept up as each is added: testing the joined text
    again for each of 100,000 short lines of one paragraph would take a time that grows
    as the square of the paragraph.

    The pattern reads a line all in emphasis only when the line starts and ends with the
    mark and holds it two or four times: its marks are counted as lines are added, and
    the pattern runs only then, a few times per line at most."""

    def __init__(self, first: str) -> None:
        self.parts = [first]
        self.marks = {"*": first.count("*"), "_": first.count("_")}
        self.complete = self._ends()

    def add(self, part: str) -> None:
        self.parts.append(part)
        for mark in self.marks:
            self.marks[mark] += part.count(mark)
        self.complete = self._ends()

    def text(self) -> str:
        return " ".join(self.parts)

    def _ends(self) -> bool:
        last = self.parts[-1]
        if last.endswith(":"):
            return True
        closing = last.rstrip()
        closing = (closing[:-1] if closing.endswith(".") else closing).rstrip()[-1:]
        opening = self.parts[0][:1]
        if closing != opening or self.marks.get(opening, 5) > 4:
            return False
        return bool(_ENDS_A_LINE.match(self.text()))


def markdown_blocks(blocks: tuple[Block, ...]) -> list[MarkdownBlock]:
    """The blocks the rows stage reads: groups and code read as HTML are opened, rules
    and plain code left out; a run of cards is a list, each card an item."""
    out: list[MarkdownBlock] = []
    run: list[tuple[Block, str]] = []
    for block in blocks:
        text = _card_text(block)
        if text is not None:
            run.append((block, text))
            continue
        out.extend(_cards(run))
        run = []
        out.extend(_written(block))
    out.extend(_cards(run))
    return out


def _card_text(block: Block) -> str | None:
    """The text of a card (its lines apart), or of a paragraph led by its hours alone
    ('09:00 - 09:30' over 'Title' over 'Name'); None for any other block."""
    lines = _card_lines(block)
    if lines is not None:
        return _apart(lines)
    if block.kind != "paragraph" or not _hour_led(block.lines):
        return None
    return joined(block.lines)


def _hour_led(lines: Sequence[Line]) -> bool:
    """A few lines, the first only hours, the others none."""
    if not 2 <= len(lines) <= _CARD_LINES or _timed_lines(lines) != 1:
        return False
    led = leading_time(lines[0].markdown)
    return led is not None and not _WORDS.search(led[2])


def _cards(run: list[tuple[Block, str]]) -> list[MarkdownBlock]:
    """A run of cards as a list. A lone paragraph led by hours is not one: under a
    heading it gives the heading its hours ('### Keynote' over '*14h-15h*')."""
    if len(run) == 1 and run[0][0].kind == "paragraph":
        return _written(run[0][0])
    items = [_item(block.line, text) for block, text in run]
    return [MarkdownBlock("list", run[0][0].line, children=items)] if items else []


def _card_lines(block: Block) -> tuple[Line, ...] | None:
    """The lines of a card: a `<div>` (or `<section>`, `<article>`…) of a few short
    blocks, one and only one of which starts with a time ('09:00 - 09:30' over 'Title'
    over 'Name'), which a page shows as one session. None for any other block (a group of
    cards is none)."""
    lines = _field_lines(block.children) if block.kind == "group" else None
    if lines is None or not 2 <= len(lines) <= _CARD_LINES or _timed_lines(lines) != 1:
        return None
    return tuple(lines)


def _field_lines(children: tuple[Block, ...]) -> list[Line] | None:
    """The lines of blocks that are only paragraphs, headings and groups of them."""
    lines: list[Line] = []
    for child in children:
        inner = _card_lines(child) if child.kind == "group" else (
            child.lines if child.kind in ("paragraph", "heading") else None)
        if inner is None:
            return None
        lines.extend(inner)
    return lines


def _apart(lines: Sequence[Line]) -> str:
    """Lines as one text, each a line of its own (joined by `<br>`)."""
    return "<br>".join(ln.markdown for ln in lines if ln.markdown.strip())


def _timed_lines(lines: Sequence[Line]) -> int:
    return sum(1 for line in lines if leading_time(line.markdown))


def _item(line: int, text: str, nested: tuple[Block, ...] = ()) -> MarkdownBlock:
    """A list item whose first paragraph is `text`, over `nested` blocks."""
    return MarkdownBlock("item", line, children=[MarkdownBlock("paragraph", line, text),
                                                 *markdown_blocks(nested)])


def _definitions(block: Block) -> list[MarkdownBlock] | None:
    """A definition list whose terms or definitions mostly start with a time
    (`<dt>09:00</dt><dd>Title, Name</dd>`): a list, one item per term and its
    definitions. None for any other definition list."""
    pairs: list[tuple[Block, list[Block]]] = []
    for child in block.children:
        if child.kind == "term" or not pairs:
            pairs.append((child, []))
        else:
            pairs[-1][1].append(child)
    items: list[tuple[int, tuple[Line, ...], tuple[Block, ...]]] = []
    timed = 0
    for term, definitions in pairs:
        lines = list(term.lines)
        nested: list[Block] = []
        for definition in definitions:
            for inner in definition.children:
                if inner.kind == "paragraph" and not nested:
                    lines.extend(inner.lines)
                else:
                    nested.append(inner)
        timed += _timed_lines(lines[:2]) > 0
        items.append((term.line, tuple(lines), tuple(nested)))
    if not items or timed < _MOSTLY * len(items):
        return None
    return [MarkdownBlock("list", block.line,
                          children=[_item(line, _apart(lines), nested)
                                    for line, lines, nested in items if lines])]


def _written(block: Block) -> list[MarkdownBlock]:
    kind = block.kind
    if kind == "heading":
        text = joined(block.lines)
        return [MarkdownBlock("heading", block.line, text, block.level)] if text else []
    if kind == "paragraph" and _enumeration(block.lines):
        items = [_item(line.number, line.markdown.rstrip().rstrip(";").rstrip())
                 for line in block.lines]
        return [MarkdownBlock("list", block.line, children=items)]
    if kind in ("paragraph", "term"):
        return [MarkdownBlock("paragraph", lines[0].number, text)
                for lines in timed_runs(block.lines) if (text := joined(lines))]
    if kind == "list":
        items = [b for child in block.children for b in _written(child)]
        return [MarkdownBlock("list", block.line, ordered=block.ordered, children=items)]
    if kind == "item":
        fields = _field_lines(block.children) if len(block.children) > 1 else None
        if fields is not None and _hour_led(fields):  # <li><p>09:00</p><p>Title</p></li>
            return [_item(block.line, _apart(fields))]
        return [MarkdownBlock("item", block.line, children=markdown_blocks(block.children))]
    if kind == "quote":
        return [MarkdownBlock("quote", block.line, children=markdown_blocks(block.children))]
    if kind == "table":
        rows = [(row.line, [_cell(cell.lines) for cell in row.cells]) for row in block.rows]
        rows = [row for row in rows if row[1]]
        return [MarkdownBlock("table", rows[0][0], rows=rows, source=block)] if rows else []
    if kind == "terms":
        return _definitions(block) or markdown_blocks(block.children)
    if kind in ("group", "definition", "code"):
        return markdown_blocks(block.children)
    return []


def _enumeration(lines: Sequence[Line]) -> bool:
    """Short lines of one paragraph, each but maybe the last ending with ';' ('Introduction
    à LaTeX;' over 'Install Party;'): a list written without its bullets."""
    if len(lines) < _ENUMERATED or any(len(line.text.split()) > _ITEM_WORDS for line in lines):
        return False
    return all(line.text.endswith(";") for line in lines[:-1])


def timed_runs(lines: tuple[Line, ...]) -> list[tuple[Line, ...]]:
    """A paragraph whose lines start with times one after the other ('09:00 Accueil' /
    '09:30 Ouverture', joined by line breaks) holds one item per timed line, each with
    the untimed lines under it, after the lines before the first, each on its own (a day
    label, 'Room:'); so does one timed line with its title under bold labels ('**Session
    5**' over '17:00-18:30 Panel'), as its neighbours' timed lines do. Any other paragraph
    is one."""
    if len(lines) < 2:
        return [lines]
    timed = [bool(leading_time(line.markdown)) for line in lines]
    if sum(timed) < 2 and not _labelled_line(lines, timed):
        return [lines]
    first = timed.index(True)
    runs: list[tuple[Line, ...]] = [(line,) for line in lines[:first]]  # labels, each alone
    start = first
    for index in range(first + 1, len(lines)):
        if timed[index]:
            runs.append(lines[start:index])
            start = index
    runs.append(lines[start:])
    return runs


def _labelled_line(lines: tuple[Line, ...], timed: list[bool]) -> bool:
    """The last line alone starts with hours and gives a title after them (not more hours:
    'de 10h à 11h, de 14h à 15h' under a title), and every line before it is a label in
    bold."""
    found = leading_time(lines[-1].markdown) if timed[-1] else None
    title = inline_text(found[2])[0].strip() if found else ""
    return bool(title) and not find_times(title) and all(
        _BOLD_LABEL.fullmatch(line.markdown) for line in lines[:-1])


_BOLD_LABEL = re.compile(r"\s*\*\*[^*]{1,60}\*\*\s*\\?\s*")


def joined(lines: tuple[Line, ...]) -> str:
    """Lines as one Markdown text: hard breaks as `<br>`, soft ones as newlines."""
    parts: list[str] = []
    for line in lines:
        if parts:
            parts.append("<br>" if line.brk == "hard" else "\n")
        parts.append(line.markdown)
    return "".join(parts)


def _cell(lines: tuple[Line, ...]) -> str:
    return "<br>".join(line.markdown for line in lines)
