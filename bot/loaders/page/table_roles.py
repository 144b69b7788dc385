"""Column roles of a programme table: what each column holds, from its header words (fr,
en, de, es, it, nl) and from what its cells hold.

A column whose cells are times is the time column whatever its header says; the title
column is the one a header names as such (« Titre », « Topic », « Sujet », « Titolo »),
else the one with the longest varied text; a column of person names is the speakers'.
Some headers make a column of sessions, each non-empty cell a session of its own: a day
or a weekday (`Horaire | Lundi | … | Vendredi`), an hour or a range (`07:30 | Morning
(08:30 - 12:00)`), rooms or tracks side by side (`Visio 1 | Visio 2`, `Salle Turing`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cached_property

from bot.loaders.page.table_cells import (
    CellFacts,
    cell_day,
    cell_time,
    is_day,
    looks_like_names,
)
from bot.loaders.page.table_words import header_role
from bot.loaders.page.values import Cell, EventFrame, Row
from bot.loaders.talks.credits import label_credit
from bot.wording.folding import fold

_WORD = re.compile(r"[a-z0-9]+")
_NUMBERED = re.compile(r"^(?P<stem>.*?)\s*(?:n°|no\.?|#)?\s*(?P<tag>\d{1,2}|[a-z])$")


@dataclass(frozen=True)
class Column:
    """One column of a table: its role, its header, why, and what its header says when it
    is a column of sessions (their day, weekday, hours, room or track)."""

    index: int
    role: str
    header: str = ""
    because: str = ""
    facts: CellFacts = field(default_factory=CellFacts)


@dataclass(frozen=True)
class Layout:
    """The columns of a table, its header rows and its body rows."""

    columns: tuple[Column, ...]
    header: tuple[Row, ...] = ()
    body: tuple[Row, ...] = ()
    facts: CellFacts = field(default_factory=CellFacts)
    """What a lone header over the whole table says (« Mercoledì 16 Marzo 2022 »)."""
    label_titles: bool = False
    """The label column names the sessions and the title column describes them, but where
    a label credits a person ('Keynote: Name')."""

    def find(self, role: str) -> Column | None:
        """The first column with `role`."""
        return self._first.get(role)

    @cached_property
    def _first(self) -> dict[str, Column]:
        first: dict[str, Column] = {}
        for column in self.columns:
            first.setdefault(column.role, column)
        return first

    def describe(self) -> str:
        """The columns as --explain says them: "time 'Horaire' (its header word
        'horaire'), title 'Sujet' (…)"."""
        return "; ".join(f"{c.role} {c.header!r}" + (f" ({c.because})" if c.because else "")
                         for c in self.columns if c.role != "other")

    @cached_property
    def sessions(self) -> tuple[Column, ...]:
        """The columns whose cells are sessions of their own."""
        return tuple(c for c in self.columns if c.role == "sessions")


@dataclass(frozen=True)
class _Votes:
    """What the body cells of a column hold."""

    filled: int = 0
    times: int = 0
    days: int = 0
    names: int = 0
    distinct: int = 0
    length: float = 0.0

    def share(self, count: int) -> float:
        return count / self.filled if self.filled else 0.0

    @property
    def text_score(self) -> float:
        """How much a column reads like titles: long and varied text."""
        return self.length * (self.distinct / self.filled) if self.filled else 0.0


def column_roles(rows: tuple[Row, ...], frame: EventFrame) -> Layout:
    """The layout of a table's rows (spans already laid on the grid): header rows, and a
    role for each column."""
    width = max((len(r.cells) for r in rows), default=0)
    header, body = _split_header(rows, width)
    headers = [_header_text(header, index) for index in range(width)]
    votes = [_votes(body, index) for index in range(width)]
    if header and _header_is_data(header, headers, votes):
        header, body, headers = (), rows, [""] * width
        votes = [_votes(body, index) for index in range(width)]
    columns = [_first_role(index, headers[index], votes[index], frame)
               for index in range(width)]
    columns = _time_and_day(columns, votes)
    columns = _parallel_columns(columns)
    columns = _title(columns, votes)
    columns = _speakers_and_label(columns, votes)
    facts = CellFacts()
    sessions = [c for c in columns if c.role == "sessions"]
    if len(sessions) == 1 and not any(c.role == "title" for c in columns):
        lone = sessions[0]  # one day or room over the title column: the whole table's
        facts = lone.facts
        columns[lone.index] = replace(lone, role="title", because=(
            f"{lone.because}, over the only column of titles"))
    return Layout(tuple(columns), header, body, facts, _label_titles(body, columns))


