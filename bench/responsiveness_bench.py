"""Responsiveness: the worst event-loop gap during a 20 MB import through the window,
beside an idle event loop's worst gap measured in the same run.

A 10 ms timer ticks on the UI thread; a gap between two ticks is the time the
loop was busy. The import runs in the window's job runner, as a user's does.

    python bench/responsiveness_bench.py [--mb 20] [--library LIB] [--corpus DIR]
                                         [--show-gaps MS] [--search-every MS]

``--library`` imports into a copy of that library (e.g. one built like
``bench/scale.py``'s 50,000-article ones) with its tree open as a reader has it (the
library and its first source expanded); ``--corpus`` imports that folder's files
instead of the synthetic pages; ``--show-gaps`` prints each gap longer than MS;
``--search-every`` runs a search from the window's search box every MS while the import
runs (common words and phrases, in turn), as a reader searching meanwhile does, and
prints how long each took to its results shown.

Target: the worst gap during the import stays within 100 ms. This is a bench,
not a test: wall-clock bounds are noisy on a shared 2-core machine.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
QUERIES = ("的", "中国", "经济发展", "记者 报道", "香港", "疫情防控")  # common words, both kinds
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def wait_for_tree(window: object, seconds: float = 60.0) -> None:
    """Until the start-up outline is shown; then the library and its first source open."""
    from PySide6.QtCore import QCoreApplication

    tree = window.library_tree  # type: ignore[attr-defined]
    end = time.monotonic() + seconds
    while time.monotonic() < end and tree.model.rowCount() == 0:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    library = tree.model.index(0, 0)
    if library.isValid():
        tree.view.expand(tree.to_view(library))
        first = tree.model.index(0, 0, library)
        if first.isValid():
            tree.view.expand(tree.to_view(first))
    for _ in range(50):  # the layouts those expands queue
        QCoreApplication.processEvents()
        time.sleep(0.01)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=20.0)
    ap.add_argument("--idle-seconds", type=float, default=3.0)
    ap.add_argument("--library", type=Path, help="import into a copy of this library")
    ap.add_argument("--corpus", type=Path, help="import this folder's files")
    ap.add_argument("--show-gaps", type=float, metavar="MS", help="print each gap over MS")
    ap.add_argument("--search-every", type=float, metavar="MS", help="search every MS meanwhile")
    args = ap.parse_args()

    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from import_bench import build_corpus
    from reader.ui.settings import WindowSettings
    from reader.ui.window.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        if args.corpus is not None:
            corpus = args.corpus
            size = sum(p.stat().st_size for p in corpus.rglob("*") if p.is_file())
        else:
            corpus = Path(tmp) / "corpus"
            corpus.mkdir()
            size = build_corpus(corpus, args.mb)
        library = Path(tmp) / "lib.sqlite3"
        if args.library is not None:
            shutil.copy(args.library, library)
        settings = WindowSettings(
            QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        )
        window = MainWindow(settings)
        window.open_library_at(library)
        window.resize(1200, 800)
        window.show()
        wait_for_tree(window)

        gaps: list[float] = []
        last = [time.perf_counter()]

        def tick() -> None:
            now = time.perf_counter()
            gaps.append(now - last[0])
            if args.show_gaps is not None and gaps[-1] * 1000 > args.show_gaps:
                print(f"  gap {gaps[-1] * 1000:.0f} ms ending at {now:.3f}", flush=True)
            last[0] = now

        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(tick)

        def measure(run) -> list[float]:
            gaps.clear()
            loop = QEventLoop()
            last[0] = time.perf_counter()
            timer.start()
            run(loop)
            loop.exec()
            timer.stop()
            return list(gaps)

        idle = measure(lambda loop: QTimer.singleShot(int(args.idle_seconds * 1000), loop.quit))

        searches: list[float] = []  # request to results shown, seconds
        asked = [0.0]
        searching = QTimer()

        def ask() -> None:
            if asked[0]:  # the last one is not back yet: let it finish
                return
            asked[0] = time.perf_counter()
            window.search_panel.query.setText(QUERIES[len(searches) % len(QUERIES)])
            window.run_search(window.search_panel.query.text())

        def shown(_result: object) -> None:
            if asked[0]:
                searches.append(time.perf_counter() - asked[0])
                asked[0] = 0.0

        if args.search_every:
            window.show_search()
            window.search_panel.model.modelReset.connect(lambda: shown(None))
            searching.setInterval(int(args.search_every))
            searching.timeout.connect(ask)

        def start_import(loop: QEventLoop) -> None:
            window.imports.finished.connect(lambda *_: QTimer.singleShot(500, loop.quit))
            window.imports.finished.connect(lambda *_: searching.stop())
            window.import_paths([corpus], show_dialog=True)
            if args.search_every:
                searching.start()

        busy = measure(start_import)
        window.close()
        app.processEvents()

    def ms(values: list[float], q: float) -> float:
        return sorted(values)[min(len(values) - 1, int(q * len(values)))] * 1000

    print(f"corpus: {size / 1e6:.1f} MB")
    print(f"{'':24}{'ticks':>8}{'median':>10}{'p99':>10}{'worst':>10}")
    for name, values in (("idle loop (baseline)", idle), ("during the import", busy)):
        print(
            f"{name:24}{len(values):>8}{statistics.median(values) * 1000:>8.1f}ms"
            f"{ms(values, 0.99):>8.1f}ms{max(values) * 1000:>8.1f}ms"
        )
    print(f"worst gap during the import: {max(busy) * 1000:.0f} ms (target <= 100 ms)")
    if searches:
        print(
            f"searches during the import: {len(searches)}, to their results shown median "
            f"{statistics.median(searches) * 1000:.0f} ms, worst {max(searches) * 1000:.0f} ms"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
