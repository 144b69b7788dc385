"""The reading report of one version of one programme source, in French or English.

A headline short enough for a room (« Nouvelle version lue : journee.md — Journée BlueHats
2025 (mercredi 3 décembre 2025), 12 sessions ; changements : 1 déplacée. »), and the
details: each event, its days, the sessions of each day by room, what changed since the
published version, and every line that was not read. The room gets the details in the
headline's thread; `!verifier` and `bluehats-bot programme check`/`diff` show both.

A French report quotes the page's own lines; the loaders' reasons, which are English, are
in the English report and in `programme check` (standard error).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from bot.commands.render import event_days
from bot.programme.model import Event, Problem, Session
from bot.publishing.diff import KINDS, Change, diff, tally
from bot.publishing.hold import Reason
from bot.publishing.readings import Reading
from bot.wording.i18n import count, format_day, format_time, pick, sentence_case
from bot.wording.replies import Doc

SHOWN = 15
"""Longest list of changes or of lines not read; the rest is counted."""
QUOTED = 100
"""Longest piece of a page's line a report quotes."""

_CHANGED = {"new": (("nouvelle", "Nouvelle"), "new"), "moved": (("déplacée", "Déplacée"), "moved"),
            "renamed": (("renommée", "Renommée"), "renamed"),
            "gone": (("retirée", "Retirée"), "removed")}
"""Each kind of change: the French participle (a session is feminine), then English."""


@dataclass(frozen=True)
class Report:
    """What the organisers are told of one version of one source.

    `kind`: "first" (a source never read before), "changed", "released" (a later version
    that reads normally replaces a held one), "held", "published" (an organiser published
    a held version) or "current" (the version in place, asked for)."""

    kind: str
    label: str
    """The source as organisers name it: its file name, or its URL."""
    reading: Reading
    published: Reading | None = None
    """What it is compared with: the published version, if any."""
    reasons: tuple[Reason, ...] = ()
    publish: str = ""
    """How to publish it anyway, as typed here (`!publier journee.md`), when held."""
    changes: list[Change] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        found = diff(self.published.sessions, self.reading.sessions) if self.published else []
        object.__setattr__(self, "changes", found)


def _quote(text: str, lang: str) -> str:
    return pick(lang, f"« {text} »", f"“{text}”")


def _sessions(number: int, lang: str) -> str:
    if number == 0:
        return pick(lang, "aucune session", "no session")
    return count(number, "session", lang=lang)


def _summary(reading: Reading, lang: str) -> str:
    """« Journée BlueHats 2025 (mercredi 3 décembre 2025), 12 sessions »."""
    events = reading.events
    if not events:
        return pick(lang, "aucun programme lu", "no programme read")
    sessions = _sessions(len(reading.sessions), lang)
    if len(events) == 1:
        return f"{events[0].title} ({event_days(events[0], lang)}), {sessions}"
    return f"{count(len(events), pick(lang, 'événement', 'event'), lang=lang)}, {sessions}"


def _changes(changes: list[Change], lang: str) -> str:
    """« changements : 1 nouvelle, 2 déplacées » / « aucune session ne change »."""
    counts = tally(changes)
    parts = [count(counts[kind], _CHANGED[kind][0][0], lang="fr") if lang == "fr"
             else f"{counts[kind]} {_CHANGED[kind][1]}" for kind in KINDS if counts[kind]]
    if not parts:
        return pick(lang, "aucune session ne change", "no session changes")
    return pick(lang, "changements : ", "changes: ") + ", ".join(parts)


def _unread(problems: tuple[Problem, ...], lang: str) -> list[str]:
    """« 2 lignes non lues », « 1 autre problème »: what the reading left out."""
    lines = sum(1 for problem in problems if problem.source.line)
    others = len(problems) - lines
    found = []
    if lines:
        found.append(pick(lang, count(lines, "ligne non lue", "lignes non lues", "fr"),
                          count(lines, "line not read", "lines not read")))
    if others:
        found.append(pick(lang, count(others, "autre problème", "autres problèmes", "fr"),
                          count(others, "other problem")))
    return found


