"""The files a programme is read from: the files and folders configured (folders read
recursively, in name order, hidden files and images left out) and the texts fetched from
URLs; a path that names nothing is a problem."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path, PurePath

from bot.programme.model import Problem, SourceRef

_IGNORED = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".pdf", ".ics", ".db", ".csv"}


def programme_inputs(
    paths: Iterable[Path], documents: Iterable[tuple[PurePath, str]], problems: list[Problem]
) -> list[tuple[PurePath, str | None]]:
    """Each file to read (its text None: read it from disk) and each document, in the
    order they load; a path that names nothing is a problem."""
    return [*((path, None) for path in _files(paths, problems)), *documents]


def _files(paths: Iterable[Path], problems: list[Problem]) -> list[Path]:
    found = []
    for path in paths:
        if path.is_dir():
            found.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.is_file() and not p.name.startswith(".") and p.suffix.lower() not in _IGNORED
            )
        elif path.is_file():
            found.append(path)
        else:
            problems.append(Problem(SourceRef(str(path)), "no such file or folder", "error"))
    return found


def file_text(path: Path) -> tuple[str | None, str]:
    """A programme file's text (see `page_text`), or None and why it cannot be read."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return None, str(error)
    text = page_text(data)
    return (text, "") if text is not None else (None, "neither UTF-8 nor text in an older encoding")


_CONTROLS = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
"""Bytes no text page holds (tab, newlines and form feed aside): the mark of binary data."""


def page_text(data: bytes) -> str | None:
    """The text of a page's bytes: UTF-8 (a byte-order mark dropped), else Windows-1252, the
    encoding of older pages that declare none (Latin-1 if a byte is unassigned in it); None
    for binary data."""
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        pass
    if _CONTROLS.search(data):
        return None
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")
