"""What a page writes about each of its sessions: the prose under a session, as its
description, so that a question finds a session by what its page says of it (the
abstract under a talk, a workshop's topic, the persons and bodies of a plenary).

A session's prose is every paragraph after the block it was read from — nested in its
list item or going on right after it, or under its heading — up to the next session or
heading. A heading that is no session (a day, a part of the programme) and a table end
it. A short first line that names a place is the session's room, when it has none.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace

from bot.loaders.page.values import Block
from bot.programme.model import Session
from bot.wording.folding import fold

MAX_DESCRIPTION = 2000
"""At most this many characters of prose per session (a page's long tail is no topic)."""
_PROSE = frozenset(("paragraph", "term"))
PLACE_WORDS = 8
"""A line naming a place is short."""
_PLACE_WORD = re.compile(r"(?:salles?|salon|rooms?|amphi\w*|auditori\w*|hall|mezzanine"
                         r"|foyer|atrium|aula|saal)\b")
_SENTENCE_MARK = re.compile(r"[.!?:;]\s|[.!?:;]$")


def described(sessions: tuple[Session, ...], blocks: tuple[Block, ...]) -> tuple[Session, ...]:
    """`sessions` with the prose the page writes under each as its description (those
    that have one already keep it)."""
    lines = {s.source.line for s in sessions if s.source is not None}
    prose: dict[int, list[str]] = defaultdict(list)
    _gather(blocks, lines, prose, None)
    if not prose:
        return sessions
    return tuple(_with_prose(s, prose[s.source.line])
                 if s.source is not None and s.source.line in prose else s for s in sessions)


def _with_prose(session: Session, texts: list[str]) -> Session:
    """The session with `texts` as its description (unless it has one), and as its room
    the place its first line names, when it names none ('*Auditorium Marceau Long*')."""
    room = session.room or _place(texts[0])
    return replace(session, description=session.description or _joined(texts), room=room)


def _place(text: str) -> str | None:
    """The place a short line names on its own, starting with its kind of place ('Salle
    Jean Monnet', 'Mezzanine Ségur et Salle Jean Monnet', 'Auditorium (Ségur) et Visio'),
    else None: a sentence is no place."""
    line = text.strip(" <>*_")
    if len(line.split()) > PLACE_WORDS or _SENTENCE_MARK.search(line):
        return None
    return line if _PLACE_WORD.match(fold(line)) else None


def _label(block: Block) -> bool:
    """A paragraph all in bold: the label of what follows, not prose about what precedes."""
    spans = [span for line in block.lines for span in line.spans if span.text.strip()]
    return block.kind == "paragraph" and bool(spans) and all(
        "strong" in span.marks for span in spans)


def _gather(blocks: tuple[Block, ...], lines: set[int], prose: dict[int, list[str]],
            current: int | None) -> int | None:
    """Files the prose of `blocks` under the session it follows, in page order; returns
    the session still open after them. A session read from a list item ends with its
    list, but for the lines that go on right after it ('* #### Atelier 1' then
    '*Son sujet*'): a paragraph after a blank line is the page's again."""
    continued: int | None = None  # the last line of a list that holds the open session
    headed = False  # the open session is a heading's (its bold labels are its own)
    for block in blocks:
        if block.line in lines and block.kind != "table":
            current, continued = block.line, None  # a session's own block
            headed = block.kind == "heading"
        elif block.kind in ("heading", "table") or (_label(block) and not headed):
            current = None  # a bold label ends what a line or an item opened
        elif current is not None and block.kind in _PROSE and (
                continued is None or block.line == continued + 1):
            prose[current].append(block.text)
            continued = block.end_line if continued is not None else None
        elif continued is not None:
            current = continued = None
        if block.kind != "table" and block.children:
            inner = _gather(block.children, lines, prose, current)
            if block.kind == "list" and inner is not None and (
                    inner != current or block.line in lines):  # opened by one of its items
                continued = block.end_line
            current = inner
    return current


def _joined(texts: list[str]) -> str:
    text = "\n".join(t for t in texts if t.strip())
    return text if len(text) <= MAX_DESCRIPTION else text[:MAX_DESCRIPTION].rsplit(" ", 1)[0]
