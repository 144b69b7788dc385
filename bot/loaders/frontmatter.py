"""YAML front matter: the '---' block at the top of a published page."""

from __future__ import annotations

from pathlib import Path

import yaml

from bot.programme.model import Problem, SourceRef

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader where PyYAML was built with it: front matter is read on every reload."""


def split_front_matter(path: Path, text: str) -> tuple[dict | None, str, int, list[Problem]]:
    """(metadata, body, first line number of the body, problems) of a page.

    Metadata is None when the front matter cannot be read; the problem says where and why,
    and the body after it is still given (a broken front matter costs the front matter only).
    """
    lines = text.lstrip("\ufeff").split("\n")
    if not lines or lines[0].strip() != "---":
        return (
            None,
            text,
            1,
            [
                Problem(
                    SourceRef(str(path), 1), "expected front matter starting with '---'", "error"
                )
            ],
        )
    closing = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if closing is None:
        return (
            None,
            text,
            1,
            [
                Problem(
                    SourceRef(str(path), 1),
                    "front matter is never closed: expected a '---' line",
                    "error",
                )
            ],
        )
    try:
        meta = yaml.load("\n".join(lines[1:closing]), Loader=_LOADER) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        reason = getattr(error, "problem", None) or str(error)
        return (
            None,
            "\n".join(lines[closing + 1 :]),
            closing + 2,
            [
                Problem(
                    SourceRef(str(path), line), f"front matter is not valid YAML: {reason}", "error"
                )
            ],
        )
    if not isinstance(meta, dict):
        return (
            None,
            "\n".join(lines[closing + 1 :]),
            closing + 2,
            [Problem(SourceRef(str(path), 2), "front matter should be a mapping of keys", "error")],
        )
    return meta, "\n".join(lines[closing + 1 :]), closing + 2, []
