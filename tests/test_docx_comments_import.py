"""Word comments back into a library: a comment is "already there" only when the same
person left the same note with the same tags on the same words."""

from __future__ import annotations

from conftest import SEEDS
from reader.core.exchange.exporting import render
from reader.core.exchange.notes_import import import_notes
from reader.core.ingest.importer import import_paths
from reader.core.library.articles import get_article, list_articles
from reader.core.library.store import open_library
from reader.core.notes import annotations as notes

SEED = SEEDS / "000_b7740f99fc43d814.txt"


def _annotated(path):
    library = open_library(path)
    import_paths(library, [SEED])
    article = list_articles(library)[0]
    text = get_article(library, article.id).text
    start = text.index("唐丽娟")
    for who, tags in (("编辑甲", ("人物",)), ("编辑乙", ("人物",)), ("", ("人物",))):
        notes.create(library, article.id, start, start + 3, tags=tags, note="核实", annotator=who)
    notes.create(
        library, article.id, start, start + 3, tags=("存疑",), note="核实", annotator="编辑甲"
    )
    return library


def _full_docx(library, tmp_path):
    from reader.core.exchange.exporting import ExportFilter, collect

    path = tmp_path / "full.docx"
    path.write_bytes(render("docx", collect(library, ExportFilter()), full_text=True))
    return path


def test_like_comments_of_different_people_or_tags_all_come_back(tmp_path):
    with _annotated(tmp_path / "a.sqlite3") as library:
        exported = _full_docx(library, tmp_path)
        before = sorted((a.annotator, a.tags) for a in notes.all_annotations(library))
        again = import_notes(library, exported)  # Reader's own comments: all there already
        assert again.imported == 0 and len(again.skipped) == 4
        assert {why for _, why in again.skipped} == {"already in the library"}
    with open_library(tmp_path / "fresh.sqlite3") as fresh:
        import_paths(fresh, [SEED])
        summary = import_notes(fresh, exported)
        assert summary.imported == 4 and summary.skipped == []
        after = sorted((a.annotator, a.tags) for a in notes.all_annotations(fresh))
        # no name is written as "Reader" (Word needs an author) and comes back so
        assert after == sorted((w or "Reader", t) for w, t in before)
        assert import_notes(fresh, exported).imported == 0  # twice: nothing doubles


def test_exports_leave_out_adjudications_rejections_unless_asked_for(tmp_path):
    """Left out of what people read and of the tools' files; kept in Reader's own
    formats (the CLI and the window ask for them there), and when named."""
    from reader.core.exchange.exporting import ExportFilter, collect
    from reader.core.team import REJECTED

    with _annotated(tmp_path / "a.sqlite3") as library:
        theirs = next(a for a in notes.all_annotations(library) if a.annotator == "编辑乙")
        notes.create(  # what adjudication writes when it refuses a span
            library, theirs.article_id, theirs.start, theirs.end, tags=theirs.tags,
            annotator=REJECTED,
        )  # fmt: skip

        def who(wanted):
            return sorted(n.annotation.annotator for i in collect(library, wanted) for n in i.notes)

        everyone = who(ExportFilter())
        assert REJECTED not in everyone and len(everyone) == 4
        assert who(ExportFilter(annotators=(REJECTED,))) == [REJECTED]
        assert sorted(who(ExportFilter(rejections=True))) == sorted([*everyone, REJECTED])
        assert REJECTED in {a.annotator for a in notes.all_annotations(library)}


def test_the_cli_keeps_rejections_in_readers_own_formats_only(tmp_path):
    import json

    from conftest import run_reader
    from reader.core.team import REJECTED

    with _annotated(tmp_path / "a.sqlite3") as library:
        theirs = next(a for a in notes.all_annotations(library) if a.annotator == "编辑乙")
        notes.create(
            library, theirs.article_id, theirs.start, theirs.end, tags=theirs.tags,
            annotator=REJECTED,
        )  # fmt: skip
    lib = str(tmp_path / "a.sqlite3")
    kept = run_reader("--library", lib, "export", "--format", "jsonl", "-o", "-")
    layers = {json.loads(line).get("annotator") for line in kept.stdout.splitlines()}
    assert kept.returncode == 0 and REJECTED in layers and "编辑乙" in layers
    shown = run_reader("--library", lib, "export", "--format", "doccano", "-o", "-")
    assert shown.returncode == 0 and REJECTED not in shown.stdout and "编辑乙" in shown.stdout
