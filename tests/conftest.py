"""Fixtures every folder of the tests may use. The real-Synapse ones are in
tests/matrix/conftest.py, beside the tests that start a homeserver."""

from __future__ import annotations

from tests.support.proposals_kit import open_world

__all__ = ["open_world"]
