"""The library's long-lived objects and Python's cycle collector (issue #11).

A full collection walks every object the collector tracks. With 50,000 articles open,
the outline, the tree's nodes and Qt's wrappers are some 260,000 objects: 0.1 s with
Python's lock held, at a moment set by allocations (typically as an import starts, in
its worker, so the window stalls). Once the tree shows a library, what is alive is moved
out of the collector's generations (``gc.freeze``). The tree breaks the cycles of the
nodes it drops, so those go by reference counting; a library closed is given back
(``gc.unfreeze``) and collected as usual.
"""

from __future__ import annotations

import gc


def keep_long_lived() -> None:
    """What is alive now stays: later collections walk only what comes after it.

    Once something is set aside, a full collection first walks only what came since
    (cheap), so garbage in cycles made since is freed, not set aside with the rest."""
    if gc.get_freeze_count():
        gc.collect()
    gc.freeze()


def release_long_lived() -> None:
    """What ``keep_long_lived`` set aside is collectable again (a library closed)."""
    gc.unfreeze()
