"""Find and read the programme of a page's outline: a set of functions, each given the
`Page` being gathered and the `Context` of what is above it, each returning the context
for what follows.

Each section (a heading or a bold label, `outline.py`) gives the lines under it what its
words say: a day ('6 décembre de 14h à 18h', '**25/11/2020**'), hours ('#### 14h',
'**8h - 11h**'), a room ('Salle PLATEAU 1 : ...') or a kind ('Les ateliers de
l'après-midi'); a timed line ('**14h30 :** Mots d'ouverture', '[10h15 - 12h] Plénière')
opens a slot. Items of lists, timed paragraphs and table rows are candidate sessions; a
slot or an item whose nested list holds sessions is a container (its hours go to them); a
nested list of persons gives speakers. Each block's candidates are kept or rejected
together by their evidence (`evidence`, weighed in `scoring`); each decision is a
`Decision` value, which --explain prints.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

from bot.loaders.page import evidence
from bot.loaders.page.bridge import MarkdownBlock as Block
from bot.loaders.page.candidates import Row, RowsRead, with_speakers
from bot.loaders.page.context import CONTAINER_LEVEL, SLOT_LEVEL, Context, Scope
from bot.loaders.page.item_parts import numbered_parts
from bot.loaders.page.outline import HEADING, IGNORED, QUOTE, Section
from bot.loaders.page.row_grammar import LineReading, leading_time, read_line, when_text
from bot.loaders.page.row_tables import table_rows
from bot.loaders.page.scopes import Page
from bot.loaders.page.spans import grouping_slots
from bot.loaders.page.values import EventFrame, Evidence, Note
from bot.loaders.talks.colon_credits import Side, bold_names_lead, colon_credit, colon_side
from bot.loaders.talks.credits import CREDIT_LABEL, find_credit
from bot.loaders.talks.fields import fielded_talk
from bot.loaders.talks.kinds import kind_hint
from bot.loaders.talks.markup import inline_text
from bot.loaders.talks.names import (
    INSTITUTION,
    NAME,
    block_speakers,
    is_block,
    shared_surname,
)
from bot.loaders.talks.titles import Talk, speaker_first
from bot.loaders.when import DateContext, find_days
from bot.programme.model import Speaker
from bot.wording.folding import fold

_WHERE = re.compile(r"^\s*\**\s*(?:o[uù]\s*\?|where\s*\?|lieu\s*:)\s*\**\s*(?P<room>.+)$", re.I)
_PERSON = re.compile(rf"^(?P<name>{NAME})(?=\s*(?:,|\(|$|\s[-–—]\s))")
_BOLD_CREDIT = re.compile(r"^\s*\*\*(?P<bold>[^*]{1,300}?)\*\*(?P<after>\s*(?:,.*|$|[-–—]\s.*))$")
_LEAD_TO_BOLD = re.compile(
    r"^\s*[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)?\s+(?:de|d'|du|by|par|of|von|van)\s*(?=\*\*)",
    re.I)
"""Two words leading to a name in bold ('Pitch de **Name**, Org'): what the person does."""
_BOLD = re.compile(r"\*\*([^*]{1,300}?)\*\*")
_TAKES_PLACE = re.compile(
    r"\b(?:takes?\s+place|taking\s+place|(?:be|is|are)\s+held|a(?:ura)?(?:nt)?\s+lieu|ont\s+lieu|"
    r"se\s+(?:tiendr|tien|deroul)\w*|find(?:et|en)\b.*\bstatt|tendr[a]n?\s+lugar|"
    r"si\s+(?:terr|svolg)\w*|vind(?:t|en)\b.*\bplaats)\b")
"""'The tutorial will take place on Sunday, October 27 from 9 AM to 12:30', 'La journée
aura lieu le 4 mai de 9h à 17h': a sentence that says when the event is, not a session."""
_OWN_LEVEL = 99
"""The scope of a heading that is a session of its own: its room, under everything."""


