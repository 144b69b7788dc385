"""From a message to the bot's answer: parse, check scope, run the handler, never crash."""

from __future__ import annotations

import logging
import re
import sqlite3
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from bot.commands.arguments import ArgumentError, Context
from bot.commands.declaration import Command
from bot.commands.flood import Verdict
from bot.commands.intents import BY_COMMAND, IntentRow, row_for, unheard
from bot.commands.messages import Incoming, Outgoing
from bot.commands.request import Request
from bot.commands.selection import phrase
from bot.understanding import Intent, understand
from bot.wording.capping import cap_reply
from bot.wording.i18n import pick
from bot.wording.replies import Doc, Reply, prefixed, say

if TYPE_CHECKING:
    from bot.app import App

log = logging.getLogger(__name__)

MAX_INPUT = 2000
"""Longer messages are cut before parsing: no command needs more."""

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def clean(text: str) -> str:
    """The message text without control characters, cut to MAX_INPUT characters."""
    return _CONTROL.sub(" ", text[:MAX_INPUT]).strip()


@dataclass(frozen=True)
class Parsed:
    """What a message asks. `command` is None for an unknown command name (then `args` is
    that name) and for a sentence that no command answers (`intent` tells what it asks).
    `values` are the command's typed arguments, or `problem` says what is wrong with them.
    `row` is the intent's row of the table of intents (what answers it, which slots)."""

    command: Command | None
    lang: str
    args: str
    intent: Intent
    typed: bool
    values: dict[str, Any] = field(default_factory=dict)
    problem: ArgumentError | None = None
    row: IntentRow | None = None

    @property
    def question(self) -> str:
        """What was asked, as `parse` takes it back for a follow-up (JSON text)."""
        return self.intent.to_json()


@dataclass
class Handled:
    """What became of a message, for the transport's log line and the metrics: the intent
    understood (a command's key, or what a sentence asks) and the outcome."""

    intent: str = "none"
    outcome: str = "ignored"
    """ignored (not for the bot), answered, dialogue (a dialogue in progress took it),
    unknown (no such command), malformed, refused (not allowed here), dropped (by flood
    control: a notice at most), failed (an error inside the bot), unwritable (the
    database refused a write), unreadable (a read the database could not give)."""


def parse(app: App, incoming: Incoming, previous: str | None = None) -> Parsed | None:
    """What `incoming` asks, or None when the message is not for the bot. `previous` is the
    question this message may follow (`Parsed.question` of the one the bot answered just
    before in a direct chat, or of the one whose answer it replies to): a message that only
    gives slots (« et demain ? ») is that question with these slots."""
    text = clean(incoming.text)
    today = app.clock.now().date()
    known = app.catalog.knowledge
    default = app.config.commands.language
    typed = _typed(app, text)
    if typed is not None:
        name, args = typed
        found = app.commands.lookup(name)
        if found is None:
            return Parsed(None, _guess_lang(app, name), name, Intent("unknown", default), True)
        command, lang = found
        lang = lang or default
        args = args.strip()
        intent = understand(command.arguments.sentence(args, lang), today, known, lang)
        row = _wider(BY_COMMAND.get(command.key), intent)
        try:
            values = command.arguments.parse(args, _context(app))
        except ArgumentError as problem:
            return Parsed(command, lang, args, intent, True, problem=problem, row=row)
        return Parsed(command, lang, args, intent, True, values, row=row)
    if incoming.is_direct or incoming.addressed:
        intent = understand(text, today, known, default)
        before = Intent.from_json(previous) if previous and intent.follows else None
        if before is not None and row_for(before.name).conversation:
            intent = before.followed_by(intent)
        row = _wider(row_for(intent.name), intent)
        key = row.command or "" if row is not None else ""
        if key == "who" and app.programme.session(intent.subject):
            key = "session"  # « c'est quoi e37301 ? »
        command = app.commands.commands.get(key)
        values = command and _sentence_values(app, command, intent.subject)
        return Parsed(command, intent.lang, intent.subject, intent, False, values or {}, row=row)
    return None