# --- header rows ----------------------------------------------------------------------


def _split_header(rows: tuple[Row, ...], width: int) -> tuple[tuple[Row, ...], tuple[Row, ...]]:
    """The leading rows marked as header (`<thead>`, all `<th>`), or a first row of header
    words written as data ('**Begin** | **Topic** | **Presenter**'). A lone cell over the
    whole width is a row of its own (a day, a label), not a header, unless it names a
    role ('Horaires')."""
    count = 0
    for row in rows:
        if not row.header or (is_lone(row, width) and not _names_roles(row)):
            break
        count += 1
    if count == 0 and rows and width > 1 and _names_roles(rows[0]):
        filled = [c for c in rows[0].cells if c.text]
        if sum(1 for c in filled if header_role(c.text)) >= max(2, len(filled) - 1):
            count = 1
    if count == 0 and rows and _days_over_columns(rows[0]):
        count = 1
    return rows[:count], rows[count:]


def _days_over_columns(row: Row) -> bool:
    """A first row written as data that only names days, over an empty corner ('', '',
    '08/07/2024', '09/07/2024', …): the days of the columns under it."""
    filled = [c.text for c in row.cells if c.text]
    return (len(filled) >= 2 and not row.cells[0].text
            and all(is_day(text) for text in filled))


def _names_roles(row: Row) -> bool:
    return any(header_role(c.text) for c in row.cells if c.text and not c.spanned)


def is_lone(row: Row, width: int) -> bool:
    """A row with one cell of text (spanning the width or beside empty cells), in a table
    of more than one column: a day, a label or a note, not a row of columns."""
    if width < 2:
        return False
    origins = {(c.line, text) for c in row.cells if (text := c.text)}
    return len(origins) == 1


def _header_text(header: tuple[Row, ...], index: int) -> str:
    texts = [r.cells[index].text for r in header if index < len(r.cells)]
    return " ".join(dict.fromkeys(t.strip(" *_") for t in texts if t.strip(" *_")))


def _header_is_data(header: tuple[Row, ...], headers: list[str], votes: list[_Votes]) -> bool:
    """A first row that holds a time where its column holds times is a row of data
    written as header (a Markdown table must have one)."""
    for index, text in enumerate(headers):
        if votes[index].share(votes[index].times) >= 0.6 and cell_time(text) is not None:
            return len(header) == 1 and header_role(text) is None
    return False


# --- votes and first roles --------------------------------------------------------------


def _votes(body: tuple[Row, ...], index: int) -> _Votes:
    texts = [r.cells[index].text for r in body
             if index < len(r.cells) and r.cells[index].text and not r.cells[index].spanned]
    if not texts:
        return _Votes()
    slots = [cell_time(t) for t in texts]
    others = [t for t, s in zip(texts, slots, strict=True) if s is None]
    return _Votes(
        filled=len(texts),
        times=len(texts) - len(others),
        days=sum(1 for t in others if is_day(t)),
        names=sum(1 for t in others if looks_like_names(t)),
        distinct=len({fold(t) for t in texts}),
        length=sum(len(t) for t in texts) / len(texts),
    )


def _first_role(index: int, header: str, votes: _Votes, frame: EventFrame) -> Column:
    """The role a column's header gives, or a column of sessions its header names."""
    found = header_role(header) if header else None
    facts = cell_day(header, frame) if header else CellFacts()
    if facts.known:  # a day ("Lundi", "3 juin", "Jour 2"), not the word "Date"
        return Column(index, "sessions", header, f"its header {header!r} is a day", facts)
    slot = cell_time(header, whole=False) if header else None
    timed = found is not None and found[0] in _TIMED
    if slot is not None and not timed and votes.share(votes.times) < 0.6:
        return Column(index, "sessions", header, f"its header {header!r} is an hour",
                      CellFacts(start=slot.start, end=slot.end))
    if found is None:
        return Column(index, "other", header)
    role, word = found
    return Column(index, role, header, f"its header word {word!r}")


