"""Writing a file atomically: a hidden temporary file beside it, renamed into place.

The data may come in chunks, made while they are written (an export's text, piece
by piece), so a file of any size is never whole in memory; a failure while making
or writing them leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from reader.core.errors import ReaderError, WouldReplaceError
from reader.core.library.store import describe_os_error, shorten_path

_STARTED = time.time()  # this process's start, near enough: when the export code loaded
_PART = re.compile(r"^\.(?P<name>.+)\.[A-Za-z0-9_]{8}\.part$")


def utf8_chunks(pieces: Iterable[str], size: int = 1 << 18) -> Iterator[bytes]:
    """The pieces of a text in UTF-8, joined into chunks of about ``size`` characters
    (a few large writes; memory for one chunk, not the whole text)."""
    held: list[str] = []
    count = 0
    for piece in pieces:
        held.append(piece)
        count += len(piece)
        if count >= size:
            yield "".join(held).encode("utf-8")
            held.clear()
            count = 0
    if count:
        yield "".join(held).encode("utf-8")


def write_atomically(path: Path, data: bytes | Iterable[bytes], *, overwrite: bool = False) -> int:
    """Write to a temporary file beside ``path``, then rename: never a partial file.
    ``data`` is the bytes, or chunks of them, written as they come (made as they
    are written, they may fail: nothing is left then). Returns the bytes written.

    The new file gets the mode a plain ``open()`` would give it (0666 less the
    umask); a replaced file keeps its own mode. Hidden ``.NAME.XXXXXXXX.part``
    files left beside ``path`` by a writer killed before this process started
    are removed.
    """
    try:
        existing = _lstat(path)
    except OSError as exc:
        raise ReaderError(f"cannot write {shorten_path(path)}: {describe_os_error(exc)}") from exc
    if existing is not None and stat.S_ISLNK(existing.st_mode):
        # Replacing the link would cut it; writing through it would change a file
        # elsewhere, perhaps not the user's to change. Neither is done.
        raise ReaderError(
            f"{shorten_path(path)} is a symbolic link; Reader does not replace links: "
            "give the path of the file it points to, or another name"
        )
    if existing is not None and not overwrite:
        raise WouldReplaceError(
            f"{shorten_path(path)} exists; choose another name or allow overwriting", [path.name]
        )
    if existing is not None and stat.S_ISDIR(existing.st_mode):
        raise ReaderError(f"{shorten_path(path)} is a folder; give a file name")
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        raise ReaderError(f"{shorten_path(path)} is not a regular file; choose another name")
    folder = path.parent if str(path.parent) else Path(".")
    remove_stale_parts(path)
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise ReaderError(
            f"cannot write in {shorten_path(folder)}: {describe_os_error(exc)}"
        ) from exc
    mode = stat.S_IMODE(existing.st_mode) if existing is not None else 0o666 & ~_umask()
    written = 0
    try:
        with os.fdopen(handle, "wb", buffering=0) as out:
            for chunk in [data] if isinstance(data, bytes) else data:
                written += _write_all(out.fileno(), chunk)
            os.fchmod(out.fileno(), mode)
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException as exc:  # a write, or the export making the chunks, failed
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if not isinstance(exc, OSError):
            raise
        raise ReaderError(f"cannot write {shorten_path(path)}: {describe_os_error(exc)}") from exc
    remove_stale_parts(path)
    return written


def _write_all(handle: int, data: bytes) -> int:
    view = memoryview(data)
    while view:
        view = view[os.write(handle, view) :]
    return len(data)


def _lstat(path: Path) -> os.stat_result | None:
    """The path's own status (a link's, not its target's); None when nothing is there."""
    try:
        return path.lstat()
    except (FileNotFoundError, NotADirectoryError):
        return None


def remove_stale_parts(path: Path) -> int:
    """Delete ``.NAME.XXXXXXXX.part`` files beside ``path`` older than this process."""
    return _remove_stale_parts(path.parent if str(path.parent) else Path("."), {path.name})


def _remove_stale_parts(folder: Path, names: set[str]) -> int:
    """Delete ``.NAME.XXXXXXXX.part`` files in ``folder``, NAME one of ``names``, older
    than this process."""
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        match = _PART.match(entry.name)
        if match is None or match.group("name") not in names:
            continue
        with contextlib.suppress(OSError):
            info = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(info.st_mode) and info.st_mtime < _STARTED:
                os.unlink(entry.path)
                removed += 1
    return removed


def _umask() -> int:
    """The process umask, read without changing it where the OS allows (threads export too)."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    current = os.umask(0o022)
    os.umask(current)
    return current
