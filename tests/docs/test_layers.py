"""The layers of docs/developers.md are the code's: every import of a module of bot/ names
a folder that the table "What each folder owns, and what it may import" allows, and no
modules import each other in a circle."""

from __future__ import annotations

import ast
import re

from tests.support.paths import ROOT

BOT = ROOT / "bot"
GUIDE = ROOT / "docs" / "developers.md"


def allowed() -> dict[str, set[str]]:
    """Folder (or top module) -> the folders it may import, from the guide's table."""
    rows = re.findall(r"^\| `bot/([\w.]+)/?` \| [^|]+ \| ([^|]+) \|$", GUIDE.read_text("utf-8"),
                      re.M)
    table = {}
    for part, may in rows:
        names = {word.strip() for word in may.split(",")} - {"—", ""}
        table[part.removesuffix(".py")] = names
    return table


def part_of(module: str) -> str:
    """The folder of bot/ (or top module, such as 'app') a dotted module belongs to."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "bot"


def imports() -> dict[str, set[str]]:
    """Each module of bot/ -> the modules of bot/ it imports (type-checking ones included)."""
    found: dict[str, set[str]] = {}
    names: dict[tuple[str, str], set[str]] = {}
    for path in BOT.rglob("*.py"):
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        found[name] = set()
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("bot"):
                # `from bot.x import y`: module bot.x.y if there is one, else bot.x
                found[name].update(f"{node.module}.{alias.name}" for alias in node.names)
                found[name].add(node.module)
                names[(name, node.module)] = {alias.name for alias in node.names}
            elif isinstance(node, ast.Import):
                found[name].update(a.name for a in node.names if a.name.startswith("bot"))
    modules = set(found)

    def target(name: str, used: str) -> bool:
        imported = names.get((name, used))
        return used in modules and used != name and not (
            imported and all(f"{used}.{alias}" in modules for alias in imported))

    return {name: {m for m in used if target(name, m)} for name, used in found.items()}


def test_the_top_of_bot_is_packages_and_the_application_object() -> None:
    assert {p.name for p in BOT.glob("*.py")} == {"__init__.py", "__main__.py", "app.py"}


def test_every_folder_of_bot_is_in_the_guide() -> None:
    table = allowed()
    folders = {p.name for p in BOT.iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert folders | {"app"} == set(table)


def test_each_folder_imports_only_what_the_guide_allows() -> None:
    table = allowed()
    wrong = []
    for module, used in imports().items():
        mine = part_of(module)
        if mine in ("bot", "__main__", "cli"):
            continue  # the package, `python -m bot` and the command line may use anything
        for other in {part_of(m) for m in used} - {mine, "bot"}:
            if other not in table[mine]:
                wrong.append(f"{module} imports bot.{other}")
    assert wrong == []


def test_no_modules_import_each_other_in_a_circle() -> None:
    graph = imports()
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    circles = []

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for other in sorted(graph[module]):
            if state.get(other) == 1:
                circles.append(" -> ".join([*path[path.index(other):], other]))
            elif other not in state:
                visit(other, [*path, other])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert circles == []
