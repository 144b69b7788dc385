"""The candidate sessions of a page being read, and what is kept of them.

`Page` gathers, as the rows stage walks the outline: the candidate sessions of the
current block, the blocks' `Decision`s, the sessions taken, and what the prose says for
the whole page (a default room, the kinds of the morning and the afternoon, registration
links). What the sections above a line say is not here but in the `Context` (`context.py`)
each call is given: `make_row` turns one read line, in its context, into a candidate with
its evidence and where each field came from; `flush` keeps or rejects a block.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, time
from pathlib import Path

from bot.loaders.page import evidence, scoring
from bot.loaders.page.candidates import Row, with_speakers
from bot.loaders.page.context import Context, Scope
from bot.loaders.page.row_grammar import LineReading
from bot.loaders.page.values import Decision, EventFrame, Evidence, Note, Scored
from bot.loaders.talks.colon_credits import Side
from bot.loaders.talks.credits import CREDIT_LABEL, all_credits, find_credit, presenters
from bot.loaders.talks.kinds import kind_hint
from bot.loaders.talks.markup import inline_text
from bot.loaders.when import find_days, unique
from bot.programme.model import Link, Problem, SourceRef, Speaker
from bot.wording.folding import fold

_ROOM_IN_PROSE = re.compile(
    r"\bsalle\s+(?:\*\*(?P<bold>[^*]+)\*\*|(?P<plain>[A-Z0-9][\w-]*(?:\s+[A-Z0-9][\w-]*)*))"
)
_DAY_PART = re.compile(
    r"\b(matinee|matin|morning|apres-midi|afternoon)\b[^.;]*?"
    r"(?:consacree?|dediee?|reservee?|devoted|\ba\b|\baux?\b)\s+(?:a\s+|aux?\s+)?(?:des\s+|la\s+|les\s+)?(\w+)"
)


class Page:
    """The candidate and taken sessions of a page, its decisions and problems."""

    def __init__(self, path: Path, frame: EventFrame) -> None:
        self.path, self.frame, self.dates = path, frame, frame.dates
        self.rows: list[Row] = []
        self.last_taken_line = 0
        """The last line of a session taken so far (rows are not kept in line order)."""
        self.pending: list[Row] = []
        self.problems: list[Problem] = []
        self.decisions: list[Decision | Note] = []
        """Each candidate block kept or left out, and notes on other blocks, in page order."""
        self.headed_days: list[date] = []
        self.registration: list[Link] = []
        self.default_room: str | None = None
        self._contexts: dict[tuple, list[Evidence]] = {}
        self.counted = 0
        """Sessions counted so far: a scope's are those counted since it opened."""
        self._flushed = 0
        """`counted` when the last candidate block was kept or rejected."""
        self.last: Row | None = None
        """The last session read, which a line of credits under it may complete."""
        self.lead_in: list[Evidence] = []
        self.lead_kind: str | None = None
        self.speakers_listed: list[Speaker] = []
        self.day_parts: dict[str, str] = {}
        self.colons: Side | None = None
        """Which side of a colon the page's lists write names on, once a list shows it."""

    def warn(self, line: int, message: str) -> None:
        self.problems.append(Problem(SourceRef(str(self.path), line), message))

    def flush(self, ctx: Context) -> None:
        """Keep or reject the candidates of the block that ends here."""
        if not self.pending:
            return
        rows, self.pending = self.pending, []
        if len({r.day for r in rows if r.why.get("day") == "its own text"}) >= 3:
            # a series of dated events: the heading names it, not their kind
            own = [replace(row, kind=row.talk.own_kind(), hinted=False) if row.hinted
                   else row for row in rows]
            self.last = next((new for old, new in zip(rows, own, strict=True)
                              if old is self.last), self.last)
            rows = own
        taken, score = scoring.taken(scoring.score(r.evidence) for r in rows)
        if taken:
            self.rows.extend(rows)
            self.last_taken_line = max(self.last_taken_line, *(r.line for r in rows))
        else:  # no session after all: a timed heading over a list of stands is one itself
            self.counted = self._flushed
        self._flushed = self.counted
        self.decisions.append(Decision(
            rows[0].line, rows[0].section or "the top of the page", taken, score,
            tuple(Scored(r.line, r.talk.title, r.evidence) for r in rows),
            close=not taken and (score > 0 or scoring.score(self.context(ctx)) > 0)))

    def warn_if_unread(self) -> None:
        """A page whose blocks came close to a programme but none was taken says so, with
        the line of the closest one, rather than staying silent."""
        close = [d for d in self.decisions if isinstance(d, Decision) and d.close]
        if self.rows or not close:
            return
        closest = max(close, key=lambda d: (d.score, d.line, d.where, len(d.candidates)))
        self.warn(
            closest.line,
            f"{len(closest.candidates)} item(s) under {closest.where!r} were not read as "
            f"sessions (score {closest.score:.1f}, {scoring.THRESHOLD} needed): "
            "see 'programme parse FILE --explain'",
        )

    def count_session(self) -> None:
        self.counted += 1

    def sessions_under(self, scope: Scope) -> int:
        return max(0, self.counted - scope.counted)

    def prose(self, ctx: Context, line: str) -> Context:
        """What a paragraph that is no session says: the kinds of the morning and the
        afternoon, registration links, a room (of its section, or of the page)."""
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
            announced = any(evidence.PROGRAMME_WORDS.search(fold(s.title)) for s in ctx.scopes)
            inner = ctx.innermost
            if inner is not None and (ctx.get("structured") or announced):
                ctx = ctx.with_scope(inner, room=inner.room or room)
            elif self.default_room is None:
                self.default_room = room
            hint = kind_hint(line)
            if hint and (inner := ctx.innermost) is not None:
                ctx = ctx.with_scope(inner, kind=inner.kind or hint)
        return ctx

    def day_line(self, ctx: Context, markdown: str, scope: Scope) -> Context | None:
        """'***Le 16 décembre à Paris***' under a heading: the day of what it lists."""
        plain = inline_text(markdown)[0]
        if scope.day or not re.match(r"^\s*[*_]", markdown) or len(plain.split()) > 8:
            return None
        days = unique(find_days(plain, self.dates))
        if len(days) != 1 or re.search(r"\bdu\b.*\bau\b", fold(plain)):
            return None
        self.headed_days.append(days[0])
        return ctx.with_scope(scope, day=days[0], structured=True)

    def credits_in_prose(self, ctx: Context, text: str) -> Context:
        """Who a paragraph credits: the slot above it ('Animation par Name'), the item just
        before it ('*par Name, role*'), or its heading ('**Intervenant :** Name',
        'A et B présenteront …')."""
        slot = ctx.slot
        if (heading := ctx.heading) is not None:
            credited = presenters(text)
            labelled = CREDIT_LABEL.match(text)
            if not credited and labelled:
                found = find_credit(text[labelled.end() :], at_start=True)
                credited = found[:2] if found else None
            roster = bool(labelled) and not credited and text.rstrip("*_ ").endswith(":")
            ctx = ctx.with_scope(heading, prose_kind=heading.prose_kind or kind_hint(text),
                                 credits=(*heading.credits, credited) if credited
                                 else heading.credits, roster=heading.roster or roster)
        if slot is not None or self.last is not None:
            credited = all_credits(text) if slot else find_credit(text.lstrip("*_ "), at_start=True)
            if credited and (slot or re.match(r"^(?:par|avec|by|with)\b", text.strip(), re.I)):
                ctx = self.credit(ctx, credited)
        return ctx

    def credit(self, ctx: Context, credited: tuple) -> Context:
        """Credit the slot the context is in, else the last session read: the session is
        replaced by its credited copy wherever it is kept."""
        if (scope := ctx.slot_above) is not None:
            return ctx.with_scope(scope, slot=with_speakers(scope.slot, credited))
        if self.last is not None:
            self.replace_last(with_speakers(self.last, credited))
        return ctx

    def drop_last(self) -> None:
        """The last session read was none after all (what follows shows it only grouped)."""
        last, self.last = self.last, None
        for rows in (self.pending, self.rows):
            rows[:] = [kept for kept in rows if kept is not last]

    def replace_last(self, row: Row) -> None:
        """The last session read becomes `row`, wherever it is kept."""
        last, self.last = self.last, row
        for rows in (self.pending, self.rows):
            rows[:] = [row if kept is last else kept for kept in rows]

    def make_row(
        self,
        ctx: Context,
        line: int,
        reading: LineReading,
        source: str,
        lead: list | None = None,
        lead_kind: str | None = None,
    ) -> Row:
        own_days = reading.days if len(reading.days) <= 2 else []
        start, end = (reading.start, reading.end) if reading.start else ctx.span()
        day = own_days[0] if own_days else ctx.get("day")
        hint = (
            ctx.get("kind")
            or lead_kind
            or (kind_hint(reading.description[0]) if reading.description else None)
            or self.day_part(reading.start or ctx.span()[0])
        )
        own_kind = reading.talk.own_kind()  # 'talk' when its words name no kind
        kind = hint if own_kind == "talk" and hint and not reading.talk.kind else own_kind
        hinted = kind != own_kind
        room = reading.room or ctx.get("room") or self.default_room
        found = evidence.item_evidence(
            reading.talk.title,
            reading.raw,
            timed=reading.start is not None,
            days=len(reading.days),
            credited=bool(reading.talk.speakers),
            links=reading.talk.links,
            line=line,
            bodies=bool(reading.talk.organisations),
        )
        why = {
            "read from": source,
            "day": "its own text"
            if own_days
            else ("a heading" if ctx.get("day") else "the event"),
            "time": "; ".join(reading.why) or ("a heading or slot" if start else "none given"),
            "kind": f"its title or the section ({hint})" if hint else "its title",
            "room": "a heading or the prose" if room else "none given",
        }
        return Row(line, day, start, end, reading.talk, room, kind, section=ctx.section,
                   hinted=hinted, block_end=ctx.block_end(),
                   evidence=(*found, *self.context(ctx), *(lead or ())), why=why)

    def day_part(self, start: time | None) -> str | None:
        """The kind the prose gives the morning or the afternoon a session starts in."""
        if start is None or not self.day_parts:
            return None
        return self.day_parts.get("morning" if start < time(12, 30) else "afternoon")

    def context(self, ctx: Context) -> list[Evidence]:
        """The evidence a context gives (computed once per sequence of section titles)."""
        key = (tuple(s.title for s in ctx.scopes), bool(ctx.get("structured")))
        if key not in self._contexts:
            self._contexts[key] = evidence.context_evidence(list(key[0]), key[1])
        return self._contexts[key]
