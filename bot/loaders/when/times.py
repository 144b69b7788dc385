"""The grammar of hours: every way a programme writes a time or a range of times.

Forms: '14h', '14 h 30', '9h 30', '14H30', '9:30', '09:30', '9.30', '17.00 Uhr', '20.00 uur',
'0845' (in a range or alone in a cell), '2pm', '2:30 p.m.', '10 AM', '9 heures' (after 'à',
'vers'...); open forms '~18:00', '<20:00', '>18h', 'à partir de 18h', 'dès 9h', 'from 6pm',
'ab 18 Uhr', 'vanaf 18.00', 'jusqu'à 14h', 'until 10 AM', 'vers 18h'; ranges with '-', '–',
'—', '/', 'à', 'to', 'bis', 'a', 'tot', 'al', 'alle', 'until' and 'entre ... et', 'between ...
and': '9h-12h30', '9-12h', '17–18 Uhr', '2-3pm', '11-1pm', '2pm-3:30pm', '0845-0900',
'14.00 - ~18:00', '22h30 à 00h00' (past midnight: end before start), '9:00 AM – 12:30 PM PDT'.

Not times: video time codes ('12:34' in a list of them, '1:02:33'), versions ('3.12', '17.0'),
prices ('9.30 €'), phone numbers ('01.23.45.67.89', '0845 123 4567'), decimals ('21.11
mots'), counts ('3 ateliers'), durations ('(1h)', 'de 2h', '2 heures'), ISO timestamps.
A dotted time ('9.30') counts only after a word such as 'à', 'um', 'h.', at the start of a
line, with 'Uhr', am/pm or 'h', or in a range.
"""

from __future__ import annotations

import functools
import re
from datetime import time

from bot.loaders.when import decoys
from bot.loaders.when.clocks import Clock, Slot, flipped, minutes, nearest_half_day
from bot.loaders.when.fold import fold, prepare
from bot.loaders.when.language import guess_language
from bot.loaders.when.names import Endings, names, trie
from bot.loaders.when.zones import ZONE, zone_name

_WORDS = (
    "midi|noon|midday|minuit|midnight|mittag|mitternacht|mezzogiorno|mezzanotte|mediodia"
    "|medianoche|middag|middernacht"
)
_NOON = frozenset({"midi", "noon", "midday", "mittag", "mezzogiorno", "mediodia", "middag"})


_BARE = (
    r"(?=\s?(?:[ap]\.?\s?m(?![a-z])|uhr(?![a-z])|uur(?![a-z]))"
    r"|\s*(?:-|–|—|−)\s*\d|\s+(?:a|au|to|till|until|bis|tot|al|alle|hasta)\s+\d)"
)
"""What must follow a number written alone for it to be a time: '9 am', '17 Uhr', '9-12h'."""


def _clock(p: str, words: bool = False) -> str:
    """The pattern of one clock, its groups named with the prefix `p`."""
    return (
        rf"(?:(?P<{p}h>[01]?\d|2[0-4])(?P<{p}hw>\s?h(?:eures?|rs?|s)?|u(?=\d))(?![a-z])"
        rf"(?:\s?(?P<{p}hm>[0-5]\d))?(?!\d)"
        rf"|(?P<{p}c>[01]?\d|2[0-4]):(?P<{p}cm>[0-5]\d)(?!\d|:\d)"
        rf"|(?P<{p}d>[01]?\d|2[0-4])\.(?P<{p}dm>[0-5]\d)(?!\d|\.\d)"
        rf"|(?P<{p}k>[01]\d|2[0-4])(?P<{p}km>[0-5]\d)(?!\d)"
        rf"|(?P<{p}b>[01]?\d|2[0-4])(?!\d){_BARE if p == 's' else ''}"
        + (rf"|(?P<{p}w>{_WORDS})(?![a-z])" if words else "")
        + rf")(?:\s?(?P<{p}ap>[ap]\.?\s?m(?![a-z])\.?)|\s?(?P<{p}u>uhr|uur|hrs?|hs)(?![a-z])"
        rf"|\s?(?P<{p}x>h)(?![a-z\d]))?"
    )


