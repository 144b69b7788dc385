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
    """Each paragraph or list item of `blocks` whose line is not one of the programme's."""
    return tuple(_passages(blocks, programme_lines))


def _passages(blocks: tuple[Block, ...], taken: Collection[int]) -> Iterator[Passage]:
    for block in blocks:
        if block.kind in ("paragraph", "term"):
            text = block.text
            if text and block.line not in taken and not _TEMPLATE.match(text):
                links = tuple(dict.fromkeys(k for ln in block.lines for k in ln.links))
                yield Passage(text, block.line, links)
        elif block.kind == "item" and block.line in taken:
            continue  # a session and what it nests (its description, its speakers)
        elif block.kind not in ("table", "code", "heading"):
            yield from _passages(block.children, taken)
