"""The guided dialogue that collects a proposal in a direct chat, as a pure state machine.

Each answer moves a `Draft` one step on: event (when several calls are open), title,
format, abstract, speakers, then a summary to confirm. The draft is plain data, stored as
JSON between messages so a restart loses nothing. The one-message form fills the same
steps from 'Titre : ...' lines and goes straight to the first one missing.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from datetime import datetime

from bot.programme.model import Speaker
from bot.proposals.calls import Call
from bot.proposals.proposal import one_line, parse_speakers, speakers_text
from bot.settings.config import ProposalsConfig
from bot.wording.folding import fold
from bot.wording.i18n import format_datetime, pick
from bot.wording.replies import Doc, Reply

STEPS = ("event", "title", "format", "abstract", "speakers", "confirm")

CANCEL_WORDS = ("annuler", "cancel", "stop")
_YES = ("oui", "o", "yes", "y", "ok", "d'accord")
_NO = ("non", "n", "no")

_FORM_KEYS = {
    "evenement": "event", "event": "event", "titre": "title", "title": "title",
    "format": "format", "resume": "abstract", "abstract": "abstract",
    "intervenants": "speakers", "intervenant": "speakers", "speakers": "speakers",
    "speaker": "speakers",
}
_FORM_LINE = re.compile(r"^\s*([^\s:]+)\s*:\s*(.*)$")


@dataclass
class Draft:
    """A proposal being written; `step` is the question the proposer is answering."""

    lang: str
    sender_name: str
    step: str = "event"
    event_id: str | None = None
    title: str = ""
    format: str = ""
    abstract: str = ""
    speakers: list[tuple[str, str | None]] = field(default_factory=list)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, data: str) -> Draft:
        raw = json.loads(data)
        raw["speakers"] = [tuple(s) for s in raw["speakers"]]
        return cls(**raw)

    @property
    def speaker_list(self) -> tuple[Speaker, ...]:
        return tuple(Speaker(name, org) for name, org in self.speakers)


@dataclass(frozen=True)
class Outcome:
    """What an answer leads to: the draft to keep (None: the dialogue is over), the
    reply, and whether the proposer confirmed (then the caller stores the proposal)."""

    draft: Draft | None
    reply: Reply
    confirmed: bool = False


def is_cancel(text: str) -> bool:
    return fold(text.strip().lstrip("!")) in CANCEL_WORDS


def start(calls: tuple[Call, ...], now: datetime, lang: str, sender_name: str,
          form: str, config: ProposalsConfig, prefix: str = "!") -> Outcome:
    """Begin a proposal; `form` is whatever followed the command (the one-message form);
    `prefix` is how commands are typed here."""
    open_calls = tuple(call for call in calls if call.is_open(now))
    if not open_calls:
        return Outcome(None, closed_reply(calls, now, lang))
    draft = Draft(lang, sender_name)
    if len(open_calls) == 1:
        draft.event_id = open_calls[0].event_id
    errors = _fill_from_form(draft, form, open_calls, config) if form.strip() else []
    draft.step = _first_missing(draft, open_calls)
    doc = Doc()
    if not form.strip():
        doc.text(pick(lang, "Proposons une intervention ! Répondez à chaque question ; ",
                      "Let's propose a talk! Answer each question; "))
        doc.code(prefix + pick(lang, "annuler", "cancel"))
        doc.text(pick(lang, " pour abandonner à tout moment.", " to give up at any time."))
        doc.br()
    for error in errors:
        doc.text(error).br()
    return Outcome(draft, doc.extend(prompt(draft, open_calls)).reply())


def answer(draft: Draft, text: str, calls: tuple[Call, ...], now: datetime,
           config: ProposalsConfig) -> Outcome:
    """Take the proposer's answer to the current step."""
    lang = draft.lang
    if is_cancel(text):
        return Outcome(None, Doc().text(pick(lang, "Proposition abandonnée ; rien n'a été "
                                                   "enregistré.",
                                             "Proposal cancelled; nothing was kept.")).reply())
    open_calls = tuple(call for call in calls if call.is_open(now))
    if not open_calls or (draft.event_id and _call(open_calls, draft.event_id) is None):
        return Outcome(None, closed_reply(calls, now, lang))
    if draft.step == "confirm":
        word = fold(text.strip().strip(".!"))
        if word in _YES:
            return Outcome(None, Doc().reply(), confirmed=True)
        if word in _NO:
            return Outcome(None, Doc().text(pick(lang, "D'accord, proposition abandonnée.",
                                                 "All right, proposal dropped.")).reply())
        return Outcome(draft, Doc().text(pick(lang, "Répondez « oui » pour envoyer ou « non » "
                                                    "pour abandonner.",
                                              "Answer 'yes' to send it or 'no' to drop it."))
                       .reply())
    error = _apply(draft, draft.step, text, open_calls, config)
    doc = Doc()
    if error:
        doc.text(error).br()
    else:
        draft.step = _first_missing(draft, open_calls)
    return Outcome(draft, doc.extend(prompt(draft, open_calls)).reply())


