"""Talk lines as programme pages write them: a title, its speakers and their organisations.

Forms read here:
- '**Title** - *Speaker et Speaker, [Org](url)*'
- 'Title : Speaker ([Org](url))', 'Title, A, B et C (Org)', 'Title ? Speaker (Org)',
  '... par Speaker', 'Title, A (Org1) et B (Org2)', '... par le pôle X et la mission Y de la Z'
- table cells: 'A, B et C - [Org](url) (Parent)', 'A ([Org1](u)) et B ([Org2](u))', '*TBA* - Org'
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from bot.programme.model import Link, Speaker
from bot.wording.folding import fold

_LINK = re.compile(r"\[([^\]]*+)\]\(((?:[^()\s]++|\([^()\s]*+\))*+)(?:\s+\"[^\"]*\")?\)")
"""A Markdown link; its URL may hold balanced parentheses ('.../Lyon_(ville)'). The runs
are possessive: giving a character back could never let the rest match, and not trying
makes the scan of a URL three times faster."""
_TAGS = re.compile(r"<[^>]+>")
"""A tag; run only up to the text's last '>' (see `_without_tags`)."""
_EMPHASIS = re.compile(r"\*\**|_(?<!\w_)_*|__*(?!\w)")
"""'*', '**', and '_' runs not inside a word ('snake_case' stays). Every branch starts with
a literal character so that the regex engine jumps from one '*' or '_' to the next
instead of trying each position of the text."""

_UPPER = "A-ZÀ-ÖØ-Þ"
_WORD = rf"[{_UPPER}][\w'’.\-]*"
_PARTICLE = r"(?:de|du|des|d'|d’|le|la|van|von|ben|el)"
_NAME = rf"{_WORD}(?:\s+(?:{_PARTICLE}\s+)?{_WORD})+"
_ORG = r"\((?P<org>[^()]*(?:\([^()]*\)[^()]*)*)\)"
_ONE = rf"(?P<name>{_NAME})(?:\s*{_ORG})?"
_JOIN = r"(?:\s*,\s*|\s+et\s+|\s+and\s+|\s*&\s*)"
_BLOCK = re.compile(
    rf"{_NAME}(?:\s*\([^()]*(?:\([^()]*\)[^()]*)*\))?"
    rf"(?:{_JOIN}{_NAME}(?:\s*\([^()]*(?:\([^()]*\)[^()]*)*\))?)*"
)
_SEPARATORS = re.compile(r"\s+:\s+|,\s+|(?<=[?!])\s+|\s+par\s+|\s+by\s+|\s+[-–—]\s+")
_TBA = re.compile(r"^\s*(?:tba|tbc|a confirmer|à confirmer|a definir|à définir)\s*$", re.I)


@dataclass(frozen=True)
class Talk:
    """What a talk line says, before it gets a day, a time and an id."""

    title: str
    speakers: tuple[Speaker, ...] = ()
    organisations: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()


@lru_cache(maxsize=8192)
def inline_text(markdown: str) -> tuple[str, tuple[Link, ...]]:
    """Markdown/HTML inline text to plain text, with the links it held (text and URL).
    Cached: the stages ask it of the same text several times (a line, its title, its
    credit)."""
    if "](" not in markdown:
        return _plain(markdown), ()
    links: list[Link] = []
    pieces: list[str] = []
    position = 0
    for match in _links(markdown):  # one pass: the text stays, the link is kept
        if match.group(2):
            links.append(Link(_plain(match.group(1)), match.group(2)))
        pieces += (markdown[position : match.start()], match.group(1))
        position = match.end()
    pieces.append(markdown[position:])
    return _plain("".join(pieces)), tuple(links)


def _links(markdown: str) -> Iterator[re.Match[str]]:
    """The matches of `_LINK`, as `_LINK.finditer` finds them, in linear time.

    A link tried at a '[' reads its text to the next ']': when it fails there, a link
    tried at any '[' before that ']' reads to the same ']' and fails the same way, so the
    search goes on after it, not at the next '[' (`finditer` would read the same text
    again from each '[', a time that grows as the square of a line of '[')."""
    position = 0
    while (start := markdown.find("[", position)) >= 0:
        if match := _LINK.match(markdown, start):
            yield match
            position = match.end()
            continue
        close = markdown.find("]", start)
        if close < 0:
            return
        position = close + 1


