"""Properties over many generated inputs: every date CLDR writes is read back, every time
written in a programme's forms is read back, and no text makes the grammar fail."""

from datetime import date, time

from babel.dates import format_date
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.loaders.when import LANGUAGES, DateContext, find_days, find_times, parse_hour, scan_days

DAYS = st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31))
CLOCKS = st.times().map(lambda t: time(t.hour, t.minute))


@settings(max_examples=300, deadline=None)
@given(day=DAYS, lang=st.sampled_from(LANGUAGES), form=st.sampled_from(["full", "long", "medium"]))
def test_a_date_as_cldr_writes_it_is_read_back(day: date, lang: str, form: str) -> None:
    text = format_date(day, form, locale=lang)
    assert [found.day for found in find_days(text, DateContext(lang=lang))] == [day], text


@settings(max_examples=200, deadline=None)
@given(day=DAYS, lang=st.sampled_from(LANGUAGES))
def test_a_short_date_is_read_back_in_its_language(day: date, lang: str) -> None:
    text = format_date(day, "short", locale=lang)  # '21/09/2020', '9/21/20', '21.09.20'
    assert [found.day for found in find_days(text, DateContext(lang=lang))] == [day], text


@settings(max_examples=200, deadline=None)
@given(day=DAYS, lang=st.sampled_from(LANGUAGES))
def test_a_day_without_its_year_takes_the_known_one(day: date, lang: str) -> None:
    text = format_date(day, "d MMMM", locale=lang)  # '21 septembre', '21 de septiembre'
    found = find_days(text, DateContext(years=(day.year,), lang=lang))
    assert [f.day for f in found] == [day], text


@settings(max_examples=300, deadline=None)
@given(clock=CLOCKS, form=st.integers(0, 6))
def test_a_time_in_any_form_is_read_back(clock: time, form: int) -> None:
    h, m = clock.hour, clock.minute
    twelve = (h % 12 or 12, "am" if h < 12 else "pm")
    text = [
        f"{h}h{m:02d}",
        f"{h:02d}:{m:02d}",
        f"{h} h {m:02d}",
        f"{h}.{m:02d} Uhr",
        f"{twelve[0]}:{m:02d} {twelve[1].upper()}",
        f"{twelve[0]}:{m:02d}{twelve[1]}",
        f"{h:02d}.{m:02d} uur",
    ][form]
    [slot] = find_times(f"- {text} : Session")
    assert slot.start == clock and slot.end is None, text
    assert parse_hour(text) == clock, text


@settings(max_examples=300, deadline=None)
@given(start=CLOCKS, end=CLOCKS, sep=st.sampled_from(["-", " - ", "–", " – ", " à ", " to "]))
def test_a_range_is_read_back(start: time, end: time, sep: str) -> None:
    text = f"{start.hour}h{start.minute:02d}{sep}{end.hour}h{end.minute:02d}"
    [slot] = find_times(text)
    assert (slot.start, slot.end) == (start, end), text
    assert slot.overnight == (end < start)


@settings(max_examples=500, deadline=None)
@given(
    text=st.text(
        alphabet=st.sampled_from(list("0123456789 :.-/hH~<ampAPMUuhrjuinMarsLundi\n,")), max_size=80
    )
)
def test_any_text_is_read_without_failing(text: str) -> None:
    for slot in find_times(text):
        assert 0 <= slot.span[0] < slot.span[1] <= len(text)
    for mention in scan_days(text):
        assert 0 <= mention.span[0] < mention.span[1] <= len(text)
    find_days(text, DateContext(years=(2024,), published=date(2024, 3, 1)))
    parse_hour(text)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=120))
def test_any_unicode_text_is_read_without_failing(text: str) -> None:
    find_times(text)
    find_days(text, DateContext(published=date(2020, 6, 1)))
