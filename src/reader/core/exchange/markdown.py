"""Markdown: notes grouped by article and section, or the whole annotated text.

A note is always inert text: inline markup is escaped everywhere, a line can never
open a block, and line breaks are hard breaks, so a note stays one paragraph.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from itertools import chain, islice

from reader.core.exchange.exporting import ExportArticle
from reader.core.exchange.names import orphan_label, status_name
from reader.core.exchange.spans import lay_out
from reader.core.notes.annotations import Annotation
from reader.core.text.model import BlockKind

# Escaped everywhere: characters that make inline markup (emphasis, code, links,
# HTML, entities, marks, footnote references, tables).
_MD_INLINE = frozenset("\\`*_{}[]<>#|~=!^&$")
# Escaped at the start of a line: characters that open a block (headings,
# lists, quotes, rules, setext underlines, fences, tables, footnote definitions).
_MD_LINE_START = frozenset("-+*>#=`~|:")
_ORDERED = re.compile(r"^(\d{1,9})([.)])")
_MD_ESCAPES = str.maketrans({ch: "\\" + ch for ch in _MD_INLINE})
_MD_MARKUP = re.compile("[" + re.escape("".join(sorted(_MD_INLINE))) + "]")


def _md(text: str) -> str:
    """Escape Markdown markup in text that stays on one line."""
    # Searching first: most quotes and notes have nothing to escape.
    return text.translate(_MD_ESCAPES) if _MD_MARKUP.search(text) else text


def _md_line(line: str) -> str:
    """One line of user text that can never start a block: escaped, indentation kept inert."""
    first = line[:1]
    if first and first not in _MD_LINE_START and first not in " \t" and not first.isdigit():
        return _md(line)  # most lines: nothing opens a block, no indentation
    stripped = line.lstrip(" \t")
    indent = line[: len(line) - len(stripped)]
    body = _md(stripped)
    if stripped[:1] in _MD_LINE_START and not body.startswith("\\"):
        body = "\\" + body
    if body[:1].isdigit():  # "1." / "1)" would start a list
        body = _ORDERED.sub(r"\1\\\2", body, count=1)
    if not indent:
        return body
    # Leading spaces would make an indented code block: keep them as entities.
    return indent.replace(" ", "&#32;").replace("\t", "&#9;") + body


def md_text(text: str, indent: str = "") -> str:
    """User text (a note, a quote) as inert Markdown: line breaks become hard breaks, and
    blank lines are kept as a non-breaking space, so the text stays one paragraph
    (inside a footnote too, with ``indent`` on its continuation lines)."""
    if "\n" not in text:  # most notes and quotes: one line
        return _md_line(text) if text.strip() else "&nbsp;"
    lines = [_md_line(line) if line.strip() else "&nbsp;" for line in text.split("\n")]
    return ("\\\n" + indent).join(lines)


@functools.lru_cache(maxsize=4096)  # a few tags, written on every note
def obsidian_tag(name: str) -> str:
    """A valid Obsidian tag for ``name``, the same every time.

    Obsidian tags hold letters, digits, ``_``, ``-`` and ``/`` and need one
    character that is not a digit. Blanks become ``-``; any other character
    becomes ``_``; a tag of digits only gets a leading ``_`` (``#_12345``); an
    empty one is ``#_``. NFKC first, so full-width letters and digits fold.
    """
    text = unicodedata.normalize("NFKC", name).strip()
    out = "".join(
        c if c.isalnum() or c in "_-/" else "-" if c.isspace() else "_" for c in text
    ).strip("/")
    out = re.sub("/+", "/", out)
    if not out or all(c.isdigit() or c in "/" for c in out):
        out = "_" + out
    return "#" + out


def markdown(
    items: list[ExportArticle],
    *,
    full_text: bool = False,
    labels: Mapping[str, str] | None = None,
) -> str:
    """``labels`` translates the English words it writes ("Source", "Review status",
    "colour", a colour's or a status's name); what it lacks stays as it is."""
    return "".join(markdown_pieces(items, full_text=full_text, labels=labels))


def markdown_pieces(
    items: list[ExportArticle],
    *,
    full_text: bool = False,
    labels: Mapping[str, str] | None = None,
) -> Iterator[str]:
    """``markdown(…)`` in pieces, an article at a time: its lines, joined."""
    said = labels or {}
    counter = [0]  # footnote numbers run on through the file: unique in it
    articles = (_article_lines(item, full_text, said, counter) for item in items)
    joined = ("\n".join(lines) for lines in articles if lines)
    yield from _trimmed(chain(islice(joined, 1), ("\n" + text for text in joined)))


def _trimmed(pieces: Iterable[str]) -> Iterator[str]:
    """``"".join(pieces).rstrip() + "\n"``, piece by piece: blank pieces, and the
    blanks ending a piece, are held until something follows them."""
    held: list[str] = []
    for piece in pieces:
        body = piece.rstrip()
        if body:
            yield from held
            held.clear()
            yield body
        if len(body) < len(piece):
            held.append(piece[len(body) :])
    yield "\n"


def _article_lines(
    item: ExportArticle, full_text: bool, said: Mapping[str, str], counter: list[int]
) -> list[str]:
    a = item.article
    head = [
        f"- {said.get('Source', 'Source')}: {_md(a.source_path or '—')}",
        f"- {said.get('Review status', 'Review status')}: {status_name(a.status, said)}",
        "",
    ]
    if full_text:
        return _annotated_text(item, head, said, counter)
    lines = [f"# {_md(a.title)}", "", *head]
    section = None
    for note in item.notes:
        if note.orphaned:
            continue
        if note.section != section:
            section = note.section
            if section:
                lines += [f"## {_md(section)}", ""]
        lines += _md_note(note.annotation, said)
    orphans = [note for note in item.notes if note.orphaned]
    if orphans:  # under no section of the text: their passage is gone
        lines += [f"## {orphan_label(said)}", ""]
        for note in orphans:
            lines += _md_note(note.annotation, said)
    return lines


def _md_note(a: Annotation, said: Mapping[str, str]) -> list[str]:
    quote = ["> " + md_text(a.quote, "> ")]  # line breaks kept as hard breaks
    meta = []
    if a.state == "orphaned":
        meta.append(orphan_label(said))
    if a.tags:
        meta.append(" ".join(obsidian_tag(t) for t in a.tags))
    if a.color:
        meta.append(f"{said.get('colour', 'colour')}: {said.get(a.color, a.color)}")
    out = [*quote, ""]
    if meta:
        out += ["  ".join(meta), ""]
    if a.note:
        out += [md_text(a.note), ""]
    return out


def _footnote(a: Annotation, said: Mapping[str, str]) -> str:
    parts = [" ".join(map(obsidian_tag, a.tags))]
    if a.color and not a.tags and not a.note:
        parts.append(f"{said.get('colour', 'colour')}: {said.get(a.color, a.color)}")
    if a.note.strip():  # else md_text's "&nbsp;" (a line kept open) would end the footnote
        parts.append(md_text(a.note, "    "))
    return " ".join(filter(None, parts)) or "&nbsp;"


_HEADS = {BlockKind.TITLE: "# ", BlockKind.HEADING: "## "}
_QUOTED = 60  # characters of an overlapping annotation's quote its footnote opens with


def _annotated_text(
    item: ExportArticle, head: list[str], said: Mapping[str, str], counter: list[int]
) -> list[str]:
    """The whole article: every segment under annotations its own ``==mark==`` in every
    paragraph it touches, followed by the footnote references of the annotations whose
    last segment it is (an overlapping one's footnote opens with its quote)."""
    layout = lay_out(item)
    numbers: dict[int, int] = {}
    shared: set[int] = set()  # annotations sharing a segment with another
    body: list[str] = []
    titled = any(p.kind == BlockKind.TITLE for p in layout.paras)
    out: list[str] = [] if titled else [f"# {_md(item.article.title)}", ""]
    markup = _MD_MARKUP.search(item.article.text) is not None  # else nothing to escape
    for para in layout.paras:
        parts: list[tuple[str, bool]] = []
        for piece in para.pieces:
            parts.append((_md(piece.text) if markup else piece.text, bool(piece.cover)))
            if len(piece.cover) > 1:
                shared.update(piece.cover)
            for i in piece.ending:
                counter[0] += 1
                numbers[i] = counter[0]
                parts.append((f"[^{counter[0]}]", False))
        line = marked_line(parts)
        # A line opening with our own ``==`` mark cannot be a setext underline (it
        # follows a blank line): only text that opens the paragraph needs the escape.
        line = line if line.startswith("==") else _inert_paragraph(line)
        if not line:
            continue
        prefix = _HEADS.get(para.kind, "")
        (out if para.kind == BlockKind.TITLE else body).extend([prefix + line, ""])
    out += [*head, *body]
    if layout.unplaced:
        out += [f"## {orphan_label(said)}", ""]
        for i in layout.unplaced:
            counter[0] += 1
            numbers[i] = counter[0]
            quote = md_text(layout.notes[i].quote)
            out += [f"- “{quote}”[^{counter[0]}]", ""]
    for i in sorted(numbers, key=numbers.__getitem__):
        note = layout.notes[i]
        text = _footnote(note, said)
        if i in shared:  # which marks are its own: from its quote's start to its reference
            quote = note.quote if len(note.quote) <= _QUOTED else note.quote[:_QUOTED] + "…"
            text = f"“{md_text(quote, '    ')}” " + text.removeprefix("&nbsp;")
        out.append(f"[^{numbers[i]}]: {text.rstrip()}")
    return [*out, ""]


# An empty HTML comment: invisible, and punctuation to the parser on either side of
# a ``==`` that would not open or close otherwise (``茶==。渡輪==``).
_GUARD = "<!---->"


@functools.lru_cache(maxsize=8192)  # a few thousand distinct characters in any export
def _space(ch: str | None) -> bool:
    return ch is None or ch in "\t\n\v\f\r" or unicodedata.category(ch) == "Zs"


@functools.lru_cache(maxsize=16384)
def _punctuation(ch: str | None, symbols: bool) -> bool:
    """Punctuation to CommonMark: ASCII punctuation and Unicode P*, and S* (emoji, ＋)
    since 0.31; ``symbols`` says which reading."""
    if ch is None:
        return False
    kind = unicodedata.category(ch)[0]
    return (ch.isascii() and not ch.isalnum() and ch.isprintable() and ch != " ") or (
        kind == "P" or (symbols and kind == "S")
    )


@functools.lru_cache(maxsize=65536)
def _delimits(before: str | None, after: str | None, opens: bool, closes: bool) -> bool:
    """Whether a run of ``=`` between ``before`` and ``after`` (None: the line's end)
    opens and closes as needed, by CommonMark's flanking rules, both readings."""
    for symbols in (False, True):
        first_p, next_p = _punctuation(before, symbols), _punctuation(after, symbols)
        if opens and (_space(after) or (next_p and not (_space(before) or first_p))):
            return False
        if closes and (_space(before) or (first_p and not (_space(after) or next_p))):
            return False
    return True


def marked_line(parts: list[tuple[str, bool]]) -> str:
    """Markdown (already escaped) joined into one line, each part with ``True`` its own
    ``==mark==``, even beside another mark or punctuation: where a run of ``=`` would
    not open or close as meant, empty HTML comments around it make it."""
    out: list[str] = []
    closing = False  # the text before is marked: a run of "=" closes after it
    before: str | None = None  # the last character written
    for text, marked in parts:
        if not text:
            continue
        if closing or marked:
            out.append(_run(before, text[0], marked, closing))
        out.append(text)
        before = text[-1]
        closing = marked
    if closing:
        out.append(_run(before, None, False, True))
    return "".join(out)


@functools.lru_cache(maxsize=65536)
def _run(before: str | None, after: str | None, opens: bool, closes: bool) -> str:
    """The run of ``=`` between ``before`` and ``after`` (None: the line's end) that
    opens and closes as needed, with the guards it takes."""
    run = "==" * (closes + opens)
    if _delimits(before, after, opens, closes):
        return run
    guard_before = before is not None and not _punctuation(before, False)
    guard_after = after is not None and not _punctuation(after, False)
    return (_GUARD if guard_before else "") + run + (_GUARD if guard_after else "")


def _inert_paragraph(line: str) -> str:
    """An article paragraph (already inline-escaped) that cannot open a block."""
    stripped = line.lstrip(" \t")
    first = stripped[:1]
    if first in _MD_LINE_START:
        return "\\" + stripped
    if first.isdigit():  # "1." / "1)" would start a list
        return _ORDERED.sub(r"\1\\\2", stripped, count=1)
    return stripped
