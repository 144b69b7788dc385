"""Ask the bot the questions of a set, in-process, and say which answers are right.

    python -m tests.understanding.questions.runner [SET.yaml …] [-v]

A set is a list of entries as ../shared/questions/dev.yaml has them — `ask`, `now`, `lang`,
`must`, `must_not`, `why` — plus `kind` (what is asked) and `slots` (for combinations),
and `before`: messages sent first in the same direct chat, at the same clock, for a
follow-up (« et demain ? »). The programme of set `NAME.yaml` is that of
`programmes/NAME.config.yaml` (a configuration file: its `programme.paths`, `.gz` files
unpacked); the shipped `data/` when there is none. Each question is a message in a direct
chat with the bot at its `now`, answered as the console answers it; the verdict follows
the shared scorer's rules (case, accents, apostrophe and dash kinds and spacing ignored).
"""

from __future__ import annotations

import asyncio
import gzip
import re
import shutil
import sys
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.app import App
from bot.cli.assemble import new_app
from bot.commands.dispatch import handle, parse
from bot.commands.messages import Incoming
from bot.loaders.files import load_paths
from bot.settings.clock import FixedClock, parse_local
from bot.settings.config import Config, load_config
from bot.storage import Storage
from bot.transports.follow_ups import previous_question, remember

HERE = Path(__file__).resolve().parent
PROGRAMMES = HERE / "programmes"
_SAME = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "–": "-", "—": "-", "‑": "-"})


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return re.sub(r"\s+", " ", text.translate(_SAME)).strip()


def contains(answer: str, needle: str) -> bool:
    a, n = norm(answer), norm(needle)
    return n in a or n.replace(" ", "") in a.replace(" ", "")


def verdict(entry: dict[str, Any], answer: str) -> list[str]:
    """What is wrong with `answer` (nothing: it passes)."""
    if not answer:
        return ["no answer"]
    wrong = [f"missing {m!r}" for m in entry.get("must") or [] if not contains(answer, m)]
    return wrong + [f"has {m!r}" for m in entry.get("must_not") or [] if contains(answer, m)]


@dataclass(frozen=True)
class Result:
    number: int
    entry: dict[str, Any]
    answer: str
    wrong: list[str]


def entries(path: Path) -> list[dict[str, Any]]:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or []


def configuration(name: str, folder: Path) -> Config:
    """The configuration of set `name`: its programme alone, `.gz` files unpacked into
    `folder`."""
    path = PROGRAMMES / f"{name}.config.yaml"
    if not path.is_file():
        return Config()
    config = load_config(path)
    paths = []
    for file in config.programme.paths:
        if file.suffix == ".gz":
            unpacked = folder / file.stem
            with gzip.open(file, "rb") as packed, unpacked.open("wb") as out:
                shutil.copyfileobj(packed, out)
            file = unpacked
        paths.append(file)
    programme = config.programme.model_copy(update={"paths": paths})
    return config.model_copy(update={"programme": programme})


async def ask_all(path: Path) -> list[Result]:
    """Every question of the set at `path`, answered."""
    with tempfile.TemporaryDirectory(prefix="bluehats-questions-") as tmp:
        config = configuration(path.stem, Path(tmp))
        files = load_paths(config.programme.paths, config.programme.tz)
        storage = await Storage.open(Path(tmp) / "bot.db")
        tz = config.programme.tz
        clock = FixedClock(parse_local("2000-01-01 00:00", tz), tz)
        app = new_app(config, files, clock=clock, storage=storage)  # one index for the set
        try:
            return [Result(n, entry, await _answer(app, clock, entry, n), [])
                    for n, entry in enumerate(entries(path), 1)]
        finally:
            await storage.close()


async def _answer(app: App, clock: FixedClock, entry: dict[str, Any], number: int) -> str:
    clock.set(parse_local(str(entry["now"]), clock.tz))
    storage = app.storage
    user = f"@asker{number}:example.org"  # each question its own conversation
    answer = ""
    for turn, text in enumerate([*(entry.get("before") or []), entry["ask"]]):
        incoming = Incoming(text=str(text), sender=user, room=f"!dm{number}", is_direct=True)
        now = app.clock.now().timestamp()
        parsed = parse(app, incoming, await previous_question(storage, incoming, now))
        answer = "\n\n".join(out.reply.plain for out in await handle(app, incoming, parsed=parsed))
        if parsed is not None:
            await remember(storage, incoming, parsed, [f"$answer-{number}-{turn}"], now)
    return answer.strip()


def judged(results: list[Result]) -> list[Result]:
    return [Result(r.number, r.entry, r.answer, verdict(r.entry, r.answer)) for r in results]


def main(arguments: list[str]) -> int:
    verbose = "-v" in arguments
    paths = [Path(a) for a in arguments if a != "-v"] or sorted(HERE.glob("*.yaml"))
    total = passed = 0
    for path in paths:
        results = judged(asyncio.run(ask_all(path)))
        for r in results:
            if r.wrong or verbose:
                state = "FAIL" if r.wrong else "PASS"
                print(f"{state} {path.stem} {r.number:3} [{r.entry['now']}] {r.entry['ask']}"
                      + (f"  — {'; '.join(r.wrong)}" if r.wrong else ""))
                print("     → " + " | ".join(r.answer.splitlines())[:300])
        good = sum(not r.wrong for r in results)
        print(f"{path.stem}: {good}/{len(results)} ({100 * good // max(1, len(results))} %)")
        total, passed = total + len(results), passed + good
    print(f"all: {passed}/{total} ({100 * passed // max(1, total)} %)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
