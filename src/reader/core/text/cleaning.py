"""Small text functions: character classes, spacing clean-up, joining pieces."""

from __future__ import annotations

import re
from collections.abc import Iterable

# Sentence-final marks: a paragraph ending in one of these is finished.
TERMINAL = frozenset("。！？!?…；;：:．.")
# Closing marks finish a paragraph only when a terminal mark stands before them.
CLOSERS = frozenset("”’」』）)》】〕\"'")
# Marks inside a sentence: a line holding one is body text, not a headline.
SENTENCE_MARKS = frozenset("，,。；;！!？?、")
_FULLWIDTH_PUNCT = frozenset("，。、；：！？“”‘’（）《》〈〉【】「」『』〔〕…—～·")

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# Runs of spaces to fold to one " ": a lone " " is left alone (no match, no copy).
_SPACES = re.compile(
    r"[ \t\u00a0\u2002-\u200a\u202f\u205f\u3000]{2,}|[\t\u00a0\u2002-\u200a\u202f\u205f\u3000]"
)
# Below this length re.sub is used as it is; above, matches are replaced in
# batches, because re.sub keeps every piece of its result in one list (a
# letter-spaced line of n characters would hold n/2 small strings at once).
_NARROW_SPACES = re.compile(r"[ \t\u00a0\u2002-\u200a\u202f\u205f]+")
_SUB_DIRECT = 65536
_BATCH = 4096
_JOIN_BATCH = 256  # parts joined at a time by join_all: 256 strs of one character are 20 KB


def bounded_sub(pattern: re.Pattern[str], repl: str, text: str) -> str:
    """``pattern.sub(repl, text)`` with its extra memory bounded on long texts."""
    if len(text) < _SUB_DIRECT:
        return pattern.sub(repl, text)
    done: list[str] = []
    parts: list[str] = []
    pos = 0
    for match in pattern.finditer(text):
        parts.append(text[pos : match.start()])
        if repl:
            parts.append(repl)
        pos = match.end()
        if len(parts) >= _BATCH:
            done.append("".join(parts))
            parts.clear()
    parts.append(text[pos:])
    done.append("".join(parts))
    return "".join(done)


# East Asian Wide and Fullwidth ranges: two columns each.
_WIDE = re.compile(
    "[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
    "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6"
    "\U00020000-\U0003fffd]"
)
_WIDE_RUN = re.compile(_WIDE.pattern + "+")


_CJK_CLASS = (
    "[\u4e00-\u9fff\u3400-\u4dbf\U00020000-\U0003134f\uf900-\ufaff\u3000-\u303f"
    "\uff00-\uffef" + "".join(sorted(_FULLWIDTH_PUNCT)) + "]"
)
# A single space between two CJK characters, where the word before it or the
# word after it (words split at single spaces) is one character long.
# The space-removing patterns open with the space itself, their lookbehinds
# following it (spanning it): a literal first character lets the regex engine
# jump from space to space instead of trying every position; the matches are
# the same as with the lookbehinds in front.
_LETTER_SPACE = re.compile(
    rf" (?<={_CJK_CLASS} )(?:(?<![^ ]{_CJK_CLASS} )(?={_CJK_CLASS})|(?={_CJK_CLASS}(?: |\Z)))"
)


def is_cjk(ch: str) -> bool:
    """True for Han characters and the CJK/full-width punctuation around them."""
    o = ord(ch)
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x3400 <= o <= 0x4DBF
        or 0x20000 <= o <= 0x3134F
        or 0xF900 <= o <= 0xFAFF
        or 0x3000 <= o <= 0x303F
        or 0xFF00 <= o <= 0xFFEF
        or ch in _FULLWIDTH_PUNCT
    )


def display_width(text: str) -> int:
    """Columns ``text`` takes in a monospaced layout: CJK characters take two."""
    if len(text) < _SUB_DIRECT:
        return len(text) + len(_WIDE.findall(text))
    return len(text) + sum(m.end() - m.start() for m in _WIDE_RUN.finditer(text))


def normalize_line(text: str, keep_wide: bool = False) -> str:
    """Strip a source line and fold every run of spaces (full-width too) to one.

    With ``keep_wide`` (headings the markup marks), an ideographic space between
    words is the author's and stays.
    """
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text  # no tab, no wide or invisible space, no run of spaces: nothing to fold
    if _INVISIBLE.search(text):
        text = bounded_sub(_INVISIBLE, "", text)
    if keep_wide and "\u3000" in text:
        return bounded_sub(_NARROW_SPACES, " ", text).strip(" \t\u3000")
    return bounded_sub(_SPACES, " ", text).strip()


def is_finished(text: str) -> bool:
    """Does ``text`` end a sentence? Unfinished paragraphs continue further on."""
    t = text.rstrip()
    if not t:
        return True
    if t[-1] in TERMINAL:
        return True
    if t[-1] in CLOSERS:
        inner = t.rstrip("".join(CLOSERS))
        return bool(inner) and inner[-1] in TERMINAL
    return False


