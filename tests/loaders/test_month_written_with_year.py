"""Day headings that give a weekday and a day number but no month ('### Monday 6') fall in
the month the page writes with its year ('Winter school in Lyon (February 2023)'), not in
the month of that weekday and number closest to the middle of the year."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.loaders.pages import page_sessions

PAGE = """# Winter school on formal proofs

The school takes place in Lyon (February 2023).

## Schedule

### Monday 6

* 09:00-10:30 : Welcome and installation
* 14:00-15:30 : Introduction to Coq

### Tuesday 7

* 09:00-10:30 : Inductive types
"""


def test_days_without_month_fall_in_the_month_written_with_the_year(tmp_path: Path) -> None:
    sessions = page_sessions(tmp_path, PAGE)
    assert [(s.day, s.title) for s in sessions][:3] == [
        (date(2023, 2, 6), "Welcome and installation"),
        (date(2023, 2, 6), "Introduction to Coq"),
        (date(2023, 2, 7), "Inductive types"),
    ]