def _plain(text: str) -> str:
    if "<" in text:
        text = _without_tags(text)
    if "&" in text:
        text = html.unescape(text)
    if "*" in text or "_" in text:
        text = _EMPHASIS.sub("", text)
    return " ".join(text.split())


def _without_tags(text: str) -> str:
    """`text` with each tag ('<b>', '<br />') replaced by a space. A tag ends at a '>', so
    the pattern runs only up to the last one: after it, each '<' of a line of them would
    be read to the end of the text in vain (a time that grows as the square of the line)."""
    last = text.rfind(">") + 1
    return _TAGS.sub(" ", text[:last]) + text[last:]


_BOLD_FIRST = re.compile(r"^\s*\*\*(?P<title>.+?)\*\*\s*[-–—:]\s*(?P<rest>.+)$")
_BY_TEAMS = re.compile(
    r"(?<![ée])(?<!ées)(?<!és)\s+par\s+(?P<teams>(?:le|la|les|l'|l’)\s*[a-zà-ÿ].+)$"
)


def parse_talk_line(markdown: str) -> Talk:
    """A bullet's text: title, then speakers and organisations if the line names any."""
    bold_first = _BOLD_FIRST.match(markdown)
    if bold_first:
        title, title_links = inline_text(bold_first.group("title"))
        speakers, organisations, links = parse_credit(bold_first.group("rest"))
        return Talk(title, speakers, organisations, title_links + links)
    text, links = inline_text(markdown)
    for separator in _SEPARATORS.finditer(text):
        # the length first: a copy of each tail of a line of 100,000 commas is quadratic
        if len(text) - separator.end() <= _CREDIT_LENGTH and _BLOCK.fullmatch(
                text, separator.end()):
            tail = text[separator.end() :]
            speakers, organisations = _speakers(tail)
            return Talk(_clean_title(text[: separator.start()]), speakers, organisations, links)
    team = _BY_TEAMS.search(text)
    if team:
        speakers, organisations = _teams(team.group("teams"))
        return Talk(_clean_title(text[: team.start()]), speakers, organisations, links)
    return Talk(_clean_title(text), (), (), links)


_CREDIT_SPLITS = ((re.compile(r"\s+[-–—]\s+"), " - "), (re.compile(r",\s+"), ", "))
"""'A, B - Org' and 'A et B, Org': where the names end and their organisation starts, and
how the names' parts are joined again."""


def parse_credit(markdown: str) -> tuple[tuple[Speaker, ...], tuple[str, ...], tuple[Link, ...]]:
    """A speakers cell or credit: 'A et B, [Org](url)', 'A - [Org](url) (Parent)', '*TBA* - Org',
    'A ([Org1](u)) et B ([Org2](u))'. Returns speakers, organisations and links."""
    text, links = inline_text(markdown)
    if _BLOCK.fullmatch(text):
        speakers, organisations = _speakers(text)
        return speakers, organisations, links
    for pattern, joiner in _CREDIT_SPLITS:
        parts = pattern.split(text)
        if len(parts) > 1:
            names = joiner.join(parts[:-1])
            organisation = parts[-1].strip()
            people = (
                ()
                if _TBA.match(names)
                else tuple(Speaker(name, organisation) for name in _split_names(names))
            )
            return people, _split_orgs(organisation), links
    if _TBA.match(text) or not text:
        return (), (), links
    return tuple(Speaker(name) for name in _split_names(text)), (), links


