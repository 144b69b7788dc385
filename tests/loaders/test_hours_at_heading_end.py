"""A heading may end with its hours rather than start with them ('## Meet and greet
(~6:30pm)', '## Keynote – 9h30'): it is a session, unless sessions follow under it, as for
a heading led by its hours."""

from __future__ import annotations

from pathlib import Path

from tests.loaders.pages import page_sessions

AGENDA = """# Hack night, 2026-05-12

## Doors open and pizza (~6:00pm)
Grab a slice and find a seat.

## Welcome – 6:30pm
A word from the hosts about the evening.

## Lightning talks (~6:45pm)
Five minutes each, sign up at the door.

## Hacking
Bring your laptop.
"""

DAY = """---
title: Journée des communs
date: 2026-06-04
---

## Matinée (9h-12h30)

- 9h00 : Accueil des participants
- 9h30 : Les communs numériques, par Jeanne Dupont
"""


def test_headings_ending_with_their_hours_are_sessions(tmp_path: Path) -> None:
    sessions = page_sessions(tmp_path, AGENDA)
    assert [(s.title, f"{s.start:%H:%M}" if s.start else None) for s in sessions] == [
        ("Doors open and pizza", "18:00"),
        ("Welcome", "18:30"),
        ("Lightning talks", "18:45"),
    ]


def test_a_heading_ending_with_hours_over_timed_items_only_groups_them(tmp_path: Path) -> None:
    sessions = page_sessions(tmp_path, DAY)
    assert [(s.title, f"{s.start:%H:%M}") for s in sessions] == [
        ("Accueil des participants", "09:00"),
        ("Les communs numériques", "09:30"),
    ]
