"""The README's and the guides' examples are true: every `$ …` line of a ```console block of
README.md and of docs/*.md is run (bash, in a fresh folder that links to the repository's
`bot/`, `tests/` and `config.example.yaml`) and what it prints, on standard output and
error, must be what the page shows below it. A line '…' stands for any lines. A command
naming a file the reader creates first (such as `journee-2025.yaml`) is skipped.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli.assemble import command_table
from tests.support.paths import ROOT

README = ROOT / "README.md"
GUIDES = ("users", "organisers", "operators", "developers")
PAGES = [README, *sorted((ROOT / "docs").glob("*.md"))]


def _name(page: Path) -> str:
    return page.relative_to(ROOT).as_posix()


def examples(page: Path) -> list[tuple[str, list[str]]]:
    """(command, expected lines) of every console block of a page, in order."""
    found: list[tuple[str, list[str]]] = []
    for block in re.findall(r"```console\n(.*?)```", page.read_text(encoding="utf-8"), re.S):
        for line in block.splitlines():
            if line.startswith("$ "):
                found.append((line[2:], []))
            elif found:
                found[-1][1].append(line)
    return found


def every_example() -> list:
    return [pytest.param(command, expected, id=f"{_name(page)}: {command[:40]}")
            for page in PAGES for command, expected in examples(page)]


def matches(expected: list[str], actual: list[str]) -> bool:
    """Whether `actual` is `expected`, each '…' line standing for any lines."""
    pattern = "\n".join(".*?" if line.strip() == "…" else re.escape(line) for line in expected)
    return re.fullmatch(pattern.replace("\n.*?\n", "(?:\n.*?)?\n"), "\n".join(actual),
                        re.S) is not None


def _missing_file(command: str) -> bool:
    words = shlex.split(command.split("|")[0]) if "|" not in command else []
    return any(w.endswith((".yaml", ".md")) and not (ROOT / w).exists() for w in words)


@pytest.mark.parametrize(("command", "expected"), every_example())
def test_console_example(command: str, expected: list[str], tmp_path: Path) -> None:
    if _missing_file(command):
        pytest.skip("the page has the reader create this file first")
    bin_dir = Path(sys.executable).parent
    env = {k: v for k, v in os.environ.items() if not k.startswith("BLUEHATS_")}
    env.update(PATH=f"{bin_dir}{os.pathsep}{env.get('PATH', '')}", PYTHONUNBUFFERED="1",
               PYTHONPATH=str(ROOT))
    for name in ("bot", "tests", "config.example.yaml"):
        (tmp_path / name).symlink_to(ROOT / name)
    done = subprocess.run(["bash", "-c", command], cwd=tmp_path, env=env, text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=120)
    actual = done.stdout.strip("\n").splitlines()
    while expected and not expected[-1].strip():
        expected = expected[:-1]
    assert matches(expected, actual), "\n".join(actual)


def test_the_guides_are_there() -> None:
    assert [_name(page) for page in PAGES[1:]] == sorted(f"docs/{g}.md" for g in GUIDES)


def test_the_pages_have_console_examples_of_questions() -> None:
    commands = [c for page in PAGES for c, _ in examples(page)]
    assert any("!qui grist" in c for c in commands)
    assert any("config check" in c for c in commands)
    assert examples(README), "the README shows a taste of the chat"


def test_the_usage_lines_are_the_declared_ones() -> None:
    """Every table row of the README and the guides that gives a command's usage
    (`!noter <numéro> …`) shows what the command's declaration makes of it."""

    shown = [usage for page in PAGES
             for usage in re.findall(r"^\| `(!\S+ [^`]*[<\[][^`]*)`",
                                     page.read_text(encoding="utf-8"), re.M)]
    assert len(shown) >= 15
    for usage in shown:
        usage = usage.replace("\\|", "|")
        found = command_table().lookup(usage[1:].split()[0])
        assert found is not None, usage
        command, lang = found
        assert usage == command.line("!", lang or "fr"), usage


def _anchor(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as '-'."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_the_links_between_the_pages_lead_somewhere() -> None:
    """A relative link of the README or a guide names a file that exists and, in a page,
    a heading it has (`organisers.md#reminders`)."""
    for page in PAGES:
        prose = re.sub(r"```.*?```|`[^`\n]*`", "", page.read_text(encoding="utf-8"), flags=re.S)
        for target in re.findall(r"\]\(([^)\s]+)\)", prose):
            if re.match(r"[a-z]+:", target):
                continue
            path, _, anchor = target.partition("#")
            linked = (page.parent / path).resolve() if path else page
            assert linked.exists(), f"{_name(page)}: {target}"
            if anchor and linked.suffix == ".md":
                headings = re.findall(r"^#+ (.+)$", linked.read_text(encoding="utf-8"), re.M)
                assert anchor in {_anchor(h) for h in headings}, f"{_name(page)}: {target}"
