"""Render stage: a page's Markdown body to HTML, as a browser would be given it.

The renderer is markdown-it-pyrs (markdown-it in Rust, CommonMark with raw HTML, tables,
definition lists and source positions): about 0.15 s for a 1 MB page, where
markdown-it-py alone takes over 1 s, the whole budget of `bench/load.py`.

Two things happen before it runs, line for line (the source keeps its line numbers, so
every element can be traced back for `--explain`):

- **bridging**: CommonMark ends an HTML block at a blank line, so an HTML table with blank
  lines inside (office and Org-mode exports, hand-indented rows) falls apart, and a row
  indented eight spaces after such a blank line even becomes an indented code block. A
  blank line met while a `<table>` is open, and followed by a line that starts with a tag,
  becomes an empty comment `<!---->`: the HTML block goes on, the table stays one.
  Markdown written inside a cell between blank lines (`<td>`, blank, `**Title**`, blank,
  `</td>`) ends the HTML block, as CommonMark wants; the indented tags after it would
  then be an indented code block, so a line that starts with a tag inside an open table
  loses its indentation.
- **stamping**: raw HTML keeps no source position once rendered, so every start tag on a
  line that starts with a tag gets `data-line="N"` (an attribute changes neither how
  CommonMark starts an HTML block nor how the HTML parses). Elements the renderer makes
  carry `data-sourcepos`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

import markdown_it_pyrs

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_core import StateCore

from bot.loaders.page.dom import DEEPEST

_START_TAG = re.compile(r"<([A-Za-z][\w-]*)(?=[\s/>])")
_TABLE_OPEN = re.compile(r"<table(?=[\s>])", re.IGNORECASE)
_TABLE_CLOSE = re.compile(r"</table\s*>", re.IGNORECASE)
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_MARKER = r"[ \t]*+(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))"
"""A quote or list marker at the start of a line, or after another."""
_NESTED = re.compile(f"(?:{_MARKER}){{{DEEPEST}}}")
_NEXT_MARKER = re.compile(r"[ \t]*+(?:(?P<number>\d{1,9})(?=[.)](?:[ \t]|$))|>|[-+*](?=[ \t]|$))")
_RULE = re.compile(r" {0,3}([-*_])(?:[ \t]*+\1){2,}[ \t]*$")
"""A thematic break ('- - -', '* * * *'): a rule, not lists."""
BRIDGE = "<!---->"
"""What a blank line inside an open HTML table becomes: a comment, not a blank line."""
RENDERER = f"markdown-it-pyrs {getattr(markdown_it_pyrs, '__version__', '')}".strip()
FALLBACK = "markdown-it-py"


@dataclass(frozen=True)
class Rendered:
    """The HTML of a page body, the renderer that made it, and the lines that were bridged."""

    html: str
    renderer: str = RENDERER
    bridged: tuple[int, ...] = ()


def render(body: str) -> Rendered:
    """The HTML of a Markdown body whose lines are the file's lines (the metadata stage
    blanks the header, it does not remove it)."""
    lines, bridged = prepare(body.split("\n"))
    renderer, html = _rendered("\n".join(lines))
    return Rendered(html, renderer, bridged)


def render_fragment(lines: list[str], first_line: int) -> str:
    """The HTML of source lines that start at file line `first_line` (Markdown written
    inside an HTML block): padded with empty lines, so that its stamps are file lines."""
    prepared, _ = prepare(lines, first_line)
    return _rendered("\n" * (first_line - 1) + "\n".join(prepared))[1]


def _rendered(source: str) -> tuple[str, str]:
    """(renderer, HTML). markdown-it-pyrs 0.4 panics on a few inputs (a '[' then an
    unclosed '`'); those pages are rendered by markdown-it-py, slower, same rules."""
    try:
        return RENDERER, _markdown().render(source)
    except BaseException as error:  # a Rust panic is a BaseException, nothing narrower
        if type(error).__name__ != "PanicException":
            raise
        return FALLBACK, _fallback().render(source)


def prepare(lines: list[str], first_line: int = 1) -> tuple[list[str], tuple[int, ...]]:
    """Bridge blank lines inside open HTML tables and stamp tags with their line.

    Returns as many lines as given, and the file lines that were bridged."""
    out: list[str] = []
    bridged: list[int] = []
    tag_follows = _tag_follows(lines)
    depth = 0
    fence: str | None = None
    for index, line in enumerate(lines):
        number = first_line + index
        stripped = line.lstrip()
        inside = depth > 0 and fence is None  # a table opened on a line above, not in code
        opened = _FENCE.match(line)
        if fence is not None:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = None
        elif opened:
            fence = opened.group(1)
        elif (stripped[:1] in "->+*" or stripped[:1].isdigit()) and _NESTED.match(line):
            line = _shallow(line)
        elif not stripped:
            if depth > 0 and tag_follows[index]:
                out.append(BRIDGE)
                bridged.append(number)
                continue
        elif "<" in line:
            depth = max(0, depth + len(_TABLE_OPEN.findall(line))
                        - len(_TABLE_CLOSE.findall(line)))
        if stripped.startswith("<"):
            if inside:
                line = stripped  # a tag inside a table, indented: never an indented code block
            line = _START_TAG.sub(lambda m, n=number: f'<{m.group(1)} data-line="{n}"', line)
        out.append(line)
    return out, tuple(bridged)


def _shallow(line: str) -> str:
    """A line that opens more than `DEEPEST` lists or quotes at once ('- - - … a',
    '>>>> … a') opens `DEEPEST`, and the rest is its text: the marker after them is
    escaped. The renderer and the HTML parser take a time that grows as the square of
    the nesting, and no page nests so deep."""
    deep = _NESTED.match(line)
    after = _NEXT_MARKER.match(line, deep.end()) if deep and not _RULE.match(line) else None
    if after is None:
        return line
    cut = after.end("number") if after.group("number") else after.end() - 1
    return f"{line[:cut]}\\{line[cut:]}"


def _tag_follows(lines: list[str]) -> list[bool]:
    """For each line, whether the next non-blank line after it starts with a tag (one
    pass from the end: a run of blank lines is not scanned again for each of them)."""
    follows = [False] * len(lines)
    after = False
    for index in range(len(lines) - 1, -1, -1):
        follows[index] = after
        stripped = lines[index].lstrip()
        if stripped:
            after = stripped.startswith("<")
    return follows


@cache
def _markdown() -> markdown_it_pyrs.MarkdownIt:
    return markdown_it_pyrs.MarkdownIt("commonmark").enable_many(
        ["table", "deflist", "sourcepos"])


@cache
def _fallback() -> MarkdownIt:
    """markdown-it-py with raw HTML and tables; its blocks get `data-sourcepos` as
    markdown-it-pyrs writes it (lines only), so later stages read both alike. Imported
    here: few pages need it, and it takes longer to import than most pages to read."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True}).enable("table")

    def stamp(state: StateCore) -> None:
        for token in state.tokens:
            if token.map and token.nesting >= 0 and token.type != "html_block":
                token.attrSet("data-sourcepos", f"{token.map[0] + 1}:1-{token.map[1]}:0")

    md.core.ruler.push("stamp_lines", stamp)
    return md
