"""Find and read the programme of a page's document tree.

The outline (`outline.py`) is walked in page order with a stack of scopes: each section (a
heading or a bold label) may give a day ('6 décembre de 14h à 18h', '**25/11/2020**'),
hours ('#### 14h', '**8h - 11h**'), a room ('Salle PLATEAU 1 : ...') or a kind ('Les
ateliers de l'après-midi'); a timed line
('**14h30 :** Mots d'ouverture', '[10h15 - 12h] Plénière') opens a slot. Items of lists,
timed paragraphs and table rows are candidate sessions; a slot or an item whose nested
list holds sessions is a container (its hours go to them); a nested list of persons gives
speakers. Each section's candidates are kept or rejected together by their evidence
(`evidence`, weighed in `scoring`), and every decision is written down for --explain.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from bot.loaders.page import evidence
from bot.loaders.page.bridge import MarkdownBlock as Block
from bot.loaders.page.outline import HEADING, IGNORED, QUOTE, Section
from bot.loaders.page.row_grammar import LineReading, leading_time, read_line, when_text
from bot.loaders.page.row_tables import table_rows
from bot.loaders.page.scopes import (
    CREDIT_LABEL,
    PageContext,
    Row,
    Scope,
    add_speakers,
    heading_scope,
)
from bot.loaders.page.values import EventFrame, Evidence, Facts
from bot.loaders.talks import (
    INSTITUTION,
    NAME,
    Talk,
    find_credit,
    inline_text,
    kind_hint,
)
from bot.programme.model import Speaker
from bot.wording.folding import fold

_WHERE = re.compile(r"^\s*\**\s*(?:o[uù]\s*\?|where\s*\?|lieu\s*:)\s*\**\s*(?P<room>.+)$", re.I)
_PERSON = re.compile(rf"^(?P<name>{NAME})(?=\s*(?:,|\(|$|\s[-–—]\s))")
_BOLD_CREDIT = re.compile(r"^\s*\*\*(?P<bold>[^*]{1,300}?)\*\*(?P<after>\s*(?:,.*|$|[-–—]\s.*))$")


class ProgrammeReader(PageContext):
    """Walks a document tree; `rows` are the sessions of the blocks taken as programme."""

    def __init__(self, path: Path, frame: EventFrame) -> None:
        super().__init__(path, frame)
        self.lead_in: list[Evidence] = []
        self.lead_kind: str | None = None
        self.last: Row | None = None
        self.speakers_listed: list[Speaker] = []

    # --- walking --------------------------------------------------------------------

    def read(self, outline: Section) -> None:
        self.section(outline)
        self.close(0)
        self.flush()
        if len(self.rows) == 1 and not self.rows[0].talk.speakers and self.speakers_listed:
            add_speakers(self.rows[0], (tuple(self.speakers_listed), ()))  # a one-talk page
        self.warn_if_unread()

    def section(self, section: Section) -> None:
        """A section opens a scope, then its blocks and subsections are read in page order.
        A lead-in line goes on over a label, not over a heading or out of a quote."""
        if section.opens:
            self.heading(section.level, section.markdown, section.line, section.facts)
        if section.kind == HEADING:
            self.lead_in, self.lead_kind = [], None
        for part in section.parts:
            if isinstance(part, Section):
                self.section(part)
            else:
                self.block(part)
        if section.kind == QUOTE:
            self.lead_in, self.lead_kind = [], None

    def block(self, block: Block) -> None:
        if block.kind == "paragraph":
            self.paragraph(block)
            return
        if block.kind == "list":
            self.list(block, 0)
            self.flush()  # each list is a candidate block of its own
        elif block.kind == "table":
            self.table(block)
        self.lead_in, self.lead_kind = [], None

    def close(self, level: int) -> None:
        """Pop the scopes of `level` and deeper: a slot that held no session is one."""
        while self.scopes and self.scopes[-1].level >= level:
            scope = self.scopes.pop()
            if scope.slot is not None and not scope.sessions_under:
                self.pending.append(scope.slot)
                self.count_session()
            elif (
                scope.when
                and scope.title
                and not evidence.PROGRAMME_WORDS.search(fold(scope.title))
            ):
                self.heading_session(scope)

    def heading(self, level: int, markdown: str, line: int, facts: Facts) -> None:
        self.close(level)
        self.flush()
        self.last = None
        scope = heading_scope(level, facts, line)
        if scope.day:
            self.headed_days.append(scope.day)
        timed = leading_time(markdown)
        if timed and inline_text(timed[2])[0].strip(" :-–"):
            # '### 10h-10h30 : Keynote d'ouverture': a session, unless sessions follow under it
            scope.slot = self.make_row(line, read_line([markdown], self.dates), "a heading")
        self.scopes.append(scope)

    # --- paragraphs -----------------------------------------------------------------

    def paragraph(self, block: Block) -> None:
        lines = block.lines()
        if not lines or IGNORED.match(lines[0]):
            return
        reading = read_line(lines, self.dates)
        when = when_text(lines[0], self.dates)
        heading_scope = next((s for s in reversed(self.scopes) if s.level <= 6), None)
        if heading_scope and self.day_line(block.text, heading_scope):
            return
        if when and heading_scope:
            self.flush()
        taken_under = heading_scope and self.last_taken_line > heading_scope.line
        if when and heading_scope and when[1] and not taken_under and not self.pending:
            heading_scope.when = when
            where = next((m.group("room") for line in lines[1:] if (m := _WHERE.match(line))), None)
            heading_scope.room = heading_scope.room or (inline_text(where)[0] if where else None)
            return
        if reading.talk.title and _slot_line(reading) and not when:
            self.close(9)
            row = self.make_row(block.line, reading, "a paragraph")
            self.scopes.append(Scope(9, row.talk.title, hour=row.start, end=row.end, slot=row,
                                     kind=kind_hint(row.talk.title), room=row.room))
            return
        if (heading_scope and heading_scope.only_time and not heading_scope.sessions_under
                and reading.talk.title):
            self.time_heading_session(block.line, reading)
            return
        self.prose(block.text)
        text = inline_text(block.text)[0]
        self.credits_in_prose(text, heading_scope, self.last)
        self.lead_in = evidence.lead_in_evidence(text)
        self.lead_kind = kind_hint(text) if self.lead_in else None

    def time_heading_session(self, line: int, reading: LineReading) -> None:
        """'### 18h10' then 'Retour sur … avec Name': the paragraph is the session."""
        row = self.make_row(line, reading, "the paragraph under an hour heading")
        self.pending.append(row)
        self.count_session()
        self.last = row

    # --- lists ----------------------------------------------------------------------

    def list(self, block: Block, depth: int) -> None:
        items = [item for item in block.children if item.kind == "item"]
        if self.scopes and self.scopes[-1].slot and _timed(items):
            self.close(9)  # items with hours of their own follow the slot, not inside it
        target = self.scopes[-1].slot if self.scopes and self.scopes[-1].slot else self.last
        if target is not None and _persons_list(items):
            add_speakers(target, _persons(items))
            return
        title = fold(self.scopes[-1].title) if self.scopes else ""
        if re.search(r"intervenant|speakers?|avec qui", title) and _persons_list(items):
            self.speakers_listed.extend(_persons(items)[0])  # « Intervenants » apart
        lead, lead_kind = self.lead_in, self.lead_kind
        for item in items:
            self.item(item, depth, lead, lead_kind)

    def item(self, item: Block, depth: int, lead: list, lead_kind: str | None) -> None:
        first = next((c for c in item.children if c.kind in ("paragraph", "heading")), None)
        nested = [c for c in item.children if c.kind == "list"]
        if first is None:
            for inner in nested:
                self.list(inner, depth + 1)
            return
        reading = read_line(first.lines(), self.dates)
        credit_tried = bool(reading.description)  # read_line read its first line for a credit
        for extra in item.children:
            if extra.kind == "paragraph" and extra is not first:
                reading.description.extend(extra.lines())
        inner_items = [i for n in nested for i in n.children if i.kind == "item"]
        credits = bool(inner_items) and _persons_list(inner_items)
        titled = reading.talk.title and not first.text.rstrip("* ").endswith(":")
        if inner_items and not credits and titled and _descriptions(inner_items):
            reading.description.extend(i.text for n in nested for i in _paragraphs(n))
            nested, inner_items = [], []  # '* 10h : Title' over bullets that describe it
        if inner_items and (reading.start or not titled) and (not credits or not titled):
            self.container(item.line, reading, nested, depth)
            return
        row = self.make_row(item.line, reading, "a list item", lead, lead_kind)
        if reading.description and not credit_tried and not row.talk.speakers:
            credited = find_credit(inline_text(reading.description[0])[0], at_start=True)
            if credited and re.match(r"^\W*(?:par|avec|by|with)\b", reading.description[0], re.I):
                add_speakers(row, credited)
        self.pending.append(row)
        self.count_session()
        self.last = row
        for start, end in reading.repeats:  # the same workshop held again later
            again = replace(row, start=start, end=end, evidence=list(row.evidence),
                            why=dict(row.why))
            self.pending.append(again)
        if credits:
            add_speakers(row, _persons(inner_items))
            return
        for inner in nested:
            self.list(inner, depth + 1)

    def container(self, line: int, reading: LineReading, nested: list[Block], depth: int) -> None:
        """A slot with its talks nested under it: they take its hours and its words."""
        level = 20 + depth
        self.close(level)
        start, end = (reading.start, reading.end) if reading.start else self.span()
        title = reading.talk.title
        self.scopes.append(Scope(level, title, hour=start, end=end, kind=kind_hint(title),
                                 line=line, day=reading.days[0] if reading.days else None))
        self.explain.append(f"line {line}: {title or 'hours'!r} groups the items under it "
                            "(not a session)")
        for inner in nested:
            self.list(inner, depth + 1)
        self.scopes.pop()

    def table(self, block: Block) -> None:
        if block.source is None:
            return
        read = table_rows(block.source, self.frame)
        for line, message in read.table.problems:
            self.warn(line, message)
        self.explain.append(f"line {block.line}: a table whose columns are "
                            f"{read.table.layout.describe() or 'unknown'}")
        self.explain.extend(f"line {line}: {note}" for line, note in read.table.notes)
        for item in read.rows:
            row = self.make_row(item.line, item.reading, "a table row", lead_kind=item.kind)
            if item.section:  # a label row of the table ('Session 2 : données') is innermost
                row.section = " › ".join(p for p in (row.section.rsplit(" › ", 1)[-1],
                                                     item.section) if p)
            row.evidence.append(Evidence("table_title_column",
                                         "a row of a table with a title column", item.line))
            self.pending.append(row)
            self.count_session()

    # --- sessions -------------------------------------------------------------------

    def heading_session(self, scope: Scope) -> None:
        """A heading over a 'Quand ? ... Où ? ...' paragraph is a session of its own."""
        days, start, end = scope.when or ([], None, None)
        for day in days or [None]:
            reading = LineReading(start=start, end=end, days=[day] if day else [],
                                  talk=Talk(scope.title))
            reading.why.append("a 'when' line under its heading")
            self.scopes.append(Scope(99, room=scope.room))
            row = self.make_row(scope.line, reading, "a heading with a 'when' line",
                                lead_kind=scope.prose_kind)
            self.scopes.pop()
            for credited in scope.credits:
                add_speakers(row, credited)
            self.pending.append(row)


def _slot_line(reading: LineReading) -> bool:
    """A paragraph is a timed line when its hours or day lead it, or follow a short title
    ('**Title**, mardi 24 novembre, 17h-17h30'), not when a sentence merely names a day."""
    if not (reading.start or reading.days):
        return False
    led = any(why.startswith(("starts with", "hours after")) for why in reading.why)
    return led or len(reading.talk.title.split()) <= 16


def _timed(items: list[Block]) -> bool:
    """The first item starts with hours of its own."""
    if not items:
        return False
    first = next((c for c in items[0].children if c.kind in ("paragraph", "heading")), None)
    return bool(first and leading_time(first.text))


def _persons_list(items: list[Block]) -> bool:
    """Most items credit someone rather than name a session: '**Name**, role',
    '**Org, Country** - Name, role', 'Name, role, Org', '**Org**'."""
    credits = [_credit(item) for item in items]
    return bool(items) and sum(1 for c in credits if c) >= max(1, 0.6 * len(items))


def _descriptions(items: list[Block]) -> bool:
    """Most nested items are sentences about the item above, not sessions of their own
    (an item that starts with its own hours is a session)."""
    if _timed(items):
        return False
    texts = [inline_text(p.text)[0] for item in items for p in item.children[:1] if p.text]
    prose = [t for t in texts if len(t.split()) > 16 or (t.endswith(".") and len(t.split()) > 8)]
    return bool(texts) and len(prose) >= 0.6 * len(texts)


def _paragraphs(block: Block) -> list[Block]:
    return [c for item in block.children for c in item.children if c.kind == "paragraph"]


def _credit(item: Block) -> tuple[tuple[Speaker, ...], tuple[str, ...]] | None:
    first = next((c for c in item.children if c.kind == "paragraph"), None)
    if first is None:
        return None
    text = inline_text(first.text)[0]
    labelled = CREDIT_LABEL.match(text)
    if labelled:  # '* Intervenante : Jeanne Dupont (DINUM)'
        found = find_credit(text[labelled.end() :], at_start=True)
        return found[:2] if found else None
    bold = _BOLD_CREDIT.match(first.text)
    name = inline_text(bold.group("bold"))[0] if bold else ""
    if bold and ":" not in name and len(name.split()) <= 10:
        after = inline_text(bold.group("after"))[0]
        if after.lstrip().startswith(("-", "–", "—")):
            found = find_credit(after.lstrip(" -–—"), at_start=True)
            return (found[0], (name,)) if found else None
        if _is_person(name):
            return (Speaker(name),), ()
        return (), (name,)
    found = _PERSON.match(text)
    if found and _is_person(found.group("name")):
        return (Speaker(found.group("name")),), ()
    return None


def _is_person(name: str) -> bool:
    return bool(re.fullmatch(NAME, name)) and not INSTITUTION.match(name)


def _persons(items: list[Block]) -> tuple[tuple[Speaker, ...], tuple[str, ...]]:
    speakers: list[Speaker] = []
    organisations: list[str] = []
    for item in items:
        found = _credit(item)
        if found:
            speakers.extend(found[0])
            organisations.extend(found[1])
    return tuple(speakers), tuple(organisations)