_SEP = (
    r"(?P<sep>\s*(?:-|–|—|−|/|→)\s*"
    r"|\s+(?:a|au|to|till|until|through|thru|bis|tot|al|alle|hasta|et|and|und|e|en|y)\s+)"
    r"(?P<emark>~|≈|<|ca\.\s?)?\s*"
)
_ZONE = rf"(?:\s*\(?\s*{ZONE}\)?)?"
_SLOT = re.compile(
    rf"(?=\d)(?:(?<![0-9a-z.,:/+$€£])|(?<=\bh\.)){_clock('s')}"
    rf"(?:{_SEP}{_clock('e', words=True)})?{_ZONE}"
)
"""A time or a range, not inside a number or a word; after 'h.' ('h.10:00', Italian for
'ore 10:00') although a full stop before a number is otherwise a decimal's."""
_ONE = re.compile(rf"{_clock('s', words=True)}{_ZONE}")
_NAMED_START = re.compile(
    rf"(?<![a-z])(?P<sw>{_WORDS})(?![a-z]){_SEP}{_clock('e', words=True)}{_ZONE}"
)
"""A range that starts at noon or midnight: 'de midi à 14h', 'from noon to 2pm'."""
_NAMED_HINTS = ("mid", "noon", "minuit", "mitt", "mezz", "medi")
"""Letters every such word holds: the pattern is tried only on a text that has some."""
_OPENERS = {
    "about": [
        *["~", "≈", "ca.", "circa", "env.", "environ", "vers", "around", "about", "approx"],
        *["approx.", "gegen", "etwa", "verso", "rond", "omstreeks", "hacia"],
    ],
    "from": [
        *["des", "from", "ab", "vanaf", "dalle", "desde", ">", "≥"],
        *["a partir de", "a partir du", "a partire dalle", "starting at", "desde las"],
        *["a partir de las", "dalle ore"],
    ],
    "until": [
        *["<", "≤", "until", "till", "bis", "before", "avant", "vor", "voor", "hasta", "tot"],
        *["jusqu'a", "jusqu’a", "jusqu'au", "jusqu’au", "fino alle", "prima delle"],
        *["hasta las"],
    ],
}
"""Words before a time that open it: '~18:00', 'dès 9h', 'jusqu'à 14h'."""
_MARKS = Endings(_OPENERS)
_MARK_REACH = 24
"""The characters before a time in which the words that open it are read."""
_LEAD = re.compile("(?:" + "|".join(rf"(?P<{k}>{trie(v)})" for k, v in _OPENERS.items()) + r")\s*")
_AT = Endings({"at": ["a", "at", "um", "om", "alle", "ore", "h.", "a las", "las"]})
"""Words before a time that make a weak form ('9.30', '9 heures') one: 'à', 'um', 'h.'."""
_BETWEEN = Endings({"between": ["entre", "between", "zwischen", "tra", "fra", "tussen"]})
_FROM = Endings({"from": [
    "de", "des", "from", "dalle", "dalle ore", "von", "van", "vanaf", "desde", "desde las",
    "de las", "ab",
]})  # fmt: skip
"""Words that open a range of two bare numbers: 'from 9 to 12', 'dalle 10 alle 12'."""
_BARE_END = re.compile(r"\s*(?:$|[\n:;,.)\]*|–—-]|(?:o'?clock|heures?|uhr|uur|ore)(?![a-z]))")
"""What follows such a range: punctuation or the end, not a count ('de 9 à 12 ans')."""
_AND_WORDS = frozenset({"et", "and", "und", "e", "en", "y"})
_TRIM = ":.,; \t\n"
_SECONDS = re.compile(r"(\d:[0-5]\d):00(?=\s*$)")
"""'14:00:00' as a YAML value or a cell: seconds of zero are left out."""


def find_times(text: str, lang: str | None = None) -> list[Slot]:
    """Every time and range of times in `text`, in order (video time codes left out).

    `lang`, when known, is the text's language: in German, 'am' after a number is a
    preposition ('Raum 5 am Eingang'), not a time of the morning."""
    return list(_slots(text, lang))


@functools.lru_cache(maxsize=8192)
def _slots(text: str, lang: str | None) -> tuple[Slot, ...]:
    """`find_times`, cached: the stages of a page ask it of the same line several times
    (its reading, its hours alone, the day and hours after its title)."""
    folded = _typed_zeros(prepare(text))
    if not any(map(str.isdigit, folded)):
        alone = _named_alone(folded)
        return (alone,) if alone else ()
    slots: list[Slot] = []
    position = 0
    while found := _SLOT.search(folded, position):
        slot, position = _read(found, folded, text, lang)
        if slot is not None:
            slots.append(slot)
    if any(hint in folded for hint in _NAMED_HINTS):
        slots = _with_named_starts(slots, folded, text)
        alone = _named_alone(folded)
        if alone and not (slots and slots[0].span[0] < alone.span[1]):
            slots.insert(0, alone)
    codes = decoys.timecodes(folded, fold(text)) if ":" in folded else []
    return tuple(decoys.outside(codes, slots, lambda slot: slot.span[0]))


