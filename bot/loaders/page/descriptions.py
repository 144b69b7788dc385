"""What a page writes about each of its sessions: the prose under a session, as its
description, so that a question finds a session by what its page says of it (the
abstract under a talk, a workshop's topic, the persons and bodies of a plenary).

A session's prose is every paragraph after the block it was read from — nested in its
list item or going on right after it, or under its heading — up to the next session or
heading. A heading that is no session (a day, a part of the programme) and a table end
it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from bot.loaders.page.values import Block
from bot.programme.model import Session

MAX_DESCRIPTION = 2000
"""At most this many characters of prose per session (a page's long tail is no topic)."""
_PROSE = frozenset(("paragraph", "term"))


def described(sessions: tuple[Session, ...], blocks: tuple[Block, ...]) -> tuple[Session, ...]:
    """`sessions` with the prose the page writes under each as its description (those
    that have one already keep it)."""
    lines = {s.source.line for s in sessions if s.source is not None}
    prose: dict[int, list[str]] = defaultdict(list)
    _gather(blocks, lines, prose, None)
    if not prose:
        return sessions
    return tuple(replace(s, description=_joined(prose[s.source.line]))
                 if s.source is not None and s.source.line in prose and not s.description
                 else s for s in sessions)


def _gather(blocks: tuple[Block, ...], lines: set[int], prose: dict[int, list[str]],
            current: int | None) -> int | None:
    """Files the prose of `blocks` under the session it follows, in page order; returns
    the session still open after them. A session read from a list item ends with its
    list, but for the lines that go on right after it ('* #### Atelier 1' then
    '*Son sujet*'): a paragraph after a blank line is the page's again."""
    continued: int | None = None  # the last line of a list that holds the open session
    for block in blocks:
        if block.line in lines and block.kind != "table":
            current, continued = block.line, None  # a session's own block
        elif block.kind in ("heading", "table"):
            current = None
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
