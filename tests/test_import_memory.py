"""What a parse result and an import hold (issue #9), and the helpers that keep it small.

``Block`` holds a one-line block's number without a tuple and a derived ``end``
without an int: it must behave as the frozen dataclass it replaced. The import
stores a file's raw text, its articles' hashes and block line lists a piece at
a time: the bytes and strings stored must be those made whole before.
"""

from __future__ import annotations

import copy
import hashlib
import json
import pickle
import random
import tracemalloc
import zlib
from collections.abc import Sequence
from dataclasses import FrozenInstanceError, dataclass
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core import stamps
from reader.core.ingest.importer import Outcome, import_file
from reader.core.library import raw_sources
from reader.core.text.files import read_source_file
from reader.core.text.model import Block, BlockKind, LineSpan, lines_json
from reader.core.text.structure import parse_text


@dataclass(frozen=True, slots=True)
class _DataclassBlock:
    """``Block`` as it was."""

    kind: BlockKind
    text: str
    lines: Sequence[int]
    start: int = 0
    end: int = 0
    level: int | None = None


_LINES = st.one_of(
    st.lists(st.integers(0, 3000), max_size=4).map(tuple),
    st.builds(lambda a, n: LineSpan(a, a + n), st.integers(0, 3000), st.integers(0, 5)),
    st.lists(st.integers(0, 9), max_size=2),  # a list stays a list: not equal to a tuple
)
_ARGS = st.tuples(
    st.sampled_from(list(BlockKind)),
    st.sampled_from(["", "x", "标题", "一段文字。" * 60]),
    _LINES,
    st.integers(0, 100_000),
    st.integers(0, 100_000) | st.just(-1),  # -1: start + len(text)
    st.none() | st.integers(1, 6),
)


def _both(args: tuple) -> tuple[Block, _DataclassBlock]:
    kind, text, lines, start, end, level = args
    end = start + len(text) if end < 0 else end
    return Block(kind, text, lines, start, end, level), _DataclassBlock(
        kind, text, lines, start, end, level
    )


@given(_ARGS, _ARGS)
def test_a_block_behaves_as_the_dataclass_it_replaced(one, other):
    block, expected = _both(one)
    other_block, other_expected = _both(other)
    fields = ("kind", "text", "lines", "start", "end", "level")
    assert [getattr(block, f) for f in fields] == [getattr(expected, f) for f in fields]
    assert repr(block) == repr(expected).replace("_DataclassBlock", "Block")
    if isinstance(expected.lines, list):  # unhashable, as the dataclass was
        with pytest.raises(TypeError):
            hash(block)
    else:
        assert hash(block) == hash(expected)
    assert (block == other_block) == (expected == other_expected)
    assert block == Block(*(getattr(expected, f) for f in fields))
    assert block != expected  # another class, as a dataclass compares
    assert pickle.loads(pickle.dumps(block)) == block == copy.deepcopy(block)
    assert block.to_json()["lines"] == list(expected.lines)
    assert block.to_json()["end"] == expected.end
    match block:
        case Block(kind, text, lines, start, end, level):
            assert (kind, text, lines, start, end, level) == tuple(
                getattr(expected, f) for f in fields
            )
    with pytest.raises(FrozenInstanceError):
        block.text = "other"  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        del block.start  # type: ignore[misc]


def test_a_one_line_block_holds_its_number_and_no_end():
    block = Block(BlockKind.HEADING, "标题", (1234,), 5000, 5002, 2)
    assert block._lines == 1234 and block._end is None  # no tuple, no int of its end
    assert block.lines == (1234,) and block.end == 5002
    assert Block(BlockKind.HEADING, "标题", (1234,), 5000, 7, 2)._end == 7  # kept as given


@given(st.lists(st.integers(0, 10**6), max_size=3000))
def test_lines_json_is_the_list_as_json(numbers):
    expected = f"[{','.join(map(str, numbers))}]"
    assert lines_json(numbers) == lines_json(tuple(numbers)) == expected
    if numbers:
        span = LineSpan(numbers[0], numbers[0] + len(numbers))
        assert lines_json(span) == f"[{','.join(map(str, span))}]"
    if numbers:  # a block's own, one line or more
        block = Block(BlockKind.PARAGRAPH, "段", tuple(numbers), 0, 1)
        assert block.lines_json() == lines_json(block.lines) == expected
        assert json.loads(block.lines_json()) == numbers


def _whole_pack(text: str, preset: bytes) -> bytes:
    """``pack`` as it was: the text encoded whole, compressed in one call."""
    data = text.encode("utf-8", "surrogatepass")
    if not preset:
        return zlib.compress(data, raw_sources.LEVEL)
    packer = zlib.compressobj(raw_sources.LEVEL, zdict=preset)
    return packer.compress(data) + packer.flush()


@given(
    st.text(st.sampled_from("中文字 a\n\U0001f600\ud800\udc00"), max_size=400),
    st.sampled_from([b"", b"\xe4\xb8\xad\xe6\x96\x87" * 40]),
)
def test_a_text_packed_a_piece_at_a_time_is_the_stream_packed_whole(text, preset):
    saved = raw_sources._PACK_CHARS
    raw_sources._PACK_CHARS = 7  # pieces end everywhere
    try:
        packed = raw_sources.pack(text, preset)
    finally:
        raw_sources._PACK_CHARS = saved
    assert packed == _whole_pack(text, preset)
    assert raw_sources.unpack(None, packed, preset) == text


@given(st.text(st.sampled_from("中文字 a\n\U0001f600"), max_size=200))
def test_a_text_hashed_a_piece_at_a_time_is_hashed_as_whole(text):
    saved = stamps._HASH_CHARS
    stamps._HASH_CHARS = 5
    try:
        found = stamps.text_hash(text)
    finally:
        stamps._HASH_CHARS = saved
    assert found == hashlib.sha256(text.encode("utf-8")).hexdigest()


def _headlines(size: int) -> str:
    """Short lines with no sentence mark, a blank line now and then: most blocks one line."""
    rng = random.Random(9)
    han = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
    parts: list[str] = []
    total = 0
    while total < size:
        parts.append("".join(rng.choices(han, k=rng.randint(4, 14))))
        parts[-1] += "\n" if rng.random() < 0.3 else ""
        total += len(parts[-1].encode("utf-8")) + 1
    return "\n".join(parts)


# Measured 9.3 at 512 KB (the parse and the decoded text); 12.6 before, with the Block
# dataclass (a tuple and an int more per block), the raw text and the article text
# encoded whole, and the decoded text held until the articles were stored.
def test_importing_a_file_of_headlines_holds_under_ten_times_the_file(library, tmp_path: Path):
    path = tmp_path / "h.txt"
    path.write_text(_headlines(512 * 1024), encoding="utf-8")
    warm = tmp_path / "warm.txt"
    warm.write_text("# 标题\n\n正文。\n", encoding="utf-8")
    import_file(library, warm)  # statements prepared, parsers built
    parse_text("标题\n\n正文。\n", "w.txt")
    tracemalloc.start()
    try:
        result = import_file(library, path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.outcome is Outcome.IMPORTED
    assert peak / path.stat().st_size < 10


def test_a_small_file_is_read_with_no_buffer_of_a_chunk(tmp_path: Path):
    path = tmp_path / "small.txt"
    data = "一行字。\n".encode() * 2000  # 26 KB
    path.write_bytes(data)
    tracemalloc.start()
    try:
        read = read_source_file(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert read == data
    assert peak < 2 * len(data)  # was a 1 MB buffer for the read that finds the end
