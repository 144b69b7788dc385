"""What the headings, labels and slots above a line say, and the candidate sessions.

`PageContext` holds the stack of scopes of a page being read (day, hours, room, kind and
title of each heading, label, slot or container), the candidate sessions of the current
section, and the sessions taken; `make_row` turns one read line into a candidate with
its evidence and where each field came from; `flush` keeps or rejects a section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path

from bot.loaders.page import evidence, scoring
from bot.loaders.page.row_grammar import LineReading
from bot.loaders.page.values import EventFrame, Evidence, Facts
from bot.loaders.talks import (
    Talk,
    all_credits,
    find_credit,
    infer_kind,
    inline_text,
    kind_hint,
    presenters,
)
from bot.loaders.when import find_days, unique
from bot.programme.model import Link, Problem, SourceRef
from bot.wording.folding import fold

_ROOM_IN_PROSE = re.compile(
    r"\bsalle\s+(?:\*\*(?P<bold>[^*]+)\*\*|(?P<plain>[A-Z0-9][\w-]*(?:\s+[A-Z0-9][\w-]*)*))"
)
_DAY_PART = re.compile(
    r"\b(matinee|matin|morning|apres-midi|afternoon)\b[^.;]*?"
    r"(?:consacree?|dediee?|reservee?|devoted|\ba\b|\baux?\b)\s+(?:a\s+|aux?\s+)?(?:des\s+|la\s+|les\s+)?(\w+)"
)
CREDIT_LABEL = re.compile(
    r"^\W*(?:intervenant(?:e|·e)?s?|speakers?|anim[ée]e?s? par|avec|par|with|by)\s*(?::|\s)\s*",
    re.I,
)
"""A credit's label: 'Intervenante :', 'Speakers:', 'Animé par'."""


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
    only_time: bool = False
    """A heading that holds only a time ('### 18h10'): the paragraph under it is its session."""
    slot: Row | None = None
    sessions_under: int = 0
    when: tuple[list[date], time | None, time | None] | None = None
    line: int = 0
    credits: list[tuple] = field(default_factory=list)
    prose_kind: str | None = None


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
    hinted: bool = False
    """Its kind came from the section, not from its own words."""
    evidence: list[Evidence] = field(default_factory=list)
    why: dict[str, str] = field(default_factory=dict)


def heading_scope(level: int, facts: Facts, line: int) -> Scope:
    """The scope a heading or a label opens, with what its words give (`outline.heading_facts`)."""
    return Scope(level, facts.words, day=facts.day, hour=facts.start, end=facts.end,
                 room=facts.room, kind=facts.kind, structured=facts.structured,
                 only_time=facts.only_time, line=line)


