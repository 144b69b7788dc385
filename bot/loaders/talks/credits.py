"""Credits: who a line says speaks, after 'par', 'by', 'von', 'con', 'door', after a label
('Speaker(s):', 'Intervenant·e·s :', 'Ponente:'), or as a whole cell ('A et B, [Org](url)')."""

from __future__ import annotations

import re

from bot.loaders.talks.markup import inline_text
from bot.loaders.talks.names import (
    JOIN,
    NAME,
    ROLE,
    TBA,
    block_speakers,
    is_block,
    people,
    split_names,
    split_orgs,
)
from bot.loaders.talks.words import CREDIT_LABELS, CREDIT_MARKS, STRICT_MARKS, alternation
from bot.programme.model import Link, Speaker

_MARKS = alternation(CREDIT_MARKS, skip=STRICT_MARKS)
_STRICT = "|".join(sorted(STRICT_MARKS))
_LABELS = rf"(?:{alternation(CREDIT_LABELS)})[)*]*\s*:"
CREDIT_LABEL = re.compile(
    rf"^\W*(?:{alternation(CREDIT_LABELS)}|{_MARKS}|{_STRICT})\s*(?::|\s)\s*", re.IGNORECASE
)
"""A line that starts with its credit: 'Intervenante : …', 'Speakers: …', 'Par …', 'von …'."""
_CREDIT_MARK = re.compile(
    rf"(?:^|,\s*|\s+[-–—(]?\s*)(?:{_MARKS}|{_STRICT}|{_LABELS}|de|d['’])\s*", re.IGNORECASE
)
_SPOKEN = re.compile(
    rf"(?:^|,\s*|\s+)(?:{_MARKS})\s+"
    rf"|(?:^|,\s*|\s+[-–—]\s+|\s*\(\s*)(?:{_STRICT})\s+(?=[A-ZÀ-Ö])"
    rf"|(?:^|\s+|,\s*)(?={_LABELS})"
    r"|(?<=\w)(?=\s+(?:de|d['’]))",
    re.IGNORECASE,
)
"""Where a credit may start inside a line: 'par', 'avec', 'by', 'con', 'door'… ('von',
'mit', 'di', 'met' only after a comma, a dash or a bracket: they are everyday words in
titles), a label, or ' de' after a word that names a speech ('Intervention de',
'Témoignage inspirant de'), checked by `_SPEECH`."""
_STRICT_START = re.compile(rf"^(?:,\s*|\s+[-–—]\s+|\s*\(\s*)?(?:{_STRICT})\s", re.IGNORECASE)
_CREDIT_LENGTH = 400
"""A credit is short: longer tails are not read as one (and a huge line stays fast)."""
_MARKS_TRIED = 12
"""How many 'par'/'avec' marks of one line are tried as the start of a credit."""
_PRESENTERS = re.compile(
    rf"(?P<names>{NAME}(?:{JOIN}{NAME})*)(?:,[^.]*?)?\s+"
    r"(?:pr[ée]senter(?:a|ont)|animer(?:a|ont)|interviendr(?:a|ont)|will present)\b"
)
_SPEECHES = (
    r"introduction|intervention|t[ée]moignage|inspirant|discours|allocution|ouverture|keynote|"
    r"conf[ée]rence|bienvenue|accueil|invit[ée]e?|greetings?|welcome|gru(?:ß|ss)wort|"
    r"begr[üu](?:ß|ss)ung|saludo|bienvenida|saluti|saluto|welkom|toespraak"
)
"""Words that name a speech ('Intervention de', 'Saluto del', 'Grußwort von'), in the six
languages."""
_SPEECH = re.compile(rf"(?:{_SPEECHES})$", re.IGNORECASE)
_CREDIT_LEAD = re.compile(
    rf"^(?:{_MARKS}|{_LABELS}|(?:{_SPEECHES}|pr[ée]sentation|presentation|expos[ée]|talk)"
    r"(?:\s+(?:de|d['’]|du|par|by|of)(?=\s))?)\s*(?=[A-ZÀ-Ö])",
    re.IGNORECASE,
)
"""What may lead the names of a credit set apart (in brackets): a mark ('par', 'by'), a
label ('Speaker:') or the word of a talk ('présentation Jane Doe', 'talk by Jane Doe')."""
_SPEECH_LEAD = re.compile(
    rf"^(?P<title>[\w'’ ]{{0,24}}?\b(?i:{_SPEECHES}))\s+"
    r"(?i:de|du|d['’]|della|dello|dell['’]|del|di|von|vom|van)\s*(?=[A-ZÀ-Ö])"
)
"""A speech's few words, then 'of' ('de', 'del', 'von'…; not 'of': 'Introduction of
Open Data' names no one), then a name."""
_CREDIT_SPLITS = ((re.compile(r"\s+[-–—]\s+"), " - "), (re.compile(r",\s+"), ", "))
"""'A, B - Org' and 'A et B, Org': where the names end and their organisation starts, and
how the names' parts are joined again."""

