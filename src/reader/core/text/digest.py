"""News-digest pages: a summary list, then one heading per story, each closed by its source link.

Such a page (a daily bulletin, a news round-up) holds many stories. Each item
heading becomes the title of an article of its own, and the lone link that
closes the item (``[查看原文](…)``) is that article's ``url``. The summary
list at the top is the page's own contents: paragraphs, not captions.

A digest is recognised by its shape alone, never by a name: at least three
headings of one level such that most of them either close with the same lone
link (one label, such as 查看原文) before the next one, or repeat an item of a
list written above them.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from reader.core.text.classify import CAPTION_CANDIDATE
from reader.core.text.layout import Unit
from reader.core.text.model import Kinds
from reader.core.text.pieces import Hints

_MIN_ITEMS = 3
_ENUMERATION = re.compile(r"^\s*(?:\d{1,3}\s*[.．、)）]|[（(]\s*\d{1,3}\s*[)）])\s*")
_NOISE = re.compile(r"[\s，。、；;：:！？!?“”\"'‘’]")


@dataclass
class Digest:
    items: set[int] = field(default_factory=set)  # id() of the units that open an item
    urls: dict[int, str] = field(default_factory=dict)  # item unit id → its source link


def _key(text: str) -> str:
    return _NOISE.sub("", _ENUMERATION.sub("", text))


def find_digest(content: list[Unit]) -> Digest | None:
    """Recognise a digest page and settle its units; None when the page is not one."""
    heading = Hints.HEADING
    by_level: dict[int, list[int]] = defaultdict(list)
    for i in [i for i, unit in enumerate(content) if unit.hint is heading and unit.level >= 2]:
        by_level[content[i].level].append(i)
    for level in sorted(by_level):
        heads = by_level[level]
        if len(heads) < _MIN_ITEMS:
            continue
        links = _closing_links(content, heads, level)
        labels = Counter(unit.text for unit in links.values()).most_common(1)
        if labels and labels[0][1] < len(links):  # one label closes every item: 查看原文
            links = {h: u for h, u in links.items() if u.text == labels[0][0]}
        enough = len(heads) * 3  # most of them: three fifths
        if len(links) * 5 >= enough or len(_listed_items(content, heads)) * 5 >= enough:
            return _settle_digest(content, heads, links)
    return None


def _closing_links(content: list[Unit], heads: list[int], level: int) -> dict[int, Unit]:
    """Each heading whose item ends with a lone link, before the next heading of its level."""
    found: dict[int, Unit] = {}
    for k, start in enumerate(heads):
        end = heads[k + 1] if k + 1 < len(heads) else len(content)
        for j in range(start + 1, end):
            unit = content[j]
            if unit.hint is Hints.HEADING and 1 <= unit.level <= level:
                end = j
                break
        while end - 1 > start and content[end - 1].kind in (Kinds.BYLINE, Kinds.MARKER):
            end -= 1  # a page footer or time stamp after the last item's link
        last = content[end - 1] if end - 1 > start else None
        if last is not None and last.kind == Kinds.LINK and last.url:
            found[start] = last
    return found


def _listed_items(content: list[Unit], heads: list[int]) -> set[int]:
    """The headings that repeat an item of the list written above the first of them."""
    listed = {
        _key(u.text)
        for u in content[: heads[0]]
        if u.kind != Kinds.TITLE and 2 <= len(u.text) <= 120
    }
    listed.discard("")
    return {h for h in heads if _key(content[h].text) in listed}


def _settle_digest(content: list[Unit], heads: list[int], links: dict[int, Unit]) -> Digest:
    digest = Digest()
    for unit in content[: heads[0]]:  # the summary list: the page's contents
        if unit.kind in (Kinds.CAPTION, CAPTION_CANDIDATE):
            unit.kind = Kinds.PARAGRAPH
    for h in heads:
        unit = content[h]
        unit.kind, unit.level = Kinds.TITLE, 0
        digest.items.add(id(unit))
        if h in links:
            digest.urls[id(unit)] = links[h].url
    return digest
