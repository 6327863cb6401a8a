"""Code blocks that are prose: CommonMark reads them as code, their author wrote text.

A line of tildes drawn as a rule above and below a subhead opens and closes a
fence, and a paragraph indented four spaces is an indented code block. Shown
as code, the subhead keeps its padding and the paragraph is set verbatim. A
block with no language named whose text is mostly Han characters, with no
character or line shape of code or markup, is read as text instead. Code with
Chinese comments, templates showing Markdown or HTML, configuration and
commands stay verbatim.
"""

from __future__ import annotations

import re

# Characters that prose almost never holds and code, markup and templates do.
_CODE_CHARS = re.compile(r"[{}<>=;$`|\\\[\]]|\*\*|~~|__|://")
# A line opening like code, a comment, Markdown or a command: ``# x``, ``//``,
# ``- item``, ``> quote``, ``key: value``, ``name(…)``, ``x = 1``, ``sudo …``.
_CODE_LINE = re.compile(
    r"[ \t]*(?:[#>*+\-/!@%&]"
    r"|[A-Za-z_][A-Za-z0-9_.\-]*[ \t]*[:(=]"
    r"|(?:import|from|def|class|return|if|else|for|while|var|let|const|function"
    r"|sudo|npm|pip|git|cd|echo|print|public|private|static|void|int)\b)"
)
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_VISIBLE = re.compile(r"\S")


def is_prose(content: str, info: str) -> bool:
    """Is a code block with this content and info string text its author wrote?

    Only a block with no language named: mostly Han characters (half or more
    of its visible characters), no character of code or markup and no line
    opening like code.
    """
    if info.strip() or _CODE_CHARS.search(content):
        return False
    visible = len(_VISIBLE.findall(content))
    if not visible or 2 * len(_HAN.findall(content)) < visible:
        return False
    return not any(_CODE_LINE.match(line) for line in content.split("\n"))