_TIMED = ("time", "start", "end")
"""The roles of a column of hours."""


def _time_and_day(columns: list[Column], votes: list[_Votes]) -> list[Column]:
    """What the cells hold overrides a header: a column of times is the time column, a
    column of days the day column; a header word its cells belie gives way."""
    out = [replace(c, role="other") if c.role == "day" and votes[c.index].filled
           and votes[c.index].share(votes[c.index].days) < 0.3 else c for c in columns]
    timed = [c for c in out if c.role in _TIMED]
    if not any(votes[c.index].share(votes[c.index].times) >= 0.3 for c in timed):
        out = [replace(c, role="other") if c.role in _TIMED else c
               for c in out]
        out = _by_content(out, votes, "time", "times", "times", among=None)
    if not any(c.role == "day" for c in out):
        out = _by_content(out, votes, "day", "days", "days")
    return _end_beside(out, votes)


def _end_beside(columns: list[Column], votes: list[_Votes]) -> list[Column]:
    """A time written over cells ('9:00', '-', '10:30'): a column of times just after the
    time column, maybe past one of dashes, is the column of ends."""
    time = next((c for c in columns if c.role in ("time", "start")), None)
    if time is None or any(c.role == "end" for c in columns):
        return columns
    out = list(columns)
    for column in columns[time.index + 1 : time.index + 3]:
        v = votes[column.index]
        if column.role == "other" and v.share(v.times) >= 0.6:
            out[column.index] = replace(column, role="end", because=(
                f"{v.times} of its {v.filled} cells are times, after the time column"))
            return out
        if v.filled and v.length > 2:
            return columns  # a dash or nothing may stand between a start and its end
    return columns


def _by_content(columns: list[Column], votes: list[_Votes], role: str, count: str,
                what: str, among: tuple[str, ...] | None = ("other", "description")
                ) -> list[Column]:
    """The first column whose cells are mostly `count` takes `role`, among the columns
    with a role of `among` (None: any but a column of sessions)."""
    found = next((c for c in columns
                  if (c.role in among if among is not None else c.role != "sessions")
                  and votes[c.index].share(getattr(votes[c.index], count)) >= 0.6), None)
    if found is None:
        return columns
    v = votes[found.index]
    out = list(columns)
    out[found.index] = replace(found, role=role, because=(
        f"{getattr(v, count)} of its {v.filled} cells are {what}"))
    return out


# --- rooms and tracks side by side -------------------------------------------------------


def _parallel_columns(columns: list[Column]) -> list[Column]:
    """Two or more columns whose headers differ only by a number or a letter ('Visio 1',
    'ATELIER 2', 'Track B'), or that each name a room ('Salle Turing', 'Amphi A'): each
    is a room or a track, and each of their cells a session."""
    candidates = [c for c in columns if c.header and c.role not in ("time", "start", "end",
                                                                     "day", "sessions")]
    stems: dict[str, list[Column]] = {}
    for column in candidates:
        match = _NUMBERED.match(fold(column.header).strip(" :*"))
        if match and match.group("stem"):
            stems.setdefault(match.group("stem"), []).append(column)
    named = [c for c in candidates
             if c.role in ("room", "track") and len(_WORD.findall(fold(c.header))) > 1]
    group = max((g for g in stems.values() if len(g) >= 2), key=len, default=None)
    if group is None and len(named) >= 2:
        group = named
    if group is None:
        return columns
    group = _with_neighbours(group, [c for c in candidates if c.role in ("room", "track")])
    out = list(columns)
    for column in group:
        role = header_role(column.header)
        facts = (CellFacts(track=column.header) if role and role[0] == "track"
                 else CellFacts(room=column.header))
        out[column.index] = replace(column, role="sessions", facts=facts, because=(
            f"its header {column.header!r} names a room or track beside "
            f"{len(group) - 1} other"))
    return out


def _with_neighbours(group: list[Column], rooms: list[Column]) -> list[Column]:
    """The group of rooms side by side, with the columns next to it whose header is one
    room word ('Amphi' beside 'Salle 2 | Salle 3'): a room too, not a column of room
    names."""
    taken = {c.index for c in group}
    by_index = {c.index: c for c in rooms}
    grown = True
    while grown:
        grown = False
        for index in [i for i in by_index if i not in taken]:
            if index - 1 in taken or index + 1 in taken:
                taken.add(index)
                grown = True
    return sorted([*group, *(by_index[i] for i in taken if i in by_index
                             and by_index[i] not in group)], key=lambda c: c.index)