def reason_text(reason: Reason, lang: str) -> str:
    """Why a version is held, as a clause: « elle perd 9 sessions sur 12 »."""
    before = _sessions(reason.before, lang)
    if reason.kind in ("gone", "no_programme"):
        what = pick(lang, "le fichier a disparu", "the file is gone") if reason.kind == "gone" \
            else pick(lang, "aucun programme n'y est lu", "no programme can be read in it")
        return what + pick(lang, f" (la version publiée a {before})",
                           f" (the published version has {before})")
    if reason.kind == "no_sessions":
        return pick(lang, f"elle n'a plus aucune session ({reason.before} dans la version "
                          "publiée)",
                    f"it has no session left ({reason.before} in the published version)")
    if reason.kind == "sessions":
        lost = reason.before - reason.after
        return pick(lang, f"elle perd {count(lost, 'session', lang='fr')} sur {reason.before}",
                    f"it loses {lost} of its {reason.before} sessions")
    days = count(reason.after, pick(lang, "jour", "day"), lang=lang)
    return pick(lang, f"ses sessions ne tiennent plus que sur {days} au lieu de {reason.before}",
                f"its sessions now fall on {days} instead of {reason.before}")


def headline(report: Report, lang: str) -> Doc:
    """The report in one paragraph, for the room."""
    reading, separator = report.reading, pick(lang, " ; ", "; ")
    if report.kind == "held":
        doc = Doc().text("⚠️ ").bold(pick(lang, "Version retenue : ", "Version held: "))
        doc.text(report.label).text(" — ")
        doc.text(pick(lang, " et ", " and ").join(reason_text(r, lang) for r in report.reasons))
        doc.text(pick(lang, ". Les salons gardent la version publiée ; pour publier celle-ci "
                            "quand même : ",
                      ". The rooms keep the published version; to publish this one anyway: "))
        return doc.code(report.publish).text(pick(lang, ", sinon corrigez la source.",
                                                  ", or else fix the source."))
    titles = {"first": ("Nouvelle source lue : ", "New source read: "),
              "changed": ("Nouvelle version lue : ", "New version read: "),
              "released": ("Nouvelle version lue : ", "New version read: "),
              "published": ("Version publiée : ", "Version published: ")}
    doc = Doc()
    if report.kind in titles:
        doc.bold(pick(lang, *titles[report.kind]))
    doc.text(report.label).text(" — ")
    parts = [_summary(reading, lang)]
    if report.published is not None and report.kind != "current":
        parts.append(_changes(report.changes, lang))
    parts += _unread(reading.problems, lang)
    doc.text(separator.join(parts) + ".")
    if report.kind == "released":
        doc.text(pick(lang, " Elle remplace la version retenue.",
                      " It replaces the held version."))
    return doc


def _rooms(sessions: tuple[Session, ...], lang: str) -> str:
    """« (Ada Lovelace : 6, Turing : 5, sans salle : 1) », or '' when no session has a room."""
    rooms = Counter(session.room for session in sessions)
    if set(rooms) <= {None}:
        return ""
    named = [f"{room}{pick(lang, ' : ', ': ')}{number}" for room, number in rooms.items() if room]
    if rooms[None]:
        named.append(pick(lang, f"sans salle : {rooms[None]}", f"no room: {rooms[None]}"))
    return f" ({', '.join(named)})"


def _event(event: Event, lang: str) -> Doc:
    """The event, then each of its days (a day without sessions too, unless the event is
    long) with its sessions by room."""
    doc = Doc().bold(event.title).text(f" — {event_days(event, lang)}")
    by_day = event.by_day
    days = sorted({*event.days, *by_day}) if len(event.days) <= SHOWN else list(by_day)
    return doc.items([Doc().text(sentence_case(format_day(day, lang)) + pick(lang, " : ", ": ")
                                 + _sessions(len(by_day.get(day, ())), lang)
                                 + _rooms(by_day.get(day, ()), lang)) for day in days])


