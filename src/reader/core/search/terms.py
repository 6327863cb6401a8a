"""A query's terms: words split at white space, and phrases in quotes, folded as the
index is.

* Words are split at any white space (ASCII or full-width); a repeated word counts
  once, so a query's cost does not grow with repetition.
* Words in quotes are one term, a phrase: straight double quotes (``"Xi Jinping"``,
  ASCII or full-width), and the quotes a Chinese input method types, ``“新冠 疫苗”``
  and ``「新冠 疫苗」``. Inside a phrase a blank stays (one space) only between two
  Latin letters or digits, ``xi jinping``; elsewhere it goes, since Chinese text puts
  none between words: ``新冠疫苗``. A quote that opens a word and is never closed opens a
  phrase to the end (the query as it is being typed); a closing quote must end its
  word. A quote mark anywhere else is a character like any other: ``“两会”的`` is
  looked for as it is, and so are quotes around nothing (a lone ``“``, ``""``).
"""

from __future__ import annotations

import re

from reader.core.errors import ReaderError
from reader.core.text.folding import fold

MAX_QUERY_CHARS = 1000
MAX_TERMS = 32


class QueryError(ReaderError):
    """A query Reader will not run: too long, or too many words."""


# After the fold, which turns " and ＂ into a private-use character (see folding).
_STRAIGHT = fold('"')
_PAIRS = ((_STRAIGHT, _STRAIGHT), ("“", "”"), ("「", "」"), ("『", "』"))
_PHRASE = "|".join(f"{o}([^{c}]*)(?:{c}|$)" for o, c in _PAIRS)
_TERM = re.compile(f"(?:{_PHRASE})(?!\\S)|\\S+")
_LATIN = re.compile("[0-9a-z]")


def query_terms(query: str, *, variants: bool = True) -> list[str]:
    """The query's folded terms, words and phrases, in order, each once."""
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(f"a search may be at most {MAX_QUERY_CHARS} characters long")
    found = []
    for m in _TERM.finditer(fold(query, variants=variants)):
        inside = next((g for g in m.groups() if g is not None), None)
        words = inside.split() if inside is not None else []
        # a word, or quotes around nothing (a lone "): the characters as they are
        found += [_phrase(words)] if words else m[0].split()
    terms = list(dict.fromkeys(t for t in found if t))
    if len(terms) > MAX_TERMS:
        raise QueryError(f"a search may hold at most {MAX_TERMS} different words")
    return terms


def _phrase(words: list[str]) -> str:
    """The words of a phrase joined: by a space between Latin letters or digits only."""
    out = words[0] if words else ""
    for word in words[1:]:
        latin = _LATIN.fullmatch(out[-1]) and _LATIN.fullmatch(word[0])
        out += (" " if latin else "") + word
    return out
