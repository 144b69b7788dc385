"""What every section of the configuration is: a frozen pydantic model that refuses
unknown keys (a typo is named, not ignored)."""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict


def is_url(text: str) -> bool:
    return re.match(r"https?://", text.strip(), re.I) is not None


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
