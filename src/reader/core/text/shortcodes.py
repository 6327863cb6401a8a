"""Template shortcodes in Markdown sources: Hugo ``{{< … >}}``, ``{{% … %}}``, Liquid ``{% … %}``.

They are instructions to a site generator (embed a video, a figure…), never
text a reader sees. They are cut out of the source before parsing; their
line breaks stay, so every source line keeps its number, and prose glued to
a shortcode on the same line stays.
"""

from __future__ import annotations

import re

# Bounded, non-greedy and line-limited, so a stray opener never runs away.
_SHORTCODE = re.compile(r"\{\{<.{0,2000}?>\}\}|\{\{%.{0,2000}?%\}\}|\{%.{0,2000}?%\}", re.S)


def has_shortcode(text: str) -> bool:
    return ("{{" in text or "{%" in text) and _SHORTCODE.search(text) is not None


def strip_shortcodes(text: str) -> str:
    """``text`` without shortcodes; each keeps the line breaks it spanned."""
    if "{{" not in text and "{%" not in text:
        return text
    return _SHORTCODE.sub(lambda m: "\n" * m.group(0).count("\n"), text)
