"""A page body as a tree of blocks: headings, paragraphs, nested lists, tables, quotes.

The Markdown is parsed with a CommonMark parser (markdown-it-py, with GFM tables), so
setext headings, wrapped bullets, headings inside bullets and tables without leading pipes
read as Markdown means them. HTML blocks are read with a real HTML parser: their headings,
tables (several bodies, cells holding only a non-breaking space) and text become blocks
too. Every block keeps the line of the file it starts on; inline text stays Markdown
source, for the date and talk grammar to read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from markdown_it import MarkdownIt
from markdown_it.token import Token

_MARKDOWN = MarkdownIt("commonmark").enable("table").disable(["inline", "text_join"])
"""Block structure only: inline text stays Markdown source for the grammar to read, so the
inline pass (half the parsing time) is not run."""
_ENDS_A_LINE = re.compile(r"^(?:\*\*[^*]+\*\*|__[^_]+__|\*[^*]+\*)\s*[:.]?$|.*[:]$")
"""A line all in bold (or italics), or ending with ':', is complete: the next is another line."""
_BR = re.compile(r"<br\s*/?>", re.I)
_STARTS_A_LINE = re.compile(r"^(?:Avec|Par|With|By|Speakers?|Intervenant)\b|^[*_][^*_]")
"""A line that starts a credit or an emphasis is a line of its own, not a wrapped one."""


@dataclass
class Block:
    """One block of the page. `kind` is heading, paragraph, list, item, table or quote;
    `text` is the inline Markdown of a heading or paragraph; `rows` the cells of a table,
    each row with its line."""

    kind: str
    line: int
    text: str = ""
    level: int = 0
    ordered: bool = False
    children: list[Block] = field(default_factory=list)
    rows: list[tuple[int, list[str]]] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The text's logical lines: a `<br>` ends a line, and so does a soft line break
        after a line that is all bold (a title over its description); any other soft
        break only wraps a long line."""
        lines: list[str] = []
        for raw in self.text.split("\n"):
            parts = [p.strip() for p in _BR.split(raw)]
            head, rest = parts[0], parts[1:]
            if (
                head
                and lines
                and not _ENDS_A_LINE.match(lines[-1])
                and not _STARTS_A_LINE.match(head)
            ):
                lines[-1] = f"{lines[-1]} {head}"
            elif head:
                lines.append(head)
            lines.extend(p for p in rest if p)
        return lines


def parse_document(body: str, first_line: int = 1) -> list[Block]:
    """The blocks of a Markdown body whose first line is line `first_line` of the file."""
    tokens = _MARKDOWN.parse(body)
    blocks, _ = _blocks(tokens, 0, first_line, None)
    return blocks


def _blocks(
    tokens: list[Token], index: int, first_line: int, closing: str | None
) -> tuple[list[Block], int]:
    """Blocks from `tokens[index:]` up to the token of type `closing`, and the index after it."""
    found: list[Block] = []
    while index < len(tokens):
        token = tokens[index]
        line = first_line + (token.map[0] if token.map else 0)
        if token.type == closing:
            return found, index + 1
        if token.type == "heading_open":
            found.append(Block("heading", line, tokens[index + 1].content, int(token.tag[1])))
            index += 3
        elif token.type == "paragraph_open":
            found.append(Block("paragraph", line, tokens[index + 1].content))
            index += 3
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            items, index = _blocks(
                tokens, index + 1, first_line, token.type.replace("open", "close")
            )
            found.append(
                Block("list", line, ordered=token.type.startswith("ordered"), children=items)
            )
        elif token.type == "list_item_open":
            children, index = _blocks(tokens, index + 1, first_line, "list_item_close")
            found.append(Block("item", line, children=children))
        elif token.type == "blockquote_open":
            children, index = _blocks(tokens, index + 1, first_line, "blockquote_close")
            found.append(Block("quote", line, children=children))
        elif token.type == "table_open":
            rows, index = _table(tokens, index + 1, first_line)
            found.append(Block("table", line, rows=rows))
        elif token.type == "html_block":
            found.extend(_html_then_markdown(token.content, line))
            index += 1
        else:
            index += 1
    return found, index


