"""The reading report's wording, in French and English: counts that agree, « » and the
spaces of French typography, the page's own lines quoted in French, the loaders' reasons in
English, the diff's kinds; and what a title cannot do to the HTML."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import time

from bot.publishing.diff import Change, diff
from bot.publishing.hold import Reason
from bot.publishing.report import Report, details, headline, whole
from bot.wording.typography import french_spaces
from tests.publishing.kit import SOURCE, day_of, problem, programme, reading, talk

NBSP = "\u00a0"
PAGE = """---
title: Journée BlueHats 2030
---
## Programme
- 9h30 : Accueil
- 25h : Une heure qui n'existe pas
"""
ACCUEIL, GRIST, TCHAP = (talk("Accueil", "09:30"), talk("Grist", "10:00", room="Ada"),
                         talk("Tchap", "11:00", room="Turing"))
PUBLISHED = reading(ACCUEIL, GRIST, TCHAP)


def test_diff_tells_new_moved_renamed_and_gone_sessions_apart() -> None:
    moved = replace(TCHAP, start=time(15, 0))
    renamed = talk("Grist en 2030", "10:00", room="Ada")  # a new title: a new id, same slot
    added = talk("Atelier", "16:00")
    found = diff(PUBLISHED.sessions, [renamed, moved, added])
    assert [(c.kind, c.before and c.before.title, c.after and c.after.title) for c in found] == [
        ("gone", "Accueil", None), ("renamed", "Grist", "Grist en 2030"),
        ("moved", "Tchap", "Tchap"), ("new", None, "Atelier")]
    retitled_in_place = replace(GRIST, title="Grist, le tableur")  # a schedule keeps its guid id
    assert diff([GRIST], [retitled_in_place]) == [Change("renamed", GRIST, retitled_in_place)]


def test_a_new_version_reads_in_one_french_sentence_with_counts_that_agree() -> None:
    after = reading(replace(TCHAP, start=time(15, 0)), GRIST, talk("Atelier", "16:00"),
                    talk("Démo", "17:00"), problems=(problem(6, "session skipped"),), text=PAGE)
    report = Report("changed", "journee.md", after, PUBLISHED)
    assert headline(report, "fr").plain == (
        "Nouvelle version lue : journee.md — Journée BlueHats 2030 (mercredi 12 juin 2030), "
        "4 sessions ; changements : 2 nouvelles, 1 déplacée, 1 retirée ; 1 ligne non lue.")
    one_of_each = reading(GRIST, TCHAP, talk("Atelier", "16:00"),
                          problems=(problem(5, "a"), problem(6, "b"), problem(0, "c")))
    assert headline(Report("changed", "journee.md", one_of_each, reading(GRIST, TCHAP)),
                    "fr").plain.endswith(
        "3 sessions ; changements : 1 nouvelle ; 2 lignes non lues ; 1 autre problème.")


def test_the_same_in_english() -> None:
    after = reading(GRIST, replace(TCHAP, room="Hopper"), problems=(problem(6, "x"),
                                                                    problem(7, "y")))
    report = Report("changed", "journee.md", after, PUBLISHED)
    assert headline(report, "en").plain == (
        "New version read: journee.md — Journée BlueHats 2030 (Wednesday 12 June 2030), "
        "2 sessions; changes: 1 moved, 1 removed; 2 lines not read.")


def test_no_change_no_session_and_no_programme_are_said_in_words() -> None:
    same = Report("changed", "journee.md", PUBLISHED, PUBLISHED)
    assert "aucune session ne change" in headline(same, "fr").plain
    assert "no session changes" in headline(same, "en").plain
    empty = Report("first", "journee.md", reading())
    assert headline(empty, "fr").plain == (
        "Nouvelle source lue : journee.md — Journée BlueHats 2030 (mercredi 12 juin 2030), "
        "aucune session.")
    nothing = Report("first", "journee.md", reading(events=0))
    assert headline(nothing, "fr").plain == "Nouvelle source lue : journee.md — aucun programme lu."
    assert headline(nothing, "en").plain == "New source read: journee.md — no programme read."


def test_a_held_version_says_why_what_the_rooms_keep_and_how_to_publish_it() -> None:
    report = Report("held", "journee.md", reading(*programme(10)[:4]), reading(*programme(10)),
                    (Reason("sessions", 10, 4), Reason("days", 3, 1)), "!publier journee.md")
    assert headline(report, "fr").plain == (
        "⚠️ Version retenue : journee.md — elle perd 6 sessions sur 10 et ses sessions ne "
        "tiennent plus que sur 1 jour au lieu de 3. Les salons gardent la version publiée ; "
        "pour publier celle-ci quand même : !publier journee.md, sinon corrigez la source.")
    english = replace(report, publish="!publish journee.md")
    assert headline(english, "en").plain == (
        "⚠️ Version held: journee.md — it loses 6 of its 10 sessions and its sessions now fall "
        "on 1 day instead of 3. The rooms keep the published version; to publish this one "
        "anyway: !publish journee.md, or else fix the source.")


def test_each_reason_agrees_with_its_numbers() -> None:
    def said(reason: Reason, lang: str) -> str:
        held = Report("held", "x.md", reading(), PUBLISHED, (reason,), "!publier x.md")
        return headline(held, lang).plain.split(" — ", 1)[1].split(". ")[0]

    assert said(Reason("no_sessions", 1), "fr") == (
        "elle n'a plus aucune session (1 dans la version publiée)")
    assert said(Reason("gone", 12), "fr") == (
        "le fichier a disparu (la version publiée a 12 sessions)")
    assert said(Reason("no_programme", 1), "fr") == (
        "aucun programme n'y est lu (la version publiée a 1 session)")
    assert said(Reason("no_programme", 0), "en") == (
        "no programme can be read in it (the published version has no session)")
    assert said(Reason("sessions", 4, 1), "fr") == "elle perd 3 sessions sur 4"
    assert said(Reason("days", 2, 1), "en") == "its sessions now fall on 1 day instead of 2"
    assert said(Reason("days", 4, 2), "fr") == (
        "ses sessions ne tiennent plus que sur 2 jours au lieu de 4")


def test_french_typography_on_the_way_out() -> None:
    report = Report("changed", "journee.md", reading(GRIST, replace(TCHAP, title="Tchap « bot »")),
                    PUBLISHED)
    sent = french_spaces(whole(report, "fr").plain)
    assert f"Nouvelle version lue{NBSP}: journee.md" in sent
    assert f"Renommée{NBSP}: «{NBSP}Tchap{NBSP}» → «{NBSP}Tchap «{NBSP}bot{NBSP}»{NBSP}»" in sent
    assert not re.search(r" [:;»]|« ", sent.replace("\n", " ")), "a breaking space is left"


def test_details_give_each_day_by_room_the_changes_and_the_lines_not_read() -> None:
    two_days = reading(ACCUEIL, GRIST, TCHAP, talk("Clôture", "17:00", day_of(3), "Ada"),
                       problems=(problem(6, "session skipped: start: expected a time like "
                                            "\"14:00\", got '25h'"),
                                 problem(0, "skipped: not a known programme format")),
                       text=PAGE)
    report = Report("changed", "journee.md", two_days, PUBLISHED)
    assert details(report, "fr").plain.splitlines() == [
        "Journée BlueHats 2030 — mercredi 12 juin – vendredi 14 juin 2030",
        "• Mercredi 12 juin : 3 sessions (Ada : 1, Turing : 1, sans salle : 1)",
        "• Jeudi 13 juin : aucune session",
        "• Vendredi 14 juin : 1 session (Ada : 1)",
        "Changements depuis la version publiée",
        "• Nouvelle : « Clôture » — vendredi 14 juin, 17 h, salle Ada",
        "À vérifier",
        "• ligne 6 : « - 25h : Une heure qui n'existe pas »",
        "• un avertissement sans numéro de ligne",
        "Les raisons, ligne par ligne : bluehats-bot programme check sur la source."]
    assert details(report, "en").plain.splitlines()[-3:] == [  # with the loaders' reasons
        "To check",
        "• line 6 “- 25h : Une heure qui n'existe pas”: session skipped: start: expected a "
        "time like \"14:00\", got '25h'",
        "• skipped: not a known programme format"]
    assert "skipped" not in whole(report, "fr").plain  # no English word in French


def test_a_moved_session_says_from_where_to_where() -> None:
    moved = reading(ACCUEIL, GRIST, replace(TCHAP, day=day_of(2), start=time(9, 0), room=None))
    lines = details(Report("changed", "j.md", moved, PUBLISHED), "fr").plain.splitlines()
    assert "• Déplacée : « Tchap » — mercredi 12 juin, 11 h, salle Turing → jeudi 13 juin, 9 h" \
        in lines
    same_day = reading(ACCUEIL, GRIST, replace(TCHAP, start=time(15, 0)))
    lines = details(Report("changed", "j.md", same_day, PUBLISHED), "en").plain.splitlines()
    assert "• Moved: “Tchap” — Wednesday 12 June, 11 am, room Turing → 3 pm, room Turing" in lines


def test_long_lists_are_cut_and_counted() -> None:
    many = [problem(i, f"bad line {i}") for i in range(1, 21)]
    report = Report("current", "j.md", reading(problems=tuple(many)))
    lines = details(report, "fr").plain.splitlines()
    assert lines[-2] == "• … et 5 autres" and "• ligne 15" in lines and "• ligne 16" not in lines
    assert details(report, "en").plain.splitlines()[-1] == "• …and 5 more"


def test_a_title_cannot_write_html() -> None:
    sly = reading(talk("<img src=x onerror=alert(1)>", "10:00"))
    html = whole(Report("changed", "j.md", sly, reading()), "fr").reply().html
    assert "<img" not in html and "&lt;img src=x" in html


def test_the_version_in_place_is_named_by_its_source_alone() -> None:
    line = headline(Report("current", SOURCE, PUBLISHED), "fr").reply()
    assert line.plain.startswith(f"{SOURCE} — Journée BlueHats 2030")
    assert line.html.startswith(f"{SOURCE} — Journée")  # no empty bold title before it