def read_rows(path: Path, frame: EventFrame, outline: Section) -> RowsRead:
    """The candidate sessions of a page's outline, each block kept or rejected."""
    page = Page(path, frame)
    ctx = _close(page, _section(page, Context(), outline), 0)
    page.flush(ctx)
    if len(page.rows) == 1 and not page.rows[0].talk.speakers and page.speakers_listed:
        # a one-talk page: its speakers are listed apart
        page.rows[0] = with_speakers(page.rows[0], (tuple(page.speakers_listed), ()))
    for slot in grouping_slots(page.rows):
        page.rows.remove(slot)
        page.decisions.append(Note(slot.line, f"{slot.talk.title!r} groups the items after "
                                              "it, which fill its hours (not a session)"))
    page.warn_if_unread()
    return RowsRead(tuple(page.rows), tuple(page.decisions), tuple(page.problems),
                    tuple(page.headed_days), tuple(page.registration))


def _section(page: Page, ctx: Context, section: Section) -> Context:
    """A section opens a scope, then its blocks and subsections are read in page order.
    A lead-in line goes on over a label, not over a heading or out of a quote; a heading
    that is itself a lead-in ('Seront abordés les sujets suivants :') leads the list
    right under it."""
    if section.opens:
        ctx = _heading(page, ctx, section)
    if section.kind == HEADING:
        page.lead_in = evidence.lead_in_evidence(inline_text(section.markdown)[0], section.line,
                                                 heading=True)
        page.lead_kind = None
    previous = None
    for part in section.parts:
        if isinstance(part, Section):
            ctx = _section(page, ctx, part)
        elif part.kind == "table":
            _table(page, ctx, part, _last_item_row(page, previous))
            page.lead_in, page.lead_kind = [], None
        else:
            ctx = _block(page, ctx, part)
        previous = part
    if section.kind == QUOTE:
        page.lead_in, page.lead_kind = [], None
    return ctx


def _block(page: Page, ctx: Context, block: Block) -> Context:
    if block.kind == "paragraph":
        return _paragraph(page, ctx, block)
    if block.kind == "list":
        ctx = _list(page, ctx, block, 0)
        page.flush(ctx)  # each list is a candidate block of its own
    page.lead_in, page.lead_kind = [], None
    return ctx


def _close(page: Page, ctx: Context, level: int) -> Context:
    """The context without the scopes of `level` and deeper: a slot that held no session
    is one, and so is a heading over a 'when' line."""
    while (scope := ctx.innermost) is not None and scope.level >= level:
        ctx = ctx.outer()
        if scope.slot is not None and not page.sessions_under(scope) and scope.slot.talk.title:
            page.pending.append(scope.slot)
            page.count_session()
        elif (
            scope.when
            and scope.title
            and not evidence.PROGRAMME_WORDS.search(fold(scope.title))
        ):
            _heading_session(page, ctx, scope, "a 'when' line under its heading")
        elif scope.roster and scope.credits and not page.sessions_under(scope):
            _heading_session(page, ctx, scope, "the list of who speaks under its heading")
    return ctx


def _heading(page: Page, ctx: Context, section: Section) -> Context:
    ctx = _close(page, ctx, section.level)
    page.flush(ctx)
    page.last = None
    markdown, line = section.markdown, section.line
    if section.facts.day:
        page.headed_days.append(section.facts.day)
    timed = leading_time(markdown)
    slot = None
    if timed and inline_text(timed[2])[0].strip(" :-–"):
        # '### 10h-10h30 : Keynote d'ouverture': a session, unless sessions follow under it
        slot = page.make_row(ctx, line, read_line([markdown], page.dates), "a heading")
    elif section.facts.day and (titled := _titled_day(markdown, page)):
        # '## 17 juillet 2020 : Présentation de Matomo': a session, unless sessions follow
        slot = page.make_row(ctx, line, titled, "a heading led by its day")
    elif (not section.facts.day and not section.facts.only_time
          and (ended := _hours_at_end(markdown, page))):
        # '## Meet and Greet (~6:30pm)': a session, unless sessions follow under it
        slot = page.make_row(ctx, line, ended, "a heading that ends with its hours")
    return ctx.under(Scope.of(section.level, section.facts, line, slot=slot,
                              counted=page.counted))



def _hours_at_end(markdown: str, page: Page) -> LineReading | None:
    """The reading of a heading that ends with its hours and names something before them
    ('Lightning talks (~7:20pm)', 'Keynote – 9h30'), else None."""
    reading = read_line([markdown], page.dates)
    if reading.start is None or reading.days or not reading.talk.title.strip():
        return None
    return reading


# --- paragraphs -----------------------------------------------------------------------


