"""The real Synapse homeservers of the Matrix tests (tests/support/synapse.py documents the
harness): one shared by the session, and private ones for a test that needs its own."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.support.synapse import Synapse


@pytest.fixture(scope="session")
def synapse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Synapse]:
    """One Synapse (relaxed rate limits) shared by the whole session."""
    server = Synapse(tmp_path_factory.mktemp("synapse"))
    server.start()
    yield server
    server.stop()


@pytest.fixture
def synapse_factory(tmp_path: Path) -> Iterator[Callable[..., Synapse]]:
    """Private servers for one test: `synapse_factory(tight=True)`, or with more homeserver.yaml
    keys; all stopped at the end."""
    started: list[Synapse] = []

    def start(*, tight: bool = False, **extra: object) -> Synapse:
        server = Synapse(tmp_path / f"synapse{len(started)}", tight=tight, **extra)
        started.append(server)
        server.start()
        return server

    yield start
    for server in started:
        server.stop()