def remove_letter_spacing(text: str) -> str:
    """Drop OCR letter-spacing: a space between CJK characters where one side is one character.

    ``专 技 人 员`` becomes ``专技人员``; ``百年伟业 精彩巴渝`` keeps its space.
    One regular expression pass: linear time, and no list of tokens in memory.
    """
    if " " not in text:
        return text
    return bounded_sub(_LETTER_SPACE, "", text)


# Dashes and ellipses are shared with Latin text (BEIJING — Abby): only a CJK neighbour
# makes a space beside them OCR noise.
# (Each opens with a space, as _LETTER_SPACE does; a match is always a whole run.)
_SPACE_AROUND_PUNCT = re.compile(
    r" (?:(?<=[，。、；：！？“‘（《〈【「『〔] ) *"
    r"|(?<=[\u3400-\u9fff，。、；：！？”’）》」』] ) *(?=[…—])"
    r"|(?<=[…—] ) *(?=[\u3400-\u9fff“‘（《「『])"
    r"| *(?=[，。、；：！？”’）》〉】」』〕]))"
)
_SPACE_BEFORE_OPENER = re.compile(r" (?<=[\u3400-\u9fff] ) *(?=[“‘（《〈【「『〔])")
_SPACE_AFTER_CLOSER = re.compile(r" (?<=[”’）》〉】」』〕] ) *(?=[\u3400-\u9fff])")
# A number that is part of a Latin word or phrase keeps the author's space beside
# Han text (``CCR5 基因``, ``使用 h2 或``, ``COVID-19 感染``, ``Windows 10 系统``),
# and so does a list number inside a line (``甲 2. 乙``).
_LATIN_NUMBER = "".join(
    rf"(?<![A-Za-z]{sep}[0-9]{{{k}}} )" for k in range(1, 7) for sep in ("", "-", " ")
)
_SPACE_CJK_DIGIT = re.compile(
    r" (?:(?<=[\u3400-\u9fff，。、；：）》] )(?=[0-9])(?![0-9.,]*[A-Za-z])"
    r"(?![0-9]{1,2}(?:[.)] |、(?![0-9])))"
    rf"|(?<=[0-9%] ){_LATIN_NUMBER}(?=[\u3400-\u9fff，。、；：（《]))"
)


def clean_body(text: str) -> str:
    """Clean running text: letter-spacing, spaces at full-width punctuation and digits."""
    text = remove_letter_spacing(text)
    if " " not in text:
        return text
    for pattern in (_SPACE_AROUND_PUNCT, _SPACE_BEFORE_OPENER, _SPACE_AFTER_CLOSER):
        text = bounded_sub(pattern, "", text)
    return bounded_sub(_SPACE_CJK_DIGIT, "", text)


def clean_headline(text: str) -> str:
    """Clean a headline: its spaces between halves mean something, keep them."""
    text = remove_letter_spacing(text)
    return bounded_sub(_SPACE_AROUND_PUNCT, "", text) if "  " in text else text


_WORD_END = frozenset(",.;:!?)]'\"")  # ASCII punctuation a Latin word may end in


def _latin_pair(tail: str, head: str) -> bool:
    """Latin words meet across a line's end: the first part's ``tail`` (its last two
    characters) ends in a letter, or in a word's own punctuation (``miracles,``,
    ``need.``), and the next part's ``head`` is a letter. Never before a digit
    (``10:`` then ``30``), nor after punctuation of CJK text (``张三,``)."""
    if not (head.isascii() and head.isalpha()):
        return False
    end = tail[-1:]
    if end.isascii() and end.isalpha():
        return True
    before = tail[-2:-1]
    return end in _WORD_END and before.isascii() and before.isalnum()


def join_pieces(left: str, right: str) -> str:
    """Join two parts of one paragraph: no added space, except between Latin words."""
    if left and right and _latin_pair(left[-2:], right[0]):
        return f"{left} {right}"
    return left + right


def join_all(parts: Iterable[str], glued: Iterable[bool] = ()) -> str:
    """``join_pieces`` over many parts, in one pass (joining in a loop is quadratic).

    ``glued[k]`` true joins part ``k + 1`` to what precedes it with no space at all
    (a word cut at the end of a line). Parts are joined a batch at a time: no list
    holds them all (a part of one Han character is 76 bytes as a str of its own).
    """
    done: list[str] = []
    out: list[str] = []
    last = ""
    glue = iter(glued)
    for index, part in enumerate(parts):
        no_space = next(glue, False) if index else False
        if not part:
            continue
        if last and not no_space and _latin_pair(last, part[0]):
            out.append(" ")
        out.append(part)
        last = part[-2:] if len(part) > 1 else last[-1:] + part
        if len(out) >= _JOIN_BATCH:
            done.append("".join(out))
            out.clear()
    done.append("".join(out))
    return "".join(done)


def has_two_halves(text: str) -> bool:
    """A headline in two halves: ``改革创新 奋力开创新篇章`` (each side >= 2 characters)."""
    if " " not in text:
        return False
    parts = text.split(" ")
    return len(parts) >= 2 and all(len(p) >= 2 for p in parts)


def first_words(text: str, limit: int = 18) -> str:
    """A title for an untitled article: its first words."""
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[:limit]
    return cut.rstrip("，,、；;：: ") + "…"
