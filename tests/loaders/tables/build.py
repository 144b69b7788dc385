"""Tables for the tests, read from Markdown or HTML by the pipeline's first stages (render,
DOM, blocks), as the page would give them; and frames of events."""

from __future__ import annotations

from datetime import date, timedelta

from bot.loaders.page.blocks import read_blocks
from bot.loaders.page.dom import parse_html
from bot.loaders.page.render import render
from bot.loaders.page.values import Block, EventFrame


def table(source: str) -> Block:
    """The first table of a page body (Markdown or HTML), with its file lines."""
    blocks = read_blocks(parse_html(render(source).html), source.split("\n"))
    found = list(_tables(blocks))
    assert found, "no table in the source"
    return found[0]


def _tables(blocks: tuple[Block, ...]):
    for block in blocks:
        if block.kind == "table":
            yield block
        yield from _tables(block.children)


def frame(first: date | None = None, last: date | None = None) -> EventFrame:
    """The frame of an event from `first` to `last` (its year, days and weekdays)."""
    if first is None:
        return EventFrame()
    last = last or first
    days = tuple(first + timedelta(n) for n in range((last - first).days + 1))
    return EventFrame(year=first.year, days=days, weekdays={d.weekday(): d for d in days})
