"""Writing a folder of notes (Obsidian), each note atomically, their data flushed at once."""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

from reader.core.errors import ReaderError, WouldReplaceError
from reader.core.exchange.atomic_file import _remove_stale_parts, _umask
from reader.core.library.store import describe_os_error, shorten_path


def write_files_atomically(
    folder: Path, files: Mapping[str, bytes], *, overwrite: bool = False
) -> None:
    """Write each of ``files`` into ``folder`` as ``write_atomically`` writes one (a
    temporary file renamed once its data is on disk: a note is old or new, never
    partial), but with the data of all of them flushed at once: one ``syncfs`` on
    Linux instead of an ``fsync`` per note (0.3 s for 140 notes on a busy disk)."""
    targets = [folder / name for name in files]
    modes = []
    for path in targets:
        try:
            existing = path.stat() if path.exists() else None
        except OSError as exc:
            raise ReaderError(
                f"cannot write {shorten_path(path)}: {describe_os_error(exc)}"
            ) from exc
        if existing is not None and not overwrite:
            raise WouldReplaceError(
                f"{shorten_path(path)} exists; choose another name or allow overwriting",
                [path.name],
            )
        if existing is not None and not stat.S_ISREG(existing.st_mode):
            raise ReaderError(f"{shorten_path(path)} is not a regular file; choose another name")
        modes.append(stat.S_IMODE(existing.st_mode) if existing is not None else None)
    names = {path.name for path in targets}
    _remove_stale_parts(folder, names)
    umask = _umask()
    handles: list[int] = []  # open, in the order of ``temps``
    temps: list[str] = []
    current = folder
    try:
        for path, data, mode in zip(targets, files.values(), modes, strict=True):
            current = path
            handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
            handles.append(handle)
            temps.append(temp)
            _write_all(handle, data)
            os.fchmod(handle, mode if mode is not None else 0o666 & ~umask)
        current = folder
        _flush_all(handles)
        while handles:
            os.close(handles.pop())
        for path, temp in zip(targets, temps, strict=True):
            current = path
            os.replace(temp, path)
    except OSError as exc:
        for handle in handles:
            with contextlib.suppress(OSError):
                os.close(handle)
        for temp in temps:
            with contextlib.suppress(OSError):
                os.unlink(temp)
        raise ReaderError(
            f"cannot write {shorten_path(current)}: {describe_os_error(exc)}"
        ) from exc
    _remove_stale_parts(folder, names)


def _write_all(handle: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(handle, view) :]


def _flush_all(handles: list[int]) -> None:
    """Put the data of the open files ``handles`` (all in one folder) on disk."""
    if handles and sys.platform.startswith("linux"):
        import ctypes  # here: loading it slows the app's start

        syncfs = getattr(ctypes.CDLL(None, use_errno=True), "syncfs", None)
        if syncfs is not None and syncfs(handles[0]) == 0:
            return  # the whole file system at once: one journal commit
    for handle in handles:
        os.fsync(handle)
