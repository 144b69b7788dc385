"""Blocks stage: the DOM read into blocks, each with the source lines it comes from.

Every element becomes what a reader sees: headings, paragraphs, lists of items, tables laid
on a grid (rowspan and colspan expanded), quotes, code, rules, definition lists, and groups
(a `<div>` or `<section>` holding several blocks). Inline content becomes lines of marked
spans (bold, italics, links), cut where the page cuts them: a `<br>` or a hard break is a
'hard' cut, a newline of the source a 'soft' one (a browser shows it as a space; the rows
stage decides). A code block whose text is HTML (Franklin's `~~~` raw-HTML fences, HTML
pasted in an indented block) is read as HTML too. Nothing is decided here about sessions.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import replace

from selectolax.lexbor import LexborNode

from bot.loaders.page.dom import (
    COMMENT,
    DEEPEST,
    TEXT,
    Dom,
    LineCursor,
    last_line,
    parse_html,
)
from bot.loaders.page.grid import grid, has_blocks, lines_of, span_of
from bot.loaders.page.inline import BLOCK_TAGS, InlineReader
from bot.loaders.page.render import render_fragment
from bot.loaders.page.tabbed import INNER_TAB, tabbed_table
from bot.loaders.page.values import Block, Cell, Line, Span

_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HTML_CODE = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:h[1-6]|table|div|section|ul|ol|p|dl)\b",
                        re.IGNORECASE | re.DOTALL)
_MARKDOWN_START = re.compile(r"^ {0,3}(?:[*+-]|\d{1,3}[.)]|#{1,6})[ \t]+\S")
"""A source line that starts a Markdown list item or heading."""
_STAMP = re.compile(r' data-line="\d+"')
"""The render stage's stamp, shown in a code block's text when the code is HTML."""
_TIME = r"\s*\W{0,3}(?:[01]?\d|2[0-3])\s?(?:[:h.][0-5]\d|h\b)"
_ITEM_OR_TIME = re.compile(rf"\s*(?:[*+-]|\d{{1,3}}[.)])\s+\S|{_TIME}")
"""A source line that starts a list item or a time ('- Accueil', '09:00–09:30 Welcome')."""
_TIMED_ITEM = re.compile(rf"\s*(?:[*+-]\s)?{_TIME}")
"""A source line that starts with a time, in a list item or not ('- 18h00 : Soirée')."""
_MOSTLY = 0.6


def read_blocks(dom: Dom, source_lines: list[str]) -> tuple[Block, ...]:
    """The blocks of a parsed page; `source_lines` are the file's lines (to tell a fenced
    code block's first line, and Markdown written inside an HTML block)."""
    if dom.body is None:
        return ()
    return tuple(Walker(source_lines).blocks(dom.body))