_INSTITUTION = re.compile(
    r"^(?:r[ée]gion|minist[èe]re|direction|agence|mairie|ville|universit[ée]|institut|centre|"
    r"conseil|d[ée]partement|commission|service|mission|cour|caisse|pr[ée]fecture|commissariat|"
    r"laboratoire|observatoire|fondation|association|secr[ée]tariat|d[ée]l[ée]gation|assembl[ée]e|"
    r"acad[ée]mie|p[ôo]le|groupe|syndicat|inspection|soci[ée]t[ée]|entreprise|collectif)\b",
    re.IGNORECASE,
)
NAME = _NAME
"""A person's name as pages write it: 'Jeanne Dupont', 'Daniel Le Berre', 'Stéphanie SCHAER'."""
INSTITUTION = _INSTITUTION
"""Words that start the name of a body, not of a person ('Région Bretagne', 'Ministère …')."""
_TEAM = re.compile(r"^(?:les membres de\s+)?l['’](?P<team>[ée]quipe\s+.+)$", re.I)
_ROLE = re.compile(
    r"^(?:directeur|directrice|responsable|chef|cheffe|pr[ée]sident|conseill[eè]re?|d[ée]l[ée]gu[ée]|"
    r"ministre|secr[ée]taire|coordinat|fondat|co-?fondat|charg[ée]|head|director|manager|expert|"
    r"ing[ée]nieur|professeur|docteur|adjoint)",
    re.IGNORECASE,
)
_CREDIT_MARK = re.compile(
    r"(?:^|,\s*|\s+)(?:anim[ée]e?s?\s+par|pr[ée]sent[ée]e?s?\s+par|par|avec|by|with|"
    r"speakers?\s*:|intervenant(?:e|·e)?s?\s*:|de|d['’])\s*",
    re.IGNORECASE,
)
_SPOKEN = re.compile(
    r"(?:^|,\s*|\s+)(?:anim[ée]e?s?\s+par|pr[ée]sent[ée]e?s?\s+par|par|avec|by|with)\s+"
    r"|(?<=\w)(?=\s+(?:de|d['’]))",
    re.IGNORECASE,
)
"""Where a credit may start inside a line: 'par', 'avec'..., or ' de' after a word that
names a speech ('Intervention de', 'Témoignage inspirant de'), checked by `_SPEECH`."""
_CREDIT_LENGTH = 400
"""A credit is short: longer tails are not read as one (and a huge line stays fast)."""
_MARKS_TRIED = 12
"""How many 'par'/'avec' marks of one line are tried as the start of a credit."""
_PRESENTERS = re.compile(
    rf"(?P<names>{_NAME}(?:{_JOIN}{_NAME})*)(?:,[^.]*?)?\s+"
    r"(?:pr[ée]senter(?:a|ont)|animer(?:a|ont)|interviendr(?:a|ont)|will present)\b"
)
_SPEECH = re.compile(
    r"(?:introduction|intervention|t[ée]moignage|inspirant|discours|ouverture|keynote|conf[ée]rence)$",
    re.IGNORECASE,
)


def find_credit(
    text: str, at_start: bool = False
) -> tuple[tuple[Speaker, ...], tuple[str, ...], int] | None:
    """The persons credited in `text`: after 'par', 'avec', 'by', 'Speaker:' or 'Intervention
    de', as 'Name', 'Name (Org)', 'Name, role' joined by commas and 'et'; or, `at_start`,
    from the start of `text`. Returns speakers, organisations and where the credit starts;
    None unless the first thing credited is a person or a team."""
    starts = [0] if at_start else []
    for mark in _SPOKEN.finditer(text):
        if mark.group() or _SPEECH.search(text[max(0, mark.start() - 14) : mark.start()]):
            starts.append(mark.start())
    for cut in starts[:_MARKS_TRIED]:
        tail = text[cut : cut + _CREDIT_LENGTH]
        mark = _CREDIT_MARK.match(tail)
        if mark:
            tail = tail[mark.end() :]
        elif not at_start:
            continue
        people = _people(tail.strip().rstrip("."))
        if people:
            return people[0], people[1], cut
    return None


def all_credits(text: str) -> tuple[tuple[Speaker, ...], tuple[str, ...]] | None:
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


