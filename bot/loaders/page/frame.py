"""The event's frame: its title, its year and its days, each with where it comes from.

- Title: the header's (`title:`, `Title:`), else the first heading, else the first line of
  text, else the file's name (the last two with a warning).
- Year: the header's event day, else a year in the title (or the header's subtitle and
  description), else the publication date, else the file's folder or name ('2019/…',
  'sudweb2019.md'); the weekdays written beside the days correct it to a neighbouring year
  ('Jeudi 1er juin' is 2023 when 2024 is known), and on a page that gives no year at all
  they fix it, closest to the publication date or to a year written on the page
  (« Lundi 21 septembre » → 2020), with a warning.
- Days: the header's event days, else the days of the title, else those of the day
  headings, else those of the text in the known year — sentences about deadlines,
  registration or publication left out. A plain `date:` is the event's day when nothing
  else gives one (the page's reader checks it has a programme), when it is one of them,
  or when the text's days are months away from it (other events it names); else it is
  the publication date.
- Weekday-only and ordinal headings (« Monday », « Dienstag », « Jour 2 ») stand for the
  event's day on that weekday, or its n-th day (`heading_day`).

A page with a programme is never refused for want of a year or a title: they are inferred,
and a warning says how, with its line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import date, timedelta, tzinfo
from pathlib import PurePath

from bot.loaders.page.metadata import Declared, Metadata, declared
from bot.loaders.page.values import Block, EventFrame
from bot.loaders.when import (
    LANGUAGES,
    DateContext,
    FoundDay,
    day_order,
    find_days,
    find_ordinal,
    find_weekdays,
    find_year,
    find_years,
    guess_language,
    infer_year,
    names,
    scan_days,
    unique,
    writes_24_hours,
)
from bot.wording.folding import fold, fold_once

DEADLINE = re.compile(
    r"avant le|jusqu.(?:au|a)\b|au plus tard|date limite|deadline|inscri|candidat|clotur"
    r"|publie|publication|published|mis a jour|updated|soumission|appel a"
    r"|before|until|\bdue\b|regist|submi|posted|notification|call for"
    r"|anmeld|frist|einreich|bis zum|vor dem|veroffentlicht|aktualisiert"
    r"|plazo|fecha limite|inscrip|hasta el|antes del?\b|envi[oa]|publicado|actualizado"
    r"|convocatoria|scadenza|entro il|prima del|iscrizion|invio|pubblicat|aggiornat"
    r"|uiterlijk|inschrijv|aanmeld|gepubliceerd|bijgewerkt|indienen"
)
"""Words of a sentence about a deadline, registration or publication, in six languages
(folded): the days it names are not the event's."""
_SENTENCE = re.compile(r"(?<=[^\d\s][.!?;])\s+")
"""Where a sentence ends: not after a number ('am 30. Juni 2020')."""
_TITLE_TEXTS = ("subtitle", "description", "summary", "excerpt", "chapeau-text", "linkTitle")
"""Header texts read with the title for the event's year and days."""
_FIRST_LINE = 120
"""Characters of a first line of text taken as a title."""
_NEAR_PUBLICATION = 60
"""Days between a post's publication and the event it announces or reports, at most."""
_SPELLED_OUT = 31
"""Declared days further apart than this give their two ends only."""
_WEEKDAY_ALONE = re.compile(r"[\W\d_]*")
FROM_DATE_KEY = "its header's 'date:'"
"""Where the days come from when only a plain `date:` gives one: the event's day if the page
has a programme, else the day a post was published (a page that is no event)."""
_PATH_MONTH = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)[-_/.](?P<m>0[1-9]|1[0-2])(?:[-_/.](?P<d>0[1-9]|[12]\d|3[01]))?"
    r"(?!\d)"
)
_RANGE_OPENED = re.compile(r"\b(?:du|from|vom|dal|del|desde|van)\W*$")
_RANGE_JOINED = re.compile(r"\b(?:au|to|until|till|through|bis|al|hasta|tot)\b")
"""The words of a range of days written with other words between its ends."""
_NUMERIC_DAY = re.compile(r"\d[/.]\d")
"""Numeric days ('4/12', '4.12.') are written: the page's order of day and month matters."""


