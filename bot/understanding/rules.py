"""The grammar's rules, in order: the first that fits a message gives its intent.

Each rule is named and reads the message as `reading.Reading` gives it: the cue words
left, the slots, the subject. A new intent is a new rule here and a new row of the
command layer's table of intents (bot.commands.intents).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from bot.understanding import lexicon
from bot.understanding.intent import Intent
from bot.understanding.reading import Reading
from bot.understanding.slots import kind_of


@dataclass(frozen=True)
class Rule:
    """A named rule: the intent of a message it fits, or None."""

    name: str
    decide: Callable[[Reading], Intent | None]


def _courtesy(r: Reading) -> Intent | None:
    """« bonjour », « merci ! » with nothing else asked."""
    greeting = r.bag & (lexicon.THANKS | lexicon.GREETINGS)
    if greeting and not r.asked and not r.slots.given():
        return r.intent("greet" if r.bag & lexicon.GREETINGS else "thanks")
    return None


def _small_talk(r: Reading) -> Intent | None:
    """« comment ça va ? », 'Good morning all', « Bonne journée à tous »."""
    if r.subject:
        return None
    if r.pair(lexicon.SMALL_TALK) or (len(r.plain) <= 4 and r.pair(lexicon.GREETING_PAIRS)):
        return r.intent("greet")
    if len(r.plain) <= 4 and r.pair(lexicon.FAREWELL_PAIRS):
        return r.intent("thanks")
    return None


def _reminders(r: Reading) -> Intent | None:
    """« rappelle-moi le talk sur Grist », « mes rappels », 'how do I get a reminder?'."""
    if not r.has(lexicon.REMIND):
        return None
    if not r.subject and r.has(lexicon.MINE):
        return r.intent("reminders")
    return r.intent("remind_how" if r.has(lexicon.HOW) or not r.subject else "remind")


def _help(r: Reading) -> Intent | None:
    """« aide », « tu peux me donner un coup de main ? », 'what can you do?'."""
    if r.has(lexicon.HELP) or any(words <= r.bag for words in lexicon.HELP_WORDS):
        return r.intent("help")
    if not r.subject and r.has(lexicon.ABILITY) and not r.slots.given() and not r.facet:
        return r.intent("help")
    return None


def _materials(r: Reading) -> Intent | None:
    """Replays or slides: « y a un replay ? », « revoir la conf » (not « au revoir »), but
    not « qui parle de vidéo ? », a topic."""
    cue = r.has(lexicon.MATERIALS) or ("revoir" in r.bag and not r.pair((("au", "revoir"),)))
    return r.intent("materials") if cue and not r.has(lexicon.SPEAKS) else None


def _practical(r: Reading) -> Intent | None:
    """« c'est où ? », « c'est gratuit ? »; « c'est où la salle Ada ? » asks where a room
    is; 'which room is the Python devroom in?', « où sont les démos ? » ask for the rooms of
    sessions."""
    facet = r.facet
    if r.slots.room and facet in ("venue", "rooms"):
        return r.intent("facet", facet="rooms")
    if r.slots.room or not facet or r.subject:
        return None
    if facet in ("rooms", "venue") and (r.slots.track or r.slots.kind):
        return r.intent("sessions")  # « où sont les démos ? »: where the sessions are
    return r.intent("facet", facet=facet)


def _events_and_counts(r: Reading) -> Intent | None:
    """« combien de talks ? », « combien d'événements ? », « les événements »."""
    if r.subject:
        return None
    if r.has(lexicon.COUNT):
        if r.has(lexicon.SPEAKER_NOUNS):
            return None  # « combien d'intervenants ? »: the speakers, counted
        if r.has(lexicon.EVENTS):
            return r.intent("events")
        talks = r.has(lexicon.TALKS) and not r.slots.kind
        return r.intent("count", slots=replace(r.slots, kind="talk") if talks else None)
    if r.has(lexicon.EVENTS):
        asks_when = r.has(lexicon.NEXT, lexicon.WHEN)
        return r.intent("facet", facet="dates") if asks_when else r.intent("events")
    return None


def _now(r: Reading) -> Intent | None:
    """« il y a quoi maintenant ? », 'what's on right now?'."""
    return r.intent("now") if r.slots.tense == "now" and not r.subject else None


def _next(r: Reading) -> Intent | None:
    """« prochaine présentation ? », « les 3 prochaines sessions », « c'est quoi la
    suite ? » (but « La Suite », the product, is a subject)."""
    if not r.subject and (r.has(lexicon.NEXT) or r.pair(lexicon.NEXT_PAIRS)):
        return r.intent("next", plural=_plural(r))
    if r.bare == "suite":
        return r.intent("next", "", plural=None)
    return None


def _programme_of(r: Reading) -> Intent | None:
    """« programme de Bastien Guerry »: an event named by its words, or a person's talks."""
    return r.intent("programme", r.bare) if r.subject and r.has(lexicon.PROGRAMME) else None


