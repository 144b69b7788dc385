"""Replies as plain text and Matrix HTML, built together so they always say the same thing.

Everything given to the builder as text is escaped in the HTML and rid of invisible
characters (`bot.text.visible`: a name or title never reaches `body` or `formatted_body` with a
bidi override or a zero-width space); markup only comes from the builder's own methods, never
from data or from what a user typed.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from bot.text import visible


@dataclass(frozen=True)
class Attachment:
    """A file sent with a reply (an .ics calendar, a CSV export)."""

    filename: str
    mimetype: str
    data: bytes


@dataclass(frozen=True)
class Reply:
    """What the bot says: a plain `body` and its `org.matrix.custom.html` twin."""

    plain: str
    html: str
    attachment: Attachment | None = None


def safe_url(url: str) -> str | None:
    """The URL if it is an http(s) or mailto link, else None (no javascript: links)."""
    scheme = urlsplit(url.strip()).scheme.lower()
    return url.strip() if scheme in ("http", "https", "mailto") else None


@dataclass
class Doc:
    """Builds a reply piece by piece; each method appends to the plain and the HTML text."""

    _plain: list[str] = field(default_factory=list)
    _html: list[str] = field(default_factory=list)

    def text(self, value: str) -> Doc:
        value = visible(value)
        self._plain.append(value)
        self._html.append(html.escape(value, quote=False))
        return self

    def bold(self, value: str) -> Doc:
        value = visible(value)
        self._plain.append(value)
        self._html.append(f"<b>{html.escape(value, quote=False)}</b>")
        return self

    def italic(self, value: str) -> Doc:
        value = visible(value)
        self._plain.append(value)
        self._html.append(f"<i>{html.escape(value, quote=False)}</i>")
        return self

    def code(self, value: str) -> Doc:
        value = visible(value)
        self._plain.append(value)
        self._html.append(f"<code>{html.escape(value, quote=False)}</code>")
        return self

    def link(self, value: str, url: str) -> Doc:
        """A link; in plain text the URL follows the label unless they are the same."""
        value, target = visible(value), safe_url(visible(url))
        if target is None:
            return self.text(value)
        self._plain.append(value if value == target else f"{value} ({target})")
        self._html.append(f'<a href="{html.escape(target)}">{html.escape(value, quote=False)}</a>')
        return self

    def br(self) -> Doc:
        self._plain.append("\n")
        self._html.append("<br>")
        return self

    def items(self, entries: list[Doc]) -> Doc:
        """A bulleted list of sub-documents."""
        if not entries:
            return self
        if self._plain and not self._plain[-1].endswith("\n"):
            self._plain.append("\n")
        self._plain.append("\n".join(f"• {e.plain}" for e in entries) + "\n")
        self._html.append("<ul>" + "".join(f"<li>{e.html}</li>" for e in entries) + "</ul>")
        return self

    def extend(self, other: Doc) -> Doc:
        self._plain.extend(other._plain)
        self._html.extend(other._html)
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
        return Reply(self.plain, self.html, attachment)


def say(text: str) -> Reply:
    """A one-line reply with no markup."""
    return Doc().text(text).reply()