# --- title and label -----------------------------------------------------------------


def _title(columns: list[Column], votes: list[_Votes]) -> list[Column]:
    """The title column: the strongest title header, else a description column, else the
    column of longest varied text that is not a column of names."""
    out = list(columns)
    titled = sorted((c for c in out if c.role.startswith("title")), key=lambda c: c.role)
    title = titled[0] if titled else None
    if title is None and not any(c.role == "sessions" for c in out):
        pool = [c for c in out if c.role in ("description", "other")
                and votes[c.index].filled and votes[c.index].share(votes[c.index].times) < 0.6]
        pool = ([c for c in pool if c.role == "description"]
                or [c for c in pool if votes[c.index].share(votes[c.index].names) < 0.6]
                or pool)
        title = max(pool, key=lambda c: votes[c.index].text_score, default=None)
        if title is not None and title.role != "description":
            v = votes[title.index]
            title = replace(title, because=(
                f"its {v.distinct} different texts are the longest (mean "
                f"{v.length:.0f} characters)"))
    for column in out:
        if column.role.startswith("title"):
            out[column.index] = replace(column, role="other")
    if title is not None:
        out[title.index] = replace(title, role="title")
    return out


def _speakers_and_label(columns: list[Column], votes: list[_Votes]) -> list[Column]:
    """A column of person names is the speakers' when no header named one. A text column
    before the title column with shorter text is its label ('Lecture 01', 'Keynote: Name',
    'Séance 1'), or one whose header is a weaker title word ('Session' before 'Title'):
    the title where the title cell is empty, and a hint of the kind."""
    out = list(columns)
    if not any(c.role == "speakers" for c in out):
        out = _by_content(out, votes, "speakers", "names", "names of persons")
    title = next((c for c in out if c.role == "title"), None)
    if title is None:
        return out
    before = [c for c in out[: title.index] if c.role == "other" and votes[c.index].filled
              and votes[c.index].share(votes[c.index].times) < 0.6]
    label = before[-1] if before else None
    titled = label is not None and (header_role(label.header) or ("",))[0].startswith("title")
    if label is not None and (titled or votes[label.index].length < votes[title.index].length):
        out[label.index] = replace(label, role="label", because=(
            "a weaker title word before the title column" if titled
            else "shorter text before the title column"))
    return out


_DESCRIBED = 0.6
"""The share of uncredited rows whose title cell describes rather than names."""
_SAID_AGAIN = 0.4
"""The share of their filled title cells that say what another row's says too."""


def _label_titles(body: tuple[Row, ...], columns: list[Column]) -> bool:
    """Whether the label column names the sessions: on the rows whose label credits no
    one, the title cells are mostly empty or say what other rows say too ('Afternoon tea |
    Coffee, tea and snack provided', 'Talks | Parallel sessions (6)'), as descriptions
    do and titles of talks do not; the rows whose label credits a person ('Keynote:
    Name') keep their title cell."""
    label = next((c for c in columns if c.role == "label"), None)
    title = next((c for c in columns if c.role == "title"), None)
    rows = [r for r in body if text_at(r, label) and not is_lone(r, len(columns))
            and not label_credit(text_at(r, label))]
    if label is None or len(rows) < 4:
        return False
    texts = [fold(text_at(r, title)) for r in rows]
    filled = [t for t in texts if t]
    again = [t for t in filled if texts.count(t) > 1]
    return (len(texts) - len(filled) + len(again) >= _DESCRIBED * len(texts)
            and len(again) >= _SAID_AGAIN * len(filled))


def cell_at(row: Row, column: Column | None) -> Cell | None:
    """The cell of `row` in `column`, if the row reaches it."""
    if column is None or column.index >= len(row.cells):
        return None
    return row.cells[column.index]


def text_at(row: Row, column: Column | None) -> str:
    """The text of the cell of `row` in `column`, '' if there is none."""
    cell = cell_at(row, column)
    return cell.text if cell is not None else ""
