"""Notes leaving and coming back: ``reader export`` and ``reader import-notes``."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from reader.cli.common import EXIT_OK, EXIT_PARTIAL, check_article_id, open_library_of
from reader.core.errors import ReaderError

# reader.core.exchange.exporting.SUFFIXES for the one-file formats, here so that a wrong
# -o is refused before the exporters load (tests/test_notes_travel.py checks they agree).
SUFFIXES = {
    **{"markdown": ".md", "csv": ".csv", "xlsx": ".xlsx", "docx": ".docx", "html": ".html"},
    **{"jsonl": ".jsonl", "w3c": ".jsonld", "hypothesis": ".json"},
    **{"labelstudio": ".json", "doccano": ".jsonl"},
}


def cmd_export(args: argparse.Namespace) -> int:
    from reader.core.exchange.exporting import (
        BINARY_FORMATS,
        FOLDER_FORMATS,
        KEEPS_EVERY_LAYER,
        ExportFilter,
        check_format,
        collect,
        nothing_to_export,
        render,
        write_export,
    )

    output = _output(args.output, args.format, FOLDER_FORMATS, BINARY_FORMATS)
    wanted = ExportFilter(
        tuple(check_article_id(i) for i in args.article),
        tuple(args.tag),
        args.status,
        annotators=tuple(getattr(args, "annotator", ())),
        rejections=args.format in KEEPS_EVERY_LAYER,
    )
    if args.format in FOLDER_FORMATS and output is None:
        raise ReaderError(f"{args.format} writes a folder of files: give it with -o FOLDER")
    with open_library_of(args) as library:
        items = collect(library, wanted)
    empty = nothing_to_export(items, wanted)
    if empty is not None:  # exit 1, nothing written: README, "Exporting notes"
        check_format(args.format, args.full_text)  # a wrong option is said first
        print(f"reader: {empty}", file=sys.stderr)
        return EXIT_PARTIAL
    if output is None or output == STDOUT:
        data = render(args.format, items, full_text=args.full_text)
        if args.format in BINARY_FORMATS and sys.stdout.isatty():
            raise ReaderError(f"a .{args.format} is binary: write it to a file with -o PATH")
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return EXIT_OK
    size = write_export(output, args.format, items, full_text=args.full_text, overwrite=args.force)
    print(f"wrote {output} ({size:,} bytes)", file=sys.stderr)
    return EXIT_OK


STDOUT = Path("-")


def _output(
    given: str | None, fmt: str, folders: frozenset[str], binary: frozenset[str]
) -> Path | None:
    """Where ``-o`` asks the export to go: None (not given), ``STDOUT`` (``-o -``, text
    formats only) or a path. A name ending in a slash names a folder: refused for a
    format that writes one file (README, "Exporting notes"), as is an empty name."""
    if given is None:
        return None
    if given == "":
        raise ReaderError("empty output path: give a file name with -o, or leave -o out")
    if given == "-":
        if fmt in folders:
            raise ReaderError(f"{fmt} writes a folder of files: give it with -o FOLDER, not -")
        if fmt in binary:
            raise ReaderError(
                f"a .{fmt} is binary: -o - would write it to the terminal or a pipe; "
                "give a file name with -o"
            )
        return STDOUT
    path = Path(given)
    if fmt not in folders and (given.endswith(("/", os.sep)) or path.is_dir()):
        raise ReaderError(
            f"{given} is a folder name; {fmt} writes one file: give a file name "
            f"(e.g. {path / ('notes' + SUFFIXES[fmt])})"
        )
    from reader.core.exchange.exporting import check_file_name

    check_file_name(path, fmt)  # before the notes are collected
    return path


def cmd_import_notes(args: argparse.Namespace) -> int:
    from reader.core.exchange.notes_import import import_notes, read_records

    records = read_records(args.file)  # a bad file is refused before the library is opened
    with open_library_of(args) as library:
        summary = import_notes(library, args.file, records=records)
    for where, why in summary.skipped:
        print(f"skipped: {where}: {why}", file=sys.stderr)
    print(summary.line())
    return EXIT_OK
