"""A timed item with no title whose list a blank line inside an HTML block cut off from it
(kramdown pages that put '<br />' between items): the list below is what the slot holds,
and takes its hours; a slot with no title is no session of its own.

The page was written for this test; the expected values come from reading it."""

from datetime import time
from pathlib import Path

from tests.loaders.pages import page_sessions

HACKSHOW = """---
title: Hackshow
---

Le hackshow aura lieu le dimanche 15 avril 2018.

## Programme
<br />
* ***16:30 - 17:00***
  * Démos des projets
<br />
* ***17:00 - 17:10***

  * Interlude musical
  <br />

<br />
* ***17:10 - 17:30***
  * Remise des prix
"""


def test_the_list_cut_off_from_a_timed_item_takes_its_hours(tmp_path: Path) -> None:
    assert [(s.start, s.end, s.title) for s in page_sessions(tmp_path, HACKSHOW)] == [
        (time(16, 30), time(17), "Démos des projets"),
        (time(17), time(17, 10), "Interlude musical"),
        (time(17, 10), time(17, 30), "Remise des prix"),
    ]