_PEOPLE_JOINS = re.compile(r"\s*,\s*(?:et\s+|and\s+)?|\s+et\s+|\s+and\s+|\s*&\s*")
_DE_BEFORE_NAME = re.compile(r"^(?:de\s+|d['’])(?=[A-ZÀ-Ö])")
_PERSON_AND_ORG = re.compile(rf"(?P<name>{_NAME})\s*(?:\((?P<org>[^()]*(?:\([^()]*\)[^()]*)*)\))?")
_PERSON_THEN_ROLE = re.compile(rf"(?P<name>{_NAME})(?P<org>)(?=\s+(?:du|de|des|d['’])\s)")
_ORG_LIKE = re.compile(rf"^(?:[{_UPPER}]|\w+/)")
_ROLE_AT = re.compile(
    r"\s(?:de\s+la|du|des|de\s+l['’]|d['’]|de|at|of)\s*(?P<org>[A-Z][A-Z0-9&-]{1,11})$")
"""The acronym a role ends with ('chef de la mission … de la DINUM'): the organisation."""


def _people(text: str) -> tuple[tuple[Speaker, ...], tuple[str, ...]] | None:
    segments = [s.strip() for s in _PEOPLE_JOINS.split(_mask(text))]
    speakers: list[Speaker] = []
    organisations: list[str] = []
    for segment in (
        _DE_BEFORE_NAME.sub("", _unmask(s)) for s in segments if s.strip()
    ):
        person = _PERSON_AND_ORG.fullmatch(segment)
        if not person and speakers:  # '… et d'Antoine Mazières du défi X': the name, then its role
            person = _PERSON_THEN_ROLE.match(segment)
        team = _TEAM.match(segment)
        if person and not _INSTITUTION.match(segment) and not _ROLE.match(segment):
            org = person.group("org")
            speakers.append(Speaker(person.group("name"), org))
            if org:
                organisations.extend(_split_orgs(org))
        elif team:
            speakers.append(Speaker(team.group("team").strip()))
        elif not speakers:
            return None
        elif _ORG_LIKE.match(segment) and len(segment.split()) <= 6:
            organisations.extend(_split_orgs(segment))
            if speakers[-1].organisation is None:
                speakers[-1] = Speaker(speakers[-1].name, segment)
        elif (_ROLE.match(segment) and (body := _ROLE_AT.search(segment))
              and speakers[-1].organisation is None):  # 'Jeanne Dupont, directrice de la DINUM'
            organisations.append(body.group("org"))
            speakers[-1] = Speaker(speakers[-1].name, body.group("org"))
    return (tuple(speakers), tuple(dict.fromkeys(organisations))) if speakers else None


def _mask(text: str) -> str:
    """Hide separators inside parentheses so that splitting keeps '(A, B et C)' whole."""
    out, depth = [], 0
    for char in text:
        depth += char == "("
        depth -= char == ")" and depth > 0
        out.append({",": "\x00", " ": "\x01", "&": "\x02"}.get(char, char) if depth else char)
    return "".join(out)


def _unmask(text: str) -> str:
    return text.replace("\x00", ",").replace("\x01", " ").replace("\x02", "&")


def credit_block(text: str) -> tuple[tuple[Speaker, ...], tuple[str, ...]] | None:
    """'A, B et C (Org)' or 'A (Org1) et B (Org2)' and nothing else: speakers and organisations."""
    return _speakers(text.strip()) if _BLOCK.fullmatch(text.strip()) else None


def presenters(text: str) -> tuple[tuple[Speaker, ...], tuple[str, ...]] | None:
    """Persons a paragraph says will present: 'A et B, membres de …, présenteront …'."""
    found = _PRESENTERS.search(text)
    return _speakers(found.group("names")) if found else None


_ONE_SPEAKER = re.compile(_ONE)


def _speakers(block: str) -> tuple[tuple[Speaker, ...], tuple[str, ...]]:
    """'A, B et C (Org)' (a shared organisation) or 'A (Org1) et B (Org2)'."""
    found = list(_ONE_SPEAKER.finditer(block))
    people: list[tuple[str, str | None]] = [(m.group("name"), m.group("org")) for m in found]
    shared = people[-1][1] if people and sum(1 for _, org in people if org) == 1 else None
    speakers = tuple(Speaker(name, org or shared) for name, org in people)
    organisations: list[str] = []
    for _, org in people:
        if org:
            organisations.extend(_split_orgs(org))
    return speakers, tuple(dict.fromkeys(organisations))


