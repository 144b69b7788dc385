"""One line of a programme, as pages write it: when, what, and who.

A line (a bullet, a paragraph, a heading) may start with its hours ('9h30 :', '[9h30]',
'**14h30 :**', '**[16h-16h20]**', 'De 10h à 10h50 :', '9:30 am'), with its day
('10 décembre 2021 à 11h :', 'Le 7 septembre :'), or end with them (', mardi 24 novembre,
17h-17h30'); a `<br>` line under the title may hold them too. What is left is a title and
its credit, read by `bot/loaders/talks/`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, time
from functools import lru_cache
from itertools import pairwise

from bot.loaders.talks.credits import (
    credit_block,
    find_credit,
    lines_credit,
    person_and_role,
    speech_credit,
    two_credits,
)
from bot.loaders.talks.markup import inline_text
from bot.loaders.talks.names import block_speakers, ends_with_title, is_block, titled_names
from bot.loaders.talks.quoted import quoted_talk
from bot.loaders.talks.titles import (
    Talk,
    clean_title,
    labelled_talk,
    parse_talk_line,
    role_and_name,
    speaker_first,
    talk_under_label,
    without_kind_label,
    without_pictographs,
)
from bot.loaders.talks.words import LANGUAGES, alternation
from bot.loaders.when import (
    DateContext,
    Slot,
    find_days,
    find_times,
    find_weekdays,
    scan_days,
    time_opening,
)
from bot.loaders.when import unique as unique_days
from bot.wording.folding import fold

_BEFORE_LEADING_TIME = re.compile(
    r"\s*(?P<open>[*_]{1,3})?\s*\\?\[?\s*(?:(?:de|from|h\.|hrs?\.?|ore|alle ore|um|at|om)\s*)?",
    re.IGNORECASE,
)
"""What may stand before the hours a line starts with: '**', '*', '\\[', 'De', 'from', or a
word that announces hours ('h. 10.00', 'ore 10', 'um 10 Uhr', 'at 9:30', 'om 10.00')."""
_AFTER_LEADING_TIME = re.compile(
    r"\s*\\?\]?\s*(?P<close>[*_]{1,3})?\s*(?:[:\-–—|>·.](?!\d)\s*|(?=\S)|$)"
)
"""What follows them: a closing bracket or bold, a separator, then the title."""
_DAY_LEAD = re.compile(
    r"^(?P<when>(?:[^:(]|\(\s*\[[^\]]*\]\([^)\s]*\)\s*\)){4,300}?)\s*:(?P<close>[*_]{1,3})?\s+"
    r"(?P<rest>\S.*)$"
)
"""'10 décembre 2021 à 11h ([lien de visio](https://…)) : Title', '**Le 15 novembre - 9h30 :**
Title': a day, maybe a link, ':' (its emphasis closed after it)."""
_DIGIT = re.compile(r"\d")
_HOUR_MARK = re.compile(r"\d\s?[h:ap]", re.IGNORECASE)
"""What every hour holds ('9h', '9 h', '9:30', '9 am'): tested before the longer patterns."""
_NOTE_LENGTH = 600
"""Trailing notes ('([revoir](…))') are looked for in a line's last characters only."""
_NOTES = 8
"""A line ends with a few notes at most ('([revoir](…)) (slides) \\[40 minutes\\]'): each
is cut from a copy of the line, so a line of 10,000 of them is not read 10,000 times."""
_ROOM_WORDS = re.compile(r"^(?:salle|salon|room|amphi|auditorium|stand|espace|hall)\b", re.I)
_WHEN_WORDS = re.compile(
    r"\b(?:le|les|du|au|et|de|des|a|à|from|to|on|the|lundi|mardi|mercredi|jeudi|vendredi|"
    r"samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday|quand|when|"
    r"date|horaires?|heure|hours?|ou|or|and|puis)\b",
    re.IGNORECASE,
)
_DURATION_TEXT = (r"\\?[\[(]\\?~?\s*(?:\d+\s*(?:min(?:utes)?|mn)|\d\s*h(?:eures?)?)\.?\s*"
                  r"\\?[\])]")