def time_opening(text: str, digit: int) -> int | None:
    """Where a time whose first digit is `text[digit]` starts, the sign or words that open
    it included ('vers 9h', 'dès 9h', '~18:00'), as `find_times` gives its span; None when
    `text` names noon or midnight, which may start a time before it. Cheaper than
    `find_times`: it reads the text before the digit, not the time."""
    folded = prepare(text)
    if any(hint in folded for hint in _NAMED_HINTS):
        return None
    mark = _MARKS(folded[max(0, digit - _MARK_REACH) : digit])
    return digit - mark.end() if mark else digit


def find_range(text: str) -> Slot | None:
    """The first range of `text` that has an end ('9h30-10h30', 'de 14h à 18h')."""
    return next((slot for slot in find_times(text) if slot.end is not None), None)


def parse_hour(text: str) -> time | None:
    """The time `text` is, alone ('14h', '9:30 am', '0845', '~18:00', '17.00 Uhr', 'midi');
    None if it is anything else, or a year such as '2019'."""
    clock = parse_clock(text)
    return clock.time if clock else None


def parse_clock(text: str) -> Clock | None:
    """Like `parse_hour`, as a `Clock` (how it was written is kept)."""
    folded = _SECONDS.sub(r"\1   ", _typed_zeros(prepare(text)))
    start, end = len(folded) - len(folded.lstrip(_TRIM)), len(folded.rstrip(_TRIM))
    if not 0 < end - start <= 40:
        return None
    lead = _LEAD.match(folded, start, end)
    found = _ONE.fullmatch(folded, lead.end() if lead else start, end)
    if not found:
        return None
    g = found.groupdict()
    kind = _kind(g, "s", "hcdkbw")
    if kind == "b" and not (g["sap"] or (g["su"] or "").startswith("u")):
        return None  # '14' alone is a number
    if kind == "k" and 1900 <= int(g["sk"] + g["skm"]) <= 2099:
        return None  # '2019' is a year
    clock = _make(found, g, "s", kind, lead.lastgroup if lead else None)
    return clock if clock is None or clock.hour < 24 or clock.minute else clock._replace(hour=0)


def _read(
    found: re.Match[str], folded: str, text: str, lang: str | None
) -> tuple[Slot | None, int]:
    """The slot a match gives (None for a decoy) and where to search next."""
    g = found.groupdict()
    for p in ("s", "e"):
        if g[p + "ap"] and _german_am(found.span(p + "ap"), text, lang):
            g[p + "ap"] = None
    before = folded[max(0, found.start() - _MARK_REACH) : found.start()]
    mark = _MARKS(before)
    kind = _kind(g, "s")
    start = _make(found, g, "s", kind, mark.lastgroup if mark else None)
    if start is None:
        return None, found.end("s" + kind)
    end = _make(found, g, "e", _kind(g, "e"), _end_mark(g)) if g["sep"] else None
    if end is not None and _range_ok(found, g, folded, before):
        start, end = _meridians(start, end, g)
        if start.hour < 24 and (kind != "b" or _plausible(start, end)):
            if mark and mark.lastgroup == "from":
                start = start._replace(mark=None)  # 'from 9 to 12': a plain range
            span = (_lead(found, mark, before, start), end.span[1])
            return Slot(start.time, end.time, span, start, end, _zone(found, g, text)), found.end()
    resume = start.span[1]
    if start.hour > 23 or not _alone_ok(found, g, kind, folded, before):
        return None, resume
    zone = None if g["sep"] else _zone(found, g, text)
    span = (_lead(found, mark, before, start), start.span[1])
    return Slot(start.time, None, span, start, None, zone), resume


def _with_named_starts(slots: list[Slot], folded: str, text: str) -> list[Slot]:
    """`slots` with the ranges that start at noon or midnight ('de midi à 14h'), in place of
    the end they hold, which was read alone."""
    named = []
    for found in _NAMED_START.finditer(folded):
        g = found.groupdict()
        kind = _kind(g, "e")
        if g["sep"].strip() in _AND_WORDS or (kind == "b" and not _suffix(g, "e")):
            continue  # 'midi et 14h' are two times; 'midi - 3 ateliers' is no range
        end = _make(found, g, "e", kind, _end_mark(g))
        if end is None or end.hour > 24:
            continue
        start = Clock(12 if g["sw"] in _NOON else 0, 0, found.span("sw"))
        span = (found.start(), end.span[1])
        named.append(Slot(start.time, end.time, span, start, end, _zone(found, g, text)))
    kept = [s for s in slots if not any(n.span[0] <= s.span[0] < n.span[1] for n in named)]
    return sorted(kept + named, key=lambda slot: slot.span)


