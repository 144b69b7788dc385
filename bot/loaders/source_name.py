"""The name a programme source given by URL is read under."""

from __future__ import annotations

from pathlib import PurePosixPath


class SourceName(PurePosixPath):
    """A URL where the loaders want a file path: its name and suffix are the URL's (or the
    Content-Type's when the URL has none); `str()` is the whole URL, so every problem
    names the source as the organiser wrote it."""

    url: str

    @classmethod
    def of(cls, name: str, url: str) -> SourceName:
        found = cls(name)
        found.url = url
        return found

    def __str__(self) -> str:
        return self.url

    def __reduce__(self) -> tuple:  # the URL goes with it to the process that reads it
        return SourceName.of, (self.name, self.url)
