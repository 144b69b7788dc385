"""What a page tells about the days it writes without a year: an immutable value."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

_YEAR = re.compile(r"(?<!\d)(19[89]\d|20\d\d)(?!\d)")


@dataclass(frozen=True)
class DateContext:
    """Known years, the publication date and the language of a page.

    `years`, strongest first: the event's date in the front matter, the title, the file's
    path or slug. `published`: the page's publication date (a blog post's `date:`), which is
    near the event but not its day. `lang`: 'fr', 'en', 'de', 'es', 'it', 'nl' or None (any).
    `order`: 'dmy' or 'mdy' for numeric days such as '4/12' (None: from the page, then lang).
    """

    years: tuple[int, ...] = ()
    published: date | None = None
    lang: str | None = None
    order: str | None = None

    def with_year(self, year: int | None) -> DateContext:
        """This context with `year` known first (a no-op for None or a year already first)."""
        if year is None or self.years[:1] == (year,):
            return self
        return replace(self, years=(year, *(y for y in self.years if y != year)))

    @property
    def reference(self) -> date | None:
        """The date a day without a year is placed closest to."""
        if self.published:
            return self.published
        return date(self.years[0], 7, 1) if self.years else None


def find_year(text: str) -> int | None:
    """The first plausible year (1980-2099) in `text`: a title, a path, a slug."""
    found = _YEAR.search(text)
    return int(found.group(1)) if found else None


def find_years(*texts: str) -> tuple[int, ...]:
    """The first plausible year of each text, in order and once each ('known years')."""
    return tuple(dict.fromkeys(y for t in texts if (y := find_year(t)) is not None))
