"""Reading a source file's bytes, safely: regular files only, bounded in size.

A FIFO, a socket or a device (``/dev/zero``) given as a file would block or
never end. Each is refused at once, from its ``stat``, before it is opened;
the open is non-blocking and checked again on the open descriptor, so a path
swapped in between is refused too. The size is checked before reading, and
the read stops one byte past the limit whatever the size said.
"""

from __future__ import annotations

import errno
import os
import stat

from reader.core.errors import UnreadableFileError

MAX_FILE_BYTES = 100 * 1024 * 1024
_CHUNK = 1024 * 1024
_PROBE = 4096  # asked for after a short read

_REASONS = {
    errno.ENOENT: "no such file or folder",
    errno.ENOTDIR: "no such file or folder (a part of the path is not a folder)",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENAMETOOLONG: "the path is too long for this system",
    errno.ELOOP: "too many levels of symbolic links",
    errno.EISDIR: "it is a folder",
    errno.EIO: "an input/output error while reading it",
}


def os_reason(exc: OSError) -> str:
    """A readable reason for an OS error, without the path (the caller names it)."""
    if exc.errno in _REASONS:
        return _REASONS[exc.errno]
    return (exc.strerror or type(exc).__name__).lower()


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    return "not a regular file"


def _refuse_mode(mode: int) -> None:
    if not stat.S_ISREG(mode):
        kind = kind_of(mode)
        what = kind if kind.startswith("not") else f"it is {kind}, not a regular file"
        raise UnreadableFileError(what)


def _refuse_size(size: int, limit: int) -> None:
    if size > limit:
        raise UnreadableFileError(
            f"too large ({size / 2**20:.0f} MB; the limit is {limit // 2**20} MB)"
        )


def read_source_file(path: str | os.PathLike[str], limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes.

    Raises :class:`UnreadableFileError` with a one-line reason (without the
    path) for anything else; it never blocks on a FIFO or a device.
    """
    try:
        _refuse_mode(os.stat(path).st_mode)
    except OSError as exc:
        raise UnreadableFileError(os_reason(exc)) from exc
    except ValueError as exc:  # a NUL character in the path
        raise UnreadableFileError("not a usable path (it holds a NUL character)") from exc
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    flags |= getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise UnreadableFileError(os_reason(exc)) from exc
    try:
        info = os.fstat(fd)
        _refuse_mode(info.st_mode)
        _refuse_size(info.st_size, limit)
        # A regular file usually comes in one read of its size (one copy in memory), then
        # a small one that finds its end: no buffer of a chunk's size for a small file.
        chunks: list[bytes] = []
        total = 0
        want = info.st_size + 1
        while True:
            asked = min(want, limit + 1 - total)
            chunk = os.read(fd, asked)
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            want = _CHUNK if len(chunk) == asked else _PROBE  # short: most likely the end
            if total > limit:
                raise UnreadableFileError(
                    f"too large (over the limit of {limit // 2**20} MB while reading)"
                )
        return chunks[0] if len(chunks) == 1 else b"".join(chunks)
    except OSError as exc:
        raise UnreadableFileError(os_reason(exc)) from exc
    finally:
        os.close(fd)
