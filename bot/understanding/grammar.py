"""The grammar: which intent a message has, and its slots, in any word order.

A message is read as a bag of cues (words that say what is asked: 'programme', 'salle',
'gratuit', 'prochain'), slots (day, hour, year…, see `slots`), filler ('qui', 'est',
'the') and what is left: the subject, a topic, a person or an organisation. The rules
below are tried in order; the first that fits gives the intent.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise

from bot.programme.queries import match_room
from bot.understanding import lexicon
from bot.understanding.slots import Slots, read_slots
from bot.understanding.tokens import Token, original, tokens
from bot.wording.folding import fold

INTENTS = (
    "greet", "thanks", "help", "remind", "remind_how", "events", "facet", "room", "now",
    "next", "breaks", "start", "end", "at_hour", "kind", "programme", "search", "count",
    "materials", "reminders", "unknown",
)


@dataclass(frozen=True)
class Knowledge:
    """What the grammar needs to know of the programme: its rooms and its own words."""

    rooms: dict[str, str] = field(default_factory=dict)
    """Room names folded and without spaces ('adalovelace') -> the name as published."""
    words: frozenset[str] = frozenset()
    """Words of the programme, never corrected as typos."""
    event_of: Callable[[str, date], str | None] = lambda _text, _today: None
    """The id of the event some words name ('POSS', 'open source summit'), if any."""

    @classmethod
    def of(cls, rooms: tuple[str, ...], words: frozenset[str],
           event_of: Callable[[str, date], str | None] = lambda _text, _today: None,
           ) -> Knowledge:
        return cls({"".join(fold(r).split()): r for r in rooms}, words, event_of)


@dataclass(frozen=True)
class Intent:
    """What a message asks, in which language, with its slots."""

    name: str
    lang: str
    slots: Slots = field(default_factory=Slots)
    subject: str = ""
    facet: str | None = None
    room: str | None = None
    plural: bool | None = None
    """For 'next': True when several are asked ('prochains talks'), False for one."""
    event: str | None = None
    """The id of the event the message names, if it names one."""
    upcoming: bool = False
    """A search for what is still to come ('le prochain talk de la DINUM')."""
    after: bool = False
    """For a search, what comes after the session found (« après le talk Grist ? »)."""
    practical: bool = False
    """For a search, a question that may be practical ('y a du wifi ?', see
    `lexicon.THERE_IS_PAIRS`): when no session matches, the event's information may say."""


def understand(text: str, today: date, known: Knowledge, default_lang: str = "fr") -> Intent:
    """The intent of a plain message (or of a command's arguments)."""
    words = tokens(text, lexicon.VOCABULARY, known.words, _NEVER_CORRECTED)
    lang = language(words, default_lang)
    room, room_at = _room(words, known)
    slots, used = read_slots(words, today, frozenset(room_at))
    used |= room_at
    plain = [t.word for t in words]
    cues = _cue_positions(plain)
    subject_at = [i for i in range(len(words)) if i not in used and i not in cues
                  and plain[i] not in _NOT_SUBJECT]
    reading = _Reading(
        lang, slots, plain, {w for i, w in enumerate(plain) if i not in used}, room,
        bare=_subject(text, words, subject_at),
        subject=_subject(text, words, _with_soft_cues(plain, subject_at, cues - used)),
    )
    if reading.bare and (_facet(plain) or reading.bag & _NAMES_AN_EVENT
                         or _pair(plain, lexicon.WHEN_PAIRS)):
        event = known.event_of(reading.bare, today)
        if event:
            reading.event, reading.bare, reading.subject = event, "", ""
    return _decide(reading, words)


_NOT_SUBJECT = lexicon.FILLER | lexicon.GENERIC | lexicon.GREETINGS | lexicon.THANKS
_NAMES_AN_EVENT = lexicon.WHEN | lexicon.PROGRAMME | lexicon.EVENTS
"""With these cues, a subject that names an event is that event ('c'est quand le POSS')."""


@dataclass
class _Reading:
    lang: str
    slots: Slots
    plain: list[str]
    bag: set[str]
    """The words no slot took."""
    room: str | None
    bare: str
    """The subject without the cue words next to it."""
    subject: str
    event: str | None = None

    def intent(self, name: str, subject: str | None = None, **extra: object) -> Intent:
        subject = self.subject if subject is None else subject
        return Intent(name, self.lang, self.slots, subject, event=self.event,  # type: ignore[arg-type]
                      **extra)