"""A duration in brackets or parentheses ('\\[40 minutes\\]', '(20 min)', '(1h)'): not part
of the title. Hours of one digit only: '(14h)' is when, not how long."""
_LANGUAGE = alternation(LANGUAGES)
_LANGUAGE_NOTE = (
    rf"(?P<em>[*_]{{0,2}})\((?i:(?:[^()]{{0,40}}?\s)?(?:en|in|auf|em)\s+)?(?i:{_LANGUAGE})"
    rf"(?:\s*(?:&|/|\s(?i:et|and|ou|or|und|y|e|en|o|of))\s*(?i:{_LANGUAGE}))*\s*\)(?P=em)")
"""The language a talk is given in, in brackets ('*(Présentations en français et anglais)*',
'(in English)'): a note, not part of its title."""
_TRAILING_NOTES = re.compile(
    r"(?:\s*\((?:\s*\[[a-zà-ÿ][^\]]*\]\([^)]*(?:\([^)]*\))?[^)]*\)\s*)+\)"  # ([revoir](url))
    r"|\s*\((?i:revoir|replay|voir)\b[^()]*(?:\([^()]*\)[^()]*)*\)"  # (revoir les ...)
    r"|\s+\[(?i:issue|ticket|documentation|pad|revoir|replay|slides?|vid[ée]o|support)[^\]]*\]\([^)]*\)"
    r"|\s*(?i:" + _DURATION_TEXT + ")"  # \[40 minutes\], (20 min)
    r"|\s*" + _LANGUAGE_NOTE +  # *(Présentation en anglais)*
    r"|\s+-\s+\d+\s*(?i:m|min|h)\b"  # - 45m
    r"|\s+-\s+\*[a-zà-ÿ][^*]*\*"  # - *en cours de construction*
    r")\s*$"
)
_NOTE_OPENERS = re.compile(r"[(\[\\*_-]")
"""Each trailing note opens, after its spaces, with one of these characters."""


@dataclass
class LineReading:
    """What one programme line says; `why` lists the evidence it gave, for --explain."""

    start: time | None = None
    end: time | None = None
    days: list[date] = field(default_factory=list)
    talk: Talk = field(default_factory=lambda: Talk(""))
    description: list[str] = field(default_factory=list)
    why: list[str] = field(default_factory=list)
    raw: str = ""
    room: str | None = None
    links: tuple = ()
    repeats: list[tuple[time, time | None]] = field(default_factory=list)
    """Further hours the same session is held at."""


@lru_cache(maxsize=4096)
def leading_time(markdown: str) -> tuple[time, time | None, str] | None:
    """The hours a line starts with, and the rest of the line (bold kept balanced).
    Cached: the stages ask it of the same line several times (runs of timed lines,
    containers, the line's own reading)."""
    slot = _first_slot(markdown)
    opening = _BEFORE_LEADING_TIME.fullmatch(markdown, 0, slot.span[0]) if slot else None
    found = _AFTER_LEADING_TIME.match(markdown, slot.span[1]) if slot and opening else None
    if not found:
        return None
    start, end = slot.start, slot.end
    rest = markdown[found.end() :].strip()
    if opening.group("open") and not found.group("close"):
        # '**14h-15h30 : Exposition**': the emphasis goes on over the title
        rest = opening.group("open") + rest
    elif found.group("close") and not opening.group("open"):
        if found.group("close") not in rest:
            return None  # a stray closing mark
        rest = found.group("close") + rest  # '- 10:00 **Warm-up**': the title's emphasis
    rest = re.sub(r"^\*\*\s*\*\*", "", rest).strip()
    rest = re.sub(r"^\*\*\s*[:\-–—]\s*", "**", rest)
    return start, end, rest


def _first_slot(markdown: str) -> Slot | None:
    """The first time or range of `markdown` if one is written in its first characters
    after what `_BEFORE_LEADING_TIME` allows.

    Nothing before such hours holds a digit, so they start at the line's first digit, or
    at the words that open them ('vers 9h'): when what stands before that start is not
    allowed ('**Retour d'expérience 3-9-0'), the grammar of hours is not run at all."""
    digit = _DIGIT.search(markdown, 0, _OPENING_LENGTH)
    # without a digit, only a line that opens with noon or midnight ('midi : Déjeuner')
    text = markdown[: (digit.start() if digit else 0) + _SLOT_LENGTH]
    start = time_opening(text, digit.start()) if digit else None
    if start is not None and not _BEFORE_LEADING_TIME.fullmatch(markdown, 0, start):
        return None
    slots = find_times(text)
    return slots[0] if slots else None


