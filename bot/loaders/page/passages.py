"""The page's prose that is not programme: paragraphs and list items, in page order.

Practical questions (price, access, contact, registration) are answered by quoting them,
so each keeps its text as the page shows it and its file line. Lines taken as sessions,
headings, tables and code are left out, and so are template tags (`{% … %}`).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator

from bot.loaders.page.values import Block
from bot.programme.model import Passage

_TEMPLATE = re.compile(r"^\s*(?:\{%|\{\{|\{:)")


def passages(blocks: tuple[Block, ...], programme_lines: Collection[int]) -> tuple[Passage, ...]:
    """Each paragraph or list item of `blocks` whose line is not one of the programme's,
    with the heading it is under when that heading names a topic ('Prérequis')."""
    found: list[Passage] = []
    section = ""
    for block in _prose(blocks, programme_lines):
        if block.kind == "heading":
            # a heading with a figure is the programme's (a day, hours), not a topic's
            text = block.text
            section = "" if any(c.isdigit() for c in text) else text.rstrip(" :")
            continue
        links = tuple(dict.fromkeys(k for ln in block.lines for k in ln.links))
        found.append(Passage(block.text, block.line, links, section))
    return tuple(found)


def _prose(blocks: tuple[Block, ...], taken: Collection[int]) -> Iterator[Block]:
    """The headings, and the paragraphs and terms that are not programme, in page order."""
    for block in blocks:
        if block.kind == "heading":
            yield block
        elif block.kind in ("paragraph", "term"):
            text = block.text
            if text and block.line not in taken and not _TEMPLATE.match(text):
                yield block
        elif block.kind == "item" and block.line in taken:
            continue  # a session and what it nests (its description, its speakers)
        elif block.kind not in ("table", "code"):
            yield from _prose(block.children, taken)
