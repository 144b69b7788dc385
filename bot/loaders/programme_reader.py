"""Find and read the programme of a page's document tree.

The tree is walked in page order with a stack of scopes: a heading or a bold label may give
a day ('6 décembre de 14h à 18h', '**25/11/2020**'), hours ('#### 14h', '**8h - 11h**'), a
room ('Salle PLATEAU 1 : ...') or a kind ('Les ateliers de l'après-midi'); a timed line
('**14h30 :** Mots d'ouverture', '[10h15 - 12h] Plénière') opens a slot. Items of lists,
timed paragraphs and table rows are candidate sessions; a slot or an item whose nested
list holds sessions is a container (its hours go to them); a nested list of persons gives
speakers. Each section's candidates are kept or rejected together by their evidence
(`programme_evidence`), and every decision is written down for --explain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path

from bot.loaders import programme_evidence as evidence
from bot.loaders.document import Block
from bot.loaders.french_dates import find_days, find_range, parse_hour
from bot.loaders.programme_line import LineReading, leading_time, read_line, when_text
from bot.loaders.tables import read_table
from bot.loaders.talks import (
    _INSTITUTION,
    _NAME,
    Talk,
    all_credits,
    find_credit,
    infer_kind,
    inline_text,
    kind_hint,
    presenters,
)
from bot.model import Link, Problem, SourceRef, Speaker, fold

_ROOM_TITLE = re.compile(
    r"^(?:salle|room|amphi(?:th[ée][aâ]tre)?|auditorium)\s+(?P<room>[^:«\-–]+?)\s*(?:[:\-–]\s*(?P<theme>.*))?$",
    re.IGNORECASE,
)
_ROOM_IN_PROSE = re.compile(
    r"\bsalle\s+(?:\*\*(?P<bold>[^*]+)\*\*|(?P<plain>[A-Z0-9][\w-]*(?:\s+[A-Z0-9][\w-]*)*))"
)
_BOLD_LABEL = re.compile(r"^\s*(?:\*\*|__)(?P<text>[^*_]+?)(?:\*\*|__)\s*:?\s*$")
_WHERE = re.compile(r"^\s*\**\s*(?:o[uù]\s*\?|where\s*\?|lieu\s*:)\s*\**\s*(?P<room>.+)$", re.I)
_UNDER_CONSTRUCTION = re.compile(r"en cours de construction|a venir|coming soon|bientot")
_IGNORED = re.compile(r"^\s*(?:\{:|\{%|\{\{)")
_PERSON = re.compile(rf"^(?P<name>{_NAME})(?=\s*(?:,|\(|$|\s[-–—]\s))")
_BOLD_CREDIT = re.compile(r"^\s*\*\*(?P<bold>[^*]{1,300}?)\*\*(?P<after>\s*(?:,.*|$|[-–—]\s.*))$")


@dataclass
class Scope:
    """What a heading, a label, a slot or a container says about what is under it."""

    level: int
    title: str = ""
    day: date | None = None
    hour: time | None = None
    end: time | None = None
    room: str | None = None
    kind: str | None = None
    structured: bool = False
    slot: Row | None = None
    sessions_under: int = 0
    when: tuple[list[date], time | None, time | None] | None = None
    line: int = 0
    credits: list[tuple] = field(default_factory=list)


@dataclass
class Row:
    """One candidate session, with the evidence for it and where each field came from."""

    line: int
    day: date | None
    start: time | None
    end: time | None
    talk: Talk
    room: str | None
    kind: str
    section: str = ""
    block_end: time | None = None
    points: list[tuple[float, str]] = field(default_factory=list)
    why: dict[str, str] = field(default_factory=dict)


class ProgrammeReader:
    """Walks a document tree; `rows` are the sessions of the blocks taken as programme."""

    def __init__(self, path: Path, year: int | None) -> None:
        self.path, self.year = path, year
        self.scopes: list[Scope] = []
        self.rows: list[Row] = []
        self.pending: list[Row] = []
        self.problems: list[Problem] = []
        self.explain: list[str] = []
        self.headed_days: list[date] = []
        self.registration: list[Link] = []
        self.default_room: str | None = None
        self.under_construction = False
        self.lead_in: list[tuple[float, str]] = []
        self.lead_kind: str | None = None
        self.last: Row | None = None
        self._contexts: dict[tuple, list[tuple[float, str]]] = {}

    def warn(self, line: int, message: str) -> None:
        self.problems.append(Problem(SourceRef(str(self.path), line), message))

    def get(self, attribute: str):
        return next(
            (v for s in reversed(self.scopes) if (v := getattr(s, attribute)) is not None), None
        )

    def span(self) -> tuple[time | None, time | None]:
        """The innermost hours: their start, and their end if that scope gives one."""
        scope = next((s for s in reversed(self.scopes) if s.hour is not None), None)
        return (scope.hour, scope.end) if scope else (None, None)

    # --- walking --------------------------------------------------------------------

    def read(self, blocks: list[Block]) -> None:
        self.walk(blocks)
        self.close(0)
        self.flush()

    def walk(self, blocks: list[Block], depth: int = 0) -> None:
        for block in blocks:
            if block.kind == "heading":
                self.heading(block.level, block.text, block.line)
            elif block.kind == "paragraph":
                self.paragraph(block)
                continue
            elif block.kind == "list":
                self.list(block, depth)
            elif block.kind == "table":
                self.table(block)
            elif block.kind == "quote":
                self.walk(block.children, depth)
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

    def heading(self, level: int, markdown: str, line: int) -> None:
        self.close(level)
        self.flush()
        self.last = None
        text, _ = inline_text(markdown)
        scope = Scope(level, text, line=line)
        hour = parse_hour(text.rstrip(" :"))
        span = find_range(text)
        room = _ROOM_TITLE.match(text)
        days = find_days(text, self.year)
        if hour:
            scope.hour, scope.structured = hour, True
        elif span and span[2].start() == 0 and not days:
            scope.hour, scope.end, scope.structured = span[0], span[1], True
        elif room:
            scope.room, scope.structured = room.group("room").strip(), True
            scope.kind = kind_hint(room.group("theme") or "")
        elif days and len(days) <= 2:
            scope.day, scope.structured = days[0], True
            if span:  # "4/12 de 10h à 12h30 : démos": the hours of what it lists untimed
                scope.hour, scope.end = span[0], span[1]
            self.headed_days.append(days[0])
            scope.kind = kind_hint(text)
        else:
            scope.kind = kind_hint(text)
        self.scopes.append(scope)

    def flush(self) -> None:
        """Keep or reject the candidates of the section that ends here."""
        if not self.pending:
            return
        rows, self.pending = self.pending, []
        score = sum(evidence.total(r.points) for r in rows) / len(rows)
        taken = score >= evidence.THRESHOLD
        where = rows[0].section or "the top of the page"
        self.explain.append(
            f"line {rows[0].line}: {len(rows)} candidate(s) under {where!r}: "
            f"{'taken as programme' if taken else 'not a programme'} (score {score:.1f})"
        )
        for row in rows:
            self.explain.append(
                f"    line {row.line}: {row.talk.title!r}: {evidence.describe(row.points)}"
            )
        if taken:
            self.rows.extend(rows)

    def count_session(self) -> None:
        for scope in self.scopes:
            scope.sessions_under += 1

    # --- paragraphs -----------------------------------------------------------------

    def paragraph(self, block: Block) -> None:
        lines = block.lines()
        if not lines or _IGNORED.match(lines[0]):
            return
        label = _BOLD_LABEL.match(lines[0]) if len(lines) == 1 else None
        reading = read_line(lines, self.year)
        if label and not (reading.talk.title and (reading.start or reading.days)):
            level = 10 if reading.start and not reading.talk.title else 7  # hours: inside a slot
            self.heading(level, label.group("text"), block.line)
            return
        when = when_text(lines[0], self.year)
        heading_scope = next((s for s in reversed(self.scopes) if s.level <= 6), None)
        if when and heading_scope:
            self.flush()
        taken_under = heading_scope and any(r.line > heading_scope.line for r in self.rows)
        if when and heading_scope and when[1] and not taken_under and not self.pending:
            heading_scope.when = when
            where = next((m.group("room") for line in lines[1:] if (m := _WHERE.match(line))), None)
            heading_scope.room = heading_scope.room or (inline_text(where)[0] if where else None)
            return
        if reading.talk.title and (reading.start or reading.days) and not when:
            self.close(9)
            row = self.make_row(block.line, reading, "a paragraph")
            self.scopes.append(
                Scope(
                    9,
                    row.talk.title,
                    hour=row.start,
                    end=row.end,
                    slot=row,
                    kind=kind_hint(row.talk.title),
                )
            )
            return
        self.prose(block.text)
        slot = self.scopes[-1].slot if self.scopes else None
        text = inline_text(block.text)[0]
        if heading_scope and (named := presenters(text)):
            heading_scope.credits.append(named)
        target = slot or self.last
        if target is not None:
            credited = all_credits(text) if slot else find_credit(text.lstrip("*_ "), at_start=True)
            if credited and (slot or re.match(r"^(?:par|avec|by|with)\b", text.strip(), re.I)):
                _add_speakers(target, credited)
        self.lead_in = evidence.lead_in_evidence(text)
        self.lead_kind = kind_hint(text) if self.lead_in else None

    def prose(self, line: str) -> None:
        if _UNDER_CONSTRUCTION.search(fold(line)):
            self.under_construction = True
        _, links = inline_text(line)
        self.registration.extend(
            link
            for link in links
            if re.search(r"inscri|badge|regist", fold(link.text))
            and not re.search(r"newsletter|gazette", link.url)
        )
        found = _ROOM_IN_PROSE.search(line)
        if found:
            room = (found.group("bold") or found.group("plain")).strip()
            announced = any(evidence.PROGRAMME_WORDS.search(fold(s.title)) for s in self.scopes)
            if self.scopes and (self.get("structured") or announced):
                self.scopes[-1].room = self.scopes[-1].room or room
            elif self.default_room is None:
                self.default_room = room
            hint = kind_hint(line)
            if hint and self.scopes:
                self.scopes[-1].kind = self.scopes[-1].kind or hint

    # --- lists ----------------------------------------------------------------------

    def list(self, block: Block, depth: int) -> None:
        items = [item for item in block.children if item.kind == "item"]
        if self.scopes and self.scopes[-1].slot and _timed(items):
            self.close(9)  # items with hours of their own follow the slot, not inside it
        target = self.scopes[-1].slot if self.scopes and self.scopes[-1].slot else self.last
        if target is not None and _persons_list(items):
            _add_speakers(target, _persons(items))
            return
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
        reading = read_line(first.lines(), self.year)
        for extra in item.children:
            if extra.kind == "paragraph" and extra is not first:
                reading.description.extend(extra.lines())
        inner_items = [i for n in nested for i in n.children if i.kind == "item"]
        if (
            inner_items
            and (reading.start or not reading.talk.title or first.text.rstrip("* ").endswith(":"))
            and (not _persons_list(inner_items) or not reading.talk.title)
        ):
            self.container(item.line, reading, nested, depth)
            return
        row = self.make_row(item.line, reading, "a list item", lead, lead_kind)
        if reading.description and not row.talk.speakers:
            credited = find_credit(inline_text(reading.description[0])[0], at_start=True)
            if credited and re.match(r"^\W*(?:par|avec|by|with)\b", reading.description[0], re.I):
                _add_speakers(row, credited)
        self.pending.append(row)
        self.count_session()
        self.last = row
        if inner_items and _persons_list(inner_items):
            _add_speakers(row, _persons(inner_items))
            return
        for inner in nested:
            self.list(inner, depth + 1)

    def container(self, line: int, reading: LineReading, nested: list[Block], depth: int) -> None:
        """A slot with its talks nested under it: they take its hours and its words."""
        level = 20 + depth
        self.close(level)
        start, end = (reading.start, reading.end) if reading.start else self.span()
        title = reading.talk.title
        self.scopes.append(
            Scope(
                level,
                title,
                hour=start,
                end=end,
                kind=kind_hint(title),
                line=line,
                day=reading.days[0] if reading.days else None,
            )
        )
        self.explain.append(
            f"line {line}: {title or 'hours'!r} groups the items under it (not a session)"
        )
        for inner in nested:
            self.list(inner, depth + 1)
        self.scopes.pop()

    def table(self, block: Block) -> None:
        for line, start, end, talk, why in read_table(block.rows, self.warn):
            reading = LineReading(start=start, end=end, talk=talk, why=why)
            row = self.make_row(line, reading, "a table row")
            row.points.append((1.0, "a row of a table with a title column"))
            self.pending.append(row)
            self.count_session()

    # --- sessions -------------------------------------------------------------------

    def make_row(
        self,
        line: int,
        reading: LineReading,
        source: str,
        lead: list | None = None,
        lead_kind: str | None = None,
    ) -> Row:
        own_days = reading.days if len(reading.days) <= 2 else []
        start, end = (reading.start, reading.end) if reading.start else self.span()
        day = own_days[0] if own_days else self.get("day")
        hint = (
            self.get("kind")
            or lead_kind
            or (kind_hint(reading.description[0]) if reading.description else None)
        )
        kind = infer_kind(reading.talk.title, hint)
        titles = [s.title for s in self.scopes if s.title and s.slot is None]
        row = Row(
            line,
            day,
            start,
            end,
            reading.talk,
            self.get("room") or self.default_room,
            kind,
            section=" › ".join(titles[-2:]),
            block_end=next((s.end for s in reversed(self.scopes) if s.level <= 7 and s.end), None),
        )
        row.points = (
            evidence.item_evidence(
                reading.talk.title,
                reading.raw,
                timed=reading.start is not None,
                days=len(reading.days),
                credited=bool(reading.talk.speakers),
                links=reading.talk.links,
            )
            + self.context()
            + (lead or [])
        )
        row.why = {
            "read from": source,
            "day": "its own text"
            if own_days
            else ("a heading" if self.get("day") else "the event"),
            "time": "; ".join(reading.why) or ("a heading or slot" if start else "none given"),
            "kind": f"its title or the section ({hint})" if hint else "its title",
            "room": "a heading or the prose" if row.room else "none given",
        }
        return row

    def context(self) -> list[tuple[float, str]]:
        """The context points of the current scopes (computed once per stack of headings)."""
        key = (tuple(s.title for s in self.scopes), bool(self.get("structured")))
        if key not in self._contexts:
            self._contexts[key] = evidence.context_evidence(list(key[0]), key[1])
        return self._contexts[key]

    def heading_session(self, scope: Scope) -> None:
        """A heading over a 'Quand ? ... Où ? ...' paragraph is a session of its own."""
        days, start, end = scope.when or ([], None, None)
        for day in days or [None]:
            reading = LineReading(
                start=start, end=end, days=[day] if day else [], talk=Talk(scope.title)
            )
            reading.why.append("a 'when' line under its heading")
            self.scopes.append(Scope(99, room=scope.room))
            row = self.make_row(scope.line, reading, "a heading with a 'when' line")
            self.scopes.pop()
            for credited in scope.credits:
                _add_speakers(row, credited)
            self.pending.append(row)


def _timed(items: list[Block]) -> bool:
    first = next((c for c in items[0].children if c.kind in ("paragraph", "heading")), None)
    return bool(items and first and leading_time(first.text))


def _persons_list(items: list[Block]) -> bool:
    """Most items credit someone rather than name a session: '**Name**, role',
    '**Org, Country** - Name, role', 'Name, role, Org', '**Org**'."""
    credits = [_credit(item) for item in items]
    return bool(items) and sum(1 for c in credits if c) >= max(1, 0.6 * len(items))


def _credit(item: Block) -> tuple[tuple[Speaker, ...], tuple[str, ...]] | None:
    first = next((c for c in item.children if c.kind == "paragraph"), None)
    if first is None:
        return None
    text = inline_text(first.text)[0]
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
    return bool(re.fullmatch(_NAME, name)) and not _INSTITUTION.match(name)


def _persons(items: list[Block]) -> tuple[tuple[Speaker, ...], tuple[str, ...]]:
    speakers: list[Speaker] = []
    organisations: list[str] = []
    for item in items:
        found = _credit(item)
        if found:
            speakers.extend(found[0])
            organisations.extend(found[1])
    return tuple(speakers), tuple(organisations)


def _add_speakers(row: Row, credited: tuple) -> None:
    known = {s.name for s in row.talk.speakers}
    speakers = row.talk.speakers + tuple(s for s in credited[0] if s.name not in known)
    organisations = tuple(dict.fromkeys(row.talk.organisations + tuple(credited[1])))
    row.talk = Talk(row.talk.title, speakers, organisations, row.talk.links)
    if credited[0] and (1.5, "credits speakers") not in row.points:
        row.points.append((1.5, "credits speakers"))
