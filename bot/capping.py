"""Long answers cut to a length a busy room can take, the rest offered in a direct chat.

The cut falls between list items, never inside one, so the HTML stays well formed and the
plain text and the HTML keep the same items. Only `Doc` output is cut: its HTML is text,
`<br>`, inline tags and `<ul><li>` lists, which `html.parser` walks reliably.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser

from bot.i18n import pick
from bot.replies import Doc, Reply

BULLET = "• "


def cap_reply(reply: Reply, max_chars: int, lang: str) -> Reply:
    """`reply` if its plain text fits in `max_chars`, else its first list items that fit,
    followed by "… et N autres : demandez-moi en message direct"."""
    if len(reply.plain) <= max_chars:
        return reply
    cut = _ItemCutter(max_chars)
    cut.feed(reply.html)
    cut.close()
    hidden = cut.total_items - cut.kept_items
    if hidden <= 0:  # one long paragraph: nothing to cut between, send it whole
        return reply
    note = Doc().italic(pick(lang, f"… et {hidden} autres : demandez-moi en message direct.",
                             f"…and {hidden} more: ask me in a direct chat."))
    plain = _plain_items(reply.plain, cut.kept_items)
    return Reply(f"{plain}\n{note.plain}", cut.html() + note.html, reply.attachment)


def _plain_items(plain: str, keep: int) -> str:
    """The plain text up to (not including) its bullet line number `keep` + 1."""
    lines: list[str] = []
    seen = 0
    for line in plain.split("\n"):
        if line.startswith(BULLET):
            seen += 1
            if seen > keep:
                break
        lines.append(line)
    return "\n".join(lines).rstrip("\n")


class _ItemCutter(HTMLParser):
    """Copies the HTML until the text would pass the budget, stopping after a whole `<li>`;
    counts every `<li>` to say how many were left out."""

    def __init__(self, budget: int) -> None:
        super().__init__(convert_charrefs=True)
        self.budget = budget
        self.length = 0
        self.total_items = 0
        self.kept_items = 0
        self.stopped = False
        self._out: list[str] = []
        self._open: list[str] = []
        self._item_start = 0  # position in _out where the current <li> began

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "li":
            self.total_items += 1
            if not self.stopped:
                self._item_start = len(self._out)
        if self.stopped:
            return
        rendered = "".join(f' {name}="{html.escape(value or "")}"' for name, value in attrs)
        self._out.append(f"<{tag}{rendered}>")
        if tag != "br":
            self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.stopped or tag == "br":
            return
        if self._open and self._open[-1] == tag:
            self._open.pop()
        self._out.append(f"</{tag}>")
        if tag == "li":
            if self.length > self.budget:
                # This item went past the budget: drop it, close what is open, stop.
                del self._out[self._item_start:]
                self.stopped = True
            else:
                self.kept_items += 1

    def handle_data(self, data: str) -> None:
        if self.stopped:
            return
        self.length += len(data)
        self._out.append(html.escape(data, quote=False))

    def html(self) -> str:
        if self.stopped:
            while self._open and self._open[-1] != "ul":
                self._open.pop()
        return "".join(self._out) + "".join(f"</{tag}>" for tag in reversed(self._open))
