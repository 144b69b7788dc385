"""A talk line cut into its title and its credit, in either order: 'Title - Speaker',
'Title, by Name', 'Title (Name, Org)', '**Name** (Org) : "Title"', 'Name: Title', and a
kind label before them ('Lecture: Title', 'Talk 2: Title - Speaker')."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from bot.loaders.talks.credits import (
    Credit,
    labelled_credit,
    parse_credit,
    without_credit_lead,
)
from bot.loaders.talks.kinds import format_kind, infer_kind, kind_label, numbered_label
from bot.loaders.talks.markup import inline_text
from bot.loaders.talks.names import (
    BODY,
    INSTITUTION,
    ROLE,
    block_speakers,
    is_block,
    people,
    split_orgs,
    teams,
)
from bot.programme.model import Link, Speaker


@dataclass(frozen=True)
class Talk:
    """What a talk line says, before it gets a day, a time and an id; `kind` is the kind
    its label gave ('Lab: …'), if any."""

    title: str
    speakers: tuple[Speaker, ...] = ()
    organisations: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    kind: str | None = None

    def own_kind(self) -> str:
        """Its label's kind, else the kind its title's words name, else 'talk'."""
        return self.kind or infer_kind(self.title)


_SEPARATORS = re.compile(r"\s+:\s+|,\s+|(?<=[?!])\s+|\s+(?:par|avec|by)\s+|\s+[-–—]\s+")
"""Where a credit may follow a title; the first whose tail is names only wins ('Retour
avec A, B et C': 'avec', not the comma between the names). A colon without a space before
it ('OpenBCI: An Open-Source Interface', 'March 12 (Thursday): Typelevel Summit') far more
often starts a title or a subtitle written in capitals than a name."""
_CREDIT_LENGTH = 400
"""A credit is short: longer tails are not read as one (and a huge line stays fast)."""
_BOLD_FIRST = re.compile(r"^\s*\*\*(?P<title>.+?)\*\*\s*(?P<mark>[-–—:])\s*(?P<rest>.+)$")
_BY_TEAMS = re.compile(
    r"(?<![ée])(?<!ées)(?<!és)\s+par\s+(?P<teams>(?:le|la|les|l'|l’)\s*(?P<body>[a-zà-ÿ].+))$"
)
_BY_BODY = re.compile(
    r"(?:\s+(?:anim[ée]|pr[ée]sent[ée]|propos[ée]|organis[ée]|offert)e?s?)?\s*:?\s+par\s+(?P<the>(?:le|la|les)\s+|l['’])?"
    r"(?P<body>(?(the)(?:[a-zà-ÿ]+\s+)?)[A-ZÀ-Ö][\w'’&.\-]*(?:\s+[\w'’&.\-]+){0,4})\s*$"
)
"""'Title par XDEMAT', 'Title animée par le SOPRA', 'Title par le programme VITAM': a credit
that names an organisation, not a person (a person's name is read as a speaker first)."""


def parse_talk_line(markdown: str) -> Talk:
    """A bullet's text: title, then speakers and organisations if the line names any."""
    bold_first = _BOLD_FIRST.match(markdown)
    if bold_first and (talk := _bold_first(bold_first)):
        return talk
    text, links = inline_text(markdown)
    if spoken := _SPEAKS_ON.match(text):
        found = people(spoken.group("names"))
        if found:
            return Talk(clean_title(spoken.group("title")), found[0], found[1], links)
    if labelled := labelled_credit(text):
        title, (speakers, organisations) = labelled
        return Talk(clean_title(title), speakers, organisations, links)
    label = numbered_label(text)
    for separator in _SEPARATORS.finditer(text):
        if separator.end() <= label:
            continue  # 'Atelier 2 : R Interface': the title after its label, not a credit
        if len(text) - separator.end() > _CREDIT_LENGTH:
            continue  # the length first: a copy of each tail of a line of commas is quadratic
        tail = text[separator.end() :].rstrip(" .")
        if is_block(tail):
            speakers, organisations = block_speakers(tail)
            return Talk(clean_title(text[: separator.start()]), speakers, organisations, links)
        names = _NAMES_DASH_ORG.match(tail)
        if separator.group().startswith(",") and names and is_block(names.group("names")):
            speakers, organisations, _ = parse_credit(tail)  # 'Title, Jane Doe - Acme'
            return Talk(clean_title(text[: separator.start()]), speakers, organisations, links)
    dash = _LAST_CREDIT_DASH.match(text)
    if dash and (found := people(dash.group("credit"))):  # 'Title - A et B, Org'
        return Talk(clean_title(dash.group("title")), found[0], found[1], links)
    bracketed = _BRACKETED_CREDIT.match(text)
    if bracketed and (found := _bracketed_people(bracketed.group("credit"))):
        return Talk(clean_title(bracketed.group("title")), found[0], found[1], links)
    team = _BY_TEAMS.search(text)
    if team and BODY.match(team.group("body")):
        # 'par le ministère de …': a body named in place of a person
        return Talk(clean_title(text[: team.start()]), (), (team.group("body"),), links)
    if team:
        speakers, organisations = teams(team.group("teams"))
        return Talk(clean_title(text[: team.start()]), speakers, organisations, links)
    body = _BY_BODY.search(text)
    if body and not people(body.group("body")):
        return Talk(clean_title(text[: body.start()]), (), split_orgs(body.group("body")), links)
    if sentences := _TWO_SENTENCES.match(text):  # 'Doors Close. Talks Can Be Sent Until …'
        found = people(sentences.group("rest").rstrip(".")) or ((), ())
        return Talk(clean_title(sentences.group("title")), found[0], found[1], links)
    return Talk(clean_title(text), (), (), links)


def _bold_first(found: re.Match[str]) -> Talk | None:
    """'**Title** - A et B, Org': the bold title, then its credit. When what follows the bold
    names no one, a dash puts a description after the title ('**Forum** – Voici les
    stands…'), or the talk's title after a series and its speaker ('**Etalab-talk : Jane
    Doe** - Title'); after a colon, it is left to the other readings (None)."""
    title, title_links = inline_text(found.group("title"))
    speakers, organisations, links = parse_credit(found.group("rest"))
    if all(is_block(s.name) or _ONE_NAME.fullmatch(s.name) for s in speakers):
        return Talk(title, speakers, organisations, title_links + links)
    if found.group("mark") == ":":
        return None
    rest, rest_links = inline_text(found.group("rest"))
    series, colon, credit = title.rpartition(" : ")
    if colon and is_block(credit):
        speakers, organisations = block_speakers(credit)
        return Talk(clean_title(f"{series} : {rest}"), speakers, organisations,
                    title_links + rest_links)
    return Talk(title, links=title_links + rest_links)


_ONE_NAME = re.compile(r"[A-ZÀ-Ö][\w'’\-]*\.?")
"""A person named by one word ('Simon')."""
_SPEAKS_ON = re.compile(
    r"^(?P<names>[^\"“”«»]{3,200}?)\s+(?:interviendr(?:a|ont)|parler(?:a|ont)|pr[ée]senter(?:a|ont)|"
    r"will\s+(?:talk|speak|present))\b[^\"“”«»]{0,40}?[\"“«]\s*(?P<title>[^\"“”«»]+?)\s*[\"”»]\s*\.?$",
    re.IGNORECASE,
)
"""'Jane Doe (Acme) interviendra sur le thème « Title ».', 'Jane Doe will talk about "Title"':
who speaks, then the quoted title."""
_TWO_SENTENCES = re.compile(
    r"^(?P<title>[^.!?:]{3,80}[^\s.!?:A-ZÀ-Ö])\.\s+"
    r"(?P<rest>[A-ZÀ-Ö][^.!?]*?(?:\s+[^\s.!?]+){4,}[.!])$")
"""A short title, then a sentence of five words or more that tells more about it or who
gives it: the title is the first sentence ('Venue Closes. Contributions Can Be Submitted
Until 10 AM on Monday.', 'Title. Jane Doe, Director of the Library.'); an initial ('J.
Doe') or an abbreviation ('Dr. …') does not end one."""
_NAMES_DASH_ORG = re.compile(r"^(?P<names>.+?)\s+[–—-]\s+(?:[^\s–—-]+\s*){1,6}$")
"""'Jane Doe - Acme' after a comma: names, then their organisation after a dash."""
_LAST_CREDIT_DASH = re.compile(
    r"^(?P<title>.+\S)\s+[-–—](?:\s+|(?=[A-ZÀ-Ö]))(?P<credit>[^-–—]{1,200})$")
"""'Title - A et B, Org', and 'Title -A. Name' typed without the space after the dash."""
_BRACKETED_CREDIT = re.compile(r"^(?P<title>.*\S)\s*\((?P<credit>[^()]+)\)\s*$")
"""'Title (Jane Doe, Acme)', 'Title (A et B)', 'Title (Jane Doe)': a credit in brackets."""
_JOINED = re.compile(r",|\s(?:et|and|und|y|e|en)\s|&|/")
_PERSON = re.compile(
    r"(?!(?i:salle|room|sala|raum|zaal|amphi|h[oô]tel|centre|center|institut|universit)\w*\s)"
    r"[A-ZÀ-ÖĀ-ž][a-zà-ÿĀ-ž'’\-]+"
    r"(?:\s+(?:(?:de|van|von|da|di|del|der|le|la)\s+)?[A-ZÀ-ÖĀ-ž][a-zà-ÿĀ-ž'’\-]+){1,3}"
)
"""One name alone in brackets is a person's when it is written like one ('(Chris
Rackauckas)', '(Bogumił Kamiński)'), not a room, a building or a body ('(Salle Rouge)',
'(Hôtel de Ville)')."""


def _bracketed_people(credit: str) -> Credit | None:
    """Who brackets after a title credit: '(Jane Doe)', '(A et B)', '(A/B)', '(Jane Doe,
    Acme)', '(Jane DOE – Lab, University)', and the same after a credit's word ('(par Jane
    Doe)', '(présentation Jane Doe, Acme)'); None unless a person is named first."""
    for text in dict.fromkeys((without_credit_lead(credit), credit)):
        names = _NAMES_DASH_ORG.match(text)
        if names and is_block(names.group("names")):
            speakers, organisations, _ = parse_credit(text)
            return speakers, organisations
        if (found := people(text)) and (_JOINED.search(text) or _PERSON.fullmatch(text)):
            return found
    return None


_JOINED_TALK = re.compile(r"^(?P<title>.*\S)\s*\((?P<credit>[^()]+)\)\s*;\s+(?P<rest>\S.*)$")


def joined_talks(talk: Talk) -> tuple[Talk, ...]:
    """'Docker containers (A, B); bulker.io (C)' read as one talk credited to C: two talks
    on one line joined by ';', each with its credit in brackets."""
    found = _JOINED_TALK.match(talk.title) if talk.speakers else None
    credit = _bracketed_people(found.group("credit")) if found else None
    if not found or not credit:
        return (talk,)
    first = Talk(clean_title(found.group("title")), credit[0], credit[1], kind=talk.kind)
    return first, replace(talk, title=clean_title(found.group("rest")))


_ROLE_THEN_NAME = re.compile(
    r"^(?P<title>.*?\b(?:du|de\s+la|de\s+l['’]|d['’])\s*(?P<role>\w.*)),\s+(?P<name>[^,]+?)\.?$")


def role_and_name(title: str) -> Talk | None:
    """'Intervention du directeur général de l'ANCT, Jeanne Dupont': a title that names a
    role, then the person who holds it after a comma, who speaks."""
    found = _ROLE_THEN_NAME.match(title)
    name = found.group("name") if found else ""
    if not (found and ROLE.match(found.group("role")) and _PERSON.fullmatch(name)
            and not INSTITUTION.match(name)):
        return None
    return Talk(clean_title(found.group("title")), (Speaker(name),))


_NAMES_DASH_TITLE = re.compile(r"^(?P<names>[^–—]{3,120}?)\s+[–—]\s+(?P<title>\S.*)$")
_EMPHASIS_THEN_ORG = re.compile(
    r"^(?P<title>(?P<mark>[*_]{1,2})[^*_]+(?P=mark))\s*,\s*(?P<org>[^,]{2,80})$")


def talk_under_label(label: str, line: str) -> Talk | None:
    """A format's word alone ('Keynote') over its talk on the next line, written 'Name —
    Title' ('*Kiwon Um* — *AI for animation*, Télécom Paris': an emphasised title, then
    the organisation): that talk, of the word's kind; None otherwise."""
    kind = format_kind(label.strip(" :"))
    found = _NAMES_DASH_TITLE.match(line) if kind else None
    names = inline_text(found.group("names"))[0].strip() if found else ""
    if not is_block(names):
        return None
    speakers, organisations = block_speakers(names)
    title = found.group("title")
    if org := _EMPHASIS_THEN_ORG.match(title):
        title = org.group("title")
        speakers = tuple(replace(s, organisation=s.organisation or org.group("org"))
                         for s in speakers)
        organisations = (*organisations, *split_orgs(org.group("org")))
    text, links = inline_text(title)
    return Talk(clean_title(text), speakers, organisations, links, kind)


_QUOTES = "\"“”«»„'‘’"
_SPEAKER_FIRST = re.compile(
    r"^\s*(?P<bold>\*\*)?(?P<names>[^*:–—()]+?)\s*(?(bold)\*\*)\s*"
    r"(?P<org>\(\s*[\[A-ZÀ-Ö](?:[^()]|\([^()]*\))*\))?\s*(?:[:–—]|\s-)\s+(?P<title>\S.*)$"
)


def speaker_first(markdown: str) -> Talk | None:
    """'**Jane Doe** (Acme) : "Title"', 'Jane Doe (Acme) – Title', 'Jane Doe: « Title »':
    names first, then the title. Names alone before a colon or a dash may be a title's own
    words ('Open Source: why', '**Découvrir Tchap** - *credit*'), so the line must also
    give their organisation or quote the title."""
    found = _SPEAKER_FIRST.match(markdown) if markdown[:1] != "[" else None
    if not found:
        return None
    names = inline_text(found.group("names"))[0]
    credit = f"{names} {found.group('org')}" if found.group("org") else names
    title, links = inline_text(found.group("title"))
    quoted = len(title) > 2 and title[0] in _QUOTES and title.rstrip(".")[-1] in _QUOTES
    if not is_block(inline_text(credit)[0]) or not (found.group("org") or quoted):
        return None
    speakers, organisations = block_speakers(inline_text(credit)[0])
    if quoted:
        title = title.rstrip(".")[1:-1].strip()
    return Talk(clean_title(title), speakers, organisations, links)


def without_pictographs(markdown: str) -> str:
    """'☕️ Accueil', '**🎤 Keynote**' → 'Accueil', '**Keynote**': pictographs that lead a
    title (after its emphasis, if any) decorate it and are not part of it."""
    marks = len(markdown) - len(markdown.lstrip("*_ "))
    index = marks
    while index < len(markdown) and (unicodedata.category(markdown[index]) == "So"
                                     or markdown[index] in "\ufe0f\u200d "):
        index += 1
    if index == marks or index == len(markdown):
        return markdown
    return markdown[:marks].rstrip() + markdown[index:]


def clean_title(text: str) -> str:
    """A title without the separators left at its ends, nor a note of the material it
    links to ('(format pdf)', '(slides)', '[vidéo]') or of who pays for it ('(sponsored
    by Acme)', '(offert par la Ville)')."""
    if text.rstrip()[-1:] in ")]":
        text = _URL_NOTE.sub("", _MATERIAL_NOTE.sub("", _SPONSOR_NOTE.sub("", text)))
    return _AGENDA_NUMBER.sub("", text.strip()).rstrip(":,;–—-").strip()


_URL_NOTE = re.compile(r"\s*[(\[]\s*(?:https?://|www\.)[^\s()\[\]]+\s*[)\]]\s*$")
"""The address of a project after a title ('Atelier iTowns (http://www.itowns-project.org/)')."""
_AGENDA_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})+\.?\s+(?=\S)")
"""An outline number before a title ('3.3 Spark', '1.1. Welcome'): the agenda's, not the
title's ('1. Title' is an ordered list's and stays; so does 'Web 2.0')."""
_SPONSOR_NOTE = re.compile(
    r"\s*[(\[]\s*(?:(?:kindly\s+)?(?:sponsored|offered|provided)\s+by|courtesy\s+of|"
    r"(?:sponsoris[ée]e?|offert|offerte|financ[ée]e?)\s+par|avec le soutien d[eu]s?|"
    r"gesponsert\s+von|patrocinad[oa]\s+por|offerto\s+da|gesponsord\s+door)"
    r"\s[^()\[\]]{1,80}[)\]]\s*$",
    re.IGNORECASE,
)
"""Who pays for a meal or a party, after its title ('Pizza time! (sponsored by Acme)'):
neither a speaker nor part of the title."""
_MATERIAL_NOTE = re.compile(
    r"\s*[(\[]\s*(?:format\s+)?(?:pdf|slides?|diapos?|diaporama|vid[ée]o|ppt|odp|support|"
    r"replay|enregistrement|recording)\s*[)\]]\s*$",
    re.IGNORECASE,
)


