"""A week's grid in HTML with no header cells: a first row of days over an empty corner,
then rows whose time is written over three cells (start, a dash, end) and whose other
cells are each day's session. Written from the layout of a summer school's page."""

from pathlib import Path

from tests.loaders.pages import page_sessions

GRID = """---
layout: post
---

# Program

<table>
  <tr><td></td><td></td><td></td><td><b>08/07/2024</b></td><td><b>09/07/2024</b></td>
      <td><b>10/07/2024</b></td></tr>
  <tr><td><b>9:00</b></td><td><b> - </b></td><td><b>10:30</b></td>
      <td>Welcome and information</td><td>Testing with models</td><td>Fuzzing</td></tr>
  <tr><td><b>10:30</b></td><td><b> - </b></td><td><b>11:00</b></td>
      <td>Coffee Break</td><td>Coffee Break</td><td>Coffee Break</td></tr>
  <tr><td><b>11:00</b></td><td><b> - </b></td><td><b>12:30</b></td>
      <td>Search-based testing</td><td>Combinatorial testing</td><td>Closing</td></tr>
</table>
"""


def test_days_over_the_columns_of_a_grid_without_header_cells(tmp_path: Path) -> None:
    found = sorted((str(s.day), s.start.strftime("%H:%M"), s.end.strftime("%H:%M"), s.title)
                   for s in page_sessions(tmp_path, GRID))
    assert found == [
        ("2024-07-08", "09:00", "10:30", "Welcome and information"),
        ("2024-07-08", "10:30", "11:00", "Coffee Break"),
        ("2024-07-08", "11:00", "12:30", "Search-based testing"),
        ("2024-07-09", "09:00", "10:30", "Testing with models"),
        ("2024-07-09", "10:30", "11:00", "Coffee Break"),
        ("2024-07-09", "11:00", "12:30", "Combinatorial testing"),
        ("2024-07-10", "09:00", "10:30", "Fuzzing"),
        ("2024-07-10", "10:30", "11:00", "Coffee Break"),
        ("2024-07-10", "11:00", "12:30", "Closing"),
    ]


MARKDOWN = """# Program

| | | | 08/07/2024 | 09/07/2024 | 10/07/2024 |
|---|---|---|---|---|---|
| 9:00 | - | 10:30 | Welcome | Testing with models | Fuzzing |
| 11:00 | – | 12:30 | Search-based testing | Combinatorial testing | Closing |
"""


def test_a_time_written_over_three_cells_gives_its_end(tmp_path: Path) -> None:
    found = sorted((str(s.day), s.start.strftime("%H:%M"), s.end.strftime("%H:%M"))
                   for s in page_sessions(tmp_path, "---\nlayout: post\n---\n" + MARKDOWN))
    assert found == [(day, start, end) for day in ("2024-07-08", "2024-07-09", "2024-07-10")
                     for start, end in (("09:00", "10:30"), ("11:00", "12:30"))]