def read_frame(
    path: PurePath, metadata: Metadata, blocks: Sequence[Block], tz: tzinfo | None = None,
    saved: date | None = None,
) -> EventFrame:
    """The frame of the event a page describes (see the module's docstring); `tz` is the
    event's time zone, in which a datetime of the header falls on its day; `saved`, the day
    the file was last written, places days when the page and its path give no year at all."""
    said = declared(metadata, tz)
    lines = list(_lines(blocks))
    text = "\n".join(line for _, line in lines)
    warnings: list[tuple[int, str]] = []
    title, title_from, title_line = _title(said, blocks, lines, path, warnings)
    lang = said.lang if said.lang in LANGUAGES else guess_language(text)
    titles = " ".join([title, *filter(None, map(metadata.text, _TITLE_TEXTS))])
    known = tuple(y for y in (said.start[0].year if said.start else None,) if y)
    known += find_years(titles)
    # a plain 'date:' is near the event whether it is its day or the publication's
    published = said.published or said.dated
    reference = published[0] if published else None
    if not known and published is None:  # the path comes after the publication date
        known, reference = _path_years(path), _path_month(path)
    order = day_order(text, lang) if _NUMERIC_DAY.search(text) else None
    context, year_note = DateContext(known, reference, lang, order), None
    if not said.start:  # with the header's event days, each day's weekday is checked alone
        context, year_note = _with_year(context, text, lines, saved)
    days, days_from = _days(said, titles, blocks, lines, context)
    if said.dated and (not days or (days_from == "its text" and _far(days, said.dated[0], lines))):
        days, days_from = (said.dated[0],), f"{FROM_DATE_KEY} (line {said.dated[1]})"
    year = days[0].year if days else (context.years[:1] or (None,))[0]
    year_from = _year_from(said, titles, path, year, context, year_note)
    if year_note and year and year_from.startswith(("the weekdays", _SAVED)):
        warnings.append((year_note[0], f"no year written: read as {year}, {year_note[1]}"))
    return EventFrame(
        year=year, year_from=year_from, days=days, days_from=days_from,
        published=reference, weekdays=_weekdays(days), warnings=tuple(warnings),
        title=title, title_from=title_from, title_line=title_line, lang=lang,
        order=context.order, clock24=writes_24_hours(text),
    )  # fmt: skip


def written_year(frame: EventFrame) -> int | None:
    """The frame's year when the header or the title writes it (not inferred): a day of
    another year on the page is then another event's ('domaine public, 2016-05-14')."""
    return frame.year if frame.year_from.startswith(("its header (", "its title")) else None


def _far(days: tuple[date, ...], dated: date, lines: list[tuple[int, str]]) -> bool:
    """Days of the text, none with its year written, too far from a plain `date:` for it to
    be the day a post about them was published (announcements come within weeks): other
    events the text names, and the `date:` is the event's. A day written with its year ('Le
    9 février 2021, s'est tenue…') stands, whenever its report was published."""
    if min(abs((day - dated).days) for day in days) <= _NEAR_PUBLICATION:
        return False
    return not _days_of(_sentences(lines), DateContext())


def heading_day(text: str, frame: EventFrame, after: date | None = None) -> date | None:
    """The event's day a heading names by its weekday alone (« Monday », « Dienstag : »),
    from the day of the heading above (`after`) on, or by its rank (« Jour 2 », « Day
    Three »); None for any other heading."""
    weekdays = find_weekdays(text, frame.lang)
    if len(weekdays) == 1:
        weekday, (start, end) = weekdays[0]
        if _WEEKDAY_ALONE.fullmatch(text[:start] + text[end:]):
            return frame.day_of(weekday=weekday, after=after)
    ordinal = find_ordinal(text)
    return frame.day_of(ordinal=ordinal) if ordinal else None


