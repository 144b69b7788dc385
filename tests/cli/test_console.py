"""The local console, run as a user would: `bluehats-bot console`, lines on stdin."""

from __future__ import annotations

import asyncio
import contextlib
import io
import subprocess
import sys
from pathlib import Path

import pytest

from bot.app import App
from bot.cli.main import main
from bot.commands.messages import Outgoing
from bot.programme.model import Programme
from bot.transports.console import ConsoleTransport
from tests.support.imports import run_listing_modules
from tests.support.paths import ROOT


def console(*args: str, lines: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bot", "console", *args], input=lines,
                          capture_output=True, text=True, cwd=cwd, timeout=60)


def test_next_talks_on_the_shipped_programme(tmp_path: Path) -> None:
    done = console("--now", "2024-12-04 14:10", "--database", str(tmp_path / "bot.db"),
                   lines="!prochains\n", cwd=ROOT)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[:3] == [
        "À suivre",
        "14 h 20",
        "• Grist, votre compagnon open-source pour la donnée et pour réaliser des apps en "
        "low-code — R. Serdoun (ANCT), V. Viers (DINUM) · salle Ada Lovelace · e37301",
    ]


def test_a_reader_that_stops_early_is_not_an_error(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "console", "--database", str(tmp_path / "bot.db")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    assert process.stdin and process.stdout and process.stderr
    process.stdin.write(b"!aide\n" * 50)
    process.stdin.close()
    assert process.stdout.readline().strip() == b"Commandes"
    process.stdout.close()  # as `| head -1` does
    assert process.wait(60) == 0
    assert b"Traceback" not in process.stderr.read()


def test_help_is_answered_while_the_programme_is_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`!aide` reads nothing of the programme: the console answers it without waiting for
    the programme to be read (seconds, on a loaded machine); a question on the programme
    waits for it and finds it."""
    said: list[str] = []
    answered = asyncio.Event()
    reload = App.reload

    async def slow_reload(app: App, fetch: bool = True) -> Programme:
        with contextlib.suppress(TimeoutError):  # a console that waits for it waits 10 s
            await asyncio.wait_for(answered.wait(), 10)
        said.append("(programme read)")
        return await reload(app, fetch)

    async def deliver(transport: ConsoleTransport, messages: list[Outgoing]) -> None:
        said.extend(message.reply.plain.splitlines()[0] for message in messages)
        answered.set()

    monkeypatch.setattr(App, "reload", slow_reload)
    monkeypatch.setattr(ConsoleTransport, "deliver", deliver)
    monkeypatch.setattr(sys, "stdin", io.StringIO("!aide\n!prochains\n"))
    assert main(["console", "--now", "2024-12-04 14:10",
                 "--database", str(tmp_path / "bot.db")]) == 0
    assert said == ["Commandes", "(programme read)", "À suivre"]


def test_the_demo_shows_a_live_programme_today(tmp_path: Path) -> None:
    """With the real clock, whatever the date: something is on now, more comes next, and
    the shipped programmes load without a word on standard error."""
    done = console("--demo", "--database", str(tmp_path / "bot.db"),
                   lines="!maintenant\n!prochain\n", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("En ce moment\n"), done.stdout
    assert "À suivre" in done.stdout and "Aucun" not in done.stdout
    assert "WARNING" not in done.stderr and "ERROR" not in done.stderr


def test_the_demo_event_is_around_now(tmp_path: Path) -> None:
    """Sessions every 20 minutes from an hour before (22 h 40) on: the fourth is on at
    23 h 50, and the programme goes on past midnight."""
    done = console("--demo", "--now", "2026-11-23 23:50", "--database", str(tmp_path / "b.db"),
                   lines="!maintenant\n!prochain\n", cwd=tmp_path)
    lines = done.stdout.splitlines()
    assert lines[:2] == ["En ce moment", "23 h 40"]
    assert lines[2].startswith("• Atelier : contribuer à un logiciel libre — Équipe BlueHats "
                               "· salle Grace Hopper · ")
    following = lines[lines.index("À suivre"):]
    assert following[1] == "mardi 24 novembre, 0 h"
    assert following[2].startswith("• France Transfert : partager de gros fichiers")


def test_a_follow_up_on_the_next_line_is_the_question_before_with_its_day(
        tmp_path: Path) -> None:
    # The 2023 page: Grist on Thursday 7 December (Ariane Rose, Florent Fayolle); 2024: two
    # Grist sessions on Wednesday 4 December. « et en 2023 ? » asks the same for 2023.
    done = console("--now", "2024-12-04 09:00", "--database", str(tmp_path / "bot.db"),
                   lines="qui parle de Grist ?\net en 2023 ?\n", cwd=ROOT)
    assert done.returncode == 0, done.stderr
    second = done.stdout.split("\n\n")[1].splitlines()
    assert second == [
        "« Grist » :",
        "• Ariane Rose (Agence Nationale de la Cohésion des Territoires), Florent Fayolle "
        "(Agence Nationale de la Cohésion des Territoires) — Contribuer plutôt que de "
        "développer : l’exemple du tableur collaboratif Grist",
        "jeudi 7 décembre 2023, 16 h (terminée) · La DINUM à l'Open Source Experience · bf6ca4",
    ]


ONLY_OTHERS_USE = ("nio", "aiohttp", "prometheus_client", "watchfiles", "icalendar", "synapse",
                   "bot.transports.matrix", "bot.web")
"""What the Matrix bot, the web listener, file watching and calendars need, and the console
answering a question does not."""
NO_ONE_USES = ("pydantic", "importlib.metadata")
"""A validation library: the configuration is checked by hand (`bot.settings.section`),
which costs the console's start nothing, where the library and the package metadata it read
(for its plugins) were a third of it."""
ON_A_TYPO = ("rapidfuzz",)
"""What only a mistyped word needs (its distance to the words the bot knows): the questions
below have none."""
READERS_USE = ("bot.loaders.files", "bot.loaders.page", "bot.loaders.talks.kinds",
               "bot.loaders.talks.credits", "bot.loaders.yaml_programme", "bot.loaders.when",
               "yaml")
"""What reading programme pages needs, which the worker process imports (an hour typed in a
command is read with the pages' grammar of times, `bot.loaders.when`, when one is typed),
and the YAML parser a configuration file needs: the console without one imports neither."""


def test_the_console_imports_neither_matrix_nor_http_nor_readers(tmp_path: Path) -> None:
    done, loaded = run_listing_modules("console", "--now", "2024-12-04 14:10", "--database",
                                       str(tmp_path / "bot.db"),
                                       lines="!prochains\nqui parle de grist ?\n")
    assert done.returncode == 0, done.stderr
    answers = done.stdout.split("\n\n")
    assert answers[0].startswith("À suivre\n") and "Grist" in answers[1]
    assert "bot.cli.console" in loaded and "bot.programme.search" in loaded
    assert sorted(m for m in loaded if m.startswith(ONLY_OTHERS_USE)) == []
    assert sorted(m for m in loaded if m.startswith(NO_ONE_USES)) == []
    assert sorted(m for m in loaded if m.startswith(ON_A_TYPO)) == []
    assert sorted(m for m in loaded if m.startswith(READERS_USE)) == []