_NAMED_ALONE = re.compile(
    rf"[\s*_#>|\[(+-]*(?P<sw>{_WORDS})(?![a-z])[\s*_\])]*(?:[:|–—]|-(?!\s*\d))"
)
"""A line that opens with noon or midnight alone, then a separator: 'midi : Déjeuner',
'Mittag - Essen', '**Noon** | Lunch' (not 'Après-midi', nor 'Midnight Madness')."""


def _named_alone(folded: str) -> Slot | None:
    """The noon or midnight a text opens with, alone (`_NAMED_ALONE`)."""
    if folded.lstrip(" *_#>|[(+-")[:1] not in ("m", "n"):
        return None  # every such word starts with one of these
    found = _NAMED_ALONE.match(folded)
    if not found:
        return None
    clock = Clock(12 if found["sw"] in _NOON else 0, 0, found.span("sw"))
    return Slot(clock.time, None, found.span("sw"), clock)


_TYPED_ZEROS = re.compile(r"\d[:h][o\d][o\d](?![a-z\d])")
"""Minutes typed with the letter O for a zero: '11:OO', '9h3O'."""


def _typed_zeros(folded: str) -> str:
    """`folded` with the letter O of such minutes read as a zero (same length)."""
    if "o" not in folded:
        return folded
    return _TYPED_ZEROS.sub(lambda found: found.group().replace("o", "0"), folded)


def _german_am(span: tuple[int, int], text: str, lang: str | None) -> bool:
    """'am' written after a number in German ('Raum 5 am Eingang', 'um 9 am Montag'): the
    page's language says so, or, unknown, the words of the line around it."""
    if text[span[0] : span[1]] != "am":
        return False  # 'AM', 'a.m.', 'am.' are times of the morning in any language
    if lang is not None:
        return lang == "de"
    if not re.match(r"\s+[A-ZÄÖÜ0-9]", text[span[1] : span[1] + 3]):
        return False
    reach = max(0, span[0] - _LINE_REACH)
    start = text.rfind("\n", reach, span[0]) + 1 or reach
    end = text.find("\n", span[1], span[1] + _LINE_REACH)
    return guess_language(text[start : end if end >= 0 else span[1] + _LINE_REACH]) == "de"


_LINE_REACH = 120
"""Characters read on either side of an 'am' to tell the language of its line."""


def _lead(found: re.Match[str], mark: re.Match[str] | None, before: str, start: Clock) -> int:
    """Where a slot starts: its open mark ('~', 'dès') included."""
    return found.start() - mark.end() if mark else start.span[0]  # `mark` read backwards


@functools.cache
def _month_before() -> Endings:
    """A month name just before a number: the number is a day ('February 5 - 10:30AM')."""
    return Endings({"month": list(names().months)})


def _range_ok(found: re.Match[str], g: dict, folded: str, before: str) -> bool:
    sep = g["sep"].strip()
    start, end = _kind(g, "s"), _kind(g, "e")
    if sep in _AND_WORDS and not _BETWEEN(before):
        return False  # '10h et 14h' are two times
    if sep == "/" and not (start in "hc" and end in "hc"):
        return False
    if start == "b" and _bare_range(found, g, folded, before):
        return True  # 'from 9 to 12', 'dalle 10 alle 12', 'de 9 à 12h30'
    if start == "b" and not (_suffix(g, "s") or _suffix(g, "e") or end == "h"):
        return False  # 'salle 3 - 14:00'
    if start == "b" and ((end in "cd" and sep != g["sep"]) or _month_before()(before)):
        return False  # 'February 5 - 10:30AM', '5 - 10:30 am': a day, then a time
    if start == "k" and end not in "kc":
        return False
    if end == "b" and not (_suffix(g, "e") or start == "h" or g["sap"]):
        return False  # '9h - 3 ateliers'
    return start != "k" or decoys.compact_pair_ok(found, folded)


def _bare_range(found: re.Match[str], g: dict, folded: str, before: str) -> bool:
    """A bare number opened by 'from' and joined by a word ('to', 'à', 'alle', 'bis') to a
    time that ends the phrase: a range of hours, not a count ('de 9 à 12 ans')."""
    return (
        g["sep"].strip().isalpha()
        and _kind(g, "e") in "bhcd"
        and _FROM(before) is not None
        and _BARE_END.match(folded, found.end()) is not None
    )


