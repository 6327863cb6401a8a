"""Exports written as they are made (issue #11): the file streamed to disk is the one
``render`` makes in memory, pieces join to what the whole-text functions made, and a
failure while making the chunks leaves nothing behind."""

from __future__ import annotations

import json
import re
import threading
from typing import cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hostile_library import build
from reader.core.errors import ReaderError
from reader.core.exchange import atomic_file, markdown
from reader.core.exchange.exporting import FORMATS, ExportFilter, collect, render, write_export

ONE_FILE = [f for f in FORMATS if f not in ("obsidian", "xmi", "brat")]


@pytest.fixture
def items(library, tmp_path):
    build(library, tmp_path)
    return collect(library, ExportFilter())


def _steady(fmt: str, data: bytes) -> bytes:
    """The export less what changes from one second to the next (dates)."""
    if fmt == "hypothesis":
        return re.sub(rb'"export_date": "[^"]*"', b"", data)
    if fmt in ("docx", "xlsx"):
        import io
        import zipfile

        with zipfile.ZipFile(io.BytesIO(data)) as package:
            parts = [package.read(name) for name in package.namelist()]
        return b"\0".join(re.sub(rb"<dcterms:\w+[^<]*</dcterms:\w+>", b"", p) for p in parts)
    return data


@pytest.mark.parametrize(
    ("fmt", "full_text"), [(f, False) for f in ONE_FILE] + [("markdown", True), ("docx", True)]
)
def test_the_streamed_file_is_what_render_makes(items, tmp_path, fmt, full_text):
    path = tmp_path / f"out.{fmt}"
    size = write_export(path, fmt, items, full_text=full_text)
    written = path.read_bytes()
    assert size == len(written) > 0
    assert _steady(fmt, written) == _steady(fmt, render(fmt, items, full_text=full_text))


@pytest.mark.parametrize("fmt", ["jsonl", "w3c", "labelstudio", "csv", "markdown"])
def test_streamed_exports_of_nothing_are_what_render_makes(tmp_path, fmt):
    path = tmp_path / "empty"
    write_export(path, fmt, [])
    assert path.read_bytes() == render(fmt, [])


def test_chunks_are_written_as_they_come_and_a_failure_leaves_nothing(tmp_path):
    path = tmp_path / "out.txt"
    seen = []

    def chunks():
        for n in range(3):
            seen.append(sorted(p.name for p in tmp_path.iterdir()))
            yield f"chunk {n}\n".encode()

    assert atomic_file.write_atomically(path, chunks()) == 24
    assert path.read_bytes() == b"chunk 0\nchunk 1\nchunk 2\n"
    assert seen[0] == seen[2] and seen[0][0].startswith(".out.txt.")  # the part file

    def failing():
        yield b"half"
        raise ValueError("the export broke")

    other = tmp_path / "other.txt"
    with pytest.raises(ValueError, match="the export broke"):
        atomic_file.write_atomically(other, failing())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]

    def no_space():
        yield b"half"
        raise OSError(28, "No space left on device")

    with pytest.raises(ReaderError, match=r"cannot write .*other\.txt"):
        atomic_file.write_atomically(other, no_space())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


@given(st.lists(st.text(max_size=6)), st.integers(1, 8))
def test_utf8_chunks_join_to_the_text(pieces, size):
    chunks = list(atomic_file.utf8_chunks(pieces, size))
    assert b"".join(chunks) == "".join(pieces).encode("utf-8")
    assert all(chunks)


@given(st.lists(st.sampled_from(["", " ", "\n", "a", "a \n", " b", "\u3000", "c\t"])))
def test_trimmed_pieces_are_the_text_stripped_at_its_end(pieces):
    assert "".join(markdown._trimmed(pieces)) == "".join(pieces).rstrip() + "\n"


