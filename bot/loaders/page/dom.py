"""DOM stage: the rendered HTML parsed by an HTML5 parser (selectolax, lexbor backend).

An HTML5 parser builds the tree a browser builds: an HTML table interrupted by Markdown
blocks stays one table, a `<td>` never closed ends at the next `<td>` or `</tr>`, text
written straight inside `<tr>` is moved out before the table. lexbor gives no source
positions, so lines come from the stamps the render stage wrote (`data-line`,
`data-sourcepos`) and, between stamps, from the newlines of the text: `LineCursor`.
Only block elements' stamps are used: markdown-it-pyrs 0.4 misplaces the `data-sourcepos`
of inline elements on indented continuation lines (`<strong data-sourcepos="34:23-…">`
for a `**…**` that starts line 35), while its block positions are right.
"""

from __future__ import annotations

from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

TEXT = "-text"
COMMENT = "-comment"
DEEPEST = 32
"""How deep the stages read nested elements as blocks and marks; deeper content is read as
the text of its element. No page nests lists, quotes or divisions so deep, and every stage
that walks the tree recurses, so a hostile page nested 100,000 deep would exhaust the
stack."""


@dataclass(frozen=True)
class Dom:
    """The parsed page: its <body>, and the parser that built it."""

    body: LexborNode | None
    parser: str = "selectolax/lexbor"


def parse_html(html: str) -> Dom:
    """The DOM of a rendered page (or of an HTML fragment found in a code block)."""
    return Dom(LexborHTMLParser(html).body)


def stamped_line(attributes: dict[str, str | None]) -> int | None:
    """The source line an element was stamped with: `data-line="12"`
    raw HTML) or `data-sourcepos="12:1-14:3"` (markdown-it-pyrs)."""
    value = attributes.get("data-line") or attributes.get("data-sourcepos")
    if not value:
        return None
    head = value.split(":", 1)[0]
    return int(head) if head.isdigit() else None


def last_line(attributes: dict[str, str | None]) -> int | None:
    """The last source line of an element stamped by markdown-it-pyrs, if it says."""
    value = attributes.get("data-sourcepos")
    if not value or "-" not in value:
        return None
    tail = value.rsplit("-", 1)[1].split(":", 1)[0]
    return int(tail) if tail.isdigit() else None


class LineCursor:
    """The source line of the walk: reset by each stamped element, moved on by the newlines
    of each text node (raw HTML is copied to the page line for line, so the newlines of
    its whitespace say where unstamped elements are)."""

    def __init__(self, line: int = 1) -> None:
        self.line = line

    def enter(self, attributes: dict[str, str | None]) -> int:
        stamped = stamped_line(attributes)
        if stamped is not None:
            self.line = stamped
        return self.line

    def enter_raw(self, attributes: dict[str, str | None]) -> int:
        """Like `enter`, for an inline element: only a raw-HTML stamp (`data-line`) counts."""
        value = attributes.get("data-line")
        if value and value.isdigit():
            self.line = int(value)
        return self.line

    def text(self, text: str) -> int:
        """The line a text starts on; the cursor moves past its newlines."""
        start = self.line
        self.line += text.count("\n")
        return start
