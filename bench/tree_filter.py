"""Typing into the tree's filter box (issue #11): the longest stall of the window while
a query is typed, and the time from the last keystroke to the filtered rows painted,
beside a QStandardItemModel of the same rows under Qt's own QSortFilterProxyModel
(recursive, case-insensitive, all in C++), measured in the same run.

    python bench/tree_filter.py LIBRARY.sqlite3 [--runs 3] [--query 核心 ...]

Build a library with ``bench/scale.py``'s ``build_template`` and ``grow``. Each
measurement is a child process: it loads the outline, shows the tree (library and
first source open; the filter's titles listed by their job), then types the query a
key every 120 ms, as a person does. A 5 ms heartbeat timer records the gaps between
its ticks: the longest is the longest stall.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QLineEdit, QTreeView, QVBoxLayout, QWidget
from reader.core.library.outline import library_outline
from reader.core.library.store import open_library

app = QApplication([])
kind, path, query = sys.argv[1], sys.argv[2], sys.argv[3]
library = open_library(path, create=False)
outline = library_outline(library)
library.close()
if kind == "reader":
    from reader.ui.browse.library_tree import LibraryTree
    from reader.ui.errors import ErrorReporter
    from reader.ui.jobs import JobRunner
    jobs = JobRunner(ErrorReporter())
    tree = LibraryTree(None, jobs)  # as the window makes it: the titles listed by a job
    tree.set_outline("library", outline)
    jobs.wait()  # typing starts after the outline came, as a reader's does
    widget, view, edit = tree, tree.view, tree.filter_edit
    def applied():
        text = getattr(tree, "applied_filter", None)
        return (text() if text else edit.text()) == query
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
            s.appendRow([a, QStandardItem("")])
            for section in article.sections:
                a.appendRow([QStandardItem(section.title), QStandardItem("")])
    proxy = QSortFilterProxyModel()
    proxy.setRecursiveFilteringEnabled(True)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    proxy.setSourceModel(model)
    widget = QWidget()
    edit, view = QLineEdit(widget), QTreeView(widget)
    layout = QVBoxLayout(widget)
    layout.addWidget(edit)
    layout.addWidget(view)
    view.setUniformRowHeights(True)
    view.setModel(proxy)
    def filter_changed(text):
        proxy.setFilterFixedString(text)
        if text:
            view.expandAll()
    edit.textChanged.connect(filter_changed)
    applied = lambda: True
widget.resize(360, 800)
widget.show()
view.expand(view.model().index(0, 0))
view.expand(view.model().index(0, 0, view.model().index(0, 0)))
gaps, last = [], [0.0]
def beat():
    now = time.perf_counter()
    gaps.append(now - last[0])
    last[0] = now
heart = QTimer()
heart.setInterval(5)
heart.timeout.connect(beat)
state = {"typed": 0.0, "painted": 0.0}
class Paints(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and state["typed"] and not state["painted"]:
            if applied():
                state["painted"] = time.perf_counter()
                QTimer.singleShot(300, app.quit)
        return False
paints = Paints()
view.viewport().installEventFilter(paints)
def key(n):
    if n == len(query):
        state["typed"] = time.perf_counter()
    edit.setText(query[:n])
def start():
    last[0] = time.perf_counter()
    heart.start()
    for n in range(1, len(query) + 1):
        QTimer.singleShot(120 * n, lambda n=n: key(n))
QTimer.singleShot(500, start)
QTimer.singleShot(60_000, app.quit)
app.exec()
rows = view.model().rowCount(view.model().index(0, 0))
print(f"filter {max(gaps):.4f} {state['painted'] - state['typed']:.4f} {rows}", flush=True)
"""


def measure(kind: str, library: Path, query: str) -> tuple[float, float, int]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    out = subprocess.run(
        [sys.executable, "-c", CHILD, kind, str(library), query],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    for line in out.splitlines():
        if line.startswith("filter "):
            stall, painted, rows = line.split()[1:]
            return float(stall), float(painted), int(rows)
    raise RuntimeError(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("library", type=Path)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--query", nargs="+", default=["中国", "核心提示"])
    args = ap.parse_args()
    med = statistics.median
    for query in args.query:
        got = {
            k: [measure(k, args.library, query) for _ in range(args.runs)]
            for k in ("reader", "standard")
        }
        (rs, rp, rr), (ss, sp, _) = (
            tuple(med(m[i] for m in got[k]) for i in range(3)) for k in ("reader", "standard")
        )
        print(
            f"{query!r}: longest stall {rs * 1000:.0f} ms, last key → filtered paint "
            f"{rp * 1000:.0f} ms ({rr:.0f} sources shown)  | QStandardItemModel + "
            f"QSortFilterProxyModel: stall {ss * 1000:.0f} ms, paint {sp * 1000:.0f} ms"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