def _paragraph(page: Page, ctx: Context, block: Block) -> Context:
    lines = block.lines()
    if not lines or IGNORED.match(lines[0]):
        return ctx
    reading = read_line(lines, page.dates)
    when = when_text(lines[0], page.dates)
    heading = ctx.heading
    if heading and (dated := page.day_line(ctx, block.text, heading)):
        return dated
    if when and heading:
        page.flush(ctx)
    taken_under = heading and page.last_taken_line > heading.line
    if when and heading and when[1] and not taken_under and not page.pending:
        where = next((m.group("room") for line in lines[1:] if (m := _WHERE.match(line))), None)
        return ctx.with_scope(heading, when=when, room=heading.room or (
            inline_text(where)[0] if where else None))
    if (reading.talk.title and _slot_line(reading) and not when
            and not _TAKES_PLACE.search(fold(reading.talk.title))):
        ctx = _close(page, ctx, SLOT_LEVEL)
        row = page.make_row(ctx, block.line, reading, "a paragraph")
        return ctx.under(Scope(SLOT_LEVEL, row.talk.title, hour=row.start, end=row.end,
                               slot=row, kind=kind_hint(row.talk.title), room=row.room,
                               counted=page.counted))
    if (heading and heading.only_time and not page.sessions_under(heading)
            and reading.talk.title):
        # '### 18h10' then 'Retour sur … avec Name': the paragraph is the session
        row = page.make_row(ctx, block.line, reading, "the paragraph under an hour heading")
        page.pending.append(row)
        page.count_session()
        page.last = row
        return ctx
    credit = _credit_over_title(lines) if ctx.slot is not None and not when else None
    if ctx.slot is not None and not when and (credit or speaker_first(lines[0])):
        # 'Name (Org): title' paragraphs under a timed line, or 'Name (Org)' over the
        # title: the talks it holds
        if credit:
            reading = read_line(lines[1:], page.dates)
        row = page.make_row(ctx, block.line, reading, "a credited paragraph under a slot")
        if credit:
            row = with_speakers(row, credit)
        page.pending.append(row)
        page.count_session()
        page.last = row
        return ctx
    if (ctx.slot_above or page.last) is not None and (guest := _bold_person(lines)):
        return page.credit(ctx, ((Speaker(guest),), ()))  # a guest's card: '**Name**', role
    if page.last is not None and (fielded := fielded_talk(page.last.talk, lines)):
        # '* 9h30 : **Name**' then 'Titre de la présentation : …' below the list
        talk = fielded[0]
        row = replace(page.last, talk=replace(talk, speakers=(), organisations=()))
        page.replace_last(with_speakers(row, (talk.speakers, talk.organisations)))
        return ctx
    ctx = page.prose(ctx, block.text)
    text = inline_text(block.text)[0]
    ctx = page.credits_in_prose(ctx, text)
    page.lead_in = evidence.lead_in_evidence(text)
    page.lead_kind = kind_hint(text) if page.lead_in else None
    return ctx


# --- lists ----------------------------------------------------------------------------


def _list(page: Page, ctx: Context, block: Block, depth: int) -> Context:
    items = [item for item in block.children if item.kind == "item"]
    if _timecodes(items):
        page.decisions.append(Note(block.line, "its items name a recording's timecodes "
                                   "('46:30', '123:00'), not clock times: not sessions"))
        return ctx
    if ctx.slot and _timed(items):
        ctx = _close(page, ctx, SLOT_LEVEL)  # items with hours of their own follow the slot
    if (ctx.slot_above or page.last) is not None and _persons_list(items):
        return page.credit(ctx, _persons(items))
    heading = ctx.heading
    if heading and heading.roster and not page.sessions_under(heading) and _persons_list(items):
        return ctx.with_scope(heading, credits=(*heading.credits, _persons(items)))
    lines = [_item_markdown(item) for item in items]  # each read once, here
    plain = [inline_text(line)[0] for line in lines]
    if _speakers_apart(page, ctx, items, plain):
        page.speakers_listed.extend(_persons(items)[0])
        if ctx.slot_above is None and page.last is None:
            page.decisions.append(Note(block.line, "its items name who speaks, with no session "
                                       "above them: the page's speakers, not sessions"))
            return ctx
    lead, lead_kind = page.lead_in, page.lead_kind
    colons = page.colons = colon_side(plain, page.colons)
    if bold_names_lead(lines):
        colons = "bold"  # '**Jane Doe** (Acme) : "Title"', '**John Roe** : Title'
    for item, line in zip(items, lines, strict=True):
        ctx = _item(page, ctx, item, depth, (lead, lead_kind), colons, line)
    return ctx


