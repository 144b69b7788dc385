"""Pages saved in an older encoding than UTF-8: Windows-1252 (Latin-1's superset, the
default of older editors and sites) is read as such, its en dashes and umlauts kept; bytes
that are no text at all are still a problem."""

from __future__ import annotations

from pathlib import Path

from bot.loaders.files import load_file
from bot.settings.clock import PARIS

PAGE = """<h1>Programm</h1>
<h2>Dienstag, 10.03.2026</h2>
<table>
<tr><td>9:00 – 10:30 Uhr</td><td>Eröffnung und Grußworte</td></tr>
<tr><td>10:30 – 11:00 Uhr</td><td>Kaffeepause</td></tr>
<tr><td>11:00 – 12:15 Uhr</td><td>Übersicht über freie Bürosoftware</td></tr>
</table>
"""


def test_a_windows_1252_page_is_read_with_its_dashes_and_umlauts(tmp_path: Path) -> None:
    path = tmp_path / "programm.md"
    path.write_bytes(PAGE.encode("cp1252"))
    events, problems, _ = load_file(path, PARIS)
    assert not [p for p in problems if p.severity == "error"]
    sessions = events[0].sessions
    assert [(s.title, f"{s.start:%H:%M}", f"{s.end:%H:%M}") for s in sessions] == [
        ("Eröffnung und Grußworte", "09:00", "10:30"),
        ("Kaffeepause", "10:30", "11:00"),
        ("Übersicht über freie Bürosoftware", "11:00", "12:15"),
    ]
    assert {s.day.isoformat() for s in sessions} == {"2026-03-10"}


def test_binary_bytes_are_still_a_file_that_cannot_be_read(tmp_path: Path) -> None:
    path = tmp_path / "image.md"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xe9\x80")
    events, problems, _ = load_file(path, PARIS)
    assert not events and problems[0].message.startswith("cannot read the file")
