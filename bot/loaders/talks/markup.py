"""Markdown and HTML inline text made plain, with the links it held."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from functools import lru_cache

from bot.programme.model import Link

_LINK = re.compile(r"\[([^\]]*+)\]\(((?:[^()\s]++|\([^()\s]*+\))*+|\{\{[<%][^{}()<>%]*+[>%]\}\})"
                   r"(?:\s+\"[^\"]*\")?\)")
"""A Markdown link; its URL may hold balanced parentheses ('.../Lyon_(ville)'), or be a
Hugo shortcode ('{{< ref "/speakers/jane-doe.md" >}}'). The runs are possessive: giving a
character back could never let the rest match, and not trying makes the scan of a URL
three times faster."""
_SHORTCODE_PATH = re.compile(r"^\{\{[<%]\s*(?:rel)?ref\s+\"?(?P<path>[^\"\s]+)")
"""The page a Hugo 'ref' or 'relref' shortcode links to."""
_TAGS = re.compile(r"<[^>]+>")
"""A tag; run only up to the text's last '>' (see `_without_tags`)."""
_EMPHASIS = re.compile(r"\*\**|_(?<!\w_)_*|__*(?!\w)")
"""'*', '**', and '_' runs not inside a word ('snake_case' stays). Every branch starts with
a literal character so that the regex engine jumps from one '*' or '_' to the next
instead of trying each position of the text."""


@lru_cache(maxsize=8192)
def inline_text(markdown: str) -> tuple[str, tuple[Link, ...]]:
    """Markdown/HTML inline text to plain text, with the links it held (text and URL).
    Cached: the stages ask it of the same text several times (a line, its title, its
    credit)."""
    if "](" not in markdown:
        return _plain(markdown), ()
    links: list[Link] = []
    pieces: list[str] = []
    position = 0
    for match in _links(markdown):  # one pass: the text stays, the link is kept
        if url := _url(match.group(2)):
            links.append(Link(_plain(match.group(1)), url))
        pieces += (markdown[position : match.start()], match.group(1))
        position = match.end()
    pieces.append(markdown[position:])
    return _plain("".join(pieces)), tuple(links)


def _url(written: str) -> str:
    """A link's URL as written, or the page its Hugo shortcode names ('' if none)."""
    if not written.startswith("{{"):
        return written
    found = _SHORTCODE_PATH.match(written)
    return found.group("path") if found else ""


def _links(markdown: str) -> Iterator[re.Match[str]]:
    """The matches of `_LINK`, as `_LINK.finditer` finds them, in linear time.

    A link tried at a '[' reads its text to the next ']': when it fails there, a link
    tried at any '[' before that ']' reads to the same ']' and fails the same way, so the
    search goes on after it, not at the next '[' (`finditer` would read the same text
    again from each '[', a time that grows as the square of a line of '[')."""
    position = 0
    while (start := markdown.find("[", position)) >= 0:
        if match := _LINK.match(markdown, start):
            yield match
            position = match.end()
            continue
        close = markdown.find("]", start)
        if close < 0:
            return
        position = close + 1


def _plain(text: str) -> str:
    if "<" in text:
        text = _without_tags(text)
    if "&" in text:
        text = html.unescape(text)
    if "*" in text or "_" in text:
        text = _EMPHASIS.sub("", text)
    return " ".join(text.split())


def _without_tags(text: str) -> str:
    """`text` with each tag ('<b>', '<br />') replaced by a space. A tag ends at a '>', so
    the pattern runs only up to the last one: after it, each '<' of a line of them would
    be read to the end of the text in vain (a time that grows as the square of the line)."""
    last = text.rfind(">") + 1
    return _TAGS.sub(" ", text[:last]) + text[last:]

