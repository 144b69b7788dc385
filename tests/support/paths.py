"""Where the tests find things: the project, its shipped data, the test fixtures, and the
shared material beside the project (absent in a user's clone: tests that need it skip)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "bot" / "data"
FIXTURES = ROOT / "tests" / "fixtures"
PAGES = FIXTURES / "pages"
CONSTRUCT_PAGES = FIXTURES / "construct_pages"
SCHEDULES = FIXTURES / "schedules"
SHARED = ROOT.parent / "shared"
