"""Turn a file's bytes into text: detect the encoding, refuse what is not text."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

from reader.core.errors import DecodeError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# The encodings Chinese text files come in, besides UTF-8 and the BOM'd ones.
# GB18030 is a superset of GBK and GB2312. Big5 must compete on coherence,
# because Big5 bytes also "decode" as GB18030 into nonsense.
_CANDIDATES = ["gb18030", "big5", "big5hkscs", "utf_16_le", "utf_16_be"]

# Control characters: not text. Tab, LF, CR stay; VT and FF are layout (a space).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f]")

_NAMES = {"utf_8": "utf-8", "gb18030": "gb18030", "big5": "big5", "big5hkscs": "big5hkscs"}


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str


def decode_bytes(data: bytes) -> DecodedText:
    """Decode ``data``; raise :class:`DecodeError` with a one-line reason."""
    if not data:
        raise DecodeError("the file is empty")
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(name)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"it starts with a {name} mark but is not valid {name}") from exc
            return _checked(DecodedText(text.lstrip("\ufeff"), name))
    if b"\x00" in data:  # anywhere in the file, not only at its start
        raise DecodeError("it looks like a binary file, not text")
    try:
        return _checked(DecodedText(data.decode("utf-8"), "utf-8"))
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_isolation=_CANDIDATES).best()
    if best is None or best.encoding is None:
        raise DecodeError("its text encoding is not one Reader knows (UTF-8, GB18030, Big5)")
    text = str(best)
    return _checked(DecodedText(text, _NAMES.get(best.encoding, best.encoding)))


def _checked(decoded: DecodedText) -> DecodedText:
    """The control character policy, over the whole text.

    A NUL anywhere, or more than a few control characters (over 8, and over 1
    in 100 characters), means binary: refused. The few that remain in a text
    file (a form feed, a stray escape) each become a space, so no control
    character reaches the library or an export, and offsets do not move.
    """
    text = decoded.text
    if _CONTROL.search(text) is not None:
        if "\x00" in text:
            raise DecodeError("it looks like a binary file, not text")
        text, count = _CONTROL.subn(" ", text)
        if count > max(8, len(text) // 100):
            raise DecodeError("it looks like a binary file, not text")
        decoded = DecodedText(text, decoded.encoding)
    if not text.strip():
        raise DecodeError("the file holds no text")
    return decoded
