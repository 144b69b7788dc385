"""A row of header cells inside a table's body ('<th>Track A</th><th>Track B</th>' under a
row across the whole table) labels the columns under it: it is no session."""

from __future__ import annotations

from pathlib import Path

from tests.loaders.pages import page_sessions

PAGE = """# Linux-Tag 2026

Wann: 14. März 2026, 10:00-15:00

<table>
<tr><th>Uhrzeit</th><th colspan="2">Programm</th></tr>
<tr><td>10:00</td><td colspan="2">Begrüßung</td></tr>
<tr><th></th><th>Saal 1</th><th>Saal 2</th></tr>
<tr><td>10:30</td><td><b>Linux für Einsteiger</b>, <i>Eva Brandt</i></td>
<td><b>Container im Alltag</b>, <i>Jonas Weber</i></td></tr>
<tr><td>11:30</td><td><b>Freie Bürosoftware</b>, <i>Lena Vogt</i></td>
<td><b>Backups mit Borg</b>, <i>Tim Kraus</i></td></tr>
</table>
"""


def test_a_row_of_column_labels_is_no_session(tmp_path: Path) -> None:
    sessions = page_sessions(tmp_path, PAGE)
    assert [(f"{s.start:%H:%M}", s.title, list(s.speaker_names)) for s in sessions] == [
        ("10:00", "Begrüßung", []),
        ("10:30", "Linux für Einsteiger", ["Eva Brandt"]),
        ("10:30", "Container im Alltag", ["Jonas Weber"]),
        ("11:30", "Freie Bürosoftware", ["Lena Vogt"]),
        ("11:30", "Backups mit Borg", ["Tim Kraus"]),
    ]
