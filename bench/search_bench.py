"""Search latency and recall on a library of >= 10,000 articles, beside a full scan.

The library is built through the real importer: files of 20 articles each, each
article a synthetic title followed by 3-12 paragraphs drawn at random (fixed
seed) from the sample pages' cleaned paragraphs.

For 1-, 2- and 4-character queries and two-word queries, all cut at random from
the articles themselves, it prints p50/p95 latency of the first page
(``search``, 20 articles) beside a full ``instr()`` scan of the same library,
and checks recall of ``search(--all)`` against a plain substring scan.

    python bench/search_bench.py [--articles 10000] [--queries 100]

Target (issue #3): p95 <= 30 ms and recall 1.0.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from reader.core.ingest.importer import import_paths  # noqa: E402
from reader.core.library.store import Library, open_library  # noqa: E402
from reader.core.search.query import query_terms, search  # noqa: E402
from reader.core.text.folding import fold  # noqa: E402
from reader.core.text.structure import parse_text  # noqa: E402


def sample_paragraphs() -> list[str]:
    out: list[str] = []
    for path in sorted((ROOT / "resources" / "samples").glob("*.txt")):
        for article in parse_text(path.read_text(encoding="utf-8"), path.name).articles:
            out += [b.text for b in article.blocks if b.kind == "paragraph" and len(b.text) > 20]
    return out


def build_library(folder: Path, articles: int, rng: random.Random) -> Library:
    paragraphs = sample_paragraphs()
    src = folder / "src"
    src.mkdir()
    for f in range(0, articles, 20):
        parts = []
        for n in range(f, min(f + 20, articles)):
            body = "\n\n".join(rng.choice(paragraphs) for _ in range(rng.randint(3, 12)))
            parts.append(f"# 第{n}篇 重组的样本文章\n\n{body}")
        (src / f"f{f:05d}.txt").write_text("\n\n".join(parts), encoding="utf-8")
    library = open_library(folder / "lib.sqlite3")
    import_paths(library, [src])
    return library


class Oracle:
    """Every occurrence of every term inside a block holding all terms, by plain scans."""

    def __init__(self, library: Library) -> None:
        texts = dict(library.db.execute("SELECT id, text FROM articles").fetchall())
        self.folded = {k: fold(v) for k, v in texts.items()}
        self.blocks: dict[int, list[tuple[int, int]]] = {}
        for article_id, start, end in library.db.execute(
            'SELECT article_id, start, "end" FROM blocks ORDER BY article_id, seq'
        ):
            self.blocks.setdefault(article_id, []).append((start, end))

    def __call__(self, query: str) -> set[tuple[int, int]]:
        terms = query_terms(query)
        found: set[tuple[int, int]] = set()
        for article_id, text in self.folded.items():
            if not all(t in text for t in terms):
                continue
            for start, end in self.blocks.get(article_id, []):
                passage = text[start:end]
                if not all(t in passage for t in terms):
                    continue
                for term in terms:
                    pos = passage.find(term)
                    while pos != -1:
                        found.add((article_id, start + pos))
                        pos = passage.find(term, pos + 1)
        return found


def instr_scan(library: Library, query: str) -> list[int]:
    terms = query_terms(query)
    where = " AND ".join("instr(text, ?) > 0" for _ in terms)
    return [r[0] for r in library.db.execute(f"SELECT id FROM articles WHERE {where}", terms)]


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))] * 1000


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--queries", type=int, default=100)
    args = ap.parse_args()
    rng = random.Random(3)
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        library = build_library(Path(tmp), args.articles, rng)
        n_articles, n_chars = library.db.execute(
            "SELECT count(*), sum(length(text)) FROM articles"
        ).fetchone()
        print(
            f"library: {n_articles} articles, {n_chars / 1e6:.1f} M characters "
            f"(built in {time.perf_counter() - started:.0f} s)"
        )
        texts = [t for (t,) in library.db.execute("SELECT text FROM articles").fetchall()]

        def cut(n: int) -> str:
            while True:
                text = rng.choice(texts)
                i = rng.randrange(len(text) - n)
                piece = text[i : i + n]
                if not any(c.isspace() for c in piece):
                    return piece

        kinds = {
            "1 char": [cut(1) for _ in range(args.queries)],
            "2 chars": [cut(2) for _ in range(args.queries)],
            "4 chars": [cut(4) for _ in range(args.queries)],
            "two words": [f"{cut(2)} {cut(2)}" for _ in range(args.queries)],
        }
        print(
            f"{'query':<10} {'search p50':>10} {'p95':>7}   {'full scan p50':>13} {'p95':>7}"
            f"   recall   wrong"
        )
        oracle = Oracle(library)
        ok = True
        for kind, queries in kinds.items():
            fast, slow = [], []
            recall_hits = wanted = wrong = 0
            for q in queries:
                t = time.perf_counter()
                search(library, q, max_articles=20)
                fast.append(time.perf_counter() - t)
                t = time.perf_counter()
                instr_scan(library, q)
                slow.append(time.perf_counter() - t)
                got = {(h.article_id, h.start) for h in search(library, q, max_articles=None).hits}
                truth = oracle(q)
                recall_hits += len(got & truth)
                wanted += len(truth)
                wrong += len(got - truth)
            recall = recall_hits / wanted if wanted else 1.0
            ok = ok and recall == 1.0 and wrong == 0 and pct(fast, 0.95) <= 30
            print(
                f"{kind:<10} {pct(fast, 0.5):8.1f}ms {pct(fast, 0.95):5.1f}ms   "
                f"{pct(slow, 0.5):11.1f}ms {pct(slow, 0.95):5.1f}ms   {recall:.4f}   {wrong}"
            )
        library.close()
    print(f"target p95 <= 30 ms, recall 1.0, no wrong hits: {'met' if ok else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
