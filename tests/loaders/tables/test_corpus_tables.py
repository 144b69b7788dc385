"""Table shapes of real pages (../shared corpora): each table read by the table stage alone,
with the event's frame the page declares, against what the page's truth says. Skipped
where ../shared is absent."""

from __future__ import annotations

from datetime import date, time

import pytest
import yaml

from bot.loaders.page.blocks import read_blocks
from bot.loaders.page.dom import parse_html
from bot.loaders.page.metadata import read_metadata
from bot.loaders.page.render import render
from bot.loaders.page.table_entries import TableReading, read_table
from bot.loaders.page.values import Block
from tests.loaders.tables.build import frame
from tests.support.paths import SHARED

pytestmark = pytest.mark.skipif(not (SHARED / "corpus3").is_dir(),
                                reason="../shared is not here")


def _tables(folder: str, stem: str, first: date, last: date) -> list[TableReading]:
    path = next((SHARED / folder / "pages").glob(f"{stem}*"))
    body = read_metadata(path.read_text(encoding="utf-8")).body
    blocks = read_blocks(parse_html(render(body).html), body.split("\n"))
    return [read_table(b, frame(first, last)) for b in _all_tables(blocks)]


def _all_tables(blocks: tuple[Block, ...]) -> list[Block]:
    out: list[Block] = []
    for block in blocks:
        if block.kind == "table":
            out.append(block)
        out.extend(_all_tables(block.children))
    return out


def _truth(folder: str, stem: str) -> list[dict]:
    path = next((SHARED / folder / "truth").glob(f"{stem}*.yaml"))
    return yaml.safe_load(path.read_text(encoding="utf-8"))["sessions"]


def _value(given):
    return given.value if given is not None else None


def _when(entries) -> list[tuple]:
    return [(_value(e.day), _value(e.start), _value(e.end)) for e in entries]


def _truth_when(sessions: list[dict]) -> list[tuple]:
    return [(date.fromisoformat(s["day"]), _hm(s["start"]), _hm(s["end"])) for s in sessions]


def _hm(text: str | None) -> time | None:
    return time.fromisoformat(text) if text else None


def test_one_column_per_weekday_c3_02() -> None:
    (reading,) = _tables("corpus3", "02_", date(2018, 8, 27), date(2018, 8, 31))
    assert [c.role for c in reading.layout.columns] == ["time"] + ["sessions"] * 5
    assert sorted(_when(reading.entries)) == sorted(_truth_when(_truth("corpus3", "02_")))


def test_a_date_column_continued_by_empty_cells_c2_03() -> None:
    (reading,) = _tables("corpus2", "03_", date(2020, 9, 21), date(2020, 9, 25))
    truth = _truth("corpus2", "03_")
    assert _when(reading.entries) == _truth_when(truth)
    assert [e.title[0].text for e in reading.entries] == [s["title"] for s in truth]


def test_days_and_groups_of_a_kable_table_c3_03() -> None:
    (reading,) = _tables("corpus3", "03_", date(2022, 1, 31), date(2023, 1, 12))
    truth = _truth("corpus3", "03_")
    assert _when(reading.entries) == _truth_when(truth)  # 'Séance N' rows only group
    assert [e.title[0].text for e in reading.entries] == [s["title"] for s in truth]


def test_presenter_topic_and_begin_columns_c3_20_and_c3_47() -> None:
    (reading,) = _tables("corpus3", "20_", date(2015, 7, 11), date(2015, 7, 12))
    assert [c.role for c in reading.layout.columns] == ["start", "title", "speakers"]
    assert [e.title[0].text for e in reading.entries] == [
        s["title"] for s in _truth("corpus3", "20_")]
    tables = _tables("corpus3", "47_", date(2021, 6, 18), date(2021, 6, 24))
    for reading in tables[:4]:
        assert [c.role for c in reading.layout.columns][:3] == ["time", "title", "speakers"]
    assert sum(len(r.entries) for r in tables[:4]) == len(_truth("corpus3", "47_"))


def test_the_day_in_the_header_and_times_in_row_headers_c3_35() -> None:
    (reading,) = _tables("corpus3", "35_", date(2022, 3, 16), date(2022, 3, 16))
    assert _when(reading.entries) == _truth_when(_truth("corpus3", "35_"))


def test_a_grid_with_hours_in_its_header_c3_17() -> None:
    tables = _tables("corpus3", "17_", date(2019, 7, 22), date(2019, 7, 26))
    monday = [s for s in _truth("corpus3", "17_") if s["day"] == "2019-07-22"]
    assert [(v[1], v[2]) for v in _when(tables[0].entries)] == [
        (v[1], v[2]) for v in _truth_when(monday)]
    assert tables[0].entries[0].title[0].text == "Breakfast"  # its rowspan: one session


def test_rows_of_time_label_and_title_c3_46() -> None:
    tables = _tables("corpus3", "46_", date(2022, 6, 19), date(2022, 6, 24))
    monday = tables[2]
    assert [c.role for c in monday.layout.columns] == ["time", "label", "title"]
    titles = [e.title[0].text for e in monday.entries]
    assert "Evening session" not in titles and titles[2] == "Coffee break"
    flashlight = next(e for e in monday.entries if e.title[0].text == "Flashlight talks")
    assert len(flashlight.speakers) == 4
    truth = [s for s in _truth("corpus3", "46_") if s["day"] == "2022-06-20"]
    # up to the demos: one list item holds two demos split by '; ', read as one
    assert [(v[1], v[2]) for v in _when(monday.entries)][:13] == [
        (v[1], v[2]) for v in _truth_when(truth)][:13]


def test_rooms_as_columns_c2_02() -> None:
    tables = _tables("corpus2", "02_", date(2020, 9, 21), date(2020, 9, 25))
    visio, ateliers = tables[2], tables[3]
    truth = _truth("corpus2", "02_")
    rooms = [(s["start"], s["room"]) for s in truth if str(s["room"]).startswith(
        ("Visio", "ATELIER"))]
    got = [(e.start.value.strftime("%H:%M"), e.room.value)
           for e in (*visio.entries, *ateliers.entries)]
    assert got == rooms


def test_a_cell_holding_two_items_split_by_a_rule_c2_06() -> None:
    tables = _tables("corpus2", "06_", date(2025, 12, 2), date(2025, 12, 4))
    thursday = tables[-1]
    at_half_past_eleven = [e for e in thursday.entries if e.start.value == time(11, 30)]
    assert len(at_half_past_eleven) == 2
    before = tables[0]
    assert _when(before.entries) == [(date(2025, 11, 19), time(10), time(11)),
                                     (date(2025, 11, 26), time(13, 30), time(14, 30))]


def test_day_rows_and_abstract_rows_c3_13() -> None:
    (reading,) = _tables("corpus3", "13_", date(2018, 7, 10), date(2018, 7, 13))
    truth = _truth("corpus3", "13_")
    assert _when(reading.entries) == [(d, s, None) for d, s, _ in _truth_when(truth)]
