"""Pages written for a test, read as the bot reads a file."""

from __future__ import annotations

from pathlib import Path

from bot.loaders.page import read_page
from bot.programme.model import Session
from bot.settings.clock import PARIS


def page_sessions(folder: Path, text: str) -> list[Session]:
    """The sessions of `text` saved as a page in `folder` (its date of saving is a hint of
    the year, as for a real file)."""
    path = folder / "page.md"
    path.write_text(text, encoding="utf-8")
    events, _problems, _reading = read_page(path, text, PARIS)
    return [s for event in events for s in event.sessions]
