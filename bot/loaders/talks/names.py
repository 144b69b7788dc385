"""Persons and organisations as credits write them: 'Jeanne Dupont (DINUM)', 'A, B et C
(Org)', 'A (Org1) et B (Org2)', 'Jeanne Dupont, directrice de la DINUM', 'l'équipe X'."""

from __future__ import annotations

import re

from bot.programme.model import Speaker

_UPPER = "A-ZÀ-ÖØ-Þ"
_WORD = rf"[{_UPPER}][\w'’.\-\u2010\u2011]*"
"""A word of a name; a hyphen may be typed as Unicode's ('Borel‐Dubourg')."""
_PARTICLE = (r"(?:van\s+de[rn]|von\s+der|de|du|des|d'|d’|le|la|van|von|ben|el|da|di|del|della|"
             r"der|den|ter)")
NAME = rf"{_WORD}(?:\s+(?:(?:{_PARTICLE}\s+)?{_WORD}|d['’]{_WORD}))+"
"""A person's name as pages write it: 'Jeanne Dupont', 'Daniel Le Berre', 'Stéphanie SCHAER',
'Annibale d’Elia'."""
_ORG = r"\((?P<org>[^()]*(?:\([^()]*\)[^()]*)*)\)"
_ONE = rf"(?P<name>{NAME})(?:\s*{_ORG})?"
_SLASH = rf"(?<=[a-zà-ÿ])\s*/\s*(?=[{_UPPER}][a-zà-ÿ])"
"""A slash between two names ('Johan Reimegård/Björn Nystedt'); not inside an acronym
('ECL/ENISE'), which names organisations."""
JOIN = rf"(?:\s*,\s*|\s+(?:et|and|und|y|e|en)\s+|\s*&\s*|{_SLASH})"
"""What joins two names: a comma, 'et', 'and', 'und', 'y', 'e', 'en', '&', a slash."""
_BLOCK = re.compile(
    rf"{NAME}(?:\s*\([^()]*(?:\([^()]*\)[^()]*)*\))?"
    rf"(?:{JOIN}{NAME}(?:\s*\([^()]*(?:\([^()]*\)[^()]*)*\))?)*"
)
TBA = re.compile(r"^\s*(?:tba|tbc|tbd|a confirmer|à confirmer|a definir|à définir)\s*$", re.I)
_BODIES = (r"r[ée]gion|minist[èe]re|agence|mairie|ville|universit[ée]|institut|centre|conseil|"
           r"commission|cour|caisse|pr[ée]fecture|commissariat|observatoire|fondation|association|"
           r"assembl[ée]e|acad[ée]mie|syndicat|soci[ée]t[ée]|entreprise|collectif")
_UNITS = (r"direction|d[ée]partement|service|mission|laboratoire|secr[ée]tariat|d[ée]l[ée]gation|"
          r"p[ôo]le|groupe|inspection")
INSTITUTION = re.compile(rf"^(?:{_BODIES}|{_UNITS})\b", re.IGNORECASE)
"""Words that start the name of a body, not of a person ('Région Bretagne', 'Ministère …')."""
BODY = re.compile(rf"^(?:{_BODIES})\b", re.IGNORECASE)
"""Words that start the name of a body of its own ('ministère de …'), not of a team inside
one ('le pôle logiciels libres de la DINUM')."""
_TEAM = re.compile(r"^(?:les membres de\s+)?l['’](?P<team>[ée]quipe\s+.+)$", re.I)
ROLE = re.compile(
    r"^(?:directeur|directrice|responsable|chef|cheffe|pr[ée]sident|conseill[eè]re?|d[ée]l[ée]gu[ée]|"
    r"ministre|secr[ée]taire|coordinat|fondat|co-?fondat|charg[ée]|head|director|manager|expert|"
    r"ing[ée]nieur|professeur|docteur|adjoint|c[eotfid]o\b|vp\b|vice[- ]pr[ée]sident)",
    re.IGNORECASE,
)
"""Words that start a person's role ('directrice de …', 'Head of …', 'CEO de …'), not a
name."""
_PEOPLE_JOINS = re.compile(
    rf"\s*,\s*(?:et\s+|and\s+)?|\s+(?:et|and|und|y|e|en)\s+|\s*&\s*|{_SLASH}")
