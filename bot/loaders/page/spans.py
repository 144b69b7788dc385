"""Hours that only group the items after them, in the same list: '11h30-12h30 :
Présentations', then '11h30 : talk A', '12h00 : talk B', then '12h30 : pause'. The first
item's hours hold those of the items that follow it, which fill them one after the other;
it names their slot, not a session of its own (as a slot with its talks nested under it)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.loaders.page.candidates import Row

_HELD = 2
"""How many items a slot's hours must hold: one alone may be a session beside it."""


def grouping_slots(rows: Sequence[Row]) -> list[Row]:
    """The rows, in page order, whose hours the rows right after them fill one after the
    other: the first starts with the slot, each starts once the one before has ended, none
    runs past the slot, and the last ends with it or the next row starts when it ends.
    Sessions that overlap run side by side with the slot (an all-day room beside its
    meetings), which is then one itself; so is a row that credits a person."""
    found = []
    for index, row in enumerate(rows):
        if row.start is None or row.end is None or row.talk.speakers:
            continue
        after = rows[index + 1 :]
        held = _held(row, after)
        if len(held) < _HELD or held[0].start != row.start:
            continue
        following = after[len(held)] if len(after) > len(held) else None
        if held[-1].end == row.end or (
            following is not None and following.day == row.day and following.start == row.end
        ):
            found.append(row)
    return found


def _held(slot: Row, after: Sequence[Row]) -> list[Row]:
    """The rows right after `slot` that start in its hours; [] when one of them runs past
    it or starts before the one above it has ended."""
    held: list[Row] = []
    for row in after:
        if row.day != slot.day or row.start is None or row.start >= slot.end:
            break
        if row.end is not None and row.end > slot.end:
            return []
        if held and (row.start <= held[-1].start
                     or (held[-1].end is not None and row.start < held[-1].end)):
            return []
        held.append(row)
    return held