def _item_markdown(item: Block) -> str:
    """An item's first line, without the hours it starts with."""
    first = next((c for c in item.children if c.kind in ("paragraph", "heading")), None)
    if first is None:
        return ""
    text = first.lines()[0]
    timed = leading_time(text)
    return timed[2] if timed else text


def _item(page: Page, ctx: Context, item: Block, depth: int,
          led: tuple[list, str | None], colons: Side | None, markdown: str) -> Context:
    """An item is a session, a slot over the items nested in it, or credits; its nested
    lists are read after it (a slot they follow may end there). `led` is the lead-in
    over its list and its kind, `markdown` its first line (`_item_markdown`)."""
    lead, lead_kind = led
    first = next((c for c in item.children if c.kind in ("paragraph", "heading")), None)
    nested = [c for c in item.children if c.kind == "list"]
    if first is None:
        for inner in nested:
            ctx = _list(page, ctx, inner, depth + 1)
        return ctx
    reading = read_line(first.lines(), page.dates)
    reading.talk = colon_credit(reading.talk, colons, markdown)  # 'Name: Title'
    credit_tried = bool(reading.description)  # read_line read its first line for a credit
    for extra in item.children:
        if extra.kind == "paragraph" and extra is not first:
            reading.description.extend(extra.lines())
    if (fielded := fielded_talk(reading.talk, reading.description)) is not None:
        reading.talk, reading.description = fielded  # '**Name**' over 'Titre : …'
    if parts := numbered_parts(reading.description):
        _parts(page, ctx, item.line, reading, parts)
        return ctx
    inner_items = [i for n in nested for i in n.children if i.kind == "item"]
    credits = bool(inner_items) and _persons_list(inner_items)
    titled = reading.talk.title and not first.text.rstrip("* ").endswith(":")
    if inner_items and not credits and titled and _descriptions(inner_items):
        reading.description.extend(i.text for n in nested for i in _paragraphs(n))
        nested, inner_items = [], []  # '* 10h : Title' over bullets that describe it
    if inner_items and not reading.days and (day := _leading_day(reading, page.dates)):
        # '- Jeudi 3 octobre (Campus)', '- 16 juin 2026 (9h30-17h30) :' over the day's items
        reading.days = [day]
    if inner_items and (reading.start or reading.days or not titled) and (
            not credits or not titled):
        _container(page, ctx, item.line, reading, nested, depth)
        return ctx
    if not inner_items and not reading.talk.title and reading.start:
        # '* **17:00 - 17:10**' and no title: a slot over the list below it, which a blank
        # line in an HTML block cut off from the item
        ctx = _close(page, ctx, SLOT_LEVEL)
        row = page.make_row(ctx, item.line, reading, "a list item")
        return ctx.under(Scope(SLOT_LEVEL, "", hour=row.start, end=row.end, slot=row,
                               counted=page.counted))
    row = page.make_row(ctx, item.line, reading, "a list item", lead, lead_kind)
    if reading.description and not credit_tried and not row.talk.speakers:
        credited = find_credit(inline_text(reading.description[0])[0], at_start=True)
        if credited and re.match(r"^\W*(?:par|avec|by|with)\b", reading.description[0], re.I):
            row = with_speakers(row, credited)
    page.pending.append(row)
    page.count_session()
    page.last = row
    for start, end in reading.repeats:  # the same workshop held again later
        page.pending.append(replace(row, start=start, end=end))
    if credits:
        return page.credit(ctx, _persons(inner_items))
    for inner in nested:
        ctx = _list(page, ctx, inner, depth + 1)
    return ctx


def _container(page: Page, ctx: Context, line: int, reading: LineReading,
               nested: list[Block], depth: int) -> None:
    """A slot with its talks nested under it: they take its hours and its words."""
    level = CONTAINER_LEVEL + depth
    ctx = _close(page, ctx, level)
    start, end = (reading.start, reading.end) if reading.start else ctx.span()
    title = reading.talk.title
    inner = ctx.under(Scope(level, title, hour=start, end=end, kind=kind_hint(title), line=line,
                            day=reading.days[0] if reading.days else None,
                            counted=page.counted))
    page.decisions.append(Note(line, f"{title or 'hours'!r} groups the items under it "
                                     "(not a session)"))
    for block in nested:
        inner = _list(page, inner, block, depth + 1)


