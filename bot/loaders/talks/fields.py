"""A talk written as labelled fields under the line that names its speakers: '**Jeanne
Dupont**' over 'Laboratoire : LIRIS / École Centrale' over 'Titre de la présentation :
« Title »'. The title field gives the title, the names line the speakers, an affiliation
field the organisations."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from bot.loaders.talks.markup import inline_text
from bot.loaders.talks.names import people
from bot.loaders.talks.titles import Talk, clean_title
from bot.wording.folding import fold

_FIELD = re.compile(r"^\s*(?P<label>[^\W\d][^:]{0,40}?)\s*:\s*(?P<value>\S.*)$")
_TITLE_LABEL = re.compile(
    r"^(?:titre|title|titel|titulo|titolo|sujet|topic|onderwerp|thema)\b"
    r"(?:\s+(?:de la|de l'|du|de|of the|of|der|des|del|della|van de)\s+"
    r"(?:presentation|intervention|communication|conference|talk|expose|vortrags?|"
    r"ponencia|charla|intervento|relazione|lezing|presentatie))?$"
)
"""'Titre de la présentation', 'Title of the talk', 'Titel des Vortrags', 'Título'…"""
_ORG_LABEL = re.compile(
    r"^(?:laboratoire|labo|institution|affiliation|organisation|organization|organisme|"
    r"etablissement|structure|institut|einrichtung|institucion|istituzione|instelling)s?$"
)
_ABSTRACT_LABEL = re.compile(
    r"^(?:resume|abstract|summary|zusammenfassung|resumen|sommario|samenvatting)$")


def starts_field(markdown: str) -> bool:
    """A source line that opens a field ('Titre de la présentation : …', 'Laboratoire :',
    'Abstract:'): a line of its own, not the wrapped end of the line before."""
    field = _FIELD.match(inline_text(markdown)[0])
    if not field:
        return False
    label = fold(field.group("label")).strip()
    return bool(_TITLE_LABEL.match(label) or _ABSTRACT_LABEL.match(label)
                or all(_ORG_LABEL.match(part.strip()) for part in label.split("/")))


_ORG_SPLIT = re.compile(r"\s+/\s+|,\s+")
_QUOTED = re.compile(r"^[\"“«„'‘]\s*(?P<inner>.+?)\s*[\"”»“'’]\.?$")


def fielded_talk(talk: Talk, lines: Sequence[str]) -> tuple[Talk, list[str]] | None:
    """`talk` read from its fields (and the lines left over) when its own line names
    persons only, or it credits them already, and `lines` give its title or their
    organisations (a title field may follow later); None otherwise."""
    found = people(talk.title) if talk.title and not talk.speakers else None
    title, organisations, rest = None, [], []
    for line in lines:
        field = _FIELD.match(inline_text(line)[0])
        label = fold(field.group("label")).strip() if field else ""
        if field and title is None and _TITLE_LABEL.match(label):
            title = field.group("value").strip()
        elif field and all(_ORG_LABEL.match(part.strip()) for part in label.split("/")):
            organisations.extend(_ORG_SPLIT.split(field.group("value").strip().rstrip(".")))
        else:
            rest.append(line)
    speakers = found[0] if found else talk.speakers
    if not speakers or (title is None and not organisations):
        return None
    quoted = _QUOTED.match(title or "")
    title = quoted.group("inner") if quoted else title
    organisations = [*(found[1] if found else talk.organisations), *organisations]
    return replace(talk, title=clean_title(title) if title else talk.title,
                   speakers=speakers,
                   organisations=tuple(dict.fromkeys(o for o in organisations if o))), rest
