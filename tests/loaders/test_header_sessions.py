"""Sessions listed in a page's header for its template to render (Jekyll, Hugo): read when
the body gives none; a list of links or of people is no programme; a body that gives the
programme is read, not the header's copy of it."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

from bot.loaders.page import load_page
from bot.settings.clock import PARIS

TEMPLATED = """---
layout: page
title: Community Day
date: 2019-06-05
schedule:
  - time: "09:00"
    title: "Registration"
  - time: "09:30 - 10:15"
    title: "Keynote: open source in government"
    speaker: "Jane Doe"
  - time: 10:30
    title: "Workshop on open data"
    speakers: ["John Roe", {name: "Ann Lee", company: "Etalab"}]
    room: Salle 2
---

{% for item in page.schedule %}
- {{ item.time }} {{ item.title }}
{% endfor %}
"""


def _sessions(text: str) -> list[tuple]:
    events, _ = load_page(Path("page.md"), text, PARIS)
    return [(s.day, s.start, s.end, s.title, s.speaker_names, s.room)
            for event in events for s in event.sessions]


def test_a_list_of_the_header_rendered_by_the_template() -> None:
    assert _sessions(TEMPLATED) == [
        (date(2019, 6, 5), time(9), None, "Registration", (), None),
        (date(2019, 6, 5), time(9, 30), time(10, 15), "Keynote: open source in government",
         ("Jane Doe",), None),
        (date(2019, 6, 5), time(10, 30), None, "Workshop on open data",
         ("John Roe", "Ann Lee"), "Salle 2"),
    ]


def test_a_body_that_gives_the_programme_is_read_not_the_header_list() -> None:
    text = TEMPLATED.split("{% for")[0] + (
        "## Programme\n\n- 9h : Accueil\n- 9h30 : Ouverture, par Jeanne Dupont\n")
    assert [row[3] for row in _sessions(text)] == ["Accueil", "Ouverture"]


def test_lists_of_links_and_of_people_are_no_programme() -> None:
    text = """---
title: Nos partenaires
date: 2019-06-05
links:
  - title: Diaporama
    url: https://example.org/slides.pdf
  - title: Vidéo
    url: https://example.org/video
speakers:
  - name: Jeanne Dupont
    bio: Développeuse
  - name: Paul Martin
    bio: Chef de projet
---

Merci à toutes et à tous.
"""
    events, problems = load_page(Path("post.md"), text, PARIS)
    assert events == []
    assert [p.message.split(":")[0] for p in problems] == ["no event date"]
