"""Re-anchoring after text edits: share correct, orphaned and wrong.

Places random annotations on the sample articles, then edits each article's
text at random: insert, delete or replace 1-5% of the characters, swap
full-width and half-width punctuation, and re-join paragraphs. Every character
of the edited text remembers which old character it came from, so the true new
span of each annotation is known: the span of its surviving characters.

An anchor is *correct* when it is that span (or holds the same text and
overlaps it, where repeated characters make the two equivalent), *wrong* when
it is anchored anywhere else; an orphan is neither. An annotation all of whose
characters were deleted is correct only as an orphan.

    python bench/reanchor_bench.py [--annotations 600] [--seed 5]

Target (issue #4): >= 99% correct, 0 wrong — with the previous text known, as
on re-import. The line "quote and context only" shows the same edits without
the old text (as when importing notes from another library), for reference.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from reader.core.notes.anchoring import reanchor, selector_for  # noqa: E402
from reader.core.text.structure import parse_text  # noqa: E402

SWAP = dict(zip("，。；：！？（）", ",.;:!?()", strict=True))
SWAP.update({v: k for k, v in SWAP.items()})
FILLERS = "的了是在和与及等年月日中国发展工作建设党一二三四五，。、"


def articles() -> list[str]:
    out = []
    for path in sorted((ROOT / "resources" / "samples").glob("*.txt")):
        out += [a.text for a in parse_text(path.read_text(encoding="utf-8"), path.name).articles]
    return out


def edit(text: str, rng: random.Random) -> tuple[str, list[int | None]]:
    """Edited text and, for each of its characters, the old index it came from."""
    chars: list[tuple[str, int | None]] = [(c, i) for i, c in enumerate(text)]
    for _ in range(max(1, int(len(text) * rng.uniform(0.01, 0.05)))):
        i = rng.randrange(len(chars) + 1)
        op = rng.choice("idr")
        if op == "i":
            chars.insert(i, (rng.choice(FILLERS), None))
        elif op == "d" and i < len(chars):
            del chars[i]
        elif op == "r" and i < len(chars):
            chars[i] = (rng.choice(FILLERS), chars[i][1])
    if rng.random() < 0.5:  # full-width <-> half-width punctuation
        chars = [(SWAP.get(c, c), o) if rng.random() < 0.7 else (c, o) for c, o in chars]
    if rng.random() < 0.5:  # re-join some paragraphs
        chars = [(c, o) for c, o in chars if not (c == "\n" and rng.random() < 0.5)]
    return "".join(c for c, _ in chars), [o for _, o in chars]


def true_span(origins: list[int | None], start: int, end: int) -> tuple[int, int] | None:
    kept = [i for i, o in enumerate(origins) if o is not None and start <= o < end]
    return (kept[0], kept[-1] + 1) if kept else None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--annotations", type=int, default=600)
    ap.add_argument("--seed", type=int, default=5)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    texts = articles()
    results = {True: [0, 0, 0, 0], False: [0, 0, 0, 0]}  # correct, orphan-ok, orphaned, wrong
    timings = []
    for _ in range(args.annotations):
        text = rng.choice(texts)
        length = rng.randint(2, 40)
        start = rng.randrange(0, len(text) - length)
        end = start + length
        selector = selector_for(text, start, end)
        new_text, origins = edit(text, rng)
        truth = true_span(origins, start, end)
        for with_old in (True, False):
            began = time.perf_counter()
            anchor = reanchor(selector, new_text, text if with_old else None)
            if with_old:
                timings.append(time.perf_counter() - began)
            row = results[with_old]
            if anchor.state == "orphaned":
                row[1 if truth is None else 2] += 1
            elif truth is not None and (
                (anchor.start, anchor.end) == truth
                or (
                    new_text[anchor.start : anchor.end] == new_text[truth[0] : truth[1]]
                    and anchor.start < truth[1]
                    and truth[0] < anchor.end
                )
            ):
                row[0] += 1
            else:
                row[3] += 1
    n = args.annotations
    print(
        f"{n} annotations on {len(texts)} sample articles, edits of 1-5% of characters, "
        f"punctuation width swaps, re-joined paragraphs (seed {args.seed})"
    )
    for with_old, label in (
        (True, "with the previous text (re-import)"),
        (False, "quote and context only"),
    ):
        correct, orphan_ok, orphaned, wrong = results[with_old]
        print(
            f"{label:<36} correct {100 * (correct + orphan_ok) / n:6.2f}%  "
            f"orphaned {100 * orphaned / n:5.2f}%  wrong {100 * wrong / n:5.2f}% ({wrong})"
        )
    timings.sort()
    print(f"re-anchor time per annotation: median {timings[len(timings) // 2] * 1000:.1f} ms")
    correct, orphan_ok, _, wrong = results[True]
    met = (correct + orphan_ok) / n >= 0.99 and wrong == 0
    print(
        f"target >= 99% correct and 0 wrong (with the previous text): {'met' if met else 'NOT met'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