_OPENING_LENGTH = 30
"""Hours that lead a line have their first digit within its first characters (after
bold, brackets, 'de', 'à partir de')."""
_SLOT_LENGTH = 40
"""A range of hours is written within this many characters of its first digit."""
_LINK_IN_PARENTHESES = re.compile(r"\(\s*\[[^\]]*\]\([^)]*\)\s*\)")
_NUMBER_OR_MARK = re.compile(r"\b(?:1er|\d{1,4})\b|[/,.:;?!()\-–—]")


def all_spans(text: str) -> list[tuple[time, time | None]]:
    """Every 'start-end' or start hour of a text, in order."""
    return [(slot.start, slot.end) for slot in find_times(inline_text(text)[0])]


def when_text(
    text: str, dates: DateContext
) -> tuple[list[date], time | None, time | None] | None:
    """Days and hours of a text that says nothing else ('Lundi 23 novembre 2020, 17h-17h30',
    '**Quand ?** 13 et 14 juin 2019, de 9h à 19h'); None when other words remain."""
    if not _DIGIT.search(text):
        return None  # days and hours are written with digits
    plain = inline_text(_LINK_IN_PARENTHESES.sub("", text))[0]
    found_days = find_days(plain, dates)
    slots = find_times(plain)
    if not found_days and not slots:
        return None
    spans = [f.span for f in found_days] + [s.span for s in slots]
    spans += [span for _, span in find_weekdays(plain)]
    leftover = fold(_blank(plain, spans))
    leftover = _NUMBER_OR_MARK.sub(" ", leftover)
    if _WHEN_WORDS.sub(" ", leftover).split():
        return None
    first = slots[0] if slots else None
    return unique_days(found_days), first and first.start, first and first.end


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with the characters of each span replaced by spaces."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def read_line(lines: list[str], dates: DateContext) -> LineReading:
    """Read a programme line given as its lines (the first, then `<br>`/wrapped ones)."""
    reading = LineReading(raw=lines[0])
    first, others = lines[0], lines[1:]
    above = when_text(first, dates) if others else None
    if above and (above[0] or above[1]):  # 'vendredi 25/09 à 10h' over '**Title**'
        reading.days, reading.start, reading.end = above
        reading.why.append(f"its day or hours on the line above its title: {first!r}")
        first, others = others[0], others[1:]
        reading.raw = first
    timed = leading_time(first) if reading.start is None else None
    if timed:
        reading.start, reading.end, first = timed
        reading.why.append("starts with its hours")
    else:
        first = _inner_hours(first, reading)
    first = _leading_day(first, dates, reading)
    first = _without_day_part(first, reading)
    first = _trailing_when(first, dates, reading)
    rest: list[str] = []
    for other in others:
        when = when_text(other, dates)
        if when and not reading.days and reading.start is None:
            reading.days, reading.start, reading.end = when[0], when[1], when[2]
            reading.why.append(f"its day and hours on the next line: {other!r}")
            reading.repeats = all_spans(other)[1:]  # 'de 10h à 11h, de 14h à 15h ou de 16h à 17h'

        elif when and not reading.days and when[0]:
            reading.days = when[0]
        else:
            rest.append(other)
    reading.talk = read_title(first)
    if rest and (under := _talk_under_hours(first, rest[0])):
        reading.talk, rest = under, rest[1:]  # 'h.10:05 (Name)<br><b>Title</b>'
    trailing_room(reading)
    if reading.links:
        reading.talk = replace(reading.talk, links=reading.talk.links + reading.links)
    if not reading.talk.speakers and rest and (under := talk_under_label(reading.talk.title,
                                                                          rest[0])):
        reading.talk, rest = under, rest[1:]  # '**Keynote**' over 'Name — Title'
    if not reading.talk.speakers and rest:
        credited = lines_credit([inline_text(r)[0] for r in rest])
        if credited:
            reading.talk = replace(reading.talk, speakers=credited[0],
                                   organisations=reading.talk.organisations or credited[1])
    reading.description = rest
    return reading


_ROOM_IN_PARENTHESES = re.compile(
    r"\s*\((?:(?:in|dans|en|im|in der|en la|nella|nel)\s+(?:la\s+|le\s+|l['’]|the\s+)?)?"
    r"(?P<room>[^()]{1,60})\)\s*$", re.IGNORECASE)
