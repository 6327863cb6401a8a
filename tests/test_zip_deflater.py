"""zip_parts.Deflater: a part deflated on a thread of its own, taking at once all that
was written since it last looked; Python's switch interval short while parts deflate."""

from __future__ import annotations

import sys
import threading
import zlib

import pytest

from reader.core.exchange import zip_parts


def _pieces() -> list[bytes]:
    return [f"<p>第{n}段 {'文' * (n % 50)}</p>".encode() for n in range(3000)]


@pytest.mark.parametrize("held", [1, 200, 1 << 20])
def test_every_piece_is_deflated_once_in_order(monkeypatch, held):
    """However much may wait (one piece, a few, all), the part is its pieces in order."""
    monkeypatch.setattr(zip_parts, "_HELD", held)
    data = _pieces()
    whole = b"".join(data)
    expected = zip_parts.deflate("a.xml", whole)
    taken: list[int] = []
    compressobj = zlib.compressobj

    class Counting:  # how many pieces each call to zlib got
        def __init__(self, *args: object) -> None:
            self._zlib = compressobj(*args)

        def compress(self, chunk: bytes) -> bytes:
            taken.append(len(chunk))
            return self._zlib.compress(chunk)

        def flush(self) -> bytes:
            return self._zlib.flush()

    monkeypatch.setattr(zip_parts.zlib, "compressobj", Counting)
    with zip_parts.Deflater("a.xml") as deflater:
        for piece in data:
            deflater.write(piece)
        part = deflater.part()
    assert zlib.decompress(part.deflated, -15) == whole
    assert (part.crc, part.size) == (zlib.crc32(whole), len(whole))
    assert part.deflated == expected.deflated  # the very stream deflating it whole makes
    assert sum(taken) == len(whole)
    if held == 1:  # a piece waits only while none is being deflated: one at a time
        assert taken == list(map(len, data))


def test_the_switch_interval_is_short_while_parts_deflate_and_put_back_after():
    before = sys.getswitchinterval()
    try:
        sys.setswitchinterval(0.004)
        with zip_parts.Deflater("a.xml") as first:
            assert sys.getswitchinterval() == zip_parts._SWITCH
            with pytest.raises(ValueError), zip_parts.Deflater("b.xml") as second:
                second.write(b"<p/>")
                raise ValueError("the export broke")
            assert sys.getswitchinterval() == zip_parts._SWITCH  # the first still deflates
            first.write(b"<p/>")
            first.part()
            assert sys.getswitchinterval() == 0.004
        assert sys.getswitchinterval() == 0.004  # leaving after part() changes nothing
        sys.setswitchinterval(0.0001)  # already shorter: kept
        short = sys.getswitchinterval()
        with zip_parts.Deflater("c.xml"):
            assert sys.getswitchinterval() == short
        assert sys.getswitchinterval() == short
    finally:
        sys.setswitchinterval(before)


def test_a_failing_deflate_is_raised_by_part_and_writing_never_hangs(monkeypatch):
    monkeypatch.setattr(zip_parts, "_HELD", 10)

    class Failing:
        def __init__(self, *args: object) -> None:
            pass

        def compress(self, chunk: bytes) -> bytes:
            raise MemoryError

    monkeypatch.setattr(zip_parts.zlib, "compressobj", Failing)
    threads = threading.active_count()
    with zip_parts.Deflater("a.xml") as deflater:
        for piece in _pieces():
            deflater.write(piece)
        with pytest.raises(MemoryError):
            deflater.part()
    assert threading.active_count() <= threads
