"""Replies as plain text and Matrix HTML, built together so they always say the same thing.

Everything given to the builder as text is escaped in the HTML and rid of invisible
characters (`bot.wording.hygiene.visible`: a name or title never reaches `body` or
`formatted_body` with a bidi override or a zero-width space); markup only comes from the
builder's own methods, never from data or from what a user typed.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from bot.wording.hygiene import visible


@dataclass(frozen=True)
class Attachment:
    """A file sent with a reply (an .ics calendar, a CSV export)."""

    filename: str
    mimetype: str
    data: bytes


@dataclass(frozen=True)
class Item:
    """Where a list item of a reply sits: its start in the plain text and in the HTML, and
    its end in the plain text. A long reply is cut before an item, never inside one."""

    plain_start: int
    html_start: int
    plain_end: int


@dataclass(frozen=True)
class Reply:
    """What the bot says: a plain `body` and its `org.matrix.custom.html` twin; `items` are
    the list items of a reply built with `Doc`, in order."""

    plain: str
    html: str
    attachment: Attachment | None = None
    items: tuple[Item, ...] = field(default=(), compare=False, repr=False)


def safe_url(url: str) -> str | None:
    """The URL if it is an http(s) or mailto link, else None (no javascript: links)."""
    scheme = urlsplit(url.strip()).scheme.lower()
    return url.strip() if scheme in ("http", "https", "mailto") else None


@dataclass
class Doc:
    """Builds a reply piece by piece; each method appends to the plain and the HTML text."""

    _plain: list[str] = field(default_factory=list)
    _html: list[str] = field(default_factory=list)
    _items: list[Item] = field(default_factory=list)
    """Each top-level list item, as offsets in the joined `_plain` and `_html`."""
    _plain_length: int = 0
    _html_length: int = 0

    def _add(self, plain: str, markup: str) -> Doc:
        self._plain.append(plain)
        self._html.append(markup)
        self._plain_length += len(plain)
        self._html_length += len(markup)
        return self

    def text(self, value: str) -> Doc:
        value = visible(value)
        return self._add(value, html.escape(value, quote=False))

    def bold(self, value: str) -> Doc:
        value = visible(value)
        return self._add(value, f"<b>{html.escape(value, quote=False)}</b>")

    def italic(self, value: str) -> Doc:
        value = visible(value)
        return self._add(value, f"<i>{html.escape(value, quote=False)}</i>")

    def code(self, value: str) -> Doc:
        value = visible(value)
        return self._add(value, f"<code>{html.escape(value, quote=False)}</code>")

    def link(self, value: str, url: str) -> Doc:
        """A link; in plain text the URL follows the label unless they are the same."""
        value, target = visible(value), safe_url(visible(url))
        if target is None:
            return self.text(value)
        return self._add(value if _same_address(value, target) else f"{value} ({target})",
                         f'<a href="{html.escape(target)}">{html.escape(value, quote=False)}</a>')

    def br(self) -> Doc:
        return self._add("\n", "<br>")

    def items(self, entries: list[Doc]) -> Doc:
        """A bulleted list of sub-documents."""
        if not entries:
            return self
        if self._plain and not self._plain[-1].endswith("\n"):
            self._add("\n", "")
        self._add("", "<ul>")
        for entry in entries:
            plain_start, html_start = self._plain_length, self._html_length
            self._add(f"• {entry.plain}\n", f"<li>{entry.html}</li>")
            self._items.append(Item(plain_start, html_start, self._plain_length - 1))
        return self._add("", "</ul>")

    def extend(self, other: Doc) -> Doc:
        self._items.extend(Item(item.plain_start + self._plain_length,
                                item.html_start + self._html_length,
                                item.plain_end + self._plain_length) for item in other._items)
        for plain, markup in zip(other._plain, other._html, strict=True):
            self._add(plain, markup)
        return self

    @property
    def plain(self) -> str:
        return "".join(self._plain).strip("\n")

    @property
    def html(self) -> str:
        body = "".join(self._html)
        while body.endswith("<br>"):
            body = body[: -len("<br>")]
        return body

    def reply(self, attachment: Attachment | None = None) -> Reply:
        joined = "".join(self._plain)
        lead = len(joined) - len(joined.lstrip("\n"))  # `plain` drops leading new lines
        items = tuple(Item(max(0, item.plain_start - lead), item.html_start,
                           item.plain_end - lead) for item in self._items)
        return Reply(self.plain, self.html, attachment, items)


def prefixed(note: Doc, reply: Reply) -> Reply:
    """`reply` with `note` on a line before it."""
    head = note.br()
    plain, markup = head.plain + "\n", head.html + "<br>"
    items = tuple(Item(item.plain_start + len(plain), item.html_start + len(markup),
                       item.plain_end + len(plain)) for item in reply.items)
    return Reply(plain + reply.plain, markup + reply.html, reply.attachment, items)


def say(text: str) -> Reply:
    """A one-line reply with no markup."""
    return Doc().text(text).reply()


def _same_address(label: str, url: str) -> bool:
    """Whether a link's label is its address, written without its scheme or final slash
    ('francetravail.io' for 'https://francetravail.io/')."""
    def bare(text: str) -> str:
        return re.sub(r"^(?:[a-z]+://)?(?:www\.)?|/$", "", text.strip().lower())
    return bare(label) == bare(url)