_HANDLE = re.compile(r"\s*\(?@[\w.\-]+\)?(?=[\s,&;]|$)")
_LOOSE_COMMA = re.compile(r",\s*(?=[,&;]|$)")


def _without_handles(text: str) -> str:
    """'Jory Burson @jorydotcom Joe Sepi @joesepi' → 'Jory Burson, Joe Sepi': a social-media
    handle after a name is not part of it, and ends it."""
    if "@" not in text:
        return text
    return _LOOSE_COMMA.sub("", _HANDLE.sub(",", text))

Credit = tuple[tuple[Speaker, ...], tuple[str, ...]]
"""Speakers and their organisations."""


def parse_credit(markdown: str) -> tuple[tuple[Speaker, ...], tuple[str, ...], tuple[Link, ...]]:
    """A speakers cell or credit: 'A et B, [Org](url)', 'A - [Org](url) (Parent)', '*TBA* - Org',
    'A ([Org1](u)) et B ([Org2](u))'. Returns speakers, organisations and links."""
    text, links = inline_text(markdown)
    text = _without_handles(text).strip().rstrip(".")
    labelled = CREDIT_LABEL.match(text)
    if labelled and labelled.end() < len(text):
        text = text[labelled.end() :]
    if is_block(text):
        speakers, organisations = block_speakers(text)
        return speakers, organisations, links
    for pattern, joiner in _CREDIT_SPLITS:
        parts = pattern.split(text)
        if len(parts) > 1:
            names = joiner.join(parts[:-1])
            organisation = parts[-1].strip()
            persons = (
                ()
                if TBA.match(names)
                else tuple(Speaker(name, organisation) for name in split_names(names))
            )
            return persons, split_orgs(organisation), links
    if TBA.match(text) or not text:
        return (), (), links
    return tuple(Speaker(name) for name in split_names(text)), (), links


def without_credit_lead(text: str) -> str:
    """'présentation Jane Doe, Acme', 'par Jane Doe', 'Speaker: Jane Doe' → the names and
    what follows them; `text` itself if no credit's word leads it."""
    return _CREDIT_LEAD.sub("", text, count=1)


def find_credit(
    text: str, at_start: bool = False
) -> tuple[tuple[Speaker, ...], tuple[str, ...], int] | None:
    """The persons credited in `text`: after 'par', 'avec', 'by', 'Speaker:' or 'Intervention
    de', as 'Name', 'Name (Org)', 'Name, role' joined by commas and 'et'; or, `at_start`,
    from the start of `text`. Returns speakers, organisations and where the credit starts;
    None unless the first thing credited is a person or a team."""
    starts = [0] if at_start else []
    for mark in _SPOKEN.finditer(text):
        if mark.group() or _SPEECH.search(text[max(0, mark.start() - 14) : mark.start()]) or (
            _LABELS_AT.match(text, mark.end())
        ):
            starts.append(mark.start())
    for cut in starts[:_MARKS_TRIED]:
        tail = text[cut : cut + _CREDIT_LENGTH]
        strict = _STRICT_START.match(tail)
        mark = _CREDIT_MARK.match(tail)
        if mark:
            tail = tail[mark.end() :]
        elif not at_start:
            continue
        tail = tail.strip().rstrip(".")
        if strict and not is_block(tail):
            continue  # 'Migration von Linux Servern zu …': 'von' inside a title
        found = people(tail)
        if found:
            return found[0], found[1], cut
    return None


_LABELS_AT = re.compile(_LABELS, re.IGNORECASE)
_INNER_LABEL = re.compile(rf"(?:[.;,]\s*|\s+[-–—|]\s+|\s+)(?={_LABELS})", re.IGNORECASE)


