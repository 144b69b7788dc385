"""Reading programme files: each file goes to the first format of `FORMATS` that recognises
it (a page, an organisers' YAML, a schedule.xml or schedule.json, a conference tool's
JSON of talks). A problem in a file
becomes a `Problem` naming the file and line, and the other files and lines still load;
`load_paths` reads files and folders into one `Programme`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePath
from zoneinfo import ZoneInfo

from bot.formats import c3voc_json, frab_xml, talks_json
from bot.loaders.combine import FileReading, ReadAs, combine
from bot.loaders.inputs import file_text, programme_inputs
from bot.loaders.page import load_page, looks_like_page
from bot.loaders.yaml_programme import load_yaml_programme, looks_like_yaml_programme
from bot.programme.model import Event, Problem, Programme, SourceRef
from bot.settings.clock import PARIS

log = logging.getLogger(__name__)

Loader = Callable[[Path, str, ZoneInfo], tuple[list[Event], list[Problem]]]


@dataclass(frozen=True)
class FileFormat:
    """A kind of programme file: how to recognise it and how to read it.

    `completes`: its events complete an event of the same id read from another format
    (organisers' structured files), rather than being another version of it.
    """

    name: str
    detect: Callable[[Path, str], bool]
    load: Loader
    completes: bool = False

    @property
    def read_as(self) -> ReadAs:
        """The format's name and role, as a reading gives them."""
        return ReadAs(self.name, self.completes)


FORMATS: list[FileFormat] = [
    FileFormat("page", looks_like_page, load_page),
    FileFormat("yaml", looks_like_yaml_programme, load_yaml_programme, completes=True),
    FileFormat("schedule.xml", frab_xml.looks_like_frab, frab_xml.load),
    FileFormat("schedule.json", c3voc_json.looks_like_c3voc, c3voc_json.load),
    FileFormat("talks.json", talks_json.looks_like_talks_json, talks_json.load),
]
"""Tried in order, first match wins."""


def load_file(path: Path, tz: ZoneInfo = PARIS) -> FileReading:
    """Read one file with the format that recognises it."""
    text, error = file_text(path)
    if text is None:
        return [], [Problem(SourceRef(str(path)), f"cannot read the file: {error}", "error")], None
    return load_text(path, text, tz)


def load_text(path: PurePath, text: str, tz: ZoneInfo = PARIS) -> FileReading:
    """Read the text of one programme file (or fetched source, named by `path`)."""
    for file_format in FORMATS:
        if file_format.detect(path, text):
            try:
                events, problems = file_format.load(path, text, tz)
            except MemoryError:  # not the file's fault alone: the reader's budget says it
                raise
            except Exception as error:  # the last line of defence: one file never stops the rest
                log.exception("programme: %s could not be read", path)
                why = f"could not be read as {file_format.name}: {type(error).__name__}: {error}"
                return [], [Problem(SourceRef(str(path)), why, "error")], file_format.read_as
            return events, problems, file_format.read_as
    known = ", ".join(f.name for f in FORMATS)
    return (
        [],
        [Problem(SourceRef(str(path)), f"skipped: not a known programme format ({known})")],
        None,
    )


def load_paths(
    paths: Iterable[Path], tz: ZoneInfo = PARIS, documents: Iterable[tuple[PurePath, str]] = ()
) -> Programme:
    """Load every programme file in `paths` (folders are read recursively, in name order),
    and `documents`, texts already fetched (programme sources by URL)."""
    problems: list[Problem] = []
    inputs = programme_inputs(paths, documents, problems)
    return combine([load_input(path, text, tz) for path, text in inputs], problems)


def load_input(path: PurePath, text: str | None, tz: ZoneInfo) -> FileReading:
    """One of `programme_inputs`: the file at `path`, or `text` read as `path`."""
    return load_file(Path(path), tz) if text is None else load_text(path, text, tz)
