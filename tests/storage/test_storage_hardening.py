"""A database that refuses writes (read-only file, full disk): a clear answer, nothing
half-done, and the bot answers again as soon as the database does."""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.proposals_kit import ALICE, Opener

REFUSED = "ma base de données refuse l'écriture"


async def test_read_only_database_refuses_clearly_and_keeps_answering(
        tmp_path: Path, open_world: Opener) -> None:
    world = await open_world(tmp_path / "bot.db")
    first = await world.propose()
    await world.storage.db.execute("PRAGMA query_only = ON")  # as a read-only file would
    assert REFUSED in await world.text(ALICE, "!proposer")
    assert "Journées" in "\n".join(o.reply.plain for o in
                                   await world.say(ALICE, "!room", "!programme"))
    await world.storage.db.execute("PRAGMA query_only = OFF")
    assert "titre" in await world.text(ALICE, "!proposer")  # back to normal, no restart
    assert [p.id for p in await world.proposals.proposals()] == [first]


@contextlib.contextmanager
def tiny_disk(folder: Path) -> Iterator[Path]:
    """A 1 MiB tmpfs at `folder` (skips the test where mounting is not allowed)."""
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)],
                             capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


async def test_full_disk_mid_dialogue_refuses_clearly_and_loses_nothing(
        tmp_path: Path, open_world: Opener) -> None:
    with tiny_disk(tmp_path / "disk") as disk:
        world = await open_world(disk / "bot.db")
        first = await world.propose()
        assert "titre" in await world.text(ALICE, "!proposer")
        filler = disk / "filler"
        with contextlib.suppress(OSError), filler.open("wb") as out:
            while True:  # until the disk is full
                out.write(b"\0" * 4096)
                out.flush()
                os.fsync(out.fileno())
        answer = await world.text(ALICE, "Grist au quotidien")
        filler.unlink()
        assert REFUSED in answer
        # The disk has room again: the same answer goes through; the first proposal is whole.
        assert "format" in (await world.text(ALICE, "Grist au quotidien")).lower()
        assert [p.id for p in await world.proposals.proposals()] == [first]