def _make(found: re.Match[str], g: dict, p: str, kind: str, mark: str | None) -> Clock | None:
    """The clock of the groups named `p...`, or None when its numbers are not a time."""
    pieces = [p + kind, p + "ap", p + "u", p + "x"]
    if kind in "hcdk":
        pieces.append(p + kind + "m")
    if kind == "h":
        pieces.append(p + "hw")
    span = (found.start(p + kind), max(found.end(piece) for piece in pieces if g[piece]))
    if kind == "w":
        return Clock(12 if g[p + "w"] in _NOON else 24, 0, span, mark=mark)
    raw = g[p + kind]
    hour = int(raw)
    minute = int(g[p + kind + "m"] or 0) if kind in "hcdk" else 0
    meridian = {"a": "am", "p": "pm"}.get((g[p + "ap"] or " ")[0])
    if meridian:
        if hour > 12:
            return None
        hour = hour % 12 + (12 if meridian == "pm" else 0)
    elif hour == 24 and minute:
        return None
    twelve = (
        kind in "cd" and not meridian and 1 <= hour <= 12 and not raw.startswith("0")
        and not g[p + "u"] and not g[p + "x"]
    )  # fmt: skip
    return Clock(hour, minute, span, meridian, twelve, mark)


def _kind(g: dict, p: str, kinds: str = "") -> str:
    """Which form the clock `p` has: h (14h30), c (9:30), d (9.30), k (0845), b (9), w."""
    return next(k for k in kinds or _KINDS[p] if g[p + k] is not None)


_KINDS = {"s": "hcdkb", "e": "hcdkbw"}


def _suffix(g: dict, p: str) -> bool:
    return bool(g[p + "ap"] or g[p + "u"] or g[p + "x"])


def _end_mark(g: dict) -> str | None:
    sign = (g["emark"] or "").strip()
    return ("until" if sign == "<" else "about") if sign else None


def _alone_ok(found: re.Match[str], g: dict, kind: str, folded: str, before: str) -> bool:
    """Whether the start of `found`, read alone, is a time and not a decoy."""
    if kind == "b":
        return bool(g["sap"] or (g["su"] or "").startswith("u"))
    if kind == "k" or decoys.price(found, folded):
        return False  # '1400' alone is a count or a year; parse_hour reads it in a cell
    if kind == "h":
        worded = g["shw"].lstrip()[1:]
        if worded.startswith(("r", "s")) and not g["shm"] and int(g["sh"]) <= 8:
            return False  # '2 hrs', but '14hs'
        if worded.startswith("e") and not (_AT(before) or _MARKS(before)):
            return False  # '2 heures, gratuit'
        return not decoys.duration(found, folded, before)
    if kind == "d" and not _suffix(g, "s"):
        placed = _AT(before) or _MARKS(before) or decoys.line_start(before)
        return bool(placed) and g["sdm"][1] in "05"  # '9.30', not '21.11 mots'
    return True


def _meridians(start: Clock, end: Clock, g: dict) -> tuple[Clock, Clock]:
    """'2-3pm', '11-1pm', '11am-1': am/pm written once is the other end's too, whichever
    half-day keeps the range forward; '17–18 Uhr' is 24-hour; and the slips '11:45 PM –
    12:25 PM', '11:30 AM - 12:30 AM' are read within one half-day; 'from 9 to 5', two bare
    numbers that go back, ends in the afternoon."""
    if g["eb"] and not (end.meridian or g["eu"]) and 0 < end.hour < start.hour <= 12:
        end = end._replace(hour=end.hour + 12)
    if end.meridian and not start.meridian and start.hour <= 12:
        start = nearest_half_day(start, end, before=True)
    elif start.meridian and not end.meridian and end.hour <= 12 and not g["ew"]:
        end = nearest_half_day(end, start, before=False)
    if g["eu"] and not g["su"]:
        start = start._replace(twelve=False)
    if start.meridian and end.meridian and minutes(end) < minutes(start):
        for first, last in ((flipped(start), end), (start, flipped(end))):
            if 0 < minutes(last) - minutes(first) <= 6 * 60:
                return first, last
    return start, end


def _plausible(start: Clock, end: Clock) -> bool:
    """'9-12h', '17–18 Uhr' but not 'salle 3 - 14h': a bare start is daytime or near its end."""
    length = (minutes(end) - minutes(start)) % (24 * 60)
    return start.hour >= 6 or start.meridian is not None or length <= 4 * 60


def _zone(found: re.Match[str], g: dict, text: str) -> str | None:
    return zone_name(found, text) if g["base"] or g["abbr"] or g["iana"] else None