def _parts(page: Page, ctx: Context, line: int, reading: LineReading,
           parts: list[Talk]) -> None:
    """An item over the numbered parts in its own lines: each is a session in its hours."""
    page.decisions.append(Note(line, f"{reading.talk.title or 'hours'!r} holds numbered "
                                     "parts (not a session)"))
    for talk in parts:
        part = LineReading(start=reading.start, end=reading.end, days=reading.days, talk=talk,
                           raw=talk.title, room=reading.room)
        part.why.extend(reading.why)
        row = page.make_row(ctx, line, part, "a numbered part of an item")
        page.pending.append(row)
        page.count_session()
        page.last = row


def _last_item_row(page: Page, block: Block | Section | None) -> Row | None:
    """The session the last item of the list `block` made, if it is the last one read."""
    items = block.children if isinstance(block, Block) and block.kind == "list" else []
    last = page.last
    return last if items and last is not None and last.line == items[-1].line else None


def _table(page: Page, ctx: Context, block: Block, above: Row | None = None) -> None:
    """A table's rows; a timed item right above it ('* **14h - 17h : Ateliers**') whose
    hours hold every row's only groups them, and is no session."""
    if block.source is None:
        return
    read = table_rows(block.source, page.frame)
    starts = [item.reading.start for item in read.rows]
    if (above and above.start and above.end and starts
            and all(start and above.start <= start < above.end for start in starts)):
        page.drop_last()
        page.decisions.append(Note(above.line, f"{above.talk.title!r} groups the table under "
                                               "it (not a session)"))
    for line, message in read.table.problems:
        page.warn(line, message)
    page.decisions.append(Note(block.line, "a table whose columns are "
                               f"{read.table.layout.describe() or 'unknown'}"))
    page.decisions.extend(Note(line, note) for line, note in read.table.notes)
    for item in read.rows:
        row = page.make_row(ctx, item.line, item.reading, "a table row", lead_kind=item.kind)
        section = row.section
        if item.section:  # a label row of the table ('Session 2 : données') is innermost
            section = " › ".join(p for p in (section.rsplit(" › ", 1)[-1], item.section) if p)
        page.pending.append(replace(row, section=section, evidence=(*row.evidence, Evidence(
            "table_title_column", "a row of a table with a title column", item.line))))
        page.count_session()


# --- sessions -------------------------------------------------------------------------


def _heading_session(page: Page, ctx: Context, scope: Scope, why: str) -> None:
    """A heading over a 'Quand ? ... Où ? ...' paragraph, or over the list of who speaks in
    it, is a session of its own."""
    days, start, end = scope.when or ([], None, None)
    for day in days or [None]:
        reading = LineReading(start=start, end=end, days=[day] if day else [],
                              talk=Talk(scope.title))
        reading.why.append(why)
        row = page.make_row(ctx.under(Scope(_OWN_LEVEL, room=scope.room)), scope.line, reading,
                            f"a heading with {why.split(' under ')[0]}",
                            lead_kind=scope.prose_kind)
        for credited in scope.credits:
            row = with_speakers(row, credited)
        page.pending.append(row)


def _titled_day(markdown: str, page: Page) -> LineReading | None:
    """The reading of a heading that starts with its day and names something after it
    ('12 mars 2021 : Atelier RGPD'), not the programme ('Jeudi 3 octobre : programme')."""
    reading = read_line([markdown], page.dates)
    title = reading.talk.title
    if (not reading.days or reading.start or not title
            or _leading_day(reading, page.dates) is not None
            or evidence.PROGRAMME_WORDS.search(fold(title))):
        return None
    led = any(why.startswith("starts with") for why in reading.why)
    return reading if led else None


def _slot_line(reading: LineReading) -> bool:
    """A paragraph is a timed line when its hours or day lead it, or follow a short title
    ('**Title**, mardi 24 novembre, 17h-17h30'), not when a sentence merely names a day."""
    if not (reading.start or reading.days):
        return False
    led = any(why.startswith(("starts with", "hours after")) for why in reading.why)
    return led or len(reading.talk.title.split()) <= 16


