"""A programme line may hold only its hours, or its hours and who speaks in parentheses
('h.10:05 (Name)'), with the title on the line under it ('<br><b>Title</b>'): the title
is that line, the names in parentheses its speakers. 'h.' before the hours is Italian for
'ore' ('h.10:05')."""

from __future__ import annotations

from pathlib import Path

from tests.loaders.pages import page_sessions

PAGE = (
    "<h3>Linux Day 2026</h3>\n"
    "<p>La manifestazione ha luogo <b>sabato 24 ottobre 2026"
    "</b> presso la biblioteca civica.</p>\n"
    "<dl><dt>Programma</dt>\n"
    "<dd>\n"
    "<ul>\n"
    '<li>h.10:00 (<a href="mailto:maria@example.org">Maria Rossi</a>)<br>&nbsp;&nbsp;'
    "<b>Benvenuto</b><hr>\n"
    '<li>h.10:15 (<a href="mailto:paolo@example.org">Paolo Bianchi</a> e '
    '<a href="mailto:anna@example.org">Anna Verdi</a>)<br>&nbsp;&nbsp;'
    "<b>Backup con software libero.</b><hr>\n"
    "<li>h.10:45<br>&nbsp;&nbsp;<b>Pausa caff&egrave;</b><hr>\n"
    '<li>h.11:00 (<a href="mailto:lug@example.org">--</a>)<br>&nbsp;&nbsp;'
    "<b>Cifrare i propri dati.</b><hr>\n"
    "</ul>\n"
    "</dd></dl>\n"
    "\n"
)


def test_hours_and_names_over_the_title(tmp_path: Path) -> None:
    sessions = page_sessions(tmp_path, PAGE)
    assert [(f"{s.start:%H:%M}", s.title, list(s.speaker_names), s.kind)
            for s in sessions] == [
        ("10:00", "Benvenuto", ["Maria Rossi"], "other"),
        ("10:15", "Backup con software libero", ["Paolo Bianchi", "Anna Verdi"], "talk"),
        ("10:45", "Pausa caffè", [], "break"),
        ("11:00", "Cifrare i propri dati", [], "talk"),
    ]
