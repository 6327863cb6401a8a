"""Issue #13 from the command line: --force and folders of your own, output paths,
import-notes' messages, orphaned comments in Word, and the help's words."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import run_reader
from reader.core.library.articles import get_article, list_articles
from reader.core.library.store import open_library
from test_notes_travel import ARTICLE, _article, _jsonl


@pytest.fixture
def lib(tmp_path) -> str:
    """A library with the reviewer's article and notes, made through the CLI."""
    path = str(tmp_path / "lib.sqlite3")
    source = _article(tmp_path / "articles")
    assert run_reader("--library", path, "import", str(source)).returncode == 0
    with open_library(Path(path)) as library:
        (article,) = list_articles(library)
        text = get_article(library, article.id).text
    done = run_reader("--library", path, "import-notes", str(_jsonl(tmp_path, text)))
    assert done.returncode == 0, done.stderr
    return path


# --- 1. --force never deletes your own files --------------------------------------------
@pytest.mark.parametrize("fmt", ["xmi", "brat"])
def test_force_refuses_a_folder_of_your_own(lib, tmp_path, fmt):
    mine = tmp_path / "d"
    mine.mkdir()
    (mine / "论文.txt").write_text("重要\n", encoding="utf-8")
    done = run_reader("--library", lib, "export", "--format", fmt, "-o", str(mine), "--force")
    assert done.returncode == 2
    assert "is not a Reader export (it holds 论文.txt" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert sorted(p.name for p in mine.iterdir()) == ["论文.txt"]
    assert (mine / "论文.txt").read_text(encoding="utf-8") == "重要\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


@pytest.mark.parametrize("fmt", ["xmi", "brat"])
def test_force_replaces_only_an_unchanged_reader_export(lib, tmp_path, fmt):
    out = tmp_path / "export"
    export = ("--library", lib, "export", "--format", fmt, "-o", str(out))
    assert run_reader(*export).returncode == 0
    manifest = json.loads((out / "reader-export.json").read_text(encoding="utf-8"))
    assert manifest["export"] == fmt
    assert sorted(manifest["files"]) == sorted(
        p.name for p in out.iterdir() if p.name != "reader-export.json"
    )
    assert run_reader(*export, "--force").returncode == 0  # provably ours: replaced
    (out / "notes of mine.txt").write_text("mine", encoding="utf-8")
    done = run_reader(*export, "--force")
    assert done.returncode == 2 and "it holds notes of mine.txt" in done.stderr
    (out / "notes of mine.txt").unlink()
    written = next(p for p in out.iterdir() if p.suffix in (".ann", ".xmi"))
    changed = written.read_bytes() + b"\n"  # brat saves its work in the .ann
    written.write_bytes(changed)
    done = run_reader(*export, "--force")
    assert done.returncode == 2 and f"{written.name} was changed after Reader" in done.stderr
    assert written.read_bytes() == changed


def test_obsidian_keeps_unrelated_files(lib, tmp_path):
    vault = tmp_path / "vault"
    vault.mkdir()
    (vault / "日记.md").write_text("mine", encoding="utf-8")
    export = ("--library", lib, "export", "--format", "obsidian", "-o", str(vault))
    assert run_reader(*export).returncode == 0
    assert run_reader(*export, "--force").returncode == 0
    assert (vault / "日记.md").read_text(encoding="utf-8") == "mine"
    assert not (vault / "reader-export.json").exists()


# --- 5. an orphan's comment in Word ------------------------------------------------------
def test_an_orphans_word_comment_is_kept_as_an_orphan(lib, tmp_path):
    changed = ARTICLE.replace("社會保障制度的討論在茶餐廳裏也常聽到。", "茶餐廳裏人聲鼎沸。")
    source = _article(tmp_path / "articles", changed)
    assert run_reader("--library", lib, "import", str(source)).returncode == 0
    docx = tmp_path / "full.docx"
    done = run_reader(
        "--library", lib, "export", "--format", "docx", "--full-text", "-o", str(docx)
    )
    assert done.returncode == 0, done.stderr
    again = run_reader("--library", lib, "import-notes", str(docx))
    assert "no article" not in again.stderr
    assert again.stderr.count("already in the library") == 6, again.stderr
    fresh = str(tmp_path / "fresh.sqlite3")
    assert run_reader("--library", fresh, "import", str(source)).returncode == 0
    done = run_reader("--library", fresh, "import-notes", str(docx))
    assert done.returncode == 0 and done.stdout.strip() == (
        "6 imported, 0 merged, 1 orphaned, 0 skipped"
    ), done.stdout + done.stderr
    with open_library(Path(fresh)) as library:
        from reader.core.notes import annotations as notes

        (orphan,) = [a for a in notes.all_annotations(library) if a.state == "orphaned"]
    assert (orphan.quote, orphan.tags, orphan.note) == (
        "社會保障",
        ("社会 保障",),
        "tab\there \\ back",
    )


def test_a_note_without_its_article_says_why(lib, tmp_path):
    empty = str(tmp_path / "empty.sqlite3")
    assert (
        run_reader(
            "--library", empty, "import", str(_article(tmp_path / "o", "# 別的\n\n別的文字。\n"))
        ).returncode
        == 0
    )
    done = run_reader("--library", empty, "import-notes", str(tmp_path / "notes.jsonl"))
    assert "no article with this text, nor one titled 香港城市漫步記" in done.stderr


