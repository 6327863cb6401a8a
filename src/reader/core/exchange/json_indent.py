"""``json.dumps(value, ensure_ascii=False, indent=1)``, the same text, faster.

With ``indent`` the standard library runs its pure-Python encoder, a chain of
generators every piece of text is yielded up through (3 s for a Label Studio file
of 10,000 notes). This writes the same text in one pass over the value, each string
through the C encoder. Anything but plain dicts, lists, tuples, strings, ints,
booleans and None (a float, a subclass) leaves the value to ``json.dumps``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

_string: Callable[[str], str] = json.encoder.encode_basestring
_CONSTANTS = {None: "null", True: "true", False: "false"}


class _Unusual(Exception):
    """A value this writer leaves to ``json.dumps``."""


def dumps_indented(value: Any) -> str:
    out: list[str] = []
    try:
        _write(value, "\n", out)
    except (_Unusual, RecursionError):
        return json.dumps(value, ensure_ascii=False, indent=1)
    return "".join(out)


def _leaf(value: Any) -> str | None:
    """A string, number or constant as JSON; None for a container (or anything else)."""
    kind = type(value)
    if kind is str:
        return _string(value)
    if kind is int:
        return int.__repr__(value)
    if value is None or kind is bool:
        return _CONSTANTS[value]
    return None


def _write(value: Any, newline: str, out: list[str]) -> None:
    """``value`` as JSON, its lines after the first starting with ``newline``."""
    text = _leaf(value)
    if text is not None:
        out.append(text)
        return
    kind = type(value)
    inner = newline + " "
    separator = "," + inner
    if kind is dict:
        if not value:
            out.append("{}")
            return
        out.append("{")
        before = inner
        for key, item in value.items():
            if type(key) is not str:
                raise _Unusual
            kind = type(item)
            if kind is str:
                out.append(f"{before}{_string(key)}: {_string(item)}")
            else:
                text = _leaf(item)
                if text is None:
                    out.append(f"{before}{_string(key)}: ")
                    _write(item, inner, out)
                else:
                    out.append(f"{before}{_string(key)}: {text}")
            before = separator
        out.append(newline + "}")
    elif kind is list or kind is tuple:
        if not value:
            out.append("[]")
            return
        out.append("[")
        before = inner
        for item in value:
            if type(item) is str:
                out.append(before + _string(item))
            else:
                text = _leaf(item)
                if text is None:
                    out.append(before)
                    _write(item, inner, out)
                else:
                    out.append(before + text)
            before = separator
        out.append(newline + "]")
    else:
        raise _Unusual
