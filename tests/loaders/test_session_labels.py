"""A bold label over the timed lines of a session block ('**Session 5** \\' over
'17:00-18:30 Panel discussion'), joined by line breaks: each timed line is a session,
whether the label holds several lines or one.

The page was written for these tests; the expected values come from reading it."""

from datetime import time
from pathlib import Path

from tests.loaders.pages import page_sessions

PAGE = """# Maps Community Meeting

### Day 2 - Tuesday, 26 March 2024

**Session 4** \\
13:30-14:30 Keynote speaker 4 \\
14:30-16:00 Presentations

16:30-17:00 Coffee break

**Session 5** \\
17:00-18:30 Panel discussion with the speakers
"""


def test_a_label_over_one_timed_line_holds_its_session(tmp_path: Path) -> None:
    assert [(s.start, s.end, s.title) for s in page_sessions(tmp_path, PAGE)] == [
        (time(13, 30), time(14, 30), "Keynote speaker 4"),
        (time(14, 30), time(16), "Presentations"),
        (time(16, 30), time(17), "Coffee break"),
        (time(17), time(18, 30), "Panel discussion with the speakers"),
    ]
