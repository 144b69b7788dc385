"""One programme written out as a page in many layouts, as organisers write them.

A layout is a form (Markdown table, bullets, headings, HTML table with blank lines
between its rows, HTML cards, a definition list, tab-separated lines, one HTML table
with a column per day, one Markdown table with a day column written once a day, bullets
indented as code, lines joined by backslashes, HTML paragraphs, HTML list items of styled
fields side by side), a language (French,
English), a clock (24-hour; 12-hour with am/pm, in English only: French pages do not
write it), days written with their year or without, and days written over each day's
sessions or once (weekday-only headings, the dates given once in the line that opens the
page).
"""

from __future__ import annotations

import html
import itertools
import json
import re
from dataclasses import dataclass
from datetime import date, time, timedelta

from babel.dates import format_date

from tests.loaders.permutations.programmes import Programme, Talk

FORMS = ("markdown-table", "bullets", "headings", "html-table", "html-cards", "definitions",
         "tab-separated", "day-columns", "day-column", "code-block", "hard-breaks",
         "html-paragraphs", "html-fields")
_PUBLISHED_BEFORE = 30
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


@dataclass(frozen=True)
class Layout:
    form: str
    lang: str = "fr"
    clock: str = "24h"
    year: bool = True
    dates: str = "each"
    """'each': each day's heading gives its date; 'once': weekday-only headings, the
    dates given once at the top."""

    @property
    def name(self) -> str:
        return "-".join((self.form, self.lang, self.clock, "year" if self.year else "no-year",
                         f"dates-{self.dates}"))


LAYOUTS = tuple(
    Layout(form, lang, clock, year, dates)
    for form, (lang, clock), year, dates in itertools.product(
        FORMS, (("fr", "24h"), ("en", "24h"), ("en", "12h")), (True, False), ("each", "once"))
)

_WORDS = {
    "fr": {"day": "Jour", "time": "Horaire", "title": "Titre", "speakers": "Intervenants",
           "and": "et", "with": "Avec", "programme": "Programme", "from": "Du {} au {}.",
           "on": "Le {}."},
    "en": {"day": "Day", "time": "Time", "title": "Title", "speakers": "Speakers", "and": "and",
           "with": "With", "programme": "Programme", "from": "From {} to {}.",
           "on": "On {}."},
}


def applies(programme: Programme, layout: Layout) -> bool:
    """Whether a reader could read `programme` back from `layout`: weekday-only headings
    need days of one week, each on its own weekday; a column per day needs the sessions
    of one row (one start) to share their end, and a day to hold one session a start."""
    days = programme.days
    if layout.dates == "once" and (
            len({d.weekday() for d in days}) < len(days) or (days[-1] - days[0]).days >= 7):
        return False
    if layout.form == "day-columns":
        slots = [(t.day, t.start) for t in programme.talks]
        ends = {(t.start, t.end) for t in programme.talks}
        return len(set(slots)) == len(slots) and len(ends) == len({s for _, s in ends})
    return True


def write_page(programme: Programme, layout: Layout) -> str:
    """The page: a front matter with the title and the day it was published (a month
    before the event, as a blog post's `date:`), a line with the dates when they are
    given once, then each day's sessions under its heading in the layout's form."""
    words = _WORDS[layout.lang]
    days = programme.days
    published = days[0] - timedelta(days=_PUBLISHED_BEFORE)
    parts = [f"---\ntitle: {json.dumps(programme.title, ensure_ascii=False)}\n"
             f"date: {published.isoformat()}\n---\n"]
    if layout.dates == "once":
        dated = [_day(day, layout, weekday_only=False) for day in (days[0], days[-1])]
        line = words["from"].format(*dated) if len(days) > 1 else words["on"].format(dated[0])
        parts.append(line[0].upper() + line[1:] + "\n")
    parts.append(f"## {words['programme']}\n")
    if layout.form in _WHOLE:
        parts.append(_WHOLE[layout.form](programme, layout))
        return "\n".join(parts)
    write = _FORMS[layout.form]
    for day in days:
        talks = [talk for talk in programme.talks if talk.day == day]
        parts.append(write(_day(day, layout, layout.dates == "once"), talks, layout))
    return "\n".join(parts)


