"""Zip packages (.docx, .xlsx) from parts compressed ahead of time.

``zipfile`` compresses a part as it writes it; a Word export's template parts (its
styles alone are 800 KB of XML) are the same for every export, so they are deflated
once a process and written as they are. ``package`` writes the entries as
``ZipFile.writestr(name, data)`` does at compression level 1 (deflated, dated now,
mode 0600; the tests compare the two byte for byte), and leaves packages too large
for a plain zip, which no export of notes comes near, to ``zipfile``'s ZIP64.
"""

from __future__ import annotations

import io
import struct
import sys
import threading
import time
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass

_LIMIT = (1 << 31) - 1  # zipfile.ZIP64_LIMIT: past it, sizes and offsets need ZIP64
_VERSION = 20  # made by and needed to extract: deflate
_SYSTEM = 0 if sys.platform == "win32" else 3  # as zipfile.ZipInfo says
_MODE = 0o600 << 16  # ?rw------- as ZipFile.writestr gives a part named by a string


@dataclass(frozen=True)
class Part:
    name: str
    crc: int  # CRC-32 of the data
    size: int  # the data's length
    deflated: bytes  # the data, a raw deflate stream at level 1


def deflate(name: str, data: bytes) -> Part:
    compressor = zlib.compressobj(1, zlib.DEFLATED, -15)
    deflated = compressor.compress(data) + compressor.flush()
    return Part(name, zlib.crc32(data), len(data), deflated)


class Deflater:
    """A part deflated as its data comes (as ``deflate`` deflates it whole): only the
    deflated stream is kept.

    The deflating runs on a thread of its own: zlib lets go of the GIL while it
    works, so the next pieces are made meanwhile (a second core's work; a third of a
    whole-text Word export's time is deflating). The thread takes all that was written
    since it last looked and deflates it in one call: it needs the GIL back after each
    call, and waits for it while the writing thread runs Python, so it asks seldom
    (taking one piece at a time, it fell behind and the writer waited for it, as long
    as the deflating took). The writer waits only when ``_HELD`` bytes are still to
    deflate. Use it in a ``with``: leaving early ends the thread.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        # A gzip stream: zlib keeps the CRC-32 as it deflates, in its trailer, and the
        # deflated data between its header and trailer is the raw stream.
        self._compressor = zlib.compressobj(1, zlib.DEFLATED, 16 + 15)
        self._size = 0
        self._out: list[bytes] = []
        self._waiting: list[bytes] = []  # written, not yet taken
        self._held = 0  # their size
        self._closed = False
        self._changed = threading.Condition()
        self._failed: BaseException | None = None
        self._thread = threading.Thread(target=self._work, name=f"deflate {name}", daemon=True)
        self._thread.start()
        self._switching = True
        _switch_often(True)

    def __enter__(self) -> Deflater:
        return self

    def __exit__(self, *exc: object) -> None:
        self._end()

    def _work(self) -> None:
        changed = self._changed
        closed = False
        while not closed:
            with changed:
                while not (self._waiting or self._closed):
                    changed.wait()
                taken, self._waiting, self._held = self._waiting, [], 0
                closed = self._closed  # nothing is written after: this is the rest
                changed.notify()
            if self._failed is not None or not taken:
                continue  # only taken, so that write() never waits for nothing
            try:
                data = taken[0] if len(taken) == 1 else b"".join(taken)
                self._size += len(data)
                self._out.append(self._compressor.compress(data))
            except BaseException as exc:  # MemoryError: given to whoever waits for the part
                self._failed = exc

    def _end(self) -> None:
        if self._thread.is_alive():
            with self._changed:
                self._closed = True
                self._changed.notify()
            self._thread.join()
        if self._switching:
            self._switching = False
            _switch_often(False)

    def write(self, data: bytes) -> None:
        if not data:
            return
        with self._changed:
            while self._held >= _HELD:
                self._changed.wait()
            self._waiting.append(data)
            self._held += len(data)
            self._changed.notify()

    def part(self) -> Part:
        """The part, once all its data is written."""
        self._end()
        if self._failed is not None:
            raise self._failed
        self._out.append(self._compressor.flush())
        stream = b"".join(self._out)
        crc = int.from_bytes(stream[-8:-4], "little")
        return Part(self.name, crc, self._size, stream[_GZIP_HEADER:-8])


_GZIP_HEADER = 10  # zlib's: no name, no extra fields
_HELD = 1 << 20  # bytes written and not yet deflated, at most (30 articles' runs)
_SWITCH = 0.001  # seconds
_switch_lock = threading.Lock()
_deflating = 0  # parts deflating on their threads
_switch_was = 0.0  # the switch interval before the first of them


def _switch_often(on: bool) -> None:
    """While parts deflate on their threads, a thread waiting for the GIL gets it
    within 1 ms, not Python's 5: a deflating thread back from zlib waits no longer
    than that for the thread making the part (a whole-text Word export took a fifth
    less time on two cores). The switch interval is the process's: the first part
    in shortens it, the last out puts it back; a shorter one set elsewhere is kept."""
    global _deflating, _switch_was
    with _switch_lock:
        if on and _deflating == 0:
            _switch_was = sys.getswitchinterval()
            if _switch_was > _SWITCH:
                sys.setswitchinterval(_SWITCH)
        _deflating += 1 if on else -1
        if not on and _deflating == 0 and _switch_was > _SWITCH:
            sys.setswitchinterval(_switch_was)


def package(parts: Iterable[Part]) -> bytes:
    """The zip of ``parts``, in their order."""
    parts = list(parts)
    total = sum(len(p.deflated) + len(p.name) + 30 for p in parts)
    if total > _LIMIT or len(parts) >= 0xFFFF or any(p.size > _LIMIT for p in parts):
        return _with_zipfile(parts)
    now = time.localtime(time.time())
    date = (now.tm_year - 1980) << 9 | now.tm_mon << 5 | now.tm_mday
    clock = now.tm_hour << 11 | now.tm_min << 5 | now.tm_sec // 2
    out: list[bytes] = []
    directory: list[bytes] = []
    offset = 0
    for part in parts:
        name = part.name.encode("utf-8")
        flags = 0 if part.name.isascii() else 0x800  # the name in UTF-8
        sizes = (part.crc, len(part.deflated), part.size, len(name))
        header = struct.pack(
            "<4s2B4HL2L2H", b"PK\x03\x04", _VERSION, 0, flags, 8, clock, date, *sizes, 0
        )
        entry = struct.pack(
            "<4s4B4HL2L5H2L",
            *(b"PK\x01\x02", _VERSION, _SYSTEM, _VERSION, 0, flags, 8, clock, date),
            *(*sizes, 0, 0, 0, 0, _MODE, offset),
        )
        out += (header, name, part.deflated)
        directory += (entry, name)
        offset += len(header) + len(name) + len(part.deflated)
    size = sum(map(len, directory))
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(parts), len(parts), size, offset, 0)
    return b"".join((*out, *directory, end))


def _with_zipfile(parts: list[Part]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as package:
        for part in parts:
            package.writestr(part.name, zlib.decompress(part.deflated, -15))
    return buffer.getvalue()
