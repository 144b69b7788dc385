"""What organisers see of proposals: list lines, the full view, score averages, decisions
and the messages proposers receive."""

from __future__ import annotations

from datetime import datetime

from bot.proposals.proposal import STATUSES, Proposal, speakers_text, status_label
from bot.wording.i18n import format_datetime, pick
from bot.wording.replies import Doc

DECISIONS = {"accepted": ("acceptée", "accepted"), "rejected": ("refusée", "rejected"),
             "waitlisted": ("mise en liste d'attente", "put on the waiting list")}
"""The statuses an organiser's decision gives, as told to the proposer."""

LIST_LIMIT = 40
"""At most this many proposals in one list message; filters narrow it down."""


def average(scores: dict[str, int]) -> str:
    """'4.5/5 (2)' or '' when nobody scored."""
    if not scores:
        return ""
    mean = sum(scores.values()) / len(scores)
    return f"{mean:.1f}/5 ({len(scores)})"


def list_line(proposal: Proposal, scores: dict[str, int], lang: str) -> Doc:
    doc = Doc().code(f"#{proposal.id}").text(f" [{status_label(proposal.status, lang)}] ")
    doc.bold(proposal.title).text(f" — {speakers_text(proposal.speakers)}")
    doc.text(f" · {proposal.minutes} min")
    if scores:
        doc.text(pick(lang, " · note ", " · score ") + average(scores))
    return doc


def proposal_list(shown: list[Proposal], total: int, scores: dict[int, dict[str, int]],
                  lang: str) -> Doc:
    """The first proposals of a list of `total`, with a hint when some are not shown."""
    if not shown:
        return Doc().text(pick(lang, "Aucune proposition ne correspond.",
                               "No proposal matches."))
    doc = Doc().text(pick(lang, f"{total} proposition(s) :", f"{total} proposal(s):"))
    doc.items([list_line(p, scores.get(p.id, {}), lang) for p in shown])
    if total > len(shown):
        doc.text(pick(lang, f"… et {total - len(shown)} autres : filtrez par statut "
                            "ou événement.",
                      f"… and {total - len(shown)} more: filter by status or event."))
    return doc


def full_view(proposal: Proposal, event_title: str, format_label: str,
              scores: dict[str, int], comments: list[tuple[str, datetime, str]],
              history: list[tuple[datetime, str, str, str]], lang: str) -> Doc:
    """Everything about one proposal, for organisers."""
    doc = Doc().code(f"#{proposal.id}").text(" ").bold(proposal.title).br()
    doc.items([
        Doc().text(pick(lang, "Statut : ", "Status: ")).text(status_label(proposal.status,
                                                                          lang)),
        Doc().text(pick(lang, "Événement : ", "Event: ")).text(event_title),
        Doc().text("Format : " if lang == "fr" else "Format: ").text(format_label),
        Doc().text(pick(lang, "Intervenants : ", "Speakers: "))
        .text(speakers_text(proposal.speakers)),
        Doc().text(pick(lang, "Proposée par ", "Proposed by ")).text(proposal.proposer)
        .text(pick(lang, ", le ", " on ")).text(format_datetime(proposal.submitted_at, lang)),
        Doc().text(pick(lang, "Notes : ", "Scores: "))
        .text(average(scores) + (" — " + ", ".join(f"{who} {n}" for who, n in scores.items())
                                 if scores else pick(lang, "aucune", "none"))),
    ])
    doc.bold(pick(lang, "Résumé", "Abstract")).br().text(proposal.abstract).br()
    if comments:
        doc.bold(pick(lang, "Commentaires", "Comments")).items(
            [Doc().text(f"{who} ({format_datetime(at, lang)}) : " if lang == "fr"
                        else f"{who} ({format_datetime(at, lang)}): ").text(text)
             for who, at, text in comments])
    doc.bold(pick(lang, "Historique", "History")).items(
        [Doc().text(f"{format_datetime(at, lang)} — {who} — {action_label(action, lang)}"
                    + (f" ({detail})" if detail else ""))
         for at, who, action, detail in history])
    return doc


def decision_notice(proposal: Proposal, status: str, message: str) -> Doc:
    """What the proposer is told of a decision, in their own language."""
    lang = proposal.lang
    fr, en = DECISIONS[status]
    doc = Doc().text(pick(lang, "Votre proposition ", "Your proposal "))
    doc.bold(f"« {proposal.title} »" if lang == "fr" else f"'{proposal.title}'")
    doc.text(pick(lang, f" a été {fr} par les organisateurs.",
                  f" has been {en} by the organisers."))
    if message:
        doc.br().text(pick(lang, "Leur message : ", "Their message: ")).italic(message)
    return doc


def schedule_notice(proposal: Proposal, when: datetime, room: str | None) -> Doc:
    lang = proposal.lang
    doc = Doc().text(pick(lang, "Votre intervention ", "Your talk "))
    doc.bold(proposal.title).text(pick(lang, " est au programme : ", " is in the programme: "))
    doc.text(format_datetime(when, lang))
    if room:
        doc.text(pick(lang, f", salle {room}", f", room {room}"))
    return doc.text(".")


def new_proposal_notice(proposal: Proposal, event_title: str) -> Doc:
    """The announcement in the organisers' room (French first, English after)."""
    doc = Doc().text("Nouvelle proposition / New proposal ").code(f"#{proposal.id}")
    doc.text(f" ({event_title}) : ").bold(proposal.title)
    doc.text(f" — {speakers_text(proposal.speakers)} · {proposal.minutes} min")
    return doc


_ACTIONS = {"scored": ("notée", "scored"), "commented": ("commentée", "commented"),
            "scheduled": ("planifiée", "scheduled"), "unscheduled": ("déplanifiée", "unscheduled")}


def action_label(action: str, lang: str) -> str:
    """A history entry's action in the reader's language ('soumise', 'notée')."""
    if action in STATUSES:
        return status_label(action, lang)
    fr, en = _ACTIONS.get(action, (action, action))
    return pick(lang, fr, en)
