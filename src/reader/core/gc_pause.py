"""Building tens of thousands of small objects at once (a big library's outline, the
tree's rows): Python's cyclic collector runs every 700 new containers and each full
pass walks every object alive, so it costs more than the building. None of these
objects make cycles; the collector waits until they are built."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
