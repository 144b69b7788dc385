"""A programme runs forward: 12-hour times without am/pm, slips, and past midnight."""

from datetime import time

import pytest

from bot.loaders.when import Afternoons, TimeLine, find_times, resolve, writes_24_hours


def day(*lines: str, clock24: bool | None = None) -> list[tuple[str, str | None]]:
    """The times of one day's lines, read in order, as ('HH:MM', 'HH:MM' or None)."""
    slots = [slot for line in lines for slot in find_times(line)]
    return [
        (start.strftime("%H:%M"), end.strftime("%H:%M") if end else None)
        for start, end in resolve(slots, clock24)
    ]


def test_afternoon_times_written_without_pm() -> None:
    assert day("9:00", "10:30", "12:00", "1:30", "2:30") == [
        ("09:00", None), ("10:30", None), ("12:00", None), ("13:30", None), ("14:30", None),
    ]  # fmt: skip


def test_ranges_written_without_pm() -> None:
    lines = ["9:00 - 10:30", "10:30 - 12:00", "12:00 - 1:30 Lunch", "1:30 - 2:30", "6:00 Dinner"]
    assert day(*lines) == [
        ("09:00", "10:30"), ("10:30", "12:00"), ("12:00", "13:30"), ("13:30", "14:30"),
        ("18:00", None),
    ]  # fmt: skip


def test_a_day_that_starts_in_the_afternoon() -> None:
    assert day("1:30 Opening", "1:45 Keynote", "3:00 Afternoon tea") == [
        ("13:30", None), ("13:45", None), ("15:00", None),
    ]  # fmt: skip


def test_overlaps_stay_on_the_same_half_day() -> None:
    assert day("9:00", "10:30", "10:15", "11:00") == [
        ("09:00", None), ("10:30", None), ("10:15", None), ("11:00", None),
    ]  # fmt: skip


def test_24_hour_times_are_kept_even_when_they_go_back() -> None:
    assert day("19:10", "20:45", "20:05", "20:15") == [
        ("19:10", None), ("20:45", None), ("20:05", None), ("20:15", None),
    ]  # fmt: skip


def test_a_page_in_24_hours_does_not_move_a_1_oclock() -> None:
    assert day("9:00", "13:30", "1:00 Night walk") == [
        ("09:00", None), ("13:30", None), ("01:00", None),
    ]  # fmt: skip
    assert day("9:00", "12:00", "1:00", clock24=True)[2] == ("01:00", None)
    assert day("9:00", "12:00", "1:00", clock24=False)[2] == ("13:00", None)


def test_past_midnight() -> None:
    assert day("22:30 - 00:00", "00:00 - 02:30", "02:30 - 05:00") == [
        ("22:30", "00:00"), ("00:00", "02:30"), ("02:30", "05:00"),
    ]  # fmt: skip
    assert day("10:00 PM", "11:00 PM", "1:00 AM") == [
        ("22:00", None), ("23:00", None), ("01:00", None),
    ]  # fmt: skip
    assert day("10:30 Concert", "11:30 Last song", "12:30 Bus") == [
        ("10:30", None), ("11:30", None), ("12:30", None),
    ]  # fmt: skip


def test_am_pm_slips_are_read_forward() -> None:
    lines = ["11:00 AM – 11:45 AM Break/Lunch", "11:45 PM – 12:25 PM", "12:15 AM – 12:30 AM"]
    assert day(*lines) == [("11:00", "11:45"), ("11:45", "12:25"), ("12:15", "12:30")]


def test_each_day_starts_afresh() -> None:
    line = TimeLine()
    first = [line.read(s) for s in find_times("9:00 10:30 12:00 1:30")]
    line.new_day()
    second = [line.read(s) for s in find_times("9:00 10:00")]
    assert [t.strftime("%H:%M") for t, _ in first] == ["09:00", "10:30", "12:00", "13:30"]
    assert [t.strftime("%H:%M") for t, _ in second] == ["09:00", "10:00"]


def afternoons(*times: tuple[str, str | None], day: object = 1) -> list[tuple[str, str | None]]:
    """Times already read, fed to `Afternoons` in order, as ('HH:MM', 'HH:MM' or None)."""
    reader = Afternoons()
    read = []
    for start, end in times:
        first, last = reader.read(day, time.fromisoformat(start),
                                  time.fromisoformat(end) if end else None)
        read.append((first.strftime("%H:%M"), last.strftime("%H:%M") if last else None))
    return read


def test_times_already_read_run_forward_after_noon() -> None:
    assert afternoons(("09:00", "10:30"), ("11:00", None), ("12:00", "01:00"),
                      ("01:30", "02:30"), ("02:45", None)) == [
        ("09:00", "10:30"), ("11:00", None), ("12:00", "13:00"), ("13:30", "14:30"),
        ("14:45", None),
    ]  # fmt: skip
    # an evening meetup: '6:30pm' was read as 18:30, the bare '7:00' and '8:15' follow it
    assert afternoons(("18:30", None), ("07:00", None), ("08:15", "09:00")) == [
        ("18:30", None), ("19:00", None), ("20:15", "21:00"),
    ]  # fmt: skip
    assert afternoons(("01:30", None), ("02:00", None)) == [("13:30", None), ("14:00", None)]


def test_times_far_behind_or_past_midnight_stay_as_written() -> None:
    # another track that starts again in the morning, not 21:00
    assert afternoons(("09:00", None), ("11:30", None), ("09:00", None)) == [
        ("09:00", None), ("11:30", None), ("09:00", None),
    ]  # fmt: skip
    assert afternoons(("02:00", "03:30"), ("09:00", None)) == [("14:00", "15:30"), ("09:00", None)]
    # after 23:00, '1:00' is the night (13:00 would go back)
    assert afternoons(("22:00", "23:00"), ("01:00", "02:00")) == [
        ("22:00", "23:00"), ("01:00", "02:00"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- 14h : atelier", True),
        ("13:30 Lunch talk", True),
        ("17.00 Uhr Vortrag", True),
        ("ab 18 Uhr", True),
        ("| 0900-1600 | Ad hoc room |", True),
        ("| 1400-1430 | Break |", True),
        ("1:30 - 2:30 Tutorial\n6:30pm dinner", False),
        ("Version 13.2, 2014-15 season, 130 participants, 20.5 %, 2014-2015", False),
    ],
)
def test_a_page_that_writes_24_hour_times(text: str, expected: bool) -> None:
    assert writes_24_hours(text) is expected