def _decide(r: _Reading, words: list[Token]) -> Intent:
    """The rules, in order: the first that fits gives the intent."""
    bag, subject = r.bag, r.subject
    asked = bag - lexicon.FILLER - lexicon.GREETINGS - lexicon.THANKS
    greeting = bag & (lexicon.THANKS | lexicon.GREETINGS)
    if greeting and not asked and not r.room and r.slots == Slots():
        return r.intent("greet" if bag & lexicon.GREETINGS else "thanks")
    if not subject and _pair(r.plain, lexicon.SMALL_TALK):
        return r.intent("greet")  # « comment ça va ? »
    if not subject and len(r.plain) <= 4:  # « Good morning all », « Bonne journée à tous »
        if _pair(r.plain, lexicon.GREETING_PAIRS):
            return r.intent("greet")
        if _pair(r.plain, lexicon.FAREWELL_PAIRS):
            return r.intent("thanks")
    if bag & lexicon.REMIND:
        if not subject and bag & lexicon.MINE:
            return r.intent("reminders")
        return r.intent("remind_how" if bag & lexicon.HOW or not subject else "remind")
    if bag & lexicon.HELP:
        return r.intent("help")
    if _asks_materials(r.plain, bag):
        return r.intent("materials")
    if r.room:  # « c'est où la salle Ada ? » asks where it is, « salle Ada » what is on
        where = bag & lexicon.FACETS["venue"]
        return r.intent("facet", facet="rooms") if where else r.intent("room", room=r.room)
    facet = _facet(r.plain)
    if facet and not subject:
        return r.intent("facet", facet=facet)
    if not subject and bag & lexicon.ABILITY:
        return r.intent("help")
    if not subject and bag & lexicon.COUNT:
        return r.intent("events" if bag & lexicon.EVENTS else "count")
    if not subject and bag & lexicon.EVENTS:
        asks_when = bag & (lexicon.NEXT | lexicon.WHEN)
        return r.intent("facet", facet="dates") if asks_when else r.intent("events")
    if bag & lexicon.NOW or _pair(r.plain, lexicon.NOW_PAIRS):
        return r.intent("now")
    if not subject and (bag & lexicon.NEXT or _pair(r.plain, lexicon.NEXT_PAIRS)):
        return r.intent("next", plural=_plural(words))
    if r.bare == "suite":  # « c'est quoi la suite ? » (but « La Suite », the product, is a subject)
        return r.intent("next", "", plural=None)
    if subject and bag & lexicon.PROGRAMME:
        return r.intent("programme", r.bare)  # an event named by its words, or a person's talks
    if subject:
        coming = bool(bag & lexicon.NEXT or _pair(r.plain, lexicon.NEXT_PAIRS))
        practical = not bag & lexicon.ABOUT_SESSIONS and bool(
            bag & lexicon.CAN or _pair(r.plain, lexicon.THERE_IS_PAIRS))
        return r.intent("search", upcoming=coming, practical=practical,
                        after=bool(bag & lexicon.AFTER))
    for cue, name in ((lexicon.BREAKS, "breaks"), (lexicon.START, "start"), (lexicon.END, "end")):
        if bag & cue:
            return r.intent(name)
    if r.slots.hour is not None:
        return r.intent("at_hour")
    if r.slots.kind is not None:
        return r.intent("kind")
    asks_programme = bag & (lexicon.PROGRAMME | lexicon.WHAT_IS_ON) or r.slots.day
    if not asks_programme and (bag & lexicon.WHEN or _pair(r.plain, lexicon.WHEN_PAIRS)):
        return r.intent("facet", facet="dates")
    if asks_programme or r.slots.year or r.event:
        return r.intent("programme")
    if greeting:
        return r.intent("greet" if bag & lexicon.GREETINGS else "thanks")
    return r.intent("unknown")


def language(words: list[Token], default: str) -> str:
    """'en' when more words are English than French, 'fr' when fewer; else `default`."""
    english = sum(t.word in lexicon.ENGLISH for t in words)
    french = sum(t.word in lexicon.FRENCH for t in words)
    if english == french:
        return default
    return "en" if english > french else "fr"


