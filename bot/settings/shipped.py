"""Where the files shipped with the bot are: apart from the configuration, so that what
reads them (the name lists, `bot.programme.aliases`, which the readers import) does not
import the configuration's validation."""

from __future__ import annotations

from pathlib import Path

SHIPPED_DATA = Path(__file__).resolve().parents[1] / "data"
"""The programmes and name lists shipped with the bot (package data of `bot`, so a regular
install has them too); the programmes are used when the configuration names none."""