def _table(
    tokens: list[Token], index: int, first_line: int
) -> tuple[list[tuple[int, list[str]]], int]:
    rows: list[tuple[int, list[str]]] = []
    while tokens[index].type != "table_close":
        token = tokens[index]
        if token.type == "tr_open":
            rows.append((first_line + (token.map[0] if token.map else 0), []))
        elif token.type == "inline" and rows:
            rows[-1][1].append(token.content.strip())
        index += 1
    return rows, index + 1


def _html_then_markdown(source: str, line: int) -> list[Block]:
    """An HTML block runs to the next blank line, so Markdown written right under a tag
    ('<div><h2>Programme</h2></div>' then '* 9h : …') belongs to it: from the first line
    that is not a tag on, the block is read as Markdown again."""
    lines = source.split("\n")
    cut = next(
        (i for i, text in enumerate(lines) if text.strip() and not text.lstrip().startswith("<")),
        len(lines),
    )
    found = html_blocks("\n".join(lines[:cut]), line)
    if cut < len(lines):
        found.extend(parse_document("\n".join(lines[cut:]), line + cut))
    return found


def html_blocks(source: str, first_line: int) -> list[Block]:
    """The headings, tables and text of an HTML fragment, as blocks with their lines."""
    reader = _HtmlReader(first_line)
    reader.feed(source)
    reader.close()
    reader.flush()
    return reader.blocks


class _HtmlReader(HTMLParser):
    """HTML to blocks: text keeps links as [text](url) and bold as **text**."""

    _SKIPPED = frozenset({"style", "script", "iframe"})
    _BLOCKS = frozenset(
        {"p", "div", "li", "ul", "ol", "section", "article", "center", "blockquote"}
    )

    def __init__(self, first_line: int) -> None:
        super().__init__(convert_charrefs=True)
        self.first_line = first_line
        self.blocks: list[Block] = []
        self.text: list[str] = []
        self.text_line = first_line
        self.heading: int | None = None
        self.rows: list[tuple[int, list[str]]] | None = None
        self.cell: list[str] | None = None
        self.href: list[str | None] = []
        self.skipping = 0

    def _line(self) -> int:
        return self.first_line + self.getpos()[0] - 1

    def _out(self, text: str) -> None:
        target = self.cell if self.cell is not None else self.text
        if not target and not text.strip():
            return
        if not target and self.cell is None:
            self.text_line = self._line()
        target.append(text)

    def flush(self) -> None:
        text = "".join(self.text).strip()
        if text:
            kind = "heading" if self.heading else "paragraph"
            self.blocks.append(Block(kind, self.text_line, text, self.heading or 0))
        self.text = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIPPED:
            self.skipping += 1
        elif re.fullmatch(r"h[1-6]", tag):
            self.flush()
            self.heading = int(tag[1])
        elif tag == "table":
            self.flush()
            self.rows = []
        elif tag == "tr" and self.rows is not None:
            self.rows.append((self._line(), []))
        elif tag in ("td", "th") and self.rows is not None:
            self.cell = []
        elif tag == "a":
            self.href.append(dict(attrs).get("href"))
            if self.href[-1]:
                self._out("[")
        elif tag in ("b", "strong"):
            self._out("**")
        elif tag == "br":
            self._out("<br>")
        elif tag in self._BLOCKS and self.cell is None:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif re.fullmatch(r"h[1-6]", tag):
            self.flush()
            self.heading = None
        elif tag in ("td", "th") and self.cell is not None and self.rows:
            self.rows[-1][1].append("".join(self.cell).replace("\xa0", " ").strip())
            self.cell = None
        elif tag == "table" and self.rows is not None:
            rows = [row for row in self.rows if row[1]]
            if rows:
                self.blocks.append(Block("table", rows[0][0], rows=rows))
            self.rows = None
        elif tag == "a" and self.href:
            href = self.href.pop()
            self._out(f"]({href})" if href else "]")
        elif tag in ("b", "strong"):
            self._out("**")
        elif tag in self._BLOCKS and self.cell is None:
            self.flush()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self._out(data)
