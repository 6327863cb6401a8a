"""How parse time and memory grow with the input, for shapes that once grew faster than it.

For each input shape (generated with a fixed seed), parse at 4 sizes and print
the time per size, the fitted growth exponent (least-squares slope of log time
against log size; 1.0 is linear) and the peak memory of the parse (tracemalloc,
Python allocations) against the size of the file. Targets: every exponent
≤ 1.2, peak memory under 10× the file size.

    python bench/growth.py                 # 0.25, 0.5, 1, 2 MB
    python bench/growth.py --sizes 0.1 0.2 # quicker
    python bench/growth.py --import        # also the peak of importing the file

With ``--import``, each file is also imported into a new library (``import_file``:
decode, parse, store; not the search index batch that follows an import run) and
the peak of that is printed beside the parse's.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from reader.core.ingest.importer import import_file
from reader.core.library.store import open_library
from reader.core.text.structure import parse_text

_HAN = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]


def _han(rng: random.Random, low: int, high: int) -> str:
    return "".join(rng.choices(_HAN, k=rng.randint(low, high)))


def _fill(size: int, line: Callable[[], str], sep: str = "\n") -> str:
    """Lines until the UTF-8 size reaches ``size`` bytes (a Han character is 3 bytes)."""
    parts: list[str] = []
    total = 0
    while total < size:
        piece = line()
        parts.append(piece)
        total += len(piece.encode("utf-8")) + len(sep)
    return sep.join(parts)


def headlines(size: int, rng: random.Random) -> tuple[str, str]:
    """Short lines with no sentence mark, now and then a blank line between them."""
    return _fill(size, lambda: _han(rng, 4, 14) + ("\n" if rng.random() < 0.3 else "")), "h.txt"


def sentences_lf(size: int, rng: random.Random) -> tuple[str, str]:
    """Short lines each ending a sentence, LF line ends."""
    return _fill(size, lambda: _han(rng, 6, 20) + "。"), "s.txt"


def sentences_cr(size: int, rng: random.Random) -> tuple[str, str]:
    """The same with old Mac CR line ends."""
    return _fill(size, lambda: _han(rng, 6, 20) + "。", "\r"), "s.txt"


def ocr_line(size: int, rng: random.Random) -> tuple[str, str]:
    """One line of OCR letter-spacing: a space between every character."""
    return _fill(size, lambda: " ".join(_han(rng, 4, 12)) + rng.choice("，。 "), " "), "o.txt"


def one_char_lines(size: int, rng: random.Random) -> tuple[str, str]:
    """One character per line, no blank lines."""
    return _fill(size, lambda: rng.choice(_HAN)), "c.txt"


def long_line(size: int, rng: random.Random) -> tuple[str, str]:
    """One long line: Han text, Latin words between spaces, digits, now and then **emphasis**."""
    words = ["Reader", "OCR", "GDP", "5G", "App", "AI"]

    def piece() -> str:
        roll = rng.random()
        if roll < 0.2:
            return f" {rng.choice(words)} "
        if roll < 0.3:
            return f" {rng.randint(1, 2024)} "
        if roll < 0.35:
            return f"**{_han(rng, 2, 4)}**"
        return _han(rng, 8, 30) + rng.choice("，，，。")

    return _fill(size, piece, ""), "l.txt"


def markdown_mixed(size: int, rng: random.Random) -> tuple[str, str]:
    """Markdown: headings, paragraphs with inline markup, lists."""

    def block() -> str:
        kind = rng.random()
        if kind < 0.1:
            return f"## {_han(rng, 4, 12)}\n"
        if kind < 0.2:
            return f"- {_han(rng, 5, 15)}\n- *{_han(rng, 5, 15)}*\n"
        return f"{_han(rng, 10, 30)}**{_han(rng, 2, 5)}**[{_han(rng, 2, 4)}](x)。\n"

    return _fill(size, block), "m.md"


SHAPES: dict[str, Callable[[int, random.Random], tuple[str, str]]] = {
    "headline-like short lines": headlines,
    "short sentence lines, LF": sentences_lf,
    "short sentence lines, CR": sentences_cr,
    "one OCR letter-spaced line": ocr_line,
    "one character per line": one_char_lines,
    "one long line": long_line,
    "markdown": markdown_mixed,
}


def slope(xs: list[float], ys: list[float]) -> float:
    """Least-squares slope of log y against log x."""
    lx = [math.log(x) for x in xs]
    ly = [math.log(y) for y in ys]
    mx, my = sum(lx) / len(lx), sum(ly) / len(ly)
    num = sum((a - mx) * (b - my) for a, b in zip(lx, ly, strict=True))
    den = sum((a - mx) ** 2 for a in lx)
    return num / den


def measure(text: str, name: str) -> tuple[float, int]:
    """Best CPU time of three parses, then one traced for memory.

    CPU time, not wall time: the machine is shared, and waiting is not parsing.
    """
    runs = 3
    best = math.inf
    for _ in range(runs):
        started = time.process_time()
        parse_text(text, name)
        best = min(best, time.process_time() - started)
    tracemalloc.start()
    parse_text(text, name)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return best, peak


def import_peak(text: str, name: str) -> int:
    """Peak traced memory of importing ``text`` as the file ``name`` into a new library."""
    with tempfile.TemporaryDirectory() as folder:
        library = open_library(Path(folder) / "library.sqlite3")
        try:
            warm = Path(folder) / f"warm{Path(name).suffix}"
            warm.write_text("# 标题\n\n正文。\n", encoding="utf-8")
            import_file(library, warm)  # statements prepared, parsers built
            path = Path(folder) / name
            path.write_text(text, encoding="utf-8", newline="")
            tracemalloc.start()
            try:
                import_file(library, path)
                return tracemalloc.get_traced_memory()[1]
            finally:
                tracemalloc.stop()
        finally:
            library.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.25, 0.5, 1, 2])
    parser.add_argument("--shape", action="append", help="only these shapes (repeatable)")
    parser.add_argument(
        "--import", dest="imports", action="store_true", help="also the peak of an import"
    )
    args = parser.parse_args()
    worst_exponent = 0.0
    worst_memory = 0.0
    worst_import = 0.0
    for label, make in SHAPES.items():
        if args.shape and label not in args.shape:
            continue
        sizes: list[float] = []
        times: list[float] = []
        cells: list[str] = []
        for mb in args.sizes:
            text, name = make(int(mb * 2**20), random.Random(20240501))
            size = len(text.encode("utf-8"))
            seconds, peak = measure(text, name)
            sizes.append(size)
            times.append(seconds)
            worst_memory = max(worst_memory, peak / size)
            cells.append(f"{mb:g} MB {seconds:6.2f} s  mem {peak / size:4.1f}×")
            if args.imports:
                ratio = import_peak(text, name) / size
                worst_import = max(worst_import, ratio)
                cells[-1] += f"  import mem {ratio:4.1f}×"
        exponent = slope(sizes, times) if len(sizes) > 1 else float("nan")
        worst_exponent = max(worst_exponent, exponent)
        rate = sizes[-1] / times[-1] / 2**20
        print(f"{label:<28} exponent {exponent:4.2f}  ({rate:.1f} MB/s at the largest)")
        for cell in cells:
            print(f"    {cell}")
    print(
        f"worst exponent {worst_exponent:.2f} (target ≤ 1.2); "
        f"worst peak memory {worst_memory:.1f}× the file (target < 10×)"
    )
    if args.imports:
        print(f"worst import peak {worst_import:.1f}× the file (decode, parse and store)")


if __name__ == "__main__":
    main()