_BEFORE_NAME = re.compile(r"^(?:de\s+|d['’]|avec\s+|with\s+)(?=[A-ZÀ-Ö])")
"""What joins a name to a list of persons: 'Intervention de A et de B', 'animée par A,
role, avec B, role'."""
_TITLES = (r"(?:(?:Prof|Proff|Dott|Dr|Dra|Pr|Ing|Lic|Arq|Avv|Mme|Mlle|Mrs?|Ms|Sra?)"
           r"(?:\.?ssa)?\.?|M\.)")
_HONORIFIC = re.compile(rf"^(?:{_TITLES}\s+)+(?={NAME})")
"""A title before a person's name ('Prof. ', 'Prof.ssa ', 'Dr ', 'Pr ', 'Mme ', the Spanish
'Lic. ' and 'Arq. '): not part of it ('Dr Dupont' alone stays: a name of one word is not read
as a person's)."""
_TITLE_AT_END = re.compile(rf"(?:^|\s){_TITLES}$")


def ends_with_title(text: str) -> bool:
    """Whether `text` ends with a person's title ('Welcome by Dr'): a full stop after it
    abbreviates the title, it does not end a sentence."""
    return bool(_TITLE_AT_END.search(text))


def titled_names(text: str) -> bool:
    """Whether `text` is names only, the first after a person's title ('Ing. Ana Ruiz',
    'Prof. Ana Ruiz, Luis Gil'): the title says a person is named, not a theme in capitals."""
    return bool(_HONORIFIC.match(text)) and is_block(text)
_PERSON_AND_ORG = re.compile(rf"(?P<name>{NAME})\s*(?:\((?P<org>[^()]*(?:\([^()]*\)[^()]*)*)\))?")
_PERSON_THEN_ROLE = re.compile(rf"(?P<name>{NAME})(?P<org>)(?=\s+(?:du|de|des|d['’])\s)")
_ORG_LIKE = re.compile(rf"^(?:[{_UPPER}]|\w+/)")
_ROLE_AT = re.compile(
    r"\s(?:de\s+la|du|des|de\s+l['’]|d['’]|de|del|della|dell['’]|at|of)\s*"
    r"(?P<org>[A-Z][A-Z0-9&-]{1,11})$")
"""The acronym a role ends with ('chef de la mission … de la DINUM'): the organisation."""


def is_block(text: str) -> bool:
    """Whether `text` is names and their organisations and nothing else: a role written
    like a name ('CEO de Quantstack', 'Directrice Générale') is none."""
    return bool(_BLOCK.fullmatch(text)) and not any(
        ROLE.match(_unmask(part)) for part in _JOINS.split(_mask(text)))


def people(text: str) -> tuple[tuple[Speaker, ...], tuple[str, ...]] | None:
    """'A (Org), B, role, Org et C': the persons (or teams) `text` starts with, and their
    organisations; None unless it starts with one."""
    masked = _mask(text)
    joins = ["", *(join.strip() for join in _PEOPLE_JOINS.findall(masked))]
    speakers: list[Speaker] = []
    organisations: list[str] = []
    closed = False  # past the name after the 'et' that ends a list of names
    for join, masked_segment in zip(joins, _PEOPLE_JOINS.split(masked), strict=True):
        if not masked_segment.strip():
            continue
        segment = _HONORIFIC.sub("", _BEFORE_NAME.sub("", _unmask(masked_segment).strip()))
        person = _PERSON_AND_ORG.fullmatch(segment)
        if not person and speakers:  # '… et d'Antoine Mazières du défi X': the name, then its role
            person = _PERSON_THEN_ROLE.match(segment)
        team = _TEAM.match(segment)
        named = person and not INSTITUTION.match(segment) and not ROLE.match(segment)
        if named and any(s.name == person.group("name") for s in speakers):
            continue  # a name written twice in a row is one person
        if named and closed and join == ",":
            named = None  # 'A, B et C, Expression IRISA': their organisation, not a person
        if named:
            org = person.group("org")
            speakers.append(Speaker(person.group("name"), org))
            if org:
                organisations.extend(split_orgs(org))
            closed = closed or join not in ("", ",", "/")
        elif team:
            speakers.append(Speaker(team.group("team").strip()))
        elif not speakers:
            return None
        elif _ORG_LIKE.match(segment) and len(segment.split()) <= 6:
            organisations.extend(split_orgs(segment))
            if speakers[-1].organisation is None:
                speakers[-1] = Speaker(speakers[-1].name, segment)
        elif (ROLE.match(segment) and (body := _ROLE_AT.search(segment))
              and speakers[-1].organisation is None):  # 'Jeanne Dupont, directrice de la DINUM'
            organisations.append(body.group("org"))
            speakers[-1] = Speaker(speakers[-1].name, body.group("org"))
    return (tuple(speakers), tuple(dict.fromkeys(organisations))) if speakers else None