def _day(day: date, layout: Layout, weekday_only: bool) -> str:
    """'Jeudi 12 juin 2025', 'Thursday, June 12', 'Lundi' (CLDR names through Babel)."""
    if weekday_only:
        pattern = "EEEE"
    elif layout.lang == "fr":
        pattern = "EEEE d MMMM y" if layout.year else "EEEE d MMMM"
    else:
        pattern = "EEEE, MMMM d, y" if layout.year else "EEEE, MMMM d"
    text = format_date(day, pattern, locale=layout.lang)
    return text[0].upper() + text[1:]


def clock(value: time, layout: Layout) -> str:
    """'9h05' (French), '09:05' (English), '9:05 am' (12-hour)."""
    if layout.clock == "12h":
        hour = value.hour % 12 or 12
        return f"{hour}:{value.minute:02d} {'am' if value.hour < 12 else 'pm'}"
    if layout.lang == "fr":
        return f"{value.hour}h{value.minute:02d}"
    return f"{value.hour:02d}:{value.minute:02d}"


def hours(talk: Talk, layout: Layout) -> str:
    start = clock(talk.start, layout)
    return f"{start} - {clock(talk.end, layout)}" if talk.end else start


def names(talk: Talk, layout: Layout) -> str:
    """'A', 'A et B', 'A, B and C'."""
    if len(talk.speakers) < 2:
        return "".join(talk.speakers)
    return f"{', '.join(talk.speakers[:-1])} {_WORDS[layout.lang]['and']} {talk.speakers[-1]}"


