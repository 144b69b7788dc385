"""Markdown and HTML inline text made plain, with the links it held."""

from __future__ import annotations

import html
import re

from bot.programme.model import Link

_LINK = re.compile(r"\[([^\]]*+)\]\(((?:[^()\s]++|\([^()\s]*+\))*+)(?:\s+\"[^\"]*\")?\)")
"""A Markdown link; its URL may hold balanced parentheses ('.../Lyon_(ville)'). The runs
are possessive: giving a character back could never let the rest match, and not trying
makes the scan of a URL three times faster."""
_TAGS = re.compile(r"<[^>]+>")
_EMPHASIS = re.compile(r"\*\**|_(?<!\w_)_*|__*(?!\w)")
"""'*', '**', and '_' runs not inside a word ('snake_case' stays). Every branch starts with
a literal character so that the regex engine jumps from one '*' or '_' to the next
instead of trying each position of the text."""


def inline_text(markdown: str) -> tuple[str, tuple[Link, ...]]:
    """Markdown/HTML inline text to plain text, with the links it held (text and URL)."""
    if "](" not in markdown:
        return _plain(markdown), ()
    links: list[Link] = []

    def link_text(match: re.Match[str]) -> str:  # one pass: the text stays, the link is kept
        if match.group(2):
            links.append(Link(_plain(match.group(1)), match.group(2)))
        return match.group(1)

    plain = _plain(_LINK.sub(link_text, markdown))
    return plain, tuple(links)


def _plain(text: str) -> str:
    if "<" in text:
        text = _TAGS.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
    if "*" in text or "_" in text:
        text = _EMPHASIS.sub("", text)
    return " ".join(text.split())