def _mask(text: str) -> str:
    """Hide separators inside parentheses so that splitting keeps '(A, B et C)' whole."""
    if "(" not in text:
        return text  # most credits: nothing to hide, and no walk through each character
    out, depth = [], 0
    for char in text:
        depth += char == "("
        depth -= char == ")" and depth > 0
        out.append({",": "\x00", " ": "\x01", "&": "\x02"}.get(char, char) if depth else char)
    return "".join(out)


def _unmask(text: str) -> str:
    return text.replace("\x00", ",").replace("\x01", " ").replace("\x02", "&")


_ONE_SPEAKER = re.compile(_ONE)


_CLOSED_LIST = re.compile(
    rf"^(?P<names>.+\s(?:et|and|und|y|e|en)\s+{NAME}(?:\s*{_ORG})?)\s*,\s*(?P<after>{NAME})$")
"""'A, B et C, Expression IRISA': a name after the 'et' that closes a list of persons is
their organisation."""


def block_speakers(block: str) -> tuple[tuple[Speaker, ...], tuple[str, ...]]:
    """'A, B et C (Org)' (a shared organisation), 'A (Org1) et B (Org2)', 'A, B et C,
    Org'."""
    closed = _CLOSED_LIST.match(block)
    after = closed.group("after") if closed else None
    found = list(_ONE_SPEAKER.finditer(closed.group("names") if closed else block))
    named = [(_HONORIFIC.sub("", m.group("name")), m.group("org")) for m in found]
    shared = named[-1][1] if named and sum(1 for _, org in named if org) == 1 else None
    if after:
        named = [(name, org or after) for name, org in named]
    speakers = tuple(Speaker(name, org or shared) for name, org in named)
    organisations: list[str] = []
    for _, org in named:
        if org:
            organisations.extend(split_orgs(org))
    return speakers, tuple(dict.fromkeys(organisations))


def teams(text: str) -> tuple[tuple[Speaker, ...], tuple[str, ...]]:
    """'le pôle logiciels libres et la mission LABEL de la DINUM': teams of one organisation."""
    organisation = None
    owner = re.search(rf"\s+(?:de la|de l'|de l’|du|des|de)\s+(?P<org>[{_UPPER}][\w'’\- ]*)$", text)
    if owner:
        organisation, text = owner.group("org").strip(), text[: owner.start()]
    named = [
        re.sub(r"^(?:le|la|les|l'|l’)\s*", "", part.strip()) for part in re.split(r"\s+et\s+", text)
    ]
    speakers = tuple(Speaker(team, organisation) for team in named if team)
    return speakers, (organisation,) if organisation else ()


_SHARED_SURNAME = re.compile(
    rf"(?P<first>[{_UPPER}][a-zà-ÿ'’\-]+)\s*(?:&|\s(?:and|et|und|y|e|en)\s)\s*(?P<name>{NAME})")


def shared_surname(text: str) -> tuple[str, str] | None:
    """'Bodo & Lorelei Hoenen', 'Marie et Pierre Curie': two persons of one family, the
    surname written once after the second first name."""
    found = _SHARED_SURNAME.fullmatch(text.strip())
    if not found or INSTITUTION.match(found.group("name")):
        return None
    surname = found.group("name").split(maxsplit=1)[1]
    return f"{found.group('first')} {surname}", found.group("name")


_JOINS = re.compile(JOIN)


def split_names(text: str) -> list[str]:
    """'A, B et C' → ['A', 'B', 'C']."""
    return [name.strip() for name in _JOINS.split(text) if name.strip()]


_ORG_SLASH = re.compile(r"(?<=\S)/(?=\S)")


def split_orgs(text: str) -> tuple[str, ...]:
    """'DINUM/Etalab' names two organisations; 'PCLL (MENJS)' one, with its parent."""
    return tuple(part.strip() for part in _ORG_SLASH.split(text) if part.strip())