def _title(
    said: Declared, blocks: Sequence[Block], lines: list[tuple[int, str]], path: PurePath,
    warnings: list[tuple[int, str]],
) -> tuple[str, str, int]:
    """(title, where it comes from, its line)."""
    if said.title:
        return said.title[0], "its header", said.title[1]
    heading = next((b for b in _walk(blocks) if b.kind == "heading" and b.text.strip()), None)
    if heading is not None:
        return heading.text.strip(), "its first heading", heading.line
    if lines:
        number, first = lines[0]
        title = first[:_FIRST_LINE].rsplit(" ", 1)[0] if len(first) > _FIRST_LINE else first
        warnings.append((number, f"no title in the header or a heading: took its first line, "
                                 f"{title!r}"))
        return title, "its first line", number
    title = " ".join(re.split(r"[-_\s]+", path.stem)).strip() or path.name
    warnings.append((1, f"no title in the header, a heading or the text: took the file's "
                        f"name, {title!r}"))
    return title, "the file's name", 1


def _path_month(path: PurePath) -> date | None:
    """The month (or day) the file's folders or name give: a Jekyll post's
    '2014-02-12-open-data-day.md', a course's 'rnaseq-2017-03/', 'events/2019/10/'."""
    for part in (path.stem, "/".join(path.parent.parts[-3:])):
        found = [*_PATH_MONTH.finditer(part)]
        if found:  # the nearest to the file
            return date(int(found[-1]["y"]), int(found[-1]["m"]), int(found[-1]["d"] or 15))
    return None


def _month_written(text: str, year: int, lang: str | None) -> date | None:
    """The middle of the month a page writes before its year ('in le Teich (February 2023)',
    'im März 2024', 'abril de 2011'): where days it writes without their month fall
    ('Monday 6')."""
    table = names(lang)
    found = re.search(rf"(?<!\w)(?P<month>{table.month})\s+(?:(?:de|del|di)\s+)?{year}\b",
                      fold_once(text))
    month = table.month_of(found["month"]) if found else None
    return date(year, month, 15) if month else None


def _path_years(path: PurePath) -> tuple[int, ...]:
    """Years of the file's folders and name ('2019/10/…', 'sudweb2019.md'), nearest first."""
    return find_years(*reversed(path.parts))


def _with_year(
    context: DateContext, text: str, lines: list[tuple[int, str]], saved: date | None
) -> tuple[DateContext, tuple[int, str] | None]:
    """The context with the year the weekdays written beside the days fix put first, and
    a note on it; without any known year or publication date, a year written on the page
    serves as the reference, else the day the file was saved (with a note even when no
    weekday is written: the year is then a guess)."""
    note = None
    if not context.years and context.published is None:
        written = find_year(text)
        if written is not None:
            reference = _month_written(text, written, context.lang) or date(written, 7, 1)
        elif saved is not None:
            reference = saved
            note = (_first_line(lines), f"closest to {_SAVED} ({saved.isoformat()})")
        else:
            return context, None
        context = DateContext((), reference, context.lang, context.order)
    mentions = scan_days(text, context.lang, context.order)
    year = infer_year(mentions, context)
    if year is None:
        return context, note
    if any(m.year == year for m in mentions):  # 'Am 3. und 4. Juni 2024': written, no guess
        return context.with_year(year), None
    paired = next(m for m in mentions if m.year is None and m.month and m.weekday is not None)
    written = text[paired.span[0] : paired.span[1]]
    line = _line_of(lines, paired.span[0])
    fixed = f"the year in which {written!r} falls on its weekday"
    if note:
        fixed += f", {note[1]}"
    return context.with_year(year), (line, fixed)


_SAVED = "the day the file was saved"


def _first_line(lines: list[tuple[int, str]]) -> int:
    return lines[0][0] if lines else 1


def _line_of(lines: list[tuple[int, str]], position: int) -> int:
    """The file line of a position in the page's lines joined by newlines."""
    for number, line in lines:
        if position <= len(line):
            return number
        position -= len(line) + 1
    return lines[-1][0] if lines else 1


