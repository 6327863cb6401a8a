"""CSV for tools (and Excel): UTF-8 with a BOM, cells no spreadsheet runs as formulas.

CSV carries no types, so Excel reads a quote like ``1246`` as a number, and a
user whose list separator is ``;`` sees one column. CSV is kept plain for
tools; the ``xlsx`` export is the one for people.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Mapping
from operator import attrgetter

from reader.core.exchange.exporting import ExportArticle
from reader.core.exchange.names import orphan_label, status_name

CSV_COLUMNS = (
    "article",
    "section",
    "quote",
    "prefix",
    "suffix",
    "start",
    "end",
    "tags",
    "note",
    "colour",
    "annotator",
    "created",
    "updated",
    "review status",
    "anchor",
)

# Characters that make a spreadsheet read a cell as a formula, in ASCII and in the
# full-width and small forms that Excel and LibreOffice fold to ASCII.
_FORMULA_START = frozenset("=+-@\t\r\n＝﹦＋﹢－﹣＠﹫")
# Invisible or blank characters a spreadsheet skips before it looks for a formula.
_SKIPPED = "".join(
    [
        " \t\u00a0\u1680\u202f\u205f\u2060\u3000\ufeff",
        *map(chr, range(0x2000, 0x2010)),
        "\u2028\u2029",
    ]
)


def _triggers(line: str) -> bool:
    stripped = line.lstrip(_SKIPPED)
    return (bool(stripped) and stripped[0] in _FORMULA_START) or stripped != line


def _cell(value: object) -> str:
    """A cell no spreadsheet can run as a formula.

    A cell is guarded with a leading ``'`` when it, or any line in it, starts
    with a formula character after blanks and invisible characters (or starts
    with such a blank at all); each such line inside the cell is guarded too.
    """
    text = "" if value is None else str(value)
    first = text[:1]
    if not first or (
        first not in _FORMULA_START
        and first not in _SKIPPED
        and "\n" not in text
        and "\r" not in text
    ):
        return text  # one line, starting with no formula or blank character
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not any(_triggers(line) for line in lines):
        return text
    guarded = [lines[0], *("'" + line if _triggers(line) else line for line in lines[1:])]
    return "'" + "\n".join(guarded)


def rows(items: list[ExportArticle], labels: Mapping[str, str] | None = None) -> list[list[object]]:
    """One row per annotation, in ``CSV_COLUMNS`` order (shared with the Excel export)."""
    said = labels or {}
    out: list[list[object]] = []
    for item in items:
        status = status_name(item.article.status, said)
        for note in item.notes:
            a = note.annotation
            out.append(
                [
                    item.article.title,
                    note.section,
                    a.quote,
                    a.prefix,
                    a.suffix,
                    None if note.orphaned else a.start,  # no current place: left empty
                    None if note.orphaned else a.end,
                    "; ".join(a.tags),
                    a.note,
                    said.get(a.color, a.color) if a.color else "",
                    a.annotator,
                    a.created_at,
                    a.updated_at,
                    status,
                    orphan_label(said) if a.state == "orphaned" else said.get(a.state, a.state),
                ]
            )
    return out


def columns(
    items: list[ExportArticle], labels: Mapping[str, str] | None = None
) -> list[list[object]]:
    """``rows()`` turned on its side, one list per column of ``CSV_COLUMNS``, built a
    column at a time (the Excel export writes its cells from these)."""
    said = labels or {}
    notes = [note for item in items for note in item.notes]
    a = list(map(attrgetter("annotation"), notes))
    status = [status_name(i.article.status, said) for i in items]
    orphan = orphan_label(said)
    gone = [s == "orphaned" for s in map(attrgetter("state"), a)]  # no current place
    return [
        [item.article.title for item in items for _ in item.notes],
        list(map(attrgetter("section"), notes)),
        *(list(map(attrgetter(name), a)) for name in ("quote", "prefix", "suffix")),
        *(
            [None if g else x for g, x in zip(gone, map(attrgetter(name), a), strict=True)]
            for name in ("start", "end")
        ),
        list(map("; ".join, map(attrgetter("tags"), a))),
        list(map(attrgetter("note"), a)),
        [said.get(c, c) if c else "" for c in map(attrgetter("color"), a)],
        *(list(map(attrgetter(name), a)) for name in ("annotator", "created_at", "updated_at")),
        [s for s, item in zip(status, items, strict=True) for _ in item.notes],
        [orphan if s == "orphaned" else said.get(s, s) for s in map(attrgetter("state"), a)],
    ]


def csv_bytes(items: list[ExportArticle], labels: Mapping[str, str] | None = None) -> bytes:
    return "".join(csv_pieces(items, labels)).encode("utf-8")


class _Rows(list[str]):
    """What ``csv.writer`` writes its rows to: kept until taken."""

    write = list.append


def csv_pieces(
    items: list[ExportArticle], labels: Mapping[str, str] | None = None
) -> Iterator[str]:
    """``csv_bytes(items, labels)`` as text in pieces: the BOM and header, then each
    article's rows."""
    held = _Rows()
    writer = csv.writer(held, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    yield "\ufeff" + "".join(held)
    for item in items:
        held.clear()
        writer.writerows([_cell(v) for v in row] for row in rows([item], labels))
        yield "".join(held)
