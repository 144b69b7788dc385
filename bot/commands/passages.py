"""What an event's page says, to answer practical questions by quoting it: its information
lines (front matter), and the sentences of its text — the description and the page's prose
that is not programme (`Event.passages`) — found by what a question asks (a facet: price,
access…) or by its words (« y a un Slack ? », 'any hotel nearby?')."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.programme.model import Event, InfoField, Link, Passage
from bot.understanding import lexicon
from bot.wording.folding import fold

FACET_WORDS: dict[str, str] = {
    "venue": r"\b(?:lieu|adresse|ou nous trouver|venue|where|location|aura lieu|se tiendra"
             r"|se deroulera|takes? place|held (?:at|in)|online only|en ligne|in person"
             r"|presentiel)\b",
    "access": r"\b(?:y aller|acces|metros?|rer|bus|tram\w*|velib|stations?|parking|gare"
              r"|access|getting there|trains?|navettes?|shuttles?)\b",
    "price": r"\b(?:gratuit\w*|payant\w*|prix|tarifs?|free|price|costs?|fees?|entree libre"
             r"|sans frais|euros?)\b|\d ?€|€ ?\d",
    "registration": r"\b(?:inscri\w*|badge|modalites|regist\w*|sign ?up|billet\w*|tickets?"
                    r"|confirmer votre presence|confirm your attendance|rsvp)",
    "contact": r"\b(?:contact\w*|courriel|e-?mail|organis\w*|organiz\w*|vous (?:convient"
               r"|invitent)|en partenariat)\b|\w@\w",
    "hours": r"\b(?:horaires?|hours|a\.m\.|p\.m\.|\d{1,2} ?h ?\d{0,2} ?(?:-|–|a) ?\d{1,2} ?h"
             r"|accueil (?:a|des|dès) \d|welcome session)",
    "stand": r"\b(?:stands?|booths?)\b",
    "rooms": r"\b(?:salles?|rooms?|auditorium|amphi\w*)\b",
    "online": r"\b(?:visio\w*|en ligne|online|a distance|remote|streaming|retransmi\w*"
              r"|live ?stream\w*|presentiel|in person|on site|sur place|hybride?)\b",
    "website": r"https?://|\bwww\.|\b(?:site|website)\b",
    "recording": r"\b(?:enregistre\w*|filme\w*|recorded|recording|replays?|rediffus\w*"
                 r"|retransmi\w*|captation|livestream\w*|streamed)\b",
    "audience": r"\b(?:ouverte? a|destine\w* a|a destination|public vise|pour tous|audience"
                r"|intended for|open to)\b",
}
"""What an information line or a sentence of the page says, for each facet (regular
expressions on the folded text, in both languages whatever the page's)."""
FREE = re.compile(r"\b(?:gratuit\w*|entree libre|entree gratuite|sans frais|free of charge"
                  r"|free entry|free admission|for free|is free|free to attend)\b")
"""A sentence saying the event costs nothing."""

GLOSSARY: tuple[frozenset[str], ...] = tuple(frozenset(line.split()) for line in (
    "hotel hotels hotel hebergement logement accommodation lodging",
    "apporter munir emmener amener bring laptop ordinateur portable",
    "prerequis prerequisites requirements requis needed",
    "repas dejeuner dejeuners lunch lunches meals meal manger food snack snacks treats buffet "
    "collation traiteur drinks boissons vegan vegetarien vegetarian veggie",
    "fuseau timezone gmt utc cet cest",
    "incident signaler report conduct conduite harassment harcelement",
    "places participants seats attendees",
    "parking stationnement",
    "wifi internet",
    "vestiaire cloakroom",
))
"""Words of practical questions and the words pages use for the same, in both languages."""
_SENTENCE_END = re.compile(r"(?<![ap]\.m\.)(?<!\be\.g\.)(?<!\bi\.e\.)(?<=[.!?])\s+|\n+")
"""Where a sentence ends: after . ! or ?, but not after 'a.m.', 'e.g.'."""
_QUESTION_WORDS = lexicon.FILLER | lexicon.GENERIC | lexicon.GREETINGS | lexicon.THANKS | {
    "there", "est", "sont", "les", "des", "une"}
PREFIX = 6
"""A question's word longer than this finds the page's words that start like it (its
length but 3, at least this); a shorter one finds itself only."""
MAX_SAID = 6
"""At most this many sentences quoted (and the lists they introduce)."""
MAX_LISTED = 15


@dataclass(frozen=True)
class Said:
    """What the page says of something: information lines and sentences of its text, and
    the links those sentences show ('register here')."""

    lines: list[InfoField]
    sentences: list[str]
    links: tuple[Link, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.lines or self.sentences)

    def links_in(self, sentence: str) -> list[Link]:
        """The links whose text the sentence shows, in the order it shows them."""
        found = [(sentence.find(k.text), k) for k in self.links if k.text and k.text in sentence]
        return [link for _at, link in sorted(found, key=lambda pair: pair[0])]


@dataclass(frozen=True)
class _Sentence:
    text: str
    listed: list[str]
    """The passages of the list it introduces, when it ends with « : »."""
    links: tuple[Link, ...]
    section: str = ""
    """The heading of the page it is under."""


def sentences(event: Event) -> list[str]:
    """The sentences of the event's description and of its page's prose, in page order,
    each once."""
    return [sentence.text for sentence in _sentences(event)]


def _sentences(event: Event) -> list[_Sentence]:
    """Each sentence, with the list it introduces when it ends with « : » (the passages
    on the lines right after it: « Les stands … sont les suivants : »)."""
    found = [_Sentence(s.strip(), [], ()) for s in _SENTENCE_END.split(event.description)]
    passages = event.passages
    for index, passage in enumerate(passages):
        parts = [s.strip() for s in _SENTENCE_END.split(passage.text)]
        listed: list[Passage] = []
        if parts and parts[-1].endswith(":"):
            line = passage.line
            for item in passages[index + 1:index + 1 + MAX_LISTED]:
                if item.line not in (line + 1, line + 2):
                    break
                listed.append(item)
                line = item.line
        for part in parts:
            items = listed if part == parts[-1] else []
            links = passage.links + tuple(k for item in items for k in item.links)
            found.append(_Sentence(part, [item.text for item in items], links,
                                   passage.section))
    seen: dict[str, _Sentence] = {}
    for sentence in found:
        if sentence.text and sentence.text not in seen:
            seen[sentence.text] = sentence
    return list(seen.values())


def said(event: Event, needle: re.Pattern[str]) -> Said:
    """The information lines and sentences `needle` finds (in folded text); a sentence
    that introduces a list comes with it, and a heading it finds ('Prérequis',
    'Organizers:') brings what is under it."""
    lines = [i for i in event.info if needle.search(fold(f"{i.label} {i.text}"))]
    quoted: list[str] = []
    links: list[Link] = []
    found_in_text = 0
    for sentence in _sentences(event):
        if sentence.section and needle.search(fold(sentence.section)):
            if len(quoted) >= MAX_LISTED:
                continue
        elif found_in_text >= MAX_SAID or not needle.search(fold(sentence.text)):
            continue
        else:
            found_in_text += 1
        quoted += [sentence.text, *(item for item in sentence.listed if item not in quoted)]
        links += sentence.links
    return Said(lines, list(dict.fromkeys(quoted)), tuple(dict.fromkeys(links)))


def said_of_facet(event: Event, facet: str) -> Said:
    return said(event, re.compile(FACET_WORDS[facet]))


def said_of_words(event: Event, text: str) -> Said:
    """What the page says of the words of `text` that are not the question's own ('Slack',
    'hotel': 'hôtels' too), and of the words the glossary gives for them in the other
    language."""
    pattern = words_pattern(text)
    return said(event, pattern) if pattern else Said([], [])


def words_pattern(text: str) -> re.Pattern[str] | None:
    """What finds the words of `text` that are not the question's own, and those the
    glossary gives for them, in folded text; None when it has none."""
    keys = {w for w in re.findall(r"\w+", fold(text)) if len(w) > 2} - _QUESTION_WORDS
    for group in GLOSSARY:
        if keys & group:
            keys |= group
    if not keys:
        return None
    # a long word also by its start ('accessibility' finds « accessibilité »), a short one
    # only as itself or its plural: 'son' is not « sont », 'internet' not « interministériel »
    starts = sorted({key[: max(PREFIX, len(key) - 3)] for key in keys if len(key) > PREFIX})
    whole = sorted({rf"{key}[sx]?\b" for key in keys if len(key) <= PREFIX})
    return re.compile(r"\b(?:" + "|".join([*map(re.escape, starts), *whole]) + ")")


def is_free(found: Said) -> bool:
    """Whether what the page says of its price says it is free."""
    return any(FREE.search(fold(f"{i.label} {i.text}")) for i in found.lines) or any(
        FREE.search(fold(s)) for s in found.sentences)