def _leading_day(reading: LineReading, dates: DateContext) -> date | None:
    """The day a line starts with ('Jeudi 3 octobre (urbanLAB)', '4 octobre matin')."""
    found = find_days(reading.talk.title, dates)
    return found[0].day if found and found[0].span[0] == 0 else None


def _timed(items: list[Block]) -> bool:
    """The first item starts with hours of its own."""
    if not items:
        return False
    first = next((c for c in items[0].children if c.kind in ("paragraph", "heading")), None)
    return bool(first and leading_time(first.text))


_TIMECODE = re.compile(r"(?<![\d:.])(?P<minutes>\d{2,3}):[0-5]\d(?![\d:])")
"""Minutes and seconds into a video ('46:30', '123:00'). Hours past midnight are written
up to '29:59' on some schedules, so only a figure from 30 on is no clock time."""


def _timecodes(items: list[Block]) -> bool:
    """Some item leads with a position in a recording rather than a time of day (a replay's
    chapters: '__03:30-46:30__: Title', '__A partir de 205:00__: ...')."""
    for item in items:
        first = next((c for c in item.children if c.kind in ("paragraph", "heading")), None)
        lead = first.lines()[0][:40] if first is not None else ""
        if any(int(m["minutes"]) >= 30 for m in _TIMECODE.finditer(lead)):
            return True
    return False


def _persons_list(items: list[Block]) -> bool:
    """Most items credit someone rather than name a session: '**Name**, role',
    '**Org, Country** - Name, role', 'Name, role, Org', '**Org**'."""
    credits = [_credit(item) for item in items]
    return bool(items) and sum(1 for c in credits if c) >= max(1, 0.6 * len(items))


def _speakers_apart(page: Page, ctx: Context, items: list[Block], plain: list[str]) -> bool:
    """A list of persons that says it is one: under « Intervenants », after a lead-in that
    introduces people ('Intervenants :', 'Organisateurs :'), or each item labelled
    ('Intervenante : Name (Org)'); `plain` are the items' first lines as text."""
    title = fold(ctx.innermost.title) if ctx.innermost else ""
    introduced = bool(re.search(r"intervenant|speakers?|avec qui", title)) or any(
        found.name == "lead_in_decoy" for found in page.lead_in)
    labelled = all(CREDIT_LABEL.match(text) for text in plain)
    return (introduced or labelled) and _persons_list(items)


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
    bold = _BOLD_CREDIT.match(_LEAD_TO_BOLD.sub("", first.text, count=1))
    name = inline_text(bold.group("bold"))[0] if bold else ""
    if bold and ":" not in name and len(name.split()) <= 10:
        after = inline_text(bold.group("after"))[0]
        if after.lstrip().startswith(("-", "–", "—")):
            found = find_credit(after.lstrip(" -–—"), at_start=True)
            return (found[0], (name,)) if found else None
        if family := shared_surname(name):  # '**Bodo & Lorelei Hoenen**, Org'
            return tuple(Speaker(n) for n in family), ()
        if _is_person(name):  # '**A**, rôle, et **B**, rôle': every person in bold
            others = (inline_text(b)[0] for b in _BOLD.findall(bold.group("after")))
            return (Speaker(name), *(Speaker(o) for o in others if _is_person(o))), ()
        return (), (name,)
    found = _PERSON.match(text)
    if found and _is_person(found.group("name")):
        return (Speaker(found.group("name")),), ()
    return None


_BOLD_LINE = re.compile(r"\s*\*\*(?P<bold>[^*]{1,80})\*\*\s*")


def _bold_person(lines: list[str]) -> str | None:
    """The person a card under a session names: a line that is a name in bold, over their
    role ('**Jeanne Dupont**<br>Cheffe de projet')."""
    found = _BOLD_LINE.fullmatch(lines[0]) if len(lines) > 1 else None
    name = inline_text(found.group("bold"))[0].strip() if found else ""
    return name if _is_person(name) else None


def _credit_over_title(lines: list[str]) -> tuple[tuple[Speaker, ...], tuple[str, ...]] | None:
    """'Silvia Pellegrini (Regione Puglia)' over the title: a first line that is persons
    with their organisation in brackets and nothing else credits the line below it."""
    first = inline_text(lines[0])[0].strip()
    if len(lines) < 2 or not first.endswith(")") or not is_block(first):
        return None
    return block_speakers(first)


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