def _year_from(said: Declared, titles: str, path: PurePath, year: int | None,
               context: DateContext, note: tuple[int, str] | None) -> str:
    if year is None:
        return ""
    if said.start and said.start[0].year == year:
        return f"its header (line {said.start[1]})"
    if year in find_years(titles):
        return "its title"
    published = said.published or said.dated
    if published and published[0].year == year:
        return f"its header's date (line {published[1]})"
    if year in _path_years(path):
        return "the file's path"
    if note and note[1].startswith("closest to"):  # no weekday written: a guess
        return note[1].removeprefix("closest to ")
    return f"the weekdays of its days (line {note[0]})" if note else "a day of its text"


def _days(
    said: Declared, titles: str, blocks: Sequence[Block], lines: list[tuple[int, str]],
    context: DateContext,
) -> tuple[tuple[date, ...], str]:
    """The event's days and where they come from, in order of trust."""
    if said.start:
        start, end = said.start[0], said.end[0] if said.end else said.start[0]
        end = max(start, end)
        count = (end - start).days
        days = (start, end) if count > _SPELLED_OUT else tuple(
            start + timedelta(days=n) for n in range(count + 1))
        return days, f"its header (line {said.start[1]})"
    found = _days_of([titles], context)
    if found:
        return found, "its title"
    headings = [b.text for b in _walk(blocks) if b.kind == "heading"]
    found = _days_of(headings, context)
    if found:
        return found, "its day headings"
    found = _days_of(_sentences(lines), context)
    if context.years:  # a day of another year in the text is another event's ('en 2016, …')
        found = tuple(day for day in found if day.year in context.years)
    return found, "its text" if found else ""


def _sentences(lines: list[tuple[int, str]]) -> list[str]:
    return [part for _, line in lines for part in _SENTENCE.split(line)]


def _days_of(texts: list[str], context: DateContext) -> tuple[date, ...]:
    """The days the texts name, in order, each once, deadline sentences left out."""
    days: list[date] = []
    for text in texts:
        if any(c.isdigit() for c in text) and not DEADLINE.search(fold(text)):
            days.extend(_spelled_out(text, find_days(text, context)))
    return tuple(sorted(set(days)))


def _spelled_out(text: str, found: list[FoundDay]) -> list[date]:
    """The days of a text, and those between two days it joins across other words ('du
    **lundi 31 août 2020 - 10:00** (accueil à 9:30) au **mercredi 2 septembre 2020**')."""
    days = unique(found)
    if len(days) != 2 or not 1 < (days[1] - days[0]).days <= _SPELLED_OUT:
        return days
    first, second = found[0].span, found[-1].span
    opened = _RANGE_OPENED.search(fold(text[max(0, first[0] - 12) : first[0]]))
    joined = _RANGE_JOINED.search(fold(text[first[1] : second[0]]))
    if not (opened and joined):
        return days
    return [days[0] + timedelta(days=n) for n in range((days[1] - days[0]).days + 1)]


def _weekdays(days: tuple[date, ...]) -> dict[int, date]:
    """Each weekday of the event's days, to its first day (a week at most)."""
    mapping: dict[int, date] = {}
    for day in days:
        mapping.setdefault(day.weekday(), day)
    return mapping


def _walk(blocks: Sequence[Block]) -> Iterator[Block]:
    """Every block, in page order, the blocks inside items, quotes, groups and cells too."""
    for block in blocks:
        yield block
        yield from _walk(block.children)
        for row in block.rows:
            for cell in row.cells:
                if not cell.spanned:
                    yield from _walk(cell.blocks)


def _lines(blocks: Sequence[Block]) -> Iterator[tuple[int, str]]:
    """(file line, text) of every line of the page that has text, in page order."""
    for block in _walk(blocks):
        for line in block.lines:
            if line.text:
                yield line.number, line.text
        for row in block.rows:
            for cell in row.cells:
                if not cell.spanned and not cell.blocks:
                    yield from ((ln.number, ln.text) for ln in cell.lines if ln.text)
