"""A table of the persons who teach (name, job title, organisation) under a heading that
introduces them is no programme; an agenda's outline numbers ('3.3 Spark') are not part
of the titles of a schedule table."""

from datetime import time
from pathlib import Path

from bot.loaders.page import read_page
from bot.settings.clock import PARIS

PAGE = """# Data School 2022

### Day 1 (Mon, 06/13/22)

| TIME | TOPIC | PRESENTER |
| --- | --- | --- |
| 9:00 AM – 9:30 AM | [1.1 Welcome](https://example.org/1.1) | [Ana Ruiz](#ruiz) |
| 9:30 AM – 10:45 AM | [1.2	Spark](https://example.org/1.2) | [Tom Berg](#berg) |

## Instructors

| **NAME** | **TITLE** | **ORG** |
| --- | --- | --- |
| Ana Ruiz | Director - Data Laboratory [(bio)](https://example.org/ruiz) | SDSC |
| Tom Berg | Research Programmer [(bio)](https://example.org/berg) | SDSC |
| Lea Wong | Lead - HPC Training [(bio)](https://example.org/wong) | SDSC |
"""


def test_a_roster_of_instructors_is_no_programme(tmp_path: Path) -> None:
    path = tmp_path / "school.md"
    path.write_text(PAGE, encoding="utf-8")
    events, _problems, _reading = read_page(path, PAGE, PARIS)
    assert [(s.start, s.title, list(s.speaker_names)) for s in events[0].sessions] == [
        (time(9), "Welcome", ["Ana Ruiz"]),
        (time(9, 30), "Spark", ["Tom Berg"]),
    ]
