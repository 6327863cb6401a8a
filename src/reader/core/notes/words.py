"""jieba set-up: its cache in Reader's cache folder, and the library's user words.

``load()`` takes ~0.6 s even with a warm cache: call it off the UI thread.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from reader.core.paths import cache_dir

_lock = threading.Lock()
_tokenizer: Any = None


def load() -> Any:
    """Load jieba's dictionary once (thread-safe) and return its tokenizer."""
    global _tokenizer
    with _lock:
        if _tokenizer is None:
            import jieba

            jieba.setLogLevel(logging.WARNING)
            folder = cache_dir()
            folder.mkdir(parents=True, exist_ok=True)
            tokenizer = jieba.Tokenizer()
            tokenizer.tmp_dir = str(folder)
            tokenizer.initialize()
            _tokenizer = tokenizer
        return _tokenizer


def is_loaded() -> bool:
    return _tokenizer is not None


def add_user_words(words: list[str]) -> None:
    tokenizer = load()
    for word in words:
        tokenizer.add_word(word)


def remove_user_words(words: list[str]) -> None:
    tokenizer = load()
    for word in words:
        tokenizer.del_word(word)


def word_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each jieba word in ``text``."""
    tokenizer = load()
    return [(start, end) for _, start, end in tokenizer.tokenize(text)]
