"""A message read as the grammar's rules see it: its words, its slots (day, hour, room,
track…), the cue words left (what is asked: 'programme', 'salle', 'gratuit', 'prochain'),
and the subject (a topic, a person or an organisation) in the user's spelling."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from itertools import pairwise

from bot.understanding import lexicon
from bot.understanding.intent import Intent
from bot.understanding.knowledge import Knowledge
from bot.understanding.slots import Slots, read_slots
from bot.understanding.tokens import Token, original, tokens

SHORT = 4
"""A message of slots alone (« demain ? », « salle B ? ») is a follow-up up to this many
words; a longer one, or one naming a kind (« les keynotes de dimanche ? »), is a question
of its own unless it starts with « et », 'and'."""


@dataclass
class Reading:
    """A message, read."""

    words: list[Token]
    plain: list[str]
    lang: str
    slots: Slots
    bag: set[str]
    """The words no slot took."""
    said_day: bool
    """Whether the day is said, not taken to be today for a part of the day."""
    bare: str
    """The subject without the cue words next to it."""
    subject: str
    event: str | None = None

    def has(self, *cues: frozenset[str]) -> bool:
        """Whether a word of one of `cues` is left once the slots are taken."""
        return any(self.bag & cue for cue in cues)

    def pair(self, pairs: tuple[tuple[str, str], ...]) -> bool:
        """Whether two words in a row are one of `pairs` ('y', 'a')."""
        return any((a, b) in pairs for a, b in pairwise(self.plain))

    @property
    def asked(self) -> set[str]:
        """The words left that ask something (not filler, greetings or thanks)."""
        return self.bag - lexicon.FILLER - lexicon.GREETINGS - lexicon.THANKS

    def intent(self, name: str, subject: str | None = None, slots: Slots | None = None,
               **extra: object) -> Intent:
        """The intent `name`, with this reading's language, slots, subject and event."""
        subject = self.subject if subject is None else subject
        return Intent(name, self.lang, slots or self.slots, subject, event=self.event,
                      asks_sessions=bool(self.bag & lexicon.ASKS_SESSIONS or self.slots.kind
                                         or self.slots.track),
                      elsewhere=bool(self.bag & lexicon.OFF_PROGRAMME
                                     or self.pair(lexicon.OFF_PROGRAMME_PAIRS)),
                      implied=() if self.said_day or not self.slots.part else ("day",),
                      follows=self._follows(), **extra)  # type: ignore[arg-type]

    def _follows(self) -> bool:
        """Only slots, after a follow-up word or alone (« et demain ? », 'and in room B?',
        « l'après-midi ? »); « il y a quoi demain ? » is a question of its own."""
        if not self.slots.given() or self.subject or self.event:
            return False
        if self.asked - lexicon.FOLLOW_UP - lexicon.NOW - lexicon.NEXT - lexicon.TRACK_CUES:
            return False
        if self.plain[0] in lexicon.FOLLOW_UP:
            return True
        alone = self.bag - lexicon.NOW - lexicon.TRACK_CUES <= lexicon.FOLLOW_UP_SMALL
        return alone and len(self.plain) <= SHORT and not (self.slots.kind or self.slots.count)

    @property
    def facet(self) -> str | None:
        """The practical question asked, if any ('y va' is the way there)."""
        words = self.bag
        if self.pair(_ACCESS_PAIRS) or ({"comment", "how"} & words and _GOING & words):
            return "access"
        if self.pair(lexicon.PRICE_PAIRS) and not self.asked - lexicon.COUNT:
            return "price"
        if self.pair(lexicon.ONLINE_PAIRS):
            return "online"
        if words >= lexicon.AUDIENCE_WORDS or self.pair(lexicon.AUDIENCE_PAIRS):
            return "audience"
        if self.pair(lexicon.NOT_FACET_PAIRS):
            words = words - {"stand", "stands"}
        return next((name for name, cue in lexicon.FACETS.items() if cue & words), None)


def read(text: str, today: date, known: Knowledge, default_lang: str) -> Reading:
    """The words, slots, cues and subject of `text`."""
    words = tokens(text, lexicon.VOCABULARY, known.words, _NEVER_CORRECTED)
    lang = language(words, default_lang)
    room, room_at = known.room_in(words)
    track, track_at = known.track_in(words)
    taken = room_at | track_at
    slots, used = read_slots(words, today, frozenset(taken), known.days)
    used |= taken
    plain = [t.word for t in words]
    slots = replace(slots, room=room, track=track, tense=slots.tense or _tense(plain))
    said_day = slots.day is not None
    if slots.part and not said_day:
        slots = replace(slots, day=today)  # « cet après-midi »: today's
    cues = _cue_positions(plain)
    auxiliary = {i for i in range(1, len(plain)) if (plain[i - 1], plain[i]) in lexicon.AUXILIARY}
    subject_at = [i for i in range(len(words)) if i not in used | cues | auxiliary
                  and plain[i] not in _NOT_SUBJECT]
    reading = Reading(
        words, plain, lang, slots, {w for i, w in enumerate(plain) if i not in used}, said_day,
        bare=_subject(text, words, subject_at),
        subject=_subject(text, words, _with_soft_cues(plain, subject_at, cues - used)),
    )
    if reading.bare and (_names_an_event(reading) or reading.pair(lexicon.WHEN_PAIRS)):
        event = known.event_of(reading.bare, today)
        if event:
            reading.event, reading.bare, reading.subject = event, "", ""
    return reading


