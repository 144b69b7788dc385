"""Programme files read in a worker process, within a budget of time and memory.

A page fetched from a URL is written by someone else, and a file may be saved by anyone
who can write to the folder: either may be made to be slow or big to read. So the bot reads
them in a process of its own, whose address space is limited (`RLIMIT_AS`) and which is
killed when a reading takes longer than the budget; either way the file is a problem naming
it, the other files load, and the next reading starts a new process. The event loop only
waits: the process reads, and sends back plain data, the events and problems, pickled.

The process is forked from a `forkserver` that imported the loaders once, so a process
killed for one hostile page is replaced without importing anything again (`bench/reader.py`
measures it). The reader keeps the last text of each path and what was read in it: a
reload reads again only the files that changed, and the publisher's reading of a new
version is the reading the reload has just made.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import resource
import signal
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from multiprocessing import forkserver
from multiprocessing.connection import Connection
from pathlib import Path, PurePath
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.loaders.combine import FileReading, combine
from bot.loaders.inputs import file_text, programme_inputs
from bot.programme.model import Problem, Programme, SourceRef

if TYPE_CHECKING:
    from bot.settings.config import ProgrammeConfig

_READERS_MODULE = "bot.loaders.files"
"""The readers, imported by the forkserver only: this module is light for the bot's side."""
_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload([__name__, _READERS_MODULE])

_MEGABYTE = 1 << 20


@dataclass(frozen=True)
class Budget:
    """How long one file may take to read, and how much memory reading it may take."""

    seconds: float = 10.0
    megabytes: int = 512

    @classmethod
    def of(cls, settings: ProgrammeConfig) -> Budget:
        return cls(settings.read_timeout_seconds, settings.read_memory_mb)


class Reader:
    """Reads programme files, and texts fetched from URLs, in a worker process within
    `budget`. One reading at a time; the process is started on the first and kept."""

    def __init__(self, budget: Budget) -> None:
        self.budget = budget
        self._process: multiprocessing.process.BaseProcess | None = None
        self._connection: Connection | None = None
        self._lock = threading.Lock()  # not asyncio's: a reader outlives an event loop in tests
        self._last: dict[tuple[str, str], tuple[str, FileReading]] = {}
        """The last text read as each path in each zone, and what was read in it: a reload
        reads again only what changed, and the publisher's reading of a new version is the
        one the reload just made."""

    async def load_paths(self, paths: Iterable[Path], tz: ZoneInfo,
                         documents: Iterable[tuple[PurePath, str]] = ()) -> Programme:
        """`bot.loaders.files.load_paths`, each file read in the worker."""
        problems: list[Problem] = []
        inputs = await asyncio.to_thread(_with_texts, programme_inputs(
            list(paths), list(documents), problems))
        readings = [await self.load(path, text, tz) for path, text in inputs]
        return combine(readings, problems)

    async def load(self, path: PurePath, text: str | None, tz: ZoneInfo) -> FileReading:
        """`bot.loaders.files.load_input` in the worker: the file at `path`, or `text` read as
        `path` (unless it is the last text read as `path`); over the budget, no event and a
        problem naming `path`."""
        return await asyncio.to_thread(self._load, path, text, tz)

    def _load(self, path: PurePath, text: str | None, tz: ZoneInfo) -> FileReading:
        with self._lock:
            key = (str(path), tz.key)
            last = self._last.get(key)
            if text is None or last is None or last[0] != text:
                events, problems, file_format = self._read(path, text, tz)
                if text is None or file_format is None:  # stopped, or no format read it
                    return events, problems, file_format
                last = self._last[key] = (text, (tuple(events), tuple(problems), file_format))
            events, problems, file_format = last[1]
            return list(events), list(problems), file_format

    def _read(self, path: PurePath, text: str | None, tz: ZoneInfo) -> FileReading:
        """What the worker reads, the lock held."""
        connection = self._start()
        try:
            connection.send((path, text, tz))
            if not connection.poll(self.budget.seconds):
                self.stop()
                return _over(path, f"reading it took more than {self.budget.seconds:g} s "
                                   "(programme.read_timeout_seconds)")
            answer = connection.recv()
        except (EOFError, OSError):
            return _over(path, self._ended(self.stop()))
        if answer is None:  # out of memory: the process has ended
            self.stop()
            return _over(path, f"reading it needed more than {self._memory}")
        return answer

    def _ended(self, code: int | None) -> str:
        """Why the worker ended while reading, by its exit code."""
        if code is not None and code < 0:  # native code that cannot allocate aborts
            return (f"its reader ended (signal {signal.Signals(-code).name}), most likely out "
                    f"of memory: reading it may need more than {self._memory}")
        return f"its reader ended (exit code {code}; its error is in the log)"

    @property
    def _memory(self) -> str:
        return f"{self.budget.megabytes} MB (programme.read_memory_mb)"

    def _start(self) -> Connection:
        if self._process is None or self._connection is None or not self._process.is_alive():
            self.stop()
            ours, theirs = _CONTEXT.Pipe()
            self._process = _CONTEXT.Process(target=_serve, args=(theirs, self.budget.megabytes),
                                             name="programme-reader", daemon=True)
            self._process.start()
            theirs.close()
            self._connection = ours
        return self._connection

    def stop(self) -> int | None:
        """End the worker process, if there is one; returns its exit code."""
        process, connection = self._process, self._connection
        self._process = self._connection = None
        if connection is not None:
            connection.close()
        if process is None:
            return None
        if process.is_alive():
            process.kill()
        process.join()
        return process.exitcode


def start_early() -> None:
    """Start the process the readers are forked from now, so that it imports them while the
    command imports the rest: the first reading does not wait for that import."""
    forkserver.ensure_running()


_READERS: dict[Budget, Reader] = {}


def reader_for(settings: ProgrammeConfig) -> Reader:
    """The reader of the configured budget: the app and its publisher share one process."""
    budget = Budget.of(settings)
    if budget not in _READERS:
        _READERS[budget] = Reader(budget)
    return _READERS[budget]


def _with_texts(inputs: list[tuple[PurePath, str | None]]) -> list[tuple[PurePath, str | None]]:
    """`inputs` with each file's text read, so that a text read before is not read again;
    a file that cannot be read as text stays for the worker to say why (blocking)."""
    return [(path, file_text(Path(path))[0] if text is None else text) for path, text in inputs]


def _over(path: PurePath, why: str) -> FileReading:
    return [], [Problem(SourceRef(str(path)), f"not read: {why}", "error")], None


def _address_space() -> int:
    """The bytes of address space this process holds now: the budget comes on top of what
    the worker holds before it reads anything (Linux's /proc; elsewhere, nothing)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return 0


def _serve(connection: Connection, megabytes: int) -> None:
    """The worker process: read what is asked, send back what was read, until the bot
    closes its end; out of memory, say so and end."""
    # Ctrl-C in a terminal reaches the whole process group: the bot ends its worker itself
    # (its end of the pipe closes), without a traceback from here.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from bot.loaders.files import load_input  # preloaded by the forkserver: no import here

    limit = _address_space() + megabytes * _MEGABYTE
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    while True:
        try:
            path, text, tz = connection.recv()
        except EOFError:
            return
        try:
            connection.send(load_input(path, text, tz))
        except MemoryError:
            connection.send(None)
            return