_LABEL_MARKS = re.compile(r"^\s*(?P<open>[*_]{0,3})(?P<link>\[?)")


def without_kind_label(markdown: str) -> tuple[str | None, str]:
    """'Lecture: [Title](…)', '[Lecture: Title](…)', '**Atelier :** Title', 'Talk 2: Title -
    Name': the kind the label gives and the line without it (emphasis and link kept
    balanced); (None, line) if none."""
    opening = _LABEL_MARKS.match(markdown)
    found = kind_label(markdown[opening.end() :])
    if found is None:
        return None, markdown
    kind, rest, closed = found
    if rest is None:
        return kind, markdown  # a numbered label stays
    # '**Lecture: Title**', '[Lecture: Title](…)': the bold and the link go on
    return kind, ("" if closed else opening.group("open")) + opening.group("link") + rest


_LAST_DASH = re.compile(r"^(?P<title>.+\S)\s+[-–—]\s+(?P<name>[A-ZÀ-Ö][a-zà-ÿ'’\-]+)\.?$")


def labelled_talk(talk: Talk, kind: str) -> Talk:
    """A labelled line's talk ('Talk 2: Title - Simon'): its kind, and a last ' - ' part of
    one capitalised word read as who speaks (the label says it is a talk, not a title)."""
    one = _LAST_DASH.match(talk.title) if not talk.speakers and kind == "talk" else None
    if one:
        return replace(talk, title=clean_title(one.group("title")),
                       speakers=(Speaker(one.group("name")),), kind=kind)
    return replace(talk, kind=kind)
