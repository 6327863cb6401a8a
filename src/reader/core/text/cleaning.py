"""Small text functions: character classes, spacing clean-up, joining pieces."""

from __future__ import annotations

import re
from itertools import pairwise

# Sentence-final marks: a paragraph ending in one of these is finished.
TERMINAL = frozenset("。！？!?…；;：:．.")
# Closing marks finish a paragraph only when a terminal mark stands before them.
CLOSERS = frozenset("”’」』）)》】〕\"'")
# Marks inside a sentence: a line holding one is body text, not a headline.
SENTENCE_MARKS = frozenset("，,。；;！!？?、")
_FULLWIDTH_PUNCT = frozenset("，。、；：！？“”‘’（）《》〈〉【】「」『』〔〕…—～·")

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"[ \t\u00a0\u2002-\u200a\u202f\u205f\u3000]+")
_NARROW_SPACES = re.compile(r"[ \t\u00a0\u2002-\u200a\u202f\u205f]+")
# East Asian Wide and Fullwidth ranges: two columns each.
_WIDE = re.compile(
    "[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
    "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6"
    "\U00020000-\U0003fffd]"
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
    return len(text) + len(_WIDE.findall(text))


def normalize_line(text: str, keep_wide: bool = False) -> str:
    """Strip a source line and fold every run of spaces (full-width too) to one.

    With ``keep_wide`` (headings the markup marks), an ideographic space between
    words is the author's and stays.
    """
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text  # no tab, no wide or invisible space, no run of spaces: nothing to fold
    if _INVISIBLE.search(text):
        text = _INVISIBLE.sub("", text)
    if keep_wide and "\u3000" in text:
        return _NARROW_SPACES.sub(" ", text).strip(" \t\u3000")
    return _SPACES.sub(" ", text).strip()


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
    """
    if " " not in text:
        return text
    tokens = text.split(" ")
    out = [tokens[0]]
    for prev, tok in pairwise(tokens):
        single = len(prev) == 1 or len(tok) == 1
        if single and prev and tok and is_cjk(prev[-1]) and is_cjk(tok[0]):
            out[-1] += tok
        else:
            out.append(tok)
    return " ".join(out)


# Dashes and ellipses are shared with Latin text (BEIJING — Abby): only a CJK neighbour
# makes a space beside them OCR noise.
_SPACE_AROUND_PUNCT = re.compile(
    r" +(?=[，。、；：！？”’）》〉】」』〕])|(?<=[，。、；：！？“‘（《〈【「『〔]) +"
    r"|(?<=[\u3400-\u9fff，。、；：！？”’）》」』]) +(?=[…—])"
    r"|(?<=[…—]) +(?=[\u3400-\u9fff“‘（《「『])"
)
_SPACE_BEFORE_OPENER = re.compile(r"(?<=[\u3400-\u9fff]) +(?=[“‘（《〈【「『〔])")
_SPACE_AFTER_CLOSER = re.compile(r"(?<=[”’）》〉】」』〕]) +(?=[\u3400-\u9fff])")
_SPACE_CJK_DIGIT = re.compile(
    r"(?<=[\u3400-\u9fff，。、；：）》]) (?=[0-9])|(?<=[0-9%]) (?=[\u3400-\u9fff，。、；：（《])"
)


def clean_body(text: str) -> str:
    """Clean running text: letter-spacing, spaces at full-width punctuation and digits."""
    text = remove_letter_spacing(text)
    if " " not in text:
        return text
    text = _SPACE_AROUND_PUNCT.sub("", text)
    text = _SPACE_BEFORE_OPENER.sub("", text)
    text = _SPACE_AFTER_CLOSER.sub("", text)
    return _SPACE_CJK_DIGIT.sub("", text)


def clean_headline(text: str) -> str:
    """Clean a headline: its spaces between halves mean something, keep them."""
    text = remove_letter_spacing(text)
    return _SPACE_AROUND_PUNCT.sub("", text) if "  " in text else text


def join_pieces(left: str, right: str) -> str:
    """Join two parts of one paragraph: no added space, except between Latin words."""
    if (
        left
        and right
        and left[-1].isascii()
        and left[-1].isalpha()
        and right[0].isascii()
        and right[0].isalpha()
    ):
        return f"{left} {right}"
    return left + right


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
