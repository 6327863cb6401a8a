"""``reader parse``: recover a file's structure without a library."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from reader.cli.common import EXIT_OK
from reader.core.errors import ReaderError


def cmd_parse(args: argparse.Namespace) -> int:
    from reader.core.text.decoding import decode_bytes
    from reader.core.text.files import read_source_file
    from reader.core.text.structure import parse_text

    path: Path = args.file
    try:  # refuses FIFOs, devices and oversized files before reading
        decoded = decode_bytes(read_source_file(path))
    except ReaderError as exc:
        raise ReaderError(f"{path}: {exc}") from exc
    document = parse_text(decoded.text, path.name)
    if args.json:
        out = {"file": str(path), "encoding": decoded.encoding, **document.to_json()}
        json.dump(out, sys.stdout, ensure_ascii=False)
        print()
        return EXIT_OK
    for article in document.articles:
        print(f"# {article.title}{'  (untitled)' if article.untitled else ''}")
        for block in article.blocks:
            label = block.kind + (f"{block.level}" if block.level else "")
            print(f"  {label:<10} {ranges(block.lines):<14} {block.text[:40]}")
    return EXIT_OK


def ranges(lines: Sequence[int]) -> str:
    """``[1, 2, 3, 7]`` → ``1-3,7``."""
    out: list[str] = []
    for n in lines:
        if out and "-" not in out[-1].split(",")[-1] and int(out[-1]) + 1 == n:
            out[-1] = f"{out[-1]}-{n}"
        elif out and "-" in out[-1] and int(out[-1].split("-")[1]) + 1 == n:
            out[-1] = f"{out[-1].split('-')[0]}-{n}"
        else:
            out.append(str(n))
    return ",".join(out)
