"""Build the libraries in this folder, each one with the Reader of a past commit.

They were built once, and are kept: ``tests/test_migrations.py`` opens copies of
them with today's Reader. Rebuilding is only needed to add a commit::

    python tests/data/libraries/build.py [COMMIT ...]

For each commit the script

1. extracts the commit's tree (``git archive``) into a temporary folder;
2. imports one of the repository's sample pages with that commit's CLI
   (``python -m reader import --library FILE PAGE``, the commit's ``src`` first
   on ``PYTHONPATH``);
3. where the commit's core has annotations (ab8eb9d and later), adds tags, three
   annotations, an article note, a review status, a user word and a reading
   position through that commit's own core API (``ANNOTATE`` below);
4. changes one sentence of the page and imports it again with the same CLI, so
   the library holds an updated article and its previous version (and, where
   there are annotations, the old code's re-anchoring of them);
5. runs ``VACUUM`` with 1 KB pages (a small file to keep in git), and leaves
   the file in WAL mode, as Reader left it.

Nothing here is imported by the tests.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
SAMPLE = "004_91c4f3a61b62fe4e.txt"

# commit -> what its library looks like
COMMITS = {
    "cb37eaa": "m001-m003: blocks hold their own text; no chars, no labels, no search index",
    "c005bb1": "m001 edited: blocks without text",
    "e9a1d8d": "m004: a search index filled at import; no search_pending",
    "dc939b9": "same schema as e9a1d8d (migration names in their own module)",
    "fa2a5a4": "m001 edited: articles.chars, blocks.label, blocks_headings, large columns last",
    "ab8eb9d": "annotations, tags, review status and notes in the core",
    "73666d6": "m004 edited: search_pending; the schema of HEAD before m005",
    "c9bf204": "m007: raw sources zlib-compressed in source_raw; no auto-vacuum (before m008)",
}

# Run with the old commit's src on the path; argv[1] is the library.
ANNOTATE = r"""
import sys
from reader.core import annotations, tags
from reader.core.library import open_library
from reader.core.outline import set_reading_position

lib = open_library(sys.argv[1], create=False)
article_id, text = lib.conn.execute(
    "SELECT id, text FROM articles WHERE retired_at IS NULL ORDER BY id LIMIT 1"
).fetchone()

def span(word, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return start, start + len(word)

tags.save_tag(lib, "党建", color="#e06c75", shortcut="1", description="党建工作")
tags.save_tag(lib, "待核实", color="#61afef")
annotations.create(lib, article_id, *span("示范党支部"), color="#f6c343",
                   tags=["党建", "待核实"], note="核对比例：15%与30%", annotator="qa",
                   annotation_id="00000000-0000-4000-8000-000000000001")
annotations.create(lib, article_id, *span("医药腐败问题"), tags=["待核实"],
                   annotator="qa", annotation_id="00000000-0000-4000-8000-000000000002")
annotations.create(lib, article_id, *span("该院将在"), color="#98c379",
                   note="这句在下一版里改了", annotator="编辑",
                   annotation_id="00000000-0000-4000-8000-000000000003")
tags.set_status(lib, article_id, "in_progress")
tags.set_article_note(lib, article_id, "第二段要再看一遍")
tags.add_user_word(lib, "示范党支部")
set_reading_position(lib, article_id, 120)
lib.close()
"""


# The same, for the core's layout since the notes moved into reader.core.notes.
ANNOTATE_NOTES = (
    ANNOTATE.replace(
        "from reader.core import annotations, tags",
        "from reader.core.notes import annotations, tags",
    )
    .replace(
        "from reader.core.library import open_library",
        "from reader.core.library.store import open_library",
    )
    .replace("from reader.core.outline import", "from reader.core.library.outline import")
    .replace('color="#f6c343"', 'color="yellow"')  # annotations take colour names now
    .replace('color="#98c379"', 'color="green"')
)


def extract(commit: str, into: Path) -> None:
    into.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", commit], check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)


def build(commit: str, work: Path) -> Path:
    tree = work / commit
    extract(commit, tree)
    env = {
        **os.environ,
        "PYTHONPATH": str(tree / "src"),
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(work / "data"),
        "XDG_CACHE_HOME": str(work / "cache"),
        "XDG_CONFIG_HOME": str(work / "config"),
    }
    env.pop("READER_LIBRARY", None)
    page = work / "pages" / SAMPLE
    page.parent.mkdir(exist_ok=True)
    original = (tree / "resources" / "samples" / SAMPLE).read_text(encoding="utf-8")
    page.write_text(original, encoding="utf-8")
    library = work / f"{commit}.sqlite3"

    def reader(*args: str) -> None:
        cmd = [sys.executable, "-m", "reader", *args]
        subprocess.run(cmd, check=True, env=env, cwd=work)

    reader("import", "--library", str(library), str(page))
    core = tree / "src" / "reader" / "core"
    script = (core / "annotations.py").exists() and ANNOTATE
    script = script or (core / "notes" / "annotations.py").exists() and ANNOTATE_NOTES
    if script:
        subprocess.run([sys.executable, "-c", script, str(library)], check=True, env=env, cwd=work)
    changed = original.replace("下一步，该院将在", "下一步，医院还将在", 1)
    assert changed != original
    page.write_text(changed, encoding="utf-8")
    reader("import", "--library", str(library), str(page))
    conn = sqlite3.connect(library)
    conn.execute("PRAGMA journal_mode = DELETE")  # page_size changes only outside WAL
    conn.execute("PRAGMA page_size = 1024")  # small pages: a small file in git
    conn.execute("VACUUM")
    conn.execute("PRAGMA journal_mode = WAL")  # as Reader left it
    conn.close()
    return library


def main(commits: list[str]) -> None:
    with tempfile.TemporaryDirectory(prefix="reader-old-libraries-") as tmp:
        for commit in commits:
            built = build(commit, Path(tmp))
            target = HERE / built.name
            target.write_bytes(built.read_bytes())
            print(f"{target.relative_to(REPO)}: {target.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main(sys.argv[1:] or list(COMMITS))
