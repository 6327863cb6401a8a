"""Notes leaving and coming back: ``reader export`` and ``reader import-notes``."""

from __future__ import annotations

import argparse
import sys

from reader.cli.common import EXIT_OK, EXIT_PARTIAL, check_article_id, open_library_of
from reader.core.errors import ReaderError


def cmd_export(args: argparse.Namespace) -> int:
    from reader.core.exchange.exporting import (
        BINARY_FORMATS,
        FOLDER_FORMATS,
        ExportFilter,
        check_format,
        collect,
        nothing_to_export,
        render,
        write_export,
    )

    wanted = ExportFilter(
        tuple(check_article_id(i) for i in args.article),
        tuple(args.tag),
        args.status,
        annotators=tuple(getattr(args, "annotator", ())),
    )
    if args.format in FOLDER_FORMATS and args.output is None:
        raise ReaderError(f"{args.format} writes a folder of files: give it with -o FOLDER")
    with open_library_of(args) as library:
        items = collect(library, wanted)
    empty = nothing_to_export(items, wanted)
    if empty is not None:  # exit 1, nothing written: README, "Exporting notes"
        check_format(args.format, args.full_text)  # a wrong option is said first
        print(f"reader: {empty}", file=sys.stderr)
        return EXIT_PARTIAL
    if args.output is None:
        data = render(args.format, items, full_text=args.full_text)
        if args.format in BINARY_FORMATS and sys.stdout.isatty():
            raise ReaderError(f"a .{args.format} is binary: write it to a file with -o PATH")
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return EXIT_OK
    size = write_export(
        args.output, args.format, items, full_text=args.full_text, overwrite=args.force
    )
    print(f"wrote {args.output} ({size:,} bytes)", file=sys.stderr)
    return EXIT_OK


def cmd_import_notes(args: argparse.Namespace) -> int:
    from reader.core.exchange.notes_import import import_notes, read_records

    records = read_records(args.file)  # a bad file is refused before the library is opened
    with open_library_of(args) as library:
        summary = import_notes(library, args.file, records=records)
    for where, why in summary.skipped:
        print(f"skipped: {where}: {why}", file=sys.stderr)
    print(summary.line())
    return EXIT_OK
