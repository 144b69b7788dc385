"""What the grammar knows of the programme: its rooms and tracks as people name them, its
own words (never corrected as typos), and the events words may name.

A room is named by its whole name, by the code or the name in brackets of names such as
'K.1.105 (La Fontaine)', or without the word saying it is a room ('Saal GLITCH' is
« GLITCH »). A track is named by its words or its acronym ('Real Time Communications' is
'RTC') next to a word saying it is a track (« la devroom Rust », 'the Security track').
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from bot.programme.aliases import spells
from bot.programme.queries import match_room
from bot.understanding import lexicon
from bot.understanding.tokens import Token
from bot.wording.folding import fold

_PART = re.compile(r"[a-z0-9]+(?:[.@][a-z0-9]+)*")
ROOM_WORDS = frozenset(("salle", "salles", "salon", "room", "saal", "stage", "hall", "amphi",
                        "amphitheatre", "auditorium", "auditoire"))
"""Words that say a name is a room; a room is also named without them."""
MIN_ALONE = 3
"""A shorter name ('B', 'Saal 1' without 'Saal') is a room only after « salle » or 'room'."""
MAX_WIDTH = 5


def squash(words: Iterable[str]) -> str:
    """Words as one key: 'k.1.105 (la fontaine)' and 'K.1.105 La Fontaine' alike."""
    return "".join(words)


def _words(text: str) -> list[str]:
    return _PART.findall(fold(text))


def room_names(room: str) -> set[str]:
    """The keys `room` is known by: its whole name, the code and the name in brackets of
    'K.1.105 (La Fontaine)', and its name without a room word ('Saal GLITCH')."""
    outside = re.sub(r"\([^)]*\)", " ", room)
    inside = " ".join(re.findall(r"\(([^)]*)\)", room))
    names = {squash(_words(room)), squash(_words(outside)), squash(_words(inside))}
    for part in (room, outside):
        words = _words(part)
        if len(words) > 1 and words[0] in ROOM_WORDS:
            names.add(squash(words[1:]))
    names |= {name.replace(".", "") for name in names}
    return {name for name in names if name}


def _significant(name: str) -> tuple[str, ...]:
    return tuple(w for w in _words(name)
                 if w not in lexicon.STOPWORDS and w not in lexicon.TRACK_CUES)


@dataclass(frozen=True)
class Knowledge:
    """What the grammar needs to know of the programme."""

    rooms: dict[str, str] = field(default_factory=dict)
    """Each key a room is known by (`room_names`) -> the room as published."""
    words: frozenset[str] = frozenset()
    """Words of the programme, never corrected as typos."""
    event_of: Callable[[str, date], str | None] = lambda _text, _today: None
    """The id of the event some words name ('POSS', 'open source summit'), if any."""
    tracks: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Each track as published -> its significant words."""
    whole: frozenset[str] = frozenset()
    """The keys that are a room's whole name; the others ('lameere' for 'UB2.252A
    (Lameere)') name a room alone only when typed as a name ('Lameere') or after « salle »."""
    days: frozenset[date] = frozenset()
    """The days that have sessions (which of the coming Tuesdays « mardi » names)."""

    @classmethod
    def of(cls, rooms: Iterable[str], words: frozenset[str],
           event_of: Callable[[str, date], str | None] = lambda _text, _today: None,
           tracks: Iterable[str] = (), days: Iterable[date] = ()) -> Knowledge:
        keys: dict[str, str] = {}
        for room in sorted(rooms, key=len):  # the shortest name keeps a shared key
            for key in room_names(room):
                keys.setdefault(key, room)
        whole = frozenset(squash(_words(room)) for room in rooms)
        return cls(keys, words, event_of,
                   {t: words_ for t in tracks if (words_ := _significant(t))}, whole,
                   frozenset(days))

    def room_in(self, words: list[Token]) -> tuple[str | None, set[int]]:
        """A room named in the message, and the positions of its words."""
        plain = [t.word for t in words]
        for width in range(MAX_WIDTH, 0, -1):
            for i in range(len(plain) - width + 1):
                key = squash(plain[i : i + width])
                room = self.rooms.get(key) or self.rooms.get(key.replace(".", ""))
                said = plain[i - 1 : i] in (["salle"], ["room"], ["saal"])
                named = key in self.whole or width > 1 or words[i].marked
                alone = len(key) >= MIN_ALONE and named and _not_a_cue(plain[i : i + width])
                if room and (alone or said):
                    return room, set(range(i - said, i + width))
        rooms = tuple(dict.fromkeys(self.rooms.values()))
        for i in range(1, len(plain)):  # « salle ada », 'salon des Arcades': part of a name
            if plain[i - 1] not in ROOM_WORDS:
                continue
            for width in range(min(MAX_WIDTH, len(plain) - i), 0, -1):
                said = squash(plain[i : i + width])
                room = match_room(f"{plain[i - 1]}{said}", rooms) or (
                    match_room(said, rooms) if len(said) >= MIN_ALONE else None)
                if room:
                    return room, set(range(i - 1, i + width))
        return None, set()

    def track_in(self, words: list[Token]) -> tuple[str | None, set[int]]:
        """A track named next to a word saying it is one, and the positions of its words:
        the most words next to the cue that name one (« la devroom Legal and Policy »,
        'the Go devroom')."""
        plain = [t.word for t in words]
        for cue, word in enumerate(plain):
            if word not in lexicon.TRACK_CUES:
                continue
            after = list(range(cue + 1, min(len(plain), cue + 1 + MAX_WIDTH)))
            before = list(range(cue - 1, max(-1, cue - 1 - MAX_WIDTH), -1))
            for side in (after, before):
                for width in range(len(side), 0, -1):
                    span = side[:width]
                    track = self._track_of([plain[i] for i in span])
                    if track:
                        return track, {cue, *span}
        return None, set()

    def _track_of(self, said: list[str]) -> str | None:
        """The track whose words include every word said, or whose acronym they spell."""
        wanted = [w for w in said if w not in lexicon.STOPWORDS]
        if not wanted:
            return None
        fitting = [t for t, words in self.tracks.items() if set(wanted) <= set(words)]
        if not fitting and len(wanted) <= 2 and not lexicon.FILLER.intersection(wanted):
            letters = squash(wanted)
            fitting = [t for t, words in self.tracks.items()
                       if len(letters) > 1 and (spells(letters, words)
                                                or spells(letters, tuple(_words(t))))]
        return min(fitting, key=lambda t: (len(self.tracks[t]), t)) if fitting else None


def _not_a_cue(words: list[str]) -> bool:
    """A one-word room name that is also a word the grammar reads ('next', 'lunch') is
    that word unless « salle » or 'room' comes before it."""
    return len(words) > 1 or words[0] not in lexicon.VOCABULARY | lexicon.FILLER