_ROOM_LAST = re.compile(r"\b(?:room|hall|salle|auditorium|amphi(?:theatre|théâtre)?)$", re.I)


_PARENTHESISED = re.compile(r"^\s*(?:\((?P<names>[^()]*)\))?\s*$")


def _talk_under_hours(first: str, next_line: str) -> Talk | None:
    """A line of hours alone, or of hours and who speaks in parentheses ('h.10:05 (Name)'),
    over its title on the next line: that talk; None when the line says more."""
    found = _PARENTHESISED.match(inline_text(first)[0])
    if found is None:
        return None
    names = (found.group("names") or "").strip()
    if names and not is_block(names):
        return None if any(c.isalpha() for c in names) else read_title(next_line)  # '(--)'
    talk = read_title(next_line)
    if not names:
        return talk
    speakers, organisations = block_speakers(names)
    return replace(talk, speakers=speakers, organisations=talk.organisations or organisations)


def trailing_room(reading: LineReading) -> None:
    """'Atelier 1 : Contribuer à un logiciel libre (salle A)', 'Welcome (in Info Desk
    Room)': the room, not the title."""
    found = _ROOM_IN_PARENTHESES.search(reading.talk.title) if reading.room is None else None
    room = found.group("room").strip() if found else ""
    if found and (_ROOM_WORDS.match(room) or _ROOM_LAST.search(room)):
        reading.room = _room_name(room)
        reading.talk = replace(reading.talk, title=reading.talk.title[: found.start()])
        reading.why.append(f"its room after its title: {reading.room!r}")


def _room_name(text: str) -> str:
    """'salle A' -> 'A', as answers say « salle A »; 'salon Bertrand', 'amphi 2' stay."""
    return re.sub(r"^(?:salle|room)\s+", "", text.strip(), flags=re.IGNORECASE)


_ALL_BOLD = re.compile(r"\s*\*\*(?P<text>[^*]+)\*\*\s*")


def _inner_hours(markdown: str, reading: LineReading) -> str:
    """'**Table ronde « ... » de 10h25 à 11h15, salon Bertrand, Hôtel de ville**': hours
    after the title, and the room after them."""
    bold = _ALL_BOLD.fullmatch(markdown)
    text = bold.group("text") if bold else markdown
    slots = find_times(text) if _HOUR_MARK.search(text) else []
    lead = len(text) - len(text.lstrip())  # where the text, maybe a title, starts
    found = next((s for s in slots if s.end is not None
                  and lead < (_title_end(text, s.first.span[0]) or 0)), None)
    if found is None:
        return markdown
    title = text[: _title_end(text, found.first.span[0])]
    if len(title.split()) > 25 or scan_days(title):
        return markdown  # 'Le 30 avril de 9h à 17h30': the event's day, not a session
    reading.start, reading.end = found.start, found.end
    span = text[found.first.span[0] : found.span[1]]
    reading.why.append(f"hours after its title: {span!r}")
    place = text[found.span[1] :].strip(" ,.")
    room = place.split(",")[0].strip()
    if _ROOM_WORDS.match(room):
        reading.room = _room_name(inline_text(room)[0])
    title = title.rstrip(" ,")
    return f"**{title}**" if bold else title


def _title_end(text: str, hours: int) -> int | None:
    """Where a title ends when the hours at `hours` follow it after 'de' or 'from' ('Table
    ronde de 10h25 à 11h15'): at the comma or the spaces before the word (none: None).
    Read backwards from the hours: a search from the start of the text for each of
    10,000 hours of a line would take a time that grows as its square."""
    end = hours
    while end and text[end - 1].isspace():
        end -= 1
    if end == hours:
        return None
    word = next((w for w in ("de", "from") if text[max(0, end - len(w)) : end].lower() == w),
                None)
    if word is None:
        return None
    start = cut = end - len(word)
    while cut and text[cut - 1].isspace():
        cut -= 1
    if cut and text[cut - 1] == ",":
        return cut - 1
    return cut if cut < start else None