_CUES = (
    lexicon.GREETINGS | lexicon.THANKS | lexicon.HELP | lexicon.ABILITY | lexicon.REMIND
    | lexicon.HOW | lexicon.NOW | lexicon.NEXT | lexicon.EVENTS | lexicon.PROGRAMME
    | lexicon.WHAT_IS_ON | lexicon.BREAKS | lexicon.START | lexicon.END | lexicon.WHEN
    | lexicon.COUNT
    | set().union(*lexicon.FACETS.values())
)
_NEVER_CORRECTED = lexicon.FILLER | lexicon.FRENCH | lexicon.ENGLISH


def _cue_positions(plain: list[str]) -> set[int]:
    found = {i for i, w in enumerate(plain) if w in _CUES}
    if not lexicon.SPEAKS.intersection(plain):  # « qui parle de vidéo ? »: vidéo is the topic
        found.update(i for i, w in enumerate(plain) if w in lexicon.MATERIALS)
    for pairs in (lexicon.NOW_PAIRS, lexicon.NEXT_PAIRS):
        for i in range(len(plain) - 1):
            if (plain[i], plain[i + 1]) in pairs:
                found.update((i, i + 1))
    return found


def _asks_materials(plain: list[str], bag: set[str]) -> bool:
    """Replays or slides asked for: « y a un replay ? », « revoir la conf » (but not « au
    revoir »), and not « qui parle de vidéo ? », a topic."""
    cue = bag & lexicon.MATERIALS or ("revoir" in bag and not _pair(plain, (("au", "revoir"),)))
    return bool(cue) and not bag & lexicon.SPEAKS


def _pair(plain: list[str], pairs: tuple[tuple[str, str], ...]) -> bool:
    return any((a, b) in pairs for a, b in pairwise(plain))


_ACCESS_PAIRS = (
    *(("y", w) for w in ("va", "vais", "allez", "aller", "rend", "rendre")),
    ("get", "there"), ("getting", "there"),
)


def _facet(plain: list[str]) -> str | None:
    """The practical question asked, if any ('y va' is the way there)."""
    going = {"va", "vais", "allez", "aller", "go", "get"}
    if _pair(plain, _ACCESS_PAIRS) or ({"comment", "how"} & set(plain) and going & set(plain)):
        return "access"
    for name, cue in lexicon.FACETS.items():
        if cue & set(plain):
            return name
    return None


def _plural(words: list[Token]) -> bool | None:
    raw = [t.raw for t in words]
    if set(raw) & lexicon.PLURAL_NEXT:
        return True
    nouns = [t.raw for t in words if t.word in lexicon.GENERIC | set(lexicon.KINDS)]
    if nouns:
        return any(n.endswith(("s", "x")) for n in nouns)
    return None


def _room(words: list[Token], known: Knowledge) -> tuple[str | None, set[int]]:
    """A room named in the message (up to four words: 'salle plateau 3', 'ada lovelace')."""
    plain = [t.word for t in words]
    for width in (4, 3, 2, 1):
        for i in range(len(plain) - width + 1):
            name = known.rooms.get("".join(plain[i : i + width]))
            if name and (width > 1 or len(plain[i]) > 2 or plain[i - 1 : i] in (["salle"],
                                                                                ["room"])):
                return name, set(range(i, i + width))
    for i in range(1, len(plain)):  # « salle ada », as `!salle ada` reads it
        if plain[i - 1] in ("salle", "room") and len(plain[i]) > 2:
            name = match_room(plain[i], tuple(known.rooms.values()))
            if name:
                return name, {i}
    return None, set()


_SOFT_CUES = (
    lexicon.NEXT | lexicon.PROGRAMME | lexicon.EVENTS | lexicon.START | lexicon.END
    | lexicon.BREAKS | lexicon.HELP
)
"""Cue words that are part of a subject when they touch it ('next steps', 'fin de vie')."""


def _with_soft_cues(plain: list[str], at: list[int], cues: set[int]) -> list[int]:
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
    spans, last = [], None
    for i in kept:
        if last is not None and i == last + 1:
            spans[-1][1] = words[i].end
        else:
            spans.append([words[i].start, words[i].end])
        last = i
    return " ".join(original(text, start, end) for start, end in spans)
