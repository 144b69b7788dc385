"""Validation problems said as an operator needs them: the key, what is wrong, what was
expected (pydantic's errors, reworded)."""

from __future__ import annotations

from typing import get_args

from pydantic import BaseModel
from pydantic_core import ErrorDetails


def describe(problem: ErrorDetails, root: type[BaseModel]) -> str:
    """One validation problem of the model `root` as 'key: what is wrong, what was expected
    (got ...)'."""
    loc = problem["loc"]
    key = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in loc)[1:]
    kind = problem["type"]
    if kind == "extra_forbidden":
        known = ", ".join(_section_at(root, loc[:-1]).model_fields)
        return f"{key}: unknown key; expected one of: {known}"
    if kind == "missing":
        return f"{key}: required key missing"
    if kind in ("model_type", "dict_type"):
        known = ", ".join(_section_at(root, loc).model_fields)
        return f"{key}: expected a section (key: value lines) with keys {known}" \
               f" (got {problem.get('input')!r})"
    message = problem["msg"].removeprefix("Value error, ")
    return f"{key}: {message} (got {problem.get('input')!r})"


def _section_at(root: type[BaseModel], loc: tuple[int | str, ...]) -> type[BaseModel]:
    """The section model found at `loc` in `root` (list items skipped)."""
    model = root
    for part in loc:
        field = model.model_fields.get(str(part)) if isinstance(part, str) else None
        if field is None:
            continue
        for candidate in (field.annotation, *get_args(field.annotation)):
            if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                model = candidate
    return model
