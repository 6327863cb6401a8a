"""Library commands: the window (``reader`` alone), import, ls, show, search."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from reader.cli.common import (
    EXIT_ERROR,
    EXIT_OK,
    EXIT_PARTIAL,
    check_article_id,
    library_path,
    open_library_of,
)
from reader.cli.parse_cmd import ranges

if TYPE_CHECKING:
    from collections.abc import Iterable

    from reader.core.ingest.importer import ImportSummary
    from reader.core.search.query import Hit


def cmd_default(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    """``reader`` alone opens the window; without a display it prints help instead."""
    import os

    headless = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM")
    )
    library: Path | None = getattr(args, "library", None)
    if not headless:
        from reader.app import run_app

        return run_app(library=library)
    from reader.core.library.articles import article_count

    parser.print_help()
    path = library_path(args)
    empty = not path.exists()
    if not empty:
        with open_library_of(args) as opened:
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
    with open_library_of(args, create=True) as library:
        summary = import_paths(
            library,
            paths,
            progress=_progress_printer(sys.stderr),
            indexing=_index_printer(sys.stderr),
        )
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


INDEX_SHOWN_FROM = 200  # articles: a smaller index batch is over before it could be read


def _index_printer(stream: TextIO) -> Any:
    """The index batch after the files: on a terminal one line, rewritten as it moves (it
    follows the files' line, ended when they were all in); else tenths of a big batch."""
    interactive = stream.isatty()
    shown = [-1]

    def show(done: int, total: int) -> None:
        if interactive and total >= INDEX_SHOWN_FROM:
            end = "\n" if done >= total else ""
            line = f"\r\x1b[K[indexing] {done}/{total} articles"
            print(line, end=end, file=stream, flush=True)
            return
        tenth = done * 10 // max(total, 1)
        if not interactive and total >= 1000 and tenth > shown[0]:  # by tenths
            shown[0] = tenth
            print(f"indexing: {done}/{total} articles", file=stream, flush=True)

    return show


def _print_summary(summary: ImportSummary, out: TextIO, err: TextIO) -> None:
    for result in summary.refused:
        print(f"refused: {result.path}: {result.reason}", file=err)
    print(summary.line(), file=out)


def cmd_ls(args: argparse.Namespace) -> int:
    from reader.core.library.articles import list_articles

    with open_library_of(args) as library:
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

    with open_library_of(args) as library:
        article = get_article(library, check_article_id(args.id))
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
        print(f"[{label} {block.start}-{block.end} lines {ranges(block.lines)}]\n{block.text}\n")
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    from reader.core.search.query import iter_hits, search

    variants = not args.exact_script
    args.query = " ".join(args.query)  # `reader search 记者 报道`, as the search box takes it
    with open_library_of(args) as library:
        if args.all:  # streamed: hits are printed as each chunk of articles is searched
            hits: Iterable[Hit] = iter_hits(library, args.query, variants=variants)
            return _print_hits(args, hits, None)
        result = search(library, args.query, max_articles=20, variants=variants)
    return _print_hits(args, result.hits, result.complete)


def _print_hits(args: argparse.Namespace, hits: Iterable[Hit], complete: bool | None) -> int:
    """Print hits as they come; ``complete`` False: more articles match than were read."""
    count = articles = 0
    last = None
    for hit in hits:  # an article's hits come together
        count += 1
        if hit.article_id != last:
            articles, last = articles + 1, hit.article_id
        if args.json:
            print(json.dumps(hit.to_json(), ensure_ascii=False))
            continue
        where = (
            f"{hit.title} › {hit.section}"
            if hit.section and hit.section != hit.title
            else hit.title
        )
        print(f"{hit.article_id:>5}:{hit.start:<6} {where}\n       {hit.bracketed()}")
    if args.json:
        if complete is False:  # the lines stay hits only; the note goes where people read
            print("reader: more articles match (use --all)", file=sys.stderr)
        return EXIT_OK
    if not count:
        print(f"no hits for {args.query!r}")
        return EXIT_OK
    more = "; more articles match (use --all)" if complete is False else ""
    hits_word = "hit" if count == 1 else "hits"
    articles_word = "article" if articles == 1 else "articles"
    print(f"{count} {hits_word} in {articles} {articles_word}{more}")
    return EXIT_OK
