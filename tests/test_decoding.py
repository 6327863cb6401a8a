"""Encodings are detected, not guessed in turn: Big5 must not come out as GB18030 nonsense."""

import pytest

from conftest import SEEDS
from reader.core.errors import DecodeError
from reader.core.text.decoding import decode_bytes

SIMPLIFIED = (SEEDS / "001_3e7ffedcf53dbe3a.txt").read_text(encoding="utf-8")
TRADITIONAL = "中華民國的報紙文章，記者採訪了當地居民。這是關於醫院黨建工作的報導，內容豐富。"


@pytest.mark.parametrize(
    "encoding,text,expected",
    [
        ("utf-8", SIMPLIFIED, "utf-8"),
        ("utf-8-sig", SIMPLIFIED, "utf-8-sig"),
        ("utf-16", SIMPLIFIED, "utf-16"),
        ("gb18030", SIMPLIFIED, "gb18030"),
        ("gbk", SIMPLIFIED[:2000], "gb18030"),
        ("big5", TRADITIONAL * 3, "big5"),
        ("big5", TRADITIONAL[:20], "big5"),
    ],
)
def test_detects_encoding(encoding, text, expected):
    decoded = decode_bytes(text.encode(encoding))
    assert decoded.text == text
    assert decoded.encoding == expected


@pytest.mark.parametrize(
    "data,reason",
    [
        (b"", "empty"),
        (b"   \n\r\n  ", "no text"),
        (bytes(range(256)) * 4, "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ],
)
def test_refuses_what_is_not_text(data, reason):
    with pytest.raises(DecodeError, match=reason):
        decode_bytes(data)