def _old_marked_line(parts: list[tuple[str, bool]]) -> str:
    """``marked_line`` as it was before it wrote the runs as it went (a list of texts
    and runs, then each run looked at between its neighbours)."""
    items: list[str | tuple[bool, bool]] = []
    closing = False
    for text, marked in parts:
        if not text:
            continue
        if closing or marked:
            items.append((closing, marked))
        items.append(text)
        closing = marked
    if closing:
        items.append((True, False))
    out: list[str] = []
    for n, item in enumerate(items):
        if isinstance(item, str):
            out.append(item)
            continue
        closes, opens = item
        run = "==" * (closes + opens)
        before = cast(str, items[n - 1])[-1] if n else None
        after = cast(str, items[n + 1])[0] if n + 1 < len(items) else None
        if not markdown._delimits(before, after, opens, closes):
            guard_before = before is not None and not markdown._punctuation(before, False)
            guard_after = after is not None and not markdown._punctuation(after, False)
            run = (markdown._GUARD if guard_before else "") + run
            run += markdown._GUARD if guard_after else ""
        out.append(run)
    return "".join(out)


_PIECE = st.text(st.sampled_from(list("文a1 ，。!*=(「」😀\t")), max_size=4)


@settings(max_examples=400)
@given(st.lists(st.tuples(_PIECE, st.booleans()), max_size=8))
def test_marked_line_is_the_one_it_replaced(parts):
    assert markdown.marked_line(parts) == _old_marked_line(parts)


@given(st.text(st.sampled_from(list(" \t1.)-#>=文a\\")), max_size=8))
def test_inert_paragraph_is_the_one_it_replaced(line):
    stripped = line.lstrip(" \t")
    head = "\\" if stripped[:1] in markdown._MD_LINE_START else ""
    old = markdown._ORDERED.sub(r"\1\\\2", head + stripped, count=1) if stripped else ""
    assert markdown._inert_paragraph(line) == old


def test_w3c_pieces_are_the_collection_as_json(items):
    from reader.core.exchange import jsonld

    document = json.loads(jsonld.w3c(items))
    assert document["total"] == len(document["first"]["items"]) == sum(len(i.notes) for i in items)
    assert json.loads(jsonld.w3c([]))["first"]["items"] == []


def _old_md_line(line: str) -> str:
    stripped = line.lstrip(" \t")
    indent = line[: len(line) - len(stripped)]
    body = markdown._md(stripped)
    if stripped[:1] in markdown._MD_LINE_START and not body.startswith("\\"):
        body = "\\" + body
    if body[:1].isdigit():
        body = markdown._ORDERED.sub(r"\1\\\2", body, count=1)
    if not indent:
        return body
    return indent.replace(" ", "&#32;").replace("\t", "&#9;") + body


@given(st.text(st.sampled_from(list(" \t1２.)-#>=*文a\\\n")), max_size=8))
def test_markdown_lines_and_texts_are_what_they_were(text):
    line = text.replace("\n", "")
    assert markdown._md_line(line) == _old_md_line(line)
    lines = [_old_md_line(x) if x.strip() else "&nbsp;" for x in text.split("\n")]
    assert markdown.md_text(text, "  ") == "\\\n  ".join(lines)


def test_a_part_deflated_on_its_thread_is_the_part_deflated_whole():
    import zlib

    from reader.core.exchange import zip_parts

    data = [f"<p>第{n}段 {'文' * (n % 50)}</p>".encode() for n in range(3000)]
    with zip_parts.Deflater("a.xml") as deflater:
        for piece in data:
            deflater.write(piece)
        part = deflater.part()
    whole = zip_parts.deflate("a.xml", b"".join(data))
    assert (part.name, part.crc, part.size) == (whole.name, whole.crc, whole.size)
    assert zlib.decompress(part.deflated, -15) == b"".join(data)
    threads = threading.active_count()
    with pytest.raises(ValueError), zip_parts.Deflater("b.xml") as left:
        left.write(b"<p/>")
        raise ValueError("the export broke")
    assert not left._thread.is_alive() and threading.active_count() <= threads