def prompt(draft: Draft, calls: tuple[Call, ...]) -> Doc:
    """The question for the draft's current step (the summary at the end)."""
    lang, doc = draft.lang, Doc()
    call = _call(calls, draft.event_id) if draft.event_id else None
    if draft.step == "event":
        doc.text(pick(lang, "Pour quel événement ? Répondez par le numéro :",
                      "For which event? Answer with its number:"))
        doc.items([Doc().text(f"{i}. {c.title} — ").text(_deadline(c, lang))
                   for i, c in enumerate(calls, 1)])
    elif draft.step == "title":
        doc.text(pick(lang, "Quel est le titre de votre intervention ?",
                      "What is the title of your talk?"))
    elif draft.step == "format" and call:
        doc.text(pick(lang, "Quel format ? Répondez par le numéro :",
                      "Which format? Answer with its number:"))
        doc.items([Doc().text(f"{i}. {f.label(lang)}") for i, f in enumerate(call.formats, 1)])
    elif draft.step == "abstract":
        doc.text(pick(lang, "Votre résumé, en un message (ce que le public va découvrir) :",
                      "Your abstract, in one message (what the audience will learn):"))
    elif draft.step == "speakers":
        doc.text(pick(lang, "Qui intervient ? Nom (organisation), séparés par des virgules. "
                            "Répondez ", "Who speaks? Name (organisation), separated by "
                                         "commas. Answer "))
        doc.code(pick(lang, "moi", "me")).text(pick(lang, " pour ", " for "))
        doc.bold(draft.sender_name).text(pick(lang, ", ou ", ", or "))
        doc.code(pick(lang, "moi (Mon organisation)", "me (My organisation)")).text(".")
    elif draft.step == "confirm" and call:
        doc.extend(summary(draft, call)).br()
        doc.text(pick(lang, "Envoyer cette proposition ? (oui / non)",
                      "Send this proposal? (yes / no)"))
    return doc


def summary(draft: Draft, call: Call) -> Doc:
    """The draft as the proposer will confirm it."""
    lang = draft.lang
    chosen = call.format(draft.format)
    return Doc().bold(pick(lang, "Récapitulatif", "Summary")).items([
        Doc().text(pick(lang, "Événement : ", "Event: ")).text(call.title),
        Doc().text(pick(lang, "Titre : ", "Title: ")).bold(draft.title),
        Doc().text("Format : " if lang == "fr" else "Format: ")
        .text(chosen.label(lang) if chosen else draft.format),
        Doc().text(pick(lang, "Intervenants : ", "Speakers: "))
        .text(speakers_text(draft.speaker_list)),
        Doc().text(pick(lang, "Résumé : ", "Abstract: ")).text(draft.abstract),
    ])


def closed_reply(calls: tuple[Call, ...], now: datetime, lang: str) -> Reply:
    """Why no proposal can be made now: deadline passed, not yet open, or no call at all."""
    doc = Doc()
    past = [c for c in calls if c.closes <= now]
    future = [c for c in calls if c.opens > now]
    if past:
        last = past[-1]
        doc.text(pick(lang, f"L'appel à propositions pour « {last.title} » est clos depuis le ",
                      f"The call for proposals for '{last.title}' closed on "))
        doc.text(format_datetime(last.closes, lang, with_year=True))
        doc.text(pick(lang, " : les propositions ne sont plus acceptées.",
                      ": proposals are no longer accepted."))
    else:
        doc.text(pick(lang, "Aucun appel à propositions n'est ouvert en ce moment.",
                      "No call for proposals is open at the moment."))
    for call in future:
        doc.br().text(pick(lang, f"« {call.title} » ouvre le ", f"'{call.title}' opens on "))
        doc.text(format_datetime(call.opens, lang, with_year=True) + ".")
    return doc.reply()


