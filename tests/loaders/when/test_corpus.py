"""The real pages of ../shared/corpus*: every day and time their truth gives is found.

Skipped where the corpus is absent. The truth was written by hand from reading the pages;
here it only says which days and times each page holds. Days are read with the event's
year as the known year (inferring the year is tested in test_years.py); times are counted
found when a slot gives them as written, or 12 hours later for a 12-hour time without am/pm
(what `TimeLine` decides)."""

import glob
from datetime import date
from pathlib import Path

import pytest

from bot.loaders.when import DateContext, find_days, find_times
from tests.support.paths import SHARED

yaml = pytest.importorskip("yaml")
PAGES = sorted(glob.glob(str(SHARED / "corpus*" / "pages" / "*.md")))
pytestmark = pytest.mark.skipif(not PAGES, reason="no corpus here")


def _truth(page: str) -> dict:
    truth = Path(page.replace("/pages/", "/truth/")).with_suffix(".yaml")
    return yaml.safe_load(truth.read_text(encoding="utf-8"))


def _times_found(text: str) -> set[str]:
    found = set()
    for slot in find_times(text):
        for clock in filter(None, (slot.first, slot.last)):
            found.add(f"{clock.hour % 24:02d}:{clock.minute:02d}")
            if clock.twelve or clock.meridian:  # the hour a TimeLine may give instead
                found.add(f"{(clock.hour + 12) % 24:02d}:{clock.minute:02d}")
    return found


def test_the_times_of_every_session_are_found() -> None:
    wanted = found = 0
    missed = []
    for page in PAGES:
        sessions = _truth(page)["sessions"]
        times = {s[k] for s in sessions for k in ("start", "end") if s.get(k)}
        got = _times_found(Path(page).read_text(encoding="utf-8"))
        wanted, found = wanted + len(times), found + len(times & got)
        missed += [(Path(page).name, t) for t in sorted(times - got)]
    assert found / wanted >= 0.99, missed


def test_the_days_of_every_session_are_found_given_the_year() -> None:
    wanted = found = 0
    missed = []
    for page in PAGES:
        truth = _truth(page)
        if not truth["sessions"]:
            continue
        year = date.fromisoformat(str(truth["event"]["start"])).year
        text = Path(page).read_text(encoding="utf-8")
        got = {f.day.isoformat() for f in find_days(text, DateContext(years=(year,)))}
        days = {str(s["day"]) for s in truth["sessions"]}
        wanted, found = wanted + len(days), found + len(days & got)
        missed += [(Path(page).name, d) for d in sorted(days - got)]
    assert found / wanted >= 0.95, missed


def test_negative_pages_hold_few_session_times() -> None:
    """Pages without a programme still name the event's hours; never a list of them."""
    for page in PAGES:
        if "_neg-" in page:
            text = Path(page).read_text(encoding="utf-8")
            assert len(find_times(text)) <= 3, page
