"""Marks a site generator reads and a browser never shows: kramdown attribute lists after a
link ('{:target="_blank"}') and a Liquid variable that starts a link's address ('({{
site.baseurl }}/page)'), which are no part of a title.

Each page was written for these tests; the expected values come from reading it."""

from datetime import time
from pathlib import Path

from bot.loaders.page.site_marks import without_site_marks
from tests.loaders.pages import page_sessions

JEKYLL = """---
layout: default
title: Demo day
---

Le **Demo day** aura lieu le samedi 14 avril 2018.

## Programme
* ***14:00 - 15:00 :*** [Pitch des projets]({{ site.baseurl }}/pitch_fr){:target="_blank"}
* ***15:00 - 16:00 :*** Démos des [équipes](https://example.org/teams){:target="_blank"}
* ***16:00 - 16:30 :*** *Goûter*{: .small}
"""


def test_kramdown_attributes_and_liquid_addresses_are_not_in_titles(tmp_path: Path) -> None:
    assert [(s.start, s.title) for s in page_sessions(tmp_path, JEKYLL)] == [
        (time(14), "Pitch des projets"),
        (time(15), "Démos des équipes"),
        (time(16), "Goûter"),
    ]


def test_block_attribute_lines_stay_and_heading_attributes_go() -> None:
    body = "# Programme { .section .programme }\n{: .intro}\n[a]({{ site.url }}/b){:x}"
    assert without_site_marks(body) == "# Programme\n{: .intro}\n[a](/b)"
