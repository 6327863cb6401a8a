"""Structure recovery: a raw text becomes articles made of blocks.

Steps: a front end reads the markup into pieces; :mod:`layout` undoes hard wraps
into units; :mod:`classify` judges each unit alone; this module settles what
needs neighbours (titles and kickers, headings or captions), splits articles,
joins paragraphs the layout broke, and computes offsets.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain
from pathlib import PurePath

from reader.core.text.classify import (
    CAPTION_CANDIDATE,
    HEADLINE,
    SUBTITLE_CANDIDATE,
    base_kind,
    is_headline,
    is_sentence,
)
from reader.core.text.cleaning import (
    clean_body,
    clean_headline,
    first_words,
    has_two_halves,
    is_finished,
    join_all,
    join_pieces,
)
from reader.core.text.datelines import stamp_value
from reader.core.text.digest import find_digest
from reader.core.text.layout import Unit, build_units
from reader.core.text.lines import SourceLines
from reader.core.text.markdown_source import read_markdown
from reader.core.text.model import (
    Article,
    BlockKind,
    Document,
    Kinds,
    Part,
    assemble_article,
    make_blocks,
    span_of,
)
from reader.core.text.pieces import Hint, Hints
from reader.core.text.plain_source import read_plain

MARKDOWN_SUFFIXES = frozenset((".md", ".markdown", ".mdown", ".mkd", ".mkdn"))
_NO_TEXT = (Hint.MARKUP, Hint.IMAGE, Hint.FRONT_MATTER)
_BODY_KINDS = (BlockKind.PARAGRAPH, BlockKind.CAPTION, BlockKind.LINK)
_TAIL = 256  # characters enough to tell whether a paragraph ends a sentence


def parse_text(text: str, name: str = "") -> Document:
    """Recover the structure of ``text``; ``name`` (a file name) picks the front end."""
    lines = SourceLines(text)
    markdown = file_suffix(name).lower() in MARKDOWN_SUFFIXES
    source = read_markdown(lines) if markdown else read_plain(lines)
    units = build_units(source, lines)
    content = _classify(units, not source.metadata.get("title"), markdown)
    digest = find_digest(content)
    _title_from_front_matter(units, content, source.metadata.get("title", ""))
    breaks = _attach_markup(units, apart=markdown)
    if breaks:  # a rule standing between two paragraphs: a marker of its own, with no text
        content = [u for u in units if u.hint not in _NO_TEXT or id(u) in breaks]
    groups = _split_articles(content)
    if not groups:
        if not units:
            return Document((), dict(source.metadata))
        # only markup: keep its lines in one empty marker
        lines_kept = tuple(sorted(n for u in units for n in u.all_lines))
        marker = assemble_article("", [(Kinds.MARKER, "", lines_kept, None)], untitled=True)
        return Document((marker,), dict(source.metadata))
    del units, content  # the groups hold every unit; each goes once its block is made
    metas = [dict(source.metadata) if index == 0 else {} for index in range(len(groups))]
    if digest is not None:
        for group, meta in zip(groups, metas, strict=True):
            if id(group[0]) in digest.urls:
                meta["url"] = digest.urls[id(group[0])]
    articles = [_assemble(group, meta) for group, meta in zip(groups, metas, strict=True)]
    return Document(tuple(articles), dict(source.metadata))


def file_suffix(name: str) -> str:
    """``PurePath(name).suffix``, with no path object made for a plain file name."""
    if "/" in name or name in ("", ".", ".."):
        return PurePath(name).suffix
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


def _classify(units: list[Unit], promote_first: bool, markdown: bool = False) -> list[Unit]:
    content: list[Unit] = []
    previous: Unit | None = None
    for unit in units:
        if unit.hint not in _NO_TEXT:
            unit.kind = base_kind(
                unit,
                after_image=previous is not None
                and previous.hint is Hints.IMAGE
                and unit.blank_before <= 1,
            )
            if unit.kind == Kinds.HEADING and is_sentence(clean_headline(unit.text)):
                unit.kind = Kinds.PARAGRAPH  # a sentence marked up as a heading
            content.append(unit)
        previous = unit
    _find_titles(content, promote_first, markdown)
    return content


def _find_titles(content: list[Unit], promote_first: bool, markdown: bool = False) -> None:
    story_closed = False  # body text, then a byline (captions aside): the end of a story
    after_body = False
    body_seen = False  # Markdown marks its titles: past the first body text, only markup does
    for i, unit in enumerate(content):
        nxt = content[i + 1] if i + 1 < len(content) else None
        explicit = unit.kind == Kinds.TITLE
        body_seen = body_seen or (markdown and unit.kind == Kinds.PARAGRAPH)
        if (
            unit.kind == HEADLINE
            and not body_seen
            and ((nxt is not None and nxt.kind == SUBTITLE_CANDIDATE) or story_closed)
        ):
            unit.kind = Kinds.TITLE
        if unit.kind not in (Kinds.CAPTION, CAPTION_CANDIDATE, Kinds.LINK):
            story_closed = unit.kind == Kinds.BYLINE and (after_body or story_closed)
            after_body = unit.kind == Kinds.PARAGRAPH
        if unit.kind != Kinds.TITLE:
            continue
        if nxt is not None and nxt.kind == SUBTITLE_CANDIDATE:
            nxt.kind = Kinds.SUBTITLE
        prev = content[i - 1] if i > 0 else None
        if (
            prev is not None
            and not body_seen
            and unit.blank_before <= 2
            and (prev.kind == HEADLINE or (explicit and prev.kind == Kinds.HEADING))
        ):
            prev.kind = Kinds.KICKER
    if not content or not promote_first:
        return
    # A file opening with a headline opens with its title; a Markdown file with
    # no level-1 heading at all takes its first heading as the title.
    head = content[0]
    has_title = any(u.kind == Kinds.TITLE for u in content)
    if head.kind == HEADLINE or (head.kind == Kinds.HEADING and not has_title):
        head.kind = Kinds.TITLE


def _title_from_front_matter(units: list[Unit], content: list[Unit], title: str) -> None:
    """A front-matter title is the title when the body opens without one."""
    front = next((u for u in units if u.hint is Hints.FRONT_MATTER), None)
    if front is None or not title or (content and content[0].kind in (Kinds.TITLE, Kinds.KICKER)):
        return
    front.hint, front.kind, front.text = Hints.HEADING, Kinds.TITLE, title
    content.insert(0, front)


def _split_articles(content: list[Unit]) -> list[list[Unit]]:
    articles: list[list[Unit]] = [[]]
    for unit in content:
        if unit.kind in (Kinds.TITLE, Kinds.KICKER):
            starts_here = (
                unit.kind == Kinds.KICKER
                or not articles[-1]
                or articles[-1][-1].kind != Kinds.KICKER
            )
            if starts_here and articles[-1]:
                articles.append([])
        articles[-1].append(unit)
    return [a for a in articles if a]


def _settle(article: list[Unit]) -> None:
    """Headlines become headings or captions; candidates become what they are."""
    body_after = [False] * (len(article) + 1)  # body_after[i]: body text at or after i
    for i in range(len(article) - 1, -1, -1):
        body_after[i] = body_after[i + 1] or article[i].kind in (
            Kinds.PARAGRAPH,
            SUBTITLE_CANDIDATE,
        )
    before: Unit | None = None  # the last unit that is not a caption
    for i, unit in enumerate(article):
        if unit.kind == SUBTITLE_CANDIDATE:
            unit.kind = Kinds.PARAGRAPH
        elif unit.kind == CAPTION_CANDIDATE:
            after = article[i + 1] if i + 1 < len(article) else None
            opens_section = (
                is_headline(unit.text)
                and (before is None or before.kind != Kinds.PARAGRAPH or is_finished(before.text))
                and after is not None
                and after.kind == Kinds.PARAGRAPH
            )
            unit.kind = Kinds.HEADING if opens_section else Kinds.CAPTION
        elif unit.kind == HEADLINE:
            two_halves = has_two_halves(clean_headline(unit.text))
            if not two_halves and _caption_dropped_after(article, i + 1):
                unit.kind = Kinds.PARAGRAPH  # a fragment: a caption was dropped into its sentence
            else:
                unit.kind = Kinds.HEADING if body_after[i + 1] or two_halves else Kinds.CAPTION
        if unit.kind == Kinds.HEADING and not unit.level:
            unit.level = 2
        if unit.kind != Kinds.CAPTION:
            before = unit


def _caption_dropped_after(article: list[Unit], k: int) -> bool:
    """Extra blank lines, a caption, then body text: the layout of a caption inside a paragraph."""
    first = k
    while k < len(article) and article[k].kind in (CAPTION_CANDIDATE, Kinds.CAPTION):
        k += 1
    return (
        first < k < len(article)
        and article[first].kind == CAPTION_CANDIDATE
        and article[k].kind == Kinds.PARAGRAPH
    )


def _join_broken_paragraphs(article: list[Unit]) -> list[Unit]:
    """A paragraph that stops mid-sentence continues in the next one, past captions.

    The parts are gathered and joined once: joining in the loop is quadratic.
    Whether the paragraph is finished is judged on its last characters only.
    """
    out: list[Unit] = []
    absorbed: set[int] = set()
    for i, unit in enumerate(article):
        if i in absorbed:
            continue
        out.append(unit)
        if unit.kind != Kinds.PARAGRAPH or unit.hint is not Hints.TEXT or unit.markdown:
            continue  # in Markdown a blank line is the author's own paragraph break
        parts = [unit.text]
        more_lines: list[int] = []
        tail = unit.text[-_TAIL:]
        j = i + 1
        while j < len(article) and not is_finished(tail):
            nxt = article[j]
            if nxt.kind == Kinds.CAPTION:
                j += 1
                continue
            if nxt.kind != Kinds.PARAGRAPH or nxt.hint is not Hints.TEXT or j in absorbed:
                break
            if nxt.indent == "wide":
                break  # a full-width indent opens a paragraph, whatever the line before
            parts.append(nxt.text)
            tail = join_pieces(tail, nxt.text[-_TAIL:])[-_TAIL:] if nxt.text else tail
            more_lines.extend(nxt.lines)
            unit.attach(nxt.attached)
            absorbed.add(j)
            j += 1
        if len(parts) > 1:
            unit.text = join_all(parts)
            unit.lines = span_of(chain(unit.lines, more_lines))
    return out


def _attach_markup(units: list[Unit], apart: bool = False) -> set[int]:
    """Lines with no text of their own join a neighbour: the one they touch, else the next.

    With ``apart`` (Markdown), markup standing apart between two paragraphs stays a
    block of its own; the ids of those units are returned.
    """
    breaks: set[int] = set()
    # The nearest unit with text before and after each position, in two passes.
    before: list[Unit | None] = []
    last: Unit | None = None
    for unit in units:
        before.append(last)
        if unit.hint not in _NO_TEXT:
            last = unit
    after: list[Unit | None] = [None] * len(units)
    last = None
    for i in range(len(units) - 1, -1, -1):
        after[i] = last
        if units[i].hint not in _NO_TEXT:
            last = units[i]
    for i, unit in enumerate(units):
        if unit.hint not in _NO_TEXT:
            continue
        prev, nxt = before[i], after[i]
        touching_prev = prev is not None and unit.blank_before == 0 and unit.hint is Hints.MARKUP
        target = prev if touching_prev or nxt is None else nxt
        if not touching_prev and nxt is not None and nxt.blank_before > 0:
            target = _loose_target(prev, nxt)
            if apart and unit.hint is Hints.MARKUP and target.kind == Kinds.PARAGRAPH and prev:
                unit.kind, unit.text = (
                    Kinds.MARKER,
                    "",
                )  # keeps two paragraphs written apart apart
                breaks.add(id(unit))
                continue
        if target is not None:
            target.attach(unit.lines)
    return breaks


def _loose_target(prev: Unit | None, nxt: Unit) -> Unit:
    """Markup standing apart: join a neighbour that is not a paragraph when there is one,
    so that two paragraphs written apart never share it."""
    if nxt.kind == Kinds.PARAGRAPH and prev is not None and prev.kind != Kinds.PARAGRAPH:
        return prev
    return nxt


def _assemble(group: list[Unit], metadata: dict[str, str]) -> Article:
    """The article of ``group``, which it empties: each unit goes once its block is made."""
    _settle(group)
    units = _join_broken_paragraphs(group)
    group.clear()
    meta = dict(metadata)
    blocks, text = make_blocks(_parts(units, meta))
    title = next((b.text for b in blocks if b.kind == Kinds.TITLE and b.text), "")
    untitled = not title
    if untitled and meta.get("title"):
        title, untitled = meta["title"], False
    if untitled:
        body = next((b.text for b in blocks if b.kind == Kinds.PARAGRAPH and b.text), "")
        title = first_words(body or (blocks[0].text if blocks else ""))
    for kind in (Kinds.KICKER, Kinds.SUBTITLE):
        found = next((b.text for b in blocks if b.kind == kind), None)
        if found:
            meta.setdefault(kind, found)
    return Article(title, blocks, text, untitled, meta)


def _parts(units: list[Unit], meta: dict[str, str]) -> Iterator[Part]:
    """The blocks' parts, consuming ``units``; a byline's date stamps ``meta`` (the first one)."""
    units.reverse()  # popped from the end: each unit is let go once its part is made
    while units:
        unit = units.pop()
        if unit.hint is Hints.VERBATIM:
            text = unit.text
        elif unit.kind in _BODY_KINDS:
            text = clean_body(unit.text)
        else:
            text = clean_headline(unit.text)
        if unit.kind == Kinds.BYLINE and (stamp := stamp_value(text)):
            meta.setdefault("updated", stamp)
        level = unit.level if unit.kind == Kinds.HEADING else None
        yield (unit.kind, text, unit.all_lines, level)
