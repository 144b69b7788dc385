"""A candidate session of the rows stage, as a value: where it is, what it says, the
evidence for it and where each field came from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, time

from bot.loaders.page.values import Evidence
from bot.loaders.talks.titles import Talk


@dataclass(frozen=True)
class Row:
    """One candidate session, with the evidence for it and where each field came from."""

    line: int
    day: date | None
    start: time | None
    end: time | None
    talk: Talk
    room: str | None
    kind: str
    section: str = ""
    block_end: time | None = None
    hinted: bool = False
    """Its kind came from the section, not from its own words."""
    evidence: tuple[Evidence, ...] = ()
    why: Mapping[str, str] = field(default_factory=dict)


def with_speakers(row: Row, credited: tuple) -> Row:
    """The candidate session with the persons (and organisations) of a credit added."""
    known = {s.name for s in row.talk.speakers}
    speakers = row.talk.speakers + tuple(s for s in credited[0] if s.name not in known)
    organisations = tuple(dict.fromkeys(row.talk.organisations + tuple(credited[1])))
    found = row.evidence
    if credited[0] and not any(e.name == "credits_person" for e in found):
        found = (*found, Evidence("credits_person", "credits speakers", row.line))
    return replace(row, talk=replace(row.talk, speakers=speakers, organisations=organisations),
                   evidence=found)
