"""Building a large structure without the cyclic garbage collector walking it."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collection_paused() -> Iterator[None]:
    """No cyclic garbage collection while a programme's agenda and index (or a part of the
    index made on first use) are built: they make hundreds of thousands of containers,
    none of them garbage, and each full collection walks all of them and the programme
    again (half the build of 100,000 sessions, three quarters of the typo index's)."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()