def _typed(app: App, text: str) -> tuple[str, str] | None:
    """The command name and the arguments of `text` (cleaned) if it is typed as a command."""
    prefix = app.config.commands.prefix
    if not (text.startswith(prefix) and text[len(prefix) : len(prefix) + 1].isalpha()):
        return None
    name, _, args = text[len(prefix) :].partition(" ")
    return name, args


def reads_programme(app: App, incoming: Incoming) -> bool:
    """Whether answering `incoming` may read the programme: anything but a command declared
    as reading none of it (`!aide`), which a transport may answer before the programme is
    read."""
    typed = _typed(app, clean(incoming.text))
    found = app.commands.lookup(typed[0]) if typed else None
    return found is None or found[0].reads_programme


def _wider(row: IntentRow | None, intent: Intent) -> IntentRow | None:
    """The row that answers: the sessions listing, when the intent lists sessions and the
    question gives slots its own answer does not honour (« prochaine keynote en salle
    Janson ? », `!programme demain salle ada`)."""
    if row is not None and row.lists_sessions and unheard(row, intent.slots.given()):
        return row_for("sessions")
    return row


def _context(app: App) -> Context:
    return Context(app.config.commands.prefix, app.clock.tz)


def _sentence_values(app: App, command: Command, subject: str) -> dict[str, Any]:
    """A sentence's subject as the command's arguments; a sentence is not a command to
    correct, so a subject that is not one gives the arguments' defaults."""
    try:
        return command.arguments.parse(subject, _context(app))
    except ArgumentError:
        return command.arguments.defaults()


def _guess_lang(app: App, word: str) -> str:
    return "en" if word.isascii() and app.config.commands.language == "en" else "fr"


def intent_of(parsed: Parsed) -> str:
    """The intent a message was understood as: its command's key, else what it asks."""
    return parsed.command.key if parsed.command else parsed.intent.name


async def handle(app: App, incoming: Incoming, handled: Handled | None = None, *,
                 parsed: Parsed | None = None) -> list[Outgoing]:
    """Everything the bot sends in answer to `incoming` (an empty list: say nothing), as
    `parsed` reads it (by default, as `parse` reads it alone); `handled`, if given, is told
    what became of it."""
    handled = handled or Handled()
    parsed = parsed or parse(app, incoming)
    if parsed is None:
        return []
    lang = parsed.lang
    handled.intent = intent_of(parsed)
    answers = await _answer(app, incoming, parsed, handled)
    if incoming.is_direct:
        return answers
    limit = app.config.limits.max_reply_chars
    return [
        replace(out, reply=cap_reply(out.reply, limit, lang))
        if out.to_user is None and out.to_room is None
        else out
        for out in answers
    ]


def _flood_held(app: App, incoming: Incoming, lang: str, *,
                exempt: bool = False) -> list[Outgoing] | None:
    """None if the command may be answered; else what to say (a notice once, then nothing:
    the command is dropped). An `exempt` command is counted but always answered."""
    if not app.config.limits.flood_control:
        return None
    room = None if incoming.is_direct else incoming.room
    now = app.clock.now().timestamp()
    at = now if incoming.sent_at is None else min(now, incoming.sent_at)
    verdict, wait = app.limiter.check(incoming.sender, room, at, exempt=exempt)
    if verdict is Verdict.ANSWER:
        return None
    log.info("command from %s in %s dropped by flood control (%.0f s to wait)",
             incoming.sender, incoming.room, wait)
    return [Outgoing(_slow_down(lang, wait))] if verdict is Verdict.NOTICE else []


async def _never_dropped(app: App, request: Request, parsed: Parsed) -> bool:
    """Whether flood control must let this command through: it changes data, or it is an
    organiser's command from an organiser — and it will run (a refused or malformed one is
    an answer like any other, and a flooder gets no more of those)."""
    command = request.command
    if command is None or parsed.problem is not None:
        return False
    if command.scope == "organisers":
        return await _refusal(app, request) is None
    return command.changes and await _refusal(app, request) is None


