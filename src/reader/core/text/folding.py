"""The fold that matching uses: full-width → half-width, ASCII lower-case. Length-preserving,
so offsets in folded text are offsets in the original."""

from __future__ import annotations

_FOLD = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_FOLD.update({0x3000: 0x20})
_FOLD.update({c: c + 32 for c in range(ord("A"), ord("Z") + 1)})
_FOLD.update({c + 0xFEE0: c + 32 for c in range(ord("A"), ord("Z") + 1)})
# Quote marks cannot be declared FTS5 token characters; fold them to private-use
# characters, which are. Folding serves matching only, so this is invisible.
_FOLD.update({0x22: 0xE022, 0xFF02: 0xE022, 0x27: 0xE027, 0xFF07: 0xE027})


def fold(text: str) -> str:
    """Full-width → half-width, ideographic space → space, ASCII lower-case. Same length."""
    return text.translate(_FOLD)
