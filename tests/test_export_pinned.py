"""Exports pinned to their output: the Word review report's paragraphs and styles, the
empty-export sentence, and writing files and folders (atomic temporary names, overwrite,
the Obsidian folder)."""

from __future__ import annotations

import io
import os
import re
import time
import zipfile
from dataclasses import replace
from pathlib import Path
from xml.etree import ElementTree

import pytest

from export_helpers import annotate, items_for
from reader.core.errors import ReaderError
from reader.core.exchange import atomic_file
from reader.core.exchange.atomic_file import remove_stale_parts, write_atomically
from reader.core.exchange.export_docx import docx_bytes
from reader.core.exchange.exporting import (
    ExportFilter,
    nothing_to_export,
    write_export,
)
from reader.core.exchange.fills import wash
from reader.core.exchange.names import ORPHAN_MARK, STATUS_NAMES
from reader.core.library.store import shorten_path
from reader.core.notes.vocab import COLOURS

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
REPORT = "Reader 审阅报告 · Review report"


def _paragraphs(data: bytes) -> list[dict]:
    """Each paragraph of the document: its style, text and run properties."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = ElementTree.fromstring(archive.read("word/document.xml"))
    out = []
    for p in root.iter(f"{W}p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        rpr = p.find(f"{W}r/{W}rPr")
        size = rpr.find(f"{W}sz") if rpr is not None else None
        fill = rpr.find(f"{W}shd") if rpr is not None else None
        colour = rpr.find(f"{W}color") if rpr is not None else None
        out.append(
            {
                "style": None if style is None else style.get(f"{W}val"),
                "text": "".join(t.text or "" for t in p.iter(f"{W}t")),
                "italic": rpr is not None and rpr.find(f"{W}i") is not None,
                "size": None if size is None else int(size.get(f"{W}val")) / 2,
                "fill": None if fill is None else fill.get(f"{W}fill"),
                "colour": None if colour is None else colour.get(f"{W}val"),
            }
        )
    return out


def _core_title(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        core = archive.read("docProps/core.xml").decode("utf-8")
    return re.search(r"<dc:title>(.*?)</dc:title>", core).group(1)


def test_docx_report_paragraphs(library):
    made = annotate(library)
    items = [i for i in items_for(library) if i.notes]
    first = items[0]
    paragraphs = _paragraphs(docx_bytes(items))
    assert paragraphs[0]["style"] == "Title" and paragraphs[0]["text"] == REPORT
    heading = paragraphs[1]
    assert (heading["style"], heading["text"]) == ("Heading1", first.article.title)
    status = paragraphs[2]
    assert status["text"] == (
        f"状态 Status: {STATUS_NAMES[first.article.status]}   {first.article.source_path}"
    )
    assert (status["style"], status["italic"], status["size"]) == (None, True, 9)
    quotes = [p for p in paragraphs if p["style"] == "Quote"]
    assert [q["text"] for q in quotes] == [n.annotation.quote for i in items for n in i.notes]
    by_quote = {a.quote: a for a in made}
    tag_colours = {t.name: t.color for i in items for t in i.tags}
    for q in quotes:
        a = by_quote[q["text"]]
        if a.color in COLOURS:  # its colour; else its first tag's wash (fills.py), else yellow
            expected = COLOURS[a.color].light
        else:
            expected = wash(tag_colours[a.tags[0]]) if a.tags else "#ffe066"
        assert q["fill"] == expected.removeprefix("#")
        assert q["italic"] is False
    signatures = [p for p in paragraphs if p["text"].startswith("— 编辑甲  ")]
    assert len(signatures) == len(quotes)
    assert {p["size"] for p in signatures} == {8}
    assert signatures[0]["text"] == "— 编辑甲  " + made[0].updated_at[:16].replace("T", " ")
    assert paragraphs[-1] == signatures[-1]
    assert _core_title(docx_bytes(items)) == REPORT  # two articles


def test_docx_labels_and_orphans(library):
    annotate(library)
    item = items_for(library)[0]
    note = item.notes[0]
    gone = replace(note, annotation=replace(note.annotation, state="orphaned"))
    item = replace(item, notes=(gone,))
    labels = {item.article.status: "STATUS-WORD", "orphaned": "passage gone"}
    paragraphs = _paragraphs(docx_bytes([item], labels))
    assert paragraphs[2]["text"].startswith("状态 Status: STATUS-WORD   ")
    (at,) = [i for i, p in enumerate(paragraphs) if p["text"].startswith(ORPHAN_MARK)]
    assert paragraphs[at]["text"] == f"{ORPHAN_MARK} passage gone"
    assert paragraphs[at]["colour"] == "B00020"
    assert paragraphs[at + 1]["style"] == "Quote"
    assert _core_title(docx_bytes([item])) == item.article.title  # one article: its title
    said = {"Review report": "REPORT-WORD", "Review status": "STATUS-LABEL"}
    paragraphs = _paragraphs(docx_bytes([item, item], said))  # the window's language
    assert paragraphs[0]["text"] == "REPORT-WORD"
    assert paragraphs[2]["text"].startswith("STATUS-LABEL: ")
    assert _core_title(docx_bytes([item, item], said)) == "REPORT-WORD"


def test_nothing_to_export_names_every_filter():
    wanted = ExportFilter(
        tags=("人物", "地点"), status="reviewed", colours=("pink",), annotators=("甲", "乙")
    )
    assert nothing_to_export([], wanted) == (
        "nothing to export: no annotations with tag 人物, tag 地点, status reviewed (已审), "
        "colour pink, annotator 甲, annotator 乙"
    )
    assert nothing_to_export([], ExportFilter()) == (
        "nothing to export: no annotations in this library"
    )


def test_write_atomically_uses_a_hidden_part_file(tmp_path, monkeypatch):
    seen = []
    real = os.replace

    def spy(src, dst):
        seen.append(Path(src).name)
        return real(src, dst)

    monkeypatch.setattr(atomic_file.os, "replace", spy)
    write_atomically(tmp_path / "out.md", b"data")
    (name,) = seen
    assert atomic_file._PART.match(name).group("name") == "out.md"
    assert (tmp_path / "out.md").read_bytes() == b"data"
    assert os.listdir(tmp_path) == ["out.md"]


def test_write_atomically_failing_twice_still_says_why(tmp_path, monkeypatch):
    def refuse(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic_file.os, "replace", refuse)
    monkeypatch.setattr(atomic_file.os, "unlink", refuse)
    with pytest.raises(ReaderError) as caught:
        write_atomically(tmp_path / "out.md", b"data")
    assert str(caught.value) == f"cannot write {tmp_path / 'out.md'}: no space left on device"


def test_write_atomically_names_a_path_it_cannot_inspect(tmp_path):
    path = tmp_path / ("名" * 200)  # too long a name for the file system
    with pytest.raises(ReaderError) as caught:
        write_atomically(path, b"x")
    assert str(caught.value) == f"cannot write {shorten_path(path)}: file name too long"


def test_stale_parts_of_this_name_only_are_removed(tmp_path):
    target = tmp_path / "out.md"
    for i in range(10):
        (tmp_path / f"other{i}.txt").write_text("keep")
    stale = [tmp_path / f".out.md.{c * 8}.part" for c in "abc"]
    foreign = tmp_path / ".else.md.abcdefgh.part"
    old = time.time() - 3600
    for path in [*stale, foreign]:
        path.write_text("partial")
        os.utime(path, (old, old))
    fresh = tmp_path / ".out.md.zzzzzzzz.part"
    fresh.write_text("being written now")
    os.utime(fresh, (time.time() + 60, time.time() + 60))
    assert remove_stale_parts(target) == 3
    assert not any(p.exists() for p in stale)
    assert foreign.exists() and fresh.exists()
    assert len(list(tmp_path.glob("other*.txt"))) == 10


def test_write_export_overwrites_a_file_when_allowed(library, tmp_path):
    annotate(library)
    items = items_for(library)
    path = tmp_path / "notes.md"
    path.write_text("old")
    with pytest.raises(ReaderError, match="exists; choose another name or allow overwriting"):
        write_export(path, "markdown", items)
    size = write_export(path, "markdown", items, overwrite=True)
    assert path.stat().st_size == size and path.read_text("utf-8") != "old"


def test_obsidian_folder_export(library, tmp_path):
    annotate(library)
    items = [i for i in items_for(library) if i.notes]
    folder = tmp_path / "vault"
    folder.mkdir()
    status = items[0].article.status
    labels = {status: "LABELLED-STATUS"}
    size = write_export(folder, "obsidian", items, labels=labels)
    files = sorted(folder.iterdir())
    assert len(files) == len(items) and all(p.suffix == ".md" for p in files)
    assert size == sum(p.stat().st_size for p in files)
    first = (folder / f"{items[0].article.title}.md").read_text("utf-8")
    assert 'status: "LABELLED-STATUS"' in first.split("---")[1]
    with pytest.raises(ReaderError) as caught:
        write_export(folder, "obsidian", items)
    assert str(caught.value) == (
        f"{folder / items[0].article.title}.md exists ({len(items)} notes would be replaced); "
        "choose another folder or allow overwriting"
    )
    again = write_export(folder, "obsidian", items, overwrite=True)
    assert again == sum(p.stat().st_size for p in folder.iterdir())
    assert "LABELLED-STATUS" not in (folder / f"{items[0].article.title}.md").read_text("utf-8")


def test_full_text_is_refused_for_a_folder_format(library, tmp_path):
    annotate(library)
    with pytest.raises(ReaderError) as caught:
        write_export(tmp_path / "vault", "obsidian", items_for(library), full_text=True)
    assert str(caught.value).startswith("--full-text is not available for obsidian; ")
    assert not (tmp_path / "vault").exists()


def test_obsidian_leaves_out_context_of_white_space_only(library):
    from reader.core.exchange.obsidian import obsidian_files

    annotate(library)
    item = next(i for i in items_for(library) if i.notes)
    note = item.notes[0]
    for prefix, suffix in (("\n", "\n"), ("  \n", " \n ")):  # a break, spaces: no words
        bare = replace(note, annotation=replace(note.annotation, prefix=prefix, suffix=suffix))
        [data] = obsidian_files([replace(item, notes=(bare,))], None).values()
        quoted = [line for line in data.decode().splitlines() if line.startswith(">")]
        assert quoted == [f"> =={note.annotation.quote}=="]  # no line of "…" alone
