"""Library files this process holds open through SQLite, which Python must not open.

POSIX advisory locks belong to a process, not to a file descriptor: closing *any*
descriptor of a file drops every lock the process holds on it. A Python ``open()`` of
a library file that one of our connections has open (a job's connection reading the
file's header while the window's connection is open) thus dropped the window's locks.
Another process (``reader ls`` in a terminal) closing its connection then found itself
the last one: it checkpointed and deleted the ``-wal`` and ``-shm`` files under the
window, whose next statement failed with "disk I/O error". SQLite names this way to
corrupt a database ("How To Corrupt An SQLite Database File", 2.2).

So a file is counted here from the moment a connection has it open until that
connection is closed, and its header is read only while the count is zero. Files are
known by device and inode: another path to the same file is the same file.
"""

from __future__ import annotations

import os
import threading
from collections import Counter
from pathlib import Path

FileKey = tuple[int, int]

# held while a library is being opened (header read, connection made, counted) and while
# one is released: a header is never read between another thread's connect and its count
LOCK = threading.RLock()
_held: Counter[FileKey] = Counter()


def key_of(path: Path) -> FileKey | None:
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return st.st_dev, st.st_ino


def is_held(path: Path) -> bool:
    key = key_of(path)
    with LOCK:
        return key is not None and _held[key] > 0


def hold(path: Path) -> FileKey | None:
    """Count one more connection to ``path`` (which exists once it is open)."""
    key = key_of(path)
    if key is not None:
        with LOCK:
            _held[key] += 1
    return key


def release(key: FileKey | None) -> None:
    """One connection fewer (after it was closed)."""
    if key is None:
        return
    with LOCK:
        _held[key] -= 1
        if _held[key] <= 0:
            del _held[key]