def _slow_down(lang: str, wait: float) -> Reply:
    seconds = max(1, round(wait))
    return say(
        pick(
            lang,
            f"Doucement 🙂 trop de commandes d'un coup ; je vous réponds de nouveau "
            f"dans {seconds} s.",
            f"Easy 🙂 too many commands at once; I will answer again in {seconds} s.",
        )
    )


async def _answer(app: App, incoming: Incoming, parsed: Parsed,
                  handled: Handled) -> list[Outgoing]:
    command, lang, args = parsed.command, parsed.lang, parsed.args
    request = Request(incoming, command, args, lang, app.clock.now(), app,  # type: ignore[arg-type]
                      parsed.intent)
    try:
        # A plain sentence in a direct chat may answer a dialogue ('Grist au programme' as
        # a title): dialogues see it before the command its words happen to match.
        typed = parsed.typed
        if incoming.is_direct and (command is None or command.scope == "direct" or not typed):
            result = await _dialogue(app, request, parsed)
            if result is not False:
                handled.outcome = "dialogue"
                return _outgoing(result)  # a dialogue's answer: not flood-controlled
        held = _flood_held(app, incoming, lang,
                           exempt=await _never_dropped(app, request, parsed))
        if held is not None:
            handled.outcome = "dropped"
            return held
        if command is None and typed:
            handled.outcome = "unknown"
            return [Outgoing(_unknown(app, lang, args))]
        handled.outcome = "answered"
        row = parsed.row
        if row is not None and row.answer is not None and (not typed or row.name == "sessions"):
            return _outgoing(_noted(request, row, await row.answer(request)))
        if command is None:
            return _outgoing(await row_for("unknown").answer(request))  # type: ignore[misc]
        refusal = await _refusal(app, request)
        if refusal:
            handled.outcome = "refused"
            return [Outgoing(refusal)]
        if parsed.problem:
            handled.outcome = "malformed"
            return [Outgoing(request.malformed(parsed.problem))]
        result = await command.handler(request, **parsed.values)
        return _outgoing(result if typed or row is None else _noted(request, row, result))
    except sqlite3.Error as error:
        reads = _reads_only(parsed) and _damaged(error)
        handled.outcome = "unreadable" if reads else "unwritable"
        log.error("database %s (%s): %r from %s in %s not done",
                  "unreadable" if reads else "not writable", error, incoming.text[:200],
                  incoming.sender, incoming.room)
        if reads:
            return [Outgoing(say(pick(
                lang,
                "Désolé, je ne peux pas lire ce qu'il faut pour vous répondre (ma base de "
                "données est endommagée) ; réessayez plus tard. Les organisateurs en sont "
                "avertis par mon journal.",
                "Sorry, I cannot read what I need to answer you (my database is damaged); "
                "please try again later. The organisers are warned by my log.",
            )))]
        return [Outgoing(say(pick(
            lang,
            "Désolé, je ne peux rien enregistrer pour le moment (ma base de données refuse "
            "l'écriture) : votre demande n'est pas enregistrée, réessayez plus tard. Les "
            "organisateurs en sont avertis par mon journal.",
            "Sorry, I cannot record anything at the moment (my database refuses writes): "
            "your request is not recorded, please try again later. The organisers are warned "
            "by my log.",
        )))]
    except Exception:
        handled.outcome = "failed"
        log.exception(
            "command failed: %r from %s in %s", incoming.text[:200], incoming.sender, incoming.room
        )
        return [
            Outgoing(
                say(
                    pick(
                        lang,
                        "Désolé, une erreur interne est survenue ; les "
                        "organisateurs peuvent consulter le journal.",
                        "Sorry, something went wrong inside the bot; the "
                        "organisers can check its log.",
                    )
                )
            )
        ]