def _leading_day(markdown: str, dates: DateContext, reading: LineReading) -> str:
    """'10 décembre 2021 à 11h ([visio](...)) : Title', 'Le 7 septembre : Title'."""
    found = _DAY_LEAD.match(markdown) if ":" in markdown else None
    if not found:
        return markdown
    when = when_text(found.group("when"), dates)
    if not when or not when[0]:
        return markdown
    reading.days = when[0]
    if when[1] and reading.start is None:
        reading.start, reading.end = when[1], when[2]
    reading.why.append(f"starts with its day: {found.group('when').strip()!r}")
    reading.links = inline_text(found.group("when"))[1]
    return found.group("rest")


_DAY_PART_LABEL = re.compile(
    r"^(?P<open>\*\*|__)?\s*(?i:matin(?:[ée]e)?|apr[èe]s-midi|soir(?:[ée]e)?|morning|afternoon|"
    r"evening|vormittags?|nachmittags?|abends?|mañana|tarde|mattin[ao]|pomeriggio|ochtend|"
    r"middag|avond)\s*(?:(?(open)(?:\*\*|__))\s*:|:\s*(?(open)(?:\*\*|__)))\s+(?=\S)")
"""'Matinée : contributions', '**Afternoon:** hacking': the part of the day a line starts
with says when, as hours would; it is not part of the title."""


def _without_day_part(markdown: str, reading: LineReading) -> str:
    """A line without the part of the day that labels it ('Après-midi : Title')."""
    found = _DAY_PART_LABEL.match(markdown)
    if not found:
        return markdown
    reading.why.append(f"starts with its part of the day: {found.group().strip()!r}")
    return markdown[found.end() :]


_LEAD_IN_COLON = re.compile(r"\s*:\s*$")
"""The colon that ends a line over the items it leads ('16 juin (9h30-17h30) :')."""
_WHEN_PARTS = 6
"""The day and hours after a title are a few parts ('mardi 24 novembre', '17h-17h30'):
reading each longer tail of a line of 10,000 parts again would take a time that grows
as the square of the line."""
_TRAILING_CUT = re.compile(r",\s+|\s+[-–—]\s+|\s+(?=\([^()]*\)\s*$)")
"""Where the day and hours written after a title may begin: after a comma or a dash, or at
a parenthesis that ends the line ('Title, Name — mardi 14 mars, 10h', 'Title (14 mars à
10h)'; not a sentence's '(May 19-21).')."""


def _trailing_when(markdown: str, dates: DateContext, reading: LineReading) -> str:
    """'**Title**, mardi 24 novembre, 17h-17h30', 'Title, Name — 14 mars, 10h', 'Title (mardi
    14 mars à 10h)': the day and hours after the title (and its credit)."""
    line, markdown = markdown, _LEAD_IN_COLON.sub("", markdown)
    every = [found.start() for found in _TRAILING_CUT.finditer(markdown)]
    if not every or not _DIGIT.search(markdown, every[0]):
        return line  # days and hours are written with digits: none after any cut
    ranges = _ranges(markdown, dates) if any(markdown[c] != "," for c in every) else []
    inside = {at for start, end in ranges for at in range(start + 1, end)}  # '10 am - 5 pm'
    cuts = [cut for cut in reversed(every) if cut not in inside][:_WHEN_PARTS]  # from the end
    when, cut = None, len(markdown)
    for start in cuts:
        found = when_text(markdown[start:].lstrip(",-–— "), dates)
        if not found:
            break
        when, cut = found, start
    if when is None:
        return line
    if when[0]:
        reading.days = when[0]
    if when[1] and reading.start is None:
        reading.start, reading.end = when[1], when[2]
    reading.why.append(f"ends with its day or hours: {markdown[cut:].strip(',-–— ')!r}")
    return markdown[:cut]


def _ranges(markdown: str, dates: DateContext) -> list[tuple[int, int]]:
    """The spans of the ranges of hours and of days of a line ('10 am - 5 pm', 'April 1 -
    May 30'): a dash inside one does not end a title."""
    spans = [s.span for s in find_times(markdown) if s.end] if _HOUR_MARK.search(markdown) else []
    mentions = scan_days(markdown, dates.lang, dates.order)
    spans += [
        (first.span[0], second.span[1])
        for first, second in pairwise(mentions)
        if second.link == "to"
    ]
    return spans