def _teams(text: str) -> tuple[tuple[Speaker, ...], tuple[str, ...]]:
    """'le pôle logiciels libres et la mission LABEL de la DINUM': teams of one organisation."""
    organisation = None
    owner = re.search(rf"\s+(?:de la|de l'|de l’|du|des|de)\s+(?P<org>[{_UPPER}][\w'’\- ]*)$", text)
    if owner:
        organisation, text = owner.group("org").strip(), text[: owner.start()]
    teams = [
        re.sub(r"^(?:le|la|les|l'|l’)\s*", "", part.strip()) for part in re.split(r"\s+et\s+", text)
    ]
    speakers = tuple(Speaker(team, organisation) for team in teams if team)
    return speakers, (organisation,) if organisation else ()


_JOINS = re.compile(_JOIN)


def _split_names(text: str) -> list[str]:
    return [name.strip() for name in _JOINS.split(text) if name.strip()]


_ORG_SLASH = re.compile(r"(?<=\S)/(?=\S)")


def _split_orgs(text: str) -> tuple[str, ...]:
    """'DINUM/Etalab' names two organisations; 'PCLL (MENJS)' one, with its parent."""
    return tuple(part.strip() for part in _ORG_SLASH.split(text) if part.strip())


def _clean_title(text: str) -> str:
    return text.strip().rstrip(":,;–—-").strip()


KIND_WORDS = (
    ("panel", re.compile(r"\b(?:table ouverte|tables?[- ]rondes?|debat|panel|round ?table)\b")),
    (
        "workshop",
        re.compile(
            r"\b(?:ateliers?|workshops?|hackathon|un coin|coaching|groupes? de travail|"
            r"en groupes?)\b"
        ),
    ),
    ("demo", re.compile(r"\b(?:demo|demos|demonstrations?|expositions?)\b")),
)
SHORT_ITEMS = (
    (
        "break",
        re.compile(
            r"^(?:pause|dejeuner|repas|lunch|coffee|break|cafe|cocktail|moment festif|gouter|"
            r"(?:accueil|welcome) (?:cafe|coffee|petit.dejeuner|breakfast|dejeuner))\b"
        ),
    ),
    (
        "other",
        re.compile(
            r"^(?:accueil|welcome|conclusions?|cloture|closing|ouverture|"
            r"mots? d.(?:accueil|ouverture)|"
            r"discours|introduction|networking|apero|questions?|presentation de la journee|"
            r"opening|wrap.up|q ?& ?a|registration|check.in|propos liminaires)\b"
        ),
    ),
)
"""Breaks and housekeeping items: short lines ('Pause repas'), not titles that start alike
('Ouverture de code de l'orchestrateur...')."""


_NUMBERING = re.compile(r"^(?:temps|partie|part|sequence|etape|step)\s*\d+\s*[-–—:.]\s*")
"""'Temps 1 – ', 'Partie 2 : ': the numbering of a part, not its words."""
_QUESTIONS = re.compile(r"^(?:questions?\s*/\s*reponses?|q\s*&\s*[ra]\b|echanges? avec (?:le|la) )")


def infer_kind(title: str, hint: str | None = None) -> str:
    """The session's kind from words of its title, else the section's hint, else 'talk'."""
    folded = _NUMBERING.sub("", fold(title))
    if _QUESTIONS.match(folded):
        return "other"
    if len(folded.split()) <= 4:
        for kind, pattern in SHORT_ITEMS:
            if pattern.search(folded):
                return kind
    for kind, pattern in KIND_WORDS:
        if pattern.search(folded):
            return kind
    return hint or "talk"


def kind_hint(text: str) -> str | None:
    """The kind of every session under a heading or in a room ('démos de La Suite'), when
    the text names exactly one kind."""
    folded = fold(text)
    kinds = {kind for kind, pattern in KIND_WORDS if pattern.search(folded)}
    if re.search(r"mains sur le clavier|hands.on", folded):
        kinds.add("workshop")
    if re.search(r"\b(?:presentations?|conferences?|talks?|interventions?)\b", folded):
        kinds.add("talk")
    return kinds.pop() if len(kinds) == 1 else None