def _when(session: Session, lang: str, with_day: bool = True) -> str:
    """« mercredi 3 décembre, 14 h 20, salle Turing »."""
    parts = [format_day(session.day, lang)] if with_day else []
    if session.start is not None:
        parts.append(format_time(session.start, lang))
    if session.room:
        parts.append(pick(lang, f"salle {session.room}", f"room {session.room}"))
    return ", ".join(parts)


def _change(change: Change, lang: str) -> Doc:
    word = _CHANGED[change.kind]
    doc = Doc().bold(pick(lang, word[0][1], sentence_case(word[1])) + pick(lang, " : ", ": "))
    before, after = change.before, change.after
    if change.kind == "renamed":
        assert before is not None and after is not None
        return doc.text(f"{_quote(before.title, lang)} → {_quote(after.title, lang)}")
    doc.text(_quote(change.session.title, lang)).text(" — ")
    if change.kind == "moved":
        assert before is not None and after is not None
        return doc.text(f"{_when(before, lang)} → "
                        f"{_when(after, lang, with_day=after.day != before.day)}")
    return doc.text(_when(change.session, lang))


def _problem(problem: Problem, reading: Reading, lang: str) -> Doc:
    """« ligne 17 : « | 14h | | Salle A | » » / « line 17 “…”: its reason »."""
    number, text = problem.source.line, reading.line(problem.source.line)
    if text and len(text) > QUOTED:
        text = text[: QUOTED - 1] + "…"
    if lang != "fr":
        where = f"line {number}" + (f" {_quote(text, lang)}" if text else "") if number else ""
        return Doc().text(f"{where}: {problem.message}" if where else problem.message)
    error = problem.severity == "error"
    if not number:
        return Doc().text("le fichier n'a pas pu être lu" if error else
                          "un avertissement sans numéro de ligne")
    doc = Doc().text(f"ligne {number}" + (f" : {_quote(text, lang)}" if text else ""))
    return doc.text(" — le fichier n'a pas pu être lu" if error else "")


def _listed(doc: Doc, heading: str, entries: list[Doc], lang: str) -> None:
    """A heading and the first `SHOWN` entries, then how many more there are."""
    if not entries:
        return
    shown = entries[:SHOWN]
    hidden = len(entries) - len(shown)
    if hidden:
        shown.append(Doc().italic(pick(lang, f"… et {count(hidden, 'autre', lang='fr')}",
                                       f"…and {hidden} more")))
    doc.bold(heading).items(shown)


def details(report: Report, lang: str, shell: bool = False) -> Doc:
    """Each event of the version, what changed since the published version, what to check
    (in a French report, with where to find why: `shell` is true where it is found)."""
    reading, doc = report.reading, Doc()
    for event in reading.events[:SHOWN]:
        doc.extend(_event(event, lang))
    if not reading.events:
        doc.text(pick(lang, "Aucun événement n'est lu dans cette version.",
                      "No event is read in this version.")).br()
    if report.kind != "current":
        _listed(doc, pick(lang, "Changements depuis la version publiée",
                          "Changes since the published version"),
                [_change(change, lang) for change in report.changes], lang)
    _listed(doc, pick(lang, "À vérifier", "To check"),
            [_problem(problem, reading, lang) for problem in reading.problems], lang)
    if reading.problems and lang == "fr" and not shell:  # the loaders' reasons are English
        doc.text("Les raisons, ligne par ligne : ").code("bluehats-bot programme check")
        doc.text(" sur la source.")
    return doc


def whole(report: Report, lang: str, shell: bool = False) -> Doc:
    """Headline and details together (`!verifier`, the shell)."""
    return headline(report, lang).br().extend(details(report, lang, shell))
