"""The ``reader`` command. It calls the core directly; no Qt is loaded for subcommands.

Exit status: 0 success, 1 an import where some files were refused, 2 usage or
library errors. Errors print one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from reader import __version__
from reader.core.errors import ReaderError
from reader.core.paths import LIBRARY_ENV, default_library_path

if TYPE_CHECKING:
    from reader.core.ingest.importer import ImportSummary
    from reader.core.library.store import Library

# Commands import what they use when they run: `reader` alone opens the window
# quickly, without loading the parsers or sqlite-utils.

EXIT_OK, EXIT_PARTIAL, EXIT_ERROR = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--library",
        metavar="PATH",
        type=Path,
        default=None,
        help=f"the library file (default: ${LIBRARY_ENV}, else {default_library_path()})",
    )
    parser = argparse.ArgumentParser(
        prog="reader",
        description="Read and annotate Chinese newspaper articles offline.",
        epilog="Run 'reader' with no command to open the window.",
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    parser.add_argument(
        "--library", metavar="PATH", type=Path, default=None, help="the library the window opens"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("import", parents=[common], help="import .txt/.md files and folders")
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (recursive)")
    p.add_argument("--samples", action="store_true", help="import the bundled sample articles")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("ls", parents=[common], help="list the articles in the library")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_ls)

    p = sub.add_parser("show", parents=[common], help="show one cleaned article and its structure")
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("--json", action="store_true", help="print JSON with offsets")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("search", parents=[common], help="search the library")
    p.add_argument(
        "query",
        metavar="QUERY",
        help="text to find; words separated by spaces must all be in one passage",
    )
    p.add_argument("--all", action="store_true", help="every hit, not only the first page")
    p.add_argument("--json", action="store_true", help="JSON Lines, one hit per line")
    p.add_argument(
        "--exact-script",
        action="store_true",
        help="match only the script typed (by default Traditional and Simplified match)",
    )
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("export", parents=[common], help="export notes")
    p.add_argument(
        "--format", required=True, choices=("markdown", "csv", "docx", "html", "jsonl", "w3c")
    )
    p.add_argument(
        "--article",
        type=int,
        action="append",
        default=[],
        metavar="ID",
        help="only this article (repeatable)",
    )
    p.add_argument("--tag", action="append", default=[], metavar="T", help="only this tag")
    p.add_argument("--status", choices=("unread", "in_progress", "reviewed", "needs_changes"))
    p.add_argument(
        "--full-text",
        action="store_true",
        help="markdown: the whole annotated article, highlights as ==marks==",
    )
    p.add_argument("-o", "--output", type=Path, metavar="PATH", help="file (default: stdout)")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser(
        "import-notes", parents=[common], help="import notes exported as JSON Lines or W3C JSON-LD"
    )
    p.add_argument("file", type=Path, metavar="FILE")
    p.set_defaults(func=cmd_import_notes)

    p = sub.add_parser("parse", help="recover the structure of a file without importing it")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--json", action="store_true", help="print JSON (structure_eval.py schema)")
    p.set_defaults(func=cmd_parse)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            return cmd_default(parser, args.library)
        return int(args.func(args))
    except ReaderError as exc:
        print(f"reader: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("reader: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        sys.stderr.close()  # the reader of our output went away (e.g. `| head`)
        return EXIT_OK


def _open(args: argparse.Namespace, create: bool = False) -> Library:
    from reader.core.library.store import open_library

    return open_library(args.library or default_library_path(), create=create)


def cmd_default(parser: argparse.ArgumentParser, library: Path | None = None) -> int:
    """``reader`` alone opens the window; without a display it prints help instead."""
    import os

    headless = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM")
    )
    if not headless:
        from reader.app import run_app

        return run_app(library=library)
    from reader.core.library.articles import article_count
    from reader.core.library.store import open_library

    parser.print_help()
    path = library or default_library_path()
    empty = not path.exists()
    if not empty:
        with open_library(path, create=False) as opened:
            empty = article_count(opened) == 0
    if empty:
        print(
            f"\nThe library at {path} is empty. Import the sample articles with:\n"
            "    reader import --samples"
        )
    print("\nNo display found: run 'reader' on a desktop to open the window.")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from reader.core.ingest.importer import import_paths
    from reader.core.resources import samples_dir

    paths: list[Path] = list(args.paths)
    if args.samples:
        paths.append(samples_dir())
    if not paths:
        print("reader import: give files or folders to import, or --samples", file=sys.stderr)
        return EXIT_ERROR
    with _open(args, create=True) as library:
        summary = import_paths(library, paths, progress=_progress_printer(sys.stderr))
    _print_summary(summary, sys.stdout, sys.stderr)
    return EXIT_PARTIAL if summary.refused else EXIT_OK


def _progress_printer(stream: TextIO) -> Any:
    interactive = stream.isatty()

    def show(done: int, total: int, path: Path) -> None:
        if total < 2:
            return
        if interactive:
            end = "\n" if done == total else ""
            print(f"\r\x1b[K[{done}/{total}] {path.name}", end=end, file=stream, flush=True)
        elif total >= 20 and (done % max(1, total // 10) == 0 or done == total):
            print(f"importing: {done}/{total} files", file=stream, flush=True)

    return show


def _print_summary(summary: ImportSummary, out: TextIO, err: TextIO) -> None:
    for result in summary.refused:
        print(f"refused: {result.path}: {result.reason}", file=err)
    print(summary.line(), file=out)


def cmd_ls(args: argparse.Namespace) -> int:
    from reader.core.library.articles import list_articles

    with _open(args) as library:
        articles = list_articles(library)
    if args.json:
        json.dump([a.to_json() for a in articles], sys.stdout, ensure_ascii=False, indent=1)
        print()
        return EXIT_OK
    if not articles:
        print(
            "The library is empty. Import files with 'reader import PATH' "
            "or the samples with 'reader import --samples'."
        )
        return EXIT_OK
    for a in articles:
        blocks = sum(a.block_counts.values())
        print(
            f"{a.id:>5}  {a.title}  [{Path(a.source_path).name} #{a.position}, "
            f"{blocks} blocks, {a.chars} chars, {a.status}]"
        )
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    from reader.core.library.articles import get_article

    with _open(args) as library:
        article = get_article(library, args.id)
    if args.json:
        json.dump(article.to_json(), sys.stdout, ensure_ascii=False, indent=1)
        print()
        return EXIT_OK
    print(f"# {article.title}")
    for key, value in article.metadata.items():
        print(f"  {key}: {value}")
    print(f"  source: {article.source_path}  status: {article.status}\n")
    for block in article.blocks:
        label = block.kind + (f"{block.level}" if block.level else "")
        print(f"[{label} {block.start}-{block.end} lines {_ranges(block.lines)}]\n{block.text}\n")
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    from reader.core.search.query import search

    with _open(args) as library:
        result = search(
            library,
            args.query,
            max_articles=None if args.all else 20,
            variants=not args.exact_script,
        )
    if args.json:
        for hit in result.hits:
            print(json.dumps(hit.to_json(), ensure_ascii=False))
        return EXIT_OK
    if not result.hits:
        print(f"no hits for {args.query!r}")
        return EXIT_OK
    for hit in result.hits:
        where = (
            f"{hit.title} › {hit.section}"
            if hit.section and hit.section != hit.title
            else hit.title
        )
        print(f"{hit.article_id:>5}:{hit.start:<6} {where}\n       {hit.bracketed()}")
    more = "" if result.complete else "; more articles match (use --all)"
    print(f"{len(result.hits)} hits in {result.articles} articles{more}")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from reader.core.exchange.exporting import ExportFilter, collect, render, write_atomically

    wanted = ExportFilter(tuple(args.article), tuple(args.tag), args.status)
    with _open(args) as library:
        data = render(args.format, collect(library, wanted), full_text=args.full_text)
    if args.output is None:
        if args.format == "docx" and sys.stdout.isatty():
            raise ReaderError("a .docx is binary: write it to a file with -o PATH")
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return EXIT_OK
    write_atomically(args.output, data, overwrite=args.force)
    print(f"wrote {args.output} ({len(data):,} bytes)", file=sys.stderr)
    return EXIT_OK


def cmd_import_notes(args: argparse.Namespace) -> int:
    from reader.core.exchange.notes_import import import_notes

    with _open(args) as library:
        summary = import_notes(library, args.file)
    for where, why in summary.skipped:
        print(f"skipped: {where}: {why}", file=sys.stderr)
    print(summary.line())
    return EXIT_OK


def cmd_parse(args: argparse.Namespace) -> int:
    from reader.core.text.decoding import decode_bytes
    from reader.core.text.structure import parse_text

    path: Path = args.file
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReaderError(f"{path}: {exc.strerror or exc}") from exc
    try:
        decoded = decode_bytes(data)
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
            print(f"  {label:<10} {_ranges(block.lines):<14} {block.text[:40]}")
    return EXIT_OK


def _ranges(lines: Sequence[int]) -> str:
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
