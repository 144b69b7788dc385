"""Inline content of a block read into lines of marked spans, cut where the page cuts.

A `<br>` (or a Markdown hard break: two trailing spaces, a backslash) is a 'hard' cut; a
newline of the source is a 'soft' one (a browser shows a space; the rows stage decides
whether it starts an item). Bold, italics, code and links are marks on the spans.
"""

from __future__ import annotations

from dataclasses import dataclass

from selectolax.lexbor import LexborNode

from bot.loaders.page.dom import COMMENT, DEEPEST, TEXT, LineCursor
from bot.loaders.page.values import Line, Span

BLOCK_TAGS = frozenset({"p", "ul", "ol", "li", "table", "blockquote", "pre", "hr", "dl", "dt",
                        "dd", "caption", "thead", "tbody", "tfoot", "tr", "td", "th", "h1",
                        "h2", "h3", "h4", "h5", "h6", "div", "section", "article", "details",
                        "figure", "center", "main", "header", "footer", "nav", "aside", "form",
                        "fieldset", "address", "dialog", "summary", "figcaption", "body"})
"""Elements that are blocks: inside inline content they cut the line."""
SKIPPED = frozenset({"script", "style", "iframe", "template", "noscript", "svg", "head",
                     "object", "video", "audio", "select", "textarea"})
"""Elements whose content is not text a reader reads."""
_NO_FIELD = frozenset({TEXT, COMMENT, "a", "br", "img"})
_MARKS = {"strong": "strong", "b": "strong", "em": "em", "i": "em", "cite": "em",
          "code": "code", "kbd": "code", "tt": "code", "del": "del", "s": "del",
          "strike": "del", "u": "u", "ins": "u", "mark": "mark"}
_NEVER_FIELDS = _NO_FIELD | _MARKS.keys() | BLOCK_TAGS
"""Tags `_styled` reads as no field: after no field, `field` need not be asked of them
(most nodes of a page: text, marks, links)."""
_NO_MARKS: frozenset[str] = frozenset()


class LineBuilder:
    """Builds the lines of one inline run: spans, cut by hard and soft breaks."""

    def __init__(self, number: int) -> None:
        self.lines: list[Line] = []
        self.spans: list[Span] = []
        self.number = number
        self.brk = ""
        self.started = False

    def add(self, text: str, marks: frozenset[str], href: str | None, number: int) -> None:
        if not text:
            return
        if not self.started and text.strip():
            self.started, self.number = True, number
        self.spans.append(Span(text, marks, href))

    def cut(self, kind: str, number: int) -> None:
        if self.started:
            self.lines.append(Line(self.number, tuple(self.spans), self.brk))
            self.brk = kind
        elif kind == "hard" or not self.brk:
            self.brk = kind if self.lines else ""
        self.spans, self.started, self.number = [], False, number

    def done(self) -> tuple[Line, ...]:
        self.cut("", self.number)
        return tuple(self.lines)


class InlineReader:
    """Reads inline nodes into `Line`s, moving the walk's `LineCursor` along."""

    def __init__(self, cursor: LineCursor) -> None:
        self.cursor = cursor

    def lines(self, node: LexborNode) -> tuple[Line, ...]:
        nodes = []
        child = node.child
        while child is not None:
            nodes.append(child)
            child = child.next
        return self.lines_of(nodes)

    def lines_of(self, nodes: list[LexborNode]) -> tuple[Line, ...]:
        lines = LineBuilder(self.cursor.line)
        before: _Field | None = None
        for node in nodes:
            if before is not None or node.tag not in _NEVER_FIELDS:
                before = self.field(before, node, lines)
            self.run(node, lines, _NO_MARKS, None)
        return lines.done()

    def field(self, before: _Field | None, node: LexborNode, lines: LineBuilder) -> _Field | None:
        """Two styled inline elements side by side, nothing between them
        (`<span class="time">10:15</span><span class="title">…`), are fields a page lays
        out apart: a hard cut between them, not one word 'contributionLéa'; so are two of
        the same first class with only a space between them, items of one list (`<span
        class="badge bg-primary">Ana Ruiz</span> <span class="badge bg-warning">Tom
        Berg</span>`: a badge of another colour). Returns the
        field `node` is, or the one before it kept over a space."""
        styled = _styled(node)
        if styled:
            if before is not None and (not before.spaced or before.kind == styled.split()[0]):
                lines.cut("hard", self.cursor.line)
            return _Field(styled.split()[0])
        if before is not None and node.tag == TEXT and not (node.text_content or "").strip():
            return _Field(before.kind, spaced=True)
        return None

    def run(self, node: LexborNode, lines: LineBuilder, marks: frozenset[str],
            href: str | None, depth: int = 0) -> None:
        tag = node.tag
        if tag == TEXT:
            self.text(node.text_content or "", lines, marks, href)
        elif tag == "br":
            lines.cut("hard", self.cursor.enter_raw(node.attributes))
        elif tag == COMMENT:
            self.cursor.text(node.comment_content or "")
        elif tag in SKIPPED or tag == "img":
            self.cursor.enter_raw(node.attributes)
            self.cursor.text(node.text(deep=True) if tag in SKIPPED else "")
        elif depth >= DEEPEST:
            self.text(node.text(deep=True), lines, marks, href)
        else:
            attrs = node.attributes
            if tag in BLOCK_TAGS:
                self.cursor.enter(attrs)
                lines.cut("hard", self.cursor.line)
            else:  # markdown-it-pyrs' inline positions are not trusted (see dom.py)
                self.cursor.enter_raw(attrs)
            mark = _MARKS.get(tag)
            if mark:
                marks = marks | {mark}
            if tag == "a" and attrs.get("href"):
                href = attrs["href"]
            child, before = node.child, None
            while child is not None:
                if before is not None or child.tag not in _NEVER_FIELDS:
                    before = self.field(before, child, lines)
                self.run(child, lines, marks, href, depth + 1)
                child = child.next
            if tag in BLOCK_TAGS:
                lines.cut("hard", self.cursor.line)

    def text(self, text: str, lines: LineBuilder, marks: frozenset[str],
             href: str | None) -> None:
        """A text, cut at its newlines (soft breaks)."""
        if "\n" not in text:
            lines.add(text, marks, href, self.cursor.line)
            return
        parts = text.split("\n")
        lines.add(parts[0], marks, href, self.cursor.line)
        for part in parts[1:]:
            self.cursor.line += 1
            lines.cut("soft", self.cursor.line)
            lines.add(part, marks, href, self.cursor.line)


@dataclass(frozen=True)
class _Field:
    """A styled inline element just read: its first class (what it is; the others style
    it), and whether a space followed it."""

    kind: str
    spaced: bool = False


def _styled(node: LexborNode) -> str:
    """The classes of an inline element that is no mark, link or break, a field of a card;
    '' for any other node."""
    tag = node.tag
    if tag in _NEVER_FIELDS:
        return ""
    return node.attributes.get("class") or ""