async def _dialogue(app: App, request: Request, parsed: Parsed) -> object:
    """What a dialogue in progress answers to the message (False: none takes it). When the
    database is damaged, a message that only reads is answered as if no dialogue were in
    progress, and the fault logged: a read needs no dialogue state."""
    try:
        for interceptor in app.commands.interceptors:
            result = await interceptor(request)
            if result is not False:
                return result
    except sqlite3.Error as error:
        if not (_reads_only(parsed) and _damaged(error)):
            raise
        log.error("database unreadable (%s): %r from %s answered without its dialogues",
                  error, request.incoming.text[:200], request.incoming.sender)
    return False


def _damaged(error: sqlite3.Error) -> bool:
    """Whether the database could not be read (a damaged file), rather than refused a
    write (a full disk, a read-only file): a dialogue whose answer cannot be written must
    say so, not have its answer taken for a question."""
    return getattr(error, "sqlite_errorcode", None) in (sqlite3.SQLITE_CORRUPT,
                                                         sqlite3.SQLITE_NOTADB)


def _reads_only(parsed: Parsed) -> bool:
    """Whether answering `parsed` writes nothing: a command that changes no data, or a
    question the table of intents answers — not a sentence nobody understood, which may be
    the answer a dialogue waits for."""
    if parsed.command is not None:
        return not parsed.command.changes
    return parsed.row is not None and parsed.row.name != "unknown"


def _noted(request: Request, row: IntentRow, result: object) -> object:
    """`result`, with what could not be used of the question said first."""
    missed = unheard(row, request.intent.slots.given())
    if not missed or not isinstance(result, Reply):
        return result
    used = ", ".join(phrase(request, name) for name in missed)
    note = pick(request.lang, f"(je n'ai pas pu tenir compte de : {used})",
                f"(I could not take this into account: {used})")
    return prefixed(Doc().italic(note), result)


def _outgoing(result: object) -> list[Outgoing]:
    if isinstance(result, Reply):
        return [Outgoing(result)]
    return result if isinstance(result, list) else []


async def _refusal(app: App, request: Request) -> Reply | None:
    """Why this command may not run here, if it may not."""
    command, incoming, lang = request.command, request.incoming, request.lang
    if command.scope == "organisers":
        if not await app.is_organiser(incoming.sender):
            return say(
                pick(
                    lang,
                    "Désolé, cette commande est réservée aux organisateurs.",
                    "Sorry, this command is for organisers only (not allowed).",
                )
            )
        if not (incoming.is_direct or incoming.room == app.config.proposals.organisers_room):
            return say(
                pick(
                    lang,
                    "Commande d'organisation : utilisez-la en message direct avec "
                    "moi ou dans le salon des organisateurs.",
                    "Organiser command: use it in a direct chat with me or in the "
                    "organisers' room.",
                )
            )
    if command.scope == "direct" and not incoming.is_direct:
        return say(
            pick(
                lang,
                "Écrivez-moi en message direct pour cela : "
                f"{app.config.commands.prefix}{command.name('fr')}",
                "Please send me that in a direct chat: "
                f"{app.config.commands.prefix}{command.name('en')}",
            )
        )
    return None


def _unknown(app: App, lang: str, name: str) -> Reply:
    table = app.commands
    help_name = table.commands["help"].name(lang) if "help" in table.commands else "aide"
    prefix = app.config.commands.prefix
    doc = Doc()
    if name:
        doc.text(pick(lang, "Commande inconnue : ", "Unknown command: ")).code(prefix + name[:40])
        doc.text(". ")
        close = table.closest(name)
        if close:
            doc.text(pick(lang, "Vouliez-vous dire ", "Did you mean ")).code(prefix + close)
            doc.text(pick(lang, " ? Sinon, e", "? Otherwise, t"))
            return doc.text(pick(lang, "ssayez ", "ry ")).code(prefix + help_name).text(".").reply()
    else:
        doc.text(pick(lang, "Je n'ai pas compris. ", "I did not understand. "))
    doc.text(pick(lang, "Essayez ", "Try ")).code(prefix + help_name).text(".")
    return doc.reply()
