"""Exports of hostile notes: inert CSV cells and Markdown, file modes, stale temporary files."""

from __future__ import annotations

import csv
import io
import os
import stat
import time
from dataclasses import replace
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

from export_helpers import annotate, items_for
from reader.core.exchange import atomic_file
from reader.core.exchange.atomic_file import write_atomically
from reader.core.exchange.export_formats import _cell, md_text
from reader.core.exchange.exporting import ExportArticle, ExportNote, render

FORMULAS = [
    "=1+1",
    "+1",
    "-1",
    "@SUM(A1)",
    "＝1+1",
    "﹦1+1",
    "＋1",
    "－1",
    "＠A1",
    " =1+1",
    "\u200b=1+1",
    "\ufeff=1+1",
    "\u3000=1",
    "\t=1",
    "\r=1",
    "ok\n=1+1",
    "ok\r\n+1",
    "ok\n \u200b=1",
]


@pytest.mark.parametrize("value", FORMULAS)
def test_csv_guards_every_formula_trigger(value):
    cell = _cell(value)
    assert cell.startswith("'"), repr(cell)
    for line in cell.replace("\r\n", "\n").split("\n")[1:]:
        stripped = line.lstrip(" \t\u200b\ufeff\u3000")
        assert not stripped or stripped[0] not in "=+-@＝﹦＋－＠" or line.startswith("'"), cell


@pytest.mark.parametrize("value", ["劳模服务宣讲团", "a=b", "2026", "ok\nfine", ""])
def test_csv_leaves_harmless_cells_alone(value):
    assert _cell(value) == value


HOSTILE_NOTES = [
    "title\n---",
    "title\n===",
    "- item\n- item",
    "* item",
    "+ item",
    "1. first\n2) second",
    "    indented code",
    "\tcode",
    "> quote",
    "# heading",
    "***",
    "___",
    "- - -",
    "```\ncode\n```",
    "~~~\ncode",
    "| a | b |\n|---|---|",
    "[link](http://x)",
    "[^1]: fake footnote",
    "<div>html</div>",
    "&amp; &#60;",
    "==mark==",
    "para\n\n***\n\nmore",
    "text\n\n    code after a blank line",
    "[ref]: http://x",
]


def _block_types(md: str) -> list[str]:
    parser = MarkdownIt("commonmark").use(footnote_plugin).enable("table")
    return [t.type for t in parser.parse(md) if t.nesting >= 0 and t.type != "inline"]


def _inline_types(md: str) -> set[str]:
    parser = MarkdownIt("commonmark").use(footnote_plugin).enable(["table", "strikethrough"])
    return {c.type for t in parser.parse(md) if t.type == "inline" for c in t.children or []}


@pytest.mark.parametrize("note", HOSTILE_NOTES)
def test_a_markdown_note_is_always_inert_text(note):
    md = md_text(note)
    assert _block_types(md) == ["paragraph_open"], (note, md)
    assert _inline_types(md) <= {"text", "hardbreak", "softbreak"}, (note, md)
    plain = MarkdownIt("commonmark").render(md)
    for word in ("title", "item", "code", "quote"):
        if word in note:
            assert word in plain


@pytest.mark.parametrize("note", HOSTILE_NOTES)
def test_a_note_inside_a_footnote_stays_in_the_footnote(library, note):
    annotate(library)
    items = items_for(library)
    first = items[0]
    hostile = ExportNote(replace(first.notes[0].annotation, note=note), first.notes[0].section)
    item = ExportArticle(first.article, (hostile,))
    md = render("markdown", [item], full_text=True).decode()
    parser = MarkdownIt("commonmark").use(footnote_plugin)
    tokens = parser.parse(md)
    in_footnote = False
    for token in tokens:
        if token.type == "footnote_block_open":
            in_footnote = True
        if in_footnote:
            assert token.type not in {
                "hr",
                "heading_open",
                "bullet_list_open",
                "ordered_list_open",
                "code_block",
                "fence",
                "blockquote_open",
                "html_block",
            }, (note, token.type)
    assert any(t.type == "footnote_block_open" for t in tokens)
    assert [t.type for t in tokens if t.type == "footnote_open"] == ["footnote_open"]


def test_csv_export_of_hostile_notes_parses_back(library):
    annotate(library)
    items = items_for(library)
    first = items[0]
    hostile = tuple(
        ExportNote(replace(first.notes[0].annotation, note=value), "") for value in FORMULAS
    )
    data = render("csv", [ExportArticle(first.article, hostile)])
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert [row[8].startswith("'") for row in rows[1:]] == [True] * len(FORMULAS)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_export_respects_the_umask(tmp_path):
    old = os.umask(0o022)
    try:
        write_atomically(tmp_path / "a.md", b"x")
        assert _mode(tmp_path / "a.md") == 0o644
        os.umask(0o077)
        write_atomically(tmp_path / "b.md", b"x")
        assert _mode(tmp_path / "b.md") == 0o600
    finally:
        os.umask(old)


def test_force_keeps_the_mode_of_the_replaced_file(tmp_path):
    target = tmp_path / "notes.csv"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_atomically(target, b"new", overwrite=True)
    assert target.read_bytes() == b"new" and _mode(target) == 0o640


def test_stale_part_files_are_cleaned_up(tmp_path):
    target = tmp_path / "notes.md"
    stale = tmp_path / ".notes.md.abcd1234.part"
    stale.write_bytes(b"half")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    other = tmp_path / ".other.md.abcd1234.part"
    other.write_bytes(b"not ours")
    os.utime(other, (old, old))
    fresh = tmp_path / ".notes.md.zzzz9999.part"
    fresh.write_bytes(b"another process writing now")
    os.utime(fresh, (atomic_file._STARTED + 10, atomic_file._STARTED + 10))
    write_atomically(target, b"data")
    assert target.read_bytes() == b"data"
    assert not stale.exists()
    assert other.exists() and fresh.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [target.name, other.name, fresh.name]
    )


def test_a_killed_export_leaves_nothing_behind_after_the_next(tmp_path):
    """A real kill: the child writes its .part file and dies; the next export cleans up."""
    import signal
    import subprocess
    import sys

    code = (
        "import os, tempfile, sys\n"
        "fd, name = tempfile.mkstemp(prefix='.out.md.', suffix='.part', dir=sys.argv[1])\n"
        "os.write(fd, b'half'); print(name, flush=True); os.kill(os.getpid(), 9)\n"
    )
    child = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, timeout=60
    )
    assert child.returncode == -signal.SIGKILL
    part = Path(child.stdout.strip())
    assert part.exists()
    old = atomic_file._STARTED - 5
    os.utime(part, (old, old))  # as if an earlier run had been killed
    write_atomically(tmp_path / "out.md", b"done")
    assert not part.exists()
