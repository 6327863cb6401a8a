"""Export notes: what to export (articles, filters), in which format, written atomically."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.annotators import REJECTED
from reader.core.errors import NotFoundError, ReaderError, WouldReplaceError
from reader.core.exchange.atomic_file import utf8_chunks, write_atomically
from reader.core.exchange.names import status_name
from reader.core.gc_pause import gc_paused
from reader.core.library.articles import StoredArticle, get_article
from reader.core.library.store import Library, describe_os_error, shorten_path
from reader.core.notes import annotations as notes
from reader.core.notes.annotations import Annotation
from reader.core.notes.tags import Tag, list_tags
from reader.core.text.model import BlockKind

SQLITE_MAX_INT = 2**63 - 1
FORMATS = (
    *("markdown", "obsidian", "csv", "xlsx", "docx", "html", "jsonl", "w3c", "hypothesis"),
    *("labelstudio", "doccano", "xmi", "brat"),
)
SUFFIXES = {
    "markdown": ".md",
    "obsidian": "",  # a folder: one note per article
    "csv": ".csv",
    "xlsx": ".xlsx",
    "docx": ".docx",
    "html": ".html",
    "jsonl": ".jsonl",
    "w3c": ".jsonld",
    "hypothesis": ".json",
    "labelstudio": ".json",
    "doccano": ".jsonl",
    "xmi": "",  # a folder: one .xmi per article and TypeSystem.xml
    "brat": "",  # a folder: one .txt and .ann per article
}
BINARY_FORMATS = frozenset({"docx", "xlsx"})
# Bridges to annotation tools (labelstudio.py, doccano.py, xmi.py, brat.py).
BRIDGES = ("labelstudio", "doccano", "xmi", "brat")
FOLDER_FORMATS = frozenset({"obsidian", "xmi", "brat"})
# Reader's own formats: everything in a library travels in them, rejections included.
KEEPS_EVERY_LAYER = frozenset({"jsonl", "w3c"})
# Formats that can write the whole annotated text; HTML always does.
FULL_TEXT_FORMATS = frozenset({"markdown", "html", "docx"})
# What a file name's suffix promises: a file of one kind named as another would not
# open where its name says (JSON, JSON Lines and JSON-LD are one kind: JSON text).
_KIND_OF_SUFFIX = {
    **{".md": "markdown", ".markdown": "markdown", ".csv": "csv", ".tsv": "csv"},
    **{".xlsx": "excel", ".xls": "excel", ".docx": "word", ".doc": "word"},
    **{".html": "html", ".htm": "html", ".json": "json", ".jsonl": "json", ".jsonld": "json"},
    **{".pdf": "pdf", ".txt": "text"},
}
_TEXT_KINDS = frozenset({"markdown", "csv", "json", "html"})  # a .txt may hold any of them


def check_file_name(path: Path, fmt: str) -> None:
    """Refuse a file name whose suffix promises another kind of file than ``fmt`` writes
    (Markdown named ``notes.xlsx``, a folder named ``notes.zip``); a suffix no kind
    claims, or none, is left as given."""
    suffix = path.suffix.lower()
    wanted = SUFFIXES.get(fmt, "")
    claimed = _KIND_OF_SUFFIX.get(suffix)
    if fmt in FOLDER_FORMATS and (claimed is not None or suffix == ".zip"):
        raise ReaderError(
            f"{path.name} ends in {path.suffix}, but {fmt} writes a folder of files, "
            f"not one file: give a folder name (e.g. {path.stem})"
        )
    if not wanted or claimed is None or claimed == _KIND_OF_SUFFIX[wanted]:
        return
    if claimed == "text" and _KIND_OF_SUFFIX[wanted] in _TEXT_KINDS:
        return
    better = path.stem + wanted
    raise ReaderError(
        f"{path.name} ends in {path.suffix}, but a {fmt} file is not one: "
        f"name it {better}, or choose a format that writes {path.suffix}"
    )


@dataclass(frozen=True)
class ExportFilter:
    article_ids: tuple[int, ...] = ()  # empty: every article with matching annotations
    tags: tuple[str, ...] = ()
    status: str | None = None
    colours: tuple[str, ...] = ()
    annotators: tuple[str, ...] = ()
    # Adjudication's rejected layer (``core.annotators.REJECTED``) is a record of decisions, not
    # notes: only Reader's own formats carry it (a library moved whole keeps them), and
    # any format when that annotator is asked for by name.
    rejections: bool = False

    def accepts(self, annotation: Annotation) -> bool:
        if self.tags and not set(self.tags) & set(annotation.tags):
            return False
        if self.colours and annotation.color not in self.colours:
            return False
        if not self.annotators:  # adjudication's rejections: see ``rejections``
            return self.rejections or annotation.annotator != REJECTED
        return annotation.annotator in self.annotators


@dataclass(frozen=True)
class ExportNote:
    annotation: Annotation
    section: str  # the heading over it; "" before the first one, and when orphaned

    @property
    def orphaned(self) -> bool:
        """Its passage is gone: its offsets and section are those of a former text."""
        return self.annotation.state == "orphaned"


@dataclass(frozen=True)
class ExportArticle:
    article: StoredArticle
    notes: tuple[ExportNote, ...] = field(default_factory=tuple)
    tags: tuple[Tag, ...] = ()  # the tags its notes use, with colour, key and description


def collect(
    library: Library, wanted: ExportFilter, *, limit: int | None = None
) -> list[ExportArticle]:
    """Articles (in library order) with their annotations (in text order) that pass the filter.

    With ``limit``, only the first ``limit`` such articles (a preview reads no further).
    """
    if wanted.article_ids:
        ids = list(dict.fromkeys(wanted.article_ids))
    else:
        ids = [
            r[0]
            for r in library.conn.execute(
                "SELECT DISTINCT a.id FROM articles a JOIN annotations n ON n.article_id = a.id "
                "LEFT JOIN sources s ON s.id = a.source_id ORDER BY s.path, a.position, a.id"
            )
        ]
    out: list[ExportArticle] = []
    known = {t.name: t for t in list_tags(library)}
    for article_id in ids:
        if not 1 <= article_id <= SQLITE_MAX_INT:
            raise NotFoundError(f"no article with id {article_id}")
        article = get_article(library, article_id)
        if wanted.status and article.status != wanted.status:
            continue
        headings = [(b.start, b.text) for b in article.blocks if b.kind == BlockKind.HEADING]
        chosen = tuple(
            ExportNote(a, _section(headings, a))
            for a in notes.for_article(library, article_id)
            if wanted.accepts(a)
        )
        if chosen or wanted.article_ids:
            used = dict.fromkeys(t for n in chosen for t in n.annotation.tags)
            out.append(ExportArticle(article, chosen, tuple(known[t] for t in used if t in known)))
            if limit is not None and len(out) >= limit:
                break
    return out


def _section(headings: list[tuple[int, str]], a: Annotation) -> str:
    """The heading over the annotation; none for an orphan, whose offsets point into
    the text it lost (they may fall under any heading now)."""
    if a.state == "orphaned":
        return ""
    return next((t for s, t in reversed(headings) if s <= a.start), "")


def check_format(fmt: str, full_text: bool = False) -> None:
    """Refuse an unknown format, or --full-text where the format cannot write the text."""
    if fmt not in FORMATS:
        raise ReaderError(f"unknown format “{fmt}”; choose one of {', '.join(FORMATS)}")
    if full_text and fmt not in FULL_TEXT_FORMATS:
        raise ReaderError(
            f"--full-text is not available for {fmt}; "
            f"formats that write the whole text: {', '.join(sorted(FULL_TEXT_FORMATS))}"
        )


def render(
    fmt: str,
    items: list[ExportArticle],
    *,
    full_text: bool = False,
    labels: Mapping[str, str] | None = None,
) -> bytes:
    """``labels``: the words an export writes in the reader's language (statuses,
    colours, "Source", …); without them statuses are in Chinese and the rest English."""
    check_format(fmt, full_text)
    with gc_paused():  # an export's many small objects make no cycles
        if fmt in FOLDER_FORMATS and fmt in BRIDGES:  # XMI and brat need a folder
            from reader.core.exchange.bridge_export import render_bridge

            return render_bridge(fmt, items)
        data = _renderer(fmt)(items, full_text, labels)
        return data if isinstance(data, bytes) else "".join(data).encode("utf-8")


# A format's writer: the file's bytes (the zip formats), or its text in pieces, made as
# they are written (a file of 50,000 notes is never one string in memory).
Renderer = Callable[[list[ExportArticle], bool, Mapping[str, str] | None], bytes | Iterable[str]]


def _renderer(fmt: str) -> Renderer:
    """The function writing ``fmt``, imported when first used."""
    if fmt == "markdown":
        from reader.core.exchange.markdown import markdown_pieces

        return lambda i, full, said: markdown_pieces(i, full_text=full, labels=said)
    if fmt == "obsidian":
        from reader.core.exchange.obsidian import obsidian_preview

        return lambda i, _, said: [obsidian_preview(i, said)]
    if fmt == "csv":
        from reader.core.exchange.csv_format import csv_pieces

        return lambda i, _, said: csv_pieces(i, said)
    if fmt == "xlsx":
        from reader.core.exchange.xlsx import xlsx_bytes

        return lambda i, _, said: xlsx_bytes(i, said)
    if fmt == "docx":
        from reader.core.exchange.docx_comments import docx_full_text
        from reader.core.exchange.export_docx import docx_bytes

        return lambda i, full, said: (docx_full_text if full else docx_bytes)(i, said)
    if fmt == "html":
        from reader.core.exchange.html import html_pieces

        return lambda i, _, said: html_pieces(i, said)
    if fmt == "hypothesis":
        from reader.core.exchange.hypothesis import hypothesis_pieces

        return lambda i, _, __: hypothesis_pieces(i)
    if fmt == "labelstudio":
        from reader.core.exchange.labelstudio import labelstudio_pieces

        return lambda i, _, __: labelstudio_pieces(i)
    if fmt == "doccano":
        from reader.core.exchange.doccano import doccano_pieces

        return lambda i, _, __: doccano_pieces(i)
    from reader.core.exchange import jsonld

    write = jsonld.jsonl_pieces if fmt == "jsonl" else jsonld.w3c_pieces
    return lambda i, _, __: write(i)


def nothing_to_export(items: list[ExportArticle], wanted: ExportFilter) -> str | None:
    """A sentence saying the export is empty, and what the filters were; None if it is not."""
    if any(item.notes for item in items) or (items and wanted.article_ids):
        return None
    said = [f"article {i}" for i in wanted.article_ids]
    said += [f"tag {t}" for t in wanted.tags]
    said += [f"status {wanted.status} ({status_name(wanted.status)})"] if wanted.status else []
    said += [f"colour {c}" for c in wanted.colours]
    said += [f"annotator {a}" for a in wanted.annotators]
    where = f" with {', '.join(said)}" if said else " in this library"
    return f"nothing to export: no annotations{where}"


def write_export(
    path: Path,
    fmt: str,
    items: list[ExportArticle],
    *,
    full_text: bool = False,
    labels: Mapping[str, str] | None = None,
    overwrite: bool = False,
) -> int:
    """Render and write ``fmt`` to ``path`` atomically (a folder of files, each written
    atomically, for Obsidian, XMI and brat); returns the bytes written."""
    with gc_paused():  # an export's many small objects make no cycles
        return _write_export(path, fmt, items, full_text, labels, overwrite)


def _write_export(
    path: Path,
    fmt: str,
    items: list[ExportArticle],
    full_text: bool,
    labels: Mapping[str, str] | None,
    overwrite: bool,
) -> int:
    check_format(fmt, full_text)
    if fmt not in FOLDER_FORMATS:
        check_file_name(path, fmt)
        data = _renderer(fmt)(items, full_text, labels)
        if isinstance(data, bytes):
            return write_atomically(path, data, overwrite=overwrite)
        return write_atomically(path, utf8_chunks(data), overwrite=overwrite)
    if fmt in BRIDGES:  # replaced whole, and only a folder holding such an export
        from reader.core.exchange.bridge_export import bridge_files
        from reader.core.exchange.export_folder import write_folder

        tool_files = bridge_files(fmt, items)
        write_folder(path, tool_files, overwrite=overwrite, kind=fmt)
        return sum(len(d) for d in tool_files.values())
    from reader.core.exchange.obsidian import obsidian_files

    files = obsidian_files(items, labels)
    if path.exists() and not path.is_dir():
        raise ReaderError(f"{shorten_path(path)} is a file; {fmt} writes into a folder")
    clashes = [name for name in files if (path / name).exists()]
    if clashes and not overwrite:
        raise WouldReplaceError(
            f"{shorten_path(path / clashes[0])} exists ({len(clashes)} notes would be replaced); "
            "choose another folder or allow overwriting",
            clashes,
        )
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReaderError(f"cannot make {shorten_path(path)}: {describe_os_error(exc)}") from exc
    from reader.core.exchange.note_folder import write_files_atomically

    write_files_atomically(path, files, overwrite=overwrite)
    return sum(len(d) for d in files.values())