_LINK_FIRST = re.compile(r"^\[(?P<title>[^\]]+)\]\((?:[^()\s]|\([^()\s]*\))*\)(?P<tail>.*)$")
_BOLD_TITLE = re.compile(r"^(?P<pre>(?:[^*\s]+\s){0,3})\*\*(?P<title>[^*]+?)\*\*(?P<tail>.*)$")
_QUOTED_BOLD = re.compile(
    r"^.*?(?P<pre>)\*\*\s*[\"“«]\s*(?P<title>[^*\"“”«»]+?)\s*[\"”»]\s*\*\*"
    r"(?P<tail>\s*(?:par|avec|by|with)\b.*)$", re.IGNORECASE)
"""'Keynote … concernant **« Title »** avec Name': a title in quotes and in bold, after the
words that say where or how it is given, before its credit."""
_DASH_AFTER = re.compile(r"^\s+[-–—]\s")
_SIGNED = re.compile(r"^(?P<title>.+?[^.\s]{2})\.\s+(?P<credit>[^.]+?)\.?$")
"""'Title.  A et B (Org1, Org2).': a title, then a credit after a full stop."""


def read_title(markdown: str) -> Talk:
    """Title, credit and labelled kind of a line's text ('Lecture: Title', 'Talk 2: Title -
    Name'), without trailing links to replays or pads."""
    kind, markdown = without_kind_label(_without_asides(markdown.strip()))
    talk = _title_and_credit(markdown)
    return labelled_talk(talk, kind) if kind else talk


def without_trailing_notes(markdown: str) -> str:
    """A line without the notes it ends with: links to replays, pads or parts
    ('([revoir](…))', '([part1](…)) ([part2](…))'), durations ('(20 min)')."""
    for _ in range(_NOTES):
        if markdown.rstrip(" .")[-1:] not in (")", "]", "*", "_", "m", "n", "s", "h"):
            break
        head, tail = markdown[:-_NOTE_LENGTH], markdown[-_NOTE_LENGTH:]
        trimmed = (head + _without_trailing_note(tail)).rstrip(" .")
        if trimmed == markdown.rstrip(" ."):
            break
        markdown = trimmed
    return markdown


def _title_and_credit(markdown: str) -> Talk:
    links = inline_text(markdown)[1]
    markdown = without_trailing_notes(markdown)
    text = inline_text(markdown)[0]
    if first := speaker_first(markdown):
        return replace(first, links=links)
    if quoted := quoted_talk(text):
        return replace(quoted, links=links)
    lead = _LINK_FIRST.match(markdown)
    if lead and re.match(r"^\s*(?:[,(]|$)", lead.group("tail")):
        talk = _titled(lead.group("title"), lead.group("tail"))
        if talk.speakers or not lead.group("tail").strip():
            return Talk(talk.title, talk.speakers, talk.organisations, links)
    bold = _BOLD_TITLE.match(markdown) or _QUOTED_BOLD.match(markdown)
    if bold and re.search(r"\b(?:par|avec|de|by|with)\s+$", bold.group("pre"), re.I):
        bold = None  # 'Ouverture par **Name**, role': the bold is a credit, not the title
    if (
        bold
        and not _DASH_AFTER.match(bold.group("tail"))
        and (
            not bold.group("tail").strip()
            or re.match(r"^\s*(?:[:,.]|par\b|avec\b|by\b|with\b)", bold.group("tail"))
            or re.search(r"[:.?!]\s*$", bold.group("title"))
            or (bold.group("pre") == "" and re.match(r"^\s*\(", bold.group("tail")))
            or titled_names(inline_text(bold.group("tail"))[0].strip())
        )
    ):
        credited = re.match(r"^\s*(?:par|avec|by|with)\b", bold.group("tail"), re.I)
        pre = "" if credited else bold.group("pre")  # 'Stand Alone **Title** avec Name': a format
        talk = _titled(f"{pre}{bold.group('title')}", bold.group("tail"))
        return Talk(talk.title, talk.speakers, talk.organisations, links)
    if spoken := speech_credit(text):  # before a full stop that may end 'Prof.'
        return Talk(_clean(spoken[0]), *spoken[1], links)
    signed = _SIGNED.match(text) if "." in text else None
    if signed and ends_with_title(signed.group("title")):
        signed = None  # 'Welcome by Dr. Jane Doe': the full stop abbreviates a title
    if signed and (credit := credit_block(signed.group("credit"))
                   or person_and_role(signed.group("credit"))):
        return Talk(_clean(signed.group("title")), credit[0], credit[1], links)
    if two := two_credits(text):
        return Talk(_clean(two[0]), *two[1], links)
    talk = parse_talk_line(markdown)
    if not talk.speakers:
        credited = find_credit(text)
        if credited:
            speakers, organisations, cut = credited
            return Talk(_clean(text[:cut]), speakers, organisations, links)
    return Talk(_clean(talk.title), talk.speakers, talk.organisations, links)


