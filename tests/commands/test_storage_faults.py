"""A database page corrupted under a running bot (a real SQLite file, its proposal drafts'
page overwritten): a question that only reads is answered, and the fault logged; what must
write is refused as unwritable."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest

from tests.support.proposals_kit import ALICE, BOB, Opener


def corrupt_table(database: Path, table: str) -> None:
    """Overwrite the first page of `table` and of its indexes with bytes that are no SQLite
    page."""
    with sqlite3.connect(database) as connection:
        roots = connection.execute("SELECT rootpage FROM sqlite_master WHERE tbl_name = ?",
                                   (table,)).fetchall()
        (size,) = connection.execute("PRAGMA page_size").fetchone()
    connection.close()
    with database.open("r+b") as file:
        for (root,) in roots:
            file.seek((root - 1) * size)
            file.write(b"\xde\xad" * (size // 2))


async def test_a_read_is_answered_when_the_dialogues_cannot_be_read(
        tmp_path: Path, open_world: Opener, caplog: pytest.LogCaptureFixture) -> None:
    database = tmp_path / "bot.db"
    world = await open_world(database)
    assert "Quel" in await world.text(BOB, "!proposer")  # a draft in the table
    await world.storage.close()
    corrupt_table(database, "proposal_drafts")
    world = await open_world(database)

    with caplog.at_level(logging.ERROR):
        answer = await world.text(ALICE, "qui parle de BlueHats ?")
    assert "refuse l'écriture" not in answer
    assert "Équipe BlueHats" in answer and "Accueil" in answer  # the one session, 9 h 30
    assert any("database unreadable" in record.message and "malformed" in record.message
               for record in caplog.records)
    assert "refuse l'écriture" in await world.text(ALICE, "!proposer")  # a write cannot


async def test_a_read_the_database_cannot_give_says_so_and_not_that_it_cannot_write(
        tmp_path: Path, open_world: Opener) -> None:
    database = tmp_path / "bot.db"
    world = await open_world(database)
    assert "noté" in await world.text(ALICE, "!rappel abc123")
    await world.storage.close()
    corrupt_table(database, "subscriptions")
    world = await open_world(database)

    answer = await world.text(ALICE, "!rappels")  # lists Alice's reminders: a read
    assert answer.startswith("Désolé, je ne peux pas lire ce qu'il faut pour vous répondre "
                             "(ma base de données est endommagée)")
