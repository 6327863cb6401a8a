"""Hostile input and faults: nothing hangs, blows up or stops a whole import.

Front matter bombs, broken HTML, FIFOs and devices, unreadable folders and
files, paths too long, NUL bytes late in a file. Memory is asserted through
tracemalloc peaks, never through time.
"""

from __future__ import annotations

import errno
import logging
import os
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from conftest import run_reader
from reader.core.errors import DecodeError, UnreadableFileError
from reader.core.ingest import importer, rows
from reader.core.ingest.importer import INTERNAL_ERROR, Outcome, import_paths
from reader.core.library.articles import list_articles
from reader.core.text import files
from reader.core.text.decoding import decode_bytes
from reader.core.text.files import read_source_file
from reader.core.text.front_matter import load_front_matter
from reader.core.text.html_text import HtmlLineReader
from reader.core.text.structure import parse_text

AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0

LAUGHS = "\n".join(
    ['lol: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"l{n}: &{chr(98 + n)} [{', '.join(['*' + chr(97 + n)] * 9)}]" for n in range(8)]
)
BAD_HTML = "标题\n\n正文<![![p>内容。\n"


def _peak(fn) -> int:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


# --- front matter -----------------------------------------------------------


@pytest.mark.parametrize("name", ["a.txt", "a.md"])
def test_billion_laughs_front_matter_parses_small(name):
    assert len(LAUGHS) < 600
    page = f"---\n{LAUGHS}\n---\n# 标题\n\n正文。\n"
    peak = _peak(lambda: parse_text(page, name))
    assert peak < 5 * 2**20  # the expansion would be gigabytes
    doc = parse_text(page, name)
    assert "lol" not in doc.metadata and "l7" not in doc.metadata
    assert doc.articles[-1].blocks[-1].text == "正文。"


@pytest.mark.parametrize("name", ["a.txt", "a.md"])
@pytest.mark.parametrize("body", ["[" * 5000, "a: " + "[" * 5000 + "]" * 5000, "{a: " * 3000])
def test_deeply_nested_front_matter_is_no_metadata_and_no_error(name, body):
    doc = parse_text(f"---\n{body}\n---\n正文。\n", name)
    assert doc.metadata == {}
    assert any("正文。" in a.text for a in doc.articles)


@pytest.mark.parametrize(
    "body",
    [
        "date: 2024-13-45",  # a ValueError inside PyYAML's constructor
        "title: !!python/object:os.system x",
        "a: 1\n---\nb: 2",
        "title: &t x\nsubtitle: *t",  # aliases refused even when small
        "- just\n- a list",
        "title: '" + "长" * 70000 + "'",  # over the size bound
    ],
)
def test_bad_front_matter_gives_no_metadata(body):
    assert load_front_matter(body) is None
    if "\n---\n" not in body:  # a second document would close the block in a page
        doc = parse_text(f"---\n{body}\n---\n正文。\n", "a.txt")
        assert doc.metadata == {}


def test_good_front_matter_still_read():
    doc = parse_text("---\ntitle: 标题\nauthors: [甲, 乙]\ndate: 2024-05-01\n---\n正文。\n", "a.md")
    assert doc.metadata == {"title": "标题", "author": "甲、乙", "date": "2024-05-01"}


def test_front_matter_values_bounded():
    data = load_front_matter("tags: [" + ", ".join(["x" * 50] * 200) + "]\nnested: [[a, [b]]]")
    assert data is not None
    doc = parse_text("---\ntags: [" + ", ".join(["x" * 50] * 200) + "]\n---\n正文。\n", "a.txt")
    assert len(doc.metadata["tags"]) <= 2000


# --- HTML ---------------------------------------------------------------------


def test_broken_marked_section_is_read_not_raised():
    doc = parse_text(BAD_HTML, "a.txt")
    assert [b.text for b in doc.articles[0].blocks] == ["标题", "正文内容。"]


@pytest.mark.parametrize(
    "line",
    ["<![![p>", "<![if x>y", "<![ foo [", "a<![-->b", "<!", "<![endif]>", "<![CDATA[x"],
)
def test_marked_sections_never_raise(line):
    HtmlLineReader().read_line(line)
    parse_text(f"正文{line}内容。\n", "a.txt")
    parse_text(f"正文{line}内容。\n", "a.md")


def test_long_html_line_keeps_headings_and_captions():
    reader = HtmlLineReader()
    found = reader.read_line("<h2>" + "长" * 5000 + "</h2>")
    assert found.level == 2 and found.text == "长" * 5000
    found = reader.read_line("<figcaption>" + "图" * 5000 + "<b" + "&#" * 3000)
    assert found.caption and found.text.startswith("图" * 5000)


def test_unclosed_script_does_not_hold_every_later_line():
    reader = HtmlLineReader()
    reader.read_line("<script>")
    for n in range(2000):
        reader.read_line(f"var x{n} = '<b>';")
    assert len(reader.rawdata) <= 4096
    assert reader.read_line("</script>正文").text == "正文"


def test_deep_unclosed_tags_are_bounded():
    reader = HtmlLineReader()
    reader.read_line("<b>" * 10000 + "字")
    assert len(reader._stack) <= 64


# --- one bad file does not stop an import ------------------------------------


def _three(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "three"
    folder.mkdir()
    paths = [folder / "1.txt", folder / "2.txt", folder / "3.txt"]
    paths[0].write_text("第一篇\n\n正文一。\n", encoding="utf-8")
    paths[1].write_text(BAD_HTML, encoding="utf-8")
    paths[2].write_text("第三篇\n\n正文三。\n", encoding="utf-8")
    return paths


def test_html_case_imports_with_its_neighbours(library, tmp_path):
    summary = import_paths(library, _three(tmp_path))
    assert summary.count(Outcome.IMPORTED) == 3 and not summary.refused


def test_unexpected_error_in_one_file_refuses_it_alone(library, tmp_path, monkeypatch, caplog):
    real = importer.parse_text

    def parse(text, name):
        if name == "2.txt":  # the traceback the HTML parser used to raise
            raise AssertionError("expected name token at '<![![p>'")
        return real(text, name)

    monkeypatch.setattr(importer, "parse_text", parse)
    with caplog.at_level(logging.ERROR, logger="reader"):
        summary = import_paths(library, _three(tmp_path))
    assert [(r.path.name, r.outcome) for r in summary.results] == [
        ("1.txt", Outcome.IMPORTED),
        ("2.txt", Outcome.REFUSED),
        ("3.txt", Outcome.IMPORTED),
    ]
    assert summary.refused[0].reason == INTERNAL_ERROR
    assert any("2.txt" in r.getMessage() and r.exc_info for r in caplog.records)
    assert sorted(a.title for a in list_articles(library)) == ["第一篇", "第三篇"]


def test_failure_while_storing_rolls_the_file_back(library, tmp_path, monkeypatch):
    paths = _three(tmp_path)
    real = rows._block_rows

    def block_rows(ids, articles):  # after the source's and its articles' rows
        if any("正文内容" in article.text for article in articles):
            raise RuntimeError("boom after the source row was written")
        return real(ids, articles)

    monkeypatch.setattr(rows, "_block_rows", block_rows)
    summary = import_paths(library, paths)
    assert [r.outcome for r in summary.results] == [
        Outcome.IMPORTED,
        Outcome.REFUSED,
        Outcome.IMPORTED,
    ]
    names = [r[0] for r in library.db.execute("SELECT name FROM sources ORDER BY name")]
    assert names == ["1.txt", "3.txt"]  # nothing of 2.txt is left
    orphans = library.db.execute(
        "SELECT count(*) FROM articles WHERE source_id NOT IN (SELECT id FROM sources)"
    ).fetchone()[0]
    assert orphans == 0


def test_cli_import_refuses_bad_file_and_goes_on(tmp_path, monkeypatch):
    paths = _three(tmp_path)
    paths[1].write_bytes(b"x" * 9000 + b"\x00" + "正文。".encode())  # NUL after 8 KB
    out = run_reader("import", str(paths[0].parent), "--library", str(tmp_path / "l.sqlite3"))
    assert out.returncode == 1, out.stderr
    assert "2.txt: it looks like a binary file, not text" in out.stderr
    assert "2 imported" in out.stdout and "1 refused" in out.stdout
    assert "Traceback" not in out.stderr


# --- FIFOs, devices, sizes ----------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_fifo_refused_at_once_by_parse_and_import(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    out = run_reader("parse", str(fifo))  # run_reader has a timeout: a hang fails
    assert out.returncode == 2 and "named pipe" in out.stderr and "Traceback" not in out.stderr
    good = tmp_path / "good.txt"
    good.write_text("标题\n\n正文。\n", encoding="utf-8")
    out = run_reader("import", str(tmp_path), "--library", str(tmp_path / "l.sqlite3"))
    assert out.returncode == 1
    assert f"refused: {fifo}: it is a named pipe (FIFO), not a regular file" in out.stderr
    assert "1 imported" in out.stdout


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_dev_zero_refused(tmp_path, library):
    proc = subprocess.run(
        [sys.executable, "-m", "reader", "parse", "/dev/zero"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2 and "character device" in proc.stderr
    summary = import_paths(library, ["/dev/zero"])
    assert summary.refused[0].reason == "it is a character device, not a regular file"


def test_size_limit_enforced_before_reading(tmp_path, library, monkeypatch):
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(101 * 2**20)  # sparse: all NULs if it were read
    reads: list[int] = []
    real_read = os.read
    monkeypatch.setattr(files.os, "read", lambda fd, n: reads.append(n) or real_read(fd, n))
    summary = import_paths(library, [big])
    assert summary.refused[0].reason.startswith("too large (101 MB; the limit is 100 MB)")
    assert reads == []
    with pytest.raises(UnreadableFileError, match="too large"):
        read_source_file(big, limit=10)


def test_file_growing_past_the_limit_stops_the_read(tmp_path, monkeypatch):
    """The size from stat may be stale: the read itself stops one byte past the limit."""
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 100)
    real_fstat = os.fstat

    class Stale:
        def __init__(self, info: os.stat_result) -> None:
            self.st_mode, self.st_size = info.st_mode, 10

    monkeypatch.setattr(files.os, "fstat", lambda fd: Stale(real_fstat(fd)))
    with pytest.raises(UnreadableFileError, match="over the limit"):
        read_source_file(path, limit=50)


# --- unreadable folders and files, long paths --------------------------------


def test_unreadable_subfolder_named_in_refusals(tmp_path, library, monkeypatch):
    top = tmp_path / "top"
    (top / "locked").mkdir(parents=True)
    (top / "locked" / "x.txt").write_text("正文。", encoding="utf-8")
    (top / "a.txt").write_text("标题\n\n正文。\n", encoding="utf-8")
    real = os.scandir

    def scandir(path):
        if Path(path).name == "locked":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(importer.os, "scandir", scandir)
    summary = import_paths(library, [top])
    assert summary.count(Outcome.IMPORTED) == 1
    assert [(r.path, r.reason) for r in summary.refused] == [
        (top / "locked", "folder not read: permission denied")
    ]


@pytest.mark.skipif(AS_ROOT or sys.platform == "win32", reason="root reads any folder")
def test_unreadable_subfolder_for_real(tmp_path, library):
    top = tmp_path / "top"
    locked = top / "locked"
    locked.mkdir(parents=True)
    (locked / "x.txt").write_text("正文。", encoding="utf-8")
    (top / "a.txt").write_text("标题\n\n正文。\n", encoding="utf-8")
    locked.chmod(0)
    try:
        summary = import_paths(library, [top])
    finally:
        locked.chmod(0o755)
    assert summary.count(Outcome.IMPORTED) == 1
    assert [r.path for r in summary.refused] == [locked]
    assert "permission denied" in summary.refused[0].reason


def test_unreadable_file_refused(tmp_path, library, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text("正文。", encoding="utf-8")
    real = os.open

    def deny(p, flags, *args):
        if Path(p) == path:
            raise PermissionError(errno.EACCES, "Permission denied", str(p))
        return real(p, flags, *args)

    monkeypatch.setattr(files.os, "open", deny)
    summary = import_paths(library, [path])
    assert summary.refused[0].reason == "permission denied"


@pytest.mark.skipif(AS_ROOT or sys.platform == "win32", reason="root reads any file")
def test_unreadable_file_for_real(tmp_path, library):
    path = tmp_path / "a.txt"
    path.write_text("正文。", encoding="utf-8")
    path.chmod(0)
    summary = import_paths(library, [path])
    assert summary.refused[0].reason == "permission denied"


def test_path_too_long_refused(tmp_path, library):
    long = tmp_path / ("长" * 2000 + ".txt")
    summary = import_paths(library, [long, tmp_path / ("d" * 300) / "x.txt"])
    reasons = [r.reason for r in summary.refused]
    assert reasons[0] == "the path is too long for this system"
    assert reasons[1] in ("the path is too long for this system", "no such file or folder")
    out = run_reader("parse", str(long))
    assert out.returncode == 2 and "too long" in out.stderr


# --- NUL and control characters ------------------------------------------------


def test_nul_after_8k_is_binary():
    with pytest.raises(DecodeError, match="binary"):
        decode_bytes("正文。".encode() * 3000 + b"\x00" + "正文。".encode())
    with pytest.raises(DecodeError, match="binary"):
        decode_bytes(("正文。" * 3000 + "\x00").encode("utf-16"))


def test_few_control_characters_become_spaces_many_are_binary():
    decoded = decode_bytes("第一页\x0c第二页\x1b[0m。".encode())
    assert decoded.text == "第一页 第二页 [0m。"
    with pytest.raises(DecodeError, match="binary"):
        decode_bytes(("正文\x01" * 50).encode())


# --- memory on long lines -----------------------------------------------------


def test_letter_spaced_line_parses_in_bounded_memory():
    line = " ".join("专技人员服务中心" * 20000)  # one OCR line, 480 KB as UTF-8
    size = len(line.encode())
    peak = _peak(lambda: parse_text(line, "a.txt"))
    assert peak < 6 * size
    assert parse_text(line, "a.txt").articles[0].text == "专技人员服务中心" * 20000


def test_file_name_in_another_encoding_imports(tmp_path, library):
    raw = os.fsencode(tmp_path) + b"/gbk\xd5\xfd.txt"  # 正 in GBK: not UTF-8
    try:
        with open(raw, "wb") as f:
            f.write("标题\n\n正文。\n".encode())
    except OSError:
        pytest.skip("this file system refuses names that are not UTF-8")
    summary = import_paths(library, [tmp_path])
    assert summary.count(Outcome.IMPORTED) == 1, summary.refused
    name = library.db.execute("SELECT name FROM sources").fetchone()[0]
    assert name == "gbk\\xd5\\xfd.txt"


def test_nul_in_a_path_is_refused(library):
    with pytest.raises(UnreadableFileError, match="NUL"):
        read_source_file("a\x00b.txt")
    summary = import_paths(library, ["a\x00b.txt"])
    assert "not a usable path" in summary.refused[0].reason