_LEADING_ASIDE = re.compile(
    r"^(?P<open>\*\*|__)?(?P<mark>[*_]{1,2})"
    r"(?i:optionnel(?:le)?s?|facultati(?:f|ve)s?|optional|sur inscription)(?P=mark)"
    r"(?P<shut>(?(open)(?P=open)))?\s+(?=\S)")
"""'*optionnel* AfterWork', '***optionnel* Talk**', '***optionnel*** **Talk**': an emphasised
note before the title (in its bold, or in a bold of its own), not part of it."""
_UNDECIDED = re.compile(
    r"\s*\((?=[^()]{0,40}\))[^()]*?\b(?:[àa]\s+(?:d[ée]finir|confirmer|pr[ée]ciser)|tb[acd])[\s*_]*\)",
    re.IGNORECASE,
)
"""'(lieu à définir)', '(salle à confirmer)', '(room TBC)': what is not decided yet, a note."""


_LEADING_DURATION = re.compile(r"^\d{1,3}\s*(?i:min(?:ute)?s?|mn)\.?\s*[:–—]\s*(?=\S)")
"""'10 min: Shiny', '5 minutes – Title': how long the talk lasts, before its title."""


def _without_asides(markdown: str) -> str:
    """A line without the notes around its title: '*optionnel*' or a duration ('10 min:')
    before it, '(lieu à confirmer)' wherever it stands, and the pictographs that lead it
    ('☕️ Accueil')."""
    line = _LEADING_ASIDE.sub(_open_left, without_pictographs(markdown))
    return _UNDECIDED.sub("", _LEADING_DURATION.sub("", line))


def _open_left(aside: re.Match[str]) -> str:
    """The bold an aside opened and did not close, which goes on over the title."""
    return "" if aside.group("shut") else aside.group("open") or ""


def _without_trailing_note(text: str) -> str:
    """`text` without the note it ends with, as `_TRAILING_NOTES.sub` would remove it; the
    pattern is only tried where a note can start (the spaces before an opener), not at
    every character of the line."""
    for opener in _NOTE_OPENERS.finditer(text):
        start = opener.start()
        while start and text[start - 1].isspace():
            start -= 1
        note = _TRAILING_NOTES.match(text, start)
        if note:
            return text[:start] + text[note.end() :]
    return text


def _titled(title_markdown: str, tail_markdown: str) -> Talk:
    title = _clean(inline_text(title_markdown)[0])
    inside = find_credit(title)
    if inside:  # '**Témoignage inspirant de Name, role.**'
        return Talk(_clean(title[: inside[2]]), inside[0], inside[1])
    tail = inline_text(tail_markdown)[0].strip()
    tail = re.sub(r"^\(([^()]*(?:\([^()]*\)[^()]*)*)\)\s*[.]?$", r"\1", tail)
    credited = find_credit(tail, at_start=True) or find_credit(tail)
    if credited:
        return Talk(title, credited[0], credited[1])
    if titled_names(tail):  # '**Title** Ing. Name': no mark, but a person's title
        return Talk(title, *block_speakers(tail))
    if _QUOTED_AFTER_COLON.fullmatch(tail):  # '**Table ronde** : « Title »': its format, then it
        return Talk(f"{title} {tail}")
    return (not tail and role_and_name(title)) or Talk(title)


_QUOTED_AFTER_COLON = re.compile(r":\s*[\"“«][^\"“”«»]{3,}[\"”»]")
"""A colon, then a title in quotes and nothing else: what the bold before it names is the
format or series of the quoted title, and both are its title as written."""


_DURATION = re.compile(r"\s*" + _DURATION_TEXT, re.IGNORECASE)


def _clean(text: str) -> str:
    return clean_title(_DURATION.sub("", text)).rstrip(" .").strip()
