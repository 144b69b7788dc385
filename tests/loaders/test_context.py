"""The rows stage's context: what the sections above a line say, as immutable values."""

from dataclasses import FrozenInstanceError
from datetime import date, time

import pytest

from bot.loaders.page.candidates import Row, with_speakers
from bot.loaders.page.context import Context, Scope
from bot.loaders.page.values import Facts
from bot.loaders.talks.titles import Talk
from bot.programme.model import Speaker


def test_a_scope_under_another_gives_a_new_context_and_leaves_the_outer_one() -> None:
    day = Scope.of(2, Facts("Mardi 10 mars", day=date(2026, 3, 10), structured=True), 5)
    outer = Context().under(day)
    room = Scope.of(7, Facts("Salle Verte", room="Verte", start=time(14), end=time(16)), 9)
    inner = outer.under(room)
    assert outer.scopes == (day,)
    assert (inner.get("day"), inner.get("room"), inner.span()) == (
        date(2026, 3, 10), "Verte", (time(14), time(16)))
    assert (outer.get("room"), outer.span()) == (None, (None, None))
    assert inner.section == "Mardi 10 mars › Salle Verte"
    assert inner.outer() == outer


def test_what_a_paragraph_adds_is_a_changed_copy() -> None:
    heading = Scope.of(2, Facts("Ateliers"), 3)
    before = Context().under(heading).under(Scope(9, "Accueil", hour=time(9)))
    after = before.with_scope(heading, room="Salle Verte")
    assert (before.get("room"), after.get("room")) == (None, "Salle Verte")
    assert after.heading.room == "Salle Verte" and before.heading is heading
    with pytest.raises(FrozenInstanceError):
        after.heading.room = "Salle Rouge"  # type: ignore[misc]


def test_only_a_heading_or_a_label_gives_a_block_its_end() -> None:
    label = Scope.of(7, Facts("Matin", start=time(9), end=time(12)), 4)
    slot = Scope(9, "Atelier", hour=time(10), end=time(11))
    ctx = Context().under(label).under(slot)
    assert (ctx.span(), ctx.block_end()) == ((time(10), time(11)), time(12))


def test_a_credit_gives_a_credited_copy_of_the_session() -> None:
    row = Row(12, None, time(9), None, Talk("Atelier de reliure"), None, "workshop")
    credited = with_speakers(row, ((Speaker("Jeanne Dupont"),), ("Atelier du livre",)))
    assert row.talk.speakers == () and row.evidence == ()
    assert [s.name for s in credited.talk.speakers] == ["Jeanne Dupont"]
    assert credited.talk.organisations == ("Atelier du livre",)
    assert [e.name for e in credited.evidence] == ["credits_person"]
    again = with_speakers(credited, ((Speaker("Jeanne Dupont"),), ()))
    assert again.talk.speakers == credited.talk.speakers and again.evidence == credited.evidence