def _deadline(call: Call, lang: str) -> str:
    return pick(lang, "jusqu'au ", "until ") + format_datetime(call.closes, lang)


def _call(calls: tuple[Call, ...], event_id: str | None) -> Call | None:
    return next((c for c in calls if c.event_id == event_id), None)


def _first_missing(draft: Draft, calls: tuple[Call, ...]) -> str:
    call = _call(calls, draft.event_id)
    if call is None:
        return "event"
    if not draft.format and len(call.formats) == 1:
        draft.format = call.formats[0].key
    filled = {"title": draft.title, "format": draft.format, "abstract": draft.abstract,
              "speakers": draft.speakers}
    return next((step for step, value in filled.items() if not value), "confirm")


def _apply(draft: Draft, step: str, text: str, calls: tuple[Call, ...],
           config: ProposalsConfig) -> str | None:
    """Put the answer to `step` in the draft; an error message if it does not fit."""
    lang, value = draft.lang, text.strip()
    if step == "event":
        index = int(value) - 1 if value.isdigit() else -1
        chosen = calls[index] if 0 <= index < len(calls) else next(
            (c for c in calls if fold(value) in (c.event_id, fold(c.title))), None)
        if chosen is None:
            return pick(lang, "Je ne trouve pas cet événement.", "I cannot find that event.")
        draft.event_id = chosen.event_id
    elif step in ("title", "abstract"):
        limits = ((1, config.max_title_length) if step == "title"
                  else (config.min_abstract_length, config.max_abstract_length))
        error = _limited(value, *limits, lang, step)
        if error:
            return error
        setattr(draft, step, one_line(value) if step == "title" else value)
    elif step == "format":
        call = _call(calls, draft.event_id)
        chosen = call.format(value) if call else None
        if chosen is None:
            return pick(lang, "Ce format n'est pas proposé.", "That format is not offered.")
        draft.format = chosen.key
    elif step == "speakers":
        speakers = parse_speakers(value, draft.sender_name)
        if not speakers or any(len(s.name) > 100 or len(s.organisation or "") > 100
                               for s in speakers):
            return pick(lang, "Donnez au moins un nom (100 caractères au plus).",
                        "Give at least one name (100 characters at most).")
        draft.speakers = [(s.name, s.organisation) for s in speakers[:10]]
    return None


def _limited(value: str, minimum: int, limit: int, lang: str, what: str) -> str | None:
    if not value:
        return pick(lang, "Cette réponse est vide.", "That answer is empty.")
    if minimum <= len(value) <= limit:
        return None
    name = pick(lang, "Le titre" if what == "title" else "Le résumé",
                "The title" if what == "title" else "The abstract")
    if len(value) < minimum:
        return pick(lang, f"{name} est trop court ({len(value)} caractères, {minimum} au "
                          "moins).",
                    f"{name} is too short ({len(value)} characters, at least {minimum}).")
    return pick(lang, f"{name} est trop long ({len(value)} caractères, {limit} au plus).",
                f"{name} is too long ({len(value)} characters, {limit} at most).")


def _fill_from_form(draft: Draft, form: str, calls: tuple[Call, ...],
                    config: ProposalsConfig) -> list[str]:
    """Fill the draft from 'Titre : ...' lines (a line without a key continues the previous
    field); the errors found, one per field."""
    fields: dict[str, list[str]] = {}
    current = None
    for line in form.splitlines():
        found = _FORM_LINE.match(line)
        key = _FORM_KEYS.get(fold(found.group(1))) if found else None
        if found and key:
            current = key
            fields[current] = [found.group(2)]
        elif current:
            fields[current].append(line)
    errors = []
    for step in ("event", "title", "format", "abstract", "speakers"):
        if step in fields:
            error = _apply(draft, step, "\n".join(fields[step]).strip(), calls, config)
            if error:
                errors.append(error)
    if not fields:
        errors.append(pick(draft.lang, "Je n'ai reconnu aucun champ (« Titre : ... »).",
                           "I recognised no field ('Title: ...')."))
    return errors