def _md(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _markdown_table(day: str, talks: list[Talk], layout: Layout) -> str:
    words = _WORDS[layout.lang]
    rows = [f"### {day}\n", f"| {words['time']} | {words['title']} | {words['speakers']} |",
            "|---|---|---|"]
    rows += [f"| {hours(t, layout)} | {_md(t.title)} | {_md(names(t, layout))} |"
             for t in talks]
    return "\n".join(rows) + "\n"


def _bullets(day: str, talks: list[Talk], layout: Layout) -> str:
    lines = [f"### {day}\n"]
    for talk in talks:
        credit = f" — {_md(names(talk, layout))}" if talk.speakers else ""
        lines.append(f"- {hours(talk, layout)} : {_md(talk.title)}{credit}")
    return "\n".join(lines) + "\n"


def _headings(day: str, talks: list[Talk], layout: Layout) -> str:
    parts = [f"### {day}\n"]
    for talk in talks:
        parts.append(f"#### {hours(talk, layout)} : {_md(talk.title)}\n")
        if talk.speakers:
            parts.append(f"{_WORDS[layout.lang]['with']} {_md(names(talk, layout))}.\n")
    return "\n".join(parts)


def _html_table(day: str, talks: list[Talk], layout: Layout) -> str:
    """An office export: the rows of the table apart, with blank lines between them."""
    words = _WORDS[layout.lang]
    rows = [f"<h3>{html.escape(day)}</h3>\n", "<table>",
            f"  <thead><tr><th>{words['time']}</th><th>{words['title']}</th>"
            f"<th>{words['speakers']}</th></tr></thead>", "  <tbody>"]
    for talk in talks:
        rows += ["", "    <tr>", f"      <td>{hours(talk, layout)}</td>",
                 f"      <td>{html.escape(talk.title)}</td>",
                 f"      <td>{html.escape(names(talk, layout))}</td>", "    </tr>"]
    return "\n".join([*rows, "", "  </tbody>", "</table>"]) + "\n"


def _html_cards(day: str, talks: list[Talk], layout: Layout) -> str:
    cards = [f"<h3>{html.escape(day)}</h3>\n", '<div class="agenda">']
    for talk in talks:
        cards += ['  <div class="session">',
                  f'    <div class="time">{hours(talk, layout)}</div>',
                  f'    <div class="title">{html.escape(talk.title)}</div>']
        if talk.speakers:
            cards.append(f'    <div class="speakers">{html.escape(names(talk, layout))}</div>')
        cards.append("  </div>")
    return "\n".join([*cards, "</div>"]) + "\n"


def _definitions(day: str, talks: list[Talk], layout: Layout) -> str:
    terms = [f"<h3>{html.escape(day)}</h3>\n", "<dl>"]
    for talk in talks:
        credit = f", {html.escape(names(talk, layout))}" if talk.speakers else ""
        terms += [f"  <dt>{hours(talk, layout)}</dt>",
                  f"  <dd>{html.escape(talk.title)}{credit}</dd>"]
    return "\n".join([*terms, "</dl>"]) + "\n"


def _tab_separated(day: str, talks: list[Talk], layout: Layout) -> str:
    """Rows pasted from a spreadsheet: hours, title and speakers apart by tabs."""
    rows = [f"{hours(t, layout)}\t{_md(t.title)}\t{_md(names(t, layout))}".rstrip("\t")
            for t in talks]
    return f"### {day}\n\n" + "\n".join(rows) + "\n"


def _day_columns(programme: Programme, layout: Layout) -> str:
    """One HTML table: the hours down the first column, a column per day, each cell the
    title over its speakers."""
    days = programme.days
    by_slot = {(t.day, t.start): t for t in programme.talks}
    head = "".join(f"<th>{html.escape(_day(d, layout, layout.dates == 'once'))}</th>"
                   for d in days)
    rows = ["<table>", f"<tr><th>{_WORDS[layout.lang]['time']}</th>{head}</tr>"]
    for start in sorted({t.start for t in programme.talks}):
        first = next(t for t in programme.talks if t.start == start)
        cells = []
        for day in days:
            talk = by_slot.get((day, start))
            cells.append("<td></td>" if talk is None else
                         f"<td><strong>{html.escape(talk.title)}</strong>"
                         + (f"<br>{html.escape(names(talk, layout))}" if talk.speakers else "")
                         + "</td>")
        rows.append(f"<tr><td>{hours(first, layout)}</td>{''.join(cells)}</tr>")
    return "\n".join([*rows, "</table>"]) + "\n"


def _day_column(programme: Programme, layout: Layout) -> str:
    """One Markdown table with a day column whose cell is written on a day's first row
    only (the empty cells under it continue it)."""
    words = _WORDS[layout.lang]
    rows = [f"| {words['day']} | {words['time']} | {words['title']} | {words['speakers']} |",
            "|---|---|---|---|"]
    for day in programme.days:
        talks = [talk for talk in programme.talks if talk.day == day]
        for index, talk in enumerate(talks):
            label = _day(day, layout, layout.dates == "once") if index == 0 else ""
            rows.append(f"| {label} | {hours(talk, layout)} | {_md(talk.title)} | "
                        f"{_md(names(talk, layout))} |")
    return "\n".join(rows) + "\n"


def _code_block(day: str, talks: list[Talk], layout: Layout) -> str:
    """The bullets, indented four spaces by mistake."""
    bullets = _bullets(day, talks, layout).split("\n", 2)
    return "\n".join([*bullets[:2], *("    " + line if line else line
                                       for line in bullets[2].split("\n"))])


def _hard_breaks(day: str, talks: list[Talk], layout: Layout) -> str:
    """One paragraph a day, its lines joined by backslashes."""
    lines = [line[2:] for line in _bullets(day, talks, layout).split("\n")[2:] if line]
    return f"### {day}\n\n" + "\\\n".join(lines) + "\n"


def _html_paragraphs(day: str, talks: list[Talk], layout: Layout) -> str:
    parts = [f"<h3>{html.escape(day)}</h3>"]
    for talk in talks:
        credit = f", {html.escape(names(talk, layout))}" if talk.speakers else ""
        parts.append(f"<p><b>{hours(talk, layout)}</b> {html.escape(talk.title)}{credit}</p>")
    return "\n".join(parts) + "\n"


def _html_fields(day: str, talks: list[Talk], layout: Layout) -> str:
    """A CMS's list: each item's hours, title and speakers in styled spans, no space
    between them."""
    items = [f"<h3>{html.escape(day)}</h3>", '<ul class="schedule">']
    for talk in talks:
        who = (f'<span class="speakers">{html.escape(names(talk, layout))}</span>'
               if talk.speakers else "")
        items.append(f'<li><span class="time">{hours(talk, layout)}</span>'
                     f'<span class="title">{html.escape(talk.title)}</span>{who}</li>')
    return "\n".join([*items, "</ul>"]) + "\n"


_WHOLE = {"day-columns": _day_columns, "day-column": _day_column}
"""The forms that write the whole programme at once, not a day at a time."""

_FORMS = {"markdown-table": _markdown_table, "bullets": _bullets, "headings": _headings,
          "html-table": _html_table, "html-cards": _html_cards, "definitions": _definitions,
          "tab-separated": _tab_separated, "code-block": _code_block, "hard-breaks": _hard_breaks,
          "html-paragraphs": _html_paragraphs, "html-fields": _html_fields}
