"""Agreement at scale: 2 annotators × 1,000 articles × 10,000 spans each.

The library is synthetic (fixed seed): 1,000 articles of ~2,000 characters cut
from the sample pages, and 10,000 tagged spans per annotator over five tags.
The second annotator copies the first with noise: 60% identical, 20% with a
boundary moved, 10% with another tag, 10% somewhere else.

    python bench/team_bench.py [--articles 1000] [--spans 10000] [--words] [--repeat 3]

Printed beside the baseline from the same run, reading every annotation
(``annotations.all_annotations``). Target (issue #14): agreement ≤ 2 s.
Each time is the best of ``--repeat`` runs.

Then, in the real window (offscreen), the adjudication view opening an article
(its disagreements listed, the first one selected in the text), median over 20
articles, beside opening the same article in the reading pane. Target: ≤ 200 ms.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from reader.core.library.article_text import store as store_text  # noqa: E402
from reader.core.library.store import Library, open_library  # noqa: E402
from reader.core.notes import annotations as notes  # noqa: E402
from reader.core.notes.anchoring import selector_for  # noqa: E402
from reader.core.stamps import now, text_hash  # noqa: E402
from reader.core.team.agreement import agreement  # noqa: E402

TAGS = ("人物", "地点", "数据", "机构", "存疑")


def build(library: Library, articles: int, spans: int, rng: random.Random) -> int:
    corpus = "".join(
        p.read_text(encoding="utf-8")
        for p in sorted((ROOT / "resources" / "samples").glob("*.txt"))
    ).replace("\n", "")
    stamp = now()
    texts = []
    with library.transaction() as conn:
        for n in range(articles):
            start = rng.randrange(len(corpus) - 2_500)
            text = corpus[start : start + rng.randrange(1_500, 2_500)]
            texts.append(text)
            article_id = conn.execute(
                "INSERT INTO articles (title, text_hash, chars, created_at, updated_at, text) "
                "VALUES (?, ?, ?, ?, ?, '')",
                [f"文章 {n}", text_hash(text), len(text), stamp, stamp],
            ).lastrowid
            store_text(conn, int(article_id or 0), text)  # compressed, as import stores it
        ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")]
        conn.executemany(  # one paragraph each, as the reading pane shows articles by block
            'INSERT INTO blocks (article_id, seq, kind, level, start, "end", lines, label) '
            "VALUES (?, 0, 'paragraph', NULL, 0, ?, '[0]', NULL)",
            [(i, len(t)) for i, t in zip(ids, texts, strict=True)],
        )
        for k in range(spans):
            index = k % articles
            article, text = ids[index], texts[index]
            start = rng.randrange(len(text) - 30)
            end = start + rng.randrange(2, 20)
            tag = rng.choice(TAGS)
            _insert(conn, article, text, start, end, tag, "ann1")
            roll = rng.random()
            if roll < 0.2:
                start = max(0, start + rng.choice((-2, -1, 1)))
                end = max(start + 1, end + rng.choice((-1, 0, 1, 2)))
            elif roll < 0.3:
                tag = rng.choice([t for t in TAGS if t != tag])
            elif roll < 0.4:
                start = rng.randrange(len(text) - 30)
                end = start + rng.randrange(2, 20)
            _insert(conn, article, text, start, end, tag, "ann2")
    return sum(len(t) for t in texts)


def _insert(conn, article: int, text: str, start: int, end: int, tag: str, who: str) -> None:
    s = selector_for(text, start, end)
    stamp = now()
    notes.insert(
        conn,
        notes.Annotation(
            f"{who}-{article}-{start}-{end}-{tag}-{random.random()}",
            article, start, end, s.quote, s.prefix, s.suffix, text_hash(text), None, "", who,
            "anchored", (tag,), stamp, stamp,
        ),
    )  # fmt: skip


def best(repeat: int, fn: Callable[[], object]) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return min(times), result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=1_000)
    ap.add_argument("--spans", type=int, default=10_000, help="per annotator")
    ap.add_argument("--words", action="store_true", help="also time the jieba-word level")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    random.seed(14)
    with tempfile.TemporaryDirectory() as tmp, open_library(Path(tmp) / "lib.db") as library:
        chars = build(library, args.articles, args.spans, random.Random(14))
        baseline, found = best(args.repeat, lambda: notes.all_annotations(library))
        assert isinstance(found, list)
        took, result = best(args.repeat, lambda: agreement(library))
        pair = result.pairs[0]  # type: ignore[attr-defined]
        print(
            f"{args.articles:,} articles ({chars:,} characters), {len(found):,} annotations, "
            f"2 annotators, {len(TAGS)} tags"
        )
        print(f"baseline, reading every annotation:  {baseline:6.2f} s")
        print(
            f"agreement (F1, κ, α, per tag):       {took:6.2f} s  "
            f"({took / baseline:.1f}× the baseline; target ≤ 2 s)"
        )
        print(
            f"  span F1 {pair.overall.span_f1:.3f}, overlap F1 {pair.overall.overlap_f1:.3f}, "
            f"κ {pair.overall.kappa:.3f}, α {pair.overall.alpha:.3f}, "
            f"{len(result.disagreements):,} disagreements"  # type: ignore[attr-defined]
        )
        if args.words:
            took, result = best(1, lambda: agreement(library, words=True))
            print(f"agreement with --words (jieba):      {took:6.2f} s")
        library.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        window_figures(Path(tmp) / "lib.db", Path(tmp))
    return 0


def window_figures(path: Path, folder: Path) -> None:
    """Median time for the adjudication view to open an article, beside the reading
    pane opening it, in the real window."""
    import os
    import statistics

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from reader.ui.settings import WindowSettings
    from reader.ui.window.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    settings = WindowSettings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings)
    window.open_library_at(path)
    window.resize(1600, 1000)
    window.show()
    app.processEvents()
    ids = [r[0] for r in window.library.conn.execute("SELECT id FROM articles ORDER BY id")]
    window.open_article(ids[0])
    window.team.actions["adjudicate"].trigger()  # the dock, built once
    app.processEvents()
    reading, judging, rows = [], [], []
    for article in ids[1:21]:
        started = time.perf_counter()
        window.open_article(article)
        app.processEvents()
        reading.append(time.perf_counter() - started)
        started = time.perf_counter()
        window.team.adjudication.set_article(article)
        app.processEvents()
        judging.append(time.perf_counter() - started)
        rows.append(window.team.adjudication.model.rowCount())
    window.close()
    med_read, med_judge = statistics.median(reading), statistics.median(judging)
    print(
        f"adjudication view opens an article:  {med_judge * 1000:6.1f} ms median "
        f"({statistics.median(rows):.0f} disagreements; target ≤ 200 ms)"
    )
    print(
        f"baseline, the reading pane opens it: {med_read * 1000:6.1f} ms median "
        f"({med_judge / med_read:.1f}×)"
    )


if __name__ == "__main__":
    raise SystemExit(main())