def speech_credit(text: str) -> tuple[str, Credit] | None:
    """'Saluto del Prof. Name, role', 'Mot d'accueil de Name', 'Grußwort von Name': a speech
    named by its few words, then who gives it; None unless a person follows."""
    lead = _SPEECH_LEAD.match(text)
    found = people(text[lead.end() :].strip().rstrip(".")) if lead else None
    return (lead.group("title"), found) if found else None


def labelled_credit(text: str) -> tuple[str, Credit] | None:
    """'Title. Speaker(s): A, B', 'Title — Ponente: A': the title before a credit's label,
    and the credit after it."""
    for label in _INNER_LABEL.finditer(text):
        found = find_credit(text[label.end() :], at_start=True)
        if found and label.start() > 0:
            return text[: label.start()], found[:2]
    return None


def all_credits(text: str) -> Credit | None:
    """Every person credited anywhere in a paragraph ('Introduction de A, ... et animation
    par B'): each 'par', 'avec', 'Intervention de' read in turn."""
    speakers: dict[str, Speaker] = {}
    organisations: list[str] = []
    for _ in range(_MARKS_TRIED):
        found = find_credit(text)
        if not found:
            break
        for speaker in found[0]:
            speakers.setdefault(speaker.name, speaker)
        organisations.extend(found[1])
        mark = _SPOKEN.search(text, found[2])
        text = text[(mark.end() if mark and mark.end() > found[2] else found[2]) + 1 :]
    return (tuple(speakers.values()), tuple(dict.fromkeys(organisations))) if speakers else None


_TWO_CREDITS = re.compile(
    r"^(?P<head>.+?)\s+(?P<by>par|by)\s+(?P<first>[A-ZÀ-Ö].*?)\s+(?P<join>et|and)\s+"
    r"(?P<more>[a-zà-ÿ][^.]*?)\s+(?P=by)\s+(?P<second>[A-ZÀ-Ö].*)$")


def two_credits(text: str) -> tuple[str, Credit] | None:
    """'Le module de collecte par A, experte - Org et retour d'usage par B et C, Org': a
    title whose two parts each name who gives it. The title is both parts joined; the
    speakers, those of both credits. None unless each credit starts with a person and the
    second part goes on in lower case after 'et' (not a third name)."""
    found = _TWO_CREDITS.match(text)
    first = people(found.group("first")) if found else None
    second = people(found.group("second")) if first else None
    if not second:
        return None
    title = f"{found.group('head')} {found.group('join')} {found.group('more')}"
    speakers = {s.name: s for s in (*first[0], *second[0])}
    return title, (tuple(speakers.values()), tuple(dict.fromkeys((*first[1], *second[1]))))


def lines_credit(lines: list[str]) -> Credit | None:
    """Who the lines under a title credit: the first line's credit ('par A', 'A et B
    (Org)'), and the persons of each line right after it that names nothing else (a name
    per line, a badge each)."""
    found = find_credit(lines[0], at_start=True) if lines else None
    if not found:
        return None
    speakers, organisations = list(found[0]), list(found[1])
    for line in lines[1:]:
        more = credit_block(line)
        if not more:
            break
        speakers.extend(more[0])
        organisations.extend(more[1])
    return tuple(speakers), tuple(dict.fromkeys(organisations))


def credit_block(text: str) -> Credit | None:
    """'A, B et C (Org)' or 'A (Org1) et B (Org2)' and nothing else: speakers and organisations."""
    return block_speakers(text.strip()) if is_block(text.strip()) else None


def person_and_role(text: str) -> Credit | None:
    """'Jeanne Dupont, directrice de la DINUM', 'Ana Ruiz, Directora de la Biblioteca': one
    person, then their role after a comma (a role's word starts it)."""
    name, comma, role = text.strip().partition(", ")
    return people(text.strip()) if comma and is_block(name) and ROLE.match(role) else None


def label_credit(label: str) -> Credit | None:
    """The persons a label names after its colon ('Keynote: Jane Doe', 'Invited talk:
    A and B'): the speakers of the title beside it."""
    _head, colon, tail = inline_text(label)[0].partition(": ")
    return credit_block(tail) if colon else None


def presenters(text: str) -> Credit | None:
    """Persons a paragraph says will present: 'A et B, membres de …, présenteront …'."""
    found = _PRESENTERS.search(text)
    return block_speakers(found.group("names")) if found else None