# --- 6. what import-notes cannot read ----------------------------------------------------
@pytest.mark.parametrize(
    ("name", "content", "hint"),
    [
        ("rows.json", json.dumps({"rows": [1, 2]}, indent=2), ""),
        ("list.json", '[\n {"a": 1}\n]\n', ""),
        ("x.xlsx", None, ""),
        ("t.jsonl", '{"type": "something"}\n', 'line 1 is of type "something"'),
    ],
)
def test_import_notes_names_a_foreign_file_in_one_line(lib, tmp_path, name, content, hint):
    path = tmp_path / name
    if content is None:
        done = run_reader("--library", lib, "export", "--format", "xlsx", "-o", str(path))
        assert done.returncode == 0
    else:
        path.write_text(content, encoding="utf-8")
    done = run_reader("--library", lib, "import-notes", str(path))
    assert done.returncode == 2
    (line,) = done.stderr.strip().splitlines()
    assert line.startswith(f"reader: {path}: not a notes format Reader reads (JSON Lines, W3C, ")
    assert "not valid JSON" not in line and "TypeSystem" not in line
    assert hint in line


def test_a_hypothesis_file_it_cannot_place_is_refused_in_one_line(lib, tmp_path):
    """Hypothesis exports are read (tests/test_hypothesis_import.py): one whose annotation
    has no target says so, by its number."""
    path = tmp_path / "h.json"
    path.write_text(json.dumps({"export_date": "x", "annotations": [{"uri": "u"}]}), "utf-8")
    done = run_reader("--library", lib, "import-notes", str(path))
    assert done.returncode == 2
    (line,) = done.stderr.strip().splitlines()
    assert line == f"reader: {path}: annotation 1: field 'target' must be a list of targets"


# --- 7. output paths ---------------------------------------------------------------------
def _export(lib, *args, cwd=None):
    """``reader export``; from another folder, with this checkout's code on the path."""
    import reader

    code = str(Path(reader.__file__).resolve().parents[1])
    return run_reader("--library", lib, "export", *args, cwd=cwd, env={"PYTHONPATH": code})


def test_a_trailing_slash_names_a_folder(lib, tmp_path):
    done = _export(lib, "--format", "csv", "-o", "dir with space/", cwd=tmp_path)
    assert done.returncode == 2
    assert "is a folder name; csv writes one file: give a file name" in done.stderr
    assert not (tmp_path / "dir with space").exists()
    (tmp_path / "there").mkdir()
    done = _export(lib, "--format", "jsonl", "-o", "there", "--force", cwd=tmp_path)
    assert done.returncode == 2 and "is a folder name" in done.stderr
    assert list((tmp_path / "there").iterdir()) == []


def test_dash_is_stdout_for_text_and_refused_for_binary(lib, tmp_path):
    done = _export(lib, "--format", "jsonl", "-o", "-", cwd=tmp_path)
    assert done.returncode == 0 and '"rv13-01"' in done.stdout
    assert not (tmp_path / "-").exists()
    for fmt in ("xlsx", "docx"):
        done = _export(lib, "--format", fmt, "-o", "-", cwd=tmp_path)
        assert done.returncode == 2 and f"a .{fmt} is binary" in done.stderr
    done = _export(lib, "--format", "brat", "-o", "-", cwd=tmp_path)
    assert done.returncode == 2 and "-o FOLDER" in done.stderr
    assert sorted(os.listdir(tmp_path)) == ["articles", "lib.sqlite3", "notes.jsonl"]


def test_an_empty_output_path_is_refused(lib, tmp_path):
    done = _export(lib, "--format", "csv", "-o", "", cwd=tmp_path)
    assert done.returncode == 2 and "empty output path" in done.stderr


def test_force_never_replaces_a_symlink(lib, tmp_path):
    real = tmp_path / "real.csv"
    real.write_text("keep", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    dangling = tmp_path / "dangling.csv"
    dangling.symlink_to(tmp_path / "nowhere.csv")
    for target in (link, dangling):
        done = _export(lib, "--format", "csv", "-o", str(target), "--force")
        assert done.returncode == 2 and "is a symbolic link" in done.stderr
        assert target.is_symlink()
    assert real.read_text(encoding="utf-8") == "keep"
    assert not (tmp_path / "nowhere.csv").exists()


# --- 8. words ----------------------------------------------------------------------------
def test_status_by_key_or_chinese_name_and_said_in_both(lib):
    done = _export(lib, "--format", "csv", "--status", "已审")
    assert done.returncode == 1
    assert "nothing to export: no annotations with status reviewed (已审)" in done.stderr
    assert _export(lib, "--format", "csv", "--status", "未读").returncode == 0
    done = _export(lib, "--format", "csv", "--status", "done")
    assert done.returncode == 2 and "reviewed (已审)" in done.stderr


def test_export_help_says_tags_are_any_of():
    done = run_reader("export", "--help")
    flat = " ".join(done.stdout.split())
    assert "only annotations with this tag (repeatable: any of the tags)" in flat
    assert "only this tag" + ")" not in flat


def test_untagged_xmi_spans_have_no_label_as_the_readme_says(lib, tmp_path):
    out = tmp_path / "xmi"
    assert _export(lib, "--format", "xmi", "-o", str(out)).returncode == 0
    xmi = next(out.glob("*.xmi")).read_text(encoding="utf-8")
    untagged = [s for s in xmi.split("<custom:Reader")[1:] if 'readerId="rv13-03"' in s]
    assert len(untagged) == 1 and "label=" not in untagged[0]
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    assert "`Reader-highlight` (XMI: a span without `label`)" in readme
