"""Talks credited by first names in brackets ('Practical (Ana, Tom)'), the persons being
the page's speakers named in full elsewhere; a nickname or a short spelling starts the
full first name ('Bart' for 'Bartholomew').

Each page was written for these tests; the expected values come from reading it."""

from datetime import time
from pathlib import Path

from tests.loaders.pages import page_sessions

SCHOOL = """# Genomics winter school

### Monday 3.02.2025

- **9:00 - 10:00** Read alignment: Ana Lopes
- **10:00 - 11:00** Variant calling: Bartholomew Kent
- **11:00 - 12:00** Genome assembly: Tom Baker
- **14:00 - 17:00** Practical session (Ana, Bart)
- **17:00 - 18:00** Tools of the trade (Python, Snakemake)
- **18:00 - 19:00** Open questions (Tom)
"""


def test_first_names_in_brackets_are_the_speakers_named_in_full(tmp_path: Path) -> None:
    assert [(s.start, s.title, list(s.speaker_names))
            for s in page_sessions(tmp_path, SCHOOL)][3:] == [
        (time(14), "Practical session", ["Ana Lopes", "Bartholomew Kent"]),
        (time(17), "Tools of the trade (Python, Snakemake)", []),
        (time(18), "Open questions", ["Tom Baker"]),
    ]