def _search(r: Reading) -> Intent | None:
    """A topic, a person or an organisation, with every slot given: « des démos de Grist
    en salle Ada ? », « le prochain talk de la DINUM », « et après le talk sur Grist ? »."""
    if not r.subject:
        return None
    coming = r.has(lexicon.NEXT) or r.pair(lexicon.NEXT_PAIRS)
    slots = replace(r.slots, tense="next") if coming and not r.slots.tense else r.slots
    allowed = r.has(lexicon.CAN) and not r.pair(lexicon.ASKING_THE_BOT)
    practical = not r.has(lexicon.ABOUT_SESSIONS) and bool(
        allowed or r.pair(lexicon.THERE_IS_PAIRS))
    return r.intent("search", slots=slots, practical=practical, after=r.has(lexicon.AFTER))


def _speakers(r: Reading) -> Intent | None:
    """« qui sont les intervenants ? », « qui intervient demain ? », « qui anime ? », 'who
    are the speakers in room B?': the persons, with no subject (« qui parle de Grist ? » is
    a search) and no hour or tense (« qui parle à 14h ? », « qui parle maintenant ? » list
    those sessions)."""
    if r.subject or r.slots.hour is not None or r.slots.tense in ("now", "next"):
        return None
    return r.intent("speakers") if r.has(lexicon.SPEAKER_NOUNS, lexicon.HOSTS) or r.pair(
        lexicon.WHO_SPEAKS_PAIRS) else None


def _day_bounds(r: Reading) -> Intent | None:
    """« y a une pause déjeuner ? », « à quelle heure ça commence ? », 'when does it end?';
    « à quelle heure commence la table ronde ? » asks for the sessions of that kind."""
    for cue, name in ((lexicon.BREAKS, "breaks"), (lexicon.START, "start"),
                      (lexicon.END, "end")):
        if r.has(cue):
            return r.intent("kind" if name != "breaks" and r.slots.kind else name)
    return None


def _sessions(r: Reading) -> Intent | None:
    """Sessions by track or already over: « programme de la devroom Geospatial », « j'ai
    loupé quoi ce matin en Janson ? », 'what did I miss in the Go devroom?'."""
    return r.intent("sessions") if r.slots.track or r.slots.tense == "past" else None


def _room(r: Reading) -> Intent | None:
    """« salle Ada Lovelace », 'what's in K.3.401 at 4:45 pm?'."""
    return r.intent("room") if r.slots.room else None


def _at_hour(r: Reading) -> Intent | None:
    """« il se passe quoi à 16h ? »."""
    return r.intent("at_hour") if r.slots.hour is not None else None


def _kind(r: Reading) -> Intent | None:
    """« les démos c'est quand ? », 'any BoFs?', « les keynotes de dimanche ? »."""
    return r.intent("kind") if r.slots.kind is not None else None


def _dates(r: Reading) -> Intent | None:
    """« c'est quand ? », 'when is it?' (not « c'est quand jeudi ? », a programme)."""
    asks_programme = r.has(lexicon.PROGRAMME, lexicon.WHAT_IS_ON) or r.slots.day
    if not asks_programme and (r.has(lexicon.WHEN) or r.pair(lexicon.WHEN_PAIRS)):
        return r.intent("facet", facet="dates")
    return None


def _programme(r: Reading) -> Intent | None:
    """« programme de demain », « qu'est-ce qu'il y a jeudi ? », « programme 2023 »."""
    asks = r.has(lexicon.PROGRAMME, lexicon.WHAT_IS_ON) or r.slots.day or r.slots.year
    return r.intent("programme") if asks or r.event else None


def _greeting_and_more(r: Reading) -> Intent | None:
    """A greeting with words the bot does not read: still a greeting."""
    if r.bag & lexicon.GREETINGS:
        return r.intent("greet")
    return r.intent("thanks") if r.bag & lexicon.THANKS else None


def _unknown(r: Reading) -> Intent:
    return r.intent("unknown")


RULES: tuple[Rule, ...] = (
    Rule("courtesy", _courtesy),
    Rule("small talk", _small_talk),
    Rule("reminders", _reminders),
    Rule("help", _help),
    Rule("replays and slides", _materials),
    Rule("practical information", _practical),
    Rule("events and counts", _events_and_counts),
    Rule("now", _now),
    Rule("next", _next),
    Rule("programme of someone", _programme_of),
    Rule("search", _search),
    Rule("speakers", _speakers),
    Rule("breaks, start and end", _day_bounds),
    Rule("sessions by track or over", _sessions),
    Rule("room", _room),
    Rule("at an hour", _at_hour),
    Rule("kind", _kind),
    Rule("dates", _dates),
    Rule("programme", _programme),
    Rule("greeting with more", _greeting_and_more),
    Rule("unknown", _unknown),
)
"""The grammar, in order."""


def decide(reading: Reading) -> tuple[Rule, Intent]:
    """The first rule that fits, and the intent it gives."""
    for rule in RULES:
        found = rule.decide(reading)
        if found is not None:
            return rule, found
    return RULES[-1], _unknown(reading)


def _plural(r: Reading) -> bool | None:
    raw = [t.raw for t in r.words]
    if set(raw) & lexicon.PLURAL_NEXT:
        return True
    nouns = [t.raw for t in r.words if t.word in lexicon.GENERIC or kind_of(t.word)]
    if nouns:
        return any(n.endswith(("s", "x")) for n in nouns)
    return None
