"""Programme files read in the worker process, within a budget: a file that takes longer,
or needs more memory, is stopped and is a problem naming it; the worker that replaces the
stopped one reads the next file. Time is bounded as a ratio: the budget is a quarter of
what the page takes to read in a worker, measured first. A text read as a path just before
is not read again: a reload reads only what changed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path, PurePath

from bench.load import big_page
from bot.loaders.files import load_text
from bot.loaders.worker import Budget, Reader
from bot.settings.clock import PARIS
from tests.support.hostile import worker_time
from tests.support.paths import FIXTURES, ROOT

SMALL = FIXTURES / "publishing" / "journee-v1.md"
"""Six sessions on Wednesday 12 June 2030, in a page of 19 lines."""


async def small_page_reads(reader: Reader) -> None:
    events, problems, file_format = await reader.load(SMALL, None, PARIS)
    assert file_format is not None and file_format.name == "page"
    assert [event.title for event in events] == ["Journée BlueHats 2030"]
    assert len(events[0].sessions) == 6
    assert not [p for p in problems if p.severity == "error"]


async def test_the_worker_reads_what_the_loaders_read() -> None:
    reader = Reader(Budget())
    try:
        await small_page_reads(reader)
        text = SMALL.read_text(encoding="utf-8")
        assert await reader.load(PurePath("ailleurs.md"), text, PARIS) == load_text(
            PurePath("ailleurs.md"), text, PARIS)
    finally:
        reader.stop()


async def test_a_page_over_the_time_budget_is_a_problem_naming_it() -> None:
    page = big_page(300_000)
    reader = Reader(Budget(seconds=await worker_time(page) / 4))
    try:
        events, problems, file_format = await reader.load(PurePath("long.md"), page, PARIS)
        assert (events, file_format) == ([], None)
        (problem,) = problems
        assert problem.severity == "error"
        assert str(problem.source) == "long.md"
        assert problem.message.startswith("not read: reading it took more than ")
        assert problem.message.endswith(" s (programme.read_timeout_seconds)")
        await small_page_reads(reader)  # a new worker reads the next file
    finally:
        reader.stop()


async def test_a_page_over_the_memory_budget_is_a_problem_naming_it(tmp_path: Path) -> None:
    # Reading a 2 MB page takes well over 100 MB; the small page, a few.
    page = tmp_path / "long.md"
    page.write_text(big_page(2_000_000), encoding="utf-8")
    reader = Reader(Budget(seconds=600, megabytes=48))
    try:
        events, problems, _ = await reader.load(page, None, PARIS)
        assert events == []
        (problem,) = problems
        assert (str(problem.source), problem.severity) == (str(page), "error")
        # Python's MemoryError, or an abort in a native library that could not allocate
        assert problem.message.startswith("not read: ")
        assert problem.message.endswith("more than 48 MB (programme.read_memory_mb)")
        await small_page_reads(reader)
    finally:
        reader.stop()


async def test_a_folder_loads_file_by_file(tmp_path: Path) -> None:
    """One file over the budget costs that file: the others load."""
    (tmp_path / "journee.md").write_text(SMALL.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "long.md").write_text(big_page(2_000_000), encoding="utf-8")
    reader = Reader(Budget(seconds=600, megabytes=48))
    try:
        programme = await reader.load_paths([tmp_path, tmp_path / "absent.md"], PARIS)
        assert len(programme.sessions) == 6
        assert {(Path(p.source.path).name, p.message.split(":")[0]) for p in programme.problems
                if p.severity == "error"} == {("long.md", "not read"),
                                              ("absent.md", "no such file or folder")}
    finally:
        reader.stop()


async def test_a_text_read_before_as_the_same_path_is_not_read_again(tmp_path: Path) -> None:
    """After a first reading, the budget is made too short for any (a poll waits 1 ms at
    the least: the page that changes takes far longer to read): what is read again is what
    changed, and only that is stopped."""
    small = SMALL.read_text(encoding="utf-8")
    long = big_page(30_000)
    (tmp_path / "journee.md").write_text(small, encoding="utf-8")
    (tmp_path / "long.md").write_text(long, encoding="utf-8")
    reader = Reader(Budget())
    try:
        before = await reader.load_paths([tmp_path], PARIS)
        assert [event.title for event in before.events] == [
            "Un très long programme", "Journée BlueHats 2030"]
        reader.budget = Budget(seconds=1e-9)
        assert await reader.load_paths([tmp_path], PARIS) == before
        assert (await reader.load(tmp_path / "long.md", long, PARIS))[0] == [before.events[0]]
        (tmp_path / "long.md").write_text(long + "\n- 18h : Clôture\n", encoding="utf-8")
        after = await reader.load_paths([tmp_path], PARIS)
        assert [event.title for event in after.events] == ["Journée BlueHats 2030"]
        assert [(Path(p.source.path).name, p.message.split(":")[0]) for p in after.problems
                if p.severity == "error"] == [("long.md", "not read")]
        assert (await reader.load(PurePath("ailleurs.md"), long, PARIS))[0] == []
    finally:
        reader.stop()


def test_the_readers_import_no_configuration() -> None:
    """What the worker processes are forked from imports the readers; the configuration's
    validation (pydantic) is none of theirs, and made that import 1.4 times as long."""
    done = subprocess.run(
        [sys.executable, "-c", "import sys, bot.loaders.files, bot.loaders.worker\n"
         "print('\\n'.join(sorted(sys.modules)))"],
        capture_output=True, text=True, cwd=ROOT, timeout=60, check=True)
    loaded = done.stdout.splitlines()
    assert "bot.loaders.page" in loaded
    assert [m for m in loaded if m.startswith(("pydantic", "bot.settings.config"))] == []