class PageContext:
    """The scopes above the current line, and the candidate and taken sessions."""

    def __init__(self, path: Path, frame: EventFrame) -> None:
        self.path, self.frame, self.dates = path, frame, frame.dates
        self.scopes: list[Scope] = []
        self.rows: list[Row] = []
        self.last_taken_line = 0
        """The last line of a session taken so far (rows are not kept in line order)."""
        self.pending: list[Row] = []
        self.problems: list[Problem] = []
        self.explain: list[str] = []
        self.headed_days: list[date] = []
        self.registration: list[Link] = []
        self.default_room: str | None = None
        self._contexts: dict[tuple, list[Evidence]] = {}
        self.day_parts: dict[str, str] = {}
        self.near_misses: list[tuple[float, int, str, int]] = []

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

    def flush(self) -> None:
        """Keep or reject the candidates of the section that ends here."""
        if not self.pending:
            return
        rows, self.pending = self.pending, []
        if len({r.day for r in rows if r.why.get("day") == "its own text"}) >= 3:
            for row in rows:  # a series of dated events: the heading names it, not their kind
                if row.hinted:
                    row.kind, row.hinted = infer_kind(row.talk.title), False
        taken, score = scoring.taken(scoring.score(r.evidence) for r in rows)
        where = rows[0].section or "the top of the page"
        self.explain.append(
            f"line {rows[0].line}: {len(rows)} candidate(s) under {where!r}: "
            f"{'taken as programme' if taken else 'not a programme'} (score {score:.1f})"
        )
        for row in rows:
            self.explain.append(
                f"    line {row.line}: {row.talk.title!r}: {scoring.describe(row.evidence)}"
            )
        if taken:
            self.rows.extend(rows)
            self.last_taken_line = max(self.last_taken_line, *(r.line for r in rows))
        elif scoring.score(self.context()) > 0 or score > 0:
            self.near_misses.append((score, rows[0].line, where, len(rows)))

    def warn_if_unread(self) -> None:
        """A page whose blocks came close to a programme but none was taken says so, with
        the line of the closest one, rather than staying silent."""
        if self.rows or not self.near_misses:
            return
        score, line, where, count = max(self.near_misses)
        self.warn(
            line,
            f"{count} item(s) under {where!r} were not read as sessions (score {score:.1f}, "
            f"{scoring.THRESHOLD} needed): see 'programme parse FILE --explain'",
        )

    def count_session(self) -> None:
        for scope in self.scopes:
            scope.sessions_under += 1

    def prose(self, line: str) -> None:
        folded = fold(line)
        for part, said in _DAY_PART.findall(inline_text(folded)[0]):
            # 'La matinée sera consacrée à des démonstrations et l'après-midi à des présentations'
            if (kind := kind_hint(said)) and part not in self.day_parts:
                self.day_parts["morning" if part.startswith(("mat", "mor")) else "afternoon"] = kind
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

    def day_line(self, markdown: str, scope: Scope) -> bool:
        """'***Le 16 décembre à Paris***' under a heading: the day of what it lists."""
        plain = inline_text(markdown)[0]
        if scope.day or not re.match(r"^\s*[*_]", markdown) or len(plain.split()) > 8:
            return False
        days = unique(find_days(plain, self.dates))
        if len(days) != 1 or re.search(r"\bdu\b.*\bau\b", fold(plain)):
            return False
        scope.day, scope.structured = days[0], True
        self.headed_days.append(days[0])
        return True

    def credits_in_prose(self, text: str, heading: Scope | None, last: Row | None) -> None:
        """Who a paragraph credits: the slot above it ('Animation par Name'), the item just
        before it ('*par Name, role*'), or its heading ('**Intervenant :** Name',
        'A et B présenteront …')."""
        slot = self.scopes[-1].slot if self.scopes else None
        if heading and not heading.prose_kind:
            heading.prose_kind = kind_hint(text)
        if heading and (named := presenters(text)):
            heading.credits.append(named)
        elif heading and (labelled := CREDIT_LABEL.match(text)):
            found = find_credit(text[labelled.end() :], at_start=True)
            if found:
                heading.credits.append(found[:2])
        target = slot or last
        if target is not None:
            credited = all_credits(text) if slot else find_credit(text.lstrip("*_ "), at_start=True)
            if credited and (slot or re.match(r"^(?:par|avec|by|with)\b", text.strip(), re.I)):
                add_speakers(target, credited)

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
            or self.day_part(reading.start or self.span()[0])
        )
        own_kind = infer_kind(reading.talk.title)  # 'talk' when its words name no kind
        kind = hint if own_kind == "talk" and hint else own_kind
        hinted = kind != own_kind
        titles = [s.title for s in self.scopes if s.title]
        row = Row(
            line,
            day,
            start,
            end,
            reading.talk,
            reading.room or self.get("room") or self.default_room,
            kind,
            section=" › ".join(titles[-2:]),
            hinted=hinted,
            block_end=next((s.end for s in reversed(self.scopes) if s.level <= 7 and s.end), None),
        )
        row.evidence = (
            evidence.item_evidence(
                reading.talk.title,
                reading.raw,
                timed=reading.start is not None,
                days=len(reading.days),
                credited=bool(reading.talk.speakers),
                links=reading.talk.links,
                line=line,
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

    def day_part(self, start: time | None) -> str | None:
        """The kind the prose gives the morning or the afternoon a session starts in."""
        if start is None or not self.day_parts:
            return None
        return self.day_parts.get("morning" if start < time(12, 30) else "afternoon")

    def context(self) -> list[Evidence]:
        """The context evidence of the current scopes (computed once per stack of headings)."""
        key = (tuple(s.title for s in self.scopes), bool(self.get("structured")))
        if key not in self._contexts:
            self._contexts[key] = evidence.context_evidence(list(key[0]), key[1])
        return self._contexts[key]


def add_speakers(row: Row, credited: tuple) -> None:
    """Add the persons (and organisations) of a credit to a candidate session."""
    known = {s.name for s in row.talk.speakers}
    speakers = row.talk.speakers + tuple(s for s in credited[0] if s.name not in known)
    organisations = tuple(dict.fromkeys(row.talk.organisations + tuple(credited[1])))
    row.talk = Talk(row.talk.title, speakers, organisations, row.talk.links)
    if credited[0] and not any(e.name == "credits_person" for e in row.evidence):
        row.evidence.append(Evidence("credits_person", "credits speakers", row.line))
