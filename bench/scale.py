"""Scale (issue #11): a library of N real-shaped articles, each figure beside its baseline.

The articles come from the wild corpus (../shared/corpus/wild, else the repo's
resources/samples): its files are imported once into a temporary library (the
import figure), then their sources, articles and blocks are recombined by SQL
(titles reshuffled, paths renamed) until the library holds N articles, and the
search index is built. Nothing of the corpus is written into the repository;
every library lives in a temporary folder.

    python bench/scale.py [--sizes 5000 50000] [--runs 3] [--import-mb 4] [--import-runs 5]

Per size it prints, beside the baseline measured in the same run:
- start-up to the last article painted (wall, CPU, peak RSS) | a bare PySide6 window;
- expanding the whole tree (wall, CPU, RSS) | a QStandardItemModel with the same rows;
- the tree's refresh after an import, with the outline expanded | the same model reset;
- library file size | the raw text it holds (the files' bytes), then its MB by table;
and once: import parse+store MB/s | read+decode and parse alone, the median of
``--import-runs`` imports, each into a new library. Then a growth exponent between sizes.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# ../shared beside the project; a git worktree one folder deeper (wt/NAME) looks one up;
# READER_CORPUS names another folder
WILD = next(
    (
        Path(p)
        for p in (
            os.environ.get("READER_CORPUS", ""),
            ROOT.parent / "shared" / "corpus" / "wild",
            ROOT.parent.parent / "shared" / "corpus" / "wild",
        )
        if p and Path(p).is_dir()
    ),
    ROOT.parent / "shared" / "corpus" / "wild",
)

BARE = """
import time, resource
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1280, 820)
class Probe(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            hwm = [l for l in open("/proc/self/status") if l.startswith("VmHWM")]
            peak = int(hwm[0].split()[1]) / 1024 if hwm else 0
            print(f"first-paint {time.monotonic():.6f} {peak:.1f}", flush=True)
            watched.removeEventFilter(self)
            QTimer.singleShot(0, app.quit)
        return False
probe = Probe()
window.installEventFilter(probe)
window.show()
app.exec()
"""

# Expanding the whole tree: Reader's tree widget, or a QStandardItemModel with the same rows.
TREE = """
import os, resource, sys, time
from PySide6.QtWidgets import QApplication, QTreeView
from PySide6.QtGui import QStandardItemModel, QStandardItem
from reader.core.library.store import open_library
from reader.core.library.outline import library_outline
from reader.ui.browse.library_tree import LibraryTree
app = QApplication([])
library = open_library(sys.argv[2], create=False)
outline = library_outline(library)
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime
def rss():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024
if sys.argv[1] == "reader":
    tree = LibraryTree()
    tree.resize(360, 800)
    tree.show()
    tree.set_outline("library", outline)
    view = tree.view
else:
    model = QStandardItemModel()
    model.setColumnCount(2)
    lib = QStandardItem("library")
    model.appendRow([lib, QStandardItem("")])
    for source in outline:
        s = QStandardItem(source.path)
        lib.appendRow([s, QStandardItem("")])
        for article in source.articles:
            a = QStandardItem(article.title)
            s.appendRow([a, QStandardItem(str(article.annotations or ""))])
            for section in article.sections:
                a.appendRow([QStandardItem(section.title), QStandardItem("")])
    view = QTreeView()
    view.setUniformRowHeights(True)
    view.setModel(model)
    view.resize(360, 800)
    view.show()
app.processEvents()
t0, c0 = time.perf_counter(), cpu()
view.expandAll()
app.processEvents()
t1, c1 = time.perf_counter(), cpu()
rows = 0
stack = [view.model().index(0, 0)]
while stack:
    i = stack.pop(); rows += 1
    for r in range(view.model().rowCount(i)):
        stack.append(view.model().index(r, 0, i))
# the refresh after an import: one source more (the outline is read by the import's worker,
# untimed); the library and one source open, as a reader has them
import shutil, tempfile
from reader.core.library.store import open_library as _open
copy = tempfile.mktemp(suffix=".sqlite3")
library.close()
shutil.copy(sys.argv[2], copy)
library = _open(copy, create=False)
with library.transaction() as db:
    sid = db.execute("SELECT max(id) FROM sources").fetchone()[0]
    cols = [r[1] for r in db.execute("PRAGMA table_info(sources)") if r[1] != "id"]
    new = db.execute(
        f"INSERT INTO sources ({', '.join(cols)}) SELECT "
        + ", ".join("path || '.new'" if c == "path" else c for c in cols)
        + " FROM sources WHERE id = ?", [sid]).lastrowid
    db.execute(
        "INSERT INTO articles (source_id, position, title, text_hash, created_at, updated_at, "
        "text) VALUES (?, 0, 'new', '', '', '', 'new')", [new])
# as the import's worker reads it: the sources it leaves alone are the objects shown
shown = tree.model.shown_outline() if sys.argv[1] == "reader" else ()
outline = library_outline(library, reuse=shown)
library.close()
os.remove(copy)
view.collapseAll()
view.expand(view.model().index(0, 0))
view.expand(view.model().index(0, 0, view.model().index(0, 0)))
app.processEvents()
t2 = time.perf_counter()
if sys.argv[1] == "reader":
    tree.set_outline("library", outline)
else:
    s = QStandardItem("new")
    lib.insertRow(0, [s, QStandardItem("")])
    s.appendRow([QStandardItem("new"), QStandardItem("")])
t_update = time.perf_counter()
app.processEvents()  # the view's delayed layout: a turn of its own
t3 = time.perf_counter()
slice_ = max(t_update - t2, t3 - t_update)
print(f"tree {t1 - t0:.4f} {c1 - c0:.4f} {rss():.1f} {rows} {t3 - t2:.4f} {slice_:.4f}", flush=True)
"""


def corpus_files() -> list[Path]:
    files = sorted(p for p in WILD.rglob("*") if p.suffix in (".md", ".txt") and p.is_file())
    if not files:
        print(f"no corpus at {WILD}: the repo's samples instead (not real-shaped)", flush=True)
        files = sorted((ROOT / "resources" / "samples").glob("*.*"))
    return files


def run_child(argv: list[str], env: dict[str, str]) -> tuple[str, float, float, float]:
    """stdout, start time, CPU seconds and peak RSS (MB) of one child process."""
    started = time.monotonic()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    _, _, usage = os.wait4(proc.pid, 0)
    out = proc.stdout.read().decode() if proc.stdout else ""
    err = proc.stderr.read().decode() if proc.stderr else ""
    proc.returncode = 0
    if "Traceback" in err:
        raise RuntimeError(err[-1500:])
    return out, started, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024  # see startup


def build_template(tmp: Path, import_mb: float, runs: int = 3) -> tuple[Path, str]:
    """Import up to ``import_mb`` of corpus files ``runs`` times, each into a new library,
    beside parsing the same texts alone; returns the first library and the median line."""
    from reader.core.ingest.importer import import_paths
    from reader.core.library.store import open_library
    from reader.core.text.decoding import decode_bytes
    from reader.core.text.structure import parse_text

    files = corpus_files()
    random.Random(11).shuffle(files)
    chosen, total = [], 0
    for path in files:
        chosen.append(path)
        total += path.stat().st_size
        if total >= import_mb * 1e6:
            break
    mb = total / 1e6
    figures: dict[str, list[float]] = {}
    for run in range(max(1, runs)):
        t0 = time.perf_counter()
        texts = [(decode_bytes(path.read_bytes()).text, path.name) for path in chosen]
        decode_s = time.perf_counter() - t0
        c0 = time.process_time()
        for text, name in texts:
            parse_text(text, name)
        parse_cpu = time.process_time() - c0
        del texts
        path = tmp / ("template.sqlite3" if run == 0 else f"import{run}.sqlite3")
        library = open_library(path)
        c0 = time.process_time()
        indexed: list[float] = []  # CPU time when the index batch starts: on a shared machine
        summary = import_paths(  # the wall figures wait for other processes, CPU time does not
            library, chosen, indexing=lambda d, t, seen=indexed: seen.append(time.process_time())
        )
        cpu = time.process_time() - c0
        store_cpu = (indexed[0] if indexed else c0 + cpu) - c0
        library.close()
        if run:
            path.unlink()
        for key, value in (
            ("store", mb / summary.storing_seconds),
            ("index", mb / max(summary.indexing_seconds, 1e-9)),
            ("whole", mb / (summary.storing_seconds + summary.indexing_seconds)),
            ("cpu", cpu),
            ("store_cpu", store_cpu),
            ("store_rate", mb / max(store_cpu, 1e-9)),
            ("decode", mb / decode_s),
            ("parse", mb / parse_cpu),
        ):
            figures.setdefault(key, []).append(value)
    med = {key: statistics.median(values) for key, values in figures.items()}
    rates = figures["store_rate"]
    line = (
        f"import {mb:.1f} MB ({len(chosen)} files), median of {len(rates)} imports: parse+store "
        f"{med['store']:.2f} MB/s, index batch {med['index']:.1f} MB/s, whole run "
        f"{med['whole']:.2f} MB/s, CPU {med['cpu']:.1f} s (parse+store {med['store_cpu']:.2f} s "
        f"= {med['store_rate']:.2f} MB/s of CPU, runs {min(rates):.2f}-{max(rates):.2f})"
        f"  | read+decode {med['decode']:.0f} MB/s, parse alone {med['parse']:.2f} MB/s of CPU"
    )
    return path.with_name("template.sqlite3"), line


def grow(template: Path, target: Path, n: int) -> tuple[int, int]:
    """A library of ``n`` articles recombined from the template's; returns (articles, raw bytes)."""
    import shutil

    from reader.core.library.store import open_library
    from reader.core.search.index import index_pending

    try:
        from reader.core.library.space import reclaim
    except ImportError:  # before m008: free pages stay in the file
        reclaim = None

    shutil.copy(template, target)
    library = open_library(target, create=False)
    conn = library.conn
    titles = [r[0] for r in conn.execute("SELECT title FROM articles")]
    rng = random.Random(n)
    raw_table = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'source_raw'").fetchone()
    text_table = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'article_text'").fetchone()
    with library.transaction() as db:
        db.execute("DELETE FROM search_pending")
        db.execute("INSERT INTO search_index (search_index) VALUES ('delete-all')")
        count = db.execute("SELECT count(*) FROM articles").fetchone()[0]
        copy = 0
        while count < n:
            copy += 1
            for (sid,) in db.execute("SELECT id FROM sources WHERE path NOT LIKE '%#%'").fetchall():
                if count >= n:
                    break
                columns = [r[1] for r in db.execute("PRAGMA table_info(sources)") if r[1] != "id"]
                cols = ", ".join(columns)
                picked = ", ".join(
                    f"path || '#{copy}'" if c == "path" else ("name" if c == "name" else c)
                    for c in columns
                )
                new_sid = db.execute(
                    f"INSERT INTO sources ({cols}) SELECT {picked} FROM sources WHERE id = ?",
                    [sid],
                ).lastrowid
                if raw_table:  # m007 keeps the raw text compressed beside the source
                    db.execute(
                        "INSERT INTO source_raw SELECT ?, zlib FROM source_raw WHERE source_id = ?",
                        [new_sid, sid],
                    )
                for (aid,) in db.execute(
                    "SELECT id FROM articles WHERE source_id = ? ORDER BY position", [sid]
                ).fetchall():
                    acols = [
                        r[1]
                        for r in db.execute("PRAGMA table_info(articles)")
                        if r[1] not in ("id", "source_id", "title")
                    ]
                    new_aid = db.execute(
                        f"INSERT INTO articles (source_id, title, {', '.join(acols)}) "
                        f"SELECT ?, ?, {', '.join(acols)} FROM articles WHERE id = ?",
                        [new_sid, rng.choice(titles), aid],
                    ).lastrowid
                    if text_table:  # m010 keeps the text compressed beside the article
                        db.execute(
                            "INSERT INTO article_text SELECT ?, size, zlib FROM article_text "
                            "WHERE article_id = ?",
                            [new_aid, aid],
                        )
                    bcols = [
                        r[1]
                        for r in db.execute("PRAGMA table_info(blocks)")
                        if r[1] not in ("id", "article_id")
                    ]
                    db.execute(
                        f"INSERT INTO blocks (article_id, {', '.join(bcols)}) "
                        f"SELECT ?, {', '.join(bcols)} FROM blocks WHERE article_id = ?",
                        [new_aid, aid],
                    )
                    count += 1
        db.execute(
            "DELETE FROM articles WHERE id > (SELECT id FROM articles ORDER BY id "
            "LIMIT 1 OFFSET ?)",
            [n - 1],
        )
        db.execute("INSERT INTO search_pending SELECT id FROM articles")
    index_pending(library)
    with library.transaction() as db:
        db.execute("DELETE FROM sources WHERE id NOT IN (SELECT source_id FROM articles)")
    if reclaim is not None:
        reclaim(library)  # as import does after its index batch
    articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    raw = _raw_bytes(conn)
    library.close()
    return articles, raw


def size_parts(path: Path) -> str:
    """Where a library's bytes go: its tables with their indexes, and its free pages."""
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        page, free = (
            conn.execute(f"PRAGMA {p}").fetchone()[0] for p in ("page_size", "freelist_count")
        )
        tables = dict(conn.execute("SELECT name, tbl_name FROM sqlite_master WHERE tbl_name != ''"))
        parts: dict[str, int] = {}
        for name, size in conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name"):
            table = tables.get(name, name)
            table = "search_index" if table.startswith("search_index") else table
            if table in (
                "articles",
                "article_text",
                "search_index",
                "source_raw",
                "blocks",
                "sources",
            ):
                parts[table] = parts.get(table, 0) + size
            else:
                parts["other"] = parts.get("other", 0) + size
    except sqlite3.OperationalError:  # no dbstat in this SQLite
        return "(no dbstat)"
    finally:
        conn.close()
    parts["free pages"] = page * free
    return ", ".join(f"{k} {v / 1e6:.1f}" for k, v in sorted(parts.items(), key=lambda kv: -kv[1]))


def _raw_bytes(conn: object) -> int:
    """The raw text the library holds: its sources' decoded text, as UTF-8."""
    total = 0
    for (size,) in conn.execute("SELECT size FROM sources"):  # type: ignore[attr-defined]
        total += size
    return total


def startup(library: Path, env: dict[str, str], runs: int) -> tuple[list[float], ...]:
    reader = [sys.executable, "-m", "reader", "--library", str(library)]
    bare = [sys.executable, "-c", BARE]
    env = {**env, "READER_PROBE_FIRST_PAINT": "1"}
    run_child(reader, env)  # settings written: the next starts reopen the last article
    run_child(bare, env)  # and both warm: bytecode written, files in the page cache
    rows: list[tuple[float, float, float, float, float, float]] = []
    for _ in range(runs):
        out_b, start_b, cpu_b, _ = run_child(bare, env)
        out_r, start_r, cpu_r, _ = run_child(reader, env)
        # the peak RSS each process reports at its first paint (VmHWM): a child's
        # ru_maxrss counts this script's own RSS, inherited at fork
        rows.append(
            (
                _paint(out_b) - start_b,
                cpu_b,
                _paint(out_b, 2),
                _paint(out_r) - start_r,
                cpu_r,
                _paint(out_r, 2),
            )
        )
    return tuple(list(col) for col in zip(*rows, strict=True))


def _paint(out: str, field: int = 1) -> float:
    for line in out.splitlines():
        if line.startswith("first-paint "):
            return float(line.split()[field])
    raise RuntimeError(f"no paint reported: {out[-500:]}")


def tree(
    library: Path, env: dict[str, str], kind: str
) -> tuple[float, float, float, int, float, float]:
    out, _, _, _ = run_child([sys.executable, "-c", TREE, kind, str(library)], env)
    for line in out.splitlines():
        if line.startswith("tree "):
            w, c, r, rows, refresh, longest = line.split()[1:]
            return float(w), float(c), float(r), int(rows), float(refresh), float(longest)
    raise RuntimeError(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[5000])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--import-mb", type=float, default=4.0)
    ap.add_argument("--import-runs", type=int, default=5, help="imports, the median taken")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    med = statistics.median
    results: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        env = {
            **os.environ,
            "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{os.environ.get('PYTHONPATH', '')}",
            "XDG_CONFIG_HOME": f"{tmp}/config",
            "XDG_DATA_HOME": f"{tmp}/data",
            "XDG_CACHE_HOME": f"{tmp}/cache",
            # compiled once, as an installed app is: the warm-up run writes the bytecode
            # (both the app's and PySide's) and every measured run reads it
            "PYTHONPYCACHEPREFIX": f"{tmp}/pycache",
        }
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        if not env.get("DISPLAY"):
            env["QT_QPA_PLATFORM"] = "offscreen"
        template, line = build_template(tmp, args.import_mb, args.import_runs)
        print(line, flush=True)
        for n in args.sizes:
            path = tmp / f"lib{n}.sqlite3"
            t0 = time.perf_counter()
            articles, raw = grow(template, path, n)
            size = path.stat().st_size
            print(f"\n== {articles} articles (built in {time.perf_counter() - t0:.1f} s)")
            print(
                f"library file {size / 1e6:.1f} MB = {size / raw:.2f}x  "
                f"| raw text {raw / 1e6:.1f} MB  (target <= 2x)"
            )
            print(f"  MB by table, with its indexes: {size_parts(path)}")
            bw, bc, br, rw, rc, rr = startup(path, env, args.runs)
            print(
                f"start-up to the last article painted: median {med(rw) * 1000:.0f} ms wall, "
                f"{med(rc):.2f} s CPU, {med(rr):.0f} MB peak RSS at paint  "
                f"| bare window {med(bw) * 1000:.0f} ms, {med(bc):.2f} s CPU, {med(br):.0f} MB; "
                f"ratio {med(rw) / med(bw):.2f}x "
                f"(target <= 1 s and <= 3x)"
            )
            reader_tree = [tree(path, env, "reader") for _ in range(args.runs)]
            std_tree = [tree(path, env, "standard") for _ in range(args.runs)]
            rtw, rtc, rtr, rows, rref, rlong = (med([t[i] for t in reader_tree]) for i in range(6))
            stw, stc, str_, _, sref, _ = (med([t[i] for t in std_tree]) for i in range(6))
            print(
                f"expand the whole tree ({rows:.0f} rows): {rtw:.3f} s wall, {rtc:.3f} s CPU, "
                f"RSS {rtr:.0f} MB  | QStandardItemModel {stw:.3f} s, {stc:.3f} s CPU, "
                f"RSS {str_:.0f} MB; ratio {rtw / stw:.2f}x (target <= 2x, < 300 MB)"
            )
            print(
                f"tree refresh after an import (library and one source open): "
                f"{rref * 1000:.0f} ms, its longest turn of the event loop {rlong * 1000:.0f} ms "
                f"(the model's update, then the view's layout)  | QStandardItemModel, one row "
                f"inserted {sref * 1000:.0f} ms (target: no stall > 100 ms)"
            )
            results[n] = {"start": med(rw), "expand": rtw, "rss": rtr, "size": size}
    if len(results) >= 2:
        items = list(results.items())
        (n1, a), (n2, b) = items[0], items[-1]
        k = math.log(n2 / n1)
        print(f"\ngrowth exponents {n1} → {n2} articles (1 = linear):")
        for key in a:
            print(f"  {key:7} {math.log(max(b[key], 1e-9) / max(a[key], 1e-9)) / k:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
