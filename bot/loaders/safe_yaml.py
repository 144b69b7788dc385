"""YAML written by anyone (a page's front matter, an organiser's programme), read safely.

- Aliases are bounded: a document whose aliases would expand it to far more values than it
  writes (a 'billion laughs' bomb: 350 bytes, eight levels of `&a [*b, *b, …]`) is refused
  before anything is built from it, rather than exhausting time and memory when a value is
  later turned into text.
- A timestamp that is no date (`2024-02-30`, `2024-01-02 25:00:00`) is kept as its text, a
  `NotADate` saying why, for the reader of that value to report with its line; it does not
  cost the document.
- A lone surrogate (`"\\ud800"`, which a text cannot be written to a file or a message with)
  becomes U+FFFD, and a note says on which line.
"""

from __future__ import annotations

import re

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

_SURROGATE = re.compile("[\ud800-\udfff]")
EXPANSION_FLOOR = 10_000
"""Values any document may expand to through its aliases."""
EXPANSION_FACTOR = 10
"""How many times the values it writes a larger document may expand to."""


class YamlRefused(Exception):
    """A document that is not read at all; `line` is 1-based in the text given."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


class NotADate(str):
    """A value written as a timestamp that is no date: its text, and why not."""

    reason: str

    def __new__(cls, text: str, reason: str) -> NotADate:
        value = super().__new__(cls, text)
        value.reason = reason
        return value


def _timestamp(loader: yaml.SafeLoader, node: ScalarNode) -> object:
    try:
        return SafeConstructor.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError) as error:
        return NotADate(str(node.value), str(error))


def _text(loader: yaml.SafeLoader, node: ScalarNode) -> str:
    value = loader.construct_scalar(node)
    if _SURROGATE.search(value):
        loader.notes.append(
            (node.start_mark.line, "a lone surrogate (an escape such as \\ud800 that is no "
                                   "character) was replaced by U+FFFD")
        )
        value = _SURROGATE.sub("\ufffd", value)
    return value


def _with_rules(base: type[yaml.SafeLoader]) -> type[yaml.SafeLoader]:
    """`base` (a safe loader) with the rules of this module; its `notes` are (0-based line,
    message)."""

    class Loader(base):  # type: ignore[misc, valid-type]
        def __init__(self, stream: str) -> None:
            super().__init__(stream)
            self.notes: list[tuple[int, str]] = []

    Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
    Loader.add_constructor("tag:yaml.org,2002:str", _text)
    return Loader


FastYamlLoader = _with_rules(getattr(yaml, "CSafeLoader", yaml.SafeLoader))
"""libyaml's parser where PyYAML was built with it (front matter is read on every reload).
It refuses a lone surrogate escape as a syntax error."""
YamlLoader = _with_rules(yaml.SafeLoader)
"""PyYAML's own parser: reads a lone surrogate escape, which the rules then replace."""


def load_yaml(
    text: str, loader_class: type[yaml.SafeLoader] = FastYamlLoader
) -> tuple[object, list[tuple[int, str]]]:
    """The document of `text` and the notes on what was changed, each with its 1-based
    line. Raises `yaml.YAMLError` for text that is not YAML, and `YamlRefused` for a
    document whose aliases expand too far or that nests too deep."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, []
        _check_expansion(node)
        data = loader.construct_document(node)
        return data, [(line + 1, message) for line, message in loader.notes]
    except RecursionError:  # PyYAML's composer and constructor recurse once a level
        raise YamlRefused(1, "nested too deep to be read") from None
    finally:
        loader.dispose()


def _check_expansion(root: Node) -> None:
    """Refuse a document whose aliases make it expand to many more values than it writes,
    or refer to themselves. Each distinct node is counted once (linear in the text)."""
    sizes: dict[int, int] = {}
    active: set[int] = set()
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        children = _children(node)
        if done:
            active.discard(key)
            sizes[key] = 1 + sum(sizes[id(child)] for child in children)
            continue
        if key in sizes:
            continue
        if key in active:
            raise YamlRefused(node.start_mark.line + 1, "an alias refers to itself")
        active.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in children if id(child) not in sizes)
    written, expanded = len(sizes), sizes[id(root)]
    if expanded > max(EXPANSION_FLOOR, EXPANSION_FACTOR * written):
        raise YamlRefused(
            root.start_mark.line + 1,
            f"its aliases expand {written} values to {expanded:,} (an alias bomb?): not read",
        )


def _children(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return list(node.value)
    if isinstance(node, MappingNode):
        return [part for pair in node.value for part in pair]
    return []