class Walker:
    """Walks the DOM in document order, keeping the source line (`LineCursor`)."""

    def __init__(self, source_lines: list[str], origin: str = "markdown",
                 first_line: int = 1, depth: int = 0) -> None:
        self.source = source_lines
        self.depth = depth
        """How many containers deep the walk is (see `DEEPEST`)."""
        self.cursor = LineCursor(first_line)
        self.inline = InlineReader(self.cursor)
        self.origin = origin
        self.last_term = 0

    # --- blocks ---------------------------------------------------------------------

    def blocks(self, parent: LexborNode) -> list[Block]:
        """The blocks of a container; runs of inline content become paragraphs (all of
        its content, in a container nested deeper than `DEEPEST`)."""
        out: list[Block] = []
        run: list[LexborNode] = []
        raw = "data-sourcepos" not in parent.attributes  # not made by the Markdown renderer
        flat = self.depth >= DEEPEST
        self.depth += 1
        child = parent.child
        while child is not None:
            if child.tag in BLOCK_TAGS and not flat:
                if run:
                    out.extend(self._paragraph(run, raw))
                    run = []
                out.extend(self.block(child))
            else:
                run.append(child)
            child = child.next
        if run:
            out.extend(self._paragraph(run, raw))
        self.depth -= 1
        return out

    def block(self, node: LexborNode) -> list[Block]:
        tag = node.tag
        attrs = node.attributes
        line = self.cursor.enter(attrs)
        origin = self.origin if "data-sourcepos" in attrs or self.origin != "markdown" \
            else "html"
        if tag in _HEADINGS:
            lines = self.inline.lines(node)
            return [Block("heading", line, self.end(attrs), lines, level=_HEADINGS[tag],
                          origin=origin)]
        if tag == "p":
            lines = self.inline.lines(node)
            return [_as_read(Block("paragraph", line, self.end(attrs), lines, origin=origin))] \
                if lines else []
        if tag in ("ul", "ol"):
            items = [b for b in self._items(node)]
            return [Block("list", line, self.end(attrs), children=tuple(items),
                          ordered=tag == "ol", origin=origin)]
        if tag == "li":
            return self._items_of([node])
        if tag == "table":
            return [self._table(node, line, origin)]
        if tag == "blockquote":
            return [Block("quote", line, self.end(attrs), children=tuple(self.blocks(node)),
                          origin=origin)]
        if tag == "pre":
            inner = node.child
            if inner is not None and inner.tag == "code":  # markdown-it stamps the <code>
                line = self.cursor.enter(inner.attributes)
            return [self._code(node, line)]
        if tag == "hr":
            return [Block("rule", line, line, origin=origin)]
        if tag == "dl":
            return [Block("terms", line, self.end(attrs), children=tuple(self._terms(node)),
                          origin=origin)]
        if tag in ("dt", "dd"):
            return list(self._terms_of([node]))
        children = self.blocks(node)
        if len(children) <= 1 or tag in ("td", "th", "tr", "tbody", "thead", "tfoot"):
            return children
        return [Block("group", line, self.end(attrs), children=tuple(children), tag=tag,
                      classes=attrs.get("class") or "", origin=origin)]

    def _paragraph(self, run: list[LexborNode], raw: bool = False) -> list[Block]:
        """Inline content outside any paragraph (a tight list item, text in a div). Text
        left inside an HTML block whose source lines are Markdown blocks (a list or a
        heading written right under a tag, as kramdown pages do) is rendered as Markdown."""
        start = self.cursor.line
        lines = self.inline.lines_of(run)
        if not lines:
            return []
        end = self.cursor.line
        if raw and self.origin == "markdown":
            first = next((ln for ln in lines if 0 < ln.number <= len(self.source)
                          and _MARKDOWN_START.match(self.source[ln.number - 1])), None)
            if first is not None:
                before = tuple(ln for ln in lines if ln.number < first.number)
                head = [Block("paragraph", before[0].number, first.number - 1, before,
                              origin="html")] if before else []
                return head + self._markdown(first.number, end)
        return [_as_read(Block("paragraph", lines[0].number or start, end, lines,
                               origin=self.origin if self.origin != "markdown" else "html"
                               if raw else "markdown"))]

    def _markdown(self, first: int, last: int) -> list[Block]:
        """Source lines `first`..`last` rendered as Markdown, read as blocks."""
        html = render_fragment(self.source[first - 1:last], first)
        inner = Walker(self.source, "markdown-in-html", first, self.depth)
        return [replace(b, origin="markdown-in-html") for b in
                inner.blocks(parse_html(html).body)]

    def _items(self, node: LexborNode) -> list[Block]:
        return self._parts(node, ("li",), self._items_of, nested=True)

    def _parts(self, node: LexborNode, tags: tuple[str, ...], read, nested: bool = False
               ) -> list[Block]:
        """The blocks of the children of `node` whose tag is one of `tags`, read by `read`;
        text between them moves the line cursor; with `nested`, a block written straight
        in a list (bad HTML) is read too."""
        out: list[Block] = []
        child = node.child
        while child is not None:
            if child.tag in tags:
                out.extend(read([child]))
            elif child.tag == TEXT:
                self.cursor.text(child.text_content or "")
            elif nested and child.tag in BLOCK_TAGS:
                out.extend(self.block(child))
            child = child.next
        return out

    def _items_of(self, nodes: list[LexborNode]) -> list[Block]:
        out = []
        for item in nodes:
            attrs = item.attributes
            line = self.cursor.enter(attrs)
            out.append(Block("item", line, self.end(attrs), children=tuple(self.blocks(item)),
                             origin=self.origin))
        return out

    def _terms(self, node: LexborNode) -> list[Block]:
        return self._parts(node, ("dt", "dd"), self._terms_of)

    def _terms_of(self, nodes: list[LexborNode]) -> list[Block]:
        out = []
        for node in nodes:
            attrs = node.attributes
            line = self.cursor.enter(attrs)
            if node.tag == "dd" and self.last_term and line <= self.last_term:
                line = self.cursor.line = self.last_term + 1  # pyrs puts it on the term
            if node.tag == "dt":
                self.last_term = line
                out.append(Block("term", line, self.end(attrs), self.inline.lines(node)))
            else:
                out.append(Block("definition", line, self.end(attrs),
                                 children=tuple(self.blocks(node))))
        return out

    def _code(self, node: LexborNode, line: int) -> Block:
        text = node.text(deep=True)
        if 0 < line <= len(self.source) and _FENCE.match(self.source[line - 1]):
            line += 1  # a fenced block's text starts under its opening fence
        self.cursor.line = line + text.count("\n")
        raw = text[:-1] if text.endswith("\n") else text
        lines = tuple(Line(line + i, (Span(_STAMP.sub("", t)),), "hard" if i else "")
                      for i, t in enumerate(raw.split("\n")) if t.strip())
        children: tuple[Block, ...] = ()
        if _HTML_CODE.match(text):
            inner = Walker(self.source, "code-html", line, self.depth)
            children = tuple(inner.blocks(parse_html(text).body))
        elif not _language(node) and (_written_as_lines(raw) or _tab_separated(raw)):
            # a list or timed lines indented or fenced by mistake: read as the Markdown it is
            html = render_fragment(textwrap.dedent(raw).split("\n"), line)
            inner = Walker(self.source, "markdown-in-code", line, self.depth)
            children = tuple(inner.blocks(parse_html(html).body))
        return Block("code", line, line + max(0, raw.count("\n")), lines, children=children,
                     origin=self.origin)

    def end(self, attrs: dict[str, str | None]) -> int:
        end = last_line(attrs)
        return end if end is not None else self.cursor.line

    # --- tables ---------------------------------------------------------------------

    def _table(self, node: LexborNode, line: int, origin: str) -> Block:
        raw: list[tuple[int, list[Cell], bool]] = []
        caption: list[Line] = []
        self._table_part(node, raw, caption, header=False)
        rows = grid(raw)
        return Block("table", line, self.end(node.attributes), tuple(caption), rows=rows,
                     origin=origin)

    def _table_part(self, node: LexborNode, raw: list, caption: list[Line],
                    header: bool) -> None:
        child = node.child
        while child is not None:
            tag = child.tag
            if tag in ("thead", "tbody", "tfoot"):
                self.cursor.enter(child.attributes)
                self._table_part(child, raw, caption, header=tag == "thead")
            elif tag == "tr":
                line = self.cursor.enter(child.attributes)
                raw.append((line, self._cells(child), header))
            elif tag == "caption":
                self.cursor.enter(child.attributes)
                caption.extend(self.inline.lines(child))
            elif tag == TEXT:
                self.cursor.text(child.text_content or "")
            elif tag == COMMENT:
                self.cursor.text(child.comment_content or "")
            child = child.next

    def _cells(self, row: LexborNode) -> list[Cell]:
        cells = []
        child = row.child
        while child is not None:
            tag = child.tag
            if tag in ("td", "th"):
                attrs = child.attributes
                line = self.cursor.enter(attrs)
                if has_blocks(child):
                    blocks = tuple(self.blocks(child))
                    lines = tuple(ln for b in blocks for ln in lines_of(b))
                else:
                    blocks, lines = (), self.inline.lines(child)
                cells.append(Cell(line, lines, tag == "th", blocks, span_of(attrs, "rowspan"),
                                  span_of(attrs, "colspan")))
            elif tag == TEXT:
                self.cursor.text(child.text_content or "")
            elif tag == COMMENT:
                self.cursor.text(child.comment_content or "")
            child = child.next
        return cells


def _as_read(paragraph: Block) -> Block:
    """A paragraph as a reader sees it: tab-separated lines are a table."""
    return tabbed_table(paragraph) or paragraph


def _language(pre: LexborNode) -> str:
    """The language a fenced block names (```yaml): its code is code, whatever it holds."""
    code = pre.child
    classes = (code.attributes.get("class") or "") if code is not None else ""
    return classes if "language-" in classes else ""


def _tab_separated(text: str) -> bool:
    """Most lines of a code block are cut by tabs between words: rows of a spreadsheet
    pasted as they were (a Makefile's tabs start its lines)."""
    lines = [line for line in text.split("\n") if line.strip()]
    cut = sum(1 for line in lines if INNER_TAB.search(line))
    return len(lines) >= 2 and cut >= _MOSTLY * len(lines)


def _written_as_lines(text: str) -> bool:
    """Most lines of a code block are list items or start with a time, or its one line
    starts with a time: a programme indented by four spaces or put in a fence, not code."""
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) == 1:
        return bool(_TIMED_ITEM.match(lines[0]))
    items = sum(1 for line in lines if _ITEM_OR_TIME.match(line))
    return len(lines) >= 2 and items >= _MOSTLY * len(lines)