def _names_an_event(reading: Reading) -> bool:
    return bool(reading.facet or reading.has(lexicon.WHEN, lexicon.PROGRAMME, lexicon.EVENTS))


_ACCESS_PAIRS = (
    *(("y", w) for w in ("va", "vais", "allez", "aller", "rend", "rendre")),
    ("get", "there"), ("getting", "there"),
)
_GOING = frozenset(("va", "vais", "allez", "aller", "go", "get"))


def _tense(plain: list[str]) -> str | None:
    """'now' when the message asks what is on now (« en ce moment », 'right now')."""
    pairs = lexicon.NOW_PAIRS
    if lexicon.NOW.intersection(plain) or any((a, b) in pairs for a, b in pairwise(plain)):
        return "now"
    return None


_NOT_SUBJECT = lexicon.FILLER | lexicon.GENERIC | lexicon.GREETINGS | lexicon.THANKS
_NEVER_CORRECTED = lexicon.FILLER | lexicon.FRENCH | lexicon.ENGLISH
_CUES = (
    lexicon.GREETINGS | lexicon.THANKS | lexicon.HELP | lexicon.ABILITY | lexicon.REMIND
    | lexicon.HOW | lexicon.NOW | lexicon.NEXT | lexicon.EVENTS | lexicon.PROGRAMME
    | lexicon.WHAT_IS_ON | lexicon.BREAKS | lexicon.START | lexicon.END | lexicon.WHEN
    | lexicon.COUNT | lexicon.FOLLOW_UP
    | set().union(*lexicon.FACETS.values())
)


def language(words: list[Token], default: str) -> str:
    """'en' when more words are English than French, 'fr' when fewer; else `default`."""
    english = sum(t.word in lexicon.ENGLISH for t in words)
    french = sum(t.word in lexicon.FRENCH for t in words)
    if english == french:
        return default
    return "en" if english > french else "fr"


def _cue_positions(plain: list[str]) -> set[int]:
    found = {i for i, w in enumerate(plain) if w in _CUES}
    for words in lexicon.HELP_WORDS:
        if words <= set(plain):
            found.update(i for i, w in enumerate(plain) if w in words)
    topical = (lexicon.ONLINE_PAIRS,)  # a topic when spoken of: « qui parle de la mise en ligne ? »
    if lexicon.SPEAKS.intersection(plain):  # « qui parle de vidéo ? »: vidéo is the topic
        topical = ()
        found -= {i for i, w in enumerate(plain) if w in lexicon.NAMED_SESSIONS}
    else:
        found.update(i for i, w in enumerate(plain) if w in lexicon.MATERIALS)
    for pairs in (lexicon.NOW_PAIRS, lexicon.NEXT_PAIRS, *topical):
        for i in range(len(plain) - 1):
            if (plain[i], plain[i + 1]) in pairs:
                found.update((i, i + 1))
    return found


_SOFT_CUES = (
    lexicon.NEXT | lexicon.PROGRAMME | lexicon.EVENTS | lexicon.START | lexicon.END
    | lexicon.BREAKS | lexicon.HELP
)
"""Cue words that are part of a subject when they touch it ('next steps', 'fin de vie')."""


def _with_soft_cues(plain: list[str], at: list[int], cues: set[int]) -> list[int]:
    """The subject's positions with the soft cues touching it ('next steps'), but a word
    of 'next' that starts the message ('next Node.js session?')."""
    cues = cues - {0} if plain and plain[0] in lexicon.NEXT else cues
    chosen = set(at)
    grew = bool(chosen)
    while grew:
        grew = False
        for i in cues - chosen:
            if plain[i] in _SOFT_CUES and (i - 1 in chosen or i + 1 in chosen):
                chosen.add(i)
                grew = True
    return sorted(chosen)


def _between(i: int, at: list[int], words: list[Token], small: frozenset[str]) -> bool:
    """Whether the small word at `i` joins subject words ('ville [de] paris', '[de la]')."""
    before = i - 1 in at or (i - 1 >= 0 and words[i - 1].word in small and i - 2 in at)
    after = i + 1 in at or (i + 1 < len(words) and words[i + 1].word in small and i + 2 in at)
    return before and after


def _subject(text: str, words: list[Token], at: list[int]) -> str:
    """The subject in the user's spelling: its words, with the small words between them
    ('ville de paris'), but no other filler ('pourriez-vous me dire qui présente')."""
    if not at:
        return ""
    small = lexicon.STOPWORDS
    kept = [i for i in range(at[0], at[-1] + 1)
            if i in at or (words[i].word in small and _between(i, at, words, small))]
    spans: list[list[int]] = []
    last = None
    for i in kept:
        if last is not None and i == last + 1:
            spans[-1][1] = words[i].end
        else:
            spans.append([words[i].start, words[i].end])
        last = i
    return " ".join(original(text, start, end) for start, end in spans)
