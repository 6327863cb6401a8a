"""The core's English messages in the UI's language.

The core stays Qt-free and English (the command line prints its messages as they are); the UI
matches a message against the templates of ``reader.ui.core_messages`` and shows the template's
translation with the message's values put back unchanged: paths, numbers, names.

- A template's ``%1``, ``%2``, … match any text (as little as can be); when several templates
  match, the one that covers most of the message's words wins, its values' words included.
- A value is translated too when it is a message or a phrase itself (the ``permission denied``
  of ``cannot write %1: %2``), unless the template quotes it (“%1”, '%1'): that is a user's word.
- A joint such as ``%1: %2`` or ``%1 or %2`` (a template of hardly any words) applies only when
  one of its parts translates, so ``PATH: line 3: REASON`` is translated part by part.
- A message no template matches is shown as it is, so nothing is ever lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QCoreApplication

from reader.ui.core_messages import MESSAGES, PHRASES
from reader.ui.core_messages.mark import CONTEXT
from reader.ui.core_messages.phrases import JOIN

_PLACEHOLDER = re.compile(r"%(\d+)")
_QUOTES = ("“", "‘", "'", '"')
_JOINT_LETTERS = 4  # a template with fewer letters of its own only joins its parts
_DEPTH = 6
_SHORT = r"(?:(?!: ).)+?"  # a phrase's blank: no ": " inside
_REMEMBERED = 1024
_shown: dict[tuple[str, str], str] = {}


@dataclass(frozen=True)
class Template:
    source: str
    pattern: re.Pattern[str]
    letters: int  # letters outside the placeholders
    quoted: frozenset[int]  # placeholders that hold a user's word, kept as it is

    @property
    def joint(self) -> bool:
        return self.letters < _JOINT_LETTERS


def compile_template(source: str, *, phrase: bool = False) -> Template:
    """A phrase's blanks hold no ``": "`` (a number, a word), but for the last of a joint's."""
    parts = _PLACEHOLDER.split(source)  # literal, number, literal, number, …, literal
    regex: list[str] = []
    quoted: set[int] = set()
    letters = sum(c.isalpha() for c in "".join(parts[::2]))
    for i, part in enumerate(parts):
        if i % 2 == 0:
            regex.append(re.escape(part))
            continue
        short = phrase and not (letters < _JOINT_LETTERS and i == len(parts) - 2)
        regex.append(f"(?P<v{part}>{_SHORT if short else '.+?'})")
        if parts[i - 1].endswith(_QUOTES):
            quoted.add(int(part))
    return Template(source, re.compile("".join(regex), re.DOTALL), letters, frozenset(quoted))


@cache
def _templates(values: bool) -> tuple[Template, ...]:
    """Whole messages and joints; for a value, phrases too."""
    found = [compile_template(s) for s in MESSAGES]
    phrases = (compile_template(s, phrase=True) for s in PHRASES)
    return (*found, *(t for t in phrases if values or t.joint))


def _fill(translation: str, values: dict[int, str]) -> str:
    return _PLACEHOLDER.sub(lambda m: values.get(int(m[1]), m[0]), translation)


_Found = tuple[int, int, str]  # letters of the text the templates cover, of the outer one; text


class _Translation:
    """One message's translation: every template that matches is tried, and the one that
    covers most of the message's words, its values' included, wins: ``cannot write %1: %2``
    with ``permission denied`` for %2, over ``%1: permission denied``."""

    def __init__(self) -> None:
        self.seen: dict[tuple[str, bool], _Found | None] = {}

    def best(self, text: str, *, value: bool, depth: int = 0) -> _Found | None:
        key = (text, value)
        if key not in self.seen:
            self.seen[key] = None if depth > _DEPTH or not text else self._best(text, value, depth)
        return self.seen[key]

    def _best(self, text: str, value: bool, depth: int) -> _Found | None:
        best: _Found | None = None
        for template in _templates(value):
            match = template.pattern.fullmatch(text)
            if match is None:
                continue
            values: dict[int, str] = {}
            covered = template.letters
            for name, found in match.groupdict().items():
                number = int(name[1:])
                inner = None
                if number not in template.quoted:
                    inner = self.best(found, value=True, depth=depth + 1)
                covered += inner[0] if inner else 0
                values[number] = inner[2] if inner else found
            if template.joint and covered == template.letters:
                continue  # a joint of parts none of which translates
            key = (covered, template.letters)
            if best is None or key > best[:2]:
                translated = QCoreApplication.translate(CONTEXT, template.source)
                best = (covered, template.letters, _fill(translated, values))
        return best


def translate_message(text: str) -> str:
    """A core message (``str(error)``, a refusal's reason) in the UI's language."""
    key = (QCoreApplication.translate(CONTEXT, JOIN), text)  # another language, another key
    if key not in _shown:  # a thousand refused files share a handful of reasons
        if len(_shown) >= _REMEMBERED:
            _shown.clear()
        found = _Translation().best(text, value=False)
        _shown[key] = text if found is None else found[2]
    return _shown[key]


def with_reason(where: str, reason: str) -> str:
    """``where: reason`` for a list of refusals: the reason translated, the place kept."""
    place = _Translation().best(where, value=True) if ": " in where else None  # a bare path
    joined = QCoreApplication.translate(CONTEXT, JOIN)
    return _fill(joined, {1: where if place is None else place[2], 2: translate_message(reason)})
