"""A file name that promises another kind of file than the export writes is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_reader
from reader.core.errors import ReaderError
from reader.core.exchange.exporting import FOLDER_FORMATS, FORMATS, SUFFIXES, check_file_name


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("notes.xlsx", "markdown"),
        ("notes.md", "xlsx"),
        ("notes.CSV", "docx"),
        ("notes.html", "jsonl"),
        ("notes.docx", "html"),
        ("notes.json", "csv"),
        ("notes.txt", "xlsx"),  # a binary file named as text
    ],
)
def test_a_name_promising_another_kind_is_refused(name, fmt):
    with pytest.raises(ReaderError) as refused:
        check_file_name(Path("/tmp") / name, fmt)
    message = str(refused.value)
    assert message.startswith(f"{name} ends in {Path(name).suffix}")
    assert f"name it {Path(name).stem}{SUFFIXES[fmt]}" in message


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("notes.md", "markdown"),
        ("notes.markdown", "markdown"),
        ("notes.MD", "markdown"),
        ("notes.txt", "markdown"),  # text of any kind may be called .txt
        ("notes.txt", "csv"),
        ("notes.json", "jsonl"),  # JSON, JSON Lines and JSON-LD are one kind
        ("notes.jsonl", "w3c"),
        ("notes.jsonld", "labelstudio"),
        ("notes.htm", "html"),
        ("notes.tsv", "csv"),
        ("notes", "docx"),  # no suffix: as given
        ("notes.bak", "xlsx"),  # a suffix no kind claims: as given
    ],
)
def test_a_name_of_the_same_kind_or_none_is_kept(name, fmt):
    assert check_file_name(Path(name), fmt) is None


@pytest.mark.parametrize("name", ["xmi.zip", "notes.md", "out.JSON"])
@pytest.mark.parametrize("fmt", sorted(FOLDER_FORMATS))
def test_a_folder_format_refuses_a_file_name(name, fmt):
    with pytest.raises(ReaderError, match=f"{fmt} writes a folder of files, not one file"):
        check_file_name(Path(name), fmt)
    check_file_name(Path("vault.v2"), fmt)  # a dot no file kind claims: a folder name
    check_file_name(Path("导出"), fmt)


def test_every_file_format_accepts_its_own_suffix():
    for fmt in FORMATS:
        if fmt not in FOLDER_FORMATS:
            check_file_name(Path("notes" + SUFFIXES[fmt]), fmt)


def test_the_cli_refuses_before_writing_and_exports_under_a_fitting_name(library, tmp_path):
    library.close()
    path = str(tmp_path / "lib.sqlite3")
    done = run_reader("--library", path, "export", "--format", "markdown", "-o", "n.xlsx",
                      cwd=tmp_path)  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert "n.xlsx ends in .xlsx, but a markdown file is not one: name it n.md" in done.stderr
    assert "Traceback" not in done.stderr and not (tmp_path / "n.xlsx").exists()
    done = run_reader("--library", path, "export", "--format", "markdown", "-o", "n.md",
                      cwd=tmp_path)  # fmt: skip
    # past the name check: this library has no notes, and says so
    assert done.returncode == 1 and "nothing to export" in done.stderr
    assert "ends in" not in done.stderr
